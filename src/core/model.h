// model.h: the data Caseboard holds once feeds are ingested.
//
// Cases and surveys are stored column-wise (struct of arrays) because every aggregate walks one or two
// columns of all rows; strings that repeat (customer, queue, owner, product, offering, ...) are interned
// into a StringPool and stored as 32-bit ids; timestamps are integer seconds since the Unix epoch (UTC).
// Plans, policies and calendars are small and kept as plain structs.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "string_pool.h"

namespace cb {

using Time = int64_t;                // seconds since 1970-01-01T00:00:00Z
constexpr Time kNoTime = INT64_MIN;  // field absent
constexpr uint32_t kNoRow = UINT32_MAX;
inline bool has_time(Time t) {
    return t != kNoTime;
}

enum class Severity : uint8_t { A, B, C, Count };
enum class CaseType : uint8_t { Reactive, Advisory, Count };
enum class CaseStatus : uint8_t {
    New,
    InProgress,
    WaitingCustomer,
    OnHold,
    Resolved,
    Closed,
    Cancelled,
    Count
};
enum class Refund : uint8_t { None, Partial, Full, NonDecrement, Count };
enum class Tristate : int8_t { Unknown = -1, No = 0, Yes = 1 };

const char* to_string(Severity v);    // "A", "B", "C"
const char* to_string(CaseType v);    // "reactive", "advisory"
const char* to_string(CaseStatus v);  // "new", "in_progress", ... (the feed spelling)
const char* to_string(Refund v);      // "none", "partial", "full", "non_decrement"
bool parse_severity(std::string_view s, Severity* out);
bool parse_case_type(std::string_view s, CaseType* out);
bool parse_case_status(std::string_view s, CaseStatus* out);
bool parse_refund(std::string_view s, Refund* out);
inline bool is_open(CaseStatus s) {
    return s != CaseStatus::Resolved && s != CaseStatus::Closed && s != CaseStatus::Cancelled;
}

struct StatusChange {
    CaseStatus status;
    Time at;
};

// One row per case. Every vector has size() == count; optional values use kNoTime, -1 or NaN.
struct CaseTable {
    size_t count = 0;
    std::vector<StrId> id;  // interned too: ids are looked up by surveys
    std::vector<StrId> title;
    std::vector<StrId> customer, offering, queue, product, owner, resolution_code;
    std::vector<Severity> severity;
    std::vector<uint8_t> system_down;  // 0/1
    std::vector<CaseType> type;
    std::vector<CaseStatus> status;
    std::vector<Time> created_at, first_response_at, scope_agreed_at, next_update_due, resolved_at, closed_at,
        last_response_at;
    std::vector<uint16_t> transfers, collaborators, reopened;
    std::vector<Tristate> solution_validated;
    std::vector<Refund> refund;
    std::vector<float> sentiment;  // -1 (negative) .. +1 (positive); NaN when absent
    // status_history of case i is history[history_begin[i] .. history_begin[i+1]); history_begin has count+1
    // entries so that the last case needs no special case.
    std::vector<uint32_t> history_begin{0};
    std::vector<StatusChange> history;

    void reserve(size_t n);
    size_t bytes_held() const;  // heap bytes of the columns (capacity), for the bytes-per-case figure
};

struct SurveyTable {
    size_t count = 0;
    std::vector<StrId> id;
    std::vector<StrId> case_id;
    std::vector<uint32_t> case_index;  // row in Dataset::cases, resolved by assemble(); kNoRow if unknown
    std::vector<Time> submitted_at;
    std::vector<uint8_t> csat;    // 1..5, 0 = absent
    std::vector<uint8_t> effort;  // 1..7, 0 = absent
    std::vector<Tristate> resolved;
    std::vector<int8_t> nps;  // 0..10, -1 = absent
    std::vector<StrId> language;
    std::vector<float> sentiment;
    std::vector<std::string> verbatim;  // free text, not interned

    void reserve(size_t n);
    size_t bytes_held() const;
};

// Pre-aggregated cases and surveys (docs/feeds.md, "Rollups"): one row per UTC day x queue x severity x
// offering, for organisations too large to ship their raw cases. Counts are columns like the tables above.
enum RollupCount : uint8_t {
    kRollupArrivals,   // cases created that day
    kRollupOpen,       // ... of which still open when the rollups were made
    kRollupClosures,   // cases whose end time (case_end_time) falls on that day
    kRollupResponses,  // surveys submitted that day, about cases of this queue x severity x offering
    kRollupCsatN,
    kRollupCsatSum,
    kRollupCsatSumSq,
    kRollupTop2,
    kRollupDissatisfied,
    kRollupEffortN,
    kRollupEffortSum,
    kRollupEffortSumSq,
    kRollupLowEffort,
    kRollupResolvedKnown,
    kRollupResolvedYes,
    kRollupNpsN,
    kRollupPromoters,
    kRollupDetractors,
    kRollupCounts
};
extern const char* const kRollupCountNames[kRollupCounts];  // the feed's field names: "arrivals", ...

struct RollupTable {
    size_t count = 0;
    std::vector<int32_t> day;  // days since 1970-01-01 (UTC)
    std::vector<StrId> queue, offering;
    std::vector<Severity> severity;
    std::vector<uint32_t> counts[kRollupCounts];  // counts[k][row]
};

enum class MilestoneStatus : uint8_t { NotStarted, InProgress, Done, Blocked, Count };
struct Milestone {
    std::string id, title;
    Time due = kNoTime, completed_at = kNoTime;
    float weight = 1.0f;
    MilestoneStatus status = MilestoneStatus::NotStarted;
};
struct Objective {
    std::string id, title, business_outcome;
    std::vector<Milestone> milestones;
};
struct SuccessPlan {
    std::string id, status;
    StrId customer = kNoStr, owner = kNoStr;  // owner is the CSAM
    Time period_start = kNoTime, period_end = kNoTime;
    std::vector<Objective> objectives;
};

enum class SlaMetric : uint8_t { FirstResponse, NextUpdate, Resolution, Count };
const char* to_string(SlaMetric m);  // "first_response", "next_update", "resolution"

struct SlaTarget {
    StrId offering = kNoStr;  // kNoStr = any offering
    Severity severity = Severity::A;
    SlaMetric metric = SlaMetric::FirstResponse;
    int64_t target_minutes = 0;
    bool business_hours = false;  // false: calendar (24x7) hours
    float warning_pct = 0.75f;    // "nearing noncompliance" once this share of the target has elapsed
    std::string calendar;         // calendar name when business_hours
};

struct WorkingSpan {
    int start_minute, end_minute;  // minutes after local midnight, end exclusive
};
struct BusinessCalendar {
    std::string name, time_zone;         // IANA name, e.g. "Europe/Berlin"
    std::vector<WorkingSpan> weekly[7];  // index 0 = Monday
    std::vector<int32_t> holidays;       // local dates as days since 1970-01-01, sorted
};

struct SlaPolicySet {
    std::vector<SlaTarget> targets;
    std::vector<BusinessCalendar> calendars;
    std::vector<CaseStatus> pausing_statuses{CaseStatus::WaitingCustomer, CaseStatus::OnHold};
};

// Everything loaded from a manifest's feeds. Strings of all tables share one pool, owned by the FeedSet
// (or by a test) that assembled the dataset.
struct Dataset {
    const StringPool* strings = nullptr;
    CaseTable cases;
    SurveyTable surveys;
    RollupTable rollups;  // used only when there are no cases (metrics_rollups.cpp)
    std::vector<SuccessPlan> plans;
    SlaPolicySet sla;
};

}  // namespace cb
