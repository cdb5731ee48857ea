// case_timeline_test.cpp: a case's events in time order up to as_of, and its paused spans.
#include <gtest/gtest.h>

#include "case_timeline.h"
#include "metrics_test_data.h"

using namespace cb_test;

TEST(CaseTimeline, EventsInTimeOrderWithPausesAndNothingAfterAsOf) {
    TestData d;
    d.add_case("CS-0", t(0), CaseStatus::New);
    uint32_t r = d.add_case("CS-1", t(0, 8), CaseStatus::Closed);
    // History out of order in the feed: the timeline sorts it.
    d.add_history(CaseStatus::InProgress, t(0, 9));
    d.add_history(CaseStatus::WaitingCustomer, t(0, 12));
    d.add_history(CaseStatus::InProgress, t(1, 10));
    d.add_history(CaseStatus::OnHold, t(2, 9));
    d.add_history(CaseStatus::Resolved, t(3));
    CaseTable& c = d.data.cases;
    c.first_response_at[r] = t(0, 9);
    c.resolved_at[r] = t(3);
    c.closed_at[r] = t(9);  // after as_of: left out
    d.add_survey(0, t(1), 5);
    uint32_t sv = d.add_survey(r, t(3, 5), 2);
    std::vector<CaseEvent> ev;
    std::vector<TimeSpan> pauses;
    case_timeline(d.data, r, t(5), &ev, &pauses);
    ASSERT_EQ(ev.size(), 9u);
    EXPECT_EQ(ev[0].kind, CaseEventKind::Created);
    EXPECT_EQ(ev[1].kind, CaseEventKind::FirstResponse);  // same time as the first status: life order
    EXPECT_EQ(ev[2].kind, CaseEventKind::Status);
    EXPECT_EQ(ev[2].status, CaseStatus::InProgress);
    EXPECT_EQ(ev[3].status, CaseStatus::WaitingCustomer);
    EXPECT_EQ(ev[6].status, CaseStatus::Resolved);
    EXPECT_EQ(ev[7].kind, CaseEventKind::Resolved);
    EXPECT_EQ(ev[8].kind, CaseEventKind::Survey);
    EXPECT_EQ(ev[8].survey, sv);
    // Waiting on the customer (day 0 12:00 .. day 1 10:00) and on hold (day 2 09:00 .. day 3) pause the
    // clocks.
    ASSERT_EQ(pauses.size(), 2u);
    EXPECT_EQ(pauses[0].from, t(0, 12));
    EXPECT_EQ(pauses[0].to, t(1, 10));
    EXPECT_EQ(pauses[1].from, t(2, 9));
    EXPECT_EQ(pauses[1].to, t(3));
}

TEST(CaseTimeline, StillPausedAtAsOfEndsAtAsOf) {
    TestData d;
    d.add_case("CS-1", t(0), CaseStatus::WaitingCustomer);
    d.add_history(CaseStatus::WaitingCustomer, t(1));
    std::vector<CaseEvent> ev;
    std::vector<TimeSpan> pauses;
    case_timeline(d.data, 0, t(2), &ev, &pauses);
    ASSERT_EQ(pauses.size(), 1u);
    EXPECT_EQ(pauses[0].from, t(1));
    EXPECT_EQ(pauses[0].to, t(2));
    case_timeline(d.data, 7, t(2), &ev, &pauses);  // no such row
    EXPECT_TRUE(ev.empty());
    EXPECT_TRUE(pauses.empty());
}
