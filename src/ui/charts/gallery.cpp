// gallery.cpp: every chart widget on fixed, support-dashboard-like sample data, in a grid that fits
// 1280x720 and grows to 3840x2160. Nothing here is random at run time: the same pixels every load.
#include "gallery.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "charts.h"
#include "timestamp.h"
#include "ui/widgets.h"

namespace cb::ui {

namespace {

// A small deterministic generator (LCG) so sample data is the same on every load.
struct Lcg {
    uint64_t s;
    double next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return (double)(s >> 11) / 9007199254740992.0;
    }
};

const Time kAsOf = days_from_civil(2026, 3, 2) * 86400 + 9 * 3600;

struct GalleryData {
    // CSAT trend: 26 weeks, share of satisfied (4-5) and dissatisfied (1-2) responses, Wilson band.
    std::vector<double> week, satisfied, sat_lo, sat_hi, dissatisfied;
    std::vector<uint32_t> responses;
    // One million points at 30 s spacing: a year of a noisy daily-cycle signal.
    std::vector<double> big_x, big_y;
    std::vector<double> backlog_trend, response_trend;
    std::vector<double> heat;  // 7 x 24 breaches by weekday x hour
    std::vector<GanttRow> gantt;
};

const GalleryData& data() {
    static GalleryData d;
    if (!d.week.empty()) return d;
    Lcg rng{42};
    Time first_week = days_from_civil(2025, 9, 1) * 86400;  // a Monday
    for (int w = 0; w < 26; ++w) {
        uint32_t n = 40 + (uint32_t)(rng.next() * 110);
        double p = 0.78 + 0.06 * std::sin(w * 0.45) + (w > 18 ? 0.04 : 0) + (rng.next() - 0.5) * 0.05;
        uint32_t good = (uint32_t)std::lround(p * n), bad = (uint32_t)std::lround((1 - p) * 0.55 * n);
        Interval ci = wilson_interval(good, n);
        d.week.push_back((double)(first_week + (Time)w * 7 * 86400));
        d.satisfied.push_back((double)good / n), d.sat_lo.push_back(ci.lo), d.sat_hi.push_back(ci.hi);
        d.dissatisfied.push_back((double)bad / n), d.responses.push_back(n);
    }
    const size_t kBig = 1000000;
    d.big_x.resize(kBig), d.big_y.resize(kBig);
    Time big_start = days_from_civil(2025, 3, 3) * 86400;
    double walk = 0;
    for (size_t i = 0; i < kBig; ++i) {
        double t = (double)i * 30;
        walk += (rng.next() - 0.5) * 0.8;
        walk *= 0.9995;
        d.big_x[i] = (double)big_start + t;
        d.big_y[i] = std::max(0.0, 140 + 30 * std::sin(t / 86400 * 6.2831853) +
                                       40 * std::sin(t / (86400 * 91.0) * 6.2831853) + walk * 3 +
                                       (rng.next() < 0.0002 ? 160 * rng.next() : 0));
    }
    double open = 1180, frt = 48;
    for (int i = 0; i < 30; ++i) {
        open += (rng.next() - 0.42) * 30, frt += (rng.next() - 0.55) * 4;
        d.backlog_trend.push_back(std::round(open)), d.response_trend.push_back(std::round(frt));
    }
    for (int day = 0; day < 7; ++day)
        for (int hour = 0; hour < 24; ++hour) {
            double business = (hour >= 8 && hour <= 18) ? 1.0 : 0.25;
            double weekend = day >= 5 ? 0.3 : 1.0;
            double peak = std::exp(-std::pow((hour - 11) / 3.5, 2)) * 14 + (day == 0 ? 6 : 0) * business;
            d.heat.push_back(std::round((2 + peak) * business * weekend + rng.next() * 3));
        }
    d.heat[5 * 24 + 3] = kNaN;  // a maintenance window with no data
    auto day = [](int y, unsigned m, unsigned dd) { return days_from_civil(y, m, dd) * 86400; };
    d.gantt = {
        {"Contoso – Adoption plan FY26", 0, day(2025, 10, 1), day(2026, 6, 30), false, 0.38, 0.45,
         Tone::Warning, "at risk: 1 milestone late"},
        {"Reduce Sev A reopen rate below 5%", 1, day(2025, 10, 1), day(2026, 2, 15), false, 0.9, 1.0,
         Tone::Warning, "behind: 90% done, due date passed"},
        {"Runbook review with customer ops", 2, kNoTime, day(2025, 11, 20), true, 1.0, kNaN, Tone::Good,
         "done"},
        {"Escalation path signed off", 2, kNoTime, day(2026, 2, 10), true, 0.0, kNaN, Tone::Bad,
         "late by 20 days"},
        {"Onboard 3 new product teams to the self-service portal", 1, day(2025, 12, 1), day(2026, 5, 31),
         false, 0.35, 0.33, Tone::Good, "on track"},
        {"Portal pilot, team 1", 2, kNoTime, day(2026, 1, 15), true, 1.0, kNaN, Tone::Good, "done"},
        {"Portal pilot, teams 2-3", 2, kNoTime, day(2026, 4, 15), true, 0.0, kNaN, Tone::Neutral,
         "not started"},
        {"Quarterly business review", 1, day(2026, 3, 20), day(2026, 4, 10), false, 0.0, 0.0, Tone::Info,
         "scheduled"},
    };
    return d;
}

// A bordered panel with a bold title and an optional dim subtitle; the chart fills the rest.
void begin_panel(const char* id, const char* title, const char* subtitle, ImVec2 size) {
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (subtitle) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", subtitle);
    }
}

void end_panel() {
    ImGui::EndChild();
}

// The last click of any chart, so the gallery shows what the dashboard would cross-filter on.
char g_last_click[128] = "Click a bar, cell, segment, point or row: the chart returns what was clicked.";

void note_click(const char* chart, int series, int index) {
    if (index >= 0)
        std::snprintf(g_last_click, sizeof g_last_click, "Clicked %s: series %d, index %d", chart, series,
                      index);
}

void csat_panel(const GalleryData& d, ImVec2 size) {
    begin_panel("csat", "Customer satisfaction", "weekly share, 95% Wilson interval", size);
    LineSeries s[2];
    s[0].label = "Satisfied (4–5)", s[0].x = d.week.data(), s[0].y = d.satisfied.data(),
    s[0].count = (int)d.week.size();
    s[0].lower = d.sat_lo.data(), s[0].upper = d.sat_hi.data(), s[0].n = d.responses.data();
    s[1].label = "Dissatisfied (1–2)", s[1].x = d.week.data(), s[1].y = d.dissatisfied.data(),
    s[1].count = s[0].count;
    s[1].n = d.responses.data();
    LineChartOptions o;
    o.y_format = ValueFormat::Percent, o.marker = kAsOf, o.point_period = TimeStep::Week;
    ChartHit hit = line_chart("chart", s, 2, ImVec2(0, 0), o);
    note_click("CSAT point", hit.series, hit.index);
    end_panel();
}

void kpi_panel(const GalleryData& d, ImVec2 size) {
    begin_panel("kpis", "Trends", "last 30 days", size);
    float half = (ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y) * 0.5f;
    struct Kpi {
        const char* label;
        const std::vector<double>* values;
        const char* unit;
        int series;
    } kpis[] = {{"Open backlog", &d.backlog_trend, "cases", 4},
                {"Median first response", &d.response_trend, "min", 0}};
    // The sparklines start at one x, whatever the width of the text beside them.
    float text_w = 0;
    for (const Kpi& k : kpis) text_w = std::max(text_w, ImGui::CalcTextSize(k.label).x);
    text_w += ImGui::GetStyle().ItemSpacing.x;
    for (const Kpi& k : kpis) {
        ImGui::PushID(k.label);
        ImGui::BeginGroup();
        ImGui::TextDisabled("%s", k.label);
        char v[48];
        std::snprintf(v, sizeof v, "%s %s", format_count((uint64_t)k.values->back()).c_str(), k.unit);
        ImGui::PushFont(g_font_bold);
        ImGui::TextUnformatted(v);
        ImGui::PopFont();
        ImGui::EndGroup();
        ImGui::SameLine(text_w + ImGui::GetStyle().WindowPadding.x);
        float spark_h = std::max(half - ImGui::GetStyle().ItemSpacing.y, 12 * g_theme.scale);
        if (sparkline("spark", k.values->data(), (int)k.values->size(), ImVec2(0, spark_h),
                      series_color(k.series)))
            note_click(k.label, 0, (int)k.values->size() - 1);
        ImGui::PopID();
    }
    end_panel();
}

void donut_panel(ImVec2 size) {
    begin_panel("donut", "Open cases by status", nullptr, size);
    static const double values[] = {212, 564, 301, 88, 119};
    static const char* const labels[] = {"New", "In progress", "Waiting on customer", "On hold", "Escalated"};
    note_click("status segment", 0, donut_chart("chart", values, labels, 5, "1,284", "open", ImVec2(0, 0)));
    end_panel();
}

void backlog_panel(ImVec2 size) {
    begin_panel("backlog", "Backlog by queue and severity", nullptr, size);
    static const char* const queues[] = {"Database", "Networking", "Identity & Access",
                                         "Billing",  "Storage",    "Analytics Platform Integrations"};
    static const char* const sev[] = {"Sev A", "Sev B", "Sev C"};
    static const double v[] = {12,  8,  5,  2,  9,   4,    // Sev A
                               64,  41, 37, 18, 52,  22,   // Sev B
                               120, 96, 71, 88, 104, 60};  // Sev C
    BarChartOptions o;
    o.value_labels = true;
    ChartHit hit = bar_chart("chart", queues, 6, sev, 3, v, ImVec2(0, 0), o);
    note_click("backlog bar", hit.series, hit.index);
    end_panel();
}

void owners_panel(ImVec2 size) {
    begin_panel("owners", "SLA breaches by owner", nullptr, size);
    static const char* const owners[] = {"Alexandra Konstantinopoulou", "Wei Zhang",
                                         "Mariana Gutiérrez-Salazar",   "Tomasz Wiśniewski",
                                         "Priya Raghunathan",           "Olu Adeyemi"};
    static const char* const months[] = {"February", "January"};
    static const double v[] = {14, 9, 11, 6, 4, 2, 10, 12, 7, 8, 5, 3};
    BarChartOptions o;
    o.horizontal = true, o.stacked = false, o.value_labels = true;
    ChartHit hit = bar_chart("chart", owners, 6, months, 2, v, ImVec2(0, 0), o);
    note_click("owner bar", hit.series, hit.index);
    end_panel();
}

void heat_panel(const GalleryData& d, ImVec2 size) {
    begin_panel("heat", "SLA breaches by weekday and hour", "UTC", size);
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static char hour_text[24][8];
    static const char* hours[24];
    for (int h = 0; h < 24; ++h)
        std::snprintf(hour_text[h], sizeof hour_text[h], "%02d:00", h), hours[h] = hour_text[h];
    HeatmapOptions o;
    o.value_label = "breaches";
    note_click("heat cell", 0, heatmap("chart", d.heat.data(), 7, 24, days, hours, ImVec2(0, 0), o));
    end_panel();
}

void big_panel(const GalleryData& d, ImVec2 size) {
    static double last_ms = 0;
    char subtitle[64];
    std::snprintf(subtitle, sizeof subtitle, "1,000,000 points · %.1f ms", last_ms);
    begin_panel("big", "Case events (30 s buckets)", subtitle, size);
    LineSeries s;
    s.label = "events", s.x = d.big_x.data(), s.y = d.big_y.data(), s.count = (int)d.big_x.size(),
    s.area = true;
    LineChartOptions o;
    o.point_period = TimeStep::Hour;
    auto start = std::chrono::steady_clock::now();
    ChartHit hit = line_chart("chart", &s, 1, ImVec2(0, 0), o);
    last_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    note_click("event point", hit.series, hit.index);
    end_panel();
}

void gantt_panel(const GalleryData& d, ImVec2 size) {
    begin_panel("gantt", "Customer success plan", "bar = progress, tick = expected today", size);
    Time t0 = days_from_civil(2025, 10, 1) * 86400, t1 = days_from_civil(2026, 6, 30) * 86400;
    note_click("plan row", 0,
               gantt_chart("chart", d.gantt.data(), (int)d.gantt.size(), t0, t1, kAsOf, ImVec2(0, 0)));
    end_panel();
}

void gauge_panel(ImVec2 size) {
    begin_panel("gauges", "Targets", nullptr, size);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    bool side_by_side = avail.x > avail.y;
    ImVec2 g = side_by_side ? ImVec2((avail.x - ImGui::GetStyle().ItemSpacing.x) * 0.5f, avail.y)
                            : ImVec2(avail.x, (avail.y - ImGui::GetStyle().ItemSpacing.y) * 0.5f);
    if (share_gauge("fcr", 0.72, "First-contact resolution", Tone::Good, g)) note_click("gauge", 0, 0);
    if (side_by_side) ImGui::SameLine();
    if (share_gauge("sla", 0.874, "SLA met (target 90%)", Tone::Warning, g)) note_click("gauge", 0, 1);
    end_panel();
}

}  // namespace

void draw_chart_gallery() {
    const GalleryData& d = data();
    const ImGuiStyle& style = ImGui::GetStyle();
    float s = g_theme.scale, gap = style.ItemSpacing.x;
    ImGui::TextDisabled("%s", g_last_click);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float w = std::max(avail.x, 960 * s);
    float row_h = std::max((avail.y - 2 * style.ItemSpacing.y) / 3, 190 * s);
    auto width = [&](float fraction) { return std::floor((w - 2 * gap) * fraction); };

    csat_panel(d, ImVec2(width(0.48f), row_h));
    ImGui::SameLine();
    kpi_panel(d, ImVec2(width(0.24f), row_h));
    ImGui::SameLine();
    donut_panel(ImVec2(w - width(0.48f) - width(0.24f) - 2 * gap, row_h));

    backlog_panel(ImVec2(width(0.33f), row_h));
    ImGui::SameLine();
    owners_panel(ImVec2(width(0.30f), row_h));
    ImGui::SameLine();
    heat_panel(d, ImVec2(w - width(0.33f) - width(0.30f) - 2 * gap, row_h));

    big_panel(d, ImVec2(width(0.36f), row_h));
    ImGui::SameLine();
    gantt_panel(d, ImVec2(width(0.44f), row_h));
    ImGui::SameLine();
    gauge_panel(ImVec2(w - width(0.36f) - width(0.44f) - 2 * gap, row_h));
}

}  // namespace cb::ui
