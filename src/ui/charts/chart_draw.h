// chart_draw.h: what the chart widgets share (internal): the canvas, crisp lines, text fitting, axes,
// legends and tooltip rows. Sizes are UI-scaled pixels; "device" pixels are framebuffer pixels.
#pragma once

#include <string>
#include <vector>

#include "charts.h"

namespace cb::ui::chart {

inline float px(float v) {
    return v * g_theme.scale;
}
ImU32 with_alpha(ImU32 color, float alpha);

// The rectangle a chart reserves at the cursor (an invisible button: hover and click come with it).
struct Canvas {
    ImVec2 min, max;
    bool visible = false, hovered = false, clicked = false;
    ImVec2 mouse;
    ImDrawList* dl = nullptr;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    bool mouse_in(ImVec2 a, ImVec2 b) const {
        return hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y;
    }
};
// False when the canvas is scrolled out of view: the caller draws nothing then.
bool begin_canvas(const char* id, ImVec2 size, Canvas* c);

// Device-pixel snapping: lines one device-pixel-multiple thick on pixel boundaries are crisp at any DPI.
float device_ratio();
float snap(float v);  // to the nearest device pixel boundary
void hline(ImDrawList* dl, float x0, float x1, float y, ImU32 color, float thickness_px = 1);
void vline(ImDrawList* dl, float x, float y0, float y1, ImU32 color, float thickness_px = 1);
void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 color);
// A filled quad with no anti-aliased fringe, so strips of them (bands, areas) have no seams.
void fill_quad(ImDrawList* dl, ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, ImU32 color);

float line_height();  // body font
// text, or its longest prefix that fits max_width followed by "…" (written to *scratch).
const char* fit_text(const char* text, float max_width, std::string* scratch);
void text_at(ImDrawList* dl, ImVec2 pos, ImU32 color, const char* text);
void text_centered(ImDrawList* dl, ImVec2 centre, ImU32 color, const char* text);
// text centred under top_centre in at most two lines of max_width (split at a space, the rest cut with
// "…"); returns true when it had to be cut.
bool text_two_lines(ImDrawList* dl, ImVec2 top_centre, float max_width, ImU32 color, const char* text);

// ---- axes -------------------------------------------------------------------------------------------------
struct ValueAxis {
    NiceAxis nice;
    ValueFormat format = ValueFormat::Number;
    std::vector<double> ticks;
};
// A nice axis over [lo, hi] with about one tick per `spacing` pixels along `length`.
void make_value_axis(double lo, double hi, float length, float spacing, ValueFormat format, ValueAxis* axis);
// Width the labels of a value axis may take: the widest label that format can produce at this size, or
// the widest label of an axis already made.
float value_label_width(ValueFormat format);
float value_label_width(const ValueAxis& axis);
// Grid lines across [x0, x1] and right-aligned labels left of x0.
void draw_value_axis_y(ImDrawList* dl, const ValueAxis& axis, const LinearScale& y, float x0, float x1);
// Grid lines across [y0, y1] and labels centred under y1.
void draw_value_axis_x(ImDrawList* dl, const ValueAxis& axis, const LinearScale& x, float y0, float y1);
// Time grid lines across [y0, y1] and labels with their top at label_y (none when NaN), thinned so none
// overlap and kept inside [clip_x0, clip_x1].
void draw_time_axis(ImDrawList* dl, const LinearScale& x, float y0, float y1, float label_y, float clip_x0,
                    float clip_x1, int utc_offset);

// ---- legend and tooltips ----------------------------------------------------------------------------------
struct LegendItem {
    const char* label;
    ImU32 color;
    bool band;  // a pale block (interval) rather than a solid swatch
};
// Items in rows from pos, wrapping at max_width; returns the height used.
float draw_legend(ImDrawList* dl, ImVec2 pos, float max_width, const LegendItem* items, int count);
// One tooltip line with a colour swatch in front (call between BeginTooltip and EndTooltip).
void tooltip_swatch_text(ImU32 color, const char* text);

}  // namespace cb::ui::chart
