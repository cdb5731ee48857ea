// metrics.cpp: the one entry point that fills every figure for a filter and an "as of" time.
#include "metrics.h"

namespace cb {

// Columns of the wrong length would be read out of bounds: such a table is treated as empty.
bool cases_usable(const CaseTable& c) {
    const size_t n = c.count;
    for (size_t len :
         {c.id.size(), c.title.size(), c.customer.size(), c.offering.size(), c.queue.size(), c.product.size(),
          c.owner.size(), c.severity.size(), c.system_down.size(), c.status.size(), c.created_at.size(),
          c.first_response_at.size(), c.scope_agreed_at.size(), c.resolved_at.size(), c.closed_at.size(),
          c.transfers.size(), c.collaborators.size(), c.reopened.size(), c.solution_validated.size()})
        if (len != n) return false;
    return c.history_begin.size() == n + 1;
}

bool surveys_usable(const SurveyTable& s) {
    for (size_t len : {s.case_index.size(), s.submitted_at.size(), s.csat.size(), s.effort.size(),
                       s.resolved.size(), s.nps.size(), s.verbatim.size()})
        if (len != s.count) return false;
    return true;
}

// Stands in for an unusable dataset so that every figure is reset, never read out of bounds.
static const Dataset& usable_or_empty(const Dataset& data) {
    static const StringPool kEmptyPool;
    static const Dataset kEmpty = [] {
        Dataset d;
        d.strings = &kEmptyPool;
        return d;
    }();
    return data.strings && cases_usable(data.cases) ? data : kEmpty;
}

static bool index_fits(const MetricsIndex& index, const Dataset& d) {
    return index.cases == d.cases.count && index.surveys == d.surveys.count &&
           index.queue.case_code.size() == d.cases.count;
}

void compute_metrics(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                     const Filter& filter, Time as_of, const MetricsOptions& options, Metrics* out) {
    const Dataset& d = usable_or_empty(data);
    const MetricsIndex* idx = &index;
    if (!index_fits(index, d)) {
        build_metrics_index(d, &out->scratch.own_index);
        idx = &out->scratch.own_index;
    }
    out->as_of = as_of;
    out->scratch.keys.prepare(d.strings->size());  // the plans' roll-ups by CSAM and customer
    select_cases(d, filter, &out->rows, &idx->text, &out->scratch.text_matches);
    compute_backlog(d, *idx, as_of, options, out);
    compute_sla_metrics(d, *idx, sla, as_of, options, out);
    compute_satisfaction(d, *idx, filter, options, out);
    compute_drivers(d, *idx, sla, as_of, options, out);
    compute_verbatims(d, *idx, options, out);
    compute_plans(d, *idx, filter, as_of, options, out);
}

void compute_metrics(const Dataset& data, const SlaResults& sla, const Filter& filter, Time as_of,
                     const MetricsOptions& options, Metrics* out) {
    MetricsIndex& index = out->scratch.own_index;
    build_metrics_index(usable_or_empty(data), &index);
    compute_metrics(data, index, sla, filter, as_of, options, out);
}

}  // namespace cb
