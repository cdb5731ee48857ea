#include "sla.h"

#include <algorithm>
#include <climits>

#include "business_time.h"
#include "sla_defaults.h"

namespace cb {

static const char* const kSlaStateNames[] = {"in_progress",   "nearing_noncompliance", "paused",
                                             "succeeded",     "noncompliant",          "cancelled",
                                             "not_applicable"};
const char* to_string(SlaState s) {
    return kSlaStateNames[static_cast<int>(s)];
}

namespace {

constexpr int kMetricCount = static_cast<int>(SlaMetric::Count);
constexpr int kSeverityCount = static_cast<int>(Severity::Count);
constexpr Time kOpenEnd = INT64_MAX;  // a pause still going on

// The hours a clock counts: a business calendar, or calendar (24x7) hours when cal is null.
struct Clock {
    const CalendarIndex* cal = nullptr;
};
int64_t counted(const Clock& c, Time a, Time b) {
    if (b <= a) return 0;
    return c.cal ? business_seconds_between(*c.cal, a, b) : b - a;
}
Time add_counted(const Clock& c, Time from, int64_t seconds) {
    return c.cal ? add_business_seconds(*c.cal, from, seconds) : from + seconds;
}

// A policy target made ready for the loop over cases.
struct Target {
    int64_t target_s;
    float warning_pct;
    int calendar;  // index into the built calendar indexes; -1 = calendar hours
};

// Most specific target first: an offering's own target, else the wildcard one; -1 = none.
struct TargetLookup {
    std::vector<std::pair<StrId, int>> by_offering[kSeverityCount][kMetricCount];
    int any_offering[kSeverityCount][kMetricCount];

    int find(StrId offering, Severity sev, SlaMetric metric) const {
        const int s = static_cast<int>(sev), m = static_cast<int>(metric);
        if (s >= kSeverityCount) return -1;
        for (const auto& [id, target] : by_offering[s][m])
            if (id == offering) return target;
        return any_offering[s][m];
    }
};

struct Interval {
    Time begin, end;
};

// Counts the clock over [start, end) minus the pauses (sorted, disjoint) and notes when `target` was reached.
struct ClockRun {
    int64_t elapsed = 0;
    Time reached = kNoTime;
};
ClockRun run_clock(const Clock& c, Time start, Time end, const std::vector<Interval>& pauses,
                   int64_t target) {
    ClockRun run;
    auto segment = [&](Time a, Time b) {
        const int64_t n = counted(c, a, b);
        if (run.reached == kNoTime && run.elapsed + n >= target && n > 0)
            run.reached = add_counted(c, a, target - run.elapsed);
        run.elapsed += n;
    };
    Time t = start;
    for (const Interval& p : pauses) {
        if (p.end <= t) continue;
        if (p.begin >= end) break;
        segment(t, p.begin);
        t = std::max(t, p.end);
        if (t >= end) return run;
    }
    segment(t, end);
    return run;
}

// Pause intervals of one case from its status history (sorted by time into `sorted` scratch), and whether
// it is paused at as_of. Without history, the current status decides "paused now" but no time is paused.
void collect_pauses(const CaseTable& cases, size_t row, const bool (&pausing)[8], Time as_of,
                    std::vector<StatusChange>* sorted, std::vector<Interval>* pauses, bool* paused_now) {
    sorted->clear(), pauses->clear();
    const bool indexed = row + 1 < cases.history_begin.size();  // tolerate a table built without history
    const size_t begin = indexed ? cases.history_begin[row] : 0,
                 end = indexed ? cases.history_begin[row + 1] : 0;
    if (begin < end && end <= cases.history.size()) {
        for (size_t k = begin; k < end; ++k)
            if (has_time(cases.history[k].at)) sorted->push_back(cases.history[k]);
        auto by_time = [](const StatusChange& a, const StatusChange& b) { return a.at < b.at; };
        if (!std::is_sorted(sorted->begin(), sorted->end(), by_time))
            std::stable_sort(sorted->begin(), sorted->end(), by_time);
    }
    *paused_now = sorted->empty() && pausing[static_cast<int>(cases.status[row]) & 7];
    for (size_t k = 0; k < sorted->size(); ++k) {
        const StatusChange& change = (*sorted)[k];
        const bool pauses_clock = pausing[static_cast<int>(change.status) & 7];
        if (change.at <= as_of) *paused_now = pauses_clock;
        if (!pauses_clock) continue;
        const Time until = k + 1 < sorted->size() ? (*sorted)[k + 1].at : kOpenEnd;
        if (until <= change.at) continue;
        if (!pauses->empty() && pauses->back().end >= change.at)
            pauses->back().end = std::max(pauses->back().end, until);  // consecutive pausing statuses
        else
            pauses->push_back({change.at, until});
    }
}

int32_t clamp32(int64_t v) {
    return static_cast<int32_t>(std::clamp<int64_t>(v, INT32_MIN, INT32_MAX));
}

bool is_done(CaseStatus s) {
    return s == CaseStatus::Resolved || s == CaseStatus::Closed;
}

struct Outcome {
    SlaState state = SlaState::NotApplicable;
    int64_t elapsed = 0;
    Time deadline = kNoTime;
};

// First response and resolution: from created_at to the event (or as_of), pauses not counted.
Outcome event_clock(const CaseTable& cases, size_t row, SlaMetric metric, const Clock& clock, const Target& t,
                    Time as_of, const std::vector<Interval>& pauses, bool paused_now) {
    Outcome o;
    const Time start = cases.created_at[row];
    const CaseStatus status = cases.status[row];
    Time resolved = has_time(cases.resolved_at[row]) ? cases.resolved_at[row] : cases.closed_at[row];
    // A resolved case without a recorded first response was answered at the latest when resolved.
    Time stop = metric == SlaMetric::Resolution ? resolved : cases.first_response_at[row];
    if (!has_time(stop) && metric == SlaMetric::FirstResponse && is_done(status)) stop = resolved;
    if (!has_time(start) || start > as_of) return o;
    if (!has_time(stop) && is_done(status)) return o;    // done, but the stop time is missing
    if (has_time(stop) && stop > as_of) stop = kNoTime;  // happens after as_of: still running then
    const bool cancelled = !has_time(stop) && status == CaseStatus::Cancelled;
    Time end = has_time(stop) ? std::max(stop, start) : as_of;
    if (cancelled && has_time(cases.closed_at[row]) && cases.closed_at[row] <= as_of)
        end = std::max(cases.closed_at[row], start);

    const ClockRun run = run_clock(clock, start, end, pauses, t.target_s);
    o.elapsed = run.elapsed;
    o.deadline = run.reached;
    if (cancelled) {
        o.state = SlaState::Cancelled;
    } else if (has_time(stop)) {
        // Deadline inclusive: an event with exactly the target counted is in time.
        o.state = run.elapsed <= t.target_s ? SlaState::Succeeded : SlaState::Noncompliant;
        if (!has_time(o.deadline)) o.deadline = add_counted(clock, end, t.target_s - run.elapsed);
    } else if (run.elapsed > t.target_s) {
        o.state = SlaState::Noncompliant;
    } else if (paused_now) {
        o.state = SlaState::Paused;  // the deadline moves with the pause: unknown
    } else {
        o.state = run.elapsed >= double(t.warning_pct) * double(t.target_s) ? SlaState::NearingNoncompliance
                                                                            : SlaState::InProgress;
        if (!has_time(o.deadline)) o.deadline = add_counted(clock, as_of, t.target_s - run.elapsed);
    }
    return o;
}

// Next update: the committed next_update_due (or, without one, the last response + the cadence) is the
// deadline of open cases; elapsed is the target minus the counted time left before it.
Outcome next_update_clock(const CaseTable& cases, size_t row, const Clock& clock, const Target& t, Time as_of,
                          bool paused_now) {
    Outcome o;
    const CaseStatus status = cases.status[row];
    if (!has_time(cases.created_at[row]) || cases.created_at[row] > as_of) return o;
    if (status == CaseStatus::Cancelled) {
        o.state = SlaState::Cancelled;
        return o;
    }
    if (!is_open(status)) return o;
    Time due = cases.next_update_due[row];
    if (!has_time(due)) {
        Time last = kNoTime;
        for (Time r : {cases.first_response_at[row], cases.last_response_at[row]})
            if (has_time(r) && r <= as_of) last = has_time(last) ? std::max(last, r) : r;
        if (!has_time(last)) return o;  // no response yet: the first response clock covers it
        due = add_counted(clock, last, t.target_s);
        if (!has_time(due)) return o;
    }
    const int64_t left = as_of <= due ? counted(clock, as_of, due) : -counted(clock, due, as_of);
    o.elapsed = t.target_s - left;
    o.deadline = due;
    if (as_of > due)
        o.state = SlaState::Noncompliant;
    else if (paused_now)
        o.state = SlaState::Paused;
    else
        o.state = double(left) <= (1.0 - double(t.warning_pct)) * double(t.target_s)
                      ? SlaState::NearingNoncompliance
                      : SlaState::InProgress;
    return o;
}

const BusinessCalendar* find_calendar(const SlaPolicySet& policies, const std::string& name) {
    if (name.empty()) return policies.calendars.empty() ? nullptr : &policies.calendars.front();
    for (const BusinessCalendar& cal : policies.calendars)
        if (cal.name == name) return &cal;
    return nullptr;
}

}  // namespace

namespace {

// The policies made ready for the loop over cases at one as_of.
struct Engine {
    std::vector<Target> targets;
    TargetLookup lookup;
    std::vector<CalendarIndex> calendars;
    bool pausing[8] = {};
    std::vector<StatusChange> sorted;  // scratch of collect_pauses
    std::vector<Interval> pauses;
};

// Targets: usable ones only (positive target, calendar found), each calendar indexed once over the span of
// the data, reaching far enough beyond as_of for the longest target on it.
void prepare(const Dataset& data, const SlaPolicySet& policies, Time as_of, Engine* e) {
    const CaseTable& cases = data.cases;
    Time first = as_of;
    for (size_t row = 0; row < cases.count; ++row)
        if (has_time(cases.created_at[row])) first = std::min(first, cases.created_at[row]);
    std::vector<const BusinessCalendar*> used;
    std::vector<int64_t> reach;
    for (auto& by_metric : e->lookup.any_offering) std::fill(std::begin(by_metric), std::end(by_metric), -1);
    for (const SlaTarget& st : policies.targets) {
        if (st.target_minutes <= 0 || static_cast<int>(st.severity) >= kSeverityCount ||
            static_cast<int>(st.metric) >= kMetricCount)
            continue;
        Target t{std::min<int64_t>(st.target_minutes, INT32_MAX / 60) * 60, st.warning_pct, -1};
        if (st.business_hours) {
            const BusinessCalendar* cal = find_calendar(policies, st.calendar);
            if (!cal) continue;
            const auto it = std::find(used.begin(), used.end(), cal);
            t.calendar = static_cast<int>(it - used.begin());
            if (it == used.end()) used.push_back(cal), reach.push_back(0);
            reach[t.calendar] = std::max(reach[t.calendar], t.target_s);
        }
        const int s = static_cast<int>(st.severity), m = static_cast<int>(st.metric);
        const int index = static_cast<int>(e->targets.size());
        e->targets.push_back(t);
        if (st.offering == kNoStr) {
            if (e->lookup.any_offering[s][m] < 0) e->lookup.any_offering[s][m] = index;
        } else {
            auto& list = e->lookup.by_offering[s][m];
            if (std::none_of(list.begin(), list.end(), [&](const auto& x) { return x.first == st.offering; }))
                list.push_back({st.offering, index});
        }
    }
    e->calendars.resize(used.size());
    for (size_t i = 0; i < used.size(); ++i)
        build_calendar_index(*used[i], first, as_of, reach[i], &e->calendars[i]);
    for (CaseStatus s : policies.pausing_statuses) e->pausing[static_cast<int>(s) & 7] = true;
}

// Every clock of one case at as_of.
void compute_row(const CaseTable& cases, size_t row, Time as_of, Engine& e, SlaResults* out) {
    bool paused_now = false;
    bool pauses_collected = false;
    for (int m = 0; m < kMetricCount; ++m) {
        const SlaMetric metric = static_cast<SlaMetric>(m);
        const int ti = e.lookup.find(cases.offering[row], cases.severity[row], metric);
        if (ti < 0) continue;
        const Target& t = e.targets[ti];
        if (!pauses_collected) {
            collect_pauses(cases, row, e.pausing, as_of, &e.sorted, &e.pauses, &paused_now);
            pauses_collected = true;
        }
        const Clock clock{t.calendar >= 0 ? &e.calendars[t.calendar] : nullptr};
        const Outcome o = metric == SlaMetric::NextUpdate
                              ? next_update_clock(cases, row, clock, t, as_of, paused_now)
                              : event_clock(cases, row, metric, clock, t, as_of, e.pauses, paused_now);
        SlaClockColumns& col = out->clocks[m];
        col.state[row] = o.state;
        col.target_s[row] = clamp32(t.target_s);
        col.elapsed_s[row] = clamp32(o.elapsed);
        col.deadline[row] = o.deadline;
        col.business_hours[row] = t.calendar >= 0 ? 1 : 0;
    }
}

// Whether a later as_of can change any clock of the case: it is open or cancelled (their clocks run or
// may stop at as_of), or something happened to it after as_of. A closed case whose whole story lies before
// as_of keeps its clocks for ever.
bool clocks_can_change(const CaseTable& c, size_t row, Time as_of) {
    if (is_open(c.status[row]) || c.status[row] == CaseStatus::Cancelled) return true;
    for (Time t : {c.created_at[row], c.first_response_at[row], c.resolved_at[row], c.closed_at[row]})
        if (has_time(t) && t > as_of) return true;
    const bool indexed = row + 1 < c.history_begin.size();
    const size_t begin = indexed ? c.history_begin[row] : 0, end = indexed ? c.history_begin[row + 1] : 0;
    for (size_t k = begin; k < end && k < c.history.size(); ++k)
        if (c.history[k].at > as_of) return true;
    return false;
}

}  // namespace

void compute_sla(const Dataset& data, const SlaPolicySet& policies, Time as_of, SlaResults* out) {
    const CaseTable& cases = data.cases;
    const size_t n = cases.count;
    out->as_of = as_of;
    out->changing_rows.clear();
    for (SlaClockColumns& col : out->clocks) {
        col.state.assign(n, SlaState::NotApplicable);
        col.target_s.assign(n, 0);
        col.elapsed_s.assign(n, 0);
        col.deadline.assign(n, kNoTime);
        col.business_hours.assign(n, 0);
    }
    if (!has_time(as_of)) return;
    Engine e;
    prepare(data, policies, as_of, &e);
    for (size_t row = 0; row < n; ++row) {
        compute_row(cases, row, as_of, e, out);
        if (clocks_can_change(cases, row, as_of)) out->changing_rows.push_back(static_cast<uint32_t>(row));
    }
}

void advance_sla(const Dataset& data, const SlaPolicySet& policies, Time as_of, SlaResults* out) {
    const CaseTable& cases = data.cases;
    const bool fits = std::all_of(std::begin(out->clocks), std::end(out->clocks),
                                  [&](const SlaClockColumns& k) { return k.state.size() == cases.count; });
    if (!fits || !has_time(out->as_of) || !has_time(as_of) || as_of < out->as_of) {
        compute_sla(data, policies, as_of, out);
        return;
    }
    out->as_of = as_of;
    Engine e;
    prepare(data, policies, as_of, &e);
    size_t kept = 0;
    for (uint32_t row : out->changing_rows) {
        if (row >= cases.count) continue;
        compute_row(cases, row, as_of, e, out);
        if (clocks_can_change(cases, row, as_of)) out->changing_rows[kept++] = row;
    }
    out->changing_rows.resize(kept);
}

void compute_sla(const Dataset& data, Time as_of, SlaResults* out) {
    if (!data.sla.targets.empty() || !data.strings) {
        compute_sla(data, data.sla, as_of, out);
        return;
    }
    SlaPolicySet defaults = default_sla_policies_lookup("UTC", *data.strings);
    defaults.pausing_statuses = data.sla.pausing_statuses;
    // A calendars feed may define "business" itself: feed calendars come first, so they win the lookup.
    defaults.calendars.insert(defaults.calendars.begin(), data.sla.calendars.begin(),
                              data.sla.calendars.end());
    compute_sla(data, defaults, as_of, out);
}

SlaClock sla_clock(const SlaResults& results, SlaMetric metric, uint32_t row) {
    SlaClock c;
    const int m = static_cast<int>(metric);
    if (m >= kMetricCount || row >= results.clocks[m].state.size()) return c;
    const SlaClockColumns& col = results.clocks[m];
    c.state = col.state[row];
    c.target_s = col.target_s[row];
    c.elapsed_s = col.elapsed_s[row];
    c.deadline = col.deadline[row];
    c.business_hours = col.business_hours[row] != 0;
    const bool counting = c.state != SlaState::NotApplicable && c.state != SlaState::Cancelled;
    c.remaining_s = counting ? c.target_s - c.elapsed_s : 0;
    return c;
}

int64_t remaining_seconds(const SlaResults& results, SlaMetric metric, uint32_t row) {
    return sla_clock(results, metric, row).remaining_s;
}

}  // namespace cb
