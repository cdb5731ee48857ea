#include "case_csv.h"

#include "csv_writer.h"

namespace cb {

static const char* const kHeader[] = {
    "id", "title", "customer", "offering", "queue", "product", "owner", "severity", "system_down", "type",
    "status", "created_at", "first_response_at", "scope_agreed_at", "next_update_due", "resolved_at",
    "closed_at", "last_response_at", "transfers", "collaborators", "reopened", "solution_validated", "refund",
    "sentiment", "resolution_code",
    // SLA clocks at as_of: state, target and elapsed counted hours, deadline.
    "first_response_sla", "first_response_target_h", "first_response_elapsed_h", "first_response_deadline",
    "next_update_sla", "next_update_target_h", "next_update_elapsed_h", "next_update_deadline",
    "resolution_sla", "resolution_target_h", "resolution_elapsed_h", "resolution_deadline",
    // The case's latest survey.
    "survey_id", "survey_submitted_at", "csat", "effort", "survey_resolved", "nps", "verbatim"};

static void tristate(CsvWriter& w, Tristate t) {
    if (t == Tristate::Unknown)
        w.empty();
    else
        w.text(t == Tristate::Yes ? "true" : "false");
}

void write_cases_csv(const Dataset& data, const SlaResults& sla, const std::vector<uint32_t>& rows,
                     const std::vector<uint32_t>* latest_survey, std::string* out) {
    out->clear();
    CsvWriter w(out);
    for (const char* h : kHeader) w.text(h);
    w.end_row();
    const CaseTable& c = data.cases;
    const SurveyTable& s = data.surveys;
    const StringPool& pool = *data.strings;
    for (uint32_t r : rows) {
        if (r >= c.count) continue;
        w.text(pool.view(c.id[r]));
        w.text(pool.view(c.title[r]));
        w.text(pool.view(c.customer[r]));
        w.text(pool.view(c.offering[r]));
        w.text(pool.view(c.queue[r]));
        w.text(pool.view(c.product[r]));
        w.text(pool.view(c.owner[r]));
        w.text(to_string(c.severity[r]));
        w.text(c.system_down[r] ? "true" : "false");
        w.text(to_string(c.type[r]));
        w.text(to_string(c.status[r]));
        for (const std::vector<Time>* t :
             {&c.created_at, &c.first_response_at, &c.scope_agreed_at, &c.next_update_due, &c.resolved_at,
              &c.closed_at, &c.last_response_at})
            w.time((*t)[r]);
        w.integer(c.transfers[r]);
        w.integer(c.collaborators[r]);
        w.integer(c.reopened[r]);
        tristate(w, c.solution_validated[r]);
        w.text(to_string(c.refund[r]));
        w.number(c.sentiment[r]);
        w.text(pool.view(c.resolution_code[r]));
        for (int m = 0; m < static_cast<int>(SlaMetric::Count); ++m) {
            if (r >= sla.clocks[m].state.size()) {
                for (int k = 0; k < 4; ++k) w.empty();
                continue;
            }
            SlaClock clock = sla_clock(sla, static_cast<SlaMetric>(m), r);
            bool applies = clock.state != SlaState::NotApplicable;
            w.text(to_string(clock.state));
            if (applies) {
                w.number(clock.target_s / 3600.0);
                w.number(clock.elapsed_s / 3600.0);
            } else {
                w.empty(), w.empty();
            }
            w.time(clock.deadline);
        }
        uint32_t sv = latest_survey && r < latest_survey->size() ? (*latest_survey)[r] : kNoRow;
        if (sv < s.count) {
            w.text(pool.view(s.id[sv]));
            w.time(s.submitted_at[sv]);
            s.csat[sv] ? w.integer(s.csat[sv]) : w.empty();
            s.effort[sv] ? w.integer(s.effort[sv]) : w.empty();
            tristate(w, s.resolved[sv]);
            s.nps[sv] >= 0 ? w.integer(s.nps[sv]) : w.empty();
            w.text(s.verbatim[sv]);
        } else {
            for (int k = 0; k < 7; ++k) w.empty();
        }
        w.end_row();
    }
}

}  // namespace cb
