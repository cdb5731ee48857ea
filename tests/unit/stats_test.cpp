#include "stats.h"

#include <gtest/gtest.h>

#include <vector>

using namespace cb;

TEST(Stats, WilsonIntervalMatchesHandComputedBounds) {
    Interval i = wilson_interval(8, 10);
    EXPECT_NEAR(i.lo, 0.49016, 1e-4);
    EXPECT_NEAR(i.hi, 0.94332, 1e-4);
    i = wilson_interval(0, 10);  // the interval of 0 successes still has an upper bound
    EXPECT_NEAR(i.lo, 0.0, 1e-12);
    EXPECT_NEAR(i.hi, 0.27753, 1e-4);
    i = wilson_interval(3, 5);
    EXPECT_NEAR(i.lo, 0.23072, 1e-4);
    EXPECT_NEAR(i.hi, 0.88238, 1e-4);
    EXPECT_TRUE(std::isnan(wilson_interval(0, 0).lo));
}

TEST(Stats, TwoProportionPValue) {
    EXPECT_NEAR(two_proportion_p_value(30, 100, 15, 100), 0.011085, 1e-5);
    EXPECT_NEAR(two_proportion_p_value(15, 100, 30, 100), 0.011085, 1e-5);  // two-sided
    EXPECT_NEAR(two_proportion_p_value(20, 40, 6, 60), 7.9145e-6, 1e-9);
    EXPECT_DOUBLE_EQ(two_proportion_p_value(13, 50, 13, 50), 1.0);
    EXPECT_DOUBLE_EQ(two_proportion_p_value(0, 50, 0, 50), 1.0);  // no variance
    EXPECT_DOUBLE_EQ(two_proportion_p_value(3, 0, 2, 10), 1.0);
}

TEST(Stats, QuantilesInterpolateBetweenRanks) {
    std::vector<float> v = {7, 1, 10, 3, 9, 2, 8, 5, 4, 6};
    EXPECT_DOUBLE_EQ(quantile_inplace(&v, 0.5), 5.5);  // even count: mean of the middle two
    EXPECT_NEAR(quantile_inplace(&v, 0.9), 9.1, 1e-6);
    EXPECT_DOUBLE_EQ(quantile_inplace(&v, 0.0), 1);
    EXPECT_DOUBLE_EQ(quantile_inplace(&v, 1.0), 10);
    std::vector<float> one = {4};
    EXPECT_DOUBLE_EQ(quantile_inplace(&one, 0.9), 4);
    std::vector<float> none;
    EXPECT_TRUE(std::isnan(quantile_inplace(&none, 0.5)));
}

TEST(Stats, MeanIntervalUsesStudentT) {
    MeanAccumulator m;
    for (double x : {2, 4, 4, 4, 5, 5, 7, 9}) m.add(x);
    EXPECT_DOUBLE_EQ(m.mean(), 5);
    EXPECT_NEAR(m.sample_sd(), 2.138090, 1e-6);
    Interval i = m.mean_interval();  // t(7) = 2.3646
    EXPECT_NEAR(i.lo, 5 - 1.787470, 1e-4);
    EXPECT_NEAR(i.hi, 5 + 1.787470, 1e-4);
    MeanAccumulator single;
    single.add(3);
    EXPECT_TRUE(std::isnan(single.mean_interval().lo));
    EXPECT_NEAR(t_quantile_975(31), 2.039513, 1e-5);
    EXPECT_NEAR(t_quantile_975(100), 1.983972, 1e-5);
    EXPECT_NEAR(t_quantile_975(100000), 1.959988, 1e-5);
}

TEST(Stats, CalendarHelpers) {
    EXPECT_EQ(days_from_civil(2026, 3, 2), 20514);
    int y;
    unsigned m, d;
    civil_from_days(20514, &y, &m, &d);
    EXPECT_EQ(y, 2026);
    EXPECT_EQ(m, 3u);
    EXPECT_EQ(d, 2u);
    EXPECT_EQ(weekday_of_day(0), 3);  // 1970-01-01 was a Thursday
    EXPECT_EQ(weekday_of_day(20514), 0);
    EXPECT_EQ(weekday_of_day(-1), 2);
    EXPECT_EQ(day_of(-1), -1);
    EXPECT_EQ(day_of(-86400), -1);
    EXPECT_EQ(day_of(86399), 0);
    // 1970..2106 take a 32-bit division; later times the 64-bit one: the same days either side.
    const Time last32 = Time(UINT32_MAX);
    EXPECT_EQ(day_of(last32), int32_t(last32 / 86400));
    EXPECT_EQ(day_of(last32 + 1), int32_t((last32 + 1) / 86400));
    EXPECT_EQ(day_of(Time(1) << 40), int32_t((Time(1) << 40) / 86400));
    EXPECT_EQ(hour_of(-1), 23);
    EXPECT_EQ(hour_of(5 * 3600 + 3599), 5);
    EXPECT_EQ(hour_of(last32 + 1), int((last32 + 1) % 86400 / 3600));
    EXPECT_EQ(iso_week_start(20514 + 6), 20514);
    EXPECT_EQ(month_start(20514 + 30), days_from_civil(2026, 4, 1));
    int iso_year, week;
    iso_week_of(days_from_civil(2027, 1, 1), &iso_year, &week);
    EXPECT_EQ(iso_year, 2026);
    EXPECT_EQ(week, 53);
    iso_week_of(days_from_civil(2024, 12, 30), &iso_year, &week);
    EXPECT_EQ(iso_year, 2025);
    EXPECT_EQ(week, 1);
}
