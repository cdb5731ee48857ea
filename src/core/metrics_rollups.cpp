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
                "Over a time range rollups give case counts only, of the whole UTC days starting in it: "
                "flows and "
                "satisfaction need raw cases.";
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

// Dense slots of a key column for the selected rows (slot[i] for rows[i]); keys: slot -> key.
void slots_of(const std::vector<StrId>& column, const std::vector<uint32_t>& rows, KeyIndex& index,
              std::vector<uint32_t>* slot, std::vector<StrId>* keys) {
    index.reset();
    slot->clear();
    for (uint32_t r : rows) slot->push_back(index.slot(column[r]));
    *keys = index.keys;
    index.reset();
}

// The slots with a count, most first and ties by name: the raw path's order of every breakdown list. The
// lists are short (queues, offerings): an insertion sort keeps the download small.
std::vector<uint32_t> most_first(const std::vector<uint64_t>& count, const std::vector<StrId>& key,
                                 const StringPool& pool) {
    auto before = [&](uint32_t a, uint32_t b) {
        return count[a] != count[b] ? count[a] > count[b] : pool.view(key[a]) < pool.view(key[b]);
    };
    std::vector<uint32_t> order;
    for (uint32_t i = 0; i < count.size(); ++i)
        if (count[i]) order.insert(std::upper_bound(order.begin(), order.end(), i, before), i);
    return order;
}

// Open cases per queue x severity.
void open_by_queue(const Dataset& data, const std::vector<uint32_t>& rows, KeyIndex& index,
                   BacklogMetrics* b) {
    const RollupTable& t = data.rollups;
    std::vector<uint32_t> slot;
    std::vector<StrId> keys;
    slots_of(t.queue, rows, index, &slot, &keys);
    std::vector<QueueSeverityCount> per_slot(keys.size());
    std::vector<uint64_t> total(keys.size(), 0);
    for (size_t i = 0; i < rows.size(); ++i) {
        const uint32_t open = t.counts[kRollupOpen][rows[i]];
        per_slot[slot[i]].by_severity[static_cast<int>(t.severity[rows[i]])] += open;
        total[slot[i]] += open;
    }
    for (uint32_t k : most_first(total, keys, *data.strings)) {
        per_slot[k].queue = keys[k], per_slot[k].total = static_cast<uint32_t>(total[k]);
        b->open_by_queue.push_back(per_slot[k]);
    }
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
    open_by_queue(data, rows, out->scratch.keys, &b);
    if (!timed) flows(t, rows, as_of, opt.max_series_days, &b);
}

// The survey counts of rows[i] summed into (*out)[slot[i]]: the one loop behind every breakdown and trend.
void sat_by_slot(const RollupTable& t, const std::vector<uint32_t>& rows, const std::vector<uint32_t>& slot,
                 size_t slots, std::vector<SatCounts>* out) {
    out->assign(slots, SatCounts{});
    for (size_t i = 0; i < rows.size(); ++i) (*out)[slot[i]].add(sat_of(t, rows[i]));
}

// Rows per key value, most responses first (ties by name).
void sat_breakdown(const Dataset& data, const std::vector<uint32_t>& rows, const std::vector<StrId>& column,
                   KeyIndex& index, std::vector<SatRow>* out) {
    std::vector<uint32_t> slot;
    std::vector<StrId> keys;
    slots_of(column, rows, index, &slot, &keys);
    std::vector<SatCounts> per_slot;
    sat_by_slot(data.rollups, rows, slot, keys.size(), &per_slot);
    std::vector<uint64_t> responses(keys.size());
    for (size_t k = 0; k < keys.size(); ++k) responses[k] = per_slot[k].responses;
    for (uint32_t k : most_first(responses, keys, *data.strings)) out->push_back({keys[k], per_slot[k]});
}

// Adds one day's counts to the period starting at `start` (days come in order, so it is the last one).
void add_to_period(std::vector<SatTrendPoint>* periods, int32_t start, const SatCounts& counts) {
    if (periods->empty() || periods->back().start_day != start) periods->push_back({start, {}});
    periods->back().counts.add(counts);
}

void satisfaction(const Dataset& data, const std::vector<uint32_t>& rows, const MetricsOptions& opt,
                  Metrics* out) {
    const RollupTable& t = data.rollups;
    SatisfactionMetrics& sat = out->satisfaction;
    std::vector<uint32_t> slot;
    std::vector<SatCounts> per_slot;
    for (uint32_t r : rows) slot.push_back(static_cast<uint32_t>(t.severity[r]));
    sat_by_slot(t, rows, slot, kSeverities, &per_slot);
    for (int v = 0; v < kSeverities; ++v) sat.by_severity[v] = per_slot[v], sat.overall.add(per_slot[v]);
    sat_breakdown(data, rows, t.queue, out->scratch.keys, &sat.by_queue);
    sat_breakdown(data, rows, t.offering, out->scratch.keys, &sat.by_offering);

    // Trends: the days from the last response's day back max_series_days; one slot past them for older rows.
    int32_t first = INT32_MAX, last = INT32_MIN;
    for (uint32_t r : rows)
        if (t.counts[kRollupResponses][r]) first = std::min(first, t.day[r]), last = std::max(last, t.day[r]);
    if (first > last) return;
    first = std::max(first, last - std::max(1, opt.max_series_days) + 1);
    const uint32_t days = static_cast<uint32_t>(last - first + 1);
    slot.clear();
    for (uint32_t r : rows)
        slot.push_back(t.day[r] < first || t.day[r] > last ? days : uint32_t(t.day[r] - first));
    sat_by_slot(t, rows, slot, days + 1, &per_slot);
    for (uint32_t d = 0; d < days; ++d) {
        if (per_slot[d].responses == 0) continue;
        sat.daily.push_back({first + static_cast<int32_t>(d), per_slot[d]});
        add_to_period(&sat.weekly, iso_week_start(first + static_cast<int32_t>(d)), per_slot[d]);
        add_to_period(&sat.monthly, month_start(first + static_cast<int32_t>(d)), per_slot[d]);
    }
}

}  // namespace

void compute_rollup_metrics(const Dataset& data, const Filter& f, Time as_of, const MetricsOptions& opt,
                            Metrics* out) {
    const RollupTable& t = data.rollups;
    if (!uses_rollups(data) || !rollups_usable(t)) return;
    std::vector<uint32_t>& rows = out->scratch.rollup_rows;
    rows.clear();
    const bool timed = has_time(f.from) || has_time(f.to);
    auto allows = [](const std::vector<StrId>& set, StrId v) {
        return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
    };
    uint32_t severities = 0;  // bit v: severity v selected
    for (Severity v : f.severity) severities |= 1u << static_cast<int>(v);
    for (uint32_t r = 0; r < t.count; ++r)
        if ((!timed || f.time_contains(Time(t.day[r]) * kSecondsPerDay)) &&
            (f.severity.empty() || (severities >> static_cast<int>(t.severity[r]) & 1u)) &&
            allows(f.queue, t.queue[r]) && allows(f.offering, t.offering[r]))
            rows.push_back(r);
    if (opt.backlog) backlog(data, rows, timed, as_of, opt, out);
    if (opt.satisfaction && !timed) satisfaction(data, rows, opt, out);
}

}  // namespace cb
