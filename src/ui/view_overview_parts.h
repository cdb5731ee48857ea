// view_overview_parts.h: what the Overview, Queues and SLA views share: the board's headline figures, section
// titles, fitted table text and the wording of rates, durations and clocks.
#pragma once

#include <string>

#include "case_format.h"  // format_duration, shared with the case views
#include "headline.h"
#include "views.h"

namespace cb::ui {

// The headline of the frame's board (computed once per board change, see headline.h).
const Headline& frame_headline(const Frame& f);

// text cut with "…" to the current column / region width; the whole text in a tooltip when cut.
void fitted_text(const char* text);
// "87%" / "no data"
std::string format_percent(double rate);
// Countdown of a clock: "2 h 14 min", and in the last hour "00:41:07".
std::string format_countdown(int64_t seconds);
// Attainment tone: >= 90% good, >= 75% warning, else bad; no data neutral.
Tone attainment_tone(double rate);
// The words every clock carries: "business hours" or "calendar hours (24x7)".
const char* clock_hours_label(bool business_hours);
const char* metric_label(SlaMetric m);  // "First response", "Next update", "Resolution"
// Opens the Cases view on one case.
void open_case(UiState& state, const Frame& f, uint32_t row);

}  // namespace cb::ui
