#include "tz.h"

#include <gtest/gtest.h>

#include <cstring>

#include "timestamp.h"

namespace cb {
namespace {

// UTC instant, or (for local_to_utc) local wall-clock seconds, of a civil date and time.
int64_t civil(int64_t y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
    return days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
}

TimeZone zone(const char* iana) {
    TimeZone tz;
    EXPECT_TRUE(find_time_zone(iana, &tz)) << iana;
    return tz;
}

TEST(TzParse, EuropeanRule) {
    TimeZone tz;
    ASSERT_TRUE(parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3", &tz));
    EXPECT_EQ(tz.std_offset, 3600);
    EXPECT_EQ(tz.dst_offset, 7200);
    EXPECT_TRUE(tz.has_dst);
    EXPECT_STREQ(tz.std_name, "CET");
    EXPECT_STREQ(tz.dst_name, "CEST");
    EXPECT_EQ(tz.dst_start.kind, TzTransitionRule::MonthWeekDay);
    EXPECT_EQ(tz.dst_start.month, 3);
    EXPECT_EQ(tz.dst_start.week, 5);
    EXPECT_EQ(tz.dst_start.weekday, 0);
    EXPECT_EQ(tz.dst_start.time_seconds, 7200);  // default 02:00
    EXPECT_EQ(tz.dst_end.month, 10);
    EXPECT_EQ(tz.dst_end.time_seconds, 10800);
}

TEST(TzParse, WestOfGreenwichAndExplicitDstOffset) {
    TimeZone tz;
    ASSERT_TRUE(parse_posix_tz("EST5EDT,M3.2.0,M11.1.0", &tz));
    EXPECT_EQ(tz.std_offset, -5 * 3600);
    EXPECT_EQ(tz.dst_offset, -4 * 3600);
    ASSERT_TRUE(parse_posix_tz("XST3XDT1,M3.2.0,M11.1.0", &tz));  // daylight offset given: 1 h west
    EXPECT_EQ(tz.dst_offset, -3600);
}

TEST(TzParse, QuotedNamesHalfHoursAndNoDst) {
    TimeZone tz;
    ASSERT_TRUE(parse_posix_tz("<+0530>-5:30", &tz));
    EXPECT_EQ(tz.std_offset, 5 * 3600 + 30 * 60);
    EXPECT_FALSE(tz.has_dst);
    EXPECT_STREQ(tz.std_name, "+0530");
    ASSERT_TRUE(parse_posix_tz("<-03>3", &tz));
    EXPECT_EQ(tz.std_offset, -3 * 3600);
    ASSERT_TRUE(parse_posix_tz("UTC0", &tz));
    EXPECT_EQ(tz.std_offset, 0);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 7, 1, 12, 0)), 0);
    ASSERT_TRUE(parse_posix_tz("<+0545>-5:45", &tz));  // Nepal
    EXPECT_EQ(tz.std_offset, 5 * 3600 + 45 * 60);
}

TEST(TzParse, DaylightNameWithoutRuleGetsUsRule) {
    TimeZone tz;
    ASSERT_TRUE(parse_posix_tz("EST5EDT", &tz));
    // Second Sunday of March 2025 is March 9: 02:00 EST = 07:00Z.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 9, 6, 59, 59)), -5 * 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 9, 7, 0)), -4 * 3600);
}

TEST(TzParse, JulianAndZeroBasedDayForms) {
    TimeZone tz;
    // "n" counts February 29: day 59 of leap year 2024 is Feb 29; 02:00 EST = 07:00Z.
    ASSERT_TRUE(parse_posix_tz("EST5EDT,59,J300", &tz));
    EXPECT_EQ(tz.dst_start.kind, TzTransitionRule::DayOfYear);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2024, 2, 29, 6, 59, 59)), -5 * 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2024, 2, 29, 7, 0)), -4 * 3600);
    // "Jn" never counts February 29: J60 is March 1 in 2024 too.
    ASSERT_TRUE(parse_posix_tz("EST5EDT,J60,J300", &tz));
    EXPECT_EQ(tz.dst_start.kind, TzTransitionRule::JulianNoLeap);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2024, 2, 29, 12, 0)), -5 * 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2024, 3, 1, 7, 0)), -4 * 3600);
    // J300 = October 27 (day 300 of a 365-day year); 02:00 EDT = 06:00Z.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2024, 10, 27, 5, 59, 59)), -4 * 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2024, 10, 27, 6, 0)), -5 * 3600);
}

TEST(TzParse, NegativeAndBeyond24HourRuleTimes) {
    TimeZone tz;
    // Nuuk: starts last Sunday of March at -1:00 local (-02) = 01:00Z, ends last Sunday of October at
    // 00:00 local (-01) = 01:00Z. 2025: March 30 and October 26.
    ASSERT_TRUE(parse_posix_tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", &tz));
    EXPECT_EQ(tz.dst_start.time_seconds, -3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 30, 0, 59, 59)), -7200);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 30, 1, 0)), -3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 10, 26, 0, 59, 59)), -3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 10, 26, 1, 0)), -7200);
    // Israel: 4th Thursday of March 2025 (the 27th) at 26:00 = Friday 28th 02:00 IST = 00:00Z.
    ASSERT_TRUE(parse_posix_tz("IST-2IDT,M3.4.4/26,M10.5.0", &tz));
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 27, 23, 59, 59)), 7200);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 28, 0, 0)), 10800);
}

TEST(TzParse, RejectsBadInput) {
    TimeZone tz;
    for (const char* bad :
         {"", "CET", "CE-1", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
          "CET-1CEST,M3.5.7,M10.5.0", "<+0530-5:30", "EST5EDT,M3.2.0,M11.1.0junk", "EST25", "EST5EDT,J0,J300",
          "EST5EDT,366,1", "EST5EDT,M3.2.0/168,M11.1.0", "<TOOLONGNAMEXX>1", "EST5:60"})
        EXPECT_FALSE(parse_posix_tz(bad, &tz)) << bad;
}

TEST(TzLookup, KnownZonesAndLinks) {
    TimeZone tz;
    EXPECT_FALSE(find_time_zone("Mars/Olympus_Mons", &tz));
    EXPECT_FALSE(find_time_zone("europe/berlin", &tz));  // IANA names are case-sensitive
    EXPECT_FALSE(find_time_zone("", &tz));
    EXPECT_TRUE(find_time_zone("US/Eastern", &tz));  // a backward link
    EXPECT_EQ(tz.std_offset, -5 * 3600);
    EXPECT_TRUE(find_time_zone("Asia/Calcutta", &tz));
    EXPECT_EQ(tz.std_offset, 19800);
    EXPECT_EQ(utc_offset_seconds(zone("UTC"), civil(2025, 7, 1, 0, 0)), 0);
    EXPECT_EQ(utc_offset_seconds(zone("Asia/Kolkata"), civil(2025, 7, 1, 0, 0)), 19800);
    EXPECT_EQ(utc_offset_seconds(zone("Asia/Kolkata"), civil(2025, 1, 1, 0, 0)), 19800);
}

TEST(TzOffsets, EuropeBerlin2025) {
    const TimeZone tz = zone("Europe/Berlin");
    // Last Sunday of March: March 30, 02:00 CET = 01:00Z; last Sunday of October: October 26, 03:00 CEST =
    // 01:00Z.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 30, 0, 59, 59)), 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 30, 1, 0)), 7200);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 10, 26, 0, 59, 59)), 7200);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 10, 26, 1, 0)), 3600);
    EXPECT_STREQ(zone_abbreviation(tz, civil(2025, 7, 1, 0, 0)), "CEST");
    EXPECT_STREQ(zone_abbreviation(tz, civil(2025, 12, 1, 0, 0)), "CET");
}

TEST(TzOffsets, AmericaNewYork2025) {
    const TimeZone tz = zone("America/New_York");
    // March 9, 02:00 EST = 07:00Z; November 2, 02:00 EDT = 06:00Z.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 9, 6, 59, 59)), -18000);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 3, 9, 7, 0)), -14400);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 11, 2, 5, 59, 59)), -14400);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 11, 2, 6, 0)), -18000);
}

TEST(TzOffsets, AustraliaSydneySouthernHemisphere) {
    const TimeZone tz = zone("Australia/Sydney");
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 1, 15, 0, 0)), 11 * 3600);  // summer: AEDT
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 7, 15, 0, 0)), 10 * 3600);  // winter: AEST
    // Ends first Sunday of April (April 6, 2025) 03:00 AEDT = April 5 16:00Z.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 4, 5, 15, 59, 59)), 11 * 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 4, 5, 16, 0)), 10 * 3600);
    // Starts first Sunday of October (October 5, 2025) 02:00 AEST = October 4 16:00Z.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 10, 4, 15, 59, 59)), 10 * 3600);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 10, 4, 16, 0)), 11 * 3600);
    // Across the new year the daylight period continues.
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 12, 31, 13, 30)), 11 * 3600);
}

TEST(TzOffsets, NegativeDaylightSavingDublin) {
    // Irish standard time is summer time (+1); winter is "daylight" GMT (0).
    const TimeZone tz = zone("Europe/Dublin");
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 1, 15, 12, 0)), 0);
    EXPECT_EQ(utc_offset_seconds(tz, civil(2025, 7, 15, 12, 0)), 3600);
    EXPECT_EQ(local_to_utc(tz, civil(2025, 7, 15, 13, 0)), civil(2025, 7, 15, 12, 0));
}

TEST(TzLocalToUtc, GapMovesForwardOverlapTakesFirst) {
    const TimeZone berlin = zone("Europe/Berlin");
    EXPECT_EQ(local_to_utc(berlin, civil(2025, 7, 1, 12, 0)), civil(2025, 7, 1, 10, 0));
    EXPECT_EQ(local_to_utc(berlin, civil(2025, 1, 1, 12, 0)), civil(2025, 1, 1, 11, 0));
    // 02:30 does not exist on March 30: read as CET, it is 01:30Z = 03:30 CEST.
    EXPECT_EQ(local_to_utc(berlin, civil(2025, 3, 30, 2, 30)), civil(2025, 3, 30, 1, 30));
    EXPECT_EQ(local_to_utc(berlin, civil(2025, 3, 30, 3, 0)), civil(2025, 3, 30, 1, 0));
    // 02:30 happens twice on October 26: first as CEST (00:30Z), then as CET (01:30Z).
    EXPECT_EQ(local_to_utc(berlin, civil(2025, 10, 26, 2, 30)), civil(2025, 10, 26, 0, 30));
    EXPECT_EQ(local_to_utc(berlin, civil(2025, 10, 26, 3, 0)), civil(2025, 10, 26, 2, 0));

    const TimeZone ny = zone("America/New_York");
    EXPECT_EQ(local_to_utc(ny, civil(2025, 3, 9, 2, 30)), civil(2025, 3, 9, 7, 30));    // gap -> 03:30 EDT
    EXPECT_EQ(local_to_utc(ny, civil(2025, 11, 2, 1, 30)), civil(2025, 11, 2, 5, 30));  // first: EDT

    const TimeZone sydney = zone("Australia/Sydney");
    EXPECT_EQ(local_to_utc(sydney, civil(2025, 4, 6, 2, 30)), civil(2025, 4, 5, 15, 30));    // first: AEDT
    EXPECT_EQ(local_to_utc(sydney, civil(2025, 10, 5, 2, 30)), civil(2025, 10, 4, 16, 30));  // gap -> 03:30
}

TEST(TzLocalToUtc, ExtremeInputsDoNotOverflow) {
    const TimeZone berlin = zone("Europe/Berlin");
    EXPECT_LT(local_to_utc(berlin, INT64_MIN), 0);
    EXPECT_GT(local_to_utc(berlin, INT64_MAX), 0);
    const int32_t far_past = utc_offset_seconds(berlin, kNoTime);
    EXPECT_TRUE(far_past == 3600 || far_past == 7200);
}

}  // namespace
}  // namespace cb
