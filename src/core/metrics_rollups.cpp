// metrics_rollups.cpp: backlog and satisfaction figures from rollup rows (see rollups.h).
//
// The time range selects rows by their day, like created_at of the cases a row counts (exact for ranges
// on day boundaries). Closures and surveys are counted on their own day, not their case's creation day, so
// under a time range only the creation-day figures (totals and open counts) are exact; flows and
// satisfaction are then left empty rather than shown wrong.
#include <algorithm>

#include "rollups.h"

namespace cb {

bool uses_rollups(const Dataset& data) {
    return data.cases.count == 0 && data.rollups.count > 0;
}

std::vector<std::string> rollup_ignored_filters(const Filter& f) {
    std::vector<std::string> out;
    const std::pair<bool, const char*> keys[] = {{!f.product.empty(), "product"},
                                                 {!f.customer.empty(), "customer"},
                                                 {!f.owner.empty(), "owner"},
                                                 {!f.status.empty(), "status"},
                                                 {!f.text.empty(), "text"}};
    for (const auto& [set, name] : keys)
        if (set) out.push_back(name);
    return out;
}

std::string rollup_filter_note(const Filter& f) {
    std::string note;
    const std::vector<std::string> ignored = rollup_ignored_filters(f);
    for (size_t i = 0; i < ignored.size(); ++i) note += (i ? ", " : "The ") + ignored[i];
    if (!ignored.empty()) note += ignored.size() == 1 ? " filter does not apply" : " filters do not apply";
    if (!ignored.empty()) note += " to rollups (they hold no such field).";
    if (has_time(f.from) || has_time(f.to))
        note += std::string(note.empty() ? "" : " ") +
                "Over a time range rollups give case counts only: flows and satisfaction need raw cases.";
    return note;
}

namespace {

bool rollups_usable(const RollupTable& t) {
    for (size_t len : {t.day.size(), t.queue.size(), t.offering.size(), t.severity.size()})
        if (len != t.count) return false;
    for (const std::vector<uint32_t>& column : t.counts)
        if (column.size() != t.count) return false;
    return true;
}

SatCounts sat_of(const RollupTable& t, uint32_t r) {
    auto n = [&](RollupCount k) { return t.counts[k][r]; };
    SatCounts s;
    s.responses = n(kRollupResponses);
    s.csat = MeanAccumulator{n(kRollupCsatN), double(n(kRollupCsatSum)), double(n(kRollupCsatSumSq))};
    s.effort = MeanAccumulator{n(kRollupEffortN), double(n(kRollupEffortSum)), double(n(kRollupEffortSumSq))};
    s.top2 = n(kRollupTop2), s.dissatisfied = n(kRollupDissatisfied), s.low_effort = n(kRollupLowEffort);
    s.resolved_known = n(kRollupResolvedKnown), s.resolved_yes = n(kRollupResolvedYes);
    s.nps_n = n(kRollupNpsN), s.promoters = n(kRollupPromoters), s.detractors = n(kRollupDetractors);
    return s;
}

// Open cases per queue x severity, most open first (ties by name), as the raw path orders them.
void open_by_queue(const Dataset& data, const std::vector<uint32_t>& rows, KeyIndex& keys,
                   std::vector<uint32_t>* counts, BacklogMetrics* b) {
    const RollupTable& t = data.rollups;
    keys.reset();
    counts->clear();
    for (uint32_t r : rows) {
        const uint32_t slot = keys.slot(t.queue[r]);
        if (counts->size() <= slot * kSeverities) counts->resize((slot + 1) * kSeverities, 0);
        (*counts)[slot * kSeverities + static_cast<int>(t.severity[r])] += t.counts[kRollupOpen][r];
    }
    for (uint32_t slot = 0; slot < keys.keys.size(); ++slot) {
        QueueSeverityCount q{keys.keys[slot], 0, {}};
        for (int v = 0; v < kSeverities; ++v)
            q.by_severity[v] = (*counts)[slot * kSeverities + v], q.total += q.by_severity[v];
        if (q.total) b->open_by_queue.push_back(q);
    }
    keys.reset();
    const StringPool& pool = *data.strings;
    std::sort(b->open_by_queue.begin(), b->open_by_queue.end(), [&](const auto& x, const auto& y) {
        return x.total != y.total ? x.total > y.total : pool.view(x.queue) < pool.view(y.queue);
    });
}

// Daily flows from the first day with arrivals to as_of's day (at most max_days): rows before that day are
// carried into the starting backlog (their arrivals minus their closures), rows after as_of are not yet.
void flows(const RollupTable& t, const std::vector<uint32_t>& rows, Time as_of, int max_days,
           BacklogMetrics* b) {
    if (b->total == 0 || !has_time(as_of)) return;
    const int32_t last = day_of(as_of);
    int32_t first = last;
    for (uint32_t r : rows)
        if (t.counts[kRollupArrivals][r]) first = std::min(first, t.day[r]);
    first = std::max(first, last - std::max(1, max_days) + 1);
    b->daily.assign(static_cast<size_t>(last - first + 1), DayFlow{});
    int64_t backlog = 0;
    for (uint32_t r : rows) {
        const uint32_t in = t.counts[kRollupArrivals][r], out = t.counts[kRollupClosures][r];
        if (t.day[r] < first) backlog += int64_t(in) - out;
        if (t.day[r] < first || t.day[r] > last) continue;
        DayFlow& d = b->daily[t.day[r] - first];
        d.arrivals += in, d.closures += out;
    }
    for (size_t i = 0; i < b->daily.size(); ++i) {
        DayFlow& d = b->daily[i];
        d.day = first + static_cast<int32_t>(i);
        backlog += int64_t(d.arrivals) - d.closures;
        d.backlog = static_cast<uint32_t>(std::max<int64_t>(0, backlog));
        const int32_t monday = iso_week_start(d.day);
        if (b->weekly.empty() || b->weekly.back().start_day != monday) b->weekly.push_back({monday, 0, 0});
        b->weekly.back().arrivals += d.arrivals, b->weekly.back().closures += d.closures;
    }
}

void backlog(const Dataset& data, const std::vector<uint32_t>& rows, bool timed, Time as_of,
             const MetricsOptions& opt, Metrics* out) {
    const RollupTable& t = data.rollups;
    BacklogMetrics& b = out->backlog;
    for (uint32_t r : rows) {
        const int sev = static_cast<int>(t.severity[r]);
        b.total += t.counts[kRollupArrivals][r], b.by_severity[sev] += t.counts[kRollupArrivals][r];
        b.open += t.counts[kRollupOpen][r], b.open_by_severity[sev] += t.counts[kRollupOpen][r];
    }
    open_by_queue(data, rows, out->scratch.keys, &out->scratch.counts2, &b);
    if (!timed) flows(t, rows, as_of, opt.max_series_days, &b);
}

// Adds one day's counts to the period starting at `start` (days come in order, so it is the last one).
void add_to_period(std::vector<SatTrendPoint>* periods, int32_t start, const SatCounts& counts) {
    if (periods->empty() || periods->back().start_day != start) periods->push_back({start, {}});
    periods->back().counts.add(counts);
}

// Rows per key value, most responses first (ties by name).
void sat_breakdown(const Dataset& data, const std::vector<uint32_t>& rows, const std::vector<StrId>& column,
                   KeyIndex& keys, std::vector<SatCounts>* per_slot, std::vector<SatRow>* out) {
    const RollupTable& t = data.rollups;
    keys.reset();
    per_slot->clear();
    for (uint32_t r : rows) {
        const uint32_t slot = keys.slot(column[r]);
        if (per_slot->size() <= slot) per_slot->resize(slot + 1);
        (*per_slot)[slot].add(sat_of(t, r));
    }
    for (uint32_t slot = 0; slot < keys.keys.size(); ++slot)
        if ((*per_slot)[slot].responses) out->push_back({keys.keys[slot], (*per_slot)[slot]});
    keys.reset();
    const StringPool& pool = *data.strings;
    std::sort(out->begin(), out->end(), [&](const SatRow& x, const SatRow& y) {
        return x.counts.responses != y.counts.responses ? x.counts.responses > y.counts.responses
                                                        : pool.view(x.key) < pool.view(y.key);
    });
}

void satisfaction(const Dataset& data, const std::vector<uint32_t>& rows, const MetricsOptions& opt,
                  Metrics* out) {
    const RollupTable& t = data.rollups;
    SatisfactionMetrics& sat = out->satisfaction;
    int32_t first = INT32_MAX, last = INT32_MIN;
    for (uint32_t r : rows) {
        const SatCounts s = sat_of(t, r);
        sat.overall.add(s);
        sat.by_severity[static_cast<int>(t.severity[r])].add(s);
        if (s.responses) first = std::min(first, t.day[r]), last = std::max(last, t.day[r]);
    }
    sat_breakdown(data, rows, t.queue, out->scratch.keys, &out->scratch.sat_counts, &sat.by_queue);
    sat_breakdown(data, rows, t.offering, out->scratch.keys, &out->scratch.sat_counts, &sat.by_offering);
    if (first > last) return;
    first = std::max(first, last - std::max(1, opt.max_series_days) + 1);
    sat.daily.assign(static_cast<size_t>(last - first + 1), SatTrendPoint{});
    for (uint32_t r : rows)
        if (t.day[r] >= first) sat.daily[t.day[r] - first].counts.add(sat_of(t, r));
    for (size_t i = 0; i < sat.daily.size(); ++i) sat.daily[i].start_day = first + static_cast<int32_t>(i);
    sat.daily.erase(std::remove_if(sat.daily.begin(), sat.daily.end(),
                                   [](const SatTrendPoint& p) { return p.counts.responses == 0; }),
                    sat.daily.end());
    for (const SatTrendPoint& d : sat.daily) {
        add_to_period(&sat.weekly, iso_week_start(d.start_day), d.counts);
        add_to_period(&sat.monthly, month_start(d.start_day), d.counts);
    }
}

}  // namespace

void compute_rollup_metrics(const Dataset& data, const Filter& f, Time as_of, const MetricsOptions& opt,
                            Metrics* out) {
    const RollupTable& t = data.rollups;
    if (!uses_rollups(data) || !rollups_usable(t)) return;
    std::vector<uint32_t>& rows = out->scratch.counts;  // the selected rollup rows
    rows.clear();
    const bool timed = has_time(f.from) || has_time(f.to);
    auto allows = [](const auto& set, auto v) {
        return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
    };
    for (uint32_t r = 0; r < t.count; ++r)
        if ((!timed || f.time_contains(Time(t.day[r]) * kSecondsPerDay)) &&
            allows(f.severity, t.severity[r]) && allows(f.queue, t.queue[r]) &&
            allows(f.offering, t.offering[r]))
            rows.push_back(r);
    if (opt.backlog) backlog(data, rows, timed, as_of, opt, out);
    if (opt.satisfaction && !timed) satisfaction(data, rows, opt, out);
}

}  // namespace cb
