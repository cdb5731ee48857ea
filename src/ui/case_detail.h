// case_detail.h: the case detail panel of the case explorer (timeline, SLA clocks, survey, the customer's
// plan health) and the small pieces the case views share.
#pragma once

#include <vector>

#include "dashboard_ui.h"
#include "theme.h"

namespace cb::ui {

// Per case row: its latest survey or kNoRow; rebuilt once per data version.
const std::vector<uint32_t>& latest_surveys(const DataSession& session);

Tone sla_state_tone(SlaState s);
void sla_badge(SlaState s);  // glyph + short words, coloured
Tone plan_health_tone(PlanHealth h);
const char* plan_health_words(PlanHealth h);  // "On track", "At risk", "Late", "Done"

// Draws the panel of case `row` into the current region. Esc or its Close button clear
// state.view.selected_case.
void draw_case_detail(const Frame& f, UiState& state, uint32_t row);

}  // namespace cb::ui
