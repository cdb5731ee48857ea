#include "chart_draw.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace cb::ui {

ImU32 series_color(int i) {
    // Okabe & Ito (2008) without black, which is the text colour. On dark panels blue and vermillion are
    // lifted; on white, yellow is deepened so thin lines stay visible.
    static const ImU32 kDark[] = {IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255),
                                  IM_COL32(0, 170, 125, 255),   IM_COL32(240, 228, 66, 255),
                                  IM_COL32(50, 135, 215, 255),  IM_COL32(235, 105, 20, 255),
                                  IM_COL32(214, 135, 178, 255), IM_COL32(160, 160, 160, 255)};
    static const ImU32 kLight[] = {IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255),
                                   IM_COL32(0, 158, 115, 255),   IM_COL32(205, 190, 30, 255),
                                   IM_COL32(0, 114, 178, 255),   IM_COL32(213, 94, 0, 255),
                                   IM_COL32(204, 121, 167, 255), IM_COL32(128, 128, 128, 255)};
    int k = ((i % 8) + 8) % 8;
    return g_theme.dark ? kDark[k] : kLight[k];
}

namespace chart {

ImU32 with_alpha(ImU32 color, float alpha) {
    ImU32 a = (ImU32)std::clamp(alpha * 255.0f + 0.5f, 0.0f, 255.0f);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

float device_ratio() {
    float r = ImGui::GetIO().DisplayFramebufferScale.x;
    return r > 0 ? r : 1.0f;
}

float snap(float v) {
    float r = device_ratio();
    return std::round(v * r) / r;
}

bool begin_canvas(const char* id, ImVec2 size, Canvas* c) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = avail.x + size.x;
    if (size.y <= 0) size.y = avail.y + size.y;
    size.x = std::max(size.x, 1.0f), size.y = std::max(size.y, 1.0f);  // InvisibleButton asserts on 0
    ImVec2 p = ImGui::GetCursorScreenPos();
    c->clicked = ImGui::InvisibleButton(id, size);
    c->hovered = ImGui::IsItemHovered();
    c->visible = ImGui::IsItemVisible();
    c->min = ImVec2(snap(p.x), snap(p.y));
    c->max = ImVec2(snap(p.x + size.x), snap(p.y + size.y));
    c->mouse = ImGui::GetIO().MousePos;
    c->dl = ImGui::GetWindowDrawList();
    return c->visible;
}

// Thickness in whole device pixels (at least one), so the edges land on pixel boundaries.
static float device_thickness(float thickness_px) {
    float r = device_ratio();
    return std::max(1.0f, std::round(thickness_px * g_theme.scale * r)) / r;
}

void hline(ImDrawList* dl, float x0, float x1, float y, ImU32 color, float thickness_px) {
    float t = device_thickness(thickness_px), top = snap(y - t * 0.5f);
    dl->AddRectFilled(ImVec2(snap(x0), top), ImVec2(snap(x1), top + t), color);
}

void vline(ImDrawList* dl, float x, float y0, float y1, ImU32 color, float thickness_px) {
    float t = device_thickness(thickness_px), left = snap(x - t * 0.5f);
    dl->AddRectFilled(ImVec2(left, snap(y0)), ImVec2(left + t, snap(y1)), color);
}

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 color) {
    float on = px(5), off = px(3);
    for (float y = y0; y < y1; y += on + off) vline(dl, x, y, std::min(y + on, y1), color, 1.5f);
}

void fill_quad(ImDrawList* dl, ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, ImU32 color) {
    ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(6, 4);
    dl->PrimQuadUV(a, b, c, d, uv, uv, uv, uv, color);
}

float line_height() {
    return ImGui::GetFontSize();
}

const char* fit_text(const char* text, float max_width, std::string* scratch) {
    if (ImGui::CalcTextSize(text).x <= max_width) return text;
    const char* kEllipsis = "\xE2\x80\xA6";  // …
    float budget = max_width - ImGui::CalcTextSize(kEllipsis).x;
    size_t len = std::min<size_t>(std::strlen(text), 256);
    // Shorten one UTF-8 character at a time (continuation bytes are 10xxxxxx).
    while (len > 0) {
        do --len;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
        if (ImGui::CalcTextSize(text, text + len).x <= budget) break;
    }
    while (len > 0 && text[len - 1] == ' ') --len;
    scratch->assign(text, len);
    scratch->append(kEllipsis);
    return scratch->c_str();
}

void text_at(ImDrawList* dl, ImVec2 pos, ImU32 color, const char* text) {
    dl->AddText(ImVec2(snap(pos.x), snap(pos.y)), color, text);
}

void text_centered(ImDrawList* dl, ImVec2 centre, ImU32 color, const char* text) {
    ImVec2 s = ImGui::CalcTextSize(text);
    text_at(dl, ImVec2(centre.x - s.x * 0.5f, centre.y - s.y * 0.5f), color, text);
}

bool text_two_lines(ImDrawList* dl, ImVec2 top_centre, float max_width, ImU32 color, const char* text) {
    std::string scratch;
    if (ImGui::CalcTextSize(text).x <= max_width) {
        text_at(dl, ImVec2(top_centre.x - ImGui::CalcTextSize(text).x * 0.5f, top_centre.y), color, text);
        return false;
    }
    // The longest first line that fits and ends before a space; the rest goes on the second line.
    const char* split = nullptr;
    for (const char* p = text; *p; ++p)
        if (*p == ' ' && ImGui::CalcTextSize(text, p).x <= max_width) split = p;
    if (!split) {
        const char* t = fit_text(text, max_width, &scratch);
        text_at(dl, ImVec2(top_centre.x - ImGui::CalcTextSize(t).x * 0.5f, top_centre.y), color, t);
        return true;
    }
    std::string first(text, split);
    text_at(dl, ImVec2(top_centre.x - ImGui::CalcTextSize(first.c_str()).x * 0.5f, top_centre.y), color,
            first.c_str());
    const char* rest = fit_text(split + 1, max_width, &scratch);
    text_at(dl, ImVec2(top_centre.x - ImGui::CalcTextSize(rest).x * 0.5f, top_centre.y + line_height()),
            color, rest);
    return rest != split + 1;
}

float draw_legend(ImDrawList* dl, ImVec2 pos, float max_width, const LegendItem* items, int count) {
    float h = line_height(), sw = h * 0.7f, gap = px(6), spacing = px(16);
    float x = pos.x, y = pos.y;
    for (int i = 0; i < count; ++i) {
        float w = sw + gap + ImGui::CalcTextSize(items[i].label).x;
        if (x > pos.x && x + w > pos.x + max_width) x = pos.x, y += h + px(4);
        ImVec2 a(snap(x), snap(y + (h - sw) * 0.5f)), b(snap(x + sw), snap(y + (h + sw) * 0.5f));
        if (items[i].band) {
            dl->AddRectFilled(a, b, with_alpha(items[i].color, 0.28f), px(2));
            hline(dl, a.x, b.x, (a.y + b.y) * 0.5f, items[i].color, 2);
        } else {
            dl->AddRectFilled(a, b, items[i].color, px(2));
        }
        text_at(dl, ImVec2(x + sw + gap, y), g_theme.text_dim, items[i].label);
        x += w + spacing;
    }
    return count ? y - pos.y + h : 0;
}

void tooltip_swatch_text(ImU32 color, const char* text) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight(), sw = h * 0.6f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + (h - sw) * 0.5f),
                                              ImVec2(p.x + sw, p.y + (h + sw) * 0.5f), color, px(2));
    ImGui::Dummy(ImVec2(sw, h));
    ImGui::SameLine(0, px(6));
    ImGui::TextUnformatted(text);
}

}  // namespace chart
}  // namespace cb::ui
