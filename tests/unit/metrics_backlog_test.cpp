#include <gtest/gtest.h>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

// Ten cases, as of t(10) = 2026-03-12T00:00Z. Open: c0..c4 (one per age bucket, each ON a bucket's lower
// boundary except c0); closed: c5..c9. Expected figures are worked out by hand next to each assertion.
struct BacklogData : TestData {
    Time as_of = t(10);
    BacklogData() {
        CaseTable& c = data.cases;
        add_case("c0", t(10) - 3600, CaseStatus::New, "Net", Severity::A);  // age 1 h
        c.system_down[0] = 1;
        add_case("c1", t(9), CaseStatus::InProgress, "Net", Severity::B);  // age exactly 1 d
        c.owner[1] = id("bob"), c.collaborators[1] = 1, c.reopened[1] = 1;
        c.first_response_at[1] = t(9, 3);
        add_case("c2", t(7), CaseStatus::WaitingCustomer, "Sto", Severity::C);  // exactly 3 d
        add_case("c3", t(3), CaseStatus::OnHold, "Net", Severity::A);           // exactly 7 d
        c.first_response_at[3] = t(3, 5);
        add_case("c4", t(-20), CaseStatus::New, "Sto", Severity::B);  // exactly 30 d
        c.owner[4] = id("bob"), c.transfers[4] = 3;
        add_case("c5", t(0), CaseStatus::Resolved, "Net", Severity::B);  // first-contact resolution
        c.first_response_at[5] = t(0, 2), c.resolved_at[5] = t(1), c.owner[5] = id("carl");
        add_case("c6", t(1), CaseStatus::Closed, "Sto", Severity::C);  // 2 transfers: not FCR
        c.first_response_at[6] = t(1, 4), c.resolved_at[6] = t(4), c.closed_at[6] = t(5);
        c.transfers[6] = 2, c.collaborators[6] = 2, c.owner[6] = id("carl");
        add_case("c7", t(2), CaseStatus::Resolved, "Net", Severity::A);  // waited on the customer: not FCR
        c.first_response_at[7] = t(2, 1), c.resolved_at[7] = t(2, 6), c.system_down[7] = 1;
        add_history(CaseStatus::InProgress, t(2, 1));
        add_history(CaseStatus::WaitingCustomer, t(2, 2));
        add_history(CaseStatus::Resolved, t(2, 6));
        add_case("c8", t(5), CaseStatus::Cancelled, "Sto", Severity::B);
        c.closed_at[8] = t(6);
        add_case("c9", t(5, 12), CaseStatus::Closed, "Net", Severity::C);  // 1 transfer: not FCR
        c.first_response_at[9] = t(5, 20), c.resolved_at[9] = t(9, 12), c.transfers[9] = 1;
    }
    Metrics run(const Filter& f = Filter{}) {
        Metrics m;
        MetricsOptions opt;
        opt.oldest_open = 3;
        compute_metrics(data, SlaResults{}, f, as_of, opt, &m);
        return m;
    }
};

}  // namespace

TEST(MetricsBacklog, Totals) {
    BacklogData d;
    const BacklogMetrics b = d.run().backlog;
    EXPECT_EQ(b.total, 10u);
    EXPECT_EQ(b.open, 5u);
    EXPECT_EQ(b.system_down_open, 1u);  // c7 is down too, but resolved
    const uint32_t by_status[] = {2, 1, 1, 1, 2, 2, 1};
    for (int s = 0; s < kStatuses; ++s) EXPECT_EQ(b.by_status[s], by_status[s]) << s;
    EXPECT_EQ(b.by_severity[0], 3u);
    EXPECT_EQ(b.by_severity[1], 4u);
    EXPECT_EQ(b.by_severity[2], 3u);
    EXPECT_EQ(b.open_by_severity[0], 2u);
    EXPECT_EQ(b.open_by_severity[1], 2u);
    EXPECT_EQ(b.open_by_severity[2], 1u);
}

TEST(MetricsBacklog, AgeBucketsPutBoundariesInTheOlderBucket) {
    BacklogData d;
    const BacklogMetrics b = d.run().backlog;
    for (int i = 0; i < kAgeBuckets; ++i) EXPECT_EQ(b.age_buckets[i], 1u) << kAgeBucketNames[i];
    d.data.cases.created_at[1] = t(9) + 1;  // one second younger than a day
    EXPECT_EQ(d.run().backlog.age_buckets[0], 2u);
}

TEST(MetricsBacklog, OpenByQueueOwnerAndOldest) {
    BacklogData d;
    const BacklogMetrics b = d.run().backlog;
    ASSERT_EQ(b.open_by_queue.size(), 2u);
    EXPECT_EQ(b.open_by_queue[0].queue, d.id("Net"));
    EXPECT_EQ(b.open_by_queue[0].total, 3u);
    EXPECT_EQ(b.open_by_queue[0].by_severity[0], 2u);
    EXPECT_EQ(b.open_by_queue[0].by_severity[1], 1u);
    EXPECT_EQ(b.open_by_queue[0].by_severity[2], 0u);
    EXPECT_EQ(b.open_by_queue[1].queue, d.id("Sto"));
    EXPECT_EQ(b.open_by_queue[1].by_severity[1], 1u);
    EXPECT_EQ(b.open_by_queue[1].by_severity[2], 1u);
    ASSERT_EQ(b.open_by_owner.size(), 2u);
    EXPECT_EQ(b.open_by_owner[0].key, d.id("ann"));
    EXPECT_EQ(b.open_by_owner[0].count, 3u);
    EXPECT_EQ(b.open_by_owner[1].key, d.id("bob"));
    EXPECT_EQ(b.open_by_owner[1].count, 2u);
    EXPECT_EQ(b.oldest_open, (std::vector<uint32_t>{4, 3, 2}));
}

TEST(MetricsBacklog, WorkloadFigures) {
    BacklogData d;
    const BacklogMetrics b = d.run().backlog;
    EXPECT_DOUBLE_EQ(b.transfers_mean, 0.6);  // 3 + 2 + 1 over 10
    EXPECT_EQ(b.transfers_2plus, 2u);
    EXPECT_DOUBLE_EQ(b.transfers_2plus_rate, 0.2);
    EXPECT_EQ(b.swarmed, 2u);
    EXPECT_EQ(b.reopened, 1u);
    EXPECT_EQ(b.fcr_eligible, 4u);  // c5, c6, c7, c9; the cancelled c8 is not eligible
    EXPECT_EQ(b.fcr, 1u);
    EXPECT_DOUBLE_EQ(b.fcr_rate, 0.25);
}

TEST(MetricsBacklog, ResponseAndResolutionTimes) {
    BacklogData d;
    const BacklogMetrics b = d.run().backlog;
    // First response hours: 3 (c1), 5 (c3), 2, 4, 1, 8 -> sorted 1 2 3 4 5 8.
    EXPECT_EQ(b.first_response.n, 6u);
    EXPECT_DOUBLE_EQ(b.first_response.median_hours, 3.5);
    EXPECT_DOUBLE_EQ(b.first_response.p90_hours, 6.5);  // rank 4.5: 5 + 0.5 * (8 - 5)
    // Resolution hours: 24 (c5), 72 (c6), 6 (c7), 96 (c9); the cancelled c8 is left out.
    EXPECT_EQ(b.resolution.n, 4u);
    EXPECT_DOUBLE_EQ(b.resolution.median_hours, 48);
    EXPECT_NEAR(b.resolution.p90_hours, 88.8, 1e-4);  // rank 2.7: 72 + 0.7 * 24
}

TEST(MetricsBacklog, DailyAndWeeklyFlows) {
    BacklogData d;
    const BacklogMetrics b = d.run().backlog;
    ASSERT_EQ(b.daily.size(), 31u);  // t(-20) .. t(10)
    EXPECT_EQ(b.daily.front().day, day_of(t(-20)));
    const uint32_t arrivals[] = {1, 1, 1, 1, 0, 2, 0, 1, 0, 2, 0};  // days 0..10
    const uint32_t closures[] = {0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0};
    const uint32_t backlog[] = {2, 2, 2, 3, 2, 4, 3, 4, 4, 5, 5};
    for (int i = 0; i <= 10; ++i) {
        const DayFlow& f = b.daily[20 + i];
        EXPECT_EQ(f.arrivals, arrivals[i]) << i;
        EXPECT_EQ(f.closures, closures[i]) << i;
        EXPECT_EQ(f.backlog, backlog[i]) << i;
    }
    EXPECT_EQ(b.daily[0].backlog, 1u);
    EXPECT_EQ(b.daily[19].backlog, 1u);
    ASSERT_EQ(b.weekly.size(), 5u);  // weeks of t(-21), t(-14), t(-7), t(0), t(7)
    EXPECT_EQ(b.weekly[0].start_day, day_of(t(-21)));
    EXPECT_EQ(b.weekly[0].arrivals, 1u);
    EXPECT_EQ(b.weekly[3].start_day, day_of(t(0)));
    EXPECT_EQ(b.weekly[3].arrivals, 6u);
    EXPECT_EQ(b.weekly[3].closures, 4u);
    EXPECT_EQ(b.weekly[4].arrivals, 3u);
    EXPECT_EQ(b.weekly[4].closures, 1u);
}

TEST(MetricsBacklog, SeriesCapKeepsEarlierCasesInTheStartingBacklog) {
    BacklogData d;
    Metrics m;
    MetricsOptions opt;
    opt.max_series_days = 5;  // t(6) .. t(10)
    compute_metrics(d.data, SlaResults{}, Filter{}, d.as_of, opt, &m);
    ASSERT_EQ(m.backlog.daily.size(), 5u);
    EXPECT_EQ(m.backlog.daily[0].day, day_of(t(6)));
    EXPECT_EQ(m.backlog.daily[0].backlog, 3u);  // same as the uncapped series
    EXPECT_EQ(m.backlog.daily[4].backlog, 5u);
}

TEST(MetricsBacklog, FilterAndBufferReuse) {
    BacklogData d;
    Metrics m;
    MetricsOptions opt;
    Filter f;
    f.queue = {d.id("Sto")};
    compute_metrics(d.data, SlaResults{}, Filter{}, d.as_of, opt, &m);
    compute_metrics(d.data, SlaResults{}, f, d.as_of, opt, &m);  // the second call must not accumulate
    EXPECT_EQ(m.rows, (std::vector<uint32_t>{2, 4, 6, 8}));
    EXPECT_EQ(m.backlog.total, 4u);
    EXPECT_EQ(m.backlog.open, 2u);
    ASSERT_EQ(m.backlog.open_by_queue.size(), 1u);
    EXPECT_EQ(m.backlog.open_by_owner.size(), 2u);
    EXPECT_EQ(m.backlog.fcr_eligible, 1u);
    EXPECT_EQ(m.backlog.resolution.n, 1u);
    EXPECT_DOUBLE_EQ(m.backlog.resolution.median_hours, 72);
}

TEST(MetricsBacklog, EmptyAndBrokenDatasets) {
    TestData empty;
    Metrics m;
    compute_metrics(empty.data, SlaResults{}, Filter{}, t(0), MetricsOptions{}, &m);
    EXPECT_EQ(m.backlog.total, 0u);
    EXPECT_TRUE(m.backlog.daily.empty());
    EXPECT_TRUE(std::isnan(m.backlog.first_response.median_hours));
    BacklogData d;
    d.data.cases.history_begin.pop_back();  // malformed: treated as empty, never read out of bounds
    compute_metrics(d.data, SlaResults{}, Filter{}, d.as_of, MetricsOptions{}, &m);
    EXPECT_EQ(m.backlog.total, 0u);
}
