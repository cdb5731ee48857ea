#include "dashboard_ui.h"

#include <algorithm>
#include <cstdio>

#include "charts/gallery.h"
#include "theme.h"
#include "timestamp.h"
#include "widgets.h"

namespace cb::ui {

static const char* const kViewIds[] = {"overview", "feeds", "gallery"};
static const char* const kViewTitles[] = {"Overview", "Feeds", "Chart gallery"};

const char* view_id(View v) { return kViewIds[(int)v]; }
const char* view_title(View v) { return kViewTitles[(int)v]; }
bool parse_view(std::string_view id, View* out) {
    for (int i = 0; i < (int)View::Count; ++i)
        if (id == kViewIds[i]) return *out = (View)i, true;
    return false;
}

static Tone load_tone(LoadState s) {
    switch (s) {
        case LoadState::Loaded: return Tone::Good;
        case LoadState::Failed: return Tone::Bad;
        case LoadState::Loading: return Tone::Info;
        default: return Tone::Neutral;
    }
}

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
    std::string when = has_time(f.as_of) ? format_iso8601(f.as_of).substr(0, 16) + "Z" : "";
    ImGui::TextDisabled("as of %s%s", when.c_str(), f.live ? " (live)" : "");
    ImGui::SameLine();
    if (!s.manifest_error().empty())
        state_badge(Tone::Bad, "Manifest failed: showing the last good data");
    else if (loading)
        state_badge(Tone::Info, "Loading feeds…");
    else if (failed)
        state_badge(Tone::Bad, (std::to_string(failed) + (failed == 1 ? " feed failed" : " feeds failed")).c_str());
    else if (has_time(newest))
        state_badge(Tone::Good, ("Updated " + format_age(f.as_of - newest)).c_str());
}

static void draw_overview(const Frame& f) {
    const DataSession& s = *f.session;
    const Dataset& d = s.data();
    uint64_t open = 0;
    for (size_t i = 0; i < d.cases.count; ++i) open += is_open(d.cases.status[i]);
    float w = std::max(200.0f * g_theme.scale,
                       (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4);
    ImVec2 size(w, 116 * g_theme.scale);
    kpi_tile("open", "Open cases", format_count(open), format_count(d.cases.count) + " cases loaded", Tone::Info,
             size);
    ImGui::SameLine();
    kpi_tile("surveys", "Survey responses", format_count(d.surveys.count), "customer signals", Tone::Neutral, size);
    ImGui::SameLine();
    kpi_tile("plans", "Success plans", format_count(d.plans.size()), "customer success plans", Tone::Neutral, size);
    ImGui::SameLine();
    uint64_t problems = 0;
    for (const FeedReport& r : s.reports()) problems += r.problems.size() + r.problems_not_listed + !r.ok();
    kpi_tile("problems", "Feed problems", format_count(problems), problems ? "see Feeds" : "all records valid",
             problems ? Tone::Warning : Tone::Good, size);
}

// Progress bar text and fill for one feed: bytes of the total when the server said it, records so far.
static void feed_progress_bar(const FeedLoad& feed) {
    bool loading = feed.state == LoadState::Loading;
    float fraction = !loading ? 1.0f : feed.bytes_total > 0 ? (float)feed.bytes_done / (float)feed.bytes_total : 0.0f;
    std::string label = format_bytes((double)feed.bytes_done);
    if (loading && feed.bytes_total > 0) label += " of " + format_bytes((double)feed.bytes_total);
    if (loading && feed.ingest) label += " · " + format_count(feed.ingest->records_so_far()) + " records";
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), label.c_str());
}

// The first load: nothing to show yet but what is arriving.
static void draw_first_load(const Frame& f) {
    const DataSession& s = *f.session;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float w = std::min(avail.x, 640 * g_theme.scale);
    ImGui::SetCursorPos(ImVec2((avail.x - w) / 2, avail.y * 0.2f));
    ImGui::BeginChild("first-load", ImVec2(w, 0), true, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(s.manifest_error().empty() ? "Loading feeds" : "The manifest could not be loaded");
    ImGui::PopFont();
    if (!s.manifest_error().empty()) {
        ImGui::TextWrapped("%s", s.manifest_error().c_str());
    } else if (s.feeds().empty()) {
        ImGui::TextDisabled("Reading %s…", s.manifest_url().c_str());
    }
    for (const FeedLoad& feed : s.feeds()) {
        ImGui::PushID(feed.spec.name.c_str());
        state_badge(load_tone(feed.state), feed.spec.name.c_str());
        ImGui::SameLine(160 * g_theme.scale);
        feed_progress_bar(feed);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

static std::string plural(uint64_t n, const char* one, const char* many) {
    return format_count(n) + " " + (n == 1 ? one : many);
}

// Every problem of one feed, as the validator reports it: record, id, field, message.
static void draw_feed_problems(const FeedReport& r) {
    if (!r.fatal.empty()) state_badge(Tone::Bad, ("Feed failed: " + r.fatal).c_str());
    if (r.problems.empty()) return;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("problems", 4, flags)) return;
    ImGui::TableSetupColumn("Record", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Id", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Problem");
    ImGui::TableHeadersRow();
    for (const FeedProblem& p : r.problems) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%llu", (unsigned long long)p.record);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.id.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.field.empty() ? "(record)" : p.field.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", p.message.c_str());
    }
    ImGui::EndTable();
    if (r.problems_not_listed) ImGui::TextDisabled("… and %llu more", (unsigned long long)r.problems_not_listed);
}

static void draw_feeds(const Frame& f) {
    const DataSession& s = *f.session;
    if (!s.manifest_error().empty()) state_badge(Tone::Bad, s.manifest_error().c_str());
    ImGui::TextDisabled("Manifest %s · refreshed every %d s", s.manifest_url().c_str(), s.manifest().refresh_seconds);
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("feeds", 8, flags)) {
        ImGui::TableSetupColumn("Feed");
        ImGui::TableSetupColumn("Kind");
        ImGui::TableSetupColumn("Format");
        ImGui::TableSetupColumn("State");
        ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("Records");
        ImGui::TableSetupColumn("Problems");
        ImGui::TableSetupColumn("Last success");
        ImGui::TableHeadersRow();
        for (const FeedLoad& feed : s.feeds()) {
            const FeedReport* r = s.report_for(feed.spec.name);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(feed.spec.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(to_string(feed.spec.kind));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r ? to_string(r->format) : "–");
            ImGui::TableNextColumn();
            state_badge(load_tone(feed.state), to_string(feed.state));
            ImGui::TableNextColumn();
            if (feed.state == LoadState::Loading)
                feed_progress_bar(feed);
            else
                ImGui::TextUnformatted(format_bytes((double)feed.bytes_done).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r ? format_count(r->records).c_str() : "–");
            ImGui::TableNextColumn();
            uint64_t problems = r ? r->problems.size() + r->problems_not_listed : 0;
            if (!r)
                ImGui::TextUnformatted("–");
            else if (!r->ok())
                state_badge(Tone::Bad, "feed failed");
            else if (problems)
                state_badge(Tone::Warning, (plural(problems, "problem", "problems") + ", " +
                                            format_count(r->rejected) + " rejected").c_str());
            else
                state_badge(Tone::Good, "none");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(has_time(feed.last_success) ? format_age(f.as_of - feed.last_success).c_str()
                                                                : "never");
        }
        ImGui::EndTable();
    }
    for (const FeedLoad& feed : s.feeds()) {
        const FeedReport* r = s.report_for(feed.spec.name);
        if (!r || (r->ok() && r->problems.empty())) continue;
        ImGui::PushID(feed.spec.name.c_str());
        std::string title = feed.spec.name + ": " +
                            (r->ok() ? plural(r->problems.size() + r->problems_not_listed, "problem", "problems")
                                     : std::string("failed"));
        if (ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) draw_feed_problems(*r);
        ImGui::PopID();
    }
}

// Keys work anywhere but in a text field: 1-9 views, T theme, + and - the UI scale (browser zoom stays
// on Ctrl +/-).
static void handle_shortcuts(UiState& state) {
    if (ImGui::GetIO().WantTextInput) return;
    for (int i = 0; i < kTabViews && i < 9; ++i)
        if (ImGui::IsKeyPressed((ImGuiKey)(ImGuiKey_1 + i), false)) state.view = (View)i;
    if (ImGui::IsKeyPressed(ImGuiKey_T, false)) state.dark = !state.dark, state.follow_system_theme = false;
    if (ImGui::GetIO().KeyCtrl) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal)) state.scale = std::min(3.0f, state.scale + 0.25f);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus)) state.scale = std::max(0.75f, state.scale - 0.25f);
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
    if (ImGui::BeginTabBar("views")) {
        for (int i = 0; i < kTabViews; ++i) {
            View v = (View)i;
            // The selected view comes from UiState (URL, test API, keys); clicks change it.
            ImGuiTabItemFlags tab_flags = state.view == v ? ImGuiTabItemFlags_SetSelected : 0;
            bool open = ImGui::BeginTabItem(view_title(v), nullptr, tab_flags);
            if (ImGui::IsItemClicked()) state.view = v;
            if (open) ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::BeginChild("view", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    if (state.view == View::Gallery)
        draw_chart_gallery();
    else if (f.session->generation() == 0 && state.view != View::Feeds)
        draw_first_load(f);
    else if (state.view == View::Overview)
        draw_overview(f);
    else
        draw_feeds(f);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace cb::ui
