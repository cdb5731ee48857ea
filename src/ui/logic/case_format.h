// case_format.h: how the case explorer and the case detail write durations, times and SLA states (no
// ImGui), so table cells, the detail panel and tooltips agree.
#pragma once

#include <cstdint>
#include <string>

#include "model.h"
#include "sla.h"

namespace cb {

// "< 1 min", "45 min", "3 h 20 min", "2 d 4 h", "61 d"; negative values read as their magnitude.
std::string format_duration(int64_t seconds);
// "2026-11-30 14:05 UTC"; "–" for kNoTime.
std::string format_utc_minute(Time t);
// Short words of an SLA state for cells and badges: "Breached", "Nearing", "Running", "Paused", "Met",
// "Cancelled", "n/a".
const char* sla_state_words(SlaState s);
// "Waiting on customer", "In progress", ... for a status.
const char* case_status_words(CaseStatus s);

}  // namespace cb
