// metrics_backlog.cpp: queue and backlog figures of the selected cases.
#include <algorithm>

#include "metrics.h"

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

// Open cases per queue x severity (and x age bucket, whose sums are the backlog's age buckets) and per
// owner, most open first (ties by name, for stable output).
static void count_open_by_key(const Dataset& data, const MetricsIndex& index,
                              const std::vector<uint32_t>& open_rows, Time as_of,
                              std::vector<uint32_t>* counts, BacklogMetrics* b) {
    const CaseTable& c = data.cases;
    const StringPool& pool = *data.strings;
    constexpr int kCells = kSeverities + kAgeBuckets;  // counts[code * kCells + severity / kSeverities + age]
    counts->assign(index.queue.keys.size() * kCells, 0);
    for (uint32_t r : open_rows) {
        uint32_t* cells = counts->data() + index.queue.case_code[r] * kCells;
        cells[static_cast<int>(c.severity[r])]++;
        if (has_time(as_of)) cells[kSeverities + age_bucket(as_of - c.created_at[r])]++;
    }
    for (uint32_t code = 0; code < index.queue.keys.size(); ++code) {
        const uint32_t* cells = counts->data() + code * kCells;
        QueueSeverityCount q{index.queue.keys[code], 0, {}, {}};
        for (int v = 0; v < kSeverities; ++v) q.by_severity[v] = cells[v], q.total += cells[v];
        for (int a = 0; a < kAgeBuckets; ++a)
            q.by_age[a] = cells[kSeverities + a], b->age_buckets[a] += q.by_age[a];
        if (q.total) b->open_by_queue.push_back(q);
    }
    counts->assign(index.owner.keys.size(), 0);
    for (uint32_t r : open_rows) (*counts)[index.owner.case_code[r]]++;
    for (uint32_t code = 0; code < index.owner.keys.size(); ++code)
        if ((*counts)[code]) b->open_by_owner.push_back({index.owner.keys[code], (*counts)[code]});
    std::sort(b->open_by_queue.begin(), b->open_by_queue.end(), [&](const auto& x, const auto& y) {
        return x.total != y.total ? x.total > y.total : pool.view(x.queue) < pool.view(y.queue);
    });
    std::sort(b->open_by_owner.begin(), b->open_by_owner.end(), [&](const KeyCount& x, const KeyCount& y) {
        return x.count != y.count ? x.count > y.count : pool.view(x.key) < pool.view(y.key);
    });
}

// Arrivals, closures and end-of-day backlog per UTC day from the first selected creation day to as_of's
// day (at most max_series_days, the most recent), then per ISO week.
static void build_flows(const MetricsIndex& index, const std::vector<uint32_t>& rows, Time as_of,
                        const MetricsOptions& opt, BacklogMetrics* b) {
    if (rows.empty() || !has_time(as_of)) return;
    const int32_t last = day_of(as_of);
    int32_t first = last;
    for (uint32_t r : rows) first = std::min(first, index.created_day[r]);
    first = std::max(first, last - std::max(1, opt.max_series_days) + 1);
    b->daily.resize(static_cast<size_t>(last - first + 1));
    for (size_t i = 0; i < b->daily.size(); ++i) b->daily[i] = {first + static_cast<int32_t>(i), 0, 0, 0};
    uint32_t open_before_first = 0;
    for (uint32_t r : rows) {
        const int32_t created = index.created_day[r];
        if (created > last) continue;  // created after as_of
        const int32_t ended = index.end_day[r];
        if (ended < first) continue;  // came and went before the series
        if (created < first) {
            open_before_first++;
        } else {
            b->daily[created - first].arrivals++;
        }
        if (ended <= last) b->daily[ended - first].closures++;
    }
    int64_t backlog = open_before_first;
    for (DayFlow& d : b->daily) {
        backlog += static_cast<int64_t>(d.arrivals) - d.closures;
        d.backlog = static_cast<uint32_t>(std::max<int64_t>(0, backlog));
        int32_t week = iso_week_start(d.day);
        if (b->weekly.empty() || b->weekly.back().start_day != week) b->weekly.push_back({week, 0, 0});
        b->weekly.back().arrivals += d.arrivals;
        b->weekly.back().closures += d.closures;
    }
}

void compute_backlog(const Dataset& data, const MetricsIndex& index, Time as_of, const MetricsOptions& opt,
                     Metrics* out) {
    BacklogMetrics& b = out->backlog;
    {  // reset every figure but keep the vectors' capacity
        BacklogMetrics fresh;
        std::swap(fresh.open_by_queue, b.open_by_queue);
        std::swap(fresh.open_by_owner, b.open_by_owner);
        std::swap(fresh.oldest_open, b.oldest_open);
        std::swap(fresh.daily, b.daily);
        std::swap(fresh.weekly, b.weekly);
        b = std::move(fresh);
        b.open_by_queue.clear(), b.open_by_owner.clear(), b.oldest_open.clear(), b.daily.clear(),
            b.weekly.clear();
    }
    if (!opt.backlog) return;
    const CaseTable& c = data.cases;
    const std::vector<uint32_t>& rows = out->rows;
    const std::vector<uint32_t>& open_rows = out->open_rows;
    // Each case's traits are one code (MetricsIndex::case_traits): the loop counts codes, and the figures
    // come from the code counts. Neighbouring rows mostly share a code; four sets of counters, used in turn,
    // keep the increments from waiting on one another.
    std::vector<uint32_t>& code_counts = out->scratch.counts2;
    code_counts.assign(4 * kCaseTraitCodes, 0);
    uint64_t transfers_sum = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const uint32_t r = rows[i];
        const uint16_t traits = index.case_traits[r];
        code_counts[(i & 3) * kCaseTraitCodes + traits]++;
        transfers_sum += c.transfers[r];
    }
    for (uint32_t code = 0; code < kCaseTraitCodes; ++code) {
        const uint32_t n = code_counts[code] + code_counts[kCaseTraitCodes + code] +
                           code_counts[2 * kCaseTraitCodes + code] + code_counts[3 * kCaseTraitCodes + code];
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
    b.total = static_cast<uint32_t>(rows.size());
    b.open = static_cast<uint32_t>(open_rows.size());
    b.transfers_mean = rate(static_cast<double>(transfers_sum), b.total);
    b.transfers_2plus_rate = rate(b.transfers_2plus, b.total);
    b.swarmed_rate = rate(b.swarmed, b.total);
    b.reopened_rate = rate(b.reopened, b.total);
    b.fcr_rate = rate(b.fcr, b.fcr_eligible);

    count_open_by_key(data, index, open_rows, as_of, &out->scratch.counts2, &b);

    std::vector<uint32_t>& oldest = out->scratch.counts;
    oldest.assign(open_rows.begin(), open_rows.end());
    size_t n_oldest = std::min<size_t>(opt.oldest_open, oldest.size());
    std::partial_sort(oldest.begin(), oldest.begin() + n_oldest, oldest.end(), [&](uint32_t x, uint32_t y) {
        if (c.created_at[x] != c.created_at[y]) return c.created_at[x] < c.created_at[y];
        return x != y && data.strings->view(c.id[x]) < data.strings->view(c.id[y]);  // ties: case id
    });
    b.oldest_open.assign(oldest.begin(), oldest.begin() + n_oldest);

    build_flows(index, rows, as_of, opt, &b);

    b.first_response = durations_of_selection(index.first_response, rows, &out->scratch.rank_bits);
    b.resolution = durations_of_selection(index.resolution, rows, &out->scratch.rank_bits);
}

}  // namespace cb
