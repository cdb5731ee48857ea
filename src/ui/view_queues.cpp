// view_queues.cpp: the Queues view: open backlog by queue and severity, age by queue, arrivals vs closures,
// backlog over time, the oldest open cases and owner load. Bars and cells cross-filter; a case row opens it.
#include <algorithm>
#include <string>
#include <vector>

#include "charts/charts.h"
#include "view_overview_parts.h"
#include "widgets.h"

namespace cb::ui {

namespace {

constexpr int kMaxQueues = 15;  // bars and heat-map rows; the rest are counted in a note
constexpr int kMaxOwners = 15;

// Names of up to `limit` keys, kept alive for the chart's const char* labels.
struct Labels {
    std::vector<std::string> text;
    std::vector<const char*> ptr;
    void add(std::string s) { text.push_back(std::move(s)); }
    const char* const* finish() {
        ptr.clear();
        for (const std::string& s : text) ptr.push_back(s.c_str());
        return ptr.data();
    }
};

void toggle_queue(UiState& state, StrId queue) {
    drill_down(state, View::Queues, [&](Filter& next) { toggle_value(next.queue, queue); });
}

void draw_backlog_by_queue(const Frame& f, UiState& state, float height) {
    const BacklogMetrics& b = f.board->metrics.backlog;
    const StringPool& pool = f.session->strings();
    int n = std::min<int>(kMaxQueues, (int)b.open_by_queue.size());
    section_heading("Open backlog", "by queue and severity, now");
    if (n == 0) return state_badge(Tone::Good, "No open cases under this filter.");
    Labels names;
    std::vector<double> values((size_t)kSeverities * n);
    for (int i = 0; i < n; ++i) {
        const QueueSeverityCount& q = b.open_by_queue[i];
        names.add(std::string(pool.view(q.queue)));
        for (int s = 0; s < kSeverities; ++s) values[(size_t)s * n + i] = q.by_severity[s];
    }
    const char* sev[kSeverities] = {"Severity A", "Severity B", "Severity C"};
    BarChartOptions o;
    o.horizontal = true;
    o.value_labels = true;
    ChartHit hit =
        bar_chart("backlog", names.finish(), n, sev, kSeverities, values.data(), ImVec2(-1, height), o);
    if (hit.clicked()) toggle_queue(state, b.open_by_queue[hit.index].queue);
    if ((int)b.open_by_queue.size() > n)
        ImGui::TextDisabled("+%d more queues; click a bar to filter", (int)b.open_by_queue.size() - n);
}

void draw_age_heatmap(const Frame& f, UiState& state, float height) {
    const StringPool& pool = f.session->strings();
    const std::vector<QueueSeverityCount>& queues = f.board->metrics.backlog.open_by_queue;
    int n = std::min<int>(kMaxQueues, (int)queues.size());
    section_heading("Age of open cases", "by queue, since created");
    if (rollups_only(f)) return;
    if (n == 0) return state_badge(Tone::Good, "No open cases under this filter.");
    Labels names;
    std::vector<double> cells((size_t)n * kAgeBuckets);
    for (int r = 0; r < n; ++r) {
        names.add(std::string(pool.view(queues[r].queue)));
        for (int c = 0; c < kAgeBuckets; ++c) cells[(size_t)r * kAgeBuckets + c] = queues[r].by_age[c];
    }
    HeatmapOptions o;
    o.value_label = "open cases";
    int hit =
        heatmap("age", cells.data(), n, kAgeBuckets, names.finish(), kAgeBucketNames, ImVec2(-1, height), o);
    if (hit >= 0) toggle_queue(state, queues[hit / kAgeBuckets].queue);
}

void draw_flow(const Frame& f, float height) {
    const BacklogMetrics& b = f.board->metrics.backlog;
    static bool weekly = true;
    section_heading("Arrivals vs closures", weekly ? "per ISO week, last 26 weeks" : "per day, last 90 days");
    ImGui::SameLine();
    if (ImGui::SmallButton(weekly ? "Show daily" : "Show weekly")) weekly = !weekly;
    static std::vector<double> x, arrivals, closures;
    x.clear(), arrivals.clear(), closures.clear();
    if (weekly) {
        size_t first = b.weekly.size() > 26 ? b.weekly.size() - 26 : 0;
        for (size_t i = first; i < b.weekly.size(); ++i) {
            x.push_back((double)b.weekly[i].start_day * kSecondsPerDay);
            arrivals.push_back(b.weekly[i].arrivals), closures.push_back(b.weekly[i].closures);
        }
    } else {
        size_t first = b.daily.size() > 90 ? b.daily.size() - 90 : 0;
        for (size_t i = first; i < b.daily.size(); ++i) {
            x.push_back((double)b.daily[i].day * kSecondsPerDay);
            arrivals.push_back(b.daily[i].arrivals), closures.push_back(b.daily[i].closures);
        }
    }
    if (x.empty()) return state_badge(Tone::Neutral, "No cases created under this filter.");
    LineSeries s[2];
    s[0].label = "Arrivals (created)", s[0].x = x.data(), s[0].y = arrivals.data(),
    s[0].count = (int)x.size();
    s[1].label = "Closures (resolved, closed)", s[1].x = x.data(), s[1].y = closures.data(),
    s[1].count = (int)x.size();
    LineChartOptions o;
    o.point_period = weekly ? TimeStep::Week : TimeStep::Day;
    o.marker = f.as_of, o.marker_label = "as of";
    line_chart("flow", s, 2, ImVec2(-1, height), o);
}

void draw_backlog_trend(const Frame& f, float height) {
    const BacklogMetrics& b = f.board->metrics.backlog;
    section_heading("Backlog over time", "open at the end of each day (UTC)");
    static std::vector<double> x, y;
    x.clear(), y.clear();
    for (const DayFlow& d : b.daily) x.push_back((double)d.day * kSecondsPerDay), y.push_back(d.backlog);
    if (x.empty()) return state_badge(Tone::Neutral, "No cases created under this filter.");
    LineSeries s;
    s.label = "Open cases", s.x = x.data(), s.y = y.data(), s.count = (int)x.size(), s.area = true;
    LineChartOptions o;
    o.marker = f.as_of, o.marker_label = "as of";
    line_chart("backlog_trend", &s, 1, ImVec2(-1, height), o);
}

void draw_oldest(const Frame& f, UiState& state, float height) {
    const CaseTable& c = f.session->data().cases;
    const StringPool& pool = f.session->strings();
    const std::vector<uint32_t>& rows = f.board->metrics.backlog.oldest_open;
    section_heading("Oldest open cases", "click a row to open the case");
    if (rollups_only(f)) return;
    if (rows.empty()) return state_badge(Tone::Good, "No open cases under this filter.");
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("oldest", 6, flags, ImVec2(-1, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Age", ImGuiTableColumnFlags_WidthFixed, 70 * g_theme.scale);
    ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Sev", ImGuiTableColumnFlags_WidthFixed, 30 * g_theme.scale);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableSetupColumn("Queue", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    ImGui::TableHeadersRow();
    for (uint32_t r : rows) {
        if (r >= c.count) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID((int)r);
        std::string age = format_duration(f.as_of - c.created_at[r]);
        if (ImGui::Selectable(age.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            open_case(state, f, r);
        ImGui::PopID();
        std::string title = std::string(pool.view(c.id[r])) + "  " + std::string(pool.view(c.title[r]));
        ImGui::TableNextColumn(), fitted_text(title.c_str());
        ImGui::TableNextColumn(), ImGui::TextUnformatted(to_string(c.severity[r]));
        ImGui::TableNextColumn(), fitted_text(case_status_words(c.status[r]));
        ImGui::TableNextColumn(), fitted_text(std::string(pool.view(c.queue[r])).c_str());
        ImGui::TableNextColumn(), fitted_text(std::string(pool.view(c.owner[r])).c_str());
    }
    ImGui::EndTable();
}

void draw_owner_load(const Frame& f, UiState& state, float height) {
    const std::vector<KeyCount>& owners = f.board->metrics.backlog.open_by_owner;
    const StringPool& pool = f.session->strings();
    int n = std::min<int>(kMaxOwners, (int)owners.size());
    section_heading("Owner load", "open cases per owner, now");
    if (rollups_only(f)) return;
    if (n == 0) return state_badge(Tone::Good, "No open cases under this filter.");
    Labels names;
    std::vector<double> values(n);
    for (int i = 0; i < n; ++i) {
        StrId o = owners[i].key;
        names.add(o == kNoStr ? "(unassigned)" : std::string(pool.view(o)));
        values[i] = owners[i].count;
    }
    const char* series[] = {"Open cases"};
    BarChartOptions o;
    o.horizontal = true, o.value_labels = true;
    ChartHit hit = bar_chart("owners", names.finish(), n, series, 1, values.data(), ImVec2(-1, height), o);
    if (hit.clicked() && owners[hit.index].key != kNoStr)
        drill_down(state, View::Queues,
                   [&](Filter& next) { toggle_value(next.owner, owners[hit.index].key); });
}

}  // namespace

void draw_queues_view(const Frame& f, UiState& state) {
    float row_h = std::max(220 * g_theme.scale, (ImGui::GetContentRegionAvail().y - 120 * g_theme.scale) / 3);
    float chart_h = row_h - ImGui::GetFrameHeightWithSpacing() * 1.6f;
    ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("queues_grid", 2, flags)) return;
    ImGui::TableNextRow(0, row_h);
    ImGui::TableNextColumn(), draw_backlog_by_queue(f, state, chart_h);
    ImGui::TableNextColumn(), draw_age_heatmap(f, state, chart_h);
    ImGui::TableNextRow(0, row_h);
    ImGui::TableNextColumn(), draw_flow(f, chart_h);
    ImGui::TableNextColumn(), draw_backlog_trend(f, chart_h);
    ImGui::TableNextRow(0, row_h);
    ImGui::TableNextColumn(), draw_oldest(f, state, chart_h);
    ImGui::TableNextColumn(), draw_owner_load(f, state, chart_h);
    ImGui::EndTable();
}

}  // namespace cb::ui
