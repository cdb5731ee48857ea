#include <gtest/gtest.h>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

// Three cases, seven surveys of them (one without a CSAT score) and one survey of an unknown case.
struct SatData : TestData {
    SatData() {
        add_case("a0", t(-1), CaseStatus::Closed, "Net", Severity::A);
        add_case("a1", t(-1), CaseStatus::Closed, "Sto", Severity::B);
        add_case("a2", t(-1), CaseStatus::Resolved, "Net", Severity::C);
        data.cases.customer[1] = id("Fabrikam");
        data.cases.product[1] = id("SQL");
        add_survey(0, t(0, 10), 5, 2, Tristate::Yes, 10);
        add_survey(0, t(0, 15), 4, 3, Tristate::Yes, 9);
        add_survey(1, t(1), 1, 7, Tristate::No, 0);
        add_survey(1, t(8), 2, 5, Tristate::No, 8);
        add_survey(2, t(8, 5), 3, 4, Tristate::Unknown, 7);
        add_survey(2, t(30), 5, 1, Tristate::Yes, -1);  // 2026-04-01
        add_survey(2, t(31), 0, 0, Tristate::Unknown, 8);
        add_survey(2, t(2), 1);
        data.surveys.case_index.back() = kNoRow;  // names no loaded case: never counted
    }
    Metrics run(const Filter& f = Filter{}) {
        Metrics m;
        compute_metrics(data, SlaResults{}, f, t(40), MetricsOptions{}, &m);
        return m;
    }
};

}  // namespace

TEST(MetricsSatisfaction, OverallFigures) {
    SatData d;
    const SatisfactionMetrics s = d.run().satisfaction;
    const SatCounts& o = s.overall;
    EXPECT_EQ(s.survey_rows, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(o.responses, 7u);
    EXPECT_EQ(o.csat.n, 6u);
    const uint32_t distribution[5] = {1, 1, 1, 1, 2};  // scores 5 4 1 2 3 5; no score and unknown case out
    for (int k = 0; k < 5; ++k) EXPECT_EQ(s.csat_distribution[k], distribution[k]) << "CSAT " << k + 1;
    EXPECT_NEAR(o.csat.mean(), 20.0 / 6, 1e-12);
    EXPECT_NEAR(o.csat.mean_interval().lo, 20.0 / 6 - 1.713733, 1e-4);  // t(5) = 2.5706, sd 1.632993
    EXPECT_NEAR(o.csat.mean_interval().hi, 20.0 / 6 + 1.713733, 1e-4);
    EXPECT_DOUBLE_EQ(o.top2_rate(), 0.5);
    EXPECT_NEAR(o.top2_interval().lo, 0.187616, 1e-4);
    EXPECT_NEAR(o.top2_interval().hi, 0.812384, 1e-4);
    EXPECT_DOUBLE_EQ(o.dissatisfied_rate(), 1.0 / 3);
    EXPECT_NEAR(o.dissatisfied_interval().lo, 0.096771, 1e-4);
    EXPECT_NEAR(o.dissatisfied_interval().hi, 0.700007, 1e-4);
    EXPECT_EQ(o.effort.n, 6u);
    EXPECT_NEAR(o.effort.mean(), 22.0 / 6, 1e-12);
    EXPECT_DOUBLE_EQ(o.low_effort_rate(), 0.5);  // efforts 2, 3, 1 of 2 3 7 5 4 1
    EXPECT_DOUBLE_EQ(o.resolved_rate(), 0.6);    // 3 yes of 5 answers
    EXPECT_EQ(o.nps_n, 6u);
    EXPECT_NEAR(o.nps(), 100.0 / 6, 1e-9);  // promoters 10 and 9, detractor 0; 8 8 7 passive
}

TEST(MetricsSatisfaction, TrendsByDayWeekMonth) {
    SatData d;
    const SatisfactionMetrics s = d.run().satisfaction;
    ASSERT_EQ(s.daily.size(), 5u);  // days 0, 1, 8, 30, 31
    EXPECT_EQ(s.daily[0].start_day, day_of(t(0)));
    EXPECT_EQ(s.daily[0].counts.responses, 2u);
    EXPECT_DOUBLE_EQ(s.daily[0].counts.csat.mean(), 4.5);
    EXPECT_EQ(s.daily[2].start_day, day_of(t(8)));
    EXPECT_EQ(s.daily[2].counts.responses, 2u);
    ASSERT_EQ(s.weekly.size(), 3u);  // weeks of t(0), t(7), t(28)
    EXPECT_EQ(s.weekly[0].counts.responses, 3u);
    EXPECT_EQ(s.weekly[1].start_day, day_of(t(7)));
    EXPECT_EQ(s.weekly[2].start_day, day_of(t(28)));
    EXPECT_EQ(s.weekly[2].counts.responses, 2u);
    ASSERT_EQ(s.monthly.size(), 2u);
    EXPECT_EQ(s.monthly[0].start_day, days_from_civil(2026, 3, 1));
    EXPECT_EQ(s.monthly[0].counts.responses, 5u);
    EXPECT_DOUBLE_EQ(s.monthly[0].counts.csat.mean(), 3);
    EXPECT_NEAR(s.monthly[0].counts.csat.mean_interval().lo, 3 - 1.963211, 1e-4);  // t(4) = 2.7764
    EXPECT_EQ(s.monthly[1].start_day, days_from_civil(2026, 4, 1));
    EXPECT_EQ(s.monthly[1].counts.csat.n, 1u);
    EXPECT_TRUE(std::isnan(s.monthly[1].counts.csat.mean_interval().lo));  // one score: no interval
}

TEST(MetricsSatisfaction, Breakdowns) {
    SatData d;
    const SatisfactionMetrics s = d.run().satisfaction;
    ASSERT_EQ(s.by_queue.size(), 2u);
    EXPECT_EQ(s.by_queue[0].key, d.id("Net"));
    EXPECT_EQ(s.by_queue[0].counts.responses, 5u);
    EXPECT_DOUBLE_EQ(s.by_queue[0].counts.csat.mean(), 4.25);
    EXPECT_DOUBLE_EQ(s.by_queue[0].counts.top2_rate(), 0.75);
    EXPECT_NEAR(s.by_queue[0].counts.top2_interval().lo, 0.300642, 1e-4);
    EXPECT_EQ(s.by_queue[1].key, d.id("Sto"));
    EXPECT_DOUBLE_EQ(s.by_queue[1].counts.dissatisfied_rate(), 1.0);
    ASSERT_EQ(s.by_customer.size(), 2u);
    EXPECT_EQ(s.by_customer[0].key, d.id("Contoso"));
    EXPECT_EQ(s.by_product[1].key, d.id("SQL"));
    EXPECT_EQ(s.by_offering.size(), 1u);
    EXPECT_EQ(s.by_owner[0].counts.responses, 7u);
    EXPECT_EQ(s.by_severity[0].responses, 2u);
    EXPECT_EQ(s.by_severity[1].responses, 2u);
    EXPECT_EQ(s.by_severity[2].responses, 3u);
}

TEST(MetricsSatisfaction, FiltersOnCaseAndSubmissionTime) {
    SatData d;
    Filter f;
    f.from = t(-1), f.to = t(30);  // cases created t(-1) pass; the April surveys do not
    EXPECT_EQ(d.run(f).satisfaction.overall.responses, 5u);
    f.queue = {d.id("Sto")};
    const SatCounts o = d.run(f).satisfaction.overall;
    EXPECT_EQ(o.responses, 2u);
    EXPECT_DOUBLE_EQ(o.csat.mean(), 1.5);
    f = Filter{};
    f.from = t(0);  // the cases were created before: no case, no survey
    EXPECT_EQ(d.run(f).satisfaction.overall.responses, 0u);
    EXPECT_TRUE(std::isnan(d.run(f).satisfaction.overall.csat.mean()));
}

// Breakdowns count scores per value and derive the figures once per key: every score, valid or not, must
// give what adding the surveys one by one gives.
TEST(MetricsSatisfaction, HistogramCountsEqualAddingEachSurvey) {
    TestData d;
    d.add_case("h", t(0), CaseStatus::Closed);
    SatCounts one_by_one;
    SatHistogram histogram;
    const Tristate resolved[] = {Tristate::Unknown, Tristate::No, Tristate::Yes};
    for (int csat = 0; csat <= 7; ++csat)
        for (int effort = 0; effort <= 9; effort += 3)
            for (int nps = -1; nps <= 12; nps += 2) {
                const uint32_t i = d.add_survey(0, t(1), uint8_t(csat), uint8_t(effort),
                                                resolved[(csat + nps + 3) % 3], int8_t(nps));
                const SurveyTable& s = d.data.surveys;
                one_by_one.add_survey(s.csat[i], s.effort[i], s.resolved[i], s.nps[i]);
                histogram.add(SatHistogram::slots(s, i));
            }
    const SatCounts c = histogram.counts();
    EXPECT_EQ(c.responses, one_by_one.responses);
    EXPECT_EQ(histogram.responses(), one_by_one.responses);
    EXPECT_EQ(c.csat.n, one_by_one.csat.n);
    EXPECT_EQ(c.csat.sum, one_by_one.csat.sum);
    EXPECT_EQ(c.csat.sum_sq, one_by_one.csat.sum_sq);
    EXPECT_EQ(c.effort.n, one_by_one.effort.n);
    EXPECT_EQ(c.effort.sum, one_by_one.effort.sum);
    EXPECT_EQ(c.effort.sum_sq, one_by_one.effort.sum_sq);
    EXPECT_EQ(c.top2, one_by_one.top2);
    EXPECT_EQ(c.dissatisfied, one_by_one.dissatisfied);
    EXPECT_EQ(c.low_effort, one_by_one.low_effort);
    EXPECT_EQ(c.resolved_known, one_by_one.resolved_known);
    EXPECT_EQ(c.resolved_yes, one_by_one.resolved_yes);
    EXPECT_EQ(c.nps_n, one_by_one.nps_n);
    EXPECT_EQ(c.promoters, one_by_one.promoters);
    EXPECT_EQ(c.detractors, one_by_one.detractors);
}

// A selection's surveys come from runs of consecutive case rows; gaps between runs must not leak surveys.
TEST(MetricsSatisfaction, SurveysOfRunsAndGaps) {
    TestData d;
    for (int r = 0; r < 6; ++r)
        d.add_case("r" + std::to_string(r), t(0), CaseStatus::Closed, r % 3 ? "Net" : "Sto");
    for (uint32_t r = 0; r < 6; ++r) d.add_survey(r, t(1), 5), d.add_survey(r, t(2), 1);
    Filter f;
    f.queue = {d.id("Net")};  // rows 1, 2, 4, 5: two runs
    Metrics m;
    compute_metrics(d.data, SlaResults{}, f, t(40), MetricsOptions{}, &m);
    EXPECT_EQ(m.satisfaction.survey_rows, (std::vector<uint32_t>{2, 3, 4, 5, 8, 9, 10, 11}));
    f.from = t(0), f.to = t(1, 12);  // and the time range: only the surveys of t(1)
    compute_metrics(d.data, SlaResults{}, f, t(40), MetricsOptions{}, &m);
    EXPECT_EQ(m.satisfaction.survey_rows, (std::vector<uint32_t>{2, 4, 8, 10}));
}

// Breakdown rows with the same count go by name, whatever the order of first appearance.
TEST(MetricsSatisfaction, BreakdownTiesGoByName) {
    TestData d;
    for (const char* q : {"Zeta", "Alpha", "Mid"}) {
        const uint32_t r = d.add_case(std::string("c") + q, t(0), CaseStatus::Closed, q);
        d.add_survey(r, t(1), 4);
    }
    Metrics m;
    compute_metrics(d.data, SlaResults{}, Filter{}, t(40), MetricsOptions{}, &m);
    ASSERT_EQ(m.satisfaction.by_queue.size(), 3u);
    EXPECT_EQ(m.satisfaction.by_queue[0].key, d.id("Alpha"));
    EXPECT_EQ(m.satisfaction.by_queue[1].key, d.id("Mid"));
    EXPECT_EQ(m.satisfaction.by_queue[2].key, d.id("Zeta"));
}
