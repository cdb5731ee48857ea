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

static void add_row(const SurveyTable& s, uint32_t i, SatCounts* counts) {
    counts->add_survey(s.csat[i], s.effort[i], s.resolved[i], s.nps[i]);
}

// Survey counts per value of one case column, most responses first (ties by name).
static void breakdown(const Dataset& data, const std::vector<uint32_t>& survey_rows, const KeyCodes& codes,
                      std::vector<SatCounts>* per_code, std::vector<SatRow>* out) {
    per_code->assign(codes.keys.size(), SatCounts{});
    const SurveyTable& s = data.surveys;
    for (uint32_t i : survey_rows) add_row(s, i, &(*per_code)[codes.survey_code[i]]);
    out->clear();
    for (uint32_t code = 0; code < codes.keys.size(); ++code)
        if ((*per_code)[code].responses) out->push_back({codes.keys[code], (*per_code)[code]});
    const StringPool& pool = *data.strings;
    std::sort(out->begin(), out->end(), [&](const SatRow& x, const SatRow& y) {
        return x.counts.responses != y.counts.responses ? x.counts.responses > y.counts.responses
                                                        : pool.view(x.key) < pool.view(y.key);
    });
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

static void build_trends(const SurveyTable& s, const std::vector<uint32_t>& survey_rows, int max_days,
                         SatisfactionMetrics* sat) {
    int32_t first = INT32_MAX, last = INT32_MIN;
    for (uint32_t i : survey_rows) {
        if (!has_time(s.submitted_at[i])) continue;
        int32_t d = day_of(s.submitted_at[i]);
        first = std::min(first, d), last = std::max(last, d);
    }
    if (first > last) return;
    first = std::max(first, last - std::max(1, max_days) + 1);
    // Dense days first (a plain index, no search), then the periods, then drop the empty days.
    sat->daily.assign(static_cast<size_t>(last - first + 1), SatTrendPoint{});
    for (size_t d = 0; d < sat->daily.size(); ++d) sat->daily[d].start_day = first + static_cast<int32_t>(d);
    for (uint32_t i : survey_rows) {
        if (!has_time(s.submitted_at[i])) continue;
        int32_t d = day_of(s.submitted_at[i]);
        if (d >= first) add_row(s, i, &sat->daily[d - first].counts);
    }
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
    // the selected cases, submitted within the time range.
    if (index.survey_begin.size() != c.count + 2) return;  // no survey index for this table
    const bool timed = has_time(filter.from) || has_time(filter.to);
    for (uint32_t r : out->rows) {
        for (uint32_t k = index.survey_begin[r]; k < index.survey_begin[r + 1]; ++k) {
            const uint32_t i = index.survey_rows[k];
            if (!timed || filter.time_contains(s.submitted_at[i])) sat.survey_rows.push_back(i);
        }
    }
    if (!index.surveys_in_case_order) std::sort(sat.survey_rows.begin(), sat.survey_rows.end());
    if (!opt.satisfaction) return;
    for (uint32_t i : sat.survey_rows) {
        add_row(s, i, &sat.overall);
        add_row(s, i, &sat.by_severity[static_cast<int>(index.survey_severity[i])]);
    }
    std::vector<SatCounts>* per_code = &out->scratch.sat_counts;
    breakdown(data, sat.survey_rows, index.queue, per_code, &sat.by_queue);
    breakdown(data, sat.survey_rows, index.product, per_code, &sat.by_product);
    breakdown(data, sat.survey_rows, index.offering, per_code, &sat.by_offering);
    breakdown(data, sat.survey_rows, index.owner, per_code, &sat.by_owner);
    breakdown(data, sat.survey_rows, index.customer, per_code, &sat.by_customer);
    build_trends(s, sat.survey_rows, opt.max_series_days, &sat);
}

}  // namespace cb
