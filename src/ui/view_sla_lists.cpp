// view_sla_lists.cpp: the SLA view's two live lists: clocks nearing noncompliance with ticking countdowns
// and open breaches with the time since the breach. Every clock says whether it counts business or calendar
// hours. Countdowns run from f.now (the current second when live), so they tick without a recompute.
#include <string>

#include "view_overview_parts.h"
#include "view_sla_lists.h"
#include "widgets.h"

namespace cb::ui {

namespace {

// The case columns every list row shows after its clock: case, metric, severity, queue, owner, hours.
void case_columns(const Frame& f, UiState& state, uint32_t row, SlaMetric metric, const std::string& clock,
                  Tone tone) {
    const CaseTable& c = f.session->data().cases;
    const StringPool& pool = f.session->strings();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID((int)row * kSlaMetrics + (int)metric);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_color(tone));
    std::string label = std::string(tone_glyph(tone)) + " " + clock;
    bool clicked = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\nClick to open the case", std::string(pool.view(c.title[row])).c_str());
    ImGui::PopID();
    ImGui::TableNextColumn(), fitted_text(std::string(pool.view(c.id[row])).c_str());
    ImGui::TableNextColumn(), fitted_text(metric_label(metric));
    ImGui::TableNextColumn(), ImGui::TextUnformatted(to_string(c.severity[row]));
    ImGui::TableNextColumn(), fitted_text(std::string(pool.view(c.queue[row])).c_str());
    ImGui::TableNextColumn(), fitted_text(std::string(pool.view(c.owner[row])).c_str());
    ImGui::TableNextColumn();
    bool business = sla_clock(f.board->sla, metric, row).business_hours;
    ImGui::TextDisabled("%s", business ? "business" : "24x7");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The target counts %s", clock_hours_label(business));
    if (clicked) open_case(state, f, row);
}

bool begin_list(const char* id, const char* first_column, float height) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable(id, 7, flags, ImVec2(-1, height))) return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(first_column, ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("× 23 h 59 min").x);
    ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Clock", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Sev", ImGuiTableColumnFlags_WidthFixed, 30 * g_theme.scale);
    ImGui::TableSetupColumn("Queue", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("Hours", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("business").x);
    ImGui::TableHeadersRow();
    return true;
}

Time clock_now(const Frame& f) {
    return has_time(f.now) ? f.now : f.as_of;
}

}  // namespace

void draw_nearing_list(const Frame& f, UiState& state, const Headline& h, float height) {
    const std::vector<NearingClock>& nearing = f.board->metrics.sla.nearing;
    section_heading("Nearing noncompliance", "running clocks due in the next 24 h, soonest first");
    std::string four =
        format_count(h.nearing_clocks) + (h.nearing_clocks == 1 ? " clock" : " clocks") + " due within 4 h";
    state_badge(h.nearing_clocks ? Tone::Warning : Tone::Good, four.c_str());
    if (nearing.empty()) return state_badge(Tone::Good, "No cases nearing noncompliance in the next 24 h");
    if (!begin_list("nearing", "Due in", height)) return;
    const Time now = clock_now(f);
    for (const NearingClock& n : nearing) {
        int64_t left = n.deadline - now;
        Tone tone = left < 3600 ? Tone::Bad : left < 4 * 3600 ? Tone::Warning : Tone::Neutral;
        case_columns(f, state, n.row, n.metric, left <= 0 ? "due now" : format_countdown(left), tone);
    }
    ImGui::EndTable();
}

void draw_breach_list(const Frame& f, UiState& state, const Headline& h, float height) {
    section_heading("Noncompliant open cases", "clocks past target, response or resolution still due");
    std::string count = format_count(h.noncompliant_cases) +
                        (h.noncompliant_cases == 1 ? " case" : " cases") + ", " +
                        format_count(h.open_breach_clocks) + " clocks";
    state_badge(h.noncompliant_cases ? Tone::Bad : Tone::Good, count.c_str());
    const std::vector<OpenBreach>& breaches = f.board->metrics.sla.open_breaches;
    if (breaches.empty()) return state_badge(Tone::Good, "No open breaches");
    if (!begin_list("breaches", "Breached for", height)) return;
    const Time now = clock_now(f);
    for (const OpenBreach& b : breaches) {
        std::string since = has_time(b.breached_at) ? format_duration(now - b.breached_at) : "unknown";
        case_columns(f, state, b.row, b.metric, since, Tone::Bad);
    }
    ImGui::EndTable();
    if (h.open_breach_clocks > breaches.size())
        ImGui::TextDisabled("Longest %d of %s shown", (int)breaches.size(),
                            format_count(h.open_breach_clocks).c_str());
}

}  // namespace cb::ui
