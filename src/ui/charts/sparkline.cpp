// sparkline.cpp: a tiny trend line for KPI tiles, with a dot on the last value.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_draw.h"

namespace cb::ui {

using namespace chart;

bool sparkline(const char* id, const double* values, int count, ImVec2 size, ImU32 color,
               ValueFormat format) {
    Canvas c;
    if (!begin_canvas(id, size, &c) || count <= 0 || !values) return false;
    ImDrawList* dl = c.dl;
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < count; ++i)
        if (std::isfinite(values[i])) lo = std::min(lo, values[i]), hi = std::max(hi, values[i]);
    if (!(lo <= hi)) return c.clicked;
    float pad = px(4);
    LinearScale xs{0, (double)std::max(1, count - 1), c.min.x + pad, c.max.x - pad};
    LinearScale ys{lo, hi, c.max.y - pad, c.min.y + pad};

    // More values than device pixels: keep each column's lowest and highest, in order.
    static std::vector<ImVec2> points;
    points.clear();
    float r = device_ratio();
    int i = 0;
    while (i < count) {
        int column = (int)std::floor(xs.to_pixel(i) * r), lo_i = -1, hi_i = -1;
        for (; i < count && (int)std::floor(xs.to_pixel(i) * r) == column; ++i) {
            if (!std::isfinite(values[i])) continue;
            if (lo_i < 0 || values[i] < values[lo_i]) lo_i = i;
            if (hi_i < 0 || values[i] > values[hi_i]) hi_i = i;
        }
        if (lo_i < 0) continue;
        int first = std::min(lo_i, hi_i), second = std::max(lo_i, hi_i);
        points.push_back(ImVec2((float)xs.to_pixel(first), (float)ys.to_pixel(values[first])));
        if (second != first)
            points.push_back(ImVec2((float)xs.to_pixel(second), (float)ys.to_pixel(values[second])));
    }
    for (size_t k = 0; k + 1 < points.size(); ++k)
        fill_quad(dl, points[k], points[k + 1], ImVec2(points[k + 1].x, c.max.y),
                  ImVec2(points[k].x, c.max.y), with_alpha(color, 0.12f));
    dl->AddPolyline(points.data(), (int)points.size(), color, ImDrawFlags_None, px(1.75f));
    if (!points.empty()) {
        dl->AddCircleFilled(points.back(), px(3.5f), g_theme.panel);
        dl->AddCircleFilled(points.back(), px(2.5f), color);
    }

    if (c.hovered) {
        int k = std::clamp((int)std::lround(xs.to_value(c.mouse.x)), 0, count - 1);
        if (std::isfinite(values[k])) {
            dl->AddCircleFilled(ImVec2((float)xs.to_pixel(k), (float)ys.to_pixel(values[k])), px(3),
                                g_theme.text);
            char v[32];
            format_value(values[k], format, v, sizeof v);
            ImGui::SetTooltip("%s  (%d of %d)", v, k + 1, count);
        }
    }
    return c.clicked;
}

}  // namespace cb::ui
