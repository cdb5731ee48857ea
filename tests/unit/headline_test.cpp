// headline_test.cpp: the Overview / SLA / Queues figures derived from a hand-built board.
#include "headline.h"

#include <gtest/gtest.h>

#include <cmath>

#include "metrics_test_data.h"

using namespace cb;
using namespace cb_test;

namespace {

// as_of: Monday 2026-04-13 12:00 UTC (day 42 of the test calendar; its ISO week starts that day).
const Time kAsOf = t(42, 12);

struct HeadlineData : TestData {
    Board board;
    HeadlineData() {
        CaseTable& c = data.cases;
        // c0: open, first response breached 34 h ago and still outstanding; resolution due in 2 h.
        add_case("C0", t(41), CaseStatus::InProgress, "Net", Severity::A);
        // c1: open 32.5 days, responded in week 1 (day 10); resolution due in 6 h.
        add_case("C1", t(10), CaseStatus::InProgress, "DB");
        c.first_response_at[1] = t(10, 1);
        // c2: resolved on day 40; its first response came late (breached, done) on day 35.
        add_case("C2", t(35), CaseStatus::Resolved, "DB");
        c.first_response_at[2] = t(35, 6);
        c.resolved_at[2] = t(40);
        // c3: open 11 h, paused.
        add_case("C3", t(42, 1), CaseStatus::OnHold, "Net", Severity::C);

        SlaResults& s = board.sla;
        s = empty_sla(c.count, kAsOf);
        auto set = [&](uint32_t row, SlaMetric m, SlaState st, Time deadline) {
            s.clocks[(int)m].state[row] = st;
            s.clocks[(int)m].deadline[row] = deadline;
        };
        set(0, SlaMetric::FirstResponse, SlaState::Noncompliant, t(41, 2));
        set(0, SlaMetric::Resolution, SlaState::InProgress, t(42, 14));
        set(1, SlaMetric::FirstResponse, SlaState::Succeeded, t(10, 4));
        set(1, SlaMetric::Resolution, SlaState::NearingNoncompliance, t(42, 18));
        set(2, SlaMetric::FirstResponse, SlaState::Noncompliant, t(35, 4));
        set(2, SlaMetric::Resolution, SlaState::Succeeded, t(45));
        set(3, SlaMetric::Resolution, SlaState::Paused, kNoTime);

        add_survey(2, t(38), 5, 2);      // last 30 days (days 13..42)
        add_survey(1, t(13), 3, 6);      // first day of the last 30
        add_survey(1, t(12, 23), 2, 5);  // last day of the previous 30 (days -17..12)
        add_survey(1, t(-18), 1, 7);     // 60 days back: in neither window

        SuccessPlan on_track;  // half done, half expected
        on_track.objectives.push_back(Objective{});
        Milestone done;
        done.status = MilestoneStatus::Done, done.due = t(36), done.completed_at = t(36);
        Milestone later;
        later.due = t(50);
        on_track.objectives[0].milestones = {done, later};
        SuccessPlan late;  // a milestone 22 days overdue
        late.objectives.push_back(Objective{});
        Milestone overdue;
        overdue.due = t(20);
        late.objectives[0].milestones = {overdue};
        data.plans = {on_track, late};

        build_metrics_index(data, &board.index);
        compute_metrics(data, board.index, board.sla, Filter{}, kAsOf, MetricsOptions{}, &board.metrics);
        board.as_of = kAsOf;
        board.data_generation = 1;
    }
};

}  // namespace

TEST(Headline, TileFigures) {
    HeadlineData d;
    Headline h = compute_headline(d.board, d.data, kAsOf);
    EXPECT_EQ(h.open_cases, 3u);
    EXPECT_EQ(h.noncompliant_cases, 1u);  // c0 only: c2's breach is done
    EXPECT_EQ(h.open_breach_clocks, 1u);
    EXPECT_EQ(h.nearing_clocks, 1u);  // c0's resolution at 14:00; c1's at 18:00 is beyond 4 h
    EXPECT_EQ(h.nearing_cases, 1u);
    EXPECT_DOUBLE_EQ(h.first_response_attainment, 0.5);  // c1 met, c2 breached (done)
    EXPECT_EQ(h.first_response_n, 2u);
    EXPECT_DOUBLE_EQ(h.resolution_attainment, 1.0);
    EXPECT_EQ(h.resolution_n, 1u);
    EXPECT_EQ(h.sat_30d.csat.n, 2u);
    EXPECT_DOUBLE_EQ(h.csat_30d, 4.0);       // (5 + 3) / 2
    EXPECT_DOUBLE_EQ(h.csat_prev_30d, 2.0);  // the 1 of day -18 is out of both windows
    EXPECT_DOUBLE_EQ(h.csat_change, 2.0);
    EXPECT_DOUBLE_EQ(h.effort_30d, 4.0);      // (2 + 6) / 2
    EXPECT_DOUBLE_EQ(h.low_effort_30d, 0.5);  // effort 2 of {2, 6}
    EXPECT_EQ(h.plans, 2u);
    EXPECT_EQ(h.plans_active, 2u);
    EXPECT_EQ(h.plans_on_track, 1u);
    EXPECT_EQ(h.plans_late, 1u);
    EXPECT_DOUBLE_EQ(h.plans_on_track_rate, 0.5);
}

TEST(Headline, Series) {
    HeadlineData d;
    Headline h = compute_headline(d.board, d.data, kAsOf);
    ASSERT_EQ(h.breaches_daily.size(), 30u);
    for (int i = 0; i < 30; ++i)  // day 41 (c0) is 1 day back, day 35 (c2) 7 days back
        EXPECT_EQ(h.breaches_daily[i], i == 28 || i == 22 ? 1.0 : 0.0) << i;
    ASSERT_EQ(h.deadlines_hourly.size(), 24u);
    for (int i = 0; i < 24; ++i) EXPECT_EQ(h.deadlines_hourly[i], i == 2 || i == 6 ? 1.0 : 0.0) << i;
    ASSERT_EQ(h.backlog_daily.size(), 30u);
    EXPECT_EQ(h.backlog_daily.back(), 3.0);  // end of day 42: c0, c1, c3
    EXPECT_EQ(h.backlog_daily[27], 1.0);     // end of day 39: c1 (c2 resolved on day 40)
    // Weekly CSAT: week of day 35 is one back (index 10), day 13's week four back, day 12's too (both week
    // 7).
    ASSERT_EQ(h.csat_weekly.size(), 12u);
    EXPECT_DOUBLE_EQ(h.csat_weekly[10], 5.0);
    EXPECT_DOUBLE_EQ(h.csat_weekly[6], 2.5);
    EXPECT_TRUE(std::isnan(h.csat_weekly[11]));
    EXPECT_DOUBLE_EQ(h.effort_weekly[6], 5.5);
    EXPECT_EQ(h.milestones_done_weekly[10], 1.0);  // completed on day 36
    // Weekly attainment (in the SLA metrics): week of day 42 is the last (25); day 35's is 24, day 10's
    // (week 7) is 20.
    const SlaMetrics& s = d.board.metrics.sla;
    EXPECT_EQ(s.week_start[25], day_of(t(42)));
    EXPECT_EQ(s.week_start[24] + 7, s.week_start[25]);
    EXPECT_EQ(s.week_met[(int)SlaMetric::FirstResponse][20], 1u);
    EXPECT_EQ(s.week_missed[(int)SlaMetric::FirstResponse][24], 1u);  // c2 responded on day 35
    EXPECT_EQ(s.week_met[(int)SlaMetric::Resolution][24], 1u);        // c2 resolved on day 40
    EXPECT_DOUBLE_EQ(week_attainment(s, SlaMetric::FirstResponse, 24), 0.0);
    EXPECT_TRUE(std::isnan(week_attainment(s, SlaMetric::Resolution, 25)));
}

// The SLA view's breach list and the Queues view's age heatmap read the metrics directly.
TEST(Headline, BreachListAndQueueAge) {
    HeadlineData d;
    const std::vector<OpenBreach>& breaches = d.board.metrics.sla.open_breaches;
    ASSERT_EQ(breaches.size(), 1u);
    EXPECT_EQ(breaches[0].row, 0u);
    EXPECT_EQ(breaches[0].metric, SlaMetric::FirstResponse);
    EXPECT_EQ(breaches[0].breached_at, t(41, 2));
    const std::vector<QueueSeverityCount>& queues = d.board.metrics.backlog.open_by_queue;
    ASSERT_EQ(queues.size(), 2u);
    EXPECT_EQ(queues[0].queue, d.id("Net"));  // most open first
    EXPECT_EQ(queues[0].by_age[0], 1u);       // c3, 11 h
    EXPECT_EQ(queues[0].by_age[1], 1u);       // c0, 1.5 d
    EXPECT_EQ(queues[1].queue, d.id("DB"));
    EXPECT_EQ(queues[1].by_age[4], 1u);  // c1, 32.5 d
}

TEST(Headline, FollowsTheFilter) {
    HeadlineData d;
    EXPECT_EQ(compute_headline(d.board, d.data, kAsOf).open_cases, 3u);
    Filter only_db;
    only_db.queue = {d.id("DB")};
    compute_metrics(d.data, d.board.sla, only_db, kAsOf, MetricsOptions{}, &d.board.metrics);
    Headline h = compute_headline(d.board, d.data, kAsOf);
    EXPECT_EQ(h.open_cases, 1u);
    EXPECT_EQ(h.noncompliant_cases, 0u);
}

TEST(Headline, NoClocksNoTimeNoCrash) {
    HeadlineData d;
    d.board.sla = SlaResults{};  // not computed
    compute_metrics(d.data, d.board.index, d.board.sla, Filter{}, kAsOf, MetricsOptions{}, &d.board.metrics);
    Headline h = compute_headline(d.board, d.data, kAsOf);
    EXPECT_EQ(h.open_breach_clocks, 0u);
    EXPECT_EQ(h.open_cases, 3u);
    Headline none = compute_headline(d.board, d.data, kNoTime);
    EXPECT_EQ(none.open_cases, 0u);
    EXPECT_TRUE(std::isnan(none.csat_30d));
}

TEST(Headline, Json) {
    HeadlineData d;
    JsonWriter w;
    write_headline_json(compute_headline(d.board, d.data, kAsOf), w);
    const std::string& s = w.str();
    EXPECT_NE(s.find("\"open_cases\":3"), std::string::npos) << s;
    EXPECT_NE(s.find("\"nearing_4h_clocks\":1"), std::string::npos) << s;
    EXPECT_NE(s.find("\"csat_change\":2"), std::string::npos) << s;
    EXPECT_NE(s.find("\"plans_on_track_rate\":0.5"), std::string::npos) << s;
}
