// metrics.cpp: the one entry point that fills every figure for a filter and an "as of" time.
#include "metrics.h"

namespace cb {

// Columns of the wrong length would be read out of bounds: such a table is treated as empty.
static bool cases_usable(const CaseTable& c) {
    const size_t n = c.count;
    for (size_t len :
         {c.id.size(), c.title.size(), c.customer.size(), c.offering.size(), c.queue.size(), c.product.size(),
          c.owner.size(), c.severity.size(), c.system_down.size(), c.status.size(), c.created_at.size(),
          c.first_response_at.size(), c.scope_agreed_at.size(), c.resolved_at.size(), c.closed_at.size(),
          c.transfers.size(), c.collaborators.size(), c.reopened.size(), c.solution_validated.size()})
        if (len != n) return false;
    return c.history_begin.size() == n + 1;
}

void compute_metrics(const Dataset& data, const SlaResults& sla, const Filter& filter, Time as_of,
                     const MetricsOptions& options, Metrics* out) {
    out->as_of = as_of;
    out->rows.clear();
    if (data.strings && cases_usable(data.cases)) select_cases(data, filter, &out->rows);
    static const StringPool kEmptyPool;
    Dataset
        empty;  // stands in for an unusable dataset so that every figure is reset, never read out of bounds
    empty.strings = &kEmptyPool;
    const Dataset& d = data.strings && cases_usable(data.cases) ? data : empty;
    out->scratch.keys.prepare(d.strings->size());
    compute_backlog(d, as_of, options, out);
    compute_sla_metrics(d, sla, as_of, options, out);
    compute_satisfaction(d, filter, options, out);
    compute_drivers(d, sla, as_of, options, out);
    compute_verbatims(d, options, out);
    compute_plans(d, filter, as_of, options, out);
}

}  // namespace cb
