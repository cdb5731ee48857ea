// metrics_backlog.cpp: queue and backlog figures of the selected cases.
#include <algorithm>

#include "metrics_counts.h"

namespace cb {

const char* const kAgeBucketNames[kAgeBuckets] = {"<1 d", "1-3 d", "3-7 d", "7-30 d", ">=30 d"};

Time case_end_time(const CaseTable& c, uint32_t r) {
    if (is_open(c.status[r])) return kNoTime;
    Time end = has_time(c.resolved_at[r]) ? c.resolved_at[r] : c.closed_at[r];
    if (!has_time(end)) {
        uint32_t b = c.history_begin[r], e = c.history_begin[r + 1];
        if (b < e && e <= c.history.size()) end = c.history[e - 1].at;
    }
    return !has_time(end) || end < c.created_at[r] ? c.created_at[r] : end;
}

static int age_bucket(Time age) {
    const Time d = kSecondsPerDay;
    return age < d ? 0 : age < 3 * d ? 1 : age < 7 * d ? 2 : age < 30 * d ? 3 : 4;
}

constexpr int kQueueCells = kSeverities + kAgeBuckets;  // open_by_queue per queue: severities, then ages

// The oldest-open order: created_at, ties by case id.
static auto older(const Dataset& data) {
    return [&data](uint32_t x, uint32_t y) {
        const CaseTable& c = data.cases;
        if (c.created_at[x] != c.created_at[y]) return c.created_at[x] < c.created_at[y];
        return x != y && data.strings->view(c.id[x]) < data.strings->view(c.id[y]);
    };
}

// Sorts `rows` oldest first and keeps the first `keep`.
CB_FOR_SIZE static void keep_oldest(const Dataset& data, size_t keep, std::vector<uint32_t>* rows) {
    keep = std::min(keep, rows->size());
    std::partial_sort(rows->begin(), rows->begin() + static_cast<long>(keep), rows->end(), older(data));
    rows->resize(keep);
}

CB_FOR_SIZE void order_open_oldest_first(const Dataset& data, MetricsIndex* out) {
    const CaseTable& c = data.cases;
    out->open_oldest_first.clear();
    for (uint32_t r = 0; r < c.count; ++r)
        if (is_open(c.status[r])) out->open_oldest_first.push_back(r);
    keep_oldest(data, out->open_oldest_first.size(), &out->open_oldest_first);  // (one sort in the download)
}

CB_FOR_SIZE void list_oldest_open(const Dataset& data, const MetricsIndex& index, const Selection& sel,
                                  const MetricsOptions& opt, BacklogCounts* out) {
    std::vector<uint32_t>& oldest = out->oldest_open;
    oldest.clear();
    if (!opt.backlog) return;
    const std::vector<uint32_t>& open = sel.open_rows;
    const size_t keep = std::min<size_t>(opt.oldest_open, open.size());
    // A selection holding an eighth or more of the open cases finds its oldest among the first of the
    // order, most often in 8 * keep steps: it gives up after 64 * keep (a filter keeping recent cases).
    const std::vector<uint32_t>& order = index.open_oldest_first;
    if (open.size() * 8 >= order.size()) {
        const size_t steps = std::min(order.size(), 64 * keep);
        for (size_t k = 0; k < steps && oldest.size() < keep; ++k)
            if (std::binary_search(open.begin(), open.end(), order[k])) oldest.push_back(order[k]);
        if (oldest.size() == keep) return;
        oldest.clear();
    }
    oldest.assign(open.begin(), open.end());
    keep_oldest(data, keep, &oldest);
}

void count_backlog(const Dataset& data, const MetricsIndex& index, const Selection& sel, Time as_of,
                   const MetricsOptions& opt, BacklogCounts* out) {
    reset_keeping_capacity(out, &BacklogCounts::traits, &BacklogCounts::open_by_queue,
                           &BacklogCounts::open_by_owner, &BacklogCounts::oldest_open,
                           &BacklogCounts::arrivals, &BacklogCounts::closures,
                           &BacklogCounts::first_response_ranks, &BacklogCounts::resolution_ranks);
    if (!opt.backlog) return;
    const CaseTable& c = data.cases;
    // Arrivals and closures per day of the series' longest span (max_series_days, but no earlier than the
    // first case); the series starts later when the selection does (finish_backlog).
    const bool timed = has_time(as_of);
    const int32_t last = timed ? day_of(as_of) : 0;
    size_t days = 0;
    if (timed) {
        out->flow_first =
            std::max(last - std::max(1, opt.max_series_days) + 1, std::min(index.first_created_day, last));
        days = static_cast<size_t>(last - out->flow_first + 1);
        // While counting, a slot before the days (rows created, or ended, before flow_first) and one after
        // them (after as_of's day, or never): each row lands in a slot without a branch.
        out->arrivals.assign(days + 2, 0);
        out->closures.assign(days + 2, 0);
    }
    // Each case's traits are one code (MetricsIndex::case_traits): the loop counts codes, and the figures
    // come from the code counts. Neighbouring rows mostly share a code; four sets of counters, used in turn,
    // keep the increments from waiting on one another. The same pass marks the case's rank bits (bit k of
    // the words: the case of rank k in the SortedDurations is selected) and counts its flows. (The columns'
    // data pointers are taken once, so that the loop loads nothing but the rows' entries.)
    std::vector<uint32_t>& traits = out->traits;
    traits.assign(4 * kCaseTraitCodes, 0);
    const SortedDurations* durations[] = {&index.first_response, &index.resolution};
    std::vector<uint32_t>* ranks[] = {&out->first_response_ranks, &out->resolution_ranks};
    for (int d = 0; d < 2; ++d) ranks[d]->assign((durations[d]->sorted.size() + 31) / 32, 0);
    uint32_t *first_response = ranks[0]->data(), *resolution = ranks[1]->data();
    uint32_t *arrivals = out->arrivals.data(), *closures = out->closures.data();
    const uint16_t *case_traits = index.case_traits.data(), *transfers = c.transfers.data();
    const uint32_t *first_response_rank = index.first_response.rank.data(),
                   *resolution_rank = index.resolution.rank.data();
    const int32_t *created_day = index.created_day.data(), *end_day = index.end_day.data();
    const int64_t first = out->flow_first, span = static_cast<int64_t>(days);
    auto slot = [&](int32_t day) {  // 0: before flow_first, days + 1: after as_of's day
        const int64_t d = day - first;
        return d < 0 ? 0 : d >= span ? span + 1 : d + 1;
    };
    uint64_t transferred = 0;
    for (size_t i = 0; i < sel.rows.size(); ++i) {
        const uint32_t r = sel.rows[i];
        traits[(i & 3) * kCaseTraitCodes + case_traits[r]]++;
        transferred += transfers[r];
        if (const uint32_t k = first_response_rank[r]; k != UINT32_MAX)
            first_response[k >> 5] |= 1u << (k & 31);
        if (const uint32_t k = resolution_rank[r]; k != UINT32_MAX) resolution[k >> 5] |= 1u << (k & 31);
        // A case ends no earlier than it was created: one created after as_of's day ends after it too.
        if (timed) arrivals[slot(created_day[r])]++, closures[slot(end_day[r])]++;
    }
    out->transfers = transferred;
    if (timed) {
        // The cases that ended before flow_first were created before it: the others were open at its start.
        out->created_before = arrivals[0], out->open_before = arrivals[0] - closures[0];
        for (std::vector<uint32_t>* flow : {&out->arrivals, &out->closures})
            flow->pop_back(), flow->erase(flow->begin());
    }
    for (uint32_t code = 0; code < kCaseTraitCodes; ++code)
        traits[code] += traits[kCaseTraitCodes + code] + traits[2 * kCaseTraitCodes + code] +
                        traits[3 * kCaseTraitCodes + code];
    traits.resize(kCaseTraitCodes);

    out->open_by_queue.assign(index.queue.keys.size() * kQueueCells, 0);
    out->open_by_owner.assign(index.owner.keys.size(), 0);
    for (uint32_t r : sel.open_rows) {
        uint32_t* cells = out->open_by_queue.data() + index.queue.case_code[r] * kQueueCells;
        cells[static_cast<int>(c.severity[r])]++;
        if (timed) cells[kSeverities + age_bucket(as_of - c.created_at[r])]++;
        out->open_by_owner[index.owner.case_code[r]]++;
    }
    if (sel.lists) list_oldest_open(data, index, sel, opt, out);
}

// Open cases per queue x severity (and x age bucket, whose sums are the backlog's age buckets) and per
// owner, most open first (ties by name, for stable output).
CB_FOR_SIZE static void list_open_by_key(const MetricsIndex& index, const BacklogCounts& counts,
                                         BacklogMetrics* b) {
    auto queue_total = [&](uint32_t code) {
        uint32_t total = 0;
        for (int v = 0; v < kSeverities; ++v) total += counts.open_by_queue[code * kQueueCells + v];
        return total;
    };
    std::vector<uint32_t> order;
    for (uint32_t code = 0; code < index.queue.keys.size(); ++code)
        if (queue_total(code)) order.push_back(code);
    sort_by_count_then_name(index.queue, &order, queue_total);
    for (uint32_t code : order) {
        const uint32_t* cells = counts.open_by_queue.data() + code * kQueueCells;
        QueueSeverityCount q{index.queue.keys[code], 0, {}, {}};
        for (int v = 0; v < kSeverities; ++v) q.by_severity[v] = cells[v], q.total += cells[v];
        for (int a = 0; a < kAgeBuckets; ++a)
            q.by_age[a] = cells[kSeverities + a], b->age_buckets[a] += q.by_age[a];
        b->open_by_queue.push_back(q);
    }
    order.clear();
    for (uint32_t code = 0; code < index.owner.keys.size(); ++code)
        if (counts.open_by_owner[code]) order.push_back(code);
    sort_by_count_then_name(index.owner, &order, [&](uint32_t code) { return counts.open_by_owner[code]; });
    for (uint32_t code : order)
        b->open_by_owner.push_back({index.owner.keys[code], counts.open_by_owner[code]});
}

// Arrivals, closures and end-of-day backlog per UTC day from the first selected creation day to as_of's
// day (at most max_series_days, the most recent), then per ISO week.
static void list_flows(const BacklogCounts& counts, BacklogMetrics* b) {
    if (b->total == 0 || counts.arrivals.empty()) return;
    size_t from = 0;  // the first selected creation day, or as_of's day when every case is newer
    if (counts.created_before == 0) {
        while (from + 1 < counts.arrivals.size() && counts.arrivals[from] == 0) ++from;
    }
    b->daily.resize(counts.arrivals.size() - from);
    int64_t backlog = counts.open_before;  // 0 unless the series starts at flow_first
    for (size_t i = 0; i < b->daily.size(); ++i) {
        DayFlow& d = b->daily[i];
        d = {counts.flow_first + static_cast<int32_t>(from + i), counts.arrivals[from + i],
             counts.closures[from + i], 0};
        backlog += static_cast<int64_t>(d.arrivals) - d.closures;
        d.backlog = static_cast<uint32_t>(std::max<int64_t>(0, backlog));
        int32_t week = iso_week_start(d.day);
        if (b->weekly.empty() || b->weekly.back().start_day != week) b->weekly.push_back({week, 0, 0});
        b->weekly.back().arrivals += d.arrivals;
        b->weekly.back().closures += d.closures;
    }
}

// n, median and p90 of the selected durations: the k-th smallest selected value is at the k-th set bit.
static Durations durations_of_ranks(const SortedDurations& d, const std::vector<uint32_t>& words) {
    size_t n = 0;
    for (uint32_t w : words) n += static_cast<size_t>(__builtin_popcount(w));
    size_t word = 0, before = 0;  // the scan only moves forward: order statistics are asked in order
    auto at = [&](size_t k) {
        if (n == d.sorted.size()) return static_cast<double>(d.sorted[k]);  // everything selected
        while (before + static_cast<size_t>(__builtin_popcount(words[word])) <= k)
            before += static_cast<size_t>(__builtin_popcount(words[word++]));
        uint32_t w = words[word];
        for (size_t skip = k - before; skip > 0; --skip) w &= w - 1;
        return static_cast<double>(d.sorted[word * 32 + static_cast<size_t>(__builtin_ctz(w))]);
    };
    Durations out;
    out.n = static_cast<uint32_t>(n);
    out.median_hours = quantile_of_order_stats(n, 0.5, at);
    out.p90_hours = quantile_of_order_stats(n, 0.9, at);
    return out;
}

CB_FOR_SIZE void finish_backlog(const Dataset& data, const MetricsIndex& index, const BacklogCounts& counts,
                                uint32_t rows, uint32_t open_rows, const MetricsOptions& opt,
                                BacklogMetrics* out) {
    BacklogMetrics& b = *out;
    reset_keeping_capacity(&b, &BacklogMetrics::open_by_queue, &BacklogMetrics::open_by_owner,
                           &BacklogMetrics::oldest_open, &BacklogMetrics::daily, &BacklogMetrics::weekly);
    if (!opt.backlog || counts.traits.size() != kCaseTraitCodes) return;
    for (uint32_t code = 0; code < kCaseTraitCodes; ++code) {
        const uint32_t n = counts.traits[code];
        if (n == 0) continue;
        const CaseStatus status = static_cast<CaseStatus>(code & kTraitStatus);
        const int sev = static_cast<int>(code >> kTraitSeverityShift & 3);
        b.by_status[static_cast<int>(status)] += n;
        b.by_severity[sev] += n;
        b.transfers_2plus += code & kTraitTransfers2 ? n : 0;
        b.swarmed += code & kTraitSwarmed ? n : 0;
        b.reopened += code & kTraitReopened ? n : 0;
        if (is_open(status)) {
            b.open_by_severity[sev] += n;
            b.system_down_open += code & kTraitSystemDown ? n : 0;
        } else if (status != CaseStatus::Cancelled) {
            b.fcr_eligible += n;
            b.fcr += code & kTraitFirstContact ? n : 0;
        }
    }
    b.total = rows;
    b.open = open_rows;
    b.transfers_mean = rate(static_cast<double>(counts.transfers), b.total);
    b.transfers_2plus_rate = rate(b.transfers_2plus, b.total);
    b.swarmed_rate = rate(b.swarmed, b.total);
    b.reopened_rate = rate(b.reopened, b.total);
    b.fcr_rate = rate(b.fcr, b.fcr_eligible);

    list_open_by_key(index, counts, &b);
    b.oldest_open = counts.oldest_open;
    keep_oldest(data, opt.oldest_open, &b.oldest_open);
    list_flows(counts, &b);
    b.first_response = durations_of_ranks(index.first_response, counts.first_response_ranks);
    b.resolution = durations_of_ranks(index.resolution, counts.resolution_ranks);
}

}  // namespace cb
