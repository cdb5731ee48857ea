// bar_chart.cpp: stacked and grouped bars, vertical or horizontal, with category and value labels.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_draw.h"

namespace cb::ui {

using namespace chart;

namespace {

constexpr int kMaxLegend = 12;

struct BarLayout {
    bool horizontal;
    LinearScale values;  // value -> pixel along the value axis
    // Screen rectangle of the span [ua, ub] on the category axis and [va, vb] on the value axis.
    void rect(float ua, float ub, double va, double vb, ImVec2* a, ImVec2* b) const {
        float pa = (float)values.to_pixel(va), pb = (float)values.to_pixel(vb);
        if (horizontal)
            *a = ImVec2(snap(std::min(pa, pb)), snap(ua)), *b = ImVec2(snap(std::max(pa, pb)), snap(ub));
        else
            *a = ImVec2(snap(ua), snap(std::min(pa, pb))), *b = ImVec2(snap(ub), snap(std::max(pa, pb)));
    }
};

// A value label inside a bar segment when it fits, in the colour that reads on that segment.
void label_inside(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, const char* text) {
    ImVec2 s = ImGui::CalcTextSize(text);
    if (s.x + px(4) > b.x - a.x || s.y + px(2) > b.y - a.y) return;
    ImVec4 f = ImGui::ColorConvertU32ToFloat4(fill);
    Rgb rgb{(uint8_t)(f.x * 255), (uint8_t)(f.y * 255), (uint8_t)(f.z * 255)};
    text_centered(dl, ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f),
                  prefers_dark_text(rgb) ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255), text);
}

// The box of the last value label drawn past a bar: bars closer than a line (many owners on a short chart)
// would put their labels over one another, so one that would overlap it is left out (the tooltip has it).
struct LabelBox {
    ImVec2 min{0, 0}, max{0, 0};
    bool overlaps(ImVec2 a, ImVec2 b) const {
        return a.x < max.x && min.x < b.x && a.y < max.y && min.y < b.y;
    }
};

// A value label just past the end of a bar (above it, or right of it), unless it would overlap *last.
void label_after(ImDrawList* dl, const BarLayout& l, ImVec2 a, ImVec2 b, bool negative, const char* text,
                 LabelBox* last) {
    ImVec2 s = ImGui::CalcTextSize(text), at;
    if (l.horizontal) {
        at = ImVec2(negative ? a.x - px(4) - s.x : b.x + px(4), (a.y + b.y - s.y) * 0.5f);
    } else {
        if (s.x > (b.x - a.x) + px(10)) return;
        at = ImVec2((a.x + b.x - s.x) * 0.5f, negative ? b.y + px(2) : a.y - px(2) - s.y);
    }
    // (A line's top and bottom eighths hold no digit: labels that touch only there are kept.)
    const ImVec2 box_min(at.x, at.y + s.y / 8), box_max(at.x + s.x, at.y + s.y * 7 / 8);
    if (last->overlaps(box_min, box_max)) return;
    text_at(dl, at, g_theme.text, text);
    *last = LabelBox{box_min, box_max};
}

void bar_tooltip(const char* category, const char* const* series, int ns, const double* values, int nc, int k,
                 int hovered_series, const BarChartOptions& o) {
    char buf[160], v[32];
    ImGui::BeginTooltip();
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(category);
    ImGui::PopFont();
    double total = 0;
    for (int s = 0; s < ns; ++s) {
        double x = values[s * nc + k];
        if (std::isfinite(x)) total += x;
        format_value(x, o.format, v, sizeof v);
        const char* name = series && series[s] ? series[s] : "";
        std::snprintf(buf, sizeof buf, "%s%s%s", name, *name ? ": " : "", v);
        if (s == hovered_series) ImGui::PushFont(g_font_bold);
        tooltip_swatch_text(series_color(s), buf);
        if (s == hovered_series) ImGui::PopFont();
    }
    if (o.stacked && ns > 1) {
        format_value(total, o.format, v, sizeof v);
        ImGui::Text("Total: %s", v);
    }
    ImGui::EndTooltip();
}

}  // namespace

ChartHit bar_chart(const char* id, const char* const* categories, int nc, const char* const* series, int ns,
                   const double* values, ImVec2 size, const BarChartOptions& o) {
    ChartHit hit;
    Canvas c;
    if (!begin_canvas(id, size, &c) || nc <= 0 || ns <= 0 || !values || !categories) return hit;
    for (int k = 0; k < nc; ++k)
        if (!categories[k]) return hit;  // labels are required; a null one would crash text measuring
    ImDrawList* dl = c.dl;
    auto val = [&](int s, int k) {
        double v = values[s * nc + k];
        return std::isfinite(v) ? v : 0.0;
    };
    double lo = 0, hi = 0;
    for (int k = 0; k < nc; ++k) {
        double pos = 0, neg = 0;
        for (int s = 0; s < ns; ++s) {
            double v = val(s, k);
            if (o.stacked)
                (v > 0 ? pos : neg) += v;
            else
                pos = std::max(pos, v), neg = std::min(neg, v);
        }
        hi = std::max(hi, pos), lo = std::min(lo, neg);
    }
    if (lo == hi) hi = 1;

    float h = line_height(), legend_h = 0;
    if (ns > 1 && series) {
        LegendItem items[kMaxLegend];
        int n = 0;
        for (int s = 0; s < ns && n < kMaxLegend; ++s)
            items[n++] = LegendItem{series[s], series_color(s), false};
        legend_h = draw_legend(dl, c.min, c.width(), items, n) + px(6);
    }
    // The value axis first (its labels set the margin), laid out on the space it will roughly get.
    static ValueAxis axis;
    float label_w = 0, two_lines = 2 * h + px(6);
    if (o.horizontal) {
        for (int k = 0; k < nc; ++k) label_w = std::max(label_w, ImGui::CalcTextSize(categories[k]).x);
        label_w = std::min(label_w, c.width() * 0.32f);
        make_value_axis(lo, hi, c.width() - label_w - px(60), px(64), o.format, &axis);
    } else {
        make_value_axis(lo, hi, c.height() - legend_h - two_lines - h, h * 2.2f, o.format, &axis);
    }
    float axis_w = value_label_width(axis);
    ImVec2 pmin, pmax;
    if (o.horizontal) {
        float end_room = o.value_labels ? axis_w + px(4) : axis_w * 0.5f;
        pmin = ImVec2(c.min.x + label_w + px(10), c.min.y + legend_h);
        pmax = ImVec2(c.max.x - end_room - px(4), c.max.y - h - px(8));
    } else {
        pmin =
            ImVec2(c.min.x + axis_w + px(10), c.min.y + legend_h + (o.value_labels ? h + px(2) : h * 0.5f));
        pmax = ImVec2(c.max.x - px(6), c.max.y - two_lines);
    }
    if (pmax.x - pmin.x < px(24) || pmax.y - pmin.y < px(24)) return hit;

    BarLayout l{o.horizontal, {}};
    if (o.horizontal) {
        l.values = LinearScale{axis.nice.lo, axis.nice.hi, pmin.x, pmax.x};
        draw_value_axis_x(dl, axis, l.values, pmin.y, pmax.y);
    } else {
        l.values = LinearScale{axis.nice.lo, axis.nice.hi, pmax.y, pmin.y};
        draw_value_axis_y(dl, axis, l.values, pmin.x, pmax.x);
    }
    float u0 = o.horizontal ? pmin.y : pmin.x, u_len = o.horizontal ? pmax.y - pmin.y : pmax.x - pmin.x;
    float slot = u_len / (float)nc;
    float group = std::min(slot * 0.72f, px(o.horizontal ? 30.0f : 72.0f) * (o.stacked ? 1.0f : (float)ns));

    // The hovered category: its whole slot, labels included, so a cut label can be read in full.
    int hover_k = -1, hover_s = -1;
    if (c.hovered) {
        float mu = o.horizontal ? c.mouse.y : c.mouse.x;
        if (mu >= u0 && mu < u0 + u_len) hover_k = std::min(nc - 1, (int)((mu - u0) / slot));
    }
    if (hover_k >= 0) {
        ImVec2 a, b;
        float ua = u0 + slot * (float)hover_k;
        l.rect(ua, ua + slot, axis.nice.lo, axis.nice.hi, &a, &b);
        dl->AddRectFilled(a, b, with_alpha(g_theme.text, 0.06f));
    }

    char text[32];
    LabelBox last_label;
    for (int k = 0; k < nc; ++k) {
        float uc = u0 + slot * ((float)k + 0.5f);
        double pos = 0, neg = 0;
        for (int s = 0; s < ns; ++s) {
            double v = val(s, k), va = 0, vb = v;
            float ua = uc - group * 0.5f, ub = uc + group * 0.5f;
            if (o.stacked) {
                double& end = v >= 0 ? pos : neg;
                va = end, vb = end + v, end = vb;
            } else {
                float bw = group / (float)ns;
                ua += bw * (float)s, ub = ua + bw - (ns > 1 ? px(1) : 0);
            }
            if (v == 0) continue;
            ImVec2 a, b;
            l.rect(ua, ub, va, vb, &a, &b);
            ImU32 col = series_color(s);
            dl->AddRectFilled(a, b, col);
            // A hairline of panel colour between stacked segments keeps neighbours apart.
            if (o.stacked && s > 0) {
                if (o.horizontal)
                    vline(dl, v >= 0 ? a.x : b.x, a.y, b.y, g_theme.panel);
                else
                    hline(dl, a.x, b.x, v >= 0 ? b.y : a.y, g_theme.panel);
            }
            if (c.mouse_in(a, b) && k == hover_k) hover_s = s;
            if (!o.value_labels) continue;
            format_tick(v, 1, o.format, text, sizeof text);
            if (o.stacked && ns > 1)
                label_inside(dl, a, b, col, text);
            else
                label_after(dl, l, a, b, v < 0, text, &last_label);
        }
        if (o.value_labels && o.stacked && ns > 1 && pos + neg != 0) {
            ImVec2 a, b;
            l.rect(uc - group * 0.5f, uc + group * 0.5f, neg, pos, &a, &b);
            format_tick(pos + neg, 1, o.format, text, sizeof text);
            label_after(dl, l, a, b, false, text, &last_label);
        }
    }

    // Category labels, thinned when the slots are narrower than a few characters.
    std::string cut;
    float min_slot = o.horizontal ? h : ImGui::CalcTextSize("Abcd").x;
    int every = std::max(1, (int)std::ceil(min_slot / std::max(slot, 1.0f)));
    for (int k = 0; k < nc; k += every) {
        float uc = u0 + slot * ((float)k + 0.5f);
        ImU32 col = k == hover_k ? g_theme.text : g_theme.text_dim;
        if (o.horizontal) {
            const char* t = fit_text(categories[k], label_w, &cut);
            float w = ImGui::CalcTextSize(t).x;
            text_at(dl, ImVec2(pmin.x - px(8) - w, uc - h * 0.5f), col, t);
        } else {
            text_two_lines(dl, ImVec2(uc, pmax.y + px(4)), slot * (float)every - px(6), col, categories[k]);
        }
    }

    if (hover_k >= 0) {
        bar_tooltip(categories[hover_k], series, ns, values, nc, hover_k, hover_s, o);
        if (c.clicked) hit = ChartHit{hover_s, hover_k};
    }
    return hit;
}

}  // namespace cb::ui
