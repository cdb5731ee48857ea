#include <gtest/gtest.h>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

Milestone milestone(Time due, MilestoneStatus status, float weight = 1) {
    Milestone m;
    m.due = due, m.status = status, m.weight = weight;
    return m;
}

// Seven plans as of t(30) = 2026-04-01, one per way to reach each health.
struct PlanData : TestData {
    Time as_of = t(30);
    PlanData() {
        using S = MilestoneStatus;
        add_plan("Contoso", "cara", kNoTime, kNoTime, {{milestone(t(5), S::Done), milestone(t(9), S::Done)}});
        add_plan("Contoso", "cara", kNoTime, kNoTime,  // 20 days overdue: late
                 {{milestone(t(5), S::Done), milestone(t(10), S::InProgress)}});
        add_plan("Fabrikam", "cara", t(0), t(29),
                 {{milestone(t(1), S::Done), milestone(t(40), S::NotStarted)}});
        add_plan("Fabrikam", "dev", kNoTime, kNoTime,  // 5 days overdue: at risk
                 {{milestone(t(25), S::InProgress)},
                  {milestone(t(40), S::NotStarted, 3), milestone(t(50), S::NotStarted)}});
        std::vector<Milestone> half(4, milestone(kNoTime, S::Done)), sixty(20, milestone(kNoTime, S::Done));
        half[2].status = half[3].status = S::InProgress;                // 50% done, 75% of the period elapsed
        for (int i = 12; i < 20; ++i) sixty[i].status = S::NotStarted;  // 60%: exactly 15 points behind
        add_plan("Northwind", "dev", t(0), t(40), {half});
        add_plan("Northwind", "dev", t(0), t(40), {sixty});
        add_plan("Northwind", "dev", kNoTime, kNoTime, {{milestone(t(45), S::Blocked)}});

        add_case("k0", t(1), CaseStatus::New);
        add_case("k1", t(2), CaseStatus::InProgress);
        add_case("k2", t(3), CaseStatus::Closed);
        add_case("k3", t(4), CaseStatus::New);
        data.cases.customer[3] = id("Fabrikam");
        add_survey(2, t(5), 4);
        add_survey(2, t(6), 2);
    }
    void add_plan(const char* customer, const char* csam, Time start, Time end,
                  std::vector<std::vector<Milestone>> objectives) {
        SuccessPlan p;
        p.customer = id(customer), p.owner = id(csam), p.period_start = start, p.period_end = end;
        for (auto& ms : objectives) {
            p.objectives.emplace_back();
            p.objectives.back().milestones = std::move(ms);
        }
        data.plans.push_back(std::move(p));
    }
    PlanMetrics run(const Filter& f = Filter{}) {
        Metrics m;
        compute_metrics(data, SlaResults{}, f, as_of, MetricsOptions{}, &m);
        return m.plans;
    }
};

}  // namespace

TEST(MetricsPlans, HealthEachWay) {
    PlanData d;
    const PlanMetrics pm = d.run();
    ASSERT_EQ(pm.plans.size(), 7u);
    const PlanHealth expected[] = {PlanHealth::Done,   PlanHealth::Late,   PlanHealth::Late,
                                   PlanHealth::AtRisk, PlanHealth::AtRisk, PlanHealth::OnTrack,
                                   PlanHealth::AtRisk};
    for (int i = 0; i < 7; ++i) EXPECT_EQ(pm.plans[i].progress.health, expected[i]) << "plan " << i;
    EXPECT_EQ(pm.by_health[static_cast<int>(PlanHealth::OnTrack)], 1u);
    EXPECT_EQ(pm.by_health[static_cast<int>(PlanHealth::AtRisk)], 3u);
    EXPECT_EQ(pm.by_health[static_cast<int>(PlanHealth::Late)], 2u);
    EXPECT_EQ(pm.by_health[static_cast<int>(PlanHealth::Done)], 1u);
    EXPECT_STREQ(to_string(PlanHealth::AtRisk), "at_risk");
}

TEST(MetricsPlans, ProgressAndExpectedProgress) {
    PlanData d;
    const PlanMetrics pm = d.run();
    const Progress& p1 = pm.plans[1].progress;
    EXPECT_EQ(p1.milestones, 2u);
    EXPECT_EQ(p1.done, 1u);
    EXPECT_EQ(p1.overdue, 1u);
    EXPECT_TRUE(p1.late);
    EXPECT_DOUBLE_EQ(p1.progress, 0.5);
    EXPECT_DOUBLE_EQ(p1.expected, 1.0);  // both due by as_of
    const Progress& p3 = pm.plans[3].progress;
    EXPECT_DOUBLE_EQ(p3.weight_total, 5);
    EXPECT_DOUBLE_EQ(p3.progress, 0);
    EXPECT_DOUBLE_EQ(p3.expected, 0.2);  // weight 1 of 5 due by as_of
    EXPECT_FALSE(p3.late);
    EXPECT_DOUBLE_EQ(pm.plans[4].progress.expected, 0.75);  // no due dates: 30 of 40 days elapsed
    EXPECT_DOUBLE_EQ(pm.plans[5].progress.progress, 0.6);
    EXPECT_EQ(pm.plans[6].progress.blocked, 1u);
    ASSERT_EQ(pm.objectives.size(), 8u);
    EXPECT_EQ(pm.objectives[3].plan, 3u);
    EXPECT_EQ(pm.objectives[3].progress.health, PlanHealth::AtRisk);   // the overdue milestone
    EXPECT_EQ(pm.objectives[4].progress.health, PlanHealth::OnTrack);  // nothing due yet
}

TEST(MetricsPlans, MilestoneLists) {
    PlanData d;
    const PlanMetrics pm = d.run();
    ASSERT_EQ(pm.overdue.size(), 2u);
    EXPECT_EQ(pm.overdue[0].plan, 1u);
    EXPECT_EQ(pm.overdue[1].plan, 3u);
    ASSERT_EQ(pm.due_soon.size(), 4u);  // t(40) plan 2, t(40) plan 3, t(45) plan 6, t(50) plan 3
    EXPECT_EQ(pm.due_soon[0].plan, 2u);
    EXPECT_EQ(pm.due_soon[1].plan, 3u);
    EXPECT_EQ(pm.due_soon[1].objective, 1u);
    EXPECT_EQ(pm.due_soon[2].plan, 6u);
    EXPECT_EQ(pm.due_soon[3].due, t(50));
    EXPECT_EQ(pm.plans[3].due_14, 1u);
    EXPECT_EQ(pm.plans[3].due_30, 2u);
}

TEST(MetricsPlans, RollupsAndCustomerJoin) {
    PlanData d;
    const PlanMetrics pm = d.run();
    ASSERT_EQ(pm.by_csam.size(), 2u);
    EXPECT_EQ(pm.by_csam[0].key, d.id("cara"));
    EXPECT_EQ(pm.by_csam[0].worst, PlanHealth::Late);
    EXPECT_EQ(pm.by_csam[0].plans, 3u);
    EXPECT_EQ(pm.by_csam[0].by_health[static_cast<int>(PlanHealth::Late)], 2u);
    EXPECT_NEAR(pm.by_csam[0].progress_mean, (1 + 0.5 + 0.5) / 3, 1e-12);
    EXPECT_EQ(pm.by_csam[1].worst, PlanHealth::AtRisk);
    EXPECT_EQ(pm.by_csam[1].milestones, 3u + 4 + 20 + 1);
    ASSERT_EQ(pm.by_customer.size(), 3u);
    EXPECT_EQ(pm.by_customer[0].plans.key, d.id("Contoso"));
    EXPECT_EQ(pm.by_customer[0].open_cases, 2u);
    EXPECT_EQ(pm.by_customer[0].csat.n, 2u);
    EXPECT_DOUBLE_EQ(pm.by_customer[0].csat.mean(), 3);
    EXPECT_EQ(pm.by_customer[1].plans.key, d.id("Fabrikam"));
    EXPECT_EQ(pm.by_customer[1].open_cases, 1u);
    EXPECT_EQ(pm.by_customer[2].plans.key, d.id("Northwind"));
    EXPECT_EQ(pm.by_customer[2].plans.worst, PlanHealth::AtRisk);
    EXPECT_EQ(pm.by_customer[2].open_cases, 0u);
}

// A filter change keeps the plans (and their roll-ups by customer, in order) and joins the new counts: the
// same rows as a first computation of that filter, however many came before.
TEST(MetricsPlans, CustomerJoinAfterFilterChangesMatchesAFreshOne) {
    PlanData d;
    MetricsIndex index;
    build_metrics_index(d.data, &index);
    const SlaResults sla;
    Metrics m;
    for (const char* text : {"", "k3", "k1", "", "k0"}) {
        Filter f;
        f.text = text;
        compute_metrics(d.data, index, sla, f, d.as_of, MetricsOptions{}, &m);
        const PlanMetrics fresh = d.run(f);
        ASSERT_EQ(m.plans.by_customer.size(), fresh.by_customer.size()) << text;
        for (size_t i = 0; i < fresh.by_customer.size(); ++i) {
            const CustomerPlanRow &a = m.plans.by_customer[i], &b = fresh.by_customer[i];
            EXPECT_EQ(a.plans.key, b.plans.key) << text << " " << i;
            EXPECT_EQ(a.plans.plans, b.plans.plans) << text << " " << i;
            EXPECT_EQ(a.open_cases, b.open_cases) << text << " " << i;
            EXPECT_EQ(a.csat.n, b.csat.n) << text << " " << i;
            EXPECT_EQ(a.csat.sum, b.csat.sum) << text << " " << i;
        }
    }
}

TEST(MetricsPlans, CustomerFilterAppliesToPlans) {
    PlanData d;
    Filter f;
    f.customer = {d.id("Fabrikam")};
    const PlanMetrics pm = d.run(f);
    ASSERT_EQ(pm.plans.size(), 2u);
    EXPECT_EQ(pm.plans[0].plan, 2u);
    ASSERT_EQ(pm.by_customer.size(), 1u);
    EXPECT_EQ(pm.by_customer[0].open_cases, 1u);
}
