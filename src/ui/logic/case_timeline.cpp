#include "case_timeline.h"

#include <algorithm>

namespace cb {

const char* case_event_label(CaseEventKind kind) {
    switch (kind) {
        case CaseEventKind::Created:
            return "Created";
        case CaseEventKind::FirstResponse:
            return "First response";
        case CaseEventKind::ScopeAgreed:
            return "Scope agreed";
        case CaseEventKind::Status:
            return "Status";
        case CaseEventKind::Resolved:
            return "Resolved";
        case CaseEventKind::LastResponse:
            return "Last response";
        case CaseEventKind::Closed:
            return "Closed";
        case CaseEventKind::Survey:
            return "Survey";
    }
    return "";
}

static bool is_pausing(const SlaPolicySet& sla, CaseStatus s) {
    return std::find(sla.pausing_statuses.begin(), sla.pausing_statuses.end(), s) !=
           sla.pausing_statuses.end();
}

void case_timeline(const Dataset& data, uint32_t row, Time as_of, std::vector<CaseEvent>* events,
                   std::vector<TimeSpan>* pauses) {
    events->clear();
    pauses->clear();
    const CaseTable& c = data.cases;
    if (row >= c.count || !has_time(as_of)) return;
    auto add = [&](Time at, CaseEventKind kind) {
        if (has_time(at) && at <= as_of) events->push_back(CaseEvent{at, kind, CaseStatus::New, kNoRow});
    };
    add(c.created_at[row], CaseEventKind::Created);
    add(c.first_response_at[row], CaseEventKind::FirstResponse);
    add(c.scope_agreed_at[row], CaseEventKind::ScopeAgreed);
    uint32_t b = c.history_begin[row], e = c.history_begin[row + 1];
    if (b > e || e > c.history.size()) b = e = 0;  // malformed offsets: no history rather than a crash
    for (uint32_t i = b; i < e; ++i) {
        const StatusChange& ch = c.history[i];
        if (has_time(ch.at) && ch.at <= as_of)
            events->push_back(CaseEvent{ch.at, CaseEventKind::Status, ch.status, kNoRow});
    }
    add(c.resolved_at[row], CaseEventKind::Resolved);
    add(c.last_response_at[row], CaseEventKind::LastResponse);
    add(c.closed_at[row], CaseEventKind::Closed);
    const SurveyTable& s = data.surveys;
    for (uint32_t i = 0; i < s.count; ++i)
        if (s.case_index[i] == row && has_time(s.submitted_at[i]) && s.submitted_at[i] <= as_of)
            events->push_back(CaseEvent{s.submitted_at[i], CaseEventKind::Survey, CaseStatus::New, i});
    // History arrives in feed order, which need not be time order; the stable sort keeps life order on ties.
    std::stable_sort(events->begin(), events->end(),
                     [](const CaseEvent& x, const CaseEvent& y) { return x.at < y.at; });
    Time paused_from = kNoTime;
    for (const CaseEvent& ev : *events) {
        if (ev.kind != CaseEventKind::Status) continue;
        bool pausing = is_pausing(data.sla, ev.status);
        if (pausing && !has_time(paused_from)) paused_from = ev.at;
        if (!pausing && has_time(paused_from)) pauses->push_back({paused_from, ev.at}), paused_from = kNoTime;
    }
    if (has_time(paused_from)) pauses->push_back({paused_from, as_of});
}

}  // namespace cb
