// view_satisfaction.cpp: the Satisfaction view: CSAT and effort trends with 95% intervals, the score
// distribution, the drivers of dissatisfaction, the verbatims and the breakdowns by key.
#include <cmath>
#include <string>
#include <vector>

#include "charts/charts.h"
#include "csv_export.h"
#include "csv_writer.h"
#include "satisfaction_logic.h"
#include "view_satisfaction_parts.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

// One trend's arrays for line_chart, rebuilt per frame from the metrics (a few hundred points at most).
struct TrendArrays {
    std::vector<double> x, y, lo, hi;
    std::vector<uint32_t> n;
};

static void fill_trend(const std::vector<SatTrendPoint>& points, bool effort, TrendArrays* t) {
    t->x.clear(), t->y.clear(), t->lo.clear(), t->hi.clear(), t->n.clear();
    for (const SatTrendPoint& p : points) {
        const MeanAccumulator& m = effort ? p.counts.effort : p.counts.csat;
        Interval ci = m.mean_interval();
        t->x.push_back((double)p.start_day * kSecondsPerDay);
        t->y.push_back(m.mean());
        t->lo.push_back(ci.lo), t->hi.push_back(ci.hi);
        t->n.push_back(m.n);
    }
}

static void trend_chart(const char* id, const char* label, const std::vector<SatTrendPoint>& points,
                        bool effort, TimeStep period, ImVec2 size) {
    static TrendArrays arrays;
    fill_trend(points, effort, &arrays);
    LineSeries s;
    s.label = label;
    s.x = arrays.x.data(), s.y = arrays.y.data(), s.count = (int)arrays.x.size();
    s.lower = arrays.lo.data(), s.upper = arrays.hi.data(), s.n = arrays.n.data();
    LineChartOptions o;
    o.y_min = 1, o.y_max = effort ? 7 : 5;
    o.marker = kNoTime;
    o.point_period = period;
    if (s.count == 0) {
        ImGui::Dummy(size);
        return;
    }
    line_chart(id, &s, 1, size, o);
}

static void draw_distribution(const Frame& f, ImVec2 size) {
    const uint32_t* counts = f.board->metrics.satisfaction.csat_distribution;
    static const char* const kScores[] = {"1", "2", "3", "4", "5"};
    static const char* const kSeries[] = {"Responses"};
    double values[5];
    for (int k = 0; k < 5; ++k) values[k] = counts[k];
    BarChartOptions o;
    o.value_labels = true;
    bar_chart("distribution", kScores, 5, kSeries, 1, values, size, o);
}

static const char* driver_label(Driver d) {
    switch (d) {
        case Driver::SlaBreached:
            return "SLA breached";
        case Driver::Transfers:
            return "2+ transfers";
        case Driver::NoScope:
            return "No agreed scope";
        case Driver::LateFirstResponse:
            return "Late first response";
        case Driver::Reopened:
            return "Reopened";
        case Driver::NotValidated:
            return "Solution not validated";
        case Driver::Aged:
            return "Aged case";
        case Driver::Queue:
            return "Queue";
        default:
            return "Product";
    }
}

static std::string driver_name(const DriverRow& r, const StringPool& pool) {
    std::string s = driver_label(r.driver);
    if (r.driver == Driver::Queue || r.driver == Driver::Product) s += ": " + std::string(pool.view(r.value));
    return s;
}

static bool is_top(const DriverMetrics& dm, const DriverRow& r) {
    for (const Priority& p : dm.top)
        if (p.row.driver == r.driver && p.row.value == r.value) return true;
    return false;
}

static void export_drivers(const Frame& f) {
    std::string text;
    CsvWriter w(&text);
    for (const char* h : {"driver", "dissatisfied_rate_with", "dissatisfied_rate_without", "lift", "p_value",
                          "n_with", "n_without", "impact", "qualifies", "top_three"})
        w.text(h);
    w.end_row();
    const DriverMetrics& dm = f.board->metrics.drivers;
    for (const DriverRow& r : dm.rows) {
        w.text(driver_name(r, f.session->strings()));
        w.number(r.rate_with), w.number(r.rate_without), w.number(r.lift), w.number(r.p_value);
        w.integer(r.n_with), w.integer(r.n_without), w.number(r.impact);
        w.text(r.qualifies ? "true" : "false"), w.text(is_top(dm, r) ? "true" : "false");
        w.end_row();
    }
    download_csv("drivers", f.as_of, text);
}

static std::string pct(double r) {
    if (!std::isfinite(r)) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", r * 100);
    return buf;
}

static void draw_drivers(const Frame& f) {
    const DriverMetrics& dm = f.board->metrics.drivers;
    section_heading("Drivers of dissatisfaction", "share of CSAT 1-2 responses with vs without each factor");
    ImGui::SameLine();
    if (export_csv_button("drivers")) export_drivers(f);
    if (dm.rows.empty()) {
        ImGui::TextDisabled("No CSAT responses in the filter: nothing to compare.");
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    int shown = (int)std::min<size_t>(dm.rows.size(), 12);
    float h = (shown + 1.5f) * (ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y);
    if (!ImGui::BeginTable("drivers", 8, flags, ImVec2(0, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Driver", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    for (const char* c : {"Dissatisfied with", "without", "Lift", "p-value", "n with", "Impact", "Verdict"})
        ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    const StringPool& pool = f.session->strings();
    for (const DriverRow& r : dm.rows) {
        bool top = is_top(dm, r);
        ImGui::TableNextRow();
        if (top)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1,
                                   (tone_color(Tone::Warning) & 0x00FFFFFF) | 0x30000000);
        ImGui::TableNextColumn();
        if (top) ImGui::PushFont(g_font_bold);
        ImGui::Text("%s%s", top ? "▲ " : "", driver_name(r, pool).c_str());
        if (top) ImGui::PopFont();
        if (top && ImGui::IsItemHovered()) ImGui::SetTooltip("One of the top three priorities");
        ImGui::TableNextColumn();
        ImGui::Text("%s (%u of %u)", pct(r.rate_with).c_str(), r.dissatisfied_with, r.n_with);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(pct(r.rate_without).c_str());
        ImGui::TableNextColumn();
        std::isfinite(r.lift) ? ImGui::Text("%.1fx", r.lift) : ImGui::TextDisabled("–");
        ImGui::TableNextColumn();
        r.p_value < 0.001 ? ImGui::Text("< 0.001") : ImGui::Text("%.3f", r.p_value);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_count(r.n_with).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", r.impact);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Dissatisfied responses explained: n with x (rate with - rate without)");
        ImGui::TableNextColumn();
        state_badge(r.qualifies ? Tone::Warning : Tone::Neutral, r.qualifies ? "driver" : "not significant");
    }
    ImGui::EndTable();
}

static void draw_headline(const Frame& f) {
    const SatCounts& o = f.board->metrics.satisfaction.overall;
    ImGui::PushFont(g_font_bold);
    ImGui::Text("%s survey responses in the filter", format_count(o.responses).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    Interval ci = o.csat.mean_interval();
    if (o.csat.n)
        ImGui::TextDisabled("· CSAT mean %.2f of 5 (95%%: %.2f–%.2f) · top-2 %s · n = %s", o.csat.mean(),
                            ci.lo, ci.hi, pct(o.top2_rate()).c_str(), format_count(o.csat.n).c_str());
}

void draw_satisfaction_view(const Frame& f, UiState& state) {
    const SatisfactionMetrics& sat = f.board->metrics.satisfaction;
    draw_headline(f);
    ImGui::SameLine();
    static int monthly = 0;
    ImGui::RadioButton("Weekly", &monthly, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Monthly", &monthly, 1);
    ImGui::SameLine();
    png_button("satisfaction", f.as_of);
    if (sat.overall.responses == 0) {
        ImGui::Spacing();
        state_badge(Tone::Info,
                    "No survey responses for the cases in the filter. Widen the filter to see satisfaction.");
        return;
    }
    const std::vector<SatTrendPoint>& points = monthly ? sat.monthly : sat.weekly;
    TimeStep period = monthly ? TimeStep::Month : TimeStep::Week;
    const char* per = monthly ? "monthly" : "weekly";
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float w = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    float h = 230 * g_theme.scale;
    ImGui::BeginGroup();
    section_heading("CSAT mean", (std::string(per) + ", 1-5 · band: 95% interval").c_str());
    trend_chart("csat-trend", "CSAT mean", points, false, period, ImVec2(w, h));
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    section_heading("Customer effort", (std::string(per) + ", 1-7, lower is easier").c_str());
    trend_chart("effort-trend", "Effort mean", points, true, period, ImVec2(w, h));
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    section_heading("CSAT scores", "responses per score, filter's period");
    if (!rollups_only(f)) draw_distribution(f, ImVec2(w, h));
    ImGui::EndGroup();
    ImGui::Spacing();
    if (rollups_only(f)) {  // drivers, comments and terms need each survey and its case
        ImGui::Spacing();
        return draw_satisfaction_breakdown(f, state);
    }
    draw_drivers(f);
    ImGui::Spacing();
    float half = (ImGui::GetContentRegionAvail().x - gap) / 2;
    float list_h = 330 * g_theme.scale;
    ImGui::BeginChild("verbatims", ImVec2(half * 1.25f, list_h), false);
    draw_verbatim_browser(f, list_h);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("terms", ImVec2(0, list_h), false);
    draw_distinguishing_terms(f, list_h);
    ImGui::EndChild();
    ImGui::Spacing();
    draw_satisfaction_breakdown(f, state);
}

}  // namespace cb::ui
