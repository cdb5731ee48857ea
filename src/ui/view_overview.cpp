// view_overview.cpp: the Overview: eight KPI tiles with sparklines (each opens the view behind it) and the
// top three priorities from the drivers of dissatisfaction. Big numbers for the wall, detail for the desk.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "charts/charts.h"
#include "view_overview_parts.h"
#include "widgets.h"

namespace cb::ui {

namespace {

struct Tile {
    const char* id;
    const char* label;
    std::string value, detail;
    Tone tone;
    const double* spark;  // may be null
    int spark_count;
    ValueFormat spark_format;
    const char* help;  // definition, sparkline and where the click goes
};

// A kpi_tile with a sparkline in the right half of its value row. The tile lets the sparkline overlap it,
// so hovering the line shows its values; a click on either opens the drill-down.
bool draw_tile(const Tile& t, ImVec2 size) {
    ImGui::BeginGroup();  // one item for SameLine, whatever the sparkline adds
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::SetNextItemAllowOverlap();
    bool clicked = kpi_tile(t.id, t.label, t.value, t.detail, t.tone, size);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.help);
    if (t.spark && t.spark_count > 1) {
        float s = g_theme.scale, pad = 14 * s;
        float top = p.y + pad * 0.8f + ImGui::GetFontSize() + 4 * s;
        float big = g_font_big->FontSize * ImGui::GetIO().FontGlobalScale;
        float x = p.x + std::max(size.x * 0.5f, pad + ImGui::CalcTextSize(t.value.c_str()).x * 2.0f);
        float w = p.x + size.x - pad - x;
        if (w > 40 * s) {
            ImGui::SetCursorScreenPos(ImVec2(x, top));
            ImGui::PushID(t.id);
            clicked |= sparkline("spark", t.spark, t.spark_count, ImVec2(w, big), tone_color(Tone::Info),
                                 t.spark_format);
            ImGui::PopID();
        }
    }
    ImGui::EndGroup();
    return clicked;
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

void draw_tiles(const Frame& f, UiState& state, const Headline& h) {
    const Metrics& m = f.board->metrics;
    std::string n_fr = "goal 90% · n = " + format_count(h.first_response_n) + " responses";
    std::string n_res = "goal 90% · n = " + format_count(h.resolution_n) + " resolutions";
    double fr_weekly[kHeadlineSparkWeeks], res_weekly[kHeadlineSparkWeeks];
    for (int i = 0; i < kHeadlineSparkWeeks; ++i) {
        int w = kSlaTrendWeeks - kHeadlineSparkWeeks + i;
        fr_weekly[i] = week_attainment(m.sla, SlaMetric::FirstResponse, w);
        res_weekly[i] = week_attainment(m.sla, SlaMetric::Resolution, w);
    }
    std::string csat_detail =
        !std::isfinite(h.csat_change)
            ? "n = " + format_count(h.sat_30d.csat.n) + ", no previous 30 days to compare"
            : fmt("%+.2f", h.csat_change) + " vs previous 30 days (n = " + format_count(h.sat_30d.csat.n) +
                  ")";
    Tone csat_tone = !std::isfinite(h.csat_change) ? Tone::Neutral
                     : h.csat_change >= 0          ? Tone::Good
                     : h.csat_change > -0.1        ? Tone::Warning
                                                   : Tone::Bad;
    Tile tiles[] = {
        {"open", "Open cases", format_count(h.open_cases),
         format_count(m.backlog.system_down_open) + " system down", Tone::Info, h.backlog_daily.data(),
         (int)h.backlog_daily.size(), ValueFormat::Number,
         "Open cases now (new, in progress, waiting, on hold).\nSparkline: open at the end of each day, "
         "last 30 days.\nClick: Queues, open statuses only."},
        {"breached", "Noncompliant now", format_count(h.noncompliant_cases),
         format_count(h.open_breach_clocks) + " SLA clocks past target, open",
         h.noncompliant_cases ? Tone::Bad : Tone::Good, h.breaches_daily.data(), (int)h.breaches_daily.size(),
         ValueFormat::Number,
         "Open cases with an SLA clock past its target whose response or resolution is still due.\n"
         "Sparkline: new breaches per day, last 30 days.\nClick: SLA view."},
        {"nearing", "Nearing noncompliance, next 4 h", format_count(h.nearing_cases),
         format_count(h.nearing_clocks) + " clocks due within 4 h",
         h.nearing_cases ? Tone::Warning : Tone::Good, h.deadlines_hourly.data(),
         (int)h.deadlines_hourly.size(), ValueFormat::Number,
         "Cases with a running SLA clock whose deadline falls in the next 4 hours.\nSparkline: deadlines "
         "per hour over the next 24 h.\nClick: SLA view."},
        {"first_response", "First-response attainment", format_percent(h.first_response_attainment), n_fr,
         attainment_tone(h.first_response_attainment), fr_weekly, kHeadlineSparkWeeks, ValueFormat::Percent,
         "Met / (met + breached) over first responses given.\nSparkline: attainment per week, last 12 "
         "weeks.\nClick: SLA view."},
        {"resolution", "Resolution attainment", format_percent(h.resolution_attainment), n_res,
         attainment_tone(h.resolution_attainment), res_weekly, kHeadlineSparkWeeks, ValueFormat::Percent,
         "Met / (met + breached) over cases resolved or closed.\nSparkline: attainment per week, last 12 "
         "weeks.\nClick: SLA view."},
        {"csat", "CSAT, last 30 days",
         std::isfinite(h.csat_30d) ? fmt("%.2f", h.csat_30d) + " / 5" : "no surveys", csat_detail, csat_tone,
         h.csat_weekly.data(), (int)h.csat_weekly.size(), ValueFormat::Number,
         "Mean CSAT (1-5) of surveys submitted in the last 30 days, and the change vs the 30 days "
         "before.\nSparkline: mean per week, last 12 weeks.\nClick: Satisfaction view."},
        {"effort", "Customer effort, last 30 days",
         std::isfinite(h.effort_30d) ? fmt("%.1f", h.effort_30d) + " / 7" : "no answers",
         format_percent(h.low_effort_30d) + " low effort (1-3); lower is better", Tone::Neutral,
         h.effort_weekly.data(), (int)h.effort_weekly.size(), ValueFormat::Number,
         "Mean customer effort (1 = very low, 7 = very high) in the last 30 days.\nSparkline: mean per "
         "week, last 12 weeks.\nClick: Satisfaction view."},
        {"plans", "Plans on track", format_percent(h.plans_on_track_rate),
         format_count(h.plans_on_track) + " of " + format_count(h.plans_active) + " active · " +
             format_count(h.plans_at_risk) + " at risk · " + format_count(h.plans_late) + " late",
         !h.plans_active   ? Tone::Neutral
         : h.plans_late    ? Tone::Bad
         : h.plans_at_risk ? Tone::Warning
                           : Tone::Good,
         h.milestones_done_weekly.data(), (int)h.milestones_done_weekly.size(), ValueFormat::Number,
         "Customer Success Plans on track among those not yet done.\nSparkline: milestones completed per "
         "week, last 12 weeks.\nClick: Plans view."},
    };
    const int n = (int)(sizeof tiles / sizeof tiles[0]);
    float gap = ImGui::GetStyle().ItemSpacing.x, avail = ImGui::GetContentRegionAvail().x;
    int per_row = avail >= 1000 * g_theme.scale ? 4 : 2;
    float w = std::floor((avail - (per_row - 1) * gap) / per_row);
    ImVec2 size(w, 118 * g_theme.scale);
    for (int i = 0; i < n; ++i) {
        if (i % per_row) ImGui::SameLine();
        if (!draw_tile(tiles[i], size)) continue;
        std::string id = tiles[i].id;
        if (id == "open")
            drill_down(state, View::Queues, [](Filter& next) {
                next.status = {CaseStatus::New, CaseStatus::InProgress, CaseStatus::WaitingCustomer,
                               CaseStatus::OnHold};
            });
        else if (id == "csat" || id == "effort")
            state.view.view = View::Satisfaction;
        else if (id == "plans")
            state.view.view = View::Plans;
        else
            state.view.view = View::Sla;
    }
}

// One priority: rank, the sentence in words, its evidence, and a filter button for queue/product drivers.
void draw_priority(const Frame& f, UiState& state, int rank, const Priority& p) {
    const DriverRow& r = p.row;
    ImGui::PushID(rank);
    ImGui::BeginGroup();
    ImGui::PushFont(g_font_big);
    ImGui::Text("%d", rank);
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SameLine(0, 16 * g_theme.scale);
    ImGui::BeginGroup();
    ImGui::PushFont(g_font_bold);
    ImGui::PushTextWrapPos(0);
    // The sentence ends with its figures in brackets; they are spelled out on the evidence line below.
    size_t figures = p.sentence.rfind(" (");
    bool bracketed = figures != std::string::npos && !p.sentence.empty() && p.sentence.back() == ')';
    std::string words = bracketed ? p.sentence.substr(0, figures) : p.sentence;
    ImGui::TextUnformatted(words.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    char p_text[32];
    if (r.p_value < 0.001)
        std::snprintf(p_text, sizeof p_text, "p < 0.001");
    else
        std::snprintf(p_text, sizeof p_text, "p = %.3f", r.p_value);
    ImGui::TextDisabled("Dissatisfied: %s with vs %s without · lift %.1fx · n = %s with, %s without · %s",
                        format_percent(r.rate_with).c_str(), format_percent(r.rate_without).c_str(), r.lift,
                        format_count(r.n_with).c_str(), format_count(r.n_without).c_str(), p_text);
    if (r.driver == Driver::Queue || r.driver == Driver::Product) {
        bool queue = r.driver == Driver::Queue;
        std::string label = std::string(queue ? "Filter to queue " : "Filter to product ") +
                            std::string(f.session->strings().view(r.value));
        if (ImGui::SmallButton(label.c_str()))
            drill_down(state, View::Satisfaction,
                       [&](Filter& next) { toggle_value(queue ? next.queue : next.product, r.value); });
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Toggles this value in the filter and opens Satisfaction");
    }
    ImGui::EndGroup();
    ImGui::PopID();
}

void draw_priorities(const Frame& f, UiState& state) {
    const DriverMetrics& d = f.board->metrics.drivers;
    ImGui::Spacing();
    section_heading("Top priorities", "what goes with dissatisfied customers (CSAT 1-2), selected surveys");
    ImGui::Separator();
    if (rollups_only(f)) return;
    if (d.top.empty()) {
        state_badge(Tone::Good, d.responses ? "No driver stands out: none has n ≥ 20, p < 0.05 and a higher "
                                              "dissatisfied rate than without it."
                                            : "No survey responses with a CSAT score under this filter.");
        return;
    }
    for (size_t i = 0; i < d.top.size() && i < 3; ++i) {
        draw_priority(f, state, (int)i + 1, d.top[i]);
        ImGui::Spacing();
    }
    ImGui::TextDisabled("Association, not proof of cause: %s of %s responses dissatisfied overall.",
                        format_count(d.dissatisfied).c_str(), format_count(d.responses).c_str());
}

}  // namespace

void draw_overview_view(const Frame& f, UiState& state) {
    const Headline& h = frame_headline(f);
    draw_tiles(f, state, h);
    draw_priorities(f, state);
}

}  // namespace cb::ui
