#include "theme.h"

namespace cb::ui {

Theme g_theme;
ImFont* g_font_body = nullptr;
ImFont* g_font_bold = nullptr;
ImFont* g_font_big = nullptr;

// Okabe-Ito: bluish green, orange, vermillion, sky blue; tuned per background for contrast.
void apply_theme(bool dark, float scale) {
    Theme& t = g_theme;
    t.dark = dark;
    t.scale = scale;
    if (dark) {
        t.text = IM_COL32(232, 236, 242, 255), t.text_dim = IM_COL32(160, 170, 184, 255);
        t.background = IM_COL32(17, 21, 28, 255), t.panel = IM_COL32(27, 33, 43, 255);
        t.panel_border = IM_COL32(52, 62, 78, 255), t.grid = IM_COL32(58, 68, 84, 255);
        t.accent = IM_COL32(86, 180, 233, 255), t.info = IM_COL32(86, 180, 233, 255);
        t.good = IM_COL32(0, 178, 134, 255), t.warning = IM_COL32(240, 170, 40, 255);
        t.bad = IM_COL32(240, 96, 60, 255);
    } else {
        t.text = IM_COL32(24, 28, 36, 255), t.text_dim = IM_COL32(88, 96, 110, 255);
        t.background = IM_COL32(242, 244, 247, 255), t.panel = IM_COL32(255, 255, 255, 255);
        t.panel_border = IM_COL32(210, 216, 224, 255), t.grid = IM_COL32(222, 226, 232, 255);
        t.accent = IM_COL32(0, 114, 178, 255), t.info = IM_COL32(0, 114, 178, 255);
        t.good = IM_COL32(0, 128, 96, 255), t.warning = IM_COL32(190, 120, 0, 255);
        t.bad = IM_COL32(200, 60, 20, 255);
    }
    ImGuiStyle style;
    if (dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 6, style.ChildRounding = 6, style.FrameRounding = 4, style.PopupRounding = 4;
    style.GrabRounding = 4, style.TabRounding = 4, style.ScrollbarRounding = 6;
    style.WindowPadding = ImVec2(12, 10), style.FramePadding = ImVec2(8, 5),
    style.ItemSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 4), style.WindowBorderSize = 0, style.ChildBorderSize = 1;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.text_dim);
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(t.panel);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.panel_border);
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(t.panel);
    ImVec4 accent = ImGui::ColorConvertU32ToFloat4(t.accent);
    c[ImGuiCol_Tab] = ImVec4(accent.x, accent.y, accent.z, 0.18f);
    c[ImGuiCol_TabHovered] = ImVec4(accent.x, accent.y, accent.z, 0.55f);
    c[ImGuiCol_TabActive] = ImVec4(accent.x, accent.y, accent.z, 0.80f);
    c[ImGuiCol_Header] = ImVec4(accent.x, accent.y, accent.z, 0.22f);
    c[ImGuiCol_HeaderHovered] = ImVec4(accent.x, accent.y, accent.z, 0.40f);
    c[ImGuiCol_HeaderActive] = ImVec4(accent.x, accent.y, accent.z, 0.55f);
    c[ImGuiCol_PlotHistogram] = accent;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

ImU32 tone_color(Tone tone) {
    switch (tone) {
        case Tone::Good:
            return g_theme.good;
        case Tone::Warning:
            return g_theme.warning;
        case Tone::Bad:
            return g_theme.bad;
        case Tone::Info:
            return g_theme.info;
        default:
            return g_theme.text_dim;
    }
}

const char* tone_glyph(Tone tone) {
    switch (tone) {
        case Tone::Good:
            return "\xE2\x9C\x93";  // ✓
        case Tone::Warning:
            return "\xE2\x96\xB2";  // ▲
        case Tone::Bad:
            return "\xE2\x9C\x95";  // ✕
        case Tone::Info:
            return "\xE2\x97\x8F";  // ●
        default:
            return "\xE2\x80\xA2";  // •
    }
}

static const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin, Latin-1 Supplement, Latin Extended-A/B
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and supplement
    0x2000, 0x206F,  // General punctuation (– — ‘ ’ “ ” • …)
    0x20AC, 0x20AC,  // €
    0x2190, 0x21FF,  // Arrows
    0x2212, 0x2264,  // − ≈ ≤ ≥ and neighbours
    0x25A0, 0x25FF,  // Geometric shapes (▲ ▼ ● ■)
    0x2713, 0x2717,  // ✓ ✕
    0xFFFD, 0xFFFD,  // replacement character for anything the font cannot show
    0,
};

void build_fonts(const unsigned char* regular_ttf, int regular_size, const unsigned char* bold_ttf,
                 int bold_size, float ui_scale, float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Rasterise at device pixels and scale back, so text is crisp on high-DPI screens.
    float px = ui_scale * pixel_ratio;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 2;
    config.OversampleV = 1;
    g_font_body =
        io.Fonts->AddFontFromMemoryTTF((void*)regular_ttf, regular_size, 16.0f * px, &config, kGlyphRanges);
    g_font_bold =
        io.Fonts->AddFontFromMemoryTTF((void*)bold_ttf, bold_size, 16.0f * px, &config, kGlyphRanges);
    g_font_big =
        io.Fonts->AddFontFromMemoryTTF((void*)bold_ttf, bold_size, 30.0f * px, &config, kGlyphRanges);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.Fonts->Build();
}

}  // namespace cb::ui
