// dashboard_ui.h: the dashboard's screens, drawn from what the core computed. Nothing here computes a
// figure: the same numbers go to the browser test API and the `caseboard report` command.
#pragma once

#include <string>
#include <string_view>

#include "data_session.h"

namespace cb::ui {

// Views in tab order. Gallery (every chart on sample data) is reachable by URL and test API, not by tab.
enum class View : int { Overview, Feeds, Gallery, Count };
constexpr int kTabViews = (int)View::Gallery;
const char* view_id(View v);     // "overview", "feeds", "gallery" (URL and test API spelling)
const char* view_title(View v);  // "Overview", "Feeds", "Chart gallery"
bool parse_view(std::string_view id, View* out);

struct UiState {
    View view = View::Overview;
    bool dark = true;
    float scale = 1.0f;  // 1 desk, 1.5-2 wall screen
    bool follow_system_theme = true;
};

// What a frame shows.
struct Frame {
    const DataSession* session = nullptr;
    Time as_of = kNoTime;  // the "now" of every figure
    bool live = true;      // as_of follows the clock
};

void draw_dashboard(const Frame& frame, UiState& state);

}  // namespace cb::ui
