#include "scales.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "timestamp.h"

namespace cb {

static std::vector<std::string> labels_of(const std::vector<TimeTick>& ticks) {
    std::vector<std::string> out;
    for (const TimeTick& t : ticks) out.push_back(t.label);
    return out;
}

static Time at(int64_t y, unsigned m, unsigned d, int hour = 0, int minute = 0) {
    return days_from_civil(y, m, d) * 86400 + hour * 3600 + minute * 60;
}

static std::string tick(double v, double step, ValueFormat f = ValueFormat::Number) {
    char buf[32];
    format_tick(v, step, f, buf, sizeof buf);
    return buf;
}

static std::string value(double v, ValueFormat f = ValueFormat::Number) {
    char buf[48];
    format_value(v, f, buf, sizeof buf);
    return buf;
}

static void expect_axis(NiceAxis a, double lo, double hi, double step) {
    EXPECT_DOUBLE_EQ(a.lo, lo);
    EXPECT_DOUBLE_EQ(a.hi, hi);
    EXPECT_DOUBLE_EQ(a.step, step);
}

TEST(Scale, LinearMapsBothWays) {
    LinearScale y{0, 100, 300, 100};  // y pixels grow downwards
    EXPECT_DOUBLE_EQ(y.to_pixel(25), 250);
    EXPECT_DOUBLE_EQ(y.to_pixel(100), 100);
    EXPECT_DOUBLE_EQ(y.to_value(150), 75);
    LinearScale empty{5, 5, 0, 400};
    EXPECT_DOUBLE_EQ(empty.to_pixel(5), 200);
    EXPECT_DOUBLE_EQ(empty.to_pixel(1e9), 200);
}

TEST(Scale, PixelColumnsFloorTowardsMinusInfinity) {
    LinearScale x{0, 10, 0, 100};
    EXPECT_EQ(pixel_column(x, 0.05), 0);
    EXPECT_EQ(pixel_column(x, -0.05), -1);
    EXPECT_EQ(pixel_column(x, 10), 100);
    EXPECT_EQ(pixel_column(x, std::nan("")), -1000000000000);
}

TEST(TickNice, PicksOneTwoFiveSteps) {
    expect_axis(nice_axis(0, 97, 6), 0, 100, 20);
    expect_axis(nice_axis(0.62, 0.91, 5), 0.6, 1.0, 0.1);
    expect_axis(nice_axis(-3.2, 7.9, 8), -4, 8, 2);
    expect_axis(nice_axis(0, 1234567, 6), 0, 1500000, 500000);
    expect_axis(nice_axis(7.9, -3.2, 8), -4, 8, 2);  // reversed bounds
}

TEST(TickNice, DegenerateRanges) {
    expect_axis(nice_axis(5, 5, 5), 4.5, 5.5, 0.5);
    expect_axis(nice_axis(0, 0, 5), 0, 1, 0.5);
    expect_axis(nice_axis(std::nan(""), 3, 5), 0, 1, 0.5);
    expect_axis(nice_axis(0, INFINITY, 1), 0, 1, 1);  // max_ticks below 2 counts as 2
}

TEST(TickNice, TickListsAreExact) {
    std::vector<double> t;
    nice_ticks(0.6, 1.0, 0.1, &t);
    EXPECT_EQ(t, (std::vector<double>{0.6, 0.7, 0.8, 0.9, 1.0}));
    nice_ticks(-4, 8, 2, &t);
    EXPECT_EQ(t, (std::vector<double>{-4, -2, 0, 2, 4, 6, 8}));
    nice_ticks(0.05, 0.31, 0.1, &t);  // ticks inside a range that is not widened
    EXPECT_EQ(t, (std::vector<double>{0.1, 0.2, 0.3}));
    nice_ticks(0, 1, 0, &t);
    EXPECT_TRUE(t.empty());
    nice_ticks(0, 1e12, 1, &t);
    EXPECT_EQ(t.size(), 1000u);  // capped
}

TEST(TickLabel, CompactNumbersAndPercentages) {
    EXPECT_EQ(tick(0, 500000), "0");
    EXPECT_EQ(tick(500000, 500000), "500k");
    EXPECT_EQ(tick(1000000, 500000), "1M");
    EXPECT_EQ(tick(1500000, 500000), "1.5M");
    EXPECT_EQ(tick(1200, 200), "1.2k");
    EXPECT_EQ(tick(3400000, 100000), "3.4M");
    EXPECT_EQ(tick(2500000000.0, 500000000), "2.5B");
    EXPECT_EQ(tick(-2000, 1000), "-2k");
    EXPECT_EQ(tick(0.5, 0.1), "0.5");
    EXPECT_EQ(tick(250, 50), "250");
    EXPECT_EQ(tick(1002, 2), "1002");  // a compact form would need 3 decimals
    EXPECT_EQ(tick(0.85, 0.05, ValueFormat::Percent), "85%");
    EXPECT_EQ(tick(0.025, 0.005, ValueFormat::Percent), "2.5%");
}

TEST(TickLabel, ExactTooltipValues) {
    EXPECT_EQ(value(12345), "12,345");
    EXPECT_EQ(value(-1234), "-1,234");
    EXPECT_EQ(value(0.8734), "0.873");
    EXPECT_EQ(value(1234567.25), "1,234,567.25");
    EXPECT_EQ(value(0.8734, ValueFormat::Percent), "87.3%");
    EXPECT_EQ(value(std::nan("")), "no data");
}

TEST(TickTime, SixHours) {
    std::vector<TimeTick> t;
    Time t0 = at(2026, 3, 2, 9, 15);
    EXPECT_EQ(time_ticks(t0, t0 + 6 * 3600, 8, 0, &t), TimeStep::Hour);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"10:00", "11:00", "12:00", "13:00", "14:00", "15:00"}));
    EXPECT_EQ(t[0].at, at(2026, 3, 2, 10));
    EXPECT_EQ(time_ticks(t0, t0 + 6 * 3600, 4, 0, &t), TimeStep::ThreeHours);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"12:00", "15:00"}));
}

TEST(TickTime, MidnightReadsAsTheDayAndOffsetsShiftBoundaries) {
    std::vector<TimeTick> t;
    Time t0 = at(2026, 3, 2, 20), t1 = at(2026, 3, 3, 4);
    EXPECT_EQ(time_ticks(t0, t1, 4, 0, &t), TimeStep::ThreeHours);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"21:00", "Tue 3", "03:00"}));
    // UTC+1: local 21:00 .. 05:00, so ticks at local 21:00, 00:00, 03:00 are 20:00, 23:00, 02:00 UTC.
    EXPECT_EQ(time_ticks(t0, t1, 4, 3600, &t), TimeStep::ThreeHours);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"21:00", "Tue 3", "03:00"}));
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[0].at, at(2026, 3, 2, 20));
    EXPECT_EQ(t[1].at, at(2026, 3, 2, 23));
    EXPECT_EQ(t[2].at, at(2026, 3, 3, 2));
}

TEST(TickTime, ThreeDays) {
    std::vector<TimeTick> t;
    Time t0 = at(2026, 3, 2), t1 = at(2026, 3, 5);
    EXPECT_EQ(time_ticks(t0, t1, 8, 0, &t), TimeStep::TwelveHours);
    EXPECT_EQ(labels_of(t),
              (std::vector<std::string>{"Mon 2", "12:00", "Tue 3", "12:00", "Wed 4", "12:00", "Thu 5"}));
    EXPECT_EQ(time_ticks(t0, t1, 5, 0, &t), TimeStep::Day);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"Mon 2", "Tue 3", "Wed 4", "Thu 5"}));
    EXPECT_EQ(t[3].at, t1);
}

TEST(TickTime, TwoMonths) {
    std::vector<TimeTick> t;
    Time t0 = at(2026, 3, 2), t1 = at(2026, 5, 1);
    EXPECT_EQ(time_ticks(t0, t1, 10, 0, &t), TimeStep::Week);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"Mar 2", "Mar 9", "Mar 16", "Mar 23", "Mar 30", "Apr 6",
                                                      "Apr 13", "Apr 20", "Apr 27"}));
    EXPECT_EQ(time_ticks(t0, t1, 8, 0, &t), TimeStep::Month);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"Apr", "May"}));
    EXPECT_EQ(t[0].at, at(2026, 4, 1));
}

TEST(TickTime, TwoYears) {
    std::vector<TimeTick> t;
    Time t0 = at(2025, 1, 15), t1 = at(2027, 1, 15);
    EXPECT_EQ(time_ticks(t0, t1, 10, 0, &t), TimeStep::Quarter);
    EXPECT_EQ(labels_of(t),
              (std::vector<std::string>{"Apr", "Jul", "Oct", "2026", "Apr", "Jul", "Oct", "2027"}));
    EXPECT_EQ(time_ticks(t0, t1, 4, 0, &t), TimeStep::Year);
    EXPECT_EQ(labels_of(t), (std::vector<std::string>{"2026", "2027"}));
    EXPECT_EQ(t[1].at, at(2027, 1, 1));
}

TEST(TickTime, HugeSpansEndWithoutTicks) {
    std::vector<TimeTick> t;
    EXPECT_EQ(time_ticks(INT64_MIN + 1, INT64_MAX, 8, 0, &t), TimeStep::Count);
    EXPECT_TRUE(t.empty());
    EXPECT_EQ(time_ticks(at(1900, 1, 1), at(2000, 1, 1), 12, 0, &t), TimeStep::TenYears);
    EXPECT_EQ(t.size(), 11u);
}

TEST(TickTime, TooltipForms) {
    char buf[48];
    Time t = at(2026, 3, 2, 9, 15);
    format_time(t, TimeStep::Hour, 0, buf, sizeof buf);
    EXPECT_STREQ(buf, "Mon 2 Mar 2026 09:15");
    format_time(t, TimeStep::Day, 0, buf, sizeof buf);
    EXPECT_STREQ(buf, "Mon 2 Mar 2026");
    format_time(t, TimeStep::Month, 0, buf, sizeof buf);
    EXPECT_STREQ(buf, "Mar 2026");
    format_time(t, TimeStep::Quarter, 0, buf, sizeof buf);
    EXPECT_STREQ(buf, "Q1 2026");
}

TEST(Decimation, VisibleRangeKeepsOneNeighbourEachSide) {
    const double x[] = {0, 10, 20, 30, 40};
    size_t b = 0, e = 0;
    visible_range(x, 5, 15, 25, &b, &e);
    EXPECT_EQ(b, 1u);
    EXPECT_EQ(e, 4u);
    visible_range(x, 5, -5, 100, &b, &e);
    EXPECT_EQ(b, 0u);
    EXPECT_EQ(e, 5u);
    visible_range(x, 0, 0, 1, &b, &e);
    EXPECT_EQ(b, 0u);
    EXPECT_EQ(e, 0u);
}

TEST(Decimation, KeepsFirstLowestHighestLastPerColumn) {
    const double x[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const double y[] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    LinearScale scale{0, 10, 0, 2};  // five values per pixel column
    std::vector<uint32_t> kept;
    decimate_m4(x, y, 0, 10, scale, &kept);
    // column 0: first 0, lowest 1 (the first of two 1s), highest 4, last 4; column 1: 5 (highest, first), 6,
    // 9
    EXPECT_EQ(kept, (std::vector<uint32_t>{0, 1, 4, 5, 6, 9}));
    const double gappy[] = {3, NAN, 4, 1, 5, 9, 2, 6, 5, NAN};
    decimate_m4(x, gappy, 0, 10, scale, &kept);
    EXPECT_EQ(kept, (std::vector<uint32_t>{0, 3, 4, 5, 6, 8}));
    decimate_m4(x, y, 3, 7, scale, &kept);  // a sub-range only
    EXPECT_EQ(kept, (std::vector<uint32_t>{3, 4, 5, 6}));
}

TEST(Decimation, MillionPointsBecomeAtMostFourPerColumn) {
    const size_t n = 1000000;
    std::vector<double> x(n), y(n);
    for (size_t i = 0; i < n; ++i) x[i] = (double)i, y[i] = (double)(i % 7);
    std::vector<uint32_t> kept;
    decimate_m4(x.data(), y.data(), 0, n, LinearScale{0, (double)(n - 1), 0, 1000}, &kept);
    ASSERT_GE(kept.size(), 3000u);
    EXPECT_LE(kept.size(), 4001u);  // 1000 full columns and the last point alone in column 1000
    EXPECT_EQ(kept.front(), 0u);
    EXPECT_EQ(kept.back(), n - 1);
    for (size_t k = 1; k < kept.size(); ++k) ASSERT_LT(kept[k - 1], kept[k]);
}

TEST(Scale, ViridisRampAndTextContrast) {
    auto eq = [](Rgb c, int r, int g, int b) { return c.r == r && c.g == g && c.b == b; };
    EXPECT_TRUE(eq(viridis(0), 68, 1, 84));
    EXPECT_TRUE(eq(viridis(1), 253, 231, 37));
    EXPECT_TRUE(eq(viridis(0.5), 38, 130, 142));
    EXPECT_TRUE(eq(viridis(1.0 / 16), 70, 21, 102));  // halfway between the first two stops
    EXPECT_TRUE(eq(viridis(std::nan("")), 68, 1, 84));
    EXPECT_TRUE(eq(viridis(7), 253, 231, 37));
    EXPECT_TRUE(prefers_dark_text(viridis(1)));
    EXPECT_FALSE(prefers_dark_text(viridis(0)));
}

}  // namespace cb
