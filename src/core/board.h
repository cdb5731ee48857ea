// board.h: the figures of one moment, shared by the dashboard, the browser test API and `caseboard report`.
//
// A Board is the SLA clocks and the metrics of a dataset at an "as of" time under one filter. update_board
// recomputes only what changed: the SLA clocks when the data or the time changed (only the clocks that can
// still change when the same data moves to a later time), the metrics whenever anything did. Same inputs,
// same numbers, whichever face shows them.
#pragma once

#include <cstdint>

#include "filter.h"
#include "metrics.h"
#include "sla.h"

namespace cb {

struct Board {
    SlaResults sla;
    MetricsIndex index;  // rebuilt when the data changes
    Metrics metrics;
    // What the figures were computed for; kNoTime / ~0 until the first update.
    Time as_of = kNoTime;
    uint64_t data_generation = ~uint64_t(0);
    bool default_policies = false;  // no SLA policy feed: the documented defaults in the team's time zone
    Filter filter;                  // the filter of the metrics
    uint64_t version = 0;  // increases with every recompute: views key their caches (sorted rows, ...) on it
};

// data_generation identifies the dataset's version (DataSession::generation()); team_time_zone places the
// default business calendar when the data has no SLA policies. The options must be the same on every call
// for one board. Returns false, touching nothing, when data, time and filter are those of the last update.
bool update_board(const Dataset& data, uint64_t data_generation, const StringPool& strings,
                  std::string_view team_time_zone, Time as_of, const Filter& filter,
                  const MetricsOptions& options, Board* board);

}  // namespace cb
