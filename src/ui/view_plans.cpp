// view_plans.cpp: Customer Success Plans: the plans -> objectives -> milestones timeline with a today line,
// the overdue and next-due milestones, and roll-ups per customer (beside its open cases and CSAT) and per
// CSAM.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "case_detail.h"
#include "case_format.h"
#include "case_table.h"
#include "charts/charts.h"
#include "csv_export.h"
#include "csv_writer.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

static std::string percent(double r) {
    if (!std::isfinite(r)) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100 * r);
    return buf;
}

// The Gantt rows of the plans in the metrics, with the strings their labels point into.
struct GanttRows {
    std::vector<GanttRow> rows;
    std::vector<std::string> text;   // labels and statuses; reserved up front so pointers stay valid
    std::vector<uint32_t> customer;  // per row: the plan's customer, for the click-to-filter
    Time t0 = kNoTime, t1 = kNoTime;
};

static const char* keep(GanttRows& g, std::string s) {
    g.text.push_back(std::move(s));
    return g.text.back().c_str();
}

static void build_gantt(const Frame& f, GanttRows* g) {
    const Dataset& d = f.session->data();
    const PlanMetrics& pm = f.board->metrics.plans;
    g->rows.clear(), g->text.clear(), g->customer.clear();
    size_t count = pm.plans.size() + pm.objectives.size();
    for (const ObjectiveRow& o : pm.objectives)
        if (o.plan < d.plans.size() && o.objective < d.plans[o.plan].objectives.size())
            count += d.plans[o.plan].objectives[o.objective].milestones.size();
    g->text.reserve(2 * count);
    g->t0 = g->t1 = kNoTime;
    size_t next_objective = 0;
    for (const PlanRow& p : pm.plans) {
        if (p.plan >= d.plans.size()) continue;
        const SuccessPlan& plan = d.plans[p.plan];
        GanttRow r;
        r.label = keep(*g, std::string(d.strings->view(plan.customer)) + " · " + plan.id);
        r.start = plan.period_start, r.end = plan.period_end;
        r.progress = p.progress.progress, r.expected = p.progress.expected;
        r.health = plan_health_tone(p.progress.health);
        r.status = keep(*g, std::string(plan_health_words(p.progress.health)) + ": " +
                                percent(p.progress.progress) + " done, " + percent(p.progress.expected) +
                                " expected by today, " + std::to_string(p.progress.overdue) + " overdue");
        g->rows.push_back(r), g->customer.push_back(plan.customer);
        if (has_time(plan.period_start))
            g->t0 = has_time(g->t0) ? std::min(g->t0, plan.period_start) : plan.period_start;
        if (has_time(plan.period_end))
            g->t1 = has_time(g->t1) ? std::max(g->t1, plan.period_end) : plan.period_end;
        // Objectives of this plan follow in the metrics in plan order.
        while (next_objective < pm.objectives.size() && pm.objectives[next_objective].plan < p.plan)
            ++next_objective;
        for (; next_objective < pm.objectives.size() && pm.objectives[next_objective].plan == p.plan;
             ++next_objective) {
            const ObjectiveRow& o = pm.objectives[next_objective];
            if (o.objective >= plan.objectives.size()) continue;
            const Objective& obj = plan.objectives[o.objective];
            GanttRow orow;
            orow.label = obj.title.c_str(), orow.depth = 1;
            orow.start = plan.period_start, orow.end = plan.period_end;
            orow.progress = o.progress.progress, orow.expected = o.progress.expected;
            orow.health = plan_health_tone(o.progress.health);
            orow.status = plan_health_words(o.progress.health);
            g->rows.push_back(orow), g->customer.push_back(plan.customer);
            for (const Milestone& m : obj.milestones) {
                GanttRow mrow;
                mrow.label = m.title.c_str(), mrow.depth = 2, mrow.milestone = true, mrow.end = m.due;
                bool done = m.status == MilestoneStatus::Done;
                bool overdue = !done && has_time(m.due) && m.due < f.as_of;
                mrow.progress = done ? 1.0 : 0.0;
                mrow.health = done                                   ? Tone::Good
                              : overdue                              ? Tone::Bad
                              : m.status == MilestoneStatus::Blocked ? Tone::Warning
                                                                     : Tone::Neutral;
                mrow.status = done                                   ? "done"
                              : overdue                              ? "overdue"
                              : m.status == MilestoneStatus::Blocked ? "blocked"
                                                                     : "open";
                g->rows.push_back(mrow), g->customer.push_back(plan.customer);
            }
        }
    }
}

static void toggle_customer(UiState& state, StrId customer) {
    drill_down(state, View::Plans, [&](Filter& next) { toggle_value(next.customer, customer); });
}

static void milestone_table(const Frame& f, const char* id, const std::vector<MilestoneRef>& list,
                            bool overdue, ImVec2 size) {
    const Dataset& d = f.session->data();
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 4, flags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Milestone", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, 92 * g_theme.scale);
    ImGui::TableSetupColumn(overdue ? "Overdue by" : "Due in", ImGuiTableColumnFlags_WidthFixed,
                            92 * g_theme.scale);
    ImGui::TableHeadersRow();
    for (const MilestoneRef& m : list) {
        if (m.plan >= d.plans.size() || m.objective >= d.plans[m.plan].objectives.size() ||
            m.milestone >= d.plans[m.plan].objectives[m.objective].milestones.size())
            continue;
        const SuccessPlan& plan = d.plans[m.plan];
        const Milestone& ms = plan.objectives[m.objective].milestones[m.milestone];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ms.title.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\nObjective: %s\nPlan %s", ms.title.c_str(),
                              plan.objectives[m.objective].title.c_str(), plan.id.c_str());
        ImGui::TableNextColumn();
        std::string_view customer = d.strings->view(plan.customer);
        ImGui::TextUnformatted(customer.data(), customer.data() + customer.size());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_utc_minute(m.due).substr(0, 10).c_str());
        ImGui::TableNextColumn();
        if (overdue)
            state_badge(Tone::Bad, format_duration(f.as_of - m.due).c_str());
        else
            ImGui::TextUnformatted(format_duration(m.due - f.as_of).c_str());
    }
    ImGui::EndTable();
}

static void export_milestones(const Frame& f, const char* what, const std::vector<MilestoneRef>& list) {
    const Dataset& d = f.session->data();
    std::string text;
    CsvWriter w(&text);
    for (const char* h : {"plan_id", "customer", "csam", "objective", "milestone", "due", "status"})
        w.text(h);
    w.end_row();
    static const char* const kStatus[] = {"not_started", "in_progress", "done", "blocked"};
    for (const MilestoneRef& m : list) {
        if (m.plan >= d.plans.size() || m.objective >= d.plans[m.plan].objectives.size() ||
            m.milestone >= d.plans[m.plan].objectives[m.objective].milestones.size())
            continue;
        const SuccessPlan& p = d.plans[m.plan];
        const Milestone& ms = p.objectives[m.objective].milestones[m.milestone];
        w.text(p.id), w.text(d.strings->view(p.customer)), w.text(d.strings->view(p.owner));
        w.text(p.objectives[m.objective].title), w.text(ms.title), w.time(ms.due);
        w.text(kStatus[(int)ms.status % 4]);
        w.end_row();
    }
    download_csv(what, f.as_of, text);
}

static void rollup_cells(const PlanRollup& r) {
    ImGui::TableNextColumn();
    ImGui::Text("%u", r.plans);
    ImGui::TableNextColumn();
    state_badge(plan_health_tone(r.worst), plan_health_words(r.worst));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Worst plan health. On track %u · at risk %u · late %u · done %u", r.by_health[0],
                          r.by_health[1], r.by_health[2], r.by_health[3]);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent(r.progress_mean).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%u of %u", r.done, r.milestones);
    ImGui::TableNextColumn();
    r.overdue ? state_badge(Tone::Bad, std::to_string(r.overdue).c_str()) : ImGui::TextDisabled("0");
}

static void setup_rollup_columns(const char* key) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(key, ImGuiTableColumnFlags_WidthStretch, 2.0f);
    for (const char* c : {"Plans", "Health", "Progress", "Milestones done", "Overdue"})
        ImGui::TableSetupColumn(c);
}

static void export_rollups(const Frame& f, bool customers) {
    const PlanMetrics& pm = f.board->metrics.plans;
    std::string text;
    CsvWriter w(&text);
    for (const char* h :
         {customers ? "customer" : "csam", "plans", "on_track", "at_risk", "late", "done", "worst_health",
          "progress_mean", "milestones", "milestones_done", "milestones_overdue"})
        w.text(h);
    if (customers) w.text("open_cases"), w.text("csat_mean"), w.text("csat_n");
    w.end_row();
    auto row = [&](const PlanRollup& r) {
        w.text(f.session->strings().view(r.key)), w.integer(r.plans);
        for (uint32_t n : r.by_health) w.integer(n);
        w.text(to_string(r.worst)), w.number(r.progress_mean);
        w.integer(r.milestones), w.integer(r.done), w.integer(r.overdue);
    };
    if (customers) {
        for (const CustomerPlanRow& c : pm.by_customer) {
            row(c.plans);
            w.integer(c.open_cases), w.number(c.csat.mean()), w.integer(c.csat.n);
            w.end_row();
        }
    } else {
        for (const PlanRollup& r : pm.by_csam) row(r), w.end_row();
    }
    download_csv(customers ? "plans-by-customer" : "plans-by-csam", f.as_of, text);
}

static void draw_rollups(const Frame& f, UiState& state, float height) {
    const PlanMetrics& pm = f.board->metrics.plans;
    const StringPool& pool = f.session->strings();
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float w = (ImGui::GetContentRegionAvail().x - gap) * 0.6f;
    ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    ImGui::BeginGroup();
    section_heading("By customer", "with the customer's open cases and CSAT in the filter · click to filter");
    ImGui::SameLine();
    if (export_csv_button("by-customer")) export_rollups(f, true);
    if (ImGui::BeginTable("by-customer", 8, flags, ImVec2(w, height))) {
        setup_rollup_columns("Customer");
        ImGui::TableSetupColumn("Open cases");
        ImGui::TableSetupColumn("CSAT (n)");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)pm.by_customer.size());
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const CustomerPlanRow& c = pm.by_customer[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID((int)i);
                std::string name(pool.view(c.plans.key));
                if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                    toggle_customer(state, c.plans.key);
                ImGui::PopID();
                rollup_cells(c.plans);
                ImGui::TableNextColumn();
                ImGui::Text("%u", c.open_cases);
                ImGui::TableNextColumn();
                c.csat.n ? ImGui::Text("%.2f (%u)", c.csat.mean(), c.csat.n) : ImGui::TextDisabled("–");
            }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    section_heading("By CSAM", "customer success account manager");
    ImGui::SameLine();
    if (export_csv_button("by-csam")) export_rollups(f, false);
    if (ImGui::BeginTable("by-csam", 6, flags, ImVec2(0, height))) {
        setup_rollup_columns("CSAM");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin((int)pm.by_csam.size());
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const PlanRollup& r = pm.by_csam[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                std::string_view name = pool.view(r.key);
                ImGui::TextUnformatted(name.data(), name.data() + name.size());
                rollup_cells(r);
            }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
}

void draw_plans_view(const Frame& f, UiState& state) {
    const PlanMetrics& pm = f.board->metrics.plans;
    ImGui::PushFont(g_font_bold);
    ImGui::Text("%s success plans in the filter", format_count(pm.plans.size()).c_str());
    ImGui::PopFont();
    for (int h = 0; h < kPlanHealths; ++h) {
        ImGui::SameLine(0, 14 * g_theme.scale);
        state_badge(
            plan_health_tone((PlanHealth)h),
            (std::string(plan_health_words((PlanHealth)h)) + " " + std::to_string(pm.by_health[h])).c_str());
    }
    ImGui::SameLine(0, 14 * g_theme.scale);
    png_button("plans", f.as_of);
    if (pm.plans.empty()) {
        ImGui::Spacing();
        state_badge(Tone::Info, "No success plans for the customers in the filter.");
        return;
    }
    // Rebuilt only when the plans shown change (data, filter or as of): thousands of rows at scale.
    static GanttRows gantt;
    static uint64_t gantt_board = ~uint64_t(0);
    if (gantt_board != f.board->version) build_gantt(f, &gantt), gantt_board = f.board->version;
    section_heading(
        "Timeline",
        "plans, objectives and milestones · bar fill: done · tick: expected by today · dashed line: as of");
    float h = std::max(260.0f * g_theme.scale, ImGui::GetContentRegionAvail().y * 0.45f);
    Time t0 = has_time(gantt.t0) ? std::min(gantt.t0, f.as_of) : f.as_of - 180 * kSecondsPerDay;
    Time t1 = has_time(gantt.t1) ? std::max(gantt.t1, f.as_of) : f.as_of + 180 * kSecondsPerDay;
    int clicked =
        gantt_chart("plans-gantt", gantt.rows.data(), (int)gantt.rows.size(), t0, t1, f.as_of, ImVec2(0, h));
    if (clicked >= 0 && clicked < (int)gantt.customer.size()) toggle_customer(state, gantt.customer[clicked]);
    ImGui::Spacing();
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float w = (ImGui::GetContentRegionAvail().x - gap) / 2, list_h = 220 * g_theme.scale;
    ImGui::BeginGroup();
    section_heading("Overdue milestones", (format_count(pm.overdue.size()) + ", most overdue first").c_str());
    ImGui::SameLine();
    if (export_csv_button("overdue")) export_milestones(f, "overdue-milestones", pm.overdue);
    if (pm.overdue.empty())
        state_badge(Tone::Good, "No overdue milestones");
    else
        milestone_table(f, "overdue", pm.overdue, true, ImVec2(w, list_h));
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    section_heading("Due in the next 30 days",
                    (format_count(pm.due_soon.size()) + ", soonest first").c_str());
    ImGui::SameLine();
    if (export_csv_button("due-soon")) export_milestones(f, "milestones-due", pm.due_soon);
    if (pm.due_soon.empty())
        ImGui::TextDisabled("Nothing due in the next 30 days.");
    else
        milestone_table(f, "due-soon", pm.due_soon, false, ImVec2(w, list_h));
    ImGui::EndGroup();
    ImGui::Spacing();
    draw_rollups(f, state, 260 * g_theme.scale);
}

}  // namespace cb::ui
