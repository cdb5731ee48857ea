// heatmap.cpp: a rows x cols matrix on the viridis ramp, with a legend bar and numbers that fit.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_draw.h"

namespace cb::ui {

using namespace chart;

namespace {

ImU32 ramp_color(double t) {
    Rgb c = viridis(t);
    return IM_COL32(c.r, c.g, c.b, 255);
}

// The legend: a vertical gradient bar with the ramp's bounds, titled with what a cell counts.
void draw_ramp_legend(ImDrawList* dl, ImVec2 a, ImVec2 b, double lo, double hi, const HeatmapOptions& o) {
    const int kSteps = 24;
    float step = (b.y - a.y) / kSteps;
    for (int i = 0; i < kSteps; ++i) {
        // Top is the high end; each piece interpolates between its two ends.
        ImU32 top = ramp_color(1.0 - (double)i / kSteps), bottom = ramp_color(1.0 - (double)(i + 1) / kSteps);
        dl->AddRectFilledMultiColor(ImVec2(a.x, snap(a.y + step * (float)i)),
                                    ImVec2(b.x, snap(a.y + step * (float)(i + 1))), top, top, bottom, bottom);
    }
    dl->AddRect(a, b, g_theme.panel_border);
    char text[32];
    float h = line_height();
    double axis_step = std::fabs(hi - lo) >= 10 ? 1 : 0.01;
    format_tick(hi, axis_step, o.format, text, sizeof text);
    text_at(dl, ImVec2(b.x + px(4), a.y - h * 0.1f), g_theme.text_dim, text);
    format_tick(lo, axis_step, o.format, text, sizeof text);
    text_at(dl, ImVec2(b.x + px(4), b.y - h * 0.9f), g_theme.text_dim, text);
}

}  // namespace

int heatmap(const char* id, const double* values, int rows, int cols, const char* const* row_labels,
            const char* const* col_labels, ImVec2 size, const HeatmapOptions& o) {
    Canvas c;
    if (!begin_canvas(id, size, &c) || rows <= 0 || cols <= 0 || !values) return -1;
    ImDrawList* dl = c.dl;
    float h = line_height();
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < rows * cols; ++i)
        if (std::isfinite(values[i])) lo = std::min(lo, values[i]), hi = std::max(hi, values[i]);
    if (std::isfinite(o.v_min)) lo = o.v_min;
    if (std::isfinite(o.v_max)) hi = o.v_max;
    if (!(lo <= hi)) lo = 0, hi = 1;
    if (lo == hi) hi = lo + 1;

    float row_w = 0;
    for (int r = 0; row_labels && r < rows; ++r)
        row_w = std::max(row_w, ImGui::CalcTextSize(row_labels[r]).x);
    row_w = std::min(row_w, c.width() * 0.28f);
    float legend_w = px(12) + px(6) + value_label_width(o.format);
    ImVec2 title = ImGui::CalcTextSize(o.value_label);
    ImVec2 pmin(c.min.x + row_w + (row_w > 0 ? px(8) : 0), c.min.y + h + px(6));
    ImVec2 pmax(c.max.x - legend_w - px(10), c.max.y - (col_labels ? h + px(6) : 0));
    if (pmax.x - pmin.x < px(24) || pmax.y - pmin.y < px(12)) return -1;
    text_at(dl, ImVec2(c.max.x - title.x, c.min.y), g_theme.text_dim, o.value_label);
    draw_ramp_legend(dl, ImVec2(pmax.x + px(10), pmin.y), ImVec2(pmax.x + px(22), pmax.y), lo, hi, o);

    float cw = (pmax.x - pmin.x) / (float)cols, ch = (pmax.y - pmin.y) / (float)rows;
    float gap = cw > px(6) && ch > px(6) ? 1.0f / device_ratio() : 0;
    char text[32];
    // Numbers only when the widest one fits every cell.
    format_tick(hi, 1, o.format, text, sizeof text);
    bool numbers = o.cell_numbers && ImGui::CalcTextSize(text).x + px(4) <= cw && h + px(1) <= ch;
    int hover = -1;
    for (int r = 0; r < rows; ++r) {
        for (int k = 0; k < cols; ++k) {
            double v = values[r * cols + k];
            ImVec2 a(snap(pmin.x + cw * (float)k), snap(pmin.y + ch * (float)r));
            ImVec2 b(snap(pmin.x + cw * (float)(k + 1)) - gap, snap(pmin.y + ch * (float)(r + 1)) - gap);
            if (c.mouse_in(a, ImVec2(b.x + gap, b.y + gap))) hover = r * cols + k;
            if (!std::isfinite(v)) {
                dl->AddRectFilled(a, b, g_theme.grid);
                continue;
            }
            double t = (v - lo) / (hi - lo);
            dl->AddRectFilled(a, b, ramp_color(t));
            if (!numbers) continue;
            format_tick(v, 1, o.format, text, sizeof text);
            text_centered(
                dl, ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f),
                prefers_dark_text(viridis(t)) ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255),
                text);
        }
    }

    std::string cut;
    for (int r = 0; row_labels && r < rows; ++r) {
        const char* t = fit_text(row_labels[r], row_w, &cut);
        float w = ImGui::CalcTextSize(t).x;
        ImU32 col = hover >= 0 && hover / cols == r ? g_theme.text : g_theme.text_dim;
        text_at(dl, ImVec2(pmin.x - px(8) - w, pmin.y + ch * ((float)r + 0.5f) - h * 0.5f), col, t);
    }
    if (col_labels) {
        float widest = 0;
        for (int k = 0; k < cols; ++k) widest = std::max(widest, ImGui::CalcTextSize(col_labels[k]).x);
        int every = std::max(1, (int)std::ceil((widest + px(6)) / cw));
        for (int k = 0; k < cols; k += every) {
            float w = ImGui::CalcTextSize(col_labels[k]).x;
            ImU32 col = hover >= 0 && hover % cols == k ? g_theme.text : g_theme.text_dim;
            text_at(dl, ImVec2(pmin.x + cw * ((float)k + 0.5f) - w * 0.5f, pmax.y + px(4)), col,
                    col_labels[k]);
        }
    }

    if (hover < 0) return -1;
    int r = hover / cols, k = hover % cols;
    ImVec2 a(snap(pmin.x + cw * (float)k), snap(pmin.y + ch * (float)r));
    ImVec2 b(snap(pmin.x + cw * (float)(k + 1)), snap(pmin.y + ch * (float)(r + 1)));
    dl->AddRect(a, b, g_theme.text, 0, 0, px(2));
    char v[32];
    format_value(values[hover], o.format, v, sizeof v);
    ImGui::BeginTooltip();
    ImGui::PushFont(g_font_bold);
    ImGui::Text("%s · %s", row_labels ? row_labels[r] : "", col_labels ? col_labels[k] : "");
    ImGui::PopFont();
    ImGui::Text("%s: %s", o.value_label, v);
    ImGui::EndTooltip();
    return c.clicked ? hover : -1;
}

}  // namespace cb::ui
