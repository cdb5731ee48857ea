#include "widgets.h"

#include <cstdio>

namespace cb::ui {

void section_heading(const char* title, const char* note) {
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (note && *note) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", note);
    }
}

void state_badge(Tone tone, const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, tone_color(tone));
    ImGui::TextUnformatted(tone_glyph(tone));
    ImGui::SameLine(0, 4 * g_theme.scale);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
}

bool kpi_tile(const char* id, const char* label, const std::string& value, const std::string& detail,
              Tone tone, ImVec2 size) {
    ImGui::PushID(id);
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("tile", size);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float r = 8 * g_theme.scale, pad = 14 * g_theme.scale;
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), g_theme.panel, r);
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), hovered ? g_theme.accent : g_theme.panel_border, r, 0,
                hovered ? 2.0f : 1.0f);
    dl->AddRectFilled(p, ImVec2(p.x + 5 * g_theme.scale, p.y + size.y), tone_color(tone), r,
                      ImDrawFlags_RoundCornersLeft);
    float y = p.y + pad * 0.8f;
    dl->AddText(g_font_bold, g_font_bold->FontSize * ImGui::GetIO().FontGlobalScale, ImVec2(p.x + pad, y),
                g_theme.text_dim, label);
    y += g_font_bold->FontSize * ImGui::GetIO().FontGlobalScale + 4 * g_theme.scale;
    float big = g_font_big->FontSize * ImGui::GetIO().FontGlobalScale;
    dl->AddText(g_font_big, big, ImVec2(p.x + pad, y), g_theme.text, value.c_str());
    y += big + 4 * g_theme.scale;
    std::string line = std::string(tone_glyph(tone)) + " " + detail;
    dl->AddText(ImVec2(p.x + pad, y), tone == Tone::Neutral ? g_theme.text_dim : tone_color(tone),
                line.c_str());
    ImGui::PopID();
    return clicked;
}

std::string format_bytes(double bytes) {
    char buf[32];
    if (bytes >= 1e9)
        std::snprintf(buf, sizeof buf, "%.2f GB", bytes / 1e9);
    else if (bytes >= 1e6)
        std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    else if (bytes >= 1e3)
        std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.0f B", bytes);
    return buf;
}

std::string format_count(uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string format_age(int64_t seconds) {
    char buf[32];
    if (seconds < 60)
        return "just now";
    else if (seconds < 3600)
        std::snprintf(buf, sizeof buf, "%d min ago", (int)(seconds / 60));
    else if (seconds < 86400 * 2)
        std::snprintf(buf, sizeof buf, "%d h ago", (int)(seconds / 3600));
    else
        std::snprintf(buf, sizeof buf, "%d d ago", (int)(seconds / 86400));
    return buf;
}

}  // namespace cb::ui
