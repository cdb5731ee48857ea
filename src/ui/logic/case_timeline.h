// case_timeline.h: one case's life as a list of dated events and the spans its SLA clocks were paused,
// for the case detail panel (no ImGui).
//
// Events after as_of are left out: at that moment they had not happened (the SLA clocks read the data the
// same way). Ties keep the order of a case's life (created before first response before status changes...).
#pragma once

#include <cstdint>
#include <vector>

#include "model.h"

namespace cb {

enum class CaseEventKind : uint8_t {
    Created,
    FirstResponse,
    ScopeAgreed,
    Status,  // a status change: CaseEvent::status
    Resolved,
    LastResponse,
    Closed,
    Survey,  // CaseEvent::survey answered
};
const char* case_event_label(CaseEventKind kind);  // "Created", "First response", ...

struct CaseEvent {
    Time at = kNoTime;
    CaseEventKind kind = CaseEventKind::Created;
    CaseStatus status = CaseStatus::New;  // Status events
    uint32_t survey = kNoRow;             // Survey events
};
struct TimeSpan {
    Time from = kNoTime, to = kNoTime;  // [from, to); to = as_of while still paused
};

// The events of case `row` up to as_of, oldest first, and the spans it sat in a pausing status of
// data.sla (a case still paused at as_of: the span ends at as_of).
void case_timeline(const Dataset& data, uint32_t row, Time as_of, std::vector<CaseEvent>* events,
                   std::vector<TimeSpan>* pauses);

}  // namespace cb
