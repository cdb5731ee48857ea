// metrics_satisfaction.cpp: survey figures over the surveys of the selected cases.
#include <algorithm>

#include "group_rows.h"
#include "metrics_counts.h"

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

void select_surveys(const Dataset& data, const MetricsIndex& index, const std::vector<uint32_t>& rows,
                    const Filter& filter, std::vector<uint32_t>* out) {
    const SurveyTable& s = data.surveys;
    if (!surveys_usable(s) || index.survey_begin.size() != data.cases.count + 2 ||
        index.survey_slots.size() != s.count) {
        out->clear();
        return;
    }
    // (Written into a buffer of every survey, and one more: a broad selection has many short runs. Sized up
    // from its last size, not from empty: resizing writes every entry it adds.)
    const bool timed = has_time(filter.from) || has_time(filter.to);
    out->resize(std::max(out->size(), s.count + 1));
    uint32_t* to = out->data();
    const bool numbered = index.surveys_in_case_order && !timed;
    if (numbered) {
        // Surveys in case order (assembled data): survey_rows is 0, 1, 2..., so case r's surveys are the
        // numbers survey_begin[r] up to survey_begin[r + 1], most often none or one: the first is written
        // without a branch (one entry ahead when there is none), the rest in a loop.
        const uint32_t* begin = index.survey_begin.data();
        for (uint32_t r : rows) {
            const uint32_t first = begin[r], end = begin[r + 1];
            *to = first, to += end > first;
            for (uint32_t i = first + 1; i < end; ++i) *to++ = i;
        }
    }
    // Otherwise a run of consecutive case rows (the usual shape: assembled data is grouped by queue and
    // severity) has its surveys in one slice of survey_rows.
    for (size_t a = 0, b = 0; !numbered && a < rows.size(); a = b) {
        b = run_end(rows, a);
        const uint32_t* first = index.survey_rows.data() + index.survey_begin[rows[a]];
        const uint32_t* last = index.survey_rows.data() + index.survey_begin[rows[b - 1] + 1];
        if (!timed) {
            to = std::copy(first, last, to);
            continue;
        }
        for (const uint32_t* i = first; i != last; ++i) {
            *to = *i;
            to += filter.time_contains(s.submitted_at[*i]);
        }
    }
    out->resize(static_cast<size_t>(to - out->data()));
    if (!index.surveys_in_case_order) std::sort(out->begin(), out->end());
}

void SatHistogram::add(const SatHistogram& o) {
    for (int v = 0; v < 8; ++v) csat[v] += o.csat[v], effort[v] += o.effort[v];
    for (int v = 0; v < 4; ++v) resolved[v] += o.resolved[v];
    for (int v = 0; v < 16; ++v) nps[v] += o.nps[v];
}

void SatHistogram::subtract(const SatHistogram& o) {
    for (int v = 0; v < 8; ++v) csat[v] -= o.csat[v], effort[v] -= o.effort[v];
    for (int v = 0; v < 4; ++v) resolved[v] -= o.resolved[v];
    for (int v = 0; v < 16; ++v) nps[v] -= o.nps[v];
}

static void count_by_code(const MetricsIndex& index, const std::vector<uint32_t>& surveys,
                          const KeyCodes& codes, std::vector<SatHistogram>* out) {
    out->assign(codes.keys.size(), SatHistogram{});
    for (uint32_t i : surveys) (*out)[codes.survey_code[i]].add(index.survey_slots[i]);
}

void count_satisfaction_by_customer(const MetricsIndex& index, const Selection& sel,
                                    SatisfactionCounts* out) {
    count_by_code(index, sel.survey_rows, index.customer, &out->by_customer);
}

void count_satisfaction_by_customer_less(const MetricsIndex& index, const std::vector<uint32_t>& left_surveys,
                                         CountsScratch* scratch, SatisfactionCounts* out) {
    if (scratch->all_build != index.build) {
        std::vector<uint32_t> known;  // (a survey of an unknown case is never selected)
        const std::vector<uint8_t>& cell = index.cells[kByKind].survey_cell;
        for (uint32_t i = 0; i < cell.size(); ++i)
            if (cell[i] != kNoCell) known.push_back(i);
        count_by_code(index, known, index.customer, &scratch->all_by_customer);
        scratch->all_build = index.build;
    }
    out->by_customer = scratch->all_by_customer;
    for (uint32_t i : left_surveys)
        out->by_customer[index.customer.survey_code[i]].remove(index.survey_slots[i]);
}

void count_satisfaction(const MetricsIndex& index, const Selection& sel, int32_t first_day, int32_t last_day,
                        int max_days, SatisfactionCounts* out) {
    reset_keeping_capacity(out, &SatisfactionCounts::by_queue, &SatisfactionCounts::by_product,
                           &SatisfactionCounts::by_offering, &SatisfactionCounts::by_owner,
                           &SatisfactionCounts::by_customer, &SatisfactionCounts::per_day);
    const std::vector<uint32_t>& surveys = sel.survey_rows;
    if (sel.per_customer) count_satisfaction_by_customer(index, sel, out);
    if (first_day > last_day) {  // the selection's own days, the most recent max_days of them
        for (uint32_t i : surveys) {
            const int32_t d = index.survey_day[i];
            if (d == INT32_MIN) continue;
            first_day = std::min(first_day, d), last_day = std::max(last_day, d);
        }
        if (first_day <= last_day) first_day = std::max(first_day, last_day - std::max(1, max_days) + 1);
    }
    if (first_day <= last_day) {
        out->first_day = first_day;
        out->per_day.assign(static_cast<size_t>(last_day - first_day + 1), SatHistogram{});
    }
    // Every histogram in one pass over the surveys (each reads the survey's packed slots).
    out->by_queue.assign(index.queue.keys.size(), SatHistogram{});
    out->by_product.assign(index.product.keys.size(), SatHistogram{});
    out->by_offering.assign(index.offering.keys.size(), SatHistogram{});
    out->by_owner.assign(index.owner.keys.size(), SatHistogram{});
    SatHistogram *queue = out->by_queue.data(), *product = out->by_product.data(),
                 *offering = out->by_offering.data(), *owner = out->by_owner.data(),
                 *day = out->per_day.data();
    const size_t days = out->per_day.size();
    for (uint32_t i : surveys) {
        const uint16_t slots = index.survey_slots[i];
        out->by_severity[static_cast<int>(index.survey_severity[i])].add(slots);
        queue[index.queue.survey_code[i]].add(slots), product[index.product.survey_code[i]].add(slots);
        offering[index.offering.survey_code[i]].add(slots), owner[index.owner.survey_code[i]].add(slots);
        const size_t d = static_cast<size_t>(static_cast<int64_t>(index.survey_day[i]) - first_day);
        if (d < days) day[d].add(slots);
    }
}

// Survey counts per value of one case column, most responses first (ties by name).
static void list_by_code(const KeyCodes& codes, const std::vector<SatHistogram>& per_code,
                         MetricsScratch* scratch, std::vector<SatRow>* out) {
    std::vector<uint32_t>& order = scratch->codes;
    order.clear();
    for (uint32_t code = 0; code < per_code.size(); ++code)
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

// The days with responses, the most recent max_days of them, then weeks and months.
static void list_trends(const SatisfactionCounts& counts, int max_days, SatisfactionMetrics* sat) {
    const std::vector<SatHistogram>& days = counts.per_day;
    size_t first = 0, end = days.size();
    while (end > 0 && days[end - 1].responses() == 0) --end;
    if (end == 0) return;
    first = static_cast<size_t>(std::max<int64_t>(0, static_cast<int64_t>(end) - std::max(1, max_days)));
    sat->daily.clear();
    for (size_t d = first; d < end; ++d)
        sat->daily.push_back({counts.first_day + static_cast<int32_t>(d), days[d].counts()});
    roll_up(sat->daily, iso_week_start, &sat->weekly);
    roll_up(sat->daily, month_start, &sat->monthly);
    sat->daily.erase(std::remove_if(sat->daily.begin(), sat->daily.end(),
                                    [](const SatTrendPoint& p) { return p.counts.responses == 0; }),
                     sat->daily.end());
}

CB_FOR_SIZE void finish_satisfaction(const MetricsIndex& index, const SatisfactionCounts& counts,
                                     const MetricsOptions& opt, MetricsScratch* scratch,
                                     SatisfactionMetrics* out) {
    SatisfactionMetrics& sat = *out;
    sat.overall = SatCounts{};
    sat.daily.clear(), sat.weekly.clear(), sat.monthly.clear();
    for (std::vector<SatRow>* v :
         {&sat.by_queue, &sat.by_product, &sat.by_offering, &sat.by_owner, &sat.by_customer})
        v->clear();
    for (SatCounts& c : sat.by_severity) c = SatCounts{};
    for (uint32_t& n : sat.csat_distribution) n = 0;
    if (!opt.satisfaction || counts.by_queue.size() != index.queue.keys.size()) return;
    for (int v = 0; v < kSeverities; ++v) {
        sat.by_severity[v] = counts.by_severity[v].counts();
        sat.overall.add(sat.by_severity[v]);
        for (int score = 1; score <= 5; ++score)
            sat.csat_distribution[score - 1] += counts.by_severity[v].csat[score];
    }
    list_by_code(index.queue, counts.by_queue, scratch, &sat.by_queue);
    list_by_code(index.product, counts.by_product, scratch, &sat.by_product);
    list_by_code(index.offering, counts.by_offering, scratch, &sat.by_offering);
    list_by_code(index.owner, counts.by_owner, scratch, &sat.by_owner);
    list_by_code(index.customer, counts.by_customer, scratch, &sat.by_customer);
    list_trends(counts, opt.max_series_days, &sat);
}

}  // namespace cb
