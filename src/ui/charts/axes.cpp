// axes.cpp: value and time axes of the charts: grid lines, tick labels that never overlap.
#include <algorithm>
#include <cmath>

#include "chart_draw.h"

namespace cb::ui::chart {

void make_value_axis(double lo, double hi, float length, float spacing, ValueFormat format, ValueAxis* axis) {
    int max_ticks = std::max(2, (int)(length / std::max(spacing, 1.0f)) + 1);
    axis->nice = nice_axis(lo, hi, max_ticks);
    axis->format = format;
    nice_ticks(axis->nice.lo, axis->nice.hi, axis->nice.step, &axis->ticks);
}

float value_label_width(ValueFormat format) {
    return ImGui::CalcTextSize(format == ValueFormat::Percent ? "100%" : "-888.8k").x;
}

float value_label_width(const ValueAxis& axis) {
    char label[32];
    float w = 0;
    for (double v : axis.ticks) {
        format_tick(v, axis.nice.step, axis.format, label, sizeof label);
        w = std::max(w, ImGui::CalcTextSize(label).x);
    }
    return w;
}

void draw_value_axis_y(ImDrawList* dl, const ValueAxis& axis, const LinearScale& y, float x0, float x1) {
    char label[32];
    float h = line_height();
    for (double v : axis.ticks) {
        float py = (float)y.to_pixel(v);
        hline(dl, x0, x1, py, v == 0 ? g_theme.panel_border : g_theme.grid);
        format_tick(v, axis.nice.step, axis.format, label, sizeof label);
        float w = ImGui::CalcTextSize(label).x;
        text_at(dl, ImVec2(x0 - px(6) - w, py - h * 0.5f), g_theme.text_dim, label);
    }
}

void draw_value_axis_x(ImDrawList* dl, const ValueAxis& axis, const LinearScale& x, float y0, float y1) {
    char label[32];
    float last_right = -1e30f;
    for (double v : axis.ticks) {
        float p = (float)x.to_pixel(v);
        vline(dl, p, y0, y1, v == 0 ? g_theme.panel_border : g_theme.grid);
        format_tick(v, axis.nice.step, axis.format, label, sizeof label);
        float w = ImGui::CalcTextSize(label).x, left = p - w * 0.5f;
        if (left < last_right + px(6)) continue;
        text_at(dl, ImVec2(left, y1 + px(4)), g_theme.text_dim, label);
        last_right = left + w;
    }
}

void draw_time_axis(ImDrawList* dl, const LinearScale& x, float y0, float y1, float label_y, float clip_x0,
                    float clip_x1, int utc_offset) {
    static std::vector<TimeTick> ticks;  // reused every frame: axes must not allocate per tick
    float width = (float)std::fabs(x.p1 - x.p0);
    float slot = ImGui::CalcTextSize("Mon 30").x + px(20);
    time_ticks((Time)std::floor(x.v0), (Time)std::ceil(x.v1), std::max(2, (int)(width / slot)), utc_offset,
               &ticks);
    float last_right = -1e30f;
    for (const TimeTick& t : ticks) {
        float p = (float)x.to_pixel((double)t.at);
        if (y1 > y0) vline(dl, p, y0, y1, g_theme.grid);
        if (std::isnan(label_y)) continue;
        float w = ImGui::CalcTextSize(t.label).x;
        float left = std::clamp(p - w * 0.5f, clip_x0, clip_x1 - w);
        if (left < last_right + px(8)) continue;
        text_at(dl, ImVec2(left, label_y), g_theme.text_dim, t.label);
        last_right = left + w;
    }
}

}  // namespace cb::ui::chart
