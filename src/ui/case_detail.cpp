// case_detail.cpp: one case in full: what it is, its timeline with paused spans, its SLA clocks, its
// survey and its customer's success plan health.
#include "case_detail.h"

#include <algorithm>
#include <string>

#include "case_format.h"
#include "case_table.h"
#include "case_timeline.h"
#include "widgets.h"

namespace cb::ui {

const std::vector<uint32_t>& latest_surveys(const DataSession& session) {
    static uint64_t generation = ~uint64_t(0);
    static std::vector<uint32_t> latest;
    if (generation != session.generation()) {
        latest_survey_per_case(session.data().surveys, session.data().cases.count, &latest);
        generation = session.generation();
    }
    return latest;
}

Tone sla_state_tone(SlaState s) {
    switch (s) {
        case SlaState::Noncompliant:
            return Tone::Bad;
        case SlaState::NearingNoncompliance:
            return Tone::Warning;
        case SlaState::Succeeded:
            return Tone::Good;
        case SlaState::InProgress:
            return Tone::Info;
        default:
            return Tone::Neutral;
    }
}

void sla_badge(SlaState s) {
    state_badge(sla_state_tone(s), sla_state_words(s));
}

Tone plan_health_tone(PlanHealth h) {
    switch (h) {
        case PlanHealth::OnTrack:
            return Tone::Good;
        case PlanHealth::AtRisk:
            return Tone::Warning;
        case PlanHealth::Late:
            return Tone::Bad;
        default:
            return Tone::Info;
    }
}

const char* plan_health_words(PlanHealth h) {
    switch (h) {
        case PlanHealth::OnTrack:
            return "On track";
        case PlanHealth::AtRisk:
            return "At risk";
        case PlanHealth::Late:
            return "Late";
        default:
            return "Done";
    }
}

// The timeline of the case shown, rebuilt when the case, the data or the time changes.
struct TimelineCache {
    uint64_t generation = ~uint64_t(0);
    uint32_t row = kNoRow;
    Time as_of = kNoTime;
    std::vector<CaseEvent> events;
    std::vector<TimeSpan> pauses;
};

static const TimelineCache& timeline_for(const Frame& f, uint32_t row) {
    static TimelineCache c;
    if (c.generation != f.session->generation() || c.row != row || c.as_of != f.as_of) {
        case_timeline(f.session->data(), row, f.as_of, &c.events, &c.pauses);
        c.generation = f.session->generation(), c.row = row, c.as_of = f.as_of;
    }
    return c;
}

static void section(const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::Separator();
}

static void fact(const char* label, std::string_view value) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%.*s", (int)value.size(), value.data());
}

static std::string event_words(const Dataset& d, const CaseEvent& e) {
    if (e.kind == CaseEventKind::Status) return std::string("Status: ") + case_status_words(e.status);
    if (e.kind == CaseEventKind::Survey && e.survey < d.surveys.count && d.surveys.csat[e.survey])
        return "Survey answered: CSAT " + std::to_string(d.surveys.csat[e.survey]) + "/5";
    return case_event_label(e.kind);
}

// A strip from creation to the last event (or as of, while open): paused spans shaded, events as ticks.
static void draw_timeline_strip(const Frame& f, const TimelineCache& t, uint32_t row) {
    const CaseTable& c = f.session->data().cases;
    if (t.events.empty()) return;
    Time t0 = t.events.front().at;
    Time t1 = is_open(c.status[row]) ? f.as_of : t.events.back().at;
    t1 = std::max(t1, t.events.back().at);
    if (t1 <= t0) t1 = t0 + 3600;
    float s = g_theme.scale;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x, h = 34 * s;
    ImGui::InvisibleButton("strip", ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto x_of = [&](Time at) {
        return p.x + (float)((double)(at - t0) / (double)(t1 - t0)) * (w - 2 * s) + s;
    };
    float mid = p.y + h * 0.5f;
    dl->AddLine(ImVec2(p.x, mid), ImVec2(p.x + w, mid), g_theme.grid, 2 * s);
    ImU32 pause_fill = (tone_color(Tone::Warning) & 0x00FFFFFF) | 0x50000000;
    for (const TimeSpan& span : t.pauses)
        dl->AddRectFilled(ImVec2(x_of(span.from), p.y + 4 * s),
                          ImVec2(std::max(x_of(span.to), x_of(span.from) + 2 * s), p.y + h - 4 * s),
                          pause_fill);
    const CaseEvent* hovered = nullptr;
    float mouse_x = ImGui::GetIO().MousePos.x, best = 6 * s;
    for (const CaseEvent& e : t.events) {
        float x = x_of(e.at);
        bool major = e.kind != CaseEventKind::Status;
        dl->AddLine(ImVec2(x, mid - (major ? 10 : 6) * s), ImVec2(x, mid + (major ? 10 : 6) * s),
                    major ? g_theme.accent : g_theme.text_dim, major ? 2 * s : 1 * s);
        if (ImGui::IsItemHovered() && std::abs(mouse_x - x) < best)
            best = std::abs(mouse_x - x), hovered = &e;
    }
    if (hovered)
        ImGui::SetTooltip("%s\n%s", event_words(f.session->data(), *hovered).c_str(),
                          format_utc_minute(hovered->at).c_str());
    else if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Shaded: paused (waiting on customer or on hold); SLA clocks do not count");
    ImGui::TextDisabled("%s", format_utc_minute(t0).c_str());
    std::string end = format_utc_minute(t1);
    ImGui::SameLine(std::max(0.0f, ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() -
                                       ImGui::CalcTextSize(end.c_str()).x));
    ImGui::TextDisabled("%s", end.c_str());
}

static void draw_timeline(const Frame& f, uint32_t row) {
    const TimelineCache& t = timeline_for(f, row);
    const CaseTable& c = f.session->data().cases;
    section("Timeline");
    draw_timeline_strip(f, t, row);
    int64_t paused = 0;
    for (const TimeSpan& span : t.pauses) paused += span.to - span.from;
    ImGui::TextDisabled("%u transfers · %u collaborators · %u reopened · paused %s in total",
                        (unsigned)c.transfers[row], (unsigned)c.collaborators[row], (unsigned)c.reopened[row],
                        format_duration(paused).c_str());
    if (!ImGui::BeginTable("events", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
    for (const CaseEvent& e : t.events) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", format_utc_minute(e.at).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(event_words(f.session->data(), e).c_str());
    }
    ImGui::EndTable();
}

static void draw_sla_clocks(const Frame& f, uint32_t row) {
    section("SLA clocks (at as of)");
    ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
    if (!ImGui::BeginTable("clocks", 4, flags)) return;
    ImGui::TableSetupColumn("Clock");
    ImGui::TableSetupColumn("State");
    ImGui::TableSetupColumn("Used / target (hours)");
    ImGui::TableSetupColumn("Remaining or breach", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    static const char* const kNames[] = {"First response", "Next update", "Resolution"};
    for (int m = 0; m < kSlaMetrics; ++m) {
        if (row >= f.board->sla.clocks[m].state.size()) continue;
        SlaClock k = sla_clock(f.board->sla, (SlaMetric)m, row);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kNames[m]);
        ImGui::TableNextColumn();
        sla_badge(k.state);
        ImGui::TableNextColumn();
        if (k.state == SlaState::NotApplicable) {
            ImGui::TextDisabled("no target");
            ImGui::TableNextColumn();
            continue;
        }
        ImGui::Text("%s / %s", format_duration(k.elapsed_s).c_str(), format_duration(k.target_s).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "%s", k.business_hours ? "Business hours of the policy's calendar" : "Calendar hours (24x7)");
        ImGui::TextDisabled("%s", k.business_hours ? "business hours" : "calendar hours (24x7)");
        ImGui::TableNextColumn();
        if (k.state == SlaState::Noncompliant)
            ImGui::TextWrapped("over by %s, since %s", format_duration(-k.remaining_s).c_str(),
                               format_utc_minute(k.deadline).c_str());
        else if (k.state == SlaState::Succeeded || k.state == SlaState::Cancelled)
            ImGui::TextDisabled("stopped");
        else
            ImGui::TextWrapped("%s left, due %s", format_duration(k.remaining_s).c_str(),
                               format_utc_minute(k.deadline).c_str());
    }
    ImGui::EndTable();
}

static void draw_survey(const Frame& f, uint32_t row) {
    const SurveyTable& s = f.session->data().surveys;
    const std::vector<uint32_t>& latest = latest_surveys(*f.session);
    uint32_t sv = row < latest.size() ? latest[row] : kNoRow;
    section("Survey");
    if (sv >= s.count) return ImGui::TextDisabled("No survey answered for this case."), void();
    if (s.csat[sv])
        state_badge(s.csat[sv] >= 4   ? Tone::Good
                    : s.csat[sv] <= 2 ? Tone::Bad
                                      : Tone::Neutral,
                    ("CSAT " + std::to_string(s.csat[sv]) + "/5").c_str());
    else
        ImGui::TextDisabled("No CSAT score");
    ImGui::SameLine(0, 16 * g_theme.scale);
    if (s.effort[sv])
        ImGui::Text("Effort %u/7", (unsigned)s.effort[sv]), ImGui::SameLine(0, 16 * g_theme.scale);
    if (s.nps[sv] >= 0) ImGui::Text("NPS %d/10", (int)s.nps[sv]), ImGui::SameLine(0, 16 * g_theme.scale);
    ImGui::TextDisabled("Resolved: %s", s.resolved[sv] == Tristate::Yes  ? "yes"
                                        : s.resolved[sv] == Tristate::No ? "no"
                                                                         : "not said");
    ImGui::TextDisabled("Answered %s", format_utc_minute(s.submitted_at[sv]).c_str());
    if (!s.verbatim[sv].empty()) ImGui::TextWrapped("“%s”", s.verbatim[sv].c_str());
}

static void draw_plan_health(const Frame& f, uint32_t row) {
    const Dataset& d = f.session->data();
    StrId customer = d.cases.customer[row];
    section("Customer's success plans");
    int shown = 0;
    for (const PlanRow& p : f.board->metrics.plans.plans) {
        if (p.plan >= d.plans.size() || d.plans[p.plan].customer != customer) continue;
        const SuccessPlan& plan = d.plans[p.plan];
        ImGui::PushID(shown++);
        state_badge(plan_health_tone(p.progress.health), plan_health_words(p.progress.health));
        ImGui::SameLine();
        ImGui::Text("%s · %.0f%% done (%.0f%% expected) · %u overdue milestones", plan.id.c_str(),
                    100 * p.progress.progress, 100 * p.progress.expected, p.progress.overdue);
        ImGui::PopID();
    }
    if (!shown) ImGui::TextDisabled("This customer has no success plan in the filter.");
}

void draw_case_detail(const Frame& f, UiState& state, uint32_t row) {
    const Dataset& d = f.session->data();
    const CaseTable& c = d.cases;
    const StringPool& pool = f.session->strings();
    if (row >= c.count) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput)
        return state.view.selected_case.clear(), void();
    ImGui::PushFont(g_font_bold);
    ImGui::TextUnformatted(pool.view(c.id[row]).data(),
                           pool.view(c.id[row]).data() + pool.view(c.id[row]).size());
    ImGui::PopFont();
    ImGui::SameLine();
    if (c.system_down[row]) state_badge(Tone::Bad, "System Down"), ImGui::SameLine();
    float close_w = ImGui::CalcTextSize("✕ Close (Esc)").x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - close_w));
    if (ImGui::SmallButton("✕ Close (Esc)")) state.view.selected_case.clear();
    std::string_view title = pool.view(c.title[row]);
    ImGui::TextWrapped("%.*s", (int)title.size(), title.data());
    if (ImGui::BeginTable("facts", 4, ImGuiTableFlags_SizingStretchProp)) {
        for (int i = 0; i < 4; ++i)
            ImGui::TableSetupColumn(i % 2 ? "value" : "label", i % 2 ? ImGuiTableColumnFlags_WidthStretch
                                                                     : ImGuiTableColumnFlags_WidthFixed);
        fact("Customer", pool.view(c.customer[row]));
        fact("Severity",
             std::string(to_string(c.severity[row])) + (c.system_down[row] ? " (System Down)" : ""));
        fact("Queue", pool.view(c.queue[row]));
        fact("Status", case_status_words(c.status[row]));
        fact("Owner", pool.view(c.owner[row]));
        fact("Offering", pool.view(c.offering[row]));
        fact("Product", pool.view(c.product[row]));
        fact("Type", to_string(c.type[row]));
        ImGui::EndTable();
    }
    draw_sla_clocks(f, row);
    draw_survey(f, row);
    draw_plan_health(f, row);
    draw_timeline(f, row);
}

}  // namespace cb::ui
