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

// The time windows of the fixed series, from as_of (see kSlaRecentDays, kSlaTrendWeeks).
struct Windows {
    Time days_from = 0, days_to = 0;    // [first day's start, the day after as_of's day)
    Time weeks_from = 0, weeks_to = 0;  // [first week's Monday, the Monday after as_of's week)
    Time soon = 0, day = 0;             // as_of + 4 h, + 24 h
};

// One clock's fact: four bins, each with a last "none" bin, and the clock's kind. A filter change then counts
// kinds, and bins for the clocks that have one (kBinned), with no branch on the state and no division; it
// looks at the clock itself only when it may be listed.
constexpr uint32_t kHeatBins = 7 * 24 + 1, kDayBins = kSlaRecentDays + 1, kHourBins = 24 + 1,
                   kWeekBins = 2 * kSlaTrendWeeks + 1;  // week bins: met weeks, then missed weeks
constexpr int kDayShift = 8, kHourShift = 13, kWeekShift = 18, kKindShift = 24;  // heat: bits 0-7
constexpr uint32_t kKinds = 64;                                           // kind: state (3 bits), then these
constexpr uint32_t kKindHappened = 8, kKindRunning = 16, kKindSoon = 32;  // running: due at or after as_of
constexpr uint32_t kListed = 1u << 30;  // an open breach (with as_of) or a running clock: maybe listed
constexpr uint32_t kBinned = 1u << 31;  // some bin is not "none"

static uint32_t clock_fact(SlaMetric metric, SlaState st, Time deadline, bool happened, Time event,
                           Time as_of, const Windows& w) {
    uint32_t heat = kHeatBins - 1, day = kDayBins - 1, hour = kHourBins - 1, week = kWeekBins - 1;
    uint32_t kind =
        std::min<uint32_t>(static_cast<uint32_t>(st), kSlaStates - 1) | (happened ? kKindHappened : 0);
    bool listed = false;
    const bool timed = has_time(as_of);
    if (st == SlaState::Noncompliant) {
        if (has_time(deadline))
            heat = static_cast<uint32_t>(weekday_of_day(day_of(deadline)) * 24 + hour_of(deadline));
        if (timed && deadline >= w.days_from && deadline < w.days_to)
            day = static_cast<uint32_t>((deadline - w.days_from) / kSecondsPerDay);
        listed = timed && !happened;
    } else if ((st == SlaState::InProgress || st == SlaState::NearingNoncompliance) && timed &&
               has_time(deadline) && deadline >= as_of) {
        kind |= kKindRunning | (deadline < w.soon ? kKindSoon : 0);
        if (deadline < w.day) hour = static_cast<uint32_t>((deadline - as_of) / 3600);
        listed = true;
    }
    // Weekly attainment: the week the outcome became final.
    if (timed && metric != SlaMetric::NextUpdate && happened &&
        (st == SlaState::Succeeded || st == SlaState::Noncompliant) && event >= w.weeks_from &&
        event < w.weeks_to)
        week = static_cast<uint32_t>((event - w.weeks_from) / (7 * kSecondsPerDay)) +
               (st == SlaState::Noncompliant ? kSlaTrendWeeks : 0);
    const bool binned =
        heat + 1 < kHeatBins || day + 1 < kDayBins || hour + 1 < kHourBins || week + 1 < kWeekBins;
    return heat | day << kDayShift | hour << kHourShift | week << kWeekShift | kind << kKindShift |
           (listed ? kListed : 0) | (binned ? kBinned : 0);
}

// The facts of every case's clocks, unless the scratch holds them for these clocks and this time already.
static const MetricsScratch::SlaFacts& sla_facts(const CaseTable& c, const MetricsIndex& index,
                                                 const SlaResults& sla, Time as_of, const Windows& w,
                                                 MetricsScratch* scratch) {
    MetricsScratch::SlaFacts& f = scratch->sla_facts;
    if (f.sla == &sla && f.sla_as_of == sla.as_of && f.as_of == as_of && f.build == index.build &&
        f.clock[0].size() == c.count)
        return f;
    f.sla = &sla, f.sla_as_of = sla.as_of, f.as_of = as_of, f.build = index.build;
    for (int m = 0; m < kSlaMetrics; ++m) {
        const SlaMetric metric = static_cast<SlaMetric>(m);
        const SlaClockColumns& k = sla.clocks[m];
        std::vector<uint32_t>& out = f.clock[m];
        out.resize(c.count);
        for (uint32_t r = 0; r < c.count; ++r) {
            const bool happened = event_happened(c, metric, r);
            const Time event =
                metric == SlaMetric::FirstResponse ? c.first_response_at[r] : index.end_time[r];
            out[r] = clock_fact(metric, k.state[r], k.deadline[r], happened, event, as_of, w);
        }
    }
    return f;
}

// Every clock of the selected rows: the summaries, the nearing and open-breach lists, the heatmap, the
// windowed series and each row's case flags. Neighbouring rows mostly share their bins: four sets of
// counters, used in turn, keep the increments from waiting on one another.
static void add_clocks(const SlaResults& sla, const MetricsScratch::SlaFacts& facts,
                       const std::vector<uint32_t>& rows, Time nearing_until, SlaMetrics* s,
                       std::vector<uint8_t>* flags) {
    struct Counts {
        uint32_t kind[kKinds], heat[kHeatBins], day[kDayBins], hour[kHourBins], week[kWeekBins];
    };
    std::vector<Counts> counts(4 * kSlaMetrics, Counts{});  // [set * kSlaMetrics + metric]
    uint8_t flag_of_kind[kSlaMetrics][kKinds];
    for (int m = 0; m < kSlaMetrics; ++m)
        for (uint32_t kind = 0; kind < kKinds; ++kind) {
            const bool breached = (kind & 7) == static_cast<uint32_t>(SlaState::Noncompliant);
            flag_of_kind[m][kind] = static_cast<uint8_t>(
                (breached ? 1u << m : 0) | (breached && !(kind & kKindHappened) ? kOpenBreachBit : 0) |
                (kind & kKindSoon ? kSoonBit : 0));
        }
    for (size_t i = 0; i < rows.size(); ++i) {
        const uint32_t r = rows[i];
        Counts* n = &counts[(i & 3) * kSlaMetrics];
        uint8_t bits = 0;
        for (int m = 0; m < kSlaMetrics; ++m) {
            const uint32_t fact = facts.clock[m][r], kind = fact >> kKindShift & (kKinds - 1);
            n[m].kind[kind]++;
            bits |= flag_of_kind[m][kind];
            if (fact & kBinned) {
                n[m].heat[fact & 255]++, n[m].day[fact >> kDayShift & 31]++;
                n[m].hour[fact >> kHourShift & 31]++, n[m].week[fact >> kWeekShift & 63]++;
            }
            if (!(fact & kListed)) continue;
            const SlaMetric metric = static_cast<SlaMetric>(m);
            const Time deadline = sla.clocks[m].deadline[r];
            if (kind & kKindRunning) {
                if (deadline < nearing_until)
                    s->metric[m].nearing++, s->nearing.push_back({r, metric, deadline});
            } else {
                s->open_breaches.push_back({r, metric, deadline});
            }
        }
        (*flags)[i] = bits;
    }
    for (int m = 0; m < kSlaMetrics; ++m) {
        SlaMetricSummary& sum = s->metric[m];
        for (int set = 0; set < 4; ++set) {
            const Counts& n = counts[set * kSlaMetrics + m];
            for (uint32_t kind = 0; kind < kKinds; ++kind) {
                sum.by_state[kind & 7] += n.kind[kind];
                if ((kind & 7) == static_cast<uint32_t>(SlaState::Noncompliant))
                    (kind & kKindHappened ? sum.breached_done : sum.open_breaches) += n.kind[kind];
                s->soon += kind & kKindSoon ? n.kind[kind] : 0;
            }
            for (uint32_t b = 0; b + 1 < kHeatBins; ++b) s->breach_heatmap[b / 24][b % 24] += n.heat[b];
            for (uint32_t b = 0; b + 1 < kDayBins; ++b) s->breaches_daily[b] += n.day[b];
            for (uint32_t b = 0; b + 1 < kHourBins; ++b) s->due_hourly[b] += n.hour[b];
            for (int b = 0; b < kSlaTrendWeeks; ++b)
                s->week_met[m][b] += n.week[b], s->week_missed[m][b] += n.week[kSlaTrendWeeks + b];
        }
        const uint32_t met = sum.by_state[static_cast<int>(SlaState::Succeeded)];
        sum.attainment = rate(met, met + sum.breached_done);
        sum.attainment_all = rate(met, met + sum.breached_done + sum.open_breaches);
    }
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
    Time nearing_until = kNoTime;
    if (has_time(as_of)) {
        const int32_t today = day_of(as_of), this_week = iso_week_start(today);
        for (int k = 0; k < kSlaTrendWeeks; ++k) s.week_start[k] = this_week - 7 * (kSlaTrendWeeks - 1 - k);
        w.days_from = Time(today - kSlaRecentDays + 1) * kSecondsPerDay,
        w.days_to = Time(today + 1) * kSecondsPerDay;
        w.weeks_from = Time(s.week_start[0]) * kSecondsPerDay,
        w.weeks_to = Time(this_week + 7) * kSecondsPerDay;
        w.soon = as_of + kSlaSoonHours * 3600, w.day = as_of + 24 * 3600;
        nearing_until = as_of + static_cast<Time>(opt.nearing_hours) * 3600;
    }
    const MetricsScratch::SlaFacts& facts = sla_facts(c, index, sla, as_of, w, &out->scratch);
    std::vector<uint8_t>& flags = out->scratch.breached;
    flags.resize(rows.size());
    add_clocks(sla, facts, rows, nearing_until, &s, &flags);

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

    // Per case: the severity rows, the breakdowns and the case counts, in one pass that counts each case
    // once per breakdown by (key, breach bits) and once by its flags; the rows come from those counts.
    const size_t queues = index.queue.keys.size(), owners = index.owner.keys.size();
    const size_t q0 = kSeverities, o0 = q0 + queues, f0 = o0 + owners;  // key blocks
    const size_t keys = f0 + index.offering.keys.size();
    std::vector<uint32_t>& counts = out->scratch.counts2;  // [(set * keys + key) * 8 + breach bits]
    counts.assign(4 * keys * 8, 0);
    uint32_t case_kinds[4][64] = {};  // [set][flags | 32 when open]
    for (size_t i = 0; i < rows.size(); ++i) {
        const uint32_t r = rows[i], bits = flags[i], breached = bits & kBreachedBits;
        const uint16_t traits = index.case_traits[r];
        uint32_t* n = counts.data() + (i & 3) * keys * 8;
        n[(traits >> kTraitSeverityShift & 3) * 8 + breached]++;
        n[(q0 + index.queue.case_code[r]) * 8 + breached]++;
        n[(o0 + index.owner.case_code[r]) * 8 + breached]++;
        n[(f0 + index.offering.case_code[r]) * 8 + breached]++;
        case_kinds[i & 3][bits | (is_open(static_cast<CaseStatus>(traits & kTraitStatus)) ? 32 : 0)]++;
    }
    std::vector<SlaBreakdownRow>& per_code = out->scratch.sla_rows;
    per_code.assign(keys, SlaBreakdownRow{});
    for (size_t set = 0; set < 4; ++set)
        for (size_t key = 0; key < keys; ++key)
            for (uint32_t breached = 0; breached < 8; ++breached) {
                const uint32_t n = counts[(set * keys + key) * 8 + breached];
                SlaBreakdownRow& row = per_code[key];
                row.cases += n;
                row.breached_cases += breached ? n : 0;
                for (int m = 0; m < kSlaMetrics; ++m) row.breaches[m] += breached >> m & 1 ? n : 0;
            }
    for (const auto& set : case_kinds)
        for (uint32_t kind = 0; kind < 64; ++kind) {
            s.breached_cases += kind & kBreachedBits ? set[kind] : 0;
            s.open_breach_cases += (kind & kOpenBreachBit) && (kind & 32) ? set[kind] : 0;
            s.soon_cases += kind & kSoonBit ? set[kind] : 0;
        }
    for (int v = 0; v < kSeverities; ++v) s.by_severity[v] = per_code[v];
    const SlaBreakdownRow* by_queue = per_code.data() + q0;
    const SlaBreakdownRow* by_owner = per_code.data() + o0;
    const SlaBreakdownRow* by_offering = per_code.data() + f0;
    for (int v = 0; v < kSeverities; ++v) s.by_severity[v].key = static_cast<StrId>(v);
    finish_breakdown(index.queue, by_queue, &out->scratch.codes, &s.by_queue);
    finish_breakdown(index.owner, by_owner, &out->scratch.codes, &s.by_owner);
    finish_breakdown(index.offering, by_offering, &out->scratch.codes, &s.by_offering);
}

}  // namespace cb
