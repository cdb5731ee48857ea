// report_json.cpp: the report as JSON, the reference rendering (field list in docs/report.md).
//
// Conventions that the CSV flattening relies on: every object inside an array starts with the member that
// names it (queue, id, ...); objects named by_* are maps from a name to a value.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "report.h"
#include "rollups.h"
#include "timestamp.h"

namespace cb {

double round_to(double v, int decimals) {
    if (!std::isfinite(v)) return v;
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

ReportInput make_report_input(const DataSession& session, const Board& board, const Filter& filter,
                              std::string_view time_zone) {
    ReportInput in;
    in.data = &session.data();
    in.strings = &session.strings();
    in.board = &board;
    in.loads = &session.feeds();
    in.reports = &session.reports();
    in.title = session.manifest().title;
    in.time_zone = std::string(time_zone);
    in.filter_args = filter_to_args(filter, session.strings());
    return in;
}

void recent_dissatisfied(const ReportInput& in, size_t limit, std::vector<uint32_t>* out) {
    out->clear();
    const SurveyTable& s = in.data->surveys;
    for (uint32_t r : in.board->metrics.satisfaction.survey_rows)
        if (s.csat[r] >= 1 && s.csat[r] <= 2 && !s.verbatim[r].empty() &&
            s.submitted_at[r] <= in.board->as_of)
            out->push_back(r);
    auto newer = [&](uint32_t a, uint32_t b) {
        return s.submitted_at[a] != s.submitted_at[b] ? s.submitted_at[a] > s.submitted_at[b] : a < b;
    };
    const size_t n = std::min(limit, out->size());
    std::partial_sort(out->begin(), out->begin() + n, out->end(), newer);
    out->resize(n);
}

// ---- value helpers ------------------------------------------------------------------------------------
namespace {

struct Writer {
    JsonWriter& w;
    const StringPool& pool;

    void time(Time t) { has_time(t) ? w.value(format_iso8601(t)) : w.null(); }
    void name(StrId id) { id == kNoStr ? w.null() : w.value(pool.view(id)); }
    void day(int32_t d) {
        int y;
        unsigned m, dd;
        civil_from_days(d, &y, &m, &dd);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
        w.value(buf);
    }
    void pct(const char* k, double fraction) { w.key(k), w.value(percent_1dp(fraction)); }
    void num(const char* k, double v, int decimals) { w.key(k), w.value(round_to(v, decimals)); }
    template <typename T>
    void count(const char* k, T v) {
        w.key(k), w.value(v);
    }
    void interval_pct(const char* k, Interval i) {
        w.key(k), w.begin_array(), w.value(percent_1dp(i.lo)), w.value(percent_1dp(i.hi)), w.end_array();
    }
    void interval(const char* k, Interval i, int decimals) {
        w.key(k), w.begin_array(), w.value(round_to(i.lo, decimals)), w.value(round_to(i.hi, decimals));
        w.end_array();
    }
};

// p-values and log-odds span orders of magnitude: 4 significant digits, so both builds print the same.
double significant4(double v) {
    if (!std::isfinite(v) || v == 0) return v;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return std::strtod(buf, nullptr);
}

const char* driver_id(Driver d) {
    static const char* const kIds[] = {"sla_breached", "transfers",     "no_scope", "late_first_response",
                                       "reopened",     "not_validated", "aged",     "queue",
                                       "product"};
    return kIds[static_cast<int>(d)];
}

const char* const kWeekdays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// ---- cases --------------------------------------------------------------------------------------------
void write_durations(Writer& o, const char* k, const Durations& d) {
    o.w.key(k), o.w.begin_object();
    o.count("n", d.n);
    o.num("median", d.median_hours, 2);
    o.num("p90", d.p90_hours, 2);
    o.w.end_object();
}

// {"A": n, "B": n, "C": n}
void write_severity_counts(Writer& o, const char* k, const uint32_t (&counts)[kSeverities]) {
    o.w.key(k), o.w.begin_object();
    for (int i = 0; i < kSeverities; ++i) o.count(to_string(static_cast<Severity>(i)), counts[i]);
    o.w.end_object();
}

void write_cases(Writer& o, const Dataset& data, const BacklogMetrics& b, Time as_of) {
    JsonWriter& w = o.w;
    const CaseTable& c = data.cases;
    w.key("cases"), w.begin_object();
    o.count("total", b.total);
    o.count("open", b.open);
    o.count("system_down_open", b.system_down_open);
    w.key("by_status"), w.begin_object();
    for (int i = 0; i < kStatuses; ++i) o.count(to_string(static_cast<CaseStatus>(i)), b.by_status[i]);
    w.end_object();
    write_severity_counts(o, "by_severity", b.by_severity);
    write_severity_counts(o, "open_by_severity", b.open_by_severity);
    w.key("open_by_queue"), w.begin_array();
    for (const QueueSeverityCount& q : b.open_by_queue) {
        w.begin_object();
        w.key("queue"), o.name(q.queue);
        o.count("open", q.total);
        write_severity_counts(o, "by_severity", q.by_severity);
        w.end_object();
    }
    w.end_array();
    w.key("open_by_owner"), w.begin_array();
    for (const KeyCount& k : b.open_by_owner) {
        w.begin_object();
        w.key("owner"), o.name(k.key);
        o.count("open", k.count);
        w.end_object();
    }
    w.end_array();
    w.key("by_age"), w.begin_object();
    for (int i = 0; i < kAgeBuckets; ++i) o.count(kAgeBucketNames[i], b.age_buckets[i]);
    w.end_object();
    w.key("oldest_open"), w.begin_array();
    for (uint32_t r : b.oldest_open) {
        w.begin_object();
        w.key("id"), o.name(c.id[r]);
        w.key("customer"), o.name(c.customer[r]);
        w.key("queue"), o.name(c.queue[r]);
        w.key("owner"), o.name(c.owner[r]);
        w.key("severity"), w.value(to_string(c.severity[r]));
        w.key("status"), w.value(to_string(c.status[r]));
        w.key("created_at"), o.time(c.created_at[r]);
        o.num("age_days", double(as_of - c.created_at[r]) / kSecondsPerDay, 1);
        w.end_object();
    }
    w.end_array();
    // Weekly flow with the backlog at the end of each week's last day in the series.
    w.key("weekly"), w.begin_array();
    size_t d = 0;
    for (const PeriodFlow& p : b.weekly) {
        while (d + 1 < b.daily.size() && b.daily[d + 1].day <= p.start_day + 6) ++d;
        w.begin_object();
        w.key("week"), o.day(p.start_day);
        o.count("arrivals", p.arrivals);
        o.count("closures", p.closures);
        w.key("backlog_end");
        d < b.daily.size() ? w.value(b.daily[d].backlog) : w.null();
        w.end_object();
    }
    w.end_array();
    o.num("transfers_mean", b.transfers_mean, 2);
    o.count("transfers_2plus", b.transfers_2plus);
    o.pct("transfers_2plus_pct", b.transfers_2plus_rate);
    o.count("swarmed", b.swarmed);
    o.pct("swarmed_pct", b.swarmed_rate);
    o.count("reopened", b.reopened);
    o.pct("reopened_pct", b.reopened_rate);
    o.count("fcr_eligible", b.fcr_eligible);
    o.count("fcr", b.fcr);
    o.pct("fcr_pct", b.fcr_rate);
    write_durations(o, "first_response_hours", b.first_response);
    write_durations(o, "resolution_hours", b.resolution);
    w.end_object();
}

// ---- SLA ----------------------------------------------------------------------------------------------
void write_breakdown(Writer& o, const char* list, const char* member, const SlaBreakdownRow* rows, size_t n,
                     bool severity_keys) {
    JsonWriter& w = o.w;
    w.key(list), w.begin_array();
    for (size_t i = 0; i < n; ++i) {
        const SlaBreakdownRow& r = rows[i];
        w.begin_object();
        w.key(member);
        severity_keys ? w.value(to_string(static_cast<Severity>(r.key))) : o.name(r.key);
        o.count("cases", r.cases);
        o.count("breached_cases", r.breached_cases);
        w.key("breaches"), w.begin_object();
        for (int m = 0; m < kSlaMetrics; ++m) o.count(to_string(static_cast<SlaMetric>(m)), r.breaches[m]);
        w.end_object();
        w.end_object();
    }
    w.end_array();
}

void write_sla(Writer& o, const Dataset& data, const Board& board) {
    JsonWriter& w = o.w;
    const SlaMetrics& s = board.metrics.sla;
    w.key("sla"), w.begin_object();
    w.key("policies"), w.value(board.default_policies ? "default" : "feed");
    for (int m = 0; m < kSlaMetrics; ++m) {
        const SlaMetricSummary& x = s.metric[m];
        w.key(to_string(static_cast<SlaMetric>(m))), w.begin_object();
        for (int st = 0; st < kSlaStates; ++st) o.count(to_string(static_cast<SlaState>(st)), x.by_state[st]);
        o.count("breached_done", x.breached_done);
        o.count("open_breaches", x.open_breaches);
        o.pct("attainment_pct", x.attainment);
        o.pct("attainment_all_pct", x.attainment_all);
        o.count("deadline_soon", x.nearing);
        w.end_object();
    }
    o.count("breached_cases", s.breached_cases);
    write_breakdown(o, "by_queue", "queue", s.by_queue.data(), s.by_queue.size(), false);
    write_breakdown(o, "by_owner", "owner", s.by_owner.data(), s.by_owner.size(), false);
    write_breakdown(o, "by_offering", "offering", s.by_offering.data(), s.by_offering.size(), false);
    write_breakdown(o, "by_severity", "severity", s.by_severity, kSeverities, true);
    w.key("breach_heatmap"), w.begin_array();
    for (int d = 0; d < 7; ++d) {
        w.begin_object();
        w.key("weekday"), w.value(kWeekdays[d]);
        w.key("hours"), w.begin_array();
        for (int h = 0; h < 24; ++h) w.value(s.breach_heatmap[d][h]);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("nearing"), w.begin_array();
    const CaseTable& c = data.cases;
    for (const NearingClock& n : s.nearing) {
        w.begin_object();
        w.key("id"), o.name(c.id[n.row]);
        w.key("metric"), w.value(to_string(n.metric));
        w.key("queue"), o.name(c.queue[n.row]);
        w.key("owner"), o.name(c.owner[n.row]);
        w.key("severity"), w.value(to_string(c.severity[n.row]));
        w.key("deadline"), o.time(n.deadline);
        o.num("hours_left", double(n.deadline - board.as_of) / 3600.0, 2);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

// ---- satisfaction -------------------------------------------------------------------------------------
void write_sat_counts(Writer& o, const SatCounts& s) {
    o.count("responses", s.responses);
    o.count("csat_n", s.csat.n);
    o.num("csat_mean", s.csat.mean(), 2);
    o.interval("csat_mean_ci", s.csat.mean_interval(), 2);
    o.pct("csat_top2_pct", s.top2_rate());
    o.interval_pct("csat_top2_ci_pct", s.top2_interval());
    o.pct("dissatisfied_pct", s.dissatisfied_rate());
    o.interval_pct("dissatisfied_ci_pct", s.dissatisfied_interval());
    o.count("effort_n", s.effort.n);
    o.num("effort_mean", s.effort.mean(), 2);
    o.pct("low_effort_pct", s.low_effort_rate());
    o.pct("resolved_pct", s.resolved_rate());
    o.count("nps_n", s.nps_n);
    o.num("nps", s.nps(), 1);
}

void write_sat_rows(Writer& o, const char* list, const char* member, const std::vector<SatRow>& rows) {
    o.w.key(list), o.w.begin_array();
    for (const SatRow& r : rows) {
        o.w.begin_object();
        o.w.key(member), o.name(r.key);
        write_sat_counts(o, r.counts);
        o.w.end_object();
    }
    o.w.end_array();
}

void write_driver(Writer& o, const DriverRow& d) {
    JsonWriter& w = o.w;
    std::string id = driver_id(d.driver);
    if (d.value != kNoStr) id += ":" + std::string(o.pool.view(d.value));
    w.key("id"), w.value(id);
    w.key("driver"), w.value(driver_id(d.driver));
    w.key("value"), o.name(d.value);
    o.count("n_with", d.n_with);
    o.count("dissatisfied_with", d.dissatisfied_with);
    o.count("n_without", d.n_without);
    o.count("dissatisfied_without", d.dissatisfied_without);
    o.pct("rate_with_pct", d.rate_with);
    o.pct("rate_without_pct", d.rate_without);
    o.num("lift", d.lift, 2);
    w.key("p_value"), w.value(significant4(d.p_value));
    o.num("impact", d.impact, 2);
    w.key("qualifies"), w.value(d.qualifies);
}

void write_satisfaction(Writer& o, const Metrics& m) {
    JsonWriter& w = o.w;
    const SatisfactionMetrics& s = m.satisfaction;
    w.key("satisfaction"), w.begin_object();
    write_sat_counts(o, s.overall);
    write_sat_rows(o, "by_queue", "queue", s.by_queue);
    write_sat_rows(o, "by_product", "product", s.by_product);
    write_sat_rows(o, "by_offering", "offering", s.by_offering);
    write_sat_rows(o, "by_owner", "owner", s.by_owner);
    write_sat_rows(o, "by_customer", "customer", s.by_customer);
    w.key("by_severity"), w.begin_array();
    for (int i = 0; i < kSeverities; ++i) {
        w.begin_object();
        w.key("severity"), w.value(to_string(static_cast<Severity>(i)));
        write_sat_counts(o, s.by_severity[i]);
        w.end_object();
    }
    w.end_array();
    w.key("monthly"), w.begin_array();
    for (const SatTrendPoint& p : s.monthly) {
        w.begin_object();
        w.key("month"), o.day(p.start_day);
        write_sat_counts(o, p.counts);
        w.end_object();
    }
    w.end_array();
    w.key("drivers"), w.begin_array();
    for (const DriverRow& d : m.drivers.rows) w.begin_object(), write_driver(o, d), w.end_object();
    w.end_array();
    w.end_object();
}

void write_priorities(Writer& o, const DriverMetrics& d) {
    JsonWriter& w = o.w;
    w.key("priorities"), w.begin_array();
    for (size_t i = 0; i < d.top.size(); ++i) {
        w.begin_object();
        o.count("rank", i + 1);
        w.key("label"), w.value(d.top[i].label);
        w.key("sentence"), w.value(d.top[i].sentence);
        write_driver(o, d.top[i].row);
        w.end_object();
    }
    w.end_array();
}

void write_terms(Writer& o, const char* k, const std::vector<TermCount>& terms) {
    o.w.key(k), o.w.begin_array();
    for (const TermCount& t : terms) {
        o.w.begin_object();
        o.w.key("term"), o.w.value(t.term);
        o.count("dissatisfied", t.dissatisfied);
        o.count("satisfied", t.satisfied);
        o.w.key("log_odds"), o.w.value(significant4(t.log_odds));
        o.w.end_object();
    }
    o.w.end_array();
}

void write_verbatims(Writer& o, const ReportInput& in) {
    JsonWriter& w = o.w;
    const VerbatimMetrics& v = in.board->metrics.verbatims;
    const SurveyTable& s = in.data->surveys;
    w.key("verbatims"), w.begin_object();
    o.count("dissatisfied_comments", v.dissatisfied_comments);
    o.count("satisfied_comments", v.satisfied_comments);
    write_terms(o, "dissatisfied_terms", v.dissatisfied_terms);
    write_terms(o, "satisfied_terms", v.satisfied_terms);
    std::vector<uint32_t> recent;
    recent_dissatisfied(in, 5, &recent);
    w.key("recent_dissatisfied"), w.begin_array();
    for (uint32_t r : recent) {
        const uint32_t c = s.case_index[r];
        w.begin_object();
        w.key("survey"), o.name(s.id[r]);
        w.key("case"), o.name(s.case_id[r]);
        w.key("queue"), c == kNoRow ? w.null() : o.name(in.data->cases.queue[c]);
        w.key("submitted_at"), o.time(s.submitted_at[r]);
        o.count("csat", s.csat[r]);
        w.key("verbatim"), w.value(s.verbatim[r]);
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

// ---- plans --------------------------------------------------------------------------------------------
void write_health(Writer& o, const uint32_t (&by_health)[kPlanHealths]) {
    o.w.key("by_health"), o.w.begin_object();
    for (int h = 0; h < kPlanHealths; ++h) o.count(to_string(static_cast<PlanHealth>(h)), by_health[h]);
    o.w.end_object();
}

void write_rollup(Writer& o, const char* member, const PlanRollup& r) {
    o.w.key(member), o.name(r.key);
    o.count("plans", r.plans);
    write_health(o, r.by_health);
    o.w.key("worst"), o.w.value(to_string(r.worst));
    o.count("milestones", r.milestones);
    o.count("milestones_done", r.done);
    o.count("milestones_overdue", r.overdue);
    o.pct("progress_mean_pct", r.progress_mean);
}

void write_milestones(Writer& o, const char* k, const std::vector<SuccessPlan>& plans,
                      const std::vector<MilestoneRef>& refs, Time as_of, bool overdue) {
    JsonWriter& w = o.w;
    w.key(k), w.begin_array();
    for (const MilestoneRef& m : refs) {
        const SuccessPlan& p = plans[m.plan];
        const Milestone& ms = p.objectives[m.objective].milestones[m.milestone];
        w.begin_object();
        w.key("milestone"), w.value(ms.id);
        w.key("plan"), w.value(p.id);
        w.key("customer"), o.name(p.customer);
        w.key("csam"), o.name(p.owner);
        w.key("objective"), w.value(p.objectives[m.objective].title);
        w.key("title"), w.value(ms.title);
        w.key("due"), o.time(m.due);
        const double days = double(overdue ? as_of - m.due : m.due - as_of) / kSecondsPerDay;
        o.num(overdue ? "days_overdue" : "days_left", days, 1);
        w.end_object();
    }
    w.end_array();
}

void write_plans(Writer& o, const Dataset& data, const PlanMetrics& p, Time as_of) {
    JsonWriter& w = o.w;
    uint32_t milestones = 0, done = 0, overdue = 0, blocked = 0;
    for (const PlanRow& r : p.plans) {
        milestones += r.progress.milestones, done += r.progress.done;
        overdue += r.progress.overdue, blocked += r.progress.blocked;
    }
    w.key("plans"), w.begin_object();
    o.count("total", p.plans.size());
    write_health(o, p.by_health);
    o.count("milestones_done", done);
    o.count("milestones_total", milestones);
    o.count("milestones_overdue", overdue);
    o.count("milestones_blocked", blocked);
    w.key("plans"), w.begin_array();
    for (const PlanRow& r : p.plans) {
        const SuccessPlan& sp = data.plans[r.plan];
        w.begin_object();
        w.key("id"), w.value(sp.id);
        w.key("customer"), o.name(sp.customer);
        w.key("csam"), o.name(sp.owner);
        w.key("health"), w.value(to_string(r.progress.health));
        o.pct("progress_pct", r.progress.progress);
        o.pct("expected_pct", r.progress.expected);
        o.count("milestones", r.progress.milestones);
        o.count("milestones_done", r.progress.done);
        o.count("milestones_overdue", r.progress.overdue);
        o.count("milestones_blocked", r.progress.blocked);
        o.count("due_14_days", r.due_14);
        o.count("due_30_days", r.due_30);
        w.end_object();
    }
    w.end_array();
    w.key("by_csam"), w.begin_array();
    for (const PlanRollup& r : p.by_csam) w.begin_object(), write_rollup(o, "csam", r), w.end_object();
    w.end_array();
    w.key("by_customer"), w.begin_array();
    for (const CustomerPlanRow& r : p.by_customer) {
        w.begin_object();
        write_rollup(o, "customer", r.plans);
        o.count("open_cases", r.open_cases);
        o.num("csat_mean", r.csat.mean(), 2);
        w.end_object();
    }
    w.end_array();
    write_milestones(o, "overdue", data.plans, p.overdue, as_of, true);
    write_milestones(o, "due_soon", data.plans, p.due_soon, as_of, false);
    w.end_object();
}

// ---- feeds --------------------------------------------------------------------------------------------
const FeedReport* find_report(const ReportInput& in, const std::string& name) {
    if (in.reports)
        for (const FeedReport& r : *in.reports)
            if (r.name == name) return &r;
    return nullptr;
}

void write_feed(Writer& o, const std::string& name, const FeedLoad* load, const FeedReport* r) {
    JsonWriter& w = o.w;
    w.begin_object();
    w.key("name"), w.value(name);
    w.key("kind"), w.value(to_string(load ? load->spec.kind : r->kind));
    w.key("state"), load ? w.value(to_string(load->state)) : w.value(r->ok() ? "loaded" : "failed");
    w.key("format");
    r && r->ok() ? w.value(to_string(r->format)) : w.null();
    o.count("records", r ? r->records : 0);
    o.count("rejected", r ? r->rejected : 0);
    const std::string& fatal = r && !r->fatal.empty() ? r->fatal : load ? load->error : std::string();
    w.key("error");
    fatal.empty() ? w.null() : w.value(fatal);
    w.key("kept_previous"), w.value(r && r->kept_previous);
    w.key("errors"), w.begin_array();
    if (r)
        for (const FeedProblem& p : r->problems) {
            w.begin_object();
            o.count("record", p.record);
            w.key("id"), w.value(p.id);
            w.key("field"), w.value(p.field);
            w.key("message"), w.value(p.message);
            w.end_object();
        }
    w.end_array();
    o.count("errors_not_listed", r ? r->problems_not_listed : 0);
    w.end_object();
}

void write_feeds(Writer& o, const ReportInput& in) {
    o.w.key("feeds"), o.w.begin_array();
    if (in.loads) {
        for (const FeedLoad& l : *in.loads) write_feed(o, l.spec.name, &l, find_report(in, l.spec.name));
    } else if (in.reports) {
        for (const FeedReport& r : *in.reports) write_feed(o, r.name, nullptr, &r);
    }
    o.w.end_array();
}

// null when the figures come from cases; else what the rollups could not apply (docs/report.md).
void write_rollups(Writer& o, const ReportInput& in) {
    JsonWriter& w = o.w;
    w.key("rollups");
    if (!uses_rollups(*in.data)) return w.null();
    const Filter& filter = in.board->filter;
    w.begin_object();
    o.count("rows", in.data->rollups.count);
    w.key("filters_not_applied"), w.begin_array();
    for (const std::string& k : rollup_ignored_filters(filter)) w.value(k);
    w.end_array();
    const std::string note = rollup_filter_note(filter);
    w.key("note"), note.empty() ? w.null() : w.value(note);
    w.end_object();
}

}  // namespace

void write_report_json(const ReportInput& in, JsonWriter& w) {
    Writer o{w, *in.strings};
    const Board& board = *in.board;
    w.begin_object();
    o.count("report_version", kReportVersion);
    w.key("title"), w.value(in.title);
    w.key("as_of"), o.time(board.as_of);
    w.key("time_zone"), w.value(in.time_zone);
    w.key("filter"), w.begin_array();
    for (const std::string& f : in.filter_args) w.value(f);
    w.end_array();
    write_rollups(o, in);
    write_cases(o, *in.data, board.metrics.backlog, board.as_of);
    write_sla(o, *in.data, board);
    write_satisfaction(o, board.metrics);
    write_priorities(o, board.metrics.drivers);
    write_verbatims(o, in);
    write_plans(o, *in.data, board.metrics.plans, board.as_of);
    write_feeds(o, in);
    w.end_object();
}

std::string report_json(const ReportInput& in, bool pretty) {
    JsonWriter w(pretty);
    write_report_json(in, w);
    std::string text = w.take();
    text += '\n';
    return text;
}

}  // namespace cb
