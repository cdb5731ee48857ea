#include <gtest/gtest.h>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

constexpr int kFR = static_cast<int>(SlaMetric::FirstResponse);
constexpr int kNU = static_cast<int>(SlaMetric::NextUpdate);
constexpr int kRes = static_cast<int>(SlaMetric::Resolution);

// Six cases with hand-set clocks, as of t(10) (a Thursday).
struct SlaData : TestData {
    Time as_of = t(10);
    SlaResults sla;
    SlaData() {
        CaseTable& c = data.cases;
        add_case("s0", t(1), CaseStatus::Closed, "Net", Severity::A);
        c.first_response_at[0] = t(1, 1);
        add_case("s1", t(2), CaseStatus::Resolved, "Net", Severity::B);
        c.first_response_at[1] = t(2, 10);  // late: answered after its deadline
        add_case("s2", t(3), CaseStatus::InProgress, "Sto", Severity::A);  // never answered
        c.owner[2] = id("bob"), c.offering[2] = id("unified");
        add_case("s3", t(9), CaseStatus::OnHold, "Sto", Severity::C);
        add_case("s4", t(9), CaseStatus::New, "Net", Severity::C);
        add_case("s5", t(4), CaseStatus::Cancelled, "Net", Severity::B);
        sla = empty_sla(6, as_of);
        auto set = [&](int m, uint32_t row, SlaState s, Time deadline) {
            sla.clocks[m].state[row] = s;
            sla.clocks[m].deadline[row] = deadline;
        };
        set(kFR, 0, SlaState::Succeeded, t(1, 4));
        set(kFR, 1, SlaState::Noncompliant, t(2, 9.5));                   // Wednesday 09:30
        set(kFR, 2, SlaState::Noncompliant, t(3) + 23 * 3600 + 59 * 60);  // Thursday 23:59
        set(kFR, 3, SlaState::InProgress, as_of + 2 * 3600);
        set(kFR, 4, SlaState::NearingNoncompliance,
            as_of + 24 * 3600);  // exactly at the horizon: not nearing
        set(kRes, 0, SlaState::Succeeded, t(5));
        set(kRes, 1, SlaState::Succeeded, t(6));
        set(kRes, 2, SlaState::Noncompliant, t(6));  // Sunday 00:00
        set(kRes, 3, SlaState::Paused, as_of + 3600);
        set(kRes, 4, SlaState::InProgress, as_of + 23 * 3600);
        set(kRes, 5, SlaState::Cancelled, kNoTime);
        set(kNU, 2, SlaState::Noncompliant, t(3) + 23 * 3600 + 59 * 60);
    }
    Metrics run(const Filter& f = Filter{}) {
        Metrics m;
        compute_metrics(data, sla, f, as_of, MetricsOptions{}, &m);
        return m;
    }
};

}  // namespace

TEST(MetricsSla, StateCountsAndAttainment) {
    SlaData d;
    const SlaMetrics s = d.run().sla;
    const SlaMetricSummary& fr = s.metric[kFR];
    EXPECT_EQ(fr.by_state[static_cast<int>(SlaState::Succeeded)], 1u);
    EXPECT_EQ(fr.by_state[static_cast<int>(SlaState::Noncompliant)], 2u);
    EXPECT_EQ(fr.by_state[static_cast<int>(SlaState::NotApplicable)], 1u);
    EXPECT_EQ(fr.breached_done, 1u);  // s1 was answered, late
    EXPECT_EQ(fr.open_breaches, 1u);  // s2 still waits
    EXPECT_DOUBLE_EQ(fr.attainment, 0.5);
    EXPECT_DOUBLE_EQ(fr.attainment_all, 1.0 / 3);
    EXPECT_EQ(fr.nearing, 1u);  // s3; s4's deadline is exactly 24 h away
    const SlaMetricSummary& res = s.metric[kRes];
    EXPECT_EQ(res.open_breaches, 1u);
    EXPECT_EQ(res.breached_done, 0u);
    EXPECT_DOUBLE_EQ(res.attainment, 1.0);
    EXPECT_DOUBLE_EQ(res.attainment_all, 2.0 / 3);
    EXPECT_EQ(res.nearing, 1u);  // s4; the paused s3 is not nearing
    EXPECT_EQ(res.by_state[static_cast<int>(SlaState::Cancelled)], 1u);
    EXPECT_TRUE(std::isnan(s.metric[kNU].attainment));  // no succeeded or breached-and-done clock
    EXPECT_EQ(s.metric[kNU].open_breaches, 1u);
    EXPECT_EQ(s.breached_cases, 2u);
}

TEST(MetricsSla, NearingListIsSoonestFirst) {
    SlaData d;
    const SlaMetrics s = d.run().sla;
    ASSERT_EQ(s.nearing.size(), 2u);
    EXPECT_EQ(s.nearing[0].row, 3u);
    EXPECT_EQ(s.nearing[0].metric, SlaMetric::FirstResponse);
    EXPECT_EQ(s.nearing[1].row, 4u);
    EXPECT_EQ(s.nearing[1].metric, SlaMetric::Resolution);
}

TEST(MetricsSla, Breakdowns) {
    SlaData d;
    const SlaMetrics s = d.run().sla;
    ASSERT_EQ(s.by_queue.size(), 2u);
    // Net: s0 s1 s4 s5, breached s1 (first response); Sto: s2 s3, breached s2 (all three metrics). Tie on
    // one breached case each: by name.
    EXPECT_EQ(s.by_queue[0].key, d.id("Net"));
    EXPECT_EQ(s.by_queue[0].cases, 4u);
    EXPECT_EQ(s.by_queue[0].breached_cases, 1u);
    EXPECT_EQ(s.by_queue[0].breaches[kFR], 1u);
    EXPECT_EQ(s.by_queue[1].key, d.id("Sto"));
    EXPECT_EQ(s.by_queue[1].breaches[kFR], 1u);
    EXPECT_EQ(s.by_queue[1].breaches[kNU], 1u);
    EXPECT_EQ(s.by_queue[1].breaches[kRes], 1u);
    ASSERT_EQ(s.by_owner.size(), 2u);
    EXPECT_EQ(s.by_owner[0].key, d.id("ann"));
    ASSERT_EQ(s.by_offering.size(), 2u);
    EXPECT_EQ(s.by_offering[0].key, d.id("premier"));
    EXPECT_EQ(s.by_offering[1].key, d.id("unified"));
    EXPECT_EQ(s.by_offering[1].cases, 1u);
    EXPECT_EQ(s.by_severity[0].cases, 2u);
    EXPECT_EQ(s.by_severity[0].breached_cases, 1u);
    EXPECT_EQ(s.by_severity[1].breached_cases, 1u);
    EXPECT_EQ(s.by_severity[2].breached_cases, 0u);
}

TEST(MetricsSla, BreachHeatmapByWeekdayAndHour) {
    SlaData d;
    const SlaMetrics s = d.run().sla;
    uint32_t total = 0;
    for (auto& day : s.breach_heatmap)
        for (uint32_t n : day) total += n;
    EXPECT_EQ(total, 4u);
    EXPECT_EQ(s.breach_heatmap[2][9], 1u);   // t(2) is a Wednesday, 09:30
    EXPECT_EQ(s.breach_heatmap[3][23], 2u);  // first response and next update of s2
    EXPECT_EQ(s.breach_heatmap[6][0], 1u);   // Sunday midnight
}

TEST(MetricsSla, FilterAndMissingClocks) {
    SlaData d;
    Filter f;
    f.queue = {d.id("Sto")};
    const SlaMetrics s = d.run(f).sla;
    EXPECT_EQ(s.metric[kFR].open_breaches, 1u);
    EXPECT_EQ(s.metric[kFR].breached_done, 0u);
    EXPECT_EQ(s.metric[kFR].nearing, 1u);
    d.sla = SlaResults{};  // not computed: every SLA figure stays empty
    const SlaMetrics none = d.run().sla;
    EXPECT_EQ(none.breached_cases, 0u);
    EXPECT_TRUE(none.by_queue.empty());
}
