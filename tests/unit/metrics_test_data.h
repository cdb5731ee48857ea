// metrics_test_data.h: hand-built Datasets for the metrics tests (the test owns the string pool).
#pragma once

#include <string>

#include "metrics.h"

namespace cb_test {

using namespace cb;

// 2026-03-02T00:00:00Z, a Monday; t(d, h) is d days and h hours later.
inline Time t(int day, double hours = 0) {
    return static_cast<Time>(days_from_civil(2026, 3, 2)) * kSecondsPerDay +
           static_cast<Time>(day) * kSecondsPerDay + static_cast<Time>(hours * 3600);
}

struct TestData {
    StringPool pool;
    Dataset data;
    TestData() { data.strings = &pool; }
    TestData(const TestData&) = delete;

    // A case with defaults everywhere; tests then set the columns they care about through data.cases.
    uint32_t add_case(const std::string& id, Time created, CaseStatus status,
                      const std::string& queue = "Net", Severity severity = Severity::B) {
        CaseTable& c = data.cases;
        c.id.push_back(pool.intern(id));
        c.title.push_back(pool.intern("Title of " + id));
        c.customer.push_back(pool.intern("Contoso"));
        c.offering.push_back(pool.intern("premier"));
        c.queue.push_back(pool.intern(queue));
        c.product.push_back(pool.intern("Exchange"));
        c.owner.push_back(pool.intern("ann"));
        c.resolution_code.push_back(kNoStr);
        c.severity.push_back(severity);
        c.system_down.push_back(0);
        c.type.push_back(CaseType::Reactive);
        c.status.push_back(status);
        c.created_at.push_back(created);
        for (auto* col : {&c.first_response_at, &c.scope_agreed_at, &c.next_update_due, &c.resolved_at,
                          &c.closed_at, &c.last_response_at})
            col->push_back(kNoTime);
        c.transfers.push_back(0), c.collaborators.push_back(0), c.reopened.push_back(0);
        c.solution_validated.push_back(Tristate::Unknown);
        c.refund.push_back(Refund::None);
        c.sentiment.push_back(NAN);
        c.history_begin.push_back(static_cast<uint32_t>(c.history.size()));
        return static_cast<uint32_t>(c.count++);
    }
    // Appends a status change to the LAST case added.
    void add_history(CaseStatus status, Time at) {
        data.cases.history.push_back({status, at});
        data.cases.history_begin.back()++;
    }
    StrId id(const std::string& s) { return pool.intern(s); }

    uint32_t add_survey(uint32_t case_row, Time submitted, uint8_t csat, uint8_t effort = 0,
                        Tristate resolved = Tristate::Unknown, int8_t nps = -1,
                        const std::string& verbatim = "") {
        SurveyTable& s = data.surveys;
        s.id.push_back(pool.intern("S" + std::to_string(s.count)));
        s.case_id.push_back(data.cases.id[case_row]);
        s.case_index.push_back(case_row);
        s.submitted_at.push_back(submitted);
        s.csat.push_back(csat), s.effort.push_back(effort), s.resolved.push_back(resolved),
            s.nps.push_back(nps);
        s.language.push_back(kNoStr);
        s.sentiment.push_back(NAN);
        s.verbatim.push_back(verbatim);
        return static_cast<uint32_t>(s.count++);
    }
};

// SLA results with every clock NotApplicable, to be edited per test.
inline SlaResults empty_sla(size_t rows, Time as_of) {
    SlaResults r;
    r.as_of = as_of;
    for (SlaClockColumns& k : r.clocks) {
        k.state.assign(rows, SlaState::NotApplicable);
        k.target_s.assign(rows, 0), k.elapsed_s.assign(rows, 0);
        k.deadline.assign(rows, kNoTime);
        k.business_hours.assign(rows, 0);
    }
    return r;
}

}  // namespace cb_test
