// gantt.cpp: plans, objectives and milestones on a timeline: bars with progress against the expected
// point, diamonds for milestones, a today line; health in colour and glyph.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "chart_draw.h"

namespace cb::ui {

using namespace chart;

namespace {

struct GanttLayout {
    LinearScale xs;
    float label_w, row_h;
};

void draw_diamond(ImDrawList* dl, ImVec2 c, float r, ImU32 color, bool filled) {
    ImVec2 top(c.x, c.y - r), right(c.x + r, c.y), bottom(c.x, c.y + r), left(c.x - r, c.y);
    if (filled)
        dl->AddQuadFilled(top, right, bottom, left, color);
    else
        dl->AddQuadFilled(top, right, bottom, left, g_theme.panel),
            dl->AddQuad(top, right, bottom, left, color, px(2));
}

void draw_row(ImDrawList* dl, const GanttRow& row, const GanttLayout& l, float x0, float y, bool hovered) {
    float h = line_height(), mid = y + l.row_h * 0.5f;
    ImU32 tone = row.health == Tone::Neutral ? g_theme.text_dim : tone_color(row.health);
    // Label column: indent by depth, the health glyph, then the name (plans in bold).
    float indent = px(14) * (float)std::clamp(row.depth, 0, 4);
    const char* glyph = tone_glyph(row.health);
    float gw = ImGui::CalcTextSize(glyph).x + px(5);
    text_at(dl, ImVec2(x0 + indent, mid - h * 0.5f), tone, glyph);
    std::string cut;
    ImGui::PushFont(row.depth == 0 ? g_font_bold : g_font_body);
    const char* t = fit_text(row.label, l.label_w - indent - gw, &cut);
    text_at(dl, ImVec2(x0 + indent + gw, mid - h * 0.5f), hovered ? g_theme.text : g_theme.text_dim, t);
    ImGui::PopFont();

    if (row.milestone || !has_time(row.start)) {
        if (!has_time(row.end)) return;
        float r = std::min(l.row_h * 0.3f, px(8));
        draw_diamond(dl, ImVec2((float)l.xs.to_pixel((double)row.end), mid), r, tone, row.progress >= 1);
        return;
    }
    if (!has_time(row.end)) return;
    float a = (float)l.xs.to_pixel((double)row.start), b = (float)l.xs.to_pixel((double)row.end);
    float half = l.row_h * (row.depth == 0 ? 0.30f : 0.22f);
    ImVec2 top(snap(a), snap(mid - half)), bottom(snap(std::max(b, a + px(2))), snap(mid + half));
    dl->AddRectFilled(top, bottom, with_alpha(tone, 0.22f), px(3));
    if (std::isfinite(row.progress) && row.progress > 0) {
        float f = (float)std::clamp(row.progress, 0.0, 1.0);
        dl->AddRectFilled(top, ImVec2(snap(top.x + (bottom.x - top.x) * f), bottom.y), tone, px(3));
    }
    dl->AddRect(top, bottom, tone, px(3));
    if (std::isfinite(row.expected)) {
        // The expected point: a tick taller than the bar, in the text colour so it reads on any fill.
        float e = top.x + (bottom.x - top.x) * (float)std::clamp(row.expected, 0.0, 1.0);
        vline(dl, e, top.y - px(3), bottom.y + px(3), g_theme.text, 2);
    }
}

void row_tooltip(const GanttRow& row) {
    char a[48], b[48];
    ImGui::BeginTooltip();
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(row.label);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, tone_color(row.health));
    ImGui::Text("%s %s", tone_glyph(row.health), *row.status ? row.status : "no status");
    ImGui::PopStyleColor();
    if (has_time(row.end)) format_time(row.end, TimeStep::Day, 0, b, sizeof b);
    if (row.milestone || !has_time(row.start)) {
        if (has_time(row.end)) ImGui::Text("Due %s", b);
    } else if (has_time(row.end)) {
        format_time(row.start, TimeStep::Day, 0, a, sizeof a);
        ImGui::Text("%s – %s", a, b);
    }
    if (std::isfinite(row.progress)) {
        char p[16], e[16];
        format_value(row.progress, ValueFormat::Percent, p, sizeof p);
        if (std::isfinite(row.expected)) {
            format_value(row.expected, ValueFormat::Percent, e, sizeof e);
            ImGui::Text("Progress %s (expected %s by today)", p, e);
        } else {
            ImGui::Text("Progress %s", p);
        }
    }
    ImGui::EndTooltip();
}

}  // namespace

int gantt_chart(const char* id, const GanttRow* rows, int count, Time t0, Time t1, Time today, ImVec2 size) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = avail.x + size.x;
    if (size.y <= 0) size.y = avail.y + size.y;
    float h = line_height();
    float header_h = h + px(8);
    if (size.x < px(80) || size.y < header_h + px(20) || count < 0 || (count > 0 && !rows)) {
        ImGui::Dummy(ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
        return -1;
    }
    ImGui::PushID(id);
    GanttLayout l;
    l.row_h = std::max(h + px(10), px(26));
    float body_h = size.y - header_h;
    bool scrolls = (float)count * l.row_h > body_h;
    float right_pad = px(10) + (scrolls ? ImGui::GetStyle().ScrollbarSize : 0);
    l.label_w = 0;
    for (int i = 0; i < count; ++i)
        l.label_w = std::max(l.label_w,
                             ImGui::CalcTextSize(rows[i].label).x + px(14) * (float)rows[i].depth + h * 1.4f);
    l.label_w = std::min(l.label_w, size.x * 0.34f);
    if (t1 <= t0) t1 = t0 + 86400;

    Canvas head;
    begin_canvas("axis", ImVec2(size.x, header_h), &head);
    l.xs = LinearScale{(double)t0, (double)t1, head.min.x + l.label_w + px(12), head.max.x - right_pad};
    float plot_x0 = (float)l.xs.p0, plot_x1 = (float)l.xs.p1;
    draw_time_axis(head.dl, l.xs, 0, 0, head.min.y + px(2), plot_x0, head.max.x, 0);
    hline(head.dl, head.min.x, head.max.x, head.max.y - px(1), g_theme.panel_border);
    float today_x = (float)l.xs.to_pixel((double)today);
    bool show_today = has_time(today) && today_x >= plot_x0 && today_x <= plot_x1;
    if (show_today) {  // a small pointer in the header says where the dashed line comes from
        float s = px(5), y = head.max.y - px(1);
        head.dl->AddTriangleFilled(ImVec2(today_x - s, y - s), ImVec2(today_x + s, y - s), ImVec2(today_x, y),
                                   g_theme.accent);
    }

    int clicked = -1, hover = -1;
    ImGui::BeginChild("rows", ImVec2(size.x, body_h), false, ImGuiWindowFlags_NoBackground);
    Canvas body;
    begin_canvas("body",
                 ImVec2(size.x - (scrolls ? ImGui::GetStyle().ScrollbarSize : 0),
                        std::max(1.0f, (float)count * l.row_h)),
                 &body);
    ImDrawList* dl = body.dl;
    ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    float vis0 = std::max(body.min.y, clip_min.y), vis1 = std::min(body.max.y, clip_max.y);
    draw_time_axis(dl, l.xs, vis0, vis1, NAN, plot_x0, plot_x1, 0);
    if (body.hovered)
        hover = std::clamp((int)((body.mouse.y - body.min.y) / l.row_h), 0, std::max(0, count - 1));
    int first = std::max(0, (int)((vis0 - body.min.y) / l.row_h)),
        last = std::min(count, (int)((vis1 - body.min.y) / l.row_h) + 1);
    for (int i = first; i < last; ++i) {
        float y = body.min.y + l.row_h * (float)i;
        if (i == hover)
            dl->AddRectFilled(ImVec2(body.min.x, y), ImVec2(body.max.x, y + l.row_h),
                              with_alpha(g_theme.text, 0.07f));
        else if (rows[i].depth == 0)
            dl->AddRectFilled(ImVec2(body.min.x, y), ImVec2(body.max.x, y + l.row_h),
                              with_alpha(g_theme.text, 0.03f));
        dl->PushClipRect(ImVec2(body.min.x, y), ImVec2(plot_x1 + px(8), y + l.row_h), true);
        draw_row(dl, rows[i], l, body.min.x + px(4), y, i == hover);
        dl->PopClipRect();
    }
    if (show_today) dashed_vline(dl, today_x, vis0, vis1, g_theme.accent);
    if (hover >= 0 && hover < count) {
        row_tooltip(rows[hover]);
        if (body.clicked) clicked = hover;
    }
    ImGui::EndChild();
    ImGui::PopID();
    return clicked;
}

}  // namespace cb::ui
