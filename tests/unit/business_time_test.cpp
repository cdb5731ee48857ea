#include "business_time.h"

#include <gtest/gtest.h>

#include "timestamp.h"

namespace cb {
namespace {

// Times are written with their local offset ("+01:00" = CET) so that the expected values read as wall time.
Time at(const char* iso) {
    Time t = kNoTime;
    EXPECT_TRUE(parse_timestamp(iso, &t, false)) << iso;
    return t;
}

int32_t day(const char* date) {
    int64_t d = 0;
    EXPECT_TRUE(parse_date(date, &d)) << date;
    return static_cast<int32_t>(d);
}

BusinessCalendar weekdays(const char* zone, int start_hour, int end_hour) {
    BusinessCalendar cal;
    cal.name = "cal";
    cal.time_zone = zone;
    for (int d = 0; d < 5; ++d) cal.weekly[d].push_back({start_hour * 60, end_hour * 60});
    return cal;
}

CalendarIndex index_2025(const BusinessCalendar& cal) {
    CalendarIndex x;
    EXPECT_TRUE(build_calendar_index(cal, at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"), 0, &x));
    return x;
}

TEST(BusinessTime, OpenedFridayEveningCountsFromMondayMorning) {
    const CalendarIndex x = index_2025(weekdays("Europe/Berlin", 8, 18));
    const Time friday_evening = at("2025-03-14T20:00:00+01:00");
    EXPECT_EQ(add_business_seconds(x, friday_evening, 7200), at("2025-03-17T10:00:00+01:00"));
    EXPECT_EQ(business_seconds_between(x, friday_evening, at("2025-03-17T08:00:00+01:00")), 0);
    EXPECT_EQ(business_seconds_between(x, friday_evening, at("2025-03-17T10:00:00+01:00")), 7200);
    EXPECT_EQ(business_seconds_between(x, at("2025-03-17T10:00:00+01:00"), friday_evening), 0);  // reversed
}

TEST(BusinessTime, DeadlineAtTheEndOfASpanStaysThere) {
    const CalendarIndex x = index_2025(weekdays("Europe/Berlin", 8, 18));
    // 10 h from Monday 08:00 is Monday 18:00, not Tuesday 08:00.
    EXPECT_EQ(add_business_seconds(x, at("2025-03-17T08:00:00+01:00"), 36000),
              at("2025-03-17T18:00:00+01:00"));
    EXPECT_EQ(add_business_seconds(x, at("2025-03-17T08:00:00+01:00"), 36001),
              at("2025-03-18T08:00:01+01:00"));
    EXPECT_EQ(add_business_seconds(x, at("2025-03-17T08:00:00+01:00"), 0), at("2025-03-17T08:00:00+01:00"));
}

TEST(BusinessTime, WeekendsAndHolidays) {
    BusinessCalendar cal = weekdays("Europe/Berlin", 8, 18);
    cal.holidays = {day("2025-12-25"), day("2025-12-26")};
    const CalendarIndex x = index_2025(cal);
    // Wednesday 24th 17:00: one hour that day, then Thu/Fri holidays, the weekend, Monday 29th 08:00-09:00.
    EXPECT_EQ(add_business_seconds(x, at("2025-12-24T17:00:00+01:00"), 7200),
              at("2025-12-29T09:00:00+01:00"));
    EXPECT_EQ(business_seconds_between(x, at("2025-12-24T17:00:00+01:00"), at("2025-12-29T09:00:00+01:00")),
              7200);
    // The week of Monday 22nd: Mon, Tue, Wed at 10 h each.
    EXPECT_EQ(business_seconds_between(x, at("2025-12-22T00:00:00+01:00"), at("2025-12-29T00:00:00+01:00")),
              3 * 36000);
    // A time inside a holiday counts nothing.
    EXPECT_EQ(business_seconds_between(x, at("2025-12-25T09:00:00+01:00"), at("2025-12-25T17:00:00+01:00")),
              0);
}

TEST(BusinessTime, WholeWeeks) {
    const CalendarIndex x = index_2025(weekdays("Europe/Berlin", 8, 18));
    EXPECT_EQ(x.weekly_seconds, 5 * 36000);
    // 4 weeks x 50 h, Monday 6 January to Monday 3 February.
    EXPECT_EQ(business_seconds_between(x, at("2025-01-06T00:00:00+01:00"), at("2025-02-03T00:00:00+01:00")),
              720000);
    // Across both DST changes, a full year of ordinary weeks: March 3 to November 3 is 35 weeks.
    EXPECT_EQ(business_seconds_between(x, at("2025-03-03T00:00:00+01:00"), at("2025-11-03T00:00:00+01:00")),
              35 * 5 * 36000);
}

TEST(BusinessTime, AcrossBerlinDstChanges) {
    const CalendarIndex x = index_2025(weekdays("Europe/Berlin", 8, 18));
    // Spring: Friday 28 March 17:00 CET + 2 h = Monday 31 March 09:00 CEST (07:00Z, not 08:00Z).
    EXPECT_EQ(add_business_seconds(x, at("2025-03-28T17:00:00+01:00"), 7200),
              at("2025-03-31T09:00:00+02:00"));
    EXPECT_EQ(business_seconds_between(x, at("2025-03-28T17:00:00+01:00"), at("2025-03-31T09:00:00+02:00")),
              7200);
    // Autumn: Friday 24 October 17:00 CEST + 2 h = Monday 27 October 09:00 CET.
    EXPECT_EQ(add_business_seconds(x, at("2025-10-24T17:00:00+02:00"), 7200),
              at("2025-10-27T09:00:00+01:00"));
}

TEST(BusinessTime, AcrossNewYorkDstChanges) {
    const CalendarIndex x = index_2025(weekdays("America/New_York", 9, 17));
    // Spring: Friday 7 March 16:00 EST + 2 h = Monday 10 March 10:00 EDT.
    EXPECT_EQ(add_business_seconds(x, at("2025-03-07T16:00:00-05:00"), 7200),
              at("2025-03-10T10:00:00-04:00"));
    EXPECT_EQ(business_seconds_between(x, at("2025-03-07T16:00:00-05:00"), at("2025-03-10T10:00:00-04:00")),
              7200);
    // Autumn: Friday 31 October 16:00 EDT + 2 h = Monday 3 November 10:00 EST.
    EXPECT_EQ(add_business_seconds(x, at("2025-10-31T16:00:00-04:00"), 7200),
              at("2025-11-03T10:00:00-05:00"));
}

TEST(BusinessTime, DstChangeDaySpansAreWallClock) {
    BusinessCalendar cal;
    cal.time_zone = "Europe/Berlin";
    cal.weekly[5].push_back({8 * 60, 18 * 60});  // Saturday 08:00-18:00
    cal.weekly[6].push_back({0, 24 * 60});       // Sunday the whole day
    const CalendarIndex x = index_2025(cal);
    // Sunday 30 March has 23 h, Sunday 26 October 25 h; the Saturday spans are 10 h either way.
    EXPECT_EQ(business_seconds_between(x, at("2025-03-30T00:00:00+01:00"), at("2025-03-31T00:00:00+02:00")),
              82800);
    EXPECT_EQ(business_seconds_between(x, at("2025-10-26T00:00:00+02:00"), at("2025-10-27T00:00:00+01:00")),
              90000);
    EXPECT_EQ(business_seconds_between(x, at("2025-03-29T00:00:00+01:00"), at("2025-03-30T00:00:00+01:00")),
              36000);
    // 12 h of Sunday 30 March: from 00:00 CET to 13:00 CEST.
    EXPECT_EQ(add_business_seconds(x, at("2025-03-30T00:00:00+01:00"), 12 * 3600),
              at("2025-03-30T13:00:00+02:00"));
    // Part of the Sunday across the change: 01:00 CET to 04:00 CEST is 2 h.
    EXPECT_EQ(business_seconds_between(x, at("2025-03-30T01:00:00+01:00"), at("2025-03-30T04:00:00+02:00")),
              7200);
}

TEST(BusinessTime, SpanCrossingMidnightIsSplit) {
    BusinessCalendar cal;
    cal.time_zone = "UTC";
    cal.weekly[0].push_back({22 * 60, 6 * 60});  // Monday 22:00 to Tuesday 06:00
    const CalendarIndex x = index_2025(cal);
    EXPECT_EQ(x.weekly_seconds, 8 * 3600);
    // Monday 3 March 00:00 to Wednesday 00:00: Monday 22-24 and Tuesday 00-06.
    EXPECT_EQ(business_seconds_between(x, at("2025-03-03T00:00:00Z"), at("2025-03-05T00:00:00Z")), 8 * 3600);
    EXPECT_EQ(add_business_seconds(x, at("2025-03-03T12:00:00Z"), 3 * 3600), at("2025-03-04T01:00:00Z"));
}

TEST(BusinessTime, EndsOfTheIndexAndCalendarsWithoutWork) {
    const BusinessCalendar cal = weekdays("UTC", 9, 17);
    CalendarIndex x;
    ASSERT_TRUE(build_calendar_index(cal, at("2025-03-03T00:00:00Z"), at("2025-03-07T00:00:00Z"), 0, &x));
    EXPECT_EQ(add_business_seconds(x, at("2025-03-03T09:00:00Z"), 400 * 3600), kNoTime);  // beyond the index
    // reach_seconds extends the index far enough for the deadline.
    ASSERT_TRUE(
        build_calendar_index(cal, at("2025-03-03T00:00:00Z"), at("2025-03-07T00:00:00Z"), 400 * 3600, &x));
    // 400 h = 50 days of 8 h = 10 weeks: Monday 3 March 09:00 + 10 weeks = Friday 9 May 17:00.
    EXPECT_EQ(add_business_seconds(x, at("2025-03-03T09:00:00Z"), 400 * 3600), at("2025-05-09T17:00:00Z"));

    const BusinessCalendar never;
    ASSERT_FALSE(
        build_calendar_index(never, at("2025-03-03T00:00:00Z"), at("2025-03-07T00:00:00Z"), 3600, &x));
    EXPECT_EQ(add_business_seconds(x, at("2025-03-03T09:00:00Z"), 1), kNoTime);
    EXPECT_EQ(business_seconds_between(x, at("2025-03-03T09:00:00Z"), at("2025-03-04T09:00:00Z")), 0);
}

TEST(BusinessTime, BadRangesStayBounded) {
    const BusinessCalendar cal = weekdays("UTC", 9, 17);
    CalendarIndex x;
    build_calendar_index(cal, kNoTime, kNoTime, INT64_MAX, &x);
    EXPECT_LE(x.day_start.size(), 110000u);  // 1900..2200 at most
    build_calendar_index(cal, INT64_MIN + 1, INT64_MAX, 0, &x);
    EXPECT_LE(x.day_start.size(), 110000u);
    EXPECT_EQ(business_seconds_between(x, INT64_MIN + 1, INT64_MAX), x.counted_before.back());
}

}  // namespace
}  // namespace cb
