// line_chart.cpp: line and area charts with bands, markers, a today line; decimated per pixel column.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_draw.h"

namespace cb::ui {

using namespace chart;

namespace {

constexpr int kMaxLegend = 12;

// Per-frame scratch, reused by every line chart: index lists of the decimated series and their points.
struct LineScratch {
    std::vector<uint32_t> kept, one;
    std::vector<size_t> begin;  // series s keeps kept[begin[s] .. begin[s + 1])
    std::vector<ImVec2> points;
    ValueAxis y_axis, x_axis;
};
LineScratch g_scratch;

bool has_band(const LineSeries& s) {
    return s.lower && s.upper;
}

// Nearest index to value v in ascending x (or -1 when empty).
int nearest_index(const LineSeries& s, double v) {
    if (s.count <= 0 || !s.x || !s.y) return -1;
    const double* it = std::lower_bound(s.x, s.x + s.count, v);
    int i = (int)(it - s.x);
    if (i >= s.count) return s.count - 1;
    if (i > 0 && v - s.x[i - 1] < s.x[i] - v) --i;
    return i;
}

void draw_marker_line(ImDrawList* dl, const LineChartOptions& o, const LinearScale& xs, ImVec2 pmin,
                      ImVec2 pmax) {
    if (!has_time(o.marker)) return;
    float x = (float)xs.to_pixel((double)o.marker);
    if (x < pmin.x || x > pmax.x) return;
    dashed_vline(dl, x, pmin.y, pmax.y, g_theme.text_dim);
    ImVec2 s = ImGui::CalcTextSize(o.marker_label);
    float pad = px(4), left = x + px(4);
    if (left + s.x + 2 * pad > pmax.x) left = x - px(4) - s.x - 2 * pad;  // no room right of the line
    ImVec2 a(left, pmin.y + px(2)), b(left + s.x + 2 * pad, pmin.y + px(2) + s.y + px(2));
    dl->AddRectFilled(a, b, g_theme.panel, px(3));
    dl->AddRect(a, b, g_theme.panel_border, px(3));
    text_at(dl, ImVec2(a.x + pad, a.y + px(1)), g_theme.text, o.marker_label);
}

void hover_tooltip(const LineSeries* series, int series_count, const LineChartOptions& o, double x_value) {
    char head[64], buf[160], v[32], lo[32], hi[32];
    if (o.time_axis)
        format_time((Time)x_value, o.point_period, o.utc_offset, head, sizeof head);
    else
        format_value(x_value, ValueFormat::Number, head, sizeof head);
    ImGui::BeginTooltip();
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(head);
    ImGui::PopFont();
    for (int s = 0; s < series_count; ++s) {
        const LineSeries& ls = series[s];
        int i = nearest_index(ls, x_value);
        if (i < 0 || ls.x[i] != x_value) continue;  // this series has no point at that time
        format_value(ls.y[i], o.y_format, v, sizeof v);
        int len = std::snprintf(buf, sizeof buf, "%s%s%s", ls.label, *ls.label ? ": " : "", v);
        if (has_band(ls) && std::isfinite(ls.lower[i]) && std::isfinite(ls.upper[i]) &&
            len < (int)sizeof buf) {
            format_value(ls.lower[i], o.y_format, lo, sizeof lo);
            format_value(ls.upper[i], o.y_format, hi, sizeof hi);
            len += std::snprintf(buf + len, sizeof buf - (size_t)len, "  (%s %s – %s)", o.band_label, lo, hi);
        }
        if (ls.n && len < (int)sizeof buf)
            std::snprintf(buf + len, sizeof buf - (size_t)len, "  n = %u", (unsigned)ls.n[i]);
        tooltip_swatch_text(series_color(s), buf);
    }
    ImGui::EndTooltip();
}

}  // namespace

ChartHit line_chart(const char* id, const LineSeries* series, int series_count, ImVec2 size,
                    const LineChartOptions& o) {
    ChartHit hit;
    Canvas c;
    if (!begin_canvas(id, size, &c) || series_count <= 0 || !series) return hit;
    ImDrawList* dl = c.dl;
    LineScratch& sc = g_scratch;
    float h = line_height(), r = device_ratio();

    // Legend on top when it tells something: several series, or a band to explain.
    LegendItem items[kMaxLegend];
    int n_items = 0;
    bool any_band = false;
    for (int s = 0; s < series_count; ++s) any_band |= has_band(series[s]);
    for (int s = 0; s < series_count && n_items < kMaxLegend - 1; ++s)
        if (*series[s].label) items[n_items++] = LegendItem{series[s].label, series_color(s), false};
    if (any_band) items[n_items++] = LegendItem{o.band_label, series_color(0), true};
    float legend_h = 0;
    if (series_count > 1 || any_band) legend_h = draw_legend(dl, c.min, c.width(), items, n_items) + px(6);

    ImVec2 pmin(c.min.x + value_label_width(o.y_format) + px(10), snap(c.min.y + legend_h + h * 0.5f));
    ImVec2 pmax(c.max.x - px(6), snap(c.max.y - h - px(6)));
    if (pmax.x - pmin.x < px(24) || pmax.y - pmin.y < px(24)) return hit;

    // x range: all series plus the marker.
    double x0 = INFINITY, x1 = -INFINITY;
    for (int s = 0; s < series_count; ++s)
        if (series[s].count > 0 && series[s].x)
            x0 = std::min(x0, series[s].x[0]), x1 = std::max(x1, series[s].x[series[s].count - 1]);
    if (has_time(o.marker) && std::isfinite(x0))
        x0 = std::min(x0, (double)o.marker), x1 = std::max(x1, (double)o.marker);
    if (!std::isfinite(x0) || !std::isfinite(x1)) return hit;
    if (x1 <= x0) x0 -= o.time_axis ? 43200 : 0.5, x1 += o.time_axis ? 43200 : 0.5;
    // Decimate against the widest possible y labels; the plot then widens to the labels actually drawn (a
    // few pixels of difference in the column grid does not show).
    LinearScale xs_device{x0, x1, pmin.x * r, pmax.x * r};

    // Decimate each series to at most four points per device pixel column, then fit y to what is kept
    // (M4 keeps every column's extremes, so the fit is exact for the line).
    sc.kept.clear(), sc.begin.clear();
    double lo = INFINITY, hi = -INFINITY;
    bool want_zero = false;
    for (int s = 0; s < series_count; ++s) {
        const LineSeries& ls = series[s];
        sc.begin.push_back(sc.kept.size());
        if (ls.count <= 0 || !ls.x || !ls.y) continue;
        size_t b = 0, e = 0;
        visible_range(ls.x, (size_t)ls.count, x0, x1, &b, &e);
        decimate_m4(ls.x, ls.y, b, e, xs_device, &sc.one);
        sc.kept.insert(sc.kept.end(), sc.one.begin(), sc.one.end());
        for (uint32_t i : sc.one) {
            lo = std::min(lo, ls.y[i]), hi = std::max(hi, ls.y[i]);
            if (has_band(ls) && std::isfinite(ls.lower[i])) lo = std::min(lo, ls.lower[i]);
            if (has_band(ls) && std::isfinite(ls.upper[i])) hi = std::max(hi, ls.upper[i]);
        }
        want_zero |= ls.area;
    }
    sc.begin.push_back(sc.kept.size());
    if (want_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
    if (std::isfinite(o.y_min)) lo = o.y_min;
    if (std::isfinite(o.y_max)) hi = o.y_max;
    if (!(lo <= hi)) lo = 0, hi = 1;
    make_value_axis(lo, hi, pmax.y - pmin.y, h * 2.2f, o.y_format, &sc.y_axis);
    pmin.x = snap(c.min.x + value_label_width(sc.y_axis) + px(10));
    LinearScale xs{x0, x1, pmin.x, pmax.x};
    LinearScale ys{sc.y_axis.nice.lo, sc.y_axis.nice.hi, pmax.y, pmin.y};

    draw_value_axis_y(dl, sc.y_axis, ys, pmin.x, pmax.x);
    if (o.time_axis) {
        draw_time_axis(dl, xs, pmin.y, pmax.y, pmax.y + px(4), pmin.x - px(4), c.max.x, o.utc_offset);
    } else {
        make_value_axis(x0, x1, pmax.x - pmin.x, px(90), ValueFormat::Number, &sc.x_axis);
        draw_value_axis_x(dl, sc.x_axis, xs, pmin.y, pmax.y);
    }

    dl->PushClipRect(ImVec2(pmin.x, pmin.y - px(4)), ImVec2(pmax.x + px(4), pmax.y + px(1)), true);
    float base = (float)ys.to_pixel(std::clamp(0.0, sc.y_axis.nice.lo, sc.y_axis.nice.hi));
    auto pt = [&](const LineSeries& ls, uint32_t i, const double* v) {
        return ImVec2((float)xs.to_pixel(ls.x[i]), (float)ys.to_pixel(v[i]));
    };
    // Bands and areas first, so every line stays on top of every fill.
    for (int s = 0; s < series_count; ++s) {
        const LineSeries& ls = series[s];
        ImU32 col = series_color(s);
        for (size_t k = sc.begin[s]; k + 1 < sc.begin[s + 1]; ++k) {
            uint32_t i = sc.kept[k], j = sc.kept[k + 1];
            if (has_band(ls) && std::isfinite(ls.lower[i] + ls.upper[i] + ls.lower[j] + ls.upper[j]))
                fill_quad(dl, pt(ls, i, ls.upper), pt(ls, j, ls.upper), pt(ls, j, ls.lower),
                          pt(ls, i, ls.lower), with_alpha(col, 0.22f));
            if (ls.area) {
                ImVec2 a = pt(ls, i, ls.y), b = pt(ls, j, ls.y);
                fill_quad(dl, a, b, ImVec2(b.x, base), ImVec2(a.x, base), with_alpha(col, 0.25f));
            }
        }
    }
    for (int s = 0; s < series_count; ++s) {
        const LineSeries& ls = series[s];
        size_t kb = sc.begin[s], ke = sc.begin[s + 1];
        sc.points.clear();
        for (size_t k = kb; k < ke; ++k) sc.points.push_back(pt(ls, sc.kept[k], ls.y));
        // Dense series get a thinner line: a thick one turns a column of spikes into a smear.
        bool dense = (float)(ke - kb) > (pmax.x - pmin.x) * 0.5f;
        dl->AddPolyline(sc.points.data(), (int)sc.points.size(), series_color(s), ImDrawFlags_None,
                        px(dense ? 1.25f : 2.0f));
        bool markers = (ls.n || !dense) && (float)(ke - kb) * px(9) < pmax.x - pmin.x;
        for (size_t k = 0; markers && k < sc.points.size(); ++k) {
            dl->AddCircleFilled(sc.points[k], px(3.5f), g_theme.panel);
            dl->AddCircleFilled(sc.points[k], px(2.5f), series_color(s));
        }
    }
    dl->PopClipRect();
    hline(dl, pmin.x, pmax.x, pmax.y, g_theme.panel_border);
    draw_marker_line(dl, o, xs, pmin, pmax);

    // Hover: the nearest point (in pixels) across series; a guide line, dots and the exact values.
    if (c.mouse_in(ImVec2(pmin.x - px(4), pmin.y), ImVec2(pmax.x + px(4), pmax.y))) {
        double mx = xs.to_value(c.mouse.x);
        float best = INFINITY;
        for (int s = 0; s < series_count; ++s) {
            int i = nearest_index(series[s], mx);
            if (i < 0 || !std::isfinite(series[s].y[i])) continue;
            ImVec2 p = pt(series[s], (uint32_t)i, series[s].y);
            float d = (p.x - c.mouse.x) * (p.x - c.mouse.x) + 0.25f * (p.y - c.mouse.y) * (p.y - c.mouse.y);
            if (d < best) best = d, hit.series = s, hit.index = i;
        }
        if (hit.index >= 0) {
            double hx = series[hit.series].x[hit.index];
            float gx = (float)xs.to_pixel(hx);
            vline(dl, gx, pmin.y, pmax.y, with_alpha(g_theme.text_dim, 0.6f));
            for (int s = 0; s < series_count; ++s) {
                int i = nearest_index(series[s], hx);
                if (i < 0 || series[s].x[i] != hx || !std::isfinite(series[s].y[i])) continue;
                ImVec2 p = pt(series[s], (uint32_t)i, series[s].y);
                dl->AddCircleFilled(p, px(5), g_theme.panel);
                dl->AddCircleFilled(p, px(3.5f), series_color(s));
            }
            hover_tooltip(series, series_count, o, hx);
        }
        if (!c.clicked) hit = ChartHit{};
    } else {
        hit = ChartHit{};
    }
    return hit;
}

}  // namespace cb::ui
