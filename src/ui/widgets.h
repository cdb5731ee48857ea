// widgets.h: small drawing helpers shared by the views.
#pragma once

#include <string>

#include "imgui.h"
#include "theme.h"

namespace cb::ui {

// A section's bold title with a dim note beside it ("Open backlog  by queue and severity, now").
void section_heading(const char* title, const char* note);
// A coloured glyph and a label: state is never told by colour alone.
void state_badge(Tone tone, const char* label);
// A KPI tile: label, big value, a detail line. Returns true when clicked.
bool kpi_tile(const char* id, const char* label, const std::string& value, const std::string& detail,
              Tone tone, ImVec2 size);
// "1.2 MB", "640 KB", "312 B"
std::string format_bytes(double bytes);
// "12,345"
std::string format_count(uint64_t n);
// "just now", "5 min ago", "3 h ago", "2 d ago"
std::string format_age(int64_t seconds);

}  // namespace cb::ui
