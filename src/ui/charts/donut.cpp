// donut.cpp: shares as a ring (donut) and a single share against a track (gauge).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart_draw.h"

namespace cb::ui {

using namespace chart;

namespace {

constexpr float kTau = 6.28318530718f;
constexpr float kTop = -kTau / 4;  // angles start at 12 o'clock and run clockwise (y grows downwards)

void ring_arc(ImDrawList* dl, ImVec2 centre, float radius, float a0, float a1, float width, ImU32 color) {
    if (a1 <= a0) return;
    int segments = std::max(2, (int)((a1 - a0) / kTau * 96));
    dl->PathArcTo(centre, radius, a0, a1, segments);
    dl->PathStroke(color, ImDrawFlags_None, width);
}

// The value and a small label stacked in the middle of the ring: the value in the big font when it fits
// inside the ring, else in bold body text.
void centre_text(ImDrawList* dl, ImVec2 centre, float inner, const char* value, const char* label) {
    ImFont* font = g_font_big;
    float size = g_font_big->FontSize * ImGui::GetIO().FontGlobalScale;
    ImVec2 vs = font->CalcTextSizeA(size, FLT_MAX, 0, value);
    if (vs.x > inner * 1.7f) {
        font = g_font_bold, size = ImGui::GetFontSize();
        vs = font->CalcTextSizeA(size, FLT_MAX, 0, value);
    }
    ImVec2 ls = ImGui::CalcTextSize(label);
    bool show_label = *label && ls.x < inner * 1.7f && vs.y + ls.y < inner * 1.8f;
    float top = centre.y - (vs.y + (show_label ? ls.y : 0)) * 0.5f;
    if (vs.x <= inner * 1.8f)
        dl->AddText(font, size, ImVec2(snap(centre.x - vs.x * 0.5f), snap(top)), g_theme.text, value);
    if (show_label) text_at(dl, ImVec2(centre.x - ls.x * 0.5f, top + vs.y), g_theme.text_dim, label);
}

// Angle of p around centre in [kTop, kTop + kTau).
float angle_of(ImVec2 p, ImVec2 centre) {
    float a = std::atan2(p.y - centre.y, p.x - centre.x);
    while (a < kTop) a += kTau;
    return a;
}

}  // namespace

int donut_chart(const char* id, const double* values, const char* const* labels, int count,
                const char* centre_value, const char* centre_label, ImVec2 size) {
    Canvas c;
    if (!begin_canvas(id, size, &c) || count <= 0 || !values) return -1;
    ImDrawList* dl = c.dl;
    double total = 0;
    for (int i = 0; i < count; ++i)
        if (std::isfinite(values[i]) && values[i] > 0) total += values[i];
    float h = line_height();
    // Legend to the right when the canvas is wide enough, else none (the tooltip still names segments).
    float legend_w = 0;
    for (int i = 0; labels && i < count; ++i)
        legend_w = std::max(legend_w, ImGui::CalcTextSize(labels[i]).x + ImGui::CalcTextSize(" 100%").x);
    legend_w += h + px(8);
    // The legend takes what it needs; the ring gets the rest, unless that would make it too small to read.
    float ring_box = std::min(c.height(), c.width() - legend_w - px(12));
    bool legend = labels && ring_box >= px(80);
    if (!legend) ring_box = std::min(c.height(), c.width());
    float outer = ring_box * 0.5f - px(4), width = std::max(px(6), outer * 0.28f), mid = outer - width * 0.5f;
    if (outer < px(12)) return -1;
    ImVec2 centre(c.min.x + (legend ? ring_box * 0.5f : c.width() * 0.5f), c.min.y + c.height() * 0.5f);

    int hover = -1;
    if (c.hovered && total > 0) {
        float dx = c.mouse.x - centre.x, dy = c.mouse.y - centre.y, d = std::sqrt(dx * dx + dy * dy);
        if (d >= outer - width - px(2) && d <= outer + px(4)) {
            float a = (angle_of(c.mouse, centre) - kTop) / kTau, acc = 0;
            for (int i = 0; i < count && hover < 0; ++i) {
                acc += (float)(std::max(0.0, std::isfinite(values[i]) ? values[i] : 0.0) / total);
                if (a < acc) hover = i;
            }
        }
    }
    if (total <= 0) ring_arc(dl, centre, mid, kTop, kTop + kTau, width, g_theme.grid);
    float a0 = kTop, gap = count > 1 ? px(1.5f) / mid : 0;
    for (int i = 0; i < count && total > 0; ++i) {
        double v = std::isfinite(values[i]) ? std::max(0.0, values[i]) : 0.0;
        float a1 = a0 + (float)(v / total) * kTau;
        float grow = i == hover ? px(3) : 0;
        ring_arc(dl, centre, mid + grow * 0.5f, a0 + gap, a1 - gap, width + grow, series_color(i));
        a0 = a1;
    }
    centre_text(dl, centre, outer - width, centre_value ? centre_value : "",
                centre_label ? centre_label : "");

    if (legend) {
        float x = c.min.x + ring_box + px(12), y = centre.y - (h + px(4)) * (float)count * 0.5f;
        char pct[16];
        for (int i = 0; i < count; ++i, y += h + px(4)) {
            float sw = h * 0.7f;
            dl->AddRectFilled(ImVec2(snap(x), snap(y + (h - sw) * 0.5f)),
                              ImVec2(snap(x + sw), snap(y + (h + sw) * 0.5f)), series_color(i), px(2));
            text_at(dl, ImVec2(x + sw + px(6), y), i == hover ? g_theme.text : g_theme.text_dim, labels[i]);
            double share = total > 0 && std::isfinite(values[i]) ? values[i] / total : kNaN;
            format_tick(share, 0.01, ValueFormat::Percent, pct, sizeof pct);
            float w = ImGui::CalcTextSize(pct).x;
            text_at(dl, ImVec2(c.max.x - w, y), g_theme.text, pct);
        }
    }
    if (hover < 0) return -1;
    char v[32], share[32];
    format_value(values[hover], ValueFormat::Number, v, sizeof v);
    format_value(values[hover] / total, ValueFormat::Percent, share, sizeof share);
    ImGui::BeginTooltip();
    tooltip_swatch_text(series_color(hover), labels ? labels[hover] : "");
    ImGui::Text("%s (%s of %s)", v, share, centre_label ? centre_label : "total");
    ImGui::EndTooltip();
    return c.clicked ? hover : -1;
}

bool share_gauge(const char* id, double share, const char* label, Tone tone, ImVec2 size) {
    Canvas c;
    if (!begin_canvas(id, size, &c)) return false;
    ImDrawList* dl = c.dl;
    float h = line_height();
    float outer = std::min(c.width(), c.height() - 2 * h - px(6)) * 0.5f - px(2);
    if (outer < px(12)) return c.clicked;
    float width = std::max(px(6), outer * 0.22f), mid = outer - width * 0.5f;
    ImVec2 centre(c.min.x + c.width() * 0.5f, c.min.y + outer + px(2));
    ring_arc(dl, centre, mid, kTop, kTop + kTau, width, g_theme.grid);
    char pct[32];
    if (std::isfinite(share)) {
        float f = (float)std::clamp(share, 0.0, 1.0);
        ring_arc(dl, centre, mid, kTop, kTop + f * kTau, width, tone_color(tone));
        format_tick(share, 0.01, ValueFormat::Percent, pct, sizeof pct);
    } else {
        std::snprintf(pct, sizeof pct, "–");
    }
    centre_text(dl, centre, outer - width, pct, "");
    // The glyph says the state in shape as well as colour.
    std::string line = std::string(tone_glyph(tone)) + " " + (label ? label : "");
    text_two_lines(dl, ImVec2(centre.x, centre.y + outer + px(4)), c.width(),
                   tone == Tone::Neutral ? g_theme.text_dim : tone_color(tone), line.c_str());
    if (c.hovered) {
        char v[32];
        format_value(share, ValueFormat::Percent, v, sizeof v);
        ImGui::SetTooltip("%s: %s", label ? label : "", v);
    }
    return c.clicked;
}

}  // namespace cb::ui
