// sla.h: SLA clocks for every case and metric at an "as of" time.
//
// Each clock counts the policy's hours (a business calendar in its time zone, with holidays and DST, or
// 24x7 calendar hours), stops counting while the case sits in a pausing status, and ends when the metric's
// event happens (first response, next update, resolution).
#pragma once

#include <cstdint>
#include <vector>

#include "model.h"

namespace cb {

enum class SlaState : uint8_t {
    InProgress,            // running, below the warning threshold
    NearingNoncompliance,  // running, warning threshold passed
    Paused,                // in a pausing status at as_of
    Succeeded,             // event happened within target
    Noncompliant,          // target passed (breach_at says when)
    Cancelled,             // case cancelled before the event
    NotApplicable,         // no target for this case's offering x severity, or not measurable
    Count
};
const char* to_string(SlaState s);  // "in_progress", "nearing_noncompliance", "paused", ...

// Column-wise results: clocks[metric].state[row] is the state of case `row` for `metric`.
struct SlaClockColumns {
    std::vector<SlaState> state;
    std::vector<int32_t> target_s;        // target in counted seconds (business or calendar); 0 when n/a
    std::vector<int32_t> elapsed_s;       // counted seconds used so far (to the event, or to as_of)
    std::vector<Time> deadline;           // wall time at which the target is (or was) reached; kNoTime if n/a
    std::vector<uint8_t> business_hours;  // 1: the clock counts business hours; 0: calendar hours
};

struct SlaResults {
    Time as_of = kNoTime;
    SlaClockColumns clocks[static_cast<int>(SlaMetric::Count)];
    std::vector<uint32_t> changing_rows;  // cases whose clocks a later as_of can change (advance_sla)
};

// Uses data.sla; when it has no targets, the default policies (sla_defaults.h) in UTC business hours.
void compute_sla(const Dataset& data, Time as_of, SlaResults* out);
// Same with explicit policies, e.g. default_sla_policies(manifest.time_zone, pool) when no policy feed.
void compute_sla(const Dataset& data, const SlaPolicySet& policies, Time as_of, SlaResults* out);
// Moves results of compute_sla on the same data and policies forward to a later as_of (the live dashboard's
// minute tick): only the changing rows are recomputed (open and cancelled cases, and cases with events after
// the old as_of), with the same results as compute_sla. An earlier as_of, or results that do not fit the
// data, fall back to compute_sla.
void advance_sla(const Dataset& data, const SlaPolicySet& policies, Time as_of, SlaResults* out);

// One case's clock, for the dashboard's case view.
struct SlaClock {
    SlaState state = SlaState::NotApplicable;
    int64_t target_s = 0, elapsed_s = 0;
    int64_t remaining_s = 0;  // target_s - elapsed_s (negative once breached); 0 when n/a or cancelled
    Time deadline = kNoTime;
    bool business_hours = false;
};
SlaClock sla_clock(const SlaResults& results, SlaMetric metric, uint32_t row);
int64_t remaining_seconds(const SlaResults& results, SlaMetric metric, uint32_t row);

}  // namespace cb
