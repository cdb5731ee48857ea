// charts.h: Caseboard's chart widgets, one function per chart in the ImPlot style.
//
// Each function draws into the current window at the cursor, reserves `size` (UI-scaled pixels; a size of
// 0 or less means "available space plus that amount", as in ImGui) and returns what the user clicked, so a
// view can cross-filter. Colours come from the theme, series colours from the Okabe-Ito palette; every
// hover shows exact values; state is never told by colour alone. Charts redraw only when input arrives
// (frames are event driven), so nothing here animates.
#pragma once

#include <cstdint>

#include "imgui.h"
#include "model.h"
#include "scales.h"
#include "stats.h"
#include "ui/theme.h"

namespace cb::ui {

// Categorical colour i in Okabe-Ito order (orange, sky blue, bluish green, yellow, blue, vermillion,
// reddish purple, grey), tuned for the current theme; wraps after 8.
ImU32 series_color(int i);

// What was clicked: series and index (point, category or segment); -1 when nothing was.
struct ChartHit {
    int series = -1, index = -1;
    bool clicked() const { return index >= 0; }
};

// ---- line and area charts ---------------------------------------------------------------------------
struct LineSeries {
    const char* label = "";
    const double* x = nullptr;  // ascending; cb::Time seconds on a time axis
    const double* y = nullptr;  // NaN = no value (skipped)
    int count = 0;
    const double* lower = nullptr;  // optional band (e.g. a 95% interval) around y
    const double* upper = nullptr;
    const uint32_t* n = nullptr;  // optional responses per point: markers, and "n = 42" on hover
    bool area = false;            // fill down to the baseline
};
struct LineChartOptions {
    bool time_axis = true;
    ValueFormat y_format = ValueFormat::Number;
    double y_min = kNaN, y_max = kNaN;  // fixed bounds; NaN fits the data (and includes 0 for areas)
    Time marker = kNoTime;              // a vertical "today" / as-of line
    const char* marker_label = "today";
    const char* band_label = "95% interval";
    TimeStep point_period = TimeStep::Day;  // how a point's time reads on hover
    int utc_offset = 0;                     // seconds; labels are in UTC unless set
};
// Several series over one x axis; series of any length are decimated per pixel column (M4) first.
// Returns the clicked point (series, index).
ChartHit line_chart(const char* id, const LineSeries* series, int series_count, ImVec2 size,
                    const LineChartOptions& options = {});

// ---- bar charts ----------------------------------------------------------------------------------------
struct BarChartOptions {
    bool horizontal = false;
    bool stacked = true;  // false: grouped side by side
    bool value_labels = false;
    ValueFormat format = ValueFormat::Number;
};
// values[s * category_count + c] is series s in category c (NaN counts as 0). Long category labels are
// cut with an ellipsis and shown whole on hover. Returns the clicked (series, category).
ChartHit bar_chart(const char* id, const char* const* categories, int category_count,
                   const char* const* series, int series_count, const double* values, ImVec2 size,
                   const BarChartOptions& options = {});

// ---- heat map
// ----------------------------------------------------------------------------------------------
struct HeatmapOptions {
    ValueFormat format = ValueFormat::Number;
    const char* value_label = "value";  // what a cell counts, for the tooltip and the legend
    bool cell_numbers = true;           // drawn when they fit
    double v_min = kNaN, v_max = kNaN;  // ramp bounds; NaN fits the data
};
// values[r * cols + c]; NaN = no data (drawn empty). Viridis ramp with a legend bar. Returns the clicked
// cell as r * cols + c, or -1.
int heatmap(const char* id, const double* values, int rows, int cols, const char* const* row_labels,
            const char* const* col_labels, ImVec2 size, const HeatmapOptions& options = {});

// ---- small multiples
// --------------------------------------------------------------------------------------- A tiny line with a
// dot on the last value, for KPI tiles; hover shows the value under the mouse.
bool sparkline(const char* id, const double* values, int count, ImVec2 size, ImU32 color,
               ValueFormat format = ValueFormat::Number);
// A donut of shares with a centre value and label, legend beside it when there is room. Returns the
// clicked segment, or -1.
int donut_chart(const char* id, const double* values, const char* const* labels, int count,
                const char* centre_value, const char* centre_label, ImVec2 size);
// One share (0..1) as a ring against a track, the percentage in the centre, the tone's glyph by the
// label. Returns true when clicked.
bool share_gauge(const char* id, double share, const char* label, Tone tone, ImVec2 size);

// ---- Gantt / timeline ------------------------------------------------------------------------------------
struct GanttRow {
    const char* label = "";
    int depth = 0;                        // 0 plan, 1 objective, 2 milestone: indents the label
    Time start = kNoTime, end = kNoTime;  // a bar; a milestone has only `end` (its due date): a diamond
    bool milestone = false;
    double progress = kNaN;  // 0..1 done, drawn as the bar's fill
    double expected = kNaN;  // 0..1 expected by today, drawn as a tick on the bar
    Tone health = Tone::Neutral;
    const char* status = "";  // words for the tooltip: "on track", "at risk: 2 milestones late"
};
// Rows over [t0, t1] with a time axis and a today line; scrolls when the rows do not fit. Returns the
// clicked row, or -1.
int gantt_chart(const char* id, const GanttRow* rows, int count, Time t0, Time t1, Time today, ImVec2 size);

}  // namespace cb::ui
