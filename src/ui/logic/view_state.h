// view_state.h: what the manager is looking at (view, filter, theme, selected case), its undo history and
// its URL form. No ImGui: the dashboard draws from it, the URL hash and the test API change it.
//
// URL form (the page's hash): "view=sla&queue=Networking,Identity&severity=A&theme=light&case=CS-10042",
// keys as in apply_filter_arg (filter.h) plus view, theme, scale and case; values percent-encoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "filter.h"

namespace cb::ui {

// Views in tab order. Gallery (every chart on sample data) is reachable by URL and test API, not by tab.
enum class View : int { Overview, Queues, Sla, Satisfaction, Plans, Cases, Feeds, Gallery, Count };
constexpr int kTabViews = (int)View::Gallery;
const char* view_id(
    View v);  // "overview", "queues", "sla", "satisfaction", "plans", "cases", "feeds", "gallery"
const char* view_title(View v);  // "Overview", "Queues", "SLA", ...
bool parse_view(std::string_view id, View* out);

struct ViewState {
    View view = View::Overview;
    Filter filter;
    bool dark = true;
    float scale = 1.0f;         // 1 desk, 1.5-2 wall screen
    std::string selected_case;  // case id shown in the detail panel ("" = none)
};

// A filter change that can be undone (Ctrl+Z / the Undo button): the previous filters, newest last.
struct FilterHistory {
    std::vector<Filter> undo;
    void push(const Filter& before) {
        undo.push_back(before);
        if (undo.size() > 50) undo.erase(undo.begin());
    }
};

// Replaces the filter, remembering the old one for undo.
void set_filter(ViewState& state, FilterHistory& history, const Filter& next);
bool undo_filter(ViewState& state, FilterHistory& history);
// Cross-filtering: clicking a bar or cell toggles that value in the filter's set for the key.
template <typename T>
void toggle_value(std::vector<T>& set, T value) {
    for (size_t i = 0; i < set.size(); ++i)
        if (set[i] == value) return (void)set.erase(set.begin() + (long)i);
    set.push_back(value);
}
// Number of active filter keys (time range counts once).
int active_filter_count(const Filter& filter);

std::string url_encode(std::string_view s);
std::string url_decode(std::string_view s);
// The state as a URL hash (without '#'). Names are written as text, so links survive data reloads.
std::string encode_view_state(const ViewState& state, const StringPool& strings);
// Reads a hash into *state. Keys missing from the hash keep their defaults (a fresh ViewState's). Unknown
// keys or values that the data does not have are reported in *error (one line each) and skipped: a link
// to a queue that no longer exists still opens, without that filter.
void decode_view_state(std::string_view hash, const StringPool& strings, ViewState* state,
                       std::string* error);

}  // namespace cb::ui
