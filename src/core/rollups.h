// rollups.h: figures from a rollups feed (pre-aggregated counts, docs/feeds.md "Rollups") instead of cases.
//
// A dataset with rollups and no cases fills, from the rollup rows, the Metrics fields the raw path fills for
// backlog counts, flows and satisfaction, so that every view and report shows them with the same code. What
// rollups cannot give (owners, SLA clocks, drivers, verbatims, case lists) stays empty. docs/metrics.md,
// "From rollups", lists which figure comes from where and why.
#pragma once

#include <string>
#include <vector>

#include "metrics.h"

namespace cb {

// True when the figures come from rollups: the dataset has rollup rows and no cases (cases win).
bool uses_rollups(const Dataset& data);

// Called by compute_metrics after the raw parts ran on no cases (which reset every figure).
void compute_rollup_metrics(const Dataset& data, const Filter& filter, Time as_of,
                            const MetricsOptions& options, Metrics* out);

// The filter keys set in `filter` that rollups cannot apply, as named in filter strings ("product",
// "customer", "owner", "status", "text").
std::vector<std::string> rollup_ignored_filters(const Filter& filter);

// One line for the dashboard and the report: what the rollups leave out under this filter; "" when the
// filter applies in full.
std::string rollup_filter_note(const Filter& filter);

}  // namespace cb
