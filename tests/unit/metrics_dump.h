// metrics_dump.h: every figure of a Metrics as text, so that two computations can be compared field by
// field (metrics_index_test.cpp) and a difference shows which figure it is.
#pragma once

#include <cstdio>
#include <string>

#include "metrics.h"

namespace cb_test {

struct MetricsDump {
    std::string out;
    void num(const char* name, double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s=%.17g\n", name, v);
        out += buf;
    }
    void sat(const char* name, const cb::SatCounts& c) {
        out += name;
        num(".n", c.responses);
        num(" csat", c.csat.n), num(" sum", c.csat.sum), num(" sq", c.csat.sum_sq);
        num(" effort", c.effort.n), num(" esum", c.effort.sum), num(" esq", c.effort.sum_sq);
        num(" top2", c.top2), num(" dis", c.dissatisfied), num(" low", c.low_effort);
        num(" rk", c.resolved_known), num(" ry", c.resolved_yes);
        num(" nps", c.nps_n), num(" pro", c.promoters), num(" det", c.detractors);
    }
    void progress(const cb::Progress& p) {
        num("ms", p.milestones), num("done", p.done), num("over", p.overdue), num("blk", p.blocked);
        num("wt", p.weight_total), num("wd", p.weight_done), num("pr", p.progress), num("ex", p.expected);
        num("late", p.late), num("health", static_cast<int>(p.health));
    }
    void rollup(const cb::PlanRollup& r) {
        num("key", r.key), num("plans", r.plans), num("worst", static_cast<int>(r.worst));
        for (uint32_t h : r.by_health) num("h", h);
        num("ms", r.milestones), num("done", r.done), num("over", r.overdue), num("pm", r.progress_mean);
    }
};

inline std::string dump_metrics(const cb::Metrics& m) {
    using namespace cb;
    MetricsDump d;
    d.num("as_of", static_cast<double>(m.as_of));
    for (uint32_t r : m.rows) d.num("row", r);
    for (uint32_t r : m.open_rows) d.num("open_row", r);
    const BacklogMetrics& b = m.backlog;
    d.num("total", b.total), d.num("open", b.open), d.num("sysdown", b.system_down_open);
    for (uint32_t v : b.by_status) d.num("by_status", v);
    for (uint32_t v : b.by_severity) d.num("by_severity", v);
    for (uint32_t v : b.open_by_severity) d.num("open_by_severity", v);
    for (const QueueSeverityCount& q : b.open_by_queue) {
        d.num("obq", q.queue), d.num("t", q.total);
        for (uint32_t v : q.by_severity) d.num("s", v);
        for (uint32_t v : q.by_age) d.num("qa", v);
    }
    for (const KeyCount& k : b.open_by_owner) d.num("obo", k.key), d.num("c", k.count);
    for (uint32_t v : b.age_buckets) d.num("age", v);
    for (uint32_t v : b.oldest_open) d.num("oldest", v);
    for (const DayFlow& f : b.daily)
        d.num("day", f.day), d.num("a", f.arrivals), d.num("c", f.closures), d.num("b", f.backlog);
    for (const PeriodFlow& f : b.weekly)
        d.num("week", f.start_day), d.num("a", f.arrivals), d.num("c", f.closures);
    d.num("tmean", b.transfers_mean), d.num("t2", b.transfers_2plus), d.num("swarmed", b.swarmed);
    d.num("reopened", b.reopened), d.num("t2r", b.transfers_2plus_rate), d.num("swr", b.swarmed_rate);
    d.num("reor", b.reopened_rate), d.num("fcre", b.fcr_eligible), d.num("fcr", b.fcr),
        d.num("fcrr", b.fcr_rate);
    d.num("fr.n", b.first_response.n), d.num("fr.med", b.first_response.median_hours);
    d.num("fr.p90", b.first_response.p90_hours);
    d.num("res.n", b.resolution.n), d.num("res.med", b.resolution.median_hours);
    d.num("res.p90", b.resolution.p90_hours);

    const SlaMetrics& s = m.sla;
    for (const SlaMetricSummary& x : s.metric) {
        for (uint32_t v : x.by_state) d.num("state", v);
        d.num("bd", x.breached_done), d.num("ob", x.open_breaches), d.num("att", x.attainment);
        d.num("atta", x.attainment_all), d.num("near", x.nearing);
    }
    d.num("breached_cases", s.breached_cases);
    for (const NearingClock& n : s.nearing)
        d.num("nr", n.row), d.num("nm", static_cast<int>(n.metric)),
            d.num("nd", static_cast<double>(n.deadline));
    auto breakdown = [&](const char* name, const SlaBreakdownRow& r) {
        d.num(name, r.key), d.num("cases", r.cases), d.num("bc", r.breached_cases);
        for (uint32_t v : r.breaches) d.num("b", v);
    };
    for (const SlaBreakdownRow& r : s.by_queue) breakdown("slaq", r);
    for (const SlaBreakdownRow& r : s.by_owner) breakdown("slao", r);
    for (const SlaBreakdownRow& r : s.by_offering) breakdown("slaf", r);
    for (const SlaBreakdownRow& r : s.by_severity) breakdown("slas", r);
    for (const auto& day : s.breach_heatmap)
        for (uint32_t v : day) d.num("hm", v);
    d.num("obc", s.open_breach_cases), d.num("soon", s.soon), d.num("soonc", s.soon_cases);
    for (uint32_t v : s.breaches_daily) d.num("bday", v);
    for (uint32_t v : s.due_hourly) d.num("dueh", v);
    for (int w = 0; w < kSlaTrendWeeks; ++w) {
        d.num("wk", s.week_start[w]);
        for (int k = 0; k < kSlaMetrics; ++k)
            d.num("met", s.week_met[k][w]), d.num("miss", s.week_missed[k][w]);
    }
    for (const OpenBreach& o : s.open_breaches)
        d.num("obr", o.row), d.num("obm", static_cast<int>(o.metric)),
            d.num("oba", static_cast<double>(o.breached_at));

    const SatisfactionMetrics& sat = m.satisfaction;
    for (uint32_t i : sat.survey_rows) d.num("survey", i);
    d.sat("overall", sat.overall);
    for (uint32_t n : sat.csat_distribution) d.num("dist", n);
    for (const auto* trend : {&sat.daily, &sat.weekly, &sat.monthly})
        for (const SatTrendPoint& p : *trend) d.num("trend", p.start_day), d.sat("tp", p.counts);
    for (const auto* rows :
         {&sat.by_queue, &sat.by_product, &sat.by_offering, &sat.by_owner, &sat.by_customer})
        for (const SatRow& r : *rows) d.num("satkey", r.key), d.sat("sr", r.counts);
    for (const SatCounts& c : sat.by_severity) d.sat("satsev", c);

    const DriverMetrics& dm = m.drivers;
    d.num("dresp", dm.responses), d.num("ddis", dm.dissatisfied);
    for (const DriverRow& r : dm.rows) {
        d.num("driver", static_cast<int>(r.driver)), d.num("v", r.value), d.num("nw", r.n_with);
        d.num("dw", r.dissatisfied_with), d.num("nwo", r.n_without), d.num("dwo", r.dissatisfied_without);
        d.num("rw", r.rate_with), d.num("rwo", r.rate_without), d.num("lift", r.lift);
        d.num("p", r.p_value), d.num("impact", r.impact), d.num("q", r.qualifies);
    }
    for (const Priority& p : dm.top) d.out += p.label + "|" + p.sentence + "\n";

    const VerbatimMetrics& v = m.verbatims;
    for (uint32_t i : v.matches) d.num("match", i);
    d.num("dc", v.dissatisfied_comments), d.num("sc", v.satisfied_comments);
    for (const auto* terms : {&v.dissatisfied_terms, &v.satisfied_terms})
        for (const TermCount& t : *terms)
            d.out += t.term + "\n", d.num("d", t.dissatisfied), d.num("s", t.satisfied),
                d.num("lo", t.log_odds);

    const PlanMetrics& pm = m.plans;
    for (uint32_t h : pm.by_health) d.num("ph", h);
    for (const PlanRow& r : pm.plans)
        d.num("plan", r.plan), d.progress(r.progress), d.num("d14", r.due_14), d.num("d30", r.due_30);
    for (const ObjectiveRow& o : pm.objectives)
        d.num("obj", o.plan), d.num("o", o.objective), d.progress(o.progress);
    for (const auto* list : {&pm.due_soon, &pm.overdue})
        for (const MilestoneRef& r : *list)
            d.num("mr", r.plan), d.num("o", r.objective), d.num("m", r.milestone),
                d.num("due", static_cast<double>(r.due));
    for (const PlanRollup& r : pm.by_csam) d.rollup(r);
    for (const CustomerPlanRow& r : pm.by_customer)
        d.rollup(r.plans), d.num("oc", r.open_cases), d.num("cn", r.csat.n), d.num("cs", r.csat.sum),
            d.num("cq", r.csat.sum_sq);
    return d.out;
}

}  // namespace cb_test
