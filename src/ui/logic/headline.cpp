// headline.cpp: the tile figures and sparklines, read from the board's metrics.
#include "headline.h"

#include <algorithm>

namespace cb {

namespace {

// Position of `back` periods before the last one in a series of `count` (oldest first), or -1 outside.
int from_end(int32_t back, int count) {
    return back >= 0 && back < count ? count - 1 - (int)back : -1;
}
int week_index(int32_t day, int32_t this_week_start, int count) {
    return from_end((this_week_start - iso_week_start(day)) / 7, count);
}

// CSAT and effort of the last 30 days vs the previous 30, and the weekly sparklines, from the trend series.
void add_satisfaction(const SatisfactionMetrics& sat, Time as_of, Headline* h) {
    const int32_t today = day_of(as_of);
    for (const SatTrendPoint& p : sat.daily) {
        if (p.start_day > today) continue;
        if (p.start_day > today - kHeadlineDays)
            h->sat_30d.add(p.counts);
        else if (p.start_day > today - 2 * kHeadlineDays)
            h->sat_prev_30d.add(p.counts);
    }
    h->csat_30d = h->sat_30d.csat.mean();
    h->csat_prev_30d = h->sat_prev_30d.csat.mean();
    h->csat_change = h->csat_30d - h->csat_prev_30d;
    h->effort_30d = h->sat_30d.effort.mean();
    h->low_effort_30d = h->sat_30d.low_effort_rate();
    const int32_t this_week = iso_week_start(today);
    for (const SatTrendPoint& p : sat.weekly) {
        int w = week_index(p.start_day, this_week, kHeadlineSparkWeeks);
        if (w < 0) continue;
        h->csat_weekly[w] = p.counts.csat.mean();
        h->effort_weekly[w] = p.counts.effort.mean();
    }
}

void add_plans(const PlanMetrics& pm, const Dataset& data, Time as_of, Headline* h) {
    for (int i = 0; i < kPlanHealths; ++i) h->plans += pm.by_health[i];
    h->plans_on_track = pm.by_health[(int)PlanHealth::OnTrack];
    h->plans_at_risk = pm.by_health[(int)PlanHealth::AtRisk];
    h->plans_late = pm.by_health[(int)PlanHealth::Late];
    h->plans_active = h->plans_on_track + h->plans_at_risk + h->plans_late;
    h->plans_on_track_rate = rate(h->plans_on_track, h->plans_active);
    const int32_t this_week = iso_week_start(day_of(as_of));
    std::fill(h->milestones_done_weekly.begin(), h->milestones_done_weekly.end(), 0.0);
    for (const PlanRow& row : pm.plans) {
        if (row.plan >= data.plans.size()) continue;
        for (const Objective& o : data.plans[row.plan].objectives)
            for (const Milestone& m : o.milestones) {
                if (m.status != MilestoneStatus::Done || !has_time(m.completed_at)) continue;
                int w = week_index(day_of(m.completed_at), this_week, kHeadlineSparkWeeks);
                if (w >= 0) h->milestones_done_weekly[w] += 1;
            }
    }
}

}  // namespace

Headline compute_headline(const Board& board, const Dataset& data, Time as_of) {
    Headline h;
    h.as_of = as_of;
    h.breaches_daily.assign(kHeadlineDays, 0.0);
    h.deadlines_hourly.assign(24, 0.0);
    h.csat_weekly.assign(kHeadlineSparkWeeks, kNaN);
    h.effort_weekly.assign(kHeadlineSparkWeeks, kNaN);
    h.milestones_done_weekly.assign(kHeadlineSparkWeeks, 0.0);
    if (!has_time(as_of)) return h;
    const Metrics& m = board.metrics;
    h.open_cases = m.backlog.open;
    const SlaMetrics& sla = m.sla;
    const SlaMetricSummary& fr = sla.metric[(int)SlaMetric::FirstResponse];
    const SlaMetricSummary& res = sla.metric[(int)SlaMetric::Resolution];
    h.first_response_attainment = fr.attainment;
    h.resolution_attainment = res.attainment;
    h.first_response_n = fr.by_state[(int)SlaState::Succeeded] + fr.breached_done;
    h.resolution_n = res.by_state[(int)SlaState::Succeeded] + res.breached_done;
    h.noncompliant_cases = sla.open_breach_cases;
    for (const SlaMetricSummary& s : sla.metric) h.open_breach_clocks += s.open_breaches;
    h.nearing_clocks = sla.soon, h.nearing_cases = sla.soon_cases;
    for (int i = 0; i < kHeadlineDays; ++i) h.breaches_daily[i] = sla.breaches_daily[i];
    for (int i = 0; i < 24; ++i) h.deadlines_hourly[i] = sla.due_hourly[i];
    size_t days = std::min<size_t>(kHeadlineDays, m.backlog.daily.size());
    for (size_t i = m.backlog.daily.size() - days; i < m.backlog.daily.size(); ++i)
        h.backlog_daily.push_back(m.backlog.daily[i].backlog);
    add_satisfaction(m.satisfaction, as_of, &h);
    add_plans(m.plans, data, as_of, &h);
    return h;
}

void write_headline_json(const Headline& h, JsonWriter& w) {
    w.begin_object();
    w.key("open_cases"), w.value(h.open_cases);
    w.key("noncompliant_cases"), w.value(h.noncompliant_cases);
    w.key("open_breach_clocks"), w.value(h.open_breach_clocks);
    w.key("nearing_4h_clocks"), w.value(h.nearing_clocks);
    w.key("nearing_4h_cases"), w.value(h.nearing_cases);
    w.key("first_response_attainment"), w.value(h.first_response_attainment);
    w.key("first_response_n"), w.value(h.first_response_n);
    w.key("resolution_attainment"), w.value(h.resolution_attainment);
    w.key("resolution_n"), w.value(h.resolution_n);
    w.key("csat_30d"), w.value(h.csat_30d);
    w.key("csat_30d_n"), w.value(h.sat_30d.csat.n);
    w.key("csat_prev_30d"), w.value(h.csat_prev_30d);
    w.key("csat_prev_30d_n"), w.value(h.sat_prev_30d.csat.n);
    w.key("csat_change"), w.value(h.csat_change);
    w.key("effort_30d"), w.value(h.effort_30d);
    w.key("effort_30d_n"), w.value(h.sat_30d.effort.n);
    w.key("low_effort_30d"), w.value(h.low_effort_30d);
    w.key("plans"), w.value(h.plans);
    w.key("plans_active"), w.value(h.plans_active);
    w.key("plans_on_track"), w.value(h.plans_on_track);
    w.key("plans_at_risk"), w.value(h.plans_at_risk);
    w.key("plans_late"), w.value(h.plans_late);
    w.key("plans_on_track_rate"), w.value(h.plans_on_track_rate);
    w.end_object();
}

}  // namespace cb
