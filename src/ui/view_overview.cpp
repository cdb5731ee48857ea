// view_overview.cpp: the Overview: KPI tiles with drill-down and the top three priorities.
#include <algorithm>

#include "views.h"
#include "widgets.h"

namespace cb::ui {

void draw_overview_view(const Frame& f, UiState&) {
    const DataSession& s = *f.session;
    const Dataset& d = s.data();
    uint64_t open = 0;
    for (size_t i = 0; i < d.cases.count; ++i) open += is_open(d.cases.status[i]);
    float w = std::max(200.0f * g_theme.scale,
                       (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4);
    ImVec2 size(w, 116 * g_theme.scale);
    kpi_tile("open", "Open cases", format_count(open), format_count(d.cases.count) + " cases loaded",
             Tone::Info, size);
    ImGui::SameLine();
    kpi_tile("surveys", "Survey responses", format_count(d.surveys.count), "customer signals", Tone::Neutral,
             size);
    ImGui::SameLine();
    kpi_tile("plans", "Success plans", format_count(d.plans.size()), "customer success plans", Tone::Neutral,
             size);
    ImGui::SameLine();
    uint64_t problems = 0;
    for (const FeedReport& r : s.reports()) problems += r.problems.size() + r.problems_not_listed + !r.ok();
    kpi_tile("problems", "Feed problems", format_count(problems),
             problems ? "see Feeds" : "all records valid", problems ? Tone::Warning : Tone::Good, size);
}

}  // namespace cb::ui
