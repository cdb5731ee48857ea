// view_sla_lists.h: the SLA view's live lists (view_sla_lists.cpp).
#pragma once

#include "view_overview_parts.h"

namespace cb::ui {

// Clocks due in the next 24 h (metrics.sla.nearing) with countdowns; the 4 h count from the headline.
void draw_nearing_list(const Frame& f, UiState& state, const Headline& h, float height);
// Open breaches, longest breached first, with the time since the breach.
void draw_breach_list(const Frame& f, UiState& state, const Headline& h, float height);

}  // namespace cb::ui
