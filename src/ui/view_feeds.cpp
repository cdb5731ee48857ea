// view_feeds.cpp: the Feeds view (every feed's state, size, records, problems) and the first-load screen.
#include <string>

#include "timestamp.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

Tone load_tone(LoadState s) {
    switch (s) {
        case LoadState::Loaded:
            return Tone::Good;
        case LoadState::Failed:
            return Tone::Bad;
        case LoadState::Loading:
            return Tone::Info;
        default:
            return Tone::Neutral;
    }
}

// Progress bar text and fill for one feed: bytes of the total when the server said it, records so far.
void feed_progress_bar(const FeedLoad& feed) {
    bool loading = feed.state == LoadState::Loading;
    float fraction = !loading               ? 1.0f
                     : feed.bytes_total > 0 ? (float)feed.bytes_done / (float)feed.bytes_total
                                            : 0.0f;
    std::string label = format_bytes((double)feed.bytes_done);
    if (loading && feed.bytes_total > 0) label += " of " + format_bytes((double)feed.bytes_total);
    if (loading && feed.ingest) label += " · " + format_count(feed.ingest->records_so_far()) + " records";
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), label.c_str());
}

// The first load: nothing to show yet but what is arriving.
void draw_first_load(const Frame& f) {
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
    if (r.problems_not_listed)
        ImGui::TextDisabled("… and %llu more", (unsigned long long)r.problems_not_listed);
}

void draw_feeds_view(const Frame& f, UiState&) {
    const DataSession& s = *f.session;
    if (!s.manifest_error().empty()) state_badge(Tone::Bad, s.manifest_error().c_str());
    ImGui::TextDisabled("Manifest %s · refreshed every %d s", s.manifest_url().c_str(),
                        s.manifest().refresh_seconds);
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
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
                                            format_count(r->rejected) + " rejected")
                                               .c_str());
            else
                state_badge(Tone::Good, "none");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                has_time(feed.last_success) ? format_age(f.as_of - feed.last_success).c_str() : "never");
        }
        ImGui::EndTable();
    }
    for (const FeedLoad& feed : s.feeds()) {
        const FeedReport* r = s.report_for(feed.spec.name);
        if (!r || (r->ok() && r->problems.empty())) continue;
        ImGui::PushID(feed.spec.name.c_str());
        // A failure says when it happened and what is shown instead: the last good data, or nothing.
        std::string title = feed.spec.name + ": ";
        if (r->ok()) {
            title += plural(r->problems.size() + r->problems_not_listed, "problem", "problems");
        } else {
            title += "failed at " + format_iso8601(feed.last_attempt).substr(11, 5) + " UTC";
            title += r->kept_previous
                         ? " · showing its data from " + format_iso8601(feed.last_success).substr(0, 16)
                         : " · no data from this feed";
        }
        if (ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) draw_feed_problems(*r);
        ImGui::PopID();
    }
}

}  // namespace cb::ui
