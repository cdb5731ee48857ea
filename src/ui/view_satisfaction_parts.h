// view_satisfaction_parts.h: the pieces of the Satisfaction view, split by job across files.
#pragma once

#include "dashboard_ui.h"

namespace cb::ui {

// Verbatim browser (search, score range, highlighted matches) and the distinguishing terms
// (view_satisfaction_verbatims.cpp).
void draw_verbatim_browser(const Frame& f, float height);
void draw_distinguishing_terms(const Frame& f, float height);
// CSAT by queue / product / offering / owner / customer: sortable, a click filters
// (view_satisfaction_breakdown.cpp).
void draw_satisfaction_breakdown(const Frame& f, UiState& state);

}  // namespace cb::ui
