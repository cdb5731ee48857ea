// case_format_test.cpp: durations, UTC times and state words of the case explorer.
#include <gtest/gtest.h>

#include "case_format.h"
#include "metrics_test_data.h"

using namespace cb_test;

TEST(CaseFormat, DurationsPickTwoUnits) {
    EXPECT_EQ(format_duration(59), "< 1 min");
    EXPECT_EQ(format_duration(45 * 60 + 59), "45 min");
    EXPECT_EQ(format_duration(3 * 3600 + 20 * 60), "3 h 20 min");
    EXPECT_EQ(format_duration(-(2 * 86400 + 4 * 3600 + 59)), "2 d 4 h");
    EXPECT_EQ(format_duration(61 * 86400 + 5), "61 d");
}

TEST(CaseFormat, UtcMinuteAndWords) {
    EXPECT_EQ(format_utc_minute(t(0, 14.5)), "2026-03-02 14:30 UTC");
    EXPECT_EQ(format_utc_minute(kNoTime), "–");
    EXPECT_STREQ(sla_state_words(SlaState::Noncompliant), "Breached");
    EXPECT_STREQ(case_status_words(CaseStatus::WaitingCustomer), "Waiting on customer");
}
