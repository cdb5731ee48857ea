#include "timestamp.h"

#include <gtest/gtest.h>

namespace cb {

TEST(Timestamp, CivilDaysRoundTrip) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(2024, 2, 29), 19782);
    EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
    int64_t y;
    unsigned m, d;
    civil_from_days(19782, &y, &m, &d);
    EXPECT_EQ(y, 2024);
    EXPECT_EQ(m, 2u);
    EXPECT_EQ(d, 29u);
    EXPECT_EQ(weekday_from_days(days_from_civil(2026, 3, 2)), 0);  // a Monday
    EXPECT_EQ(weekday_from_days(0), 3);                            // 1970-01-01 was a Thursday
    EXPECT_EQ(days_in_month(2000, 2), 29u);
    EXPECT_EQ(days_in_month(1900, 2), 28u);
}

TEST(Timestamp, AcceptedForms) {
    Time t = 0;
    EXPECT_TRUE(parse_timestamp("2026-03-02T09:15:00Z", &t, false));
    EXPECT_EQ(t, 1772442900);
    EXPECT_TRUE(parse_timestamp("2026-03-02T09:15:00.123+01:00", &t, false));
    EXPECT_EQ(t, 1772439300);
    EXPECT_TRUE(parse_timestamp("2026-03-02T04:15:00-05:00", &t, false));
    EXPECT_EQ(t, 1772442900);
    EXPECT_TRUE(parse_timestamp("2026-03-02 09:15:00", &t, false));
    EXPECT_EQ(t, 1772442900);
    EXPECT_TRUE(parse_timestamp("2026-03-02", &t, true));
    EXPECT_EQ(t, 1772409600);
    EXPECT_TRUE(parse_epoch("1772442900", &t));
    EXPECT_EQ(t, 1772442900);
    EXPECT_TRUE(parse_epoch("1772442900999", &t));
    EXPECT_EQ(t, 1772442900);
}

TEST(Timestamp, RejectedForms) {
    Time t = 42;
    for (const char* s :
         {"2026-02-30T00:00:00Z", "2026-3-2", "2026-03-02", "yesterday", "", "2026-03-02T09:15:00",
          "2026-03-02T09:15:00+0100", "2026-03-02T24:00:00Z", "2026-03-02T09:15:00Zjunk",
          "2026-03-02 09:15:00Z", "2026-13-01T00:00:00Z", "2026-03-02T09:15:00.Z", "2026/03/02"})
        EXPECT_FALSE(parse_timestamp(s, &t, false)) << s;
    EXPECT_FALSE(parse_timestamp("2026-02-29", &t, true));  // not a leap year
    EXPECT_FALSE(parse_epoch("-5", &t));
    EXPECT_FALSE(parse_epoch("1.5", &t));
    EXPECT_FALSE(parse_epoch("1e9", &t));
    EXPECT_EQ(t, 42);  // untouched on failure
}

TEST(Timestamp, Format) {
    EXPECT_EQ(format_iso8601(1772442900), "2026-03-02T09:15:00Z");
    EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_iso8601(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(format_iso8601(kNoTime), "");
}

}  // namespace cb
