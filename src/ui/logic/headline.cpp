// headline.cpp: the tile figures and the view series derived from the board, in one pass per source.
#include "headline.h"

#include <algorithm>
#include <cstring>

namespace cb {

namespace {

constexpr Time kHour = 3600;

bool event_happened(const CaseTable& c, SlaMetric m, uint32_t r) {
    return m == SlaMetric::FirstResponse ? has_time(c.first_response_at[r]) : !is_open(c.status[r]);
}

bool clocks_usable(const SlaResults& sla, size_t rows) {
    for (const SlaClockColumns& k : sla.clocks)
        if (k.state.size() != rows || k.deadline.size() != rows) return false;
    return true;
}

// Position of `back` periods before the last one in a series of `count` (oldest first), or -1 outside.
int from_end(int32_t back, int count) {
    return back >= 0 && back < count ? count - 1 - (int)back : -1;
}
int day_index(int32_t day, int32_t today, int count) {
    return from_end(today - day, count);
}
int week_index(int32_t day, int32_t this_week_start, int count) {
    return from_end((this_week_start - iso_week_start(day)) / 7, count);
}

int age_bucket(Time age) {
    const Time bounds[kAgeBuckets - 1] = {1 * kSecondsPerDay, 3 * kSecondsPerDay, 7 * kSecondsPerDay,
                                          30 * kSecondsPerDay};
    int b = 0;
    while (b < kAgeBuckets - 1 && age >= bounds[b]) ++b;
    return b;
}

// Clock figures: open breaches, nearing in 4 h, breaches per day, deadlines per hour, weekly attainment.
void add_sla(const Board& board, const Dataset& data, Time as_of, Headline* h) {
    const CaseTable& c = data.cases;
    const std::vector<uint32_t>& rows = board.metrics.rows;
    if (!clocks_usable(board.sla, c.count) || !has_time(as_of)) return;
    const int32_t today = day_of(as_of), this_week = iso_week_start(today);
    for (int w = 0; w < kHeadlineWeeks; ++w) h->week_start[w] = this_week - 7 * (kHeadlineWeeks - 1 - w);
    const Time horizon = as_of + kHeadlineNearingHours * kHour, day_horizon = as_of + 24 * kHour;
    for (uint32_t r : rows) {
        if (r >= c.count) continue;
        bool open_breach = false, nearing = false;
        for (int m = 0; m < kSlaMetrics; ++m) {
            const SlaClockColumns& k = board.sla.clocks[m];
            const SlaState st = k.state[r];
            const Time deadline = k.deadline[r];
            const SlaMetric metric = static_cast<SlaMetric>(m);
            if (st == SlaState::Noncompliant) {
                if (has_time(deadline)) {
                    int i = day_index(day_of(deadline), today, kHeadlineDays);
                    if (i >= 0) h->breaches_daily[i] += 1;
                }
                if (!event_happened(c, metric, r)) {
                    open_breach = true;
                    h->open_breach_clocks++;
                    h->open_breaches.push_back({r, metric, deadline});
                }
            } else if ((st == SlaState::InProgress || st == SlaState::NearingNoncompliance) &&
                       has_time(deadline) && deadline >= as_of) {
                if (deadline < horizon) h->nearing_clocks++, nearing = true;
                if (deadline < day_horizon) h->deadlines_hourly[(deadline - as_of) / kHour] += 1;
            }
            // Weekly attainment: the week the outcome became final.
            if (metric == SlaMetric::NextUpdate || !event_happened(c, metric, r)) continue;
            if (st != SlaState::Succeeded && st != SlaState::Noncompliant) continue;
            Time event = metric == SlaMetric::FirstResponse ? c.first_response_at[r] : case_end_time(c, r);
            if (!has_time(event)) continue;
            int w = week_index(day_of(event), this_week, kHeadlineWeeks);
            if (w < 0) continue;
            (st == SlaState::Succeeded ? h->week_met : h->week_missed)[m][w]++;
        }
        h->noncompliant_cases += open_breach && is_open(c.status[r]);
        h->nearing_cases += nearing;
    }
    // Longest breached first (earliest deadline); unknown deadlines last.
    auto earlier = [&](const OpenBreach& a, const OpenBreach& b) {
        Time ta = has_time(a.breached_at) ? a.breached_at : INT64_MAX;
        Time tb = has_time(b.breached_at) ? b.breached_at : INT64_MAX;
        if (ta != tb) return ta < tb;
        if (a.row != b.row) return data.strings->view(c.id[a.row]) < data.strings->view(c.id[b.row]);
        return a.metric < b.metric;
    };
    size_t keep = std::min<size_t>(kHeadlineBreachList, h->open_breaches.size());
    std::partial_sort(h->open_breaches.begin(), h->open_breaches.begin() + (long)keep, h->open_breaches.end(),
                      earlier);
    h->open_breaches.resize(keep);
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

// Open selected cases per queue and age bucket; queues as in open_by_queue (looked up by binary search
// over the few queues, so nothing is sized to the string pool).
void add_queue_age(const Metrics& m, const Dataset& data, Time as_of, Headline* h) {
    const CaseTable& c = data.cases;
    std::vector<std::pair<StrId, uint32_t>> slot;  // queue -> position in open_by_queue
    for (const QueueSeverityCount& q : m.backlog.open_by_queue) {
        slot.push_back({q.queue, (uint32_t)h->queue_age.size()});
        h->queue_age.push_back(QueueAgeRow{q.queue, {}});
    }
    std::sort(slot.begin(), slot.end());
    for (uint32_t r : m.rows) {
        if (r >= c.count || !is_open(c.status[r]) || !has_time(c.created_at[r])) continue;
        auto it = std::lower_bound(slot.begin(), slot.end(), std::make_pair(c.queue[r], 0u));
        if (it == slot.end() || it->first != c.queue[r]) continue;
        h->queue_age[it->second].buckets[age_bucket(std::max<Time>(0, as_of - c.created_at[r]))]++;
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
    const SlaMetricSummary& fr = m.sla.metric[(int)SlaMetric::FirstResponse];
    const SlaMetricSummary& res = m.sla.metric[(int)SlaMetric::Resolution];
    h.first_response_attainment = fr.attainment;
    h.resolution_attainment = res.attainment;
    h.first_response_n = fr.by_state[(int)SlaState::Succeeded] + fr.breached_done;
    h.resolution_n = res.by_state[(int)SlaState::Succeeded] + res.breached_done;
    size_t days = std::min<size_t>(kHeadlineDays, m.backlog.daily.size());
    for (size_t i = m.backlog.daily.size() - days; i < m.backlog.daily.size(); ++i)
        h.backlog_daily.push_back(m.backlog.daily[i].backlog);
    add_sla(board, data, as_of, &h);
    add_satisfaction(m.satisfaction, as_of, &h);
    add_plans(m.plans, data, as_of, &h);
    add_queue_age(m, data, as_of, &h);
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
