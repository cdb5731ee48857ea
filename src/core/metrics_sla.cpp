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

// One breakdown (queue, owner or offering): per key, selected cases, breached cases and breaches per metric.
static void breakdown(const std::vector<uint32_t>& rows, const KeyCodes& codes,
                      const std::vector<uint8_t>& breached_metrics, const StringPool& pool,
                      std::vector<SlaBreakdownRow>* per_code, std::vector<SlaBreakdownRow>* out) {
    per_code->assign(codes.keys.size(), SlaBreakdownRow{});
    for (size_t i = 0; i < rows.size(); ++i) {
        SlaBreakdownRow& row = (*per_code)[codes.case_code[rows[i]]];
        row.cases++;
        uint8_t bits = breached_metrics[i];
        row.breached_cases += bits != 0;
        for (int m = 0; m < kSlaMetrics; ++m) row.breaches[m] += bits >> m & 1;
    }
    out->clear();
    for (uint32_t code = 0; code < codes.keys.size(); ++code) {
        if (!(*per_code)[code].cases) continue;
        out->push_back((*per_code)[code]);
        out->back().key = codes.keys[code];
    }
    std::sort(out->begin(), out->end(), [&](const SlaBreakdownRow& x, const SlaBreakdownRow& y) {
        return x.breached_cases != y.breached_cases ? x.breached_cases > y.breached_cases
                                                    : pool.view(x.key) < pool.view(y.key);
    });
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
        s = std::move(fresh);
        s.nearing.clear(), s.by_queue.clear(), s.by_owner.clear(), s.by_offering.clear();
    }
    if (!opt.sla) return;
    const CaseTable& c = data.cases;
    const std::vector<uint32_t>& rows = out->rows;
    if (!clocks_usable(sla, c.count)) return;  // SLA not computed (yet) for this dataset
    const Time horizon = has_time(as_of) ? as_of + static_cast<Time>(opt.nearing_hours) * 3600 : kNoTime;
    // Bit m set: the case's clock for metric m is noncompliant. Kept per selected row for the breakdowns.
    std::vector<uint8_t>& breached = out->scratch.breached;
    breached.assign(rows.size(), 0);
    for (int m = 0; m < kSlaMetrics; ++m) {
        const SlaClockColumns& k = sla.clocks[m];
        SlaMetricSummary& sum = s.metric[m];
        for (size_t i = 0; i < rows.size(); ++i) {
            const uint32_t r = rows[i];
            const SlaState st = k.state[r];
            sum.by_state[static_cast<int>(st) % kSlaStates]++;
            if (st == SlaState::Noncompliant) {
                breached[i] |= static_cast<uint8_t>(1u << m);
                if (event_happened(c, static_cast<SlaMetric>(m), r)) {
                    sum.breached_done++;
                } else {
                    sum.open_breaches++;
                }
                if (has_time(k.deadline[r])) {
                    Time at = k.deadline[r];
                    int32_t day = day_of(at);
                    s.breach_heatmap[weekday_of_day(day)]
                                    [(at - static_cast<Time>(day) * kSecondsPerDay) / 3600]++;
                }
            } else if ((st == SlaState::InProgress || st == SlaState::NearingNoncompliance) &&
                       has_time(k.deadline[r]) && has_time(horizon) && k.deadline[r] >= as_of &&
                       k.deadline[r] < horizon) {
                sum.nearing++;
                s.nearing.push_back({r, static_cast<SlaMetric>(m), k.deadline[r]});
            }
        }
        const uint32_t met = sum.by_state[static_cast<int>(SlaState::Succeeded)];
        sum.attainment = rate(met, met + sum.breached_done);
        sum.attainment_all = rate(met, met + sum.breached_done + sum.open_breaches);
    }
    size_t n_nearing = std::min<size_t>(opt.list_limit, s.nearing.size());
    // A total order: ties must not fall differently in libstdc++ and libc++, nor depend on where the rows are
    // stored (FeedSet::assemble clusters them): ties go by case id.
    const StringPool& ids = *data.strings;
    std::partial_sort(s.nearing.begin(), s.nearing.begin() + n_nearing, s.nearing.end(),
                      [&](const NearingClock& x, const NearingClock& y) {
                          if (x.deadline != y.deadline) return x.deadline < y.deadline;
                          if (x.row != y.row) return ids.view(c.id[x.row]) < ids.view(c.id[y.row]);
                          return x.metric < y.metric;
                      });
    s.nearing.resize(n_nearing);

    for (size_t i = 0; i < rows.size(); ++i) {
        SlaBreakdownRow& row = s.by_severity[static_cast<int>(c.severity[rows[i]])];
        row.cases++;
        row.breached_cases += breached[i] != 0;
        for (int m = 0; m < kSlaMetrics; ++m) row.breaches[m] += breached[i] >> m & 1;
        s.breached_cases += breached[i] != 0;
    }
    for (int v = 0; v < kSeverities; ++v) s.by_severity[v].key = static_cast<StrId>(v);
    const StringPool& pool = *data.strings;
    std::vector<SlaBreakdownRow>* per_code = &out->scratch.sla_rows;
    breakdown(rows, index.queue, breached, pool, per_code, &s.by_queue);
    breakdown(rows, index.owner, breached, pool, per_code, &s.by_owner);
    breakdown(rows, index.offering, breached, pool, per_code, &s.by_offering);
}

}  // namespace cb
