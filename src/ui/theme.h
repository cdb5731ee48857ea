// theme.h: colours, sizes and fonts of the dashboard.
//
// Palette: Okabe-Ito (colour-blind safe). State is never shown by colour alone: every state colour has a
// glyph and a label beside it (see state_badge in widgets.h).
#pragma once

#include "imgui.h"

namespace cb::ui {

enum class Tone { Neutral, Good, Warning, Bad, Info };

struct Theme {
    bool dark = true;
    float scale = 0.0f;  // UI scale (1 = desk, 2 = wall screen); 0 until apply_theme() runs
    ImU32 text, text_dim, background, panel, panel_border, accent, good, warning, bad, info, grid;
};

extern Theme g_theme;
extern ImFont* g_font_body;  // regular text
extern ImFont* g_font_bold;  // headings, KPI labels
extern ImFont* g_font_big;   // KPI values, readable from across a room

void apply_theme(bool dark, float scale);
ImU32 tone_color(Tone tone);
const char* tone_glyph(Tone tone);  // ✓ ▲ ✕ ● shown beside the colour

// Builds the font atlas for this UI scale and device pixel ratio from TTF files in memory (the atlas keeps
// pointers to the bytes, so they must outlive it). Glyphs: Latin, Latin-1/Extended-A, Greek, Cyrillic,
// general punctuation, arrows, geometric shapes and U+FFFD (shown for anything else).
void build_fonts(const unsigned char* regular_ttf, int regular_size, const unsigned char* bold_ttf,
                 int bold_size, float ui_scale, float pixel_ratio);

}  // namespace cb::ui
