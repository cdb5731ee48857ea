// metrics_satisfaction.cpp: survey figures over the surveys of the selected cases.
#include <algorithm>

#include "metrics.h"

namespace cb {

void SatCounts::add_survey(uint8_t csat_score, uint8_t effort_score, Tristate resolved, int8_t nps_score) {
    responses++;
    if (csat_score >= 1 && csat_score <= 5) {
        csat.add(csat_score);
        top2 += csat_score >= 4;
        dissatisfied += csat_score <= 2;
    }
    if (effort_score >= 1 && effort_score <= 7) {
        effort.add(effort_score);
        low_effort += effort_score <= 3;
    }
    if (resolved != Tristate::Unknown) {
        resolved_known++;
        resolved_yes += resolved == Tristate::Yes;
    }
    if (nps_score >= 0 && nps_score <= 10) {
        nps_n++;
        promoters += nps_score >= 9;
        detractors += nps_score <= 6;
    }
}

void SatCounts::add(const SatCounts& o) {
    responses += o.responses;
    csat.add(o.csat), effort.add(o.effort);
    top2 += o.top2, dissatisfied += o.dissatisfied, low_effort += o.low_effort;
    resolved_known += o.resolved_known, resolved_yes += o.resolved_yes;
    nps_n += o.nps_n, promoters += o.promoters, detractors += o.detractors;
}

uint16_t SatHistogram::slots(const SurveyTable& s, uint32_t i) {
    const unsigned csat = s.csat[i] <= 5 ? s.csat[i] : 0, effort = s.effort[i] <= 7 ? s.effort[i] : 0;
    const unsigned resolved = s.resolved[i] == Tristate::Yes ? 2 : s.resolved[i] == Tristate::No ? 1 : 0;
    const unsigned nps = s.nps[i] >= 0 && s.nps[i] <= 10 ? static_cast<unsigned>(s.nps[i]) : 11;
    return static_cast<uint16_t>(csat | effort << 3 | resolved << 6 | nps << 8);
}

SatCounts SatHistogram::counts() const {
    SatCounts c;
    for (int v = 0; v < 6; ++v) c.responses += csat[v];
    for (int v = 1; v <= 5; ++v) {
        c.csat.n += csat[v], c.csat.sum += double(v) * csat[v], c.csat.sum_sq += double(v * v) * csat[v];
        c.top2 += v >= 4 ? csat[v] : 0, c.dissatisfied += v <= 2 ? csat[v] : 0;
    }
    for (int v = 1; v <= 7; ++v) {
        c.effort.n += effort[v], c.effort.sum += double(v) * effort[v],
            c.effort.sum_sq += double(v * v) * effort[v];
        c.low_effort += v <= 3 ? effort[v] : 0;
    }
    c.resolved_known = resolved[1] + resolved[2], c.resolved_yes = resolved[2];
    for (int v = 0; v <= 10; ++v) {
        c.nps_n += nps[v];
        c.promoters += v >= 9 ? nps[v] : 0, c.detractors += v <= 6 ? nps[v] : 0;
    }
    return c;
}

// Survey counts per value of one case column, most responses first (ties by name).
static void breakdown(const MetricsIndex& index, const std::vector<uint32_t>& survey_rows,
                      const KeyCodes& codes, MetricsScratch* scratch, std::vector<SatRow>* out) {
    std::vector<SatHistogram>& per_code = scratch->sat_histograms;
    per_code.assign(codes.keys.size(), SatHistogram{});
    for (uint32_t i : survey_rows) per_code[codes.survey_code[i]].add(index.survey_slots[i]);
    std::vector<uint32_t>& order = scratch->codes;
    order.clear();
    for (uint32_t code = 0; code < codes.keys.size(); ++code)
        if (per_code[code].responses()) order.push_back(code);
    sort_by_count_then_name(codes, &order, [&](uint32_t code) { return per_code[code].responses(); });
    out->clear();
    for (uint32_t code : order) out->push_back({codes.keys[code], per_code[code].counts()});
}

// Merges consecutive days into periods starting at period_start(day); keeps only periods with responses.
template <typename PeriodStart>
static void roll_up(const std::vector<SatTrendPoint>& days, PeriodStart period_start,
                    std::vector<SatTrendPoint>* out) {
    out->clear();
    for (const SatTrendPoint& d : days) {
        if (d.counts.responses == 0) continue;
        int32_t start = period_start(d.start_day);
        if (out->empty() || out->back().start_day != start) out->push_back({start, {}});
        out->back().counts.add(d.counts);
    }
}

static void build_trends(const MetricsIndex& index, const std::vector<uint32_t>& survey_rows, int max_days,
                         std::vector<SatHistogram>* per_day, SatisfactionMetrics* sat) {
    int32_t first = INT32_MAX, last = INT32_MIN;
    for (uint32_t i : survey_rows) {
        const int32_t d = index.survey_day[i];
        if (d == INT32_MIN) continue;
        first = std::min(first, d), last = std::max(last, d);
    }
    if (first > last) return;
    first = std::max(first, last - std::max(1, max_days) + 1);
    // Dense days first (a plain index, no search), then the periods, then drop the empty days.
    per_day->assign(static_cast<size_t>(last - first + 1), SatHistogram{});
    for (uint32_t i : survey_rows) {
        const int32_t d = index.survey_day[i];
        if (d >= first) (*per_day)[d - first].add(index.survey_slots[i]);
    }
    sat->daily.resize(per_day->size());
    for (size_t d = 0; d < per_day->size(); ++d)
        sat->daily[d] = {first + static_cast<int32_t>(d), (*per_day)[d].counts()};
    roll_up(sat->daily, iso_week_start, &sat->weekly);
    roll_up(sat->daily, month_start, &sat->monthly);
    sat->daily.erase(std::remove_if(sat->daily.begin(), sat->daily.end(),
                                    [](const SatTrendPoint& p) { return p.counts.responses == 0; }),
                     sat->daily.end());
}

void compute_satisfaction(const Dataset& data, const MetricsIndex& index, const Filter& filter,
                          const MetricsOptions& opt, Metrics* out) {
    SatisfactionMetrics& sat = out->satisfaction;
    sat.survey_rows.clear();
    sat.overall = SatCounts{};
    sat.daily.clear(), sat.weekly.clear(), sat.monthly.clear();
    for (std::vector<SatRow>* v :
         {&sat.by_queue, &sat.by_product, &sat.by_offering, &sat.by_owner, &sat.by_customer})
        v->clear();
    for (SatCounts& c : sat.by_severity) c = SatCounts{};
    const SurveyTable& s = data.surveys;
    const CaseTable& c = data.cases;
    if (!surveys_usable(s)) return;

    // The selection (drivers, verbatims and plans read it even when this section is off): the surveys of
    // the selected cases, submitted within the time range. A run of consecutive case rows (the usual shape:
    // assembled data is grouped by queue and severity) has its surveys in one slice of survey_rows.
    if (index.survey_begin.size() != c.count + 2 || index.survey_slots.size() != s.count) return;
    const bool timed = has_time(filter.from) || has_time(filter.to);
    const std::vector<uint32_t>& rows = out->rows;
    for (size_t a = 0, b = 0; a < rows.size(); a = b) {
        for (b = a + 1; b < rows.size() && rows[b] == rows[b - 1] + 1;) ++b;
        const uint32_t* from = index.survey_rows.data() + index.survey_begin[rows[a]];
        const uint32_t* to = index.survey_rows.data() + index.survey_begin[rows[b - 1] + 1];
        if (!timed) {
            sat.survey_rows.insert(sat.survey_rows.end(), from, to);
            continue;
        }
        for (const uint32_t* i = from; i != to; ++i)
            if (filter.time_contains(s.submitted_at[*i])) sat.survey_rows.push_back(*i);
    }
    if (!index.surveys_in_case_order) std::sort(sat.survey_rows.begin(), sat.survey_rows.end());
    if (!opt.satisfaction) return;
    SatHistogram by_severity[kSeverities];
    for (uint32_t i : sat.survey_rows)
        by_severity[static_cast<int>(index.survey_severity[i])].add(index.survey_slots[i]);
    for (int v = 0; v < kSeverities; ++v) {
        sat.by_severity[v] = by_severity[v].counts();
        sat.overall.add(sat.by_severity[v]);
    }
    breakdown(index, sat.survey_rows, index.queue, &out->scratch, &sat.by_queue);
    breakdown(index, sat.survey_rows, index.product, &out->scratch, &sat.by_product);
    breakdown(index, sat.survey_rows, index.offering, &out->scratch, &sat.by_offering);
    breakdown(index, sat.survey_rows, index.owner, &out->scratch, &sat.by_owner);
    breakdown(index, sat.survey_rows, index.customer, &out->scratch, &sat.by_customer);
    build_trends(index, sat.survey_rows, opt.max_series_days, &out->scratch.sat_histograms, &sat);
}

}  // namespace cb
