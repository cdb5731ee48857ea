// view_sla.cpp: the SLA view: live lists (view_sla_lists.cpp), weekly attainment per metric, the weekday x
// hour heat map of breaches and breaches by queue, owner and severity (click a bar to filter).
#include <algorithm>
#include <string>
#include <vector>

#include "charts/charts.h"
#include "view_sla_lists.h"
#include "widgets.h"

namespace cb::ui {

namespace {

constexpr int kMaxBars = 10;

void draw_attainment_trend(const Frame& f, float height) {
    const SlaMetrics& s = f.board->metrics.sla;
    section_heading("Attainment per week", "met / (met + breached), by week of completion");
    std::string now = "All time: first response " +
                      format_percent(s.metric[(int)SlaMetric::FirstResponse].attainment) + " · resolution " +
                      format_percent(s.metric[(int)SlaMetric::Resolution].attainment);
    ImGui::TextDisabled("%s", now.c_str());
    static double x[kSlaTrendWeeks], fr[kSlaTrendWeeks], res[kSlaTrendWeeks];
    static uint32_t fr_n[kSlaTrendWeeks], res_n[kSlaTrendWeeks];
    for (int w = 0; w < kSlaTrendWeeks; ++w) {
        x[w] = (double)s.week_start[w] * kSecondsPerDay;
        fr[w] = week_attainment(s, SlaMetric::FirstResponse, w);
        res[w] = week_attainment(s, SlaMetric::Resolution, w);
        fr_n[w] =
            s.week_met[(int)SlaMetric::FirstResponse][w] + s.week_missed[(int)SlaMetric::FirstResponse][w];
        res_n[w] = s.week_met[(int)SlaMetric::Resolution][w] + s.week_missed[(int)SlaMetric::Resolution][w];
    }
    LineSeries series[2];
    series[0].label = "First response", series[0].x = x, series[0].y = fr, series[0].n = fr_n;
    series[1].label = "Resolution", series[1].x = x, series[1].y = res, series[1].n = res_n;
    series[0].count = series[1].count = kSlaTrendWeeks;
    LineChartOptions o;
    o.y_format = ValueFormat::Percent;
    o.y_min = 0, o.y_max = 1;
    o.point_period = TimeStep::Week;
    line_chart("attainment", series, 2, ImVec2(-1, height), o);
}

void draw_breach_heatmap(const Frame& f, float height) {
    const SlaMetrics& s = f.board->metrics.sla;
    section_heading("When breaches happen", "weekday x hour of the missed deadline, UTC, all metrics");
    static const char* days[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* hours[24] = {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11",
                                    "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23"};
    double cells[7 * 24];
    uint64_t total = 0;
    for (int d = 0; d < 7; ++d)
        for (int hr = 0; hr < 24; ++hr)
            cells[d * 24 + hr] = s.breach_heatmap[d][hr], total += s.breach_heatmap[d][hr];
    if (!total) return state_badge(Tone::Good, "No breaches under this filter.");
    HeatmapOptions o;
    o.value_label = "breaches";
    o.cell_numbers = false;
    heatmap("breach_heat", cells, 7, 24, days, hours, ImVec2(-1, height), o);
}

// Breaches per metric for the top keys of one breakdown, stacked; a click toggles the key in the filter.
template <typename Toggle>
void draw_breakdown(const char* id, const char* title, const SlaBreakdownRow* rows, int count,
                    std::vector<std::string> names, float height, Toggle toggle) {
    section_heading(title, "noncompliant clocks by metric");
    int n = std::min(kMaxBars, count);
    while (n > 0 && rows[n - 1].breached_cases == 0) --n;  // most breached first: drop the clean tail
    if (n == 0) return state_badge(Tone::Good, "No breaches");
    std::vector<const char*> labels;
    for (int i = 0; i < n; ++i) labels.push_back(names[i].c_str());
    std::vector<double> values((size_t)kSlaMetrics * n);
    for (int m = 0; m < kSlaMetrics; ++m)
        for (int i = 0; i < n; ++i) values[(size_t)m * n + i] = rows[i].breaches[m];
    const char* series[kSlaMetrics] = {metric_label(SlaMetric::FirstResponse),
                                       metric_label(SlaMetric::NextUpdate),
                                       metric_label(SlaMetric::Resolution)};
    BarChartOptions o;
    o.horizontal = true;
    ChartHit hit = bar_chart(id, labels.data(), n, series, kSlaMetrics, values.data(), ImVec2(-1, height), o);
    if (hit.clicked()) toggle(rows[hit.index].key);
}

std::vector<std::string> key_names(const StringPool& pool, const std::vector<SlaBreakdownRow>& rows) {
    std::vector<std::string> names;
    for (size_t i = 0; i < rows.size() && i < (size_t)kMaxBars; ++i)
        names.push_back(rows[i].key == kNoStr ? "(none)" : std::string(pool.view(rows[i].key)));
    return names;
}

void draw_breakdowns(const Frame& f, UiState& state, float height) {
    const SlaMetrics& s = f.board->metrics.sla;
    const StringPool& pool = f.session->strings();
    if (!ImGui::BeginTable("breakdowns", 3, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    draw_breakdown("by_queue", "Breaches by queue", s.by_queue.data(), (int)s.by_queue.size(),
                   key_names(pool, s.by_queue), height, [&](StrId q) {
                       if (q != kNoStr)
                           drill_down(state, View::Sla, [&](Filter& next) { toggle_value(next.queue, q); });
                   });
    ImGui::TableNextColumn();
    draw_breakdown("by_owner", "Breaches by owner", s.by_owner.data(), (int)s.by_owner.size(),
                   key_names(pool, s.by_owner), height, [&](StrId o) {
                       if (o != kNoStr)
                           drill_down(state, View::Sla, [&](Filter& next) { toggle_value(next.owner, o); });
                   });
    ImGui::TableNextColumn();
    // Severity rows are indexed by the Severity value (their key holds it too).
    std::vector<std::string> sev = {"Severity A", "Severity B", "Severity C"};
    draw_breakdown(
        "by_severity", "Breaches by severity", s.by_severity, kSeverities, sev, height, [&](StrId k) {
            drill_down(state, View::Sla, [&](Filter& next) { toggle_value(next.severity, (Severity)k); });
        });
    ImGui::EndTable();
}

}  // namespace

void draw_sla_view(const Frame& f, UiState& state) {
    if (rollups_only(f)) return;  // no SLA clocks without case timestamps
    const Headline& h = frame_headline(f);
    float s = g_theme.scale;
    float row_h = std::max(200 * s, (ImGui::GetContentRegionAvail().y - 100 * s) / 3);
    float body_h = row_h - ImGui::GetFrameHeightWithSpacing() * 2.2f;
    ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("sla_lists", 2, flags)) {
        ImGui::TableNextRow(0, row_h);
        ImGui::TableNextColumn(), draw_nearing_list(f, state, h, body_h);
        ImGui::TableNextColumn(), draw_breach_list(f, state, h, body_h);
        ImGui::TableNextRow(0, row_h);
        ImGui::TableNextColumn(), draw_attainment_trend(f, body_h);
        ImGui::TableNextColumn(), draw_breach_heatmap(f, body_h);
        ImGui::EndTable();
    }
    draw_breakdowns(f, state, body_h);
}

}  // namespace cb::ui
