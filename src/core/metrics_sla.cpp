// metrics_sla.cpp: aggregates of the per-case SLA clocks (compute_sla) over the selected cases.
#include <algorithm>

#include "metrics.h"

namespace cb {

// Whether the event a clock waits for has happened: the first response was given, or the case was closed
// (for resolution and next update: a breached next update of an open case is still an open breach).
static bool event_happened(const CaseTable& c, SlaMetric m, uint32_t r) {
    return m == SlaMetric::FirstResponse ? has_time(c.first_response_at[r]) : !is_open(c.status[r]);
}

static bool clocks_usable(const SlaResults& sla, size_t rows) {
    for (const SlaClockColumns& k : sla.clocks)
        if (k.state.size() != rows || k.deadline.size() != rows) return false;
    return true;
}

// Per selected row, bits set by the clock pass and read by the per-case pass.
constexpr uint8_t kBreachedBits = (1u << kSlaMetrics) - 1;  // bit m: metric m is noncompliant
constexpr uint8_t kOpenBreachBit = 1u << kSlaMetrics;       // some clock is an open breach
constexpr uint8_t kSoonBit = 2u << kSlaMetrics;             // some running clock is due within 4 h

// The time windows of the fixed series, from as_of (see kSlaRecentDays, kSlaTrendWeeks). Clocks outside a
// window are passed over with two comparisons, without a division.
struct Windows {
    Time days_from = 0, days_to = 0;      // [first day's start, the day after as_of's day)
    Time weeks_from = 0, weeks_to = 0;    // [first week's Monday, the Monday after as_of's week)
    Time soon = 0, day = 0, nearing = 0;  // as_of + 4 h, + 24 h, + options.nearing_hours
};

// One metric's clocks over the selected rows: the summary, the nearing and open-breach lists, the heatmap
// and the windowed series.
static void add_clocks(const CaseTable& c, const MetricsIndex& index, const SlaClockColumns& k,
                       SlaMetric metric, const std::vector<uint32_t>& rows, Time as_of, const Windows& w,
                       SlaMetrics* s, std::vector<uint8_t>* flags) {
    const int m = static_cast<int>(metric);
    SlaMetricSummary& sum = s->metric[m];
    const bool timed = has_time(as_of);
    for (size_t i = 0; i < rows.size(); ++i) {
        const uint32_t r = rows[i];
        const SlaState st = k.state[r];
        const Time deadline = k.deadline[r];
        sum.by_state[static_cast<int>(st) % kSlaStates]++;
        if (st == SlaState::Noncompliant) {
            (*flags)[i] |= static_cast<uint8_t>(1u << m);
            if (event_happened(c, metric, r)) {
                sum.breached_done++;
            } else {
                sum.open_breaches++;
                (*flags)[i] |= kOpenBreachBit;
                if (timed) s->open_breaches.push_back({r, metric, deadline});
            }
            if (has_time(deadline)) s->breach_heatmap[weekday_of_day(day_of(deadline))][hour_of(deadline)]++;
            if (timed && deadline >= w.days_from && deadline < w.days_to)
                s->breaches_daily[(deadline - w.days_from) / kSecondsPerDay]++;
        } else if ((st == SlaState::InProgress || st == SlaState::NearingNoncompliance) && timed &&
                   has_time(deadline) && deadline >= as_of) {
            if (deadline < w.nearing) sum.nearing++, s->nearing.push_back({r, metric, deadline});
            if (deadline < w.soon) s->soon++, (*flags)[i] |= kSoonBit;
            if (deadline < w.day) s->due_hourly[(deadline - as_of) / 3600]++;
        }
        // Weekly attainment: the week the outcome became final.
        if (!timed || metric == SlaMetric::NextUpdate) continue;
        if (st != SlaState::Succeeded && st != SlaState::Noncompliant) continue;
        if (!event_happened(c, metric, r)) continue;
        const Time event = metric == SlaMetric::FirstResponse ? c.first_response_at[r] : index.end_time[r];
        if (event < w.weeks_from || event >= w.weeks_to) continue;
        const Time week = (event - w.weeks_from) / (7 * kSecondsPerDay);
        (st == SlaState::Succeeded ? s->week_met : s->week_missed)[m][week]++;
    }
    const uint32_t met = sum.by_state[static_cast<int>(SlaState::Succeeded)];
    sum.attainment = rate(met, met + sum.breached_done);
    sum.attainment_all = rate(met, met + sum.breached_done + sum.open_breaches);
}

// Sorts `list` by `earlier` and keeps the first `keep`. Ties must not fall differently in libstdc++ and
// libc++, nor depend on where rows are stored (FeedSet::assemble clusters them): `earlier` is a total order.
template <typename T, typename Earlier>
static void keep_first(std::vector<T>* list, size_t keep, Earlier earlier) {
    keep = std::min(keep, list->size());
    std::partial_sort(list->begin(), list->begin() + static_cast<long>(keep), list->end(), earlier);
    list->resize(keep);
}

// Breakdowns by queue, owner and offering, most breached cases first (ties by name).
static void finish_breakdown(const KeyCodes& codes, const SlaBreakdownRow* per_code,
                             std::vector<uint32_t>* order, std::vector<SlaBreakdownRow>* out) {
    order->clear();
    for (uint32_t code = 0; code < codes.keys.size(); ++code)
        if (per_code[code].cases) order->push_back(code);
    sort_by_count_then_name(codes, order, [&](uint32_t code) { return per_code[code].breached_cases; });
    for (uint32_t code : *order) {
        out->push_back(per_code[code]);
        out->back().key = codes.keys[code];
    }
}

static void add_case(SlaBreakdownRow* row, uint8_t bits) {
    row->cases++;
    row->breached_cases += (bits & kBreachedBits) != 0;
    for (int m = 0; m < kSlaMetrics; ++m) row->breaches[m] += bits >> m & 1;
}

void compute_sla_metrics(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, Time as_of,
                         const MetricsOptions& opt, Metrics* out) {
    SlaMetrics& s = out->sla;
    {  // reset every figure but keep the vectors' capacity
        SlaMetrics fresh;
        std::swap(fresh.nearing, s.nearing);
        std::swap(fresh.by_queue, s.by_queue);
        std::swap(fresh.by_owner, s.by_owner);
        std::swap(fresh.by_offering, s.by_offering);
        std::swap(fresh.open_breaches, s.open_breaches);
        s = std::move(fresh);
        s.nearing.clear(), s.by_queue.clear(), s.by_owner.clear(), s.by_offering.clear();
        s.open_breaches.clear();
    }
    if (!opt.sla) return;
    const CaseTable& c = data.cases;
    const std::vector<uint32_t>& rows = out->rows;
    if (!clocks_usable(sla, c.count) || index.end_time.size() != c.count) return;  // no clocks (yet)
    Windows w;
    if (has_time(as_of)) {
        const int32_t today = day_of(as_of), this_week = iso_week_start(today);
        for (int k = 0; k < kSlaTrendWeeks; ++k) s.week_start[k] = this_week - 7 * (kSlaTrendWeeks - 1 - k);
        w.days_from = Time(today - kSlaRecentDays + 1) * kSecondsPerDay,
        w.days_to = Time(today + 1) * kSecondsPerDay;
        w.weeks_from = Time(s.week_start[0]) * kSecondsPerDay,
        w.weeks_to = Time(this_week + 7) * kSecondsPerDay;
        w.soon = as_of + kSlaSoonHours * 3600, w.day = as_of + 24 * 3600;
        w.nearing = as_of + static_cast<Time>(opt.nearing_hours) * 3600;
    }
    std::vector<uint8_t>& flags = out->scratch.breached;
    flags.assign(rows.size(), 0);
    for (int m = 0; m < kSlaMetrics; ++m)
        add_clocks(c, index, sla.clocks[m], static_cast<SlaMetric>(m), rows, as_of, w, &s, &flags);

    const StringPool& ids = *data.strings;
    keep_first(&s.nearing, opt.list_limit, [&](const NearingClock& x, const NearingClock& y) {
        if (x.deadline != y.deadline) return x.deadline < y.deadline;
        if (x.row != y.row) return ids.view(c.id[x.row]) < ids.view(c.id[y.row]);
        return x.metric < y.metric;
    });
    keep_first(&s.open_breaches, kSlaOpenBreachList, [&](const OpenBreach& x, const OpenBreach& y) {
        const Time tx = has_time(x.breached_at) ? x.breached_at : INT64_MAX;  // unknown deadlines last
        const Time ty = has_time(y.breached_at) ? y.breached_at : INT64_MAX;
        if (tx != ty) return tx < ty;
        if (x.row != y.row) return ids.view(c.id[x.row]) < ids.view(c.id[y.row]);
        return x.metric < y.metric;
    });

    // Per case: the severity rows, the breakdowns and the case counts, in one pass.
    const size_t queues = index.queue.keys.size(), owners = index.owner.keys.size();
    std::vector<SlaBreakdownRow>& per_code = out->scratch.sla_rows;
    per_code.assign(queues + owners + index.offering.keys.size(), SlaBreakdownRow{});
    SlaBreakdownRow* by_queue = per_code.data();
    SlaBreakdownRow* by_owner = by_queue + queues;
    SlaBreakdownRow* by_offering = by_owner + owners;
    for (size_t i = 0; i < rows.size(); ++i) {
        const uint32_t r = rows[i];
        const uint8_t bits = flags[i];
        add_case(&s.by_severity[static_cast<int>(c.severity[r])], bits);
        add_case(&by_queue[index.queue.case_code[r]], bits);
        add_case(&by_owner[index.owner.case_code[r]], bits);
        add_case(&by_offering[index.offering.case_code[r]], bits);
        s.breached_cases += (bits & kBreachedBits) != 0;
        s.open_breach_cases += (bits & kOpenBreachBit) && is_open(c.status[r]);
        s.soon_cases += (bits & kSoonBit) != 0;
    }
    for (int v = 0; v < kSeverities; ++v) s.by_severity[v].key = static_cast<StrId>(v);
    finish_breakdown(index.queue, by_queue, &out->scratch.codes, &s.by_queue);
    finish_breakdown(index.owner, by_owner, &out->scratch.codes, &s.by_owner);
    finish_breakdown(index.offering, by_offering, &out->scratch.codes, &s.by_offering);
}

}  // namespace cb
