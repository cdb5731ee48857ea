#include <gtest/gtest.h>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

// 100 open cases with one survey each; dissatisfied (CSAT 1): rows 0..19 and 40..45 (26 in all).
//   transfers >= 2:      rows 0..39                      -> 20 of 40 vs 6 of 60
//   reopened:            rows 0..9, 40..44, 50..54       -> 15 of 20 vs 11 of 80
//   not validated:       rows 10..19, 60..69             -> 10 of 20 vs 16 of 80
//   no scope agreement:  rows 90..99                     ->  0 of 10
//   queue: even rows Net, odd rows Sto (13 of 50 each); every case product "Exchange".
struct DriverData : TestData {
    Time as_of = t(3);
    DriverData() {
        CaseTable& c = data.cases;
        for (int i = 0; i < 100; ++i) {
            uint32_t r =
                add_case("d" + std::to_string(i), t(0), CaseStatus::InProgress, i % 2 ? "Sto" : "Net");
            c.scope_agreed_at[r] = i >= 90 ? kNoTime : t(0, 1);
            c.transfers[r] = i < 40 ? 2 : 0;
            c.reopened[r] = i < 10 || (i >= 40 && i < 45) || (i >= 50 && i < 55);
            c.solution_validated[r] =
                (i >= 10 && i < 20) || (i >= 60 && i < 70) ? Tristate::No : Tristate::Yes;
            bool unhappy = i < 20 || (i >= 40 && i < 46);
            add_survey(r, t(2), unhappy ? 1 : 5);
        }
        add_survey(0, t(2), 0);  // no CSAT score: not a response for the drivers
    }
    DriverMetrics run(const SlaResults& sla, const MetricsOptions& opt = MetricsOptions{}) {
        Metrics m;
        compute_metrics(data, sla, Filter{}, as_of, opt, &m);
        return m.drivers;
    }
    static const DriverRow* find(const DriverMetrics& dm, Driver driver, StrId value = kNoStr) {
        for (const DriverRow& r : dm.rows)
            if (r.driver == driver && r.value == value) return &r;
        return nullptr;
    }
};

}  // namespace

TEST(MetricsDrivers, RatesLiftPValueAndImpact) {
    DriverData d;
    const DriverMetrics dm = d.run(SlaResults{});
    EXPECT_EQ(dm.responses, 100u);
    EXPECT_EQ(dm.dissatisfied, 26u);
    ASSERT_EQ(dm.rows.size(), 8u);  // 5 case attributes (no SLA clocks), Net, Sto, Exchange
    const DriverRow& tr = dm.rows[0];
    EXPECT_EQ(tr.driver, Driver::Transfers);
    EXPECT_EQ(tr.n_with, 40u);
    EXPECT_EQ(tr.dissatisfied_with, 20u);
    EXPECT_EQ(tr.n_without, 60u);
    EXPECT_EQ(tr.dissatisfied_without, 6u);
    EXPECT_DOUBLE_EQ(tr.rate_with, 0.5);
    EXPECT_DOUBLE_EQ(tr.rate_without, 0.1);
    EXPECT_DOUBLE_EQ(tr.lift, 5.0);
    EXPECT_NEAR(tr.p_value, 7.9145e-6, 1e-9);
    EXPECT_DOUBLE_EQ(tr.impact, 16);
    EXPECT_TRUE(tr.qualifies);
    EXPECT_EQ(dm.rows[1].driver, Driver::Reopened);
    EXPECT_NEAR(dm.rows[1].impact, 12.25, 1e-9);  // (0.75 - 0.1375) x 20
    EXPECT_NEAR(dm.rows[1].p_value, 2.33003e-8, 1e-12);
    EXPECT_EQ(dm.rows[2].driver, Driver::NotValidated);
    EXPECT_NEAR(dm.rows[2].impact, 6, 1e-9);
    EXPECT_NEAR(dm.rows[2].p_value, 0.0062236, 1e-6);
    EXPECT_EQ(dm.rows.back().driver, Driver::NoScope);  // negative impact ranks last
    EXPECT_FALSE(dm.rows.back().qualifies);
    const DriverRow* net = DriverData::find(dm, Driver::Queue, d.id("Net"));
    ASSERT_NE(net, nullptr);
    EXPECT_EQ(net->n_with, 50u);
    EXPECT_EQ(net->dissatisfied_with, 13u);
    EXPECT_DOUBLE_EQ(net->p_value, 1.0);
    EXPECT_FALSE(net->qualifies);
    const DriverRow* product = DriverData::find(dm, Driver::Product, d.id("Exchange"));
    ASSERT_NE(product, nullptr);
    EXPECT_EQ(product->n_without, 0u);  // every response: nothing to compare with
    EXPECT_FALSE(product->qualifies);
}

TEST(MetricsDrivers, TopThreePrioritiesInPlainWords) {
    DriverData d;
    const DriverMetrics dm = d.run(SlaResults{});
    ASSERT_EQ(dm.top.size(), 3u);
    EXPECT_EQ(dm.top[0].label, "Transfers");
    EXPECT_EQ(dm.top[0].sentence,
              "Transfers: 50% of customers with 2+ transfers were dissatisfied vs 10% without (5.0x, n=40, "
              "p<0.001)");
    EXPECT_EQ(
        dm.top[1].sentence,
        "Reopened cases: 75% of customers whose case was reopened were dissatisfied vs 14% otherwise (5.5x, "
        "n=20, p<0.001)");
    EXPECT_EQ(
        dm.top[2].sentence,
        "Solution not validated: 50% of customers whose solution was not validated were dissatisfied vs 20% "
        "otherwise (2.5x, n=20, p=0.006)");
}

TEST(MetricsDrivers, MinimumNAndSlaDrivers) {
    DriverData d;
    MetricsOptions opt;
    opt.driver_min_n = 41;  // nothing has 41 responses with the attribute except the queues and the product
    EXPECT_TRUE(d.run(SlaResults{}, opt).top.empty());

    SlaResults sla = empty_sla(100, d.as_of);
    for (uint32_t r = 0; r < 40; ++r)  // first response breached on rows 0..39: the transfer rows again
        sla.clocks[static_cast<int>(SlaMetric::FirstResponse)].state[r] = SlaState::Noncompliant;
    for (uint32_t r = 60; r < 80; ++r)
        sla.clocks[static_cast<int>(SlaMetric::Resolution)].state[r] = SlaState::Noncompliant;
    const DriverMetrics dm = d.run(sla);
    EXPECT_EQ(dm.rows.size(), 10u);
    const DriverRow* late = DriverData::find(dm, Driver::LateFirstResponse);
    ASSERT_NE(late, nullptr);
    EXPECT_EQ(late->n_with, 40u);
    EXPECT_EQ(late->dissatisfied_with, 20u);
    const DriverRow* breached = DriverData::find(dm, Driver::SlaBreached);
    ASSERT_NE(breached, nullptr);
    EXPECT_EQ(breached->n_with, 60u);  // either metric
    EXPECT_EQ(breached->dissatisfied_with, 20u);
}

TEST(MetricsDrivers, AgedCases) {
    DriverData d;
    d.as_of = t(7, 1);  // every open case is now older than 7 days...
    d.data.cases.status[99] = CaseStatus::Resolved;
    d.data.cases.resolved_at[99] = t(7);  // ...except one resolved after exactly 7 days
    const DriverMetrics dm = d.run(SlaResults{});
    const DriverRow* aged = DriverData::find(dm, Driver::Aged);
    ASSERT_NE(aged, nullptr);
    EXPECT_EQ(aged->n_with, 99u);
}
