// dashboard_ui.cpp: the frame around every view: title and data freshness, view tabs, the global filter
// bar, keyboard shortcuts, and the dispatch to the current view.
#include "dashboard_ui.h"

#include <algorithm>
#include <string>

#include "charts/gallery.h"
#include "filter_bar.h"
#include "rollups.h"
#include "timestamp.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

// Title, data freshness and the feed health summary; stale or failed data is said in words.
static void draw_header(const Frame& f) {
    const DataSession& s = *f.session;
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(s.manifest().title.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    int failed = 0, loading = 0;
    Time newest = kNoTime;
    for (const FeedLoad& feed : s.feeds()) {
        failed += feed.state == LoadState::Failed;
        loading += feed.state == LoadState::Loading;
        if (has_time(feed.last_success)) newest = std::max(newest, feed.last_success);
    }
    std::string when = has_time(f.as_of) ? format_iso8601(f.as_of).substr(0, 16) + " UTC" : "";
    when[10] = ' ';
    const char* mode = f.live ? " (live)" : f.as_of == s.manifest().as_of ? " (snapshot)" : " (fixed)";
    ImGui::TextDisabled("as of %s%s", when.c_str(), mode);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            f.live ? "Figures follow the clock."
                   : "Figures are computed for this moment, not the clock: the feeds are a snapshot.");
    ImGui::SameLine();
    // Data older than three refresh intervals is stale: a wall screen must say so, not look current.
    int64_t stale_after = 3 * (int64_t)std::max(10, s.manifest().refresh_seconds);
    if (!s.manifest_error().empty())
        state_badge(Tone::Bad, "Manifest failed: showing the last good data");
    else if (loading)
        state_badge(Tone::Info, "Loading feeds…");
    else if (failed)
        state_badge(Tone::Bad, (std::to_string(failed) + (failed == 1 ? " feed failed" : " feeds failed") +
                                ": see Feeds")
                                   .c_str());
    else if (has_time(newest) && f.live && f.as_of - newest > stale_after)
        state_badge(Tone::Warning, ("Stale: last update " + format_age(f.as_of - newest)).c_str());
    else if (has_time(newest) && f.live)
        state_badge(Tone::Good, ("Updated " + format_age(std::max<Time>(0, f.as_of - newest))).c_str());
    else if (has_time(newest))  // a snapshot: its age is the as-of above, not the time of loading
        state_badge(Tone::Good, "All feeds loaded");
}

// Keys work anywhere but in a text field: 1-7 views, T theme, + and - the UI scale (browser zoom stays on
// Ctrl +/-), Ctrl+Z undoes the last filter change, / jumps to the search box (filter_bar.cpp).
static void handle_shortcuts(UiState& state) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Z, false)) undo_filter(state.view, state.history);
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    for (int i = 0; i < kTabViews && i < 9; ++i)
        if (ImGui::IsKeyPressed((ImGuiKey)(ImGuiKey_1 + i), false)) state.view.view = (View)i;
    if (ImGui::IsKeyPressed(ImGuiKey_T, false))
        state.view.dark = !state.view.dark, state.follow_system_theme = false;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal)) state.view.scale = std::min(3.0f, state.view.scale + 0.25f);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus)) state.view.scale = std::max(0.75f, state.view.scale - 0.25f);
}

static void draw_tabs(UiState& state) {
    if (!ImGui::BeginTabBar("views")) return;
    for (int i = 0; i < kTabViews; ++i) {
        View v = (View)i;
        // The selected view comes from the state (URL, test API, keys); a click changes it.
        ImGuiTabItemFlags tab_flags = state.view.view == v ? ImGuiTabItemFlags_SetSelected : 0;
        std::string label = std::string(view_title(v)) + "###" + view_id(v);
        bool open = ImGui::BeginTabItem(label.c_str(), nullptr, tab_flags);
        if (ImGui::IsItemClicked()) state.view.view = v;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (key %d)", view_title(v), i + 1);
        if (open) ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

bool rollups_only(const Frame& f) {
    if (!uses_rollups(f.session->data())) return false;
    state_badge(Tone::Neutral, "Not available from rollups: this needs the raw cases.");
    return true;
}

// One line under the filter bar: the figures come from rollups, and what of the filter they cannot apply.
static void draw_rollups_note(const Frame& f, const Filter& filter) {
    const std::string note = rollup_filter_note(filter);
    const std::string rows = format_count(f.session->data().rollups.count);
    state_badge(
        note.empty() ? Tone::Info : Tone::Warning,
        ("Figures from rollups (" + rows + " rows): counts, flows and satisfaction only. " + note).c_str());
}

void draw_dashboard(const Frame& f, UiState& state) {
    handle_shortcuts(state);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Caseboard", nullptr, flags);
    draw_header(f);
    draw_tabs(state);
    View v = state.view.view;
    bool has_data = f.session->generation() > 0;
    if (has_data && v != View::Feeds && v != View::Gallery) draw_filter_bar(f, state);
    if (has_data && v != View::Feeds && v != View::Gallery && uses_rollups(f.session->data()))
        draw_rollups_note(f, state.view.filter);
    ImGui::BeginChild("view", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    if (v == View::Gallery)
        draw_chart_gallery();
    else if (v == View::Feeds)
        draw_feeds_view(f, state);
    else if (!has_data)
        draw_first_load(f);
    else if (v == View::Overview)
        draw_overview_view(f, state);
    else if (v == View::Queues)
        draw_queues_view(f, state);
    else if (v == View::Sla)
        draw_sla_view(f, state);
    else if (v == View::Satisfaction)
        draw_satisfaction_view(f, state);
    else if (v == View::Plans)
        draw_plans_view(f, state);
    else
        draw_cases_view(f, state);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace cb::ui
