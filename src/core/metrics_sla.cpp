// metrics_sla.cpp: aggregates of the per-case SLA clocks (compute_sla) over the selected cases.
#include <algorithm>

#include "group_rows.h"
#include "metrics_counts.h"

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

// The time windows of the fixed series, from as_of (see kSlaRecentDays, kSlaTrendWeeks).
struct Windows {
    Time days_from = 0, days_to = 0;    // [first day's start, the day after as_of's day)
    Time weeks_from = 0, weeks_to = 0;  // [first week's Monday, the Monday after as_of's week)
    Time soon = 0, day = 0;             // as_of + 4 h, + 24 h
    Time nearing = kNoTime;             // the nearing horizon: as_of + MetricsOptions::nearing_hours
};

// One clock's fact: its tally, three bins, each with a last "none" bin, and three flags. The tally is the
// clock's kind, or for a clock with a week bin (its outcome became final in one of the trend weeks) that
// week: such a clock's kind is known from the week (met: succeeded, missed: noncompliant; happened either
// way), so a filter change counts most clocks with one increment, with no branch on the state and no
// division. The other bins are rare (breaches, clocks due within a day: kRare); it looks at the clock itself
// only when it may be listed.
constexpr uint32_t kHeatBins = 7 * 24 + 1, kDayBins = kSlaRecentDays + 1, kHourBins = 24 + 1,
                   kWeekBins = 2 * kSlaTrendWeeks;               // week bins: met weeks, then missed weeks
constexpr int kDayShift = 8, kHourShift = 13, kTallyShift = 18;  // heat: bits 0-7
constexpr uint32_t kKinds = 64;                                  // kind: state (3 bits), then these
constexpr uint32_t kKindHappened = 8, kKindRunning = 16, kKindSoon = 32;  // running: due at or after as_of
constexpr uint32_t kTallies = kKinds + kWeekBins;                         // kinds, then weeks
constexpr uint32_t kTallyMask = 127;                                      // a tally takes 7 bits
static_assert(kTallies <= kTallyMask + 1);
constexpr uint32_t kRare = 1u << 29;     // some heat, day or hour bin is not "none"
constexpr uint32_t kListed = 1u << 30;   // an open breach (with as_of) or a running clock: maybe listed
constexpr uint32_t kNearing = 1u << 31;  // a running clock due before the nearing horizon

static uint32_t clock_fact(SlaMetric metric, SlaState st, Time deadline, bool happened, Time event,
                           Time as_of, const Windows& w) {
    uint32_t heat = kHeatBins - 1, day = kDayBins - 1, hour = kHourBins - 1;
    uint32_t tally =
        std::min<uint32_t>(static_cast<uint32_t>(st), kSlaStates - 1) | (happened ? kKindHappened : 0);
    bool listed = false, nearing = false;
    const bool timed = has_time(as_of);
    if (st == SlaState::Noncompliant) {
        if (has_time(deadline))
            heat = static_cast<uint32_t>(weekday_of_day(day_of(deadline)) * 24 + hour_of(deadline));
        if (timed && deadline >= w.days_from && deadline < w.days_to)
            day = static_cast<uint32_t>((deadline - w.days_from) / kSecondsPerDay);
        listed = timed && !happened;
    } else if ((st == SlaState::InProgress || st == SlaState::NearingNoncompliance) && timed &&
               has_time(deadline) && deadline >= as_of) {
        tally |= kKindRunning | (deadline < w.soon ? kKindSoon : 0);
        if (deadline < w.day) hour = static_cast<uint32_t>((deadline - as_of) / 3600);
        listed = true, nearing = deadline < w.nearing;
    }
    // Weekly attainment: the week the outcome became final.
    if (timed && metric != SlaMetric::NextUpdate && happened &&
        (st == SlaState::Succeeded || st == SlaState::Noncompliant) && event >= w.weeks_from &&
        event < w.weeks_to)
        tally = kKinds + static_cast<uint32_t>((event - w.weeks_from) / (7 * kSecondsPerDay)) +
                (st == SlaState::Noncompliant ? kSlaTrendWeeks : 0);
    const bool rare = heat + 1 < kHeatBins || day + 1 < kDayBins || hour + 1 < kHourBins;
    return heat | day << kDayShift | hour << kHourShift | tally << kTallyShift | (rare ? kRare : 0) |
           (listed ? kListed : 0) | (nearing ? kNearing : 0);
}

// The kind of a clock from its tally.
static uint32_t kind_of_tally(uint32_t tally) {
    if (tally < kKinds) return tally;
    const bool missed = tally >= kKinds + kSlaTrendWeeks;
    return static_cast<uint32_t>(missed ? SlaState::Noncompliant : SlaState::Succeeded) | kKindHappened;
}

// A case's flags, from its clocks' kinds, and 32 when it is open: what count_sla counts each case by.
constexpr uint8_t kBreachedBits = (1u << kSlaMetrics) - 1;  // bit m: metric m is noncompliant
constexpr uint8_t kOpenBreachBit = 1u << kSlaMetrics;       // some clock is an open breach
constexpr uint8_t kSoonBit = 2u << kSlaMetrics;             // some running clock is due within 4 h
constexpr uint8_t kOpenCaseBit = 32;
constexpr uint32_t kCaseKinds = 64;

static uint8_t case_kind_flags(int m, uint32_t kind) {
    const bool breached = (kind & 7) == static_cast<uint32_t>(SlaState::Noncompliant);
    return static_cast<uint8_t>((breached ? 1u << m : 0) |
                                (breached && !(kind & kKindHappened) ? kOpenBreachBit : 0) |
                                (kind & kKindSoon ? kSoonBit : 0));
}

// The facts of every case's clocks, unless the scratch holds them for these clocks and this time already.
static const MetricsScratch::SlaFacts& sla_facts(const CaseTable& c, const MetricsIndex& index,
                                                 const SlaResults& sla, Time as_of, const Windows& w,
                                                 MetricsScratch* scratch) {
    MetricsScratch::SlaFacts& f = scratch->sla_facts;
    if (f.sla == &sla && f.sla_as_of == sla.as_of && f.as_of == as_of && f.nearing_until == w.nearing &&
        f.build == index.build && f.cases.size() == c.count)
        return f;
    f.sla = &sla, f.sla_as_of = sla.as_of, f.as_of = as_of, f.nearing_until = w.nearing,
    f.build = index.build;
    f.orders_limit = SIZE_MAX;
    f.cases.resize(c.count);
    for (uint32_t r = 0; r < c.count; ++r) {
        MetricsScratch::SlaFacts::Case& out = f.cases[r];
        out.kind = is_open(c.status[r]) ? kOpenCaseBit : 0;
        out.severity = static_cast<uint8_t>(index.case_traits[r] >> kTraitSeverityShift & 3);
        for (int m = 0; m < kSlaMetrics; ++m) {
            const SlaMetric metric = static_cast<SlaMetric>(m);
            const bool happened = event_happened(c, metric, r);
            const Time event =
                metric == SlaMetric::FirstResponse ? c.first_response_at[r] : index.end_time[r];
            out.clock[m] = clock_fact(metric, sla.clocks[m].state[r], sla.clocks[m].deadline[r], happened,
                                      event, as_of, w);
            out.kind |= case_kind_flags(m, kind_of_tally(out.clock[m] >> kTallyShift & kTallyMask));
        }
    }
    return f;
}

// counts.bins: per metric a block of kClockBins counters (tallies, then the bins, then the nearing clocks),
// then the case kinds of the selected cases.
constexpr uint32_t kTalliesAt = 0, kHeatAt = kTallies, kDayAt = kHeatAt + kHeatBins,
                   kHourAt = kDayAt + kDayBins, kNearingAt = kHourAt + kHourBins, kClockBins = kNearingAt + 1;
constexpr uint32_t kCaseKindsAt = kSlaMetrics * kClockBins, kSlaBins = kCaseKindsAt + kCaseKinds;

// Puts a clock whose fact is kListed on its list: a running clock due before the nearing horizon on the
// nearing list, an open breach on the open-breach list.
static void list_clock(const SlaResults& sla, uint32_t r, int m, uint32_t fact, Time nearing_until,
                       SlaCounts* out) {
    const SlaMetric metric = static_cast<SlaMetric>(m);
    const Time deadline = sla.clocks[m].deadline[r];
    if (fact >> kTallyShift & kKindRunning) {  // a listed clock's tally is its kind
        if (deadline < nearing_until) out->nearing.push_back({r, metric, deadline});
    } else {
        out->open_breaches.push_back({r, metric, deadline});
    }
}

// Sorts `list` by `earlier` and keeps the first `keep`. Ties must not fall differently in libstdc++ and
// libc++, nor depend on where rows are stored (FeedSet::assemble clusters them): `earlier` is a total order.
template <typename T, typename Earlier>
static void keep_first(std::vector<T>* list, size_t keep, Earlier earlier) {
    keep = std::min(keep, list->size());
    // The lists of one counted selection come sorted (count_sla sorted them); summed cells' lists do not.
    if (!std::is_sorted(list->begin(), list->end(), earlier))
        std::partial_sort(list->begin(), list->begin() + static_cast<long>(keep), list->end(), earlier);
    list->resize(keep);
}

// The lists' orders: total orders, so that ties never fall differently (see keep_first).
struct NearingBefore {
    const Dataset& data;
    bool operator()(const NearingClock& x, const NearingClock& y) const {
        if (x.deadline != y.deadline) return x.deadline < y.deadline;
        if (x.row != y.row)
            return data.strings->view(data.cases.id[x.row]) < data.strings->view(data.cases.id[y.row]);
        return x.metric < y.metric;
    }
};
struct BreachBefore {
    const Dataset& data;
    bool operator()(const OpenBreach& x, const OpenBreach& y) const {
        const Time tx = has_time(x.breached_at) ? x.breached_at : INT64_MAX;  // unknown deadlines last
        const Time ty = has_time(y.breached_at) ? y.breached_at : INT64_MAX;
        if (tx != ty) return tx < ty;
        if (x.row != y.row)
            return data.strings->view(data.cases.id[x.row]) < data.strings->view(data.cases.id[y.row]);
        return x.metric < y.metric;
    }
};

static void keep_first_clocks(const Dataset& data, size_t nearing, std::vector<NearingClock>* nearing_list,
                              std::vector<OpenBreach>* open_breaches) {
    keep_first(nearing_list, nearing, NearingBefore{data});
    keep_first(open_breaches, kSlaOpenBreachList, BreachBefore{data});
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

// The windows of as_of (zero without one) and the nearing horizon.
static Windows windows_of(Time as_of, const MetricsOptions& opt) {
    Windows w;
    if (!has_time(as_of)) return w;
    const int32_t today = day_of(as_of), this_week = iso_week_start(today);
    w.days_from = Time(today - kSlaRecentDays + 1) * kSecondsPerDay,
    w.days_to = Time(today + 1) * kSecondsPerDay;
    w.weeks_from = Time(this_week - 7 * (kSlaTrendWeeks - 1)) * kSecondsPerDay,
    w.weeks_to = Time(this_week + 7) * kSecondsPerDay;
    w.soon = as_of + kSlaSoonHours * 3600, w.day = as_of + 24 * 3600;
    w.nearing = as_of + static_cast<Time>(opt.nearing_hours) * 3600;
    return w;
}

// The key blocks of SlaCounts::by_key: severities, queues, owners, offerings.
static size_t breakdown_keys(const MetricsIndex& index) {
    return kSeverities + index.queue.keys.size() + index.owner.keys.size() + index.offering.keys.size();
}

// The facts of the clocks at as_of (with their nearing horizon); nullptr when there are no clocks to count.
static const MetricsScratch::SlaFacts* usable_facts(const Dataset& data, const MetricsIndex& index,
                                                    const SlaResults& sla, Time as_of,
                                                    const MetricsOptions& opt, MetricsScratch* scratch) {
    const CaseTable& c = data.cases;
    if (!opt.sla || !clocks_usable(sla, c.count) || index.end_time.size() != c.count) return nullptr;
    return &sla_facts(c, index, sla, as_of, windows_of(as_of, opt), scratch);
}

void count_sla(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, const Selection& sel,
               Time as_of, const MetricsOptions& opt, MetricsScratch* scratch, SlaCounts* out) {
    out->bins.clear(), out->by_key.clear(), out->nearing.clear(), out->open_breaches.clear();
    const MetricsScratch::SlaFacts* facts = usable_facts(data, index, sla, as_of, opt, scratch);
    if (!facts) return;
    const Time nearing_until = facts->nearing_until;
    // One pass over the selected rows. Per clock: its tally, its rare bins, and the nearing and open-breach
    // lists (unless !lists); per case, by its case kind (packed with the facts): the severity rows, the
    // breakdowns (each case once per breakdown by key and breach bits) and the case kinds; the rows come from
    // those counts. Neighbouring rows mostly share their counters: four sets, used in turn, keep the
    // increments from waiting on one another.
    const std::vector<uint32_t>& rows = sel.rows;
    std::vector<uint32_t>& bins = out->bins;
    bins.assign(4 * kSlaBins, 0);  // [set * kSlaBins + ...]
    const size_t q0 = kSeverities, o0 = q0 + index.queue.keys.size(), f0 = o0 + index.owner.keys.size();
    const size_t keys = breakdown_keys(index);
    std::vector<uint32_t>& counts = out->by_key;  // [(set * keys + key) * 8 + breach bits]
    counts.assign(4 * keys * 8, 0);
    // The columns, read through pointers: listing a clock may grow a list, after which the compiler would
    // load every vector's data pointer anew for each row.
    const MetricsScratch::SlaFacts::Case* cases = facts->cases.data();
    const uint32_t *queue = index.queue.case_code.data(), *owner = index.owner.case_code.data(),
                   *offering = index.offering.case_code.data();
    struct Fields {
        MetricsScratch::SlaFacts::Case facts;
        uint32_t queue, owner, offering;
    };
    auto gather = [&](uint32_t r) { return Fields{cases[r], queue[r], owner[r], offering[r]}; };
    count_gathered<Fields>(rows, gather, [&](size_t i, uint32_t r, const Fields& row) {
        uint32_t* set = bins.data() + (i & 3) * kSlaBins;
        for (int m = 0; m < kSlaMetrics; ++m) {
            uint32_t* n = set + m * kClockBins;
            const uint32_t fact = row.facts.clock[m];
            n[kTalliesAt + (fact >> kTallyShift & kTallyMask)]++;
            if (!(fact & (kRare | kListed))) continue;
            if (fact & kRare)
                n[kHeatAt + (fact & 255)]++, n[kDayAt + (fact >> kDayShift & 31)]++,
                    n[kHourAt + (fact >> kHourShift & 31)]++;
            if (!(fact & kListed)) continue;
            n[kNearingAt] += (fact & kNearing) != 0;
            if (sel.lists) list_clock(sla, r, m, fact, nearing_until, out);
        }
        const uint32_t case_kind = row.facts.kind, breached = case_kind & kBreachedBits;
        set[kCaseKindsAt + case_kind]++;
        uint32_t* k = counts.data() + (i & 3) * keys * 8;
        k[row.facts.severity * 8 + breached]++;
        k[(q0 + row.queue) * 8 + breached]++;
        k[(o0 + row.owner) * 8 + breached]++;
        k[(f0 + row.offering) * 8 + breached]++;
    });
    for (uint32_t b = 0; b < kSlaBins; ++b)
        bins[b] += bins[kSlaBins + b] + bins[2 * kSlaBins + b] + bins[3 * kSlaBins + b];
    bins.resize(kSlaBins);
    for (size_t k = 0; k < keys * 8; ++k)
        counts[k] += counts[keys * 8 + k] + counts[2 * keys * 8 + k] + counts[3 * keys * 8 + k];
    counts.resize(keys * 8);
    keep_first_clocks(data, opt.list_limit, &out->nearing, &out->open_breaches);
}

// Every listed clock of the rows `rows` (ascending) that `keep` keeps (asked once per row, in that order), on
// its list (not yet cut).
template <typename Keep>
static void list_clocks_of(const SlaResults& sla, const MetricsScratch::SlaFacts& facts,
                           const std::vector<uint32_t>& rows, Keep keep, Time nearing_until, SlaCounts* out) {
    for (uint32_t r : rows)
        if (keep(r))
            for (int m = 0; m < kSlaMetrics; ++m)
                if (facts.cases[r].clock[m] & kListed)
                    list_clock(sla, r, m, facts.cases[r].clock[m], nearing_until, out);
}

// The cases with a listed clock, and a prefix of the lists' orders of every case, eight times as long as the
// lists: a selection that keeps more than an eighth of the listed clocks finds its lists in it. Made on the
// first broad filter after the facts (not with them: the minute tick would pay for it on every screen).
CB_FOR_SIZE static void make_list_orders(const Dataset& data, const SlaResults& sla, size_t limit,
                                         MetricsScratch::SlaFacts* facts) {
    facts->listed_rows.clear();
    for (uint32_t r = 0; r < data.cases.count; ++r) {
        uint32_t any = 0;
        for (int m = 0; m < kSlaMetrics; ++m) any |= facts->cases[r].clock[m];
        if (any & kListed) facts->listed_rows.push_back(r);
    }
    SlaCounts all;
    list_clocks_of(
        sla, *facts, facts->listed_rows, [](uint32_t) { return true; }, INT64_MAX, &all);
    const size_t running = 8 * limit, breaches = 8 * size_t(kSlaOpenBreachList);
    facts->orders_complete[0] = all.nearing.size() <= running;
    facts->orders_complete[1] = all.open_breaches.size() <= breaches;
    keep_first(&all.nearing, running, NearingBefore{data});
    keep_first(&all.open_breaches, breaches, BreachBefore{data});
    facts->first_running = std::move(all.nearing);
    facts->first_breaches = std::move(all.open_breaches);
    facts->orders_limit = limit;
}

// The first `limit` entries of `order` that `keep` keeps (and `before_end` lets through), when the order
// answers: false when it ran out before, being only a prefix.
template <typename T, typename Keep, typename BeforeEnd>
static bool first_kept(const std::vector<T>& order, bool complete, size_t limit, Keep keep,
                       BeforeEnd before_end, std::vector<T>* out) {
    for (const T& entry : order) {
        if (out->size() == limit || !before_end(entry)) return true;
        if (keep(entry.row)) out->push_back(entry);
    }
    return complete || out->size() == limit;
}

void list_sla_clocks(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, CellSplit split,
                     const std::vector<uint8_t>& mask, const std::vector<uint32_t>& left_rows,
                     const std::vector<uint32_t>& kept_outside, Time as_of, const MetricsOptions& opt,
                     MetricsScratch* scratch, SlaCounts* out) {
    out->nearing.clear(), out->open_breaches.clear();
    const MetricsScratch::SlaFacts* facts = usable_facts(data, index, sla, as_of, opt, scratch);
    const std::vector<uint8_t>& case_cell = index.cells[split].case_cell;
    if (!facts || case_cell.size() != data.cases.count) return;
    const Time nearing_until = facts->nearing_until;
    if (facts->orders_limit != opt.list_limit)
        make_list_orders(data, sla, opt.list_limit, &scratch->sla_facts);
    auto keep = [&](uint32_t r) {  // in the cells and not left out, or kept outside them
        return mask[case_cell[r] & ~kCellOpen]
                   ? !std::binary_search(left_rows.begin(), left_rows.end(), r)
                   : std::binary_search(kept_outside.begin(), kept_outside.end(), r);
    };
    const bool nearing_known = first_kept(
        facts->first_running, facts->orders_complete[0], opt.list_limit, keep,
        [&](const NearingClock& c) { return c.deadline < nearing_until; }, &out->nearing);
    const bool breaches_known = first_kept(
        facts->first_breaches, facts->orders_complete[1], kSlaOpenBreachList, keep,
        [](const OpenBreach&) { return true; }, &out->open_breaches);
    if (nearing_known && breaches_known) return;
    // A selection that keeps few of the first clocks (a recent time range): every listed clock it keeps.
    // The rows come ascending, so cursors walk left_rows and kept_outside along instead of searching them.
    out->nearing.clear(), out->open_breaches.clear();
    auto left = left_rows.begin(), outside = kept_outside.begin();
    auto keep_ascending = [&](uint32_t r) {
        while (left != left_rows.end() && *left < r) ++left;
        while (outside != kept_outside.end() && *outside < r) ++outside;
        return mask[case_cell[r] & ~kCellOpen] ? left == left_rows.end() || *left != r
                                               : outside != kept_outside.end() && *outside == r;
    };
    list_clocks_of(sla, *facts, facts->listed_rows, keep_ascending, nearing_until, out);
    keep_first_clocks(data, opt.list_limit, &out->nearing, &out->open_breaches);
}

CB_FOR_SIZE void finish_sla(const Dataset& data, const MetricsIndex& index, const SlaCounts& counts,
                            Time as_of, const MetricsOptions& opt, MetricsScratch* scratch, SlaMetrics* out) {
    SlaMetrics& s = *out;
    reset_keeping_capacity(&s, &SlaMetrics::nearing, &SlaMetrics::by_queue, &SlaMetrics::by_owner,
                           &SlaMetrics::by_offering, &SlaMetrics::open_breaches);
    const size_t keys = breakdown_keys(index);
    if (!opt.sla || counts.bins.size() != kSlaBins || counts.by_key.size() != keys * 8) return;
    if (has_time(as_of)) {
        const int32_t this_week = iso_week_start(day_of(as_of));
        for (int k = 0; k < kSlaTrendWeeks; ++k) s.week_start[k] = this_week - 7 * (kSlaTrendWeeks - 1 - k);
    }
    for (int m = 0; m < kSlaMetrics; ++m) {
        SlaMetricSummary& sum = s.metric[m];
        const uint32_t* n = counts.bins.data() + m * kClockBins;
        for (uint32_t tally = 0; tally < kTallies; ++tally) {
            const uint32_t kind = kind_of_tally(tally), count = n[kTalliesAt + tally];
            sum.by_state[kind & 7] += count;
            if ((kind & 7) == static_cast<uint32_t>(SlaState::Noncompliant))
                (kind & kKindHappened ? sum.breached_done : sum.open_breaches) += count;
            s.soon += kind & kKindSoon ? count : 0;
        }
        for (uint32_t b = 0; b + 1 < kHeatBins; ++b) s.breach_heatmap[b / 24][b % 24] += n[kHeatAt + b];
        for (uint32_t b = 0; b + 1 < kDayBins; ++b) s.breaches_daily[b] += n[kDayAt + b];
        for (uint32_t b = 0; b + 1 < kHourBins; ++b) s.due_hourly[b] += n[kHourAt + b];
        for (int b = 0; b < kSlaTrendWeeks; ++b)
            s.week_met[m][b] += n[kTalliesAt + kKinds + b],
                s.week_missed[m][b] += n[kTalliesAt + kKinds + kSlaTrendWeeks + b];
        sum.nearing = n[kNearingAt];
        const uint32_t met = sum.by_state[static_cast<int>(SlaState::Succeeded)];
        sum.attainment = rate(met, met + sum.breached_done);
        sum.attainment_all = rate(met, met + sum.breached_done + sum.open_breaches);
    }
    for (uint32_t kind = 0; kind < kCaseKinds; ++kind) {
        const uint32_t n = counts.bins[kCaseKindsAt + kind];
        s.breached_cases += kind & kBreachedBits ? n : 0;
        s.open_breach_cases += (kind & kOpenBreachBit) && (kind & 32) ? n : 0;
        s.soon_cases += kind & kSoonBit ? n : 0;
    }
    s.nearing = counts.nearing;
    s.open_breaches = counts.open_breaches;
    keep_first_clocks(data, opt.list_limit, &s.nearing, &s.open_breaches);

    std::vector<SlaBreakdownRow>& per_code = scratch->sla_rows;
    per_code.assign(keys, SlaBreakdownRow{});
    for (size_t key = 0; key < keys; ++key)
        for (uint32_t breached = 0; breached < 8; ++breached) {
            const uint32_t n = counts.by_key[key * 8 + breached];
            SlaBreakdownRow& row = per_code[key];
            row.cases += n;
            row.breached_cases += breached ? n : 0;
            for (int m = 0; m < kSlaMetrics; ++m) row.breaches[m] += breached >> m & 1 ? n : 0;
        }
    const size_t q0 = kSeverities, o0 = q0 + index.queue.keys.size(), f0 = o0 + index.owner.keys.size();
    for (int v = 0; v < kSeverities; ++v) s.by_severity[v] = per_code[v];
    for (int v = 0; v < kSeverities; ++v) s.by_severity[v].key = static_cast<StrId>(v);
    finish_breakdown(index.queue, per_code.data() + q0, &scratch->codes, &s.by_queue);
    finish_breakdown(index.owner, per_code.data() + o0, &scratch->codes, &s.by_owner);
    finish_breakdown(index.offering, per_code.data() + f0, &scratch->codes, &s.by_offering);
}

}  // namespace cb
