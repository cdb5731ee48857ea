// stats.h: the small statistics and calendar helpers the metrics are built from.
//
// Everything here is a pure function of its arguments, so the metrics code and its tests can rely on exact
// values. Rates are fractions (0..1); NaN stands for "no data" (an empty denominator).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "model.h"

namespace cb {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr Time kSecondsPerDay = 86400;

// ---- proportions -------------------------------------------------------------------------------------
struct Interval {
    double lo = kNaN, hi = kNaN;
};
inline double rate(double num, double den) {
    return den > 0 ? num / den : kNaN;
}
// Wilson score interval of successes/n at the 95% level (z = 1.959964); {NaN, NaN} when n == 0.
Interval wilson_interval(uint32_t successes, uint32_t n);
// Two-sided p-value of the pooled two-proportion z test (x1 of n1 vs x2 of n2); 1 when either n is 0 or
// the pooled proportion is 0 or 1 (no variance: no evidence of a difference).
double two_proportion_p_value(uint32_t x1, uint32_t n1, uint32_t x2, uint32_t n2);
// Upper-tail probability of the standard normal, P(Z > z).
double normal_upper_tail(double z);

// ---- means --------------------------------------------------------------------------------------------
// Running sums of one variable; the interval of the mean uses Student's t with n-1 degrees of freedom.
struct MeanAccumulator {
    uint32_t n = 0;
    double sum = 0, sum_sq = 0;
    void add(double x) { ++n, sum += x, sum_sq += x * x; }
    void add(const MeanAccumulator& o) { n += o.n, sum += o.sum, sum_sq += o.sum_sq; }
    double mean() const { return n ? sum / n : kNaN; }
    double sample_sd() const;        // NaN when n < 2
    Interval mean_interval() const;  // 95% t interval; {NaN, NaN} when n < 2
};
// Two-sided 95% quantile of Student's t (t_{0.975, df}); exact table to df 30, Cornish-Fisher beyond.
double t_quantile_975(uint32_t df);

// ---- order statistics ---------------------------------------------------------------------------------
// Quantile q (0..1) by linear interpolation between closest ranks (R type 7, numpy's default): position
// q * (n - 1). The median of an even count is the mean of the two middle values. Reorders `values`
// (nth_element, O(n)); NaN when empty.
double quantile_inplace(std::vector<float>* values, double q);
// The same quantile of n values given order_stat(k), the k-th smallest (0-based). It is asked for at most
// two ranks, in increasing order, so a caller may scan forward.
template <typename OrderStat>
double quantile_of_order_stats(size_t n, double q, OrderStat order_stat) {
    if (n == 0) return kNaN;
    q = q > 0 ? (q < 1 ? q : 1) : 0;  // NaN counts as 0
    const double pos = q * static_cast<double>(n - 1);
    const size_t lo = static_cast<size_t>(pos);
    const double lo_value = order_stat(lo);
    if (lo + 1 >= n || pos == static_cast<double>(lo)) return lo_value;
    const double hi_value = order_stat(lo + 1);
    return lo_value + (pos - static_cast<double>(lo)) * (hi_value - lo_value);
}

// ---- calendar (UTC) -----------------------------------------------------------------------------------
inline int32_t day_of(Time t) {  // days since 1970-01-01, floor division
    // 1970..2106 take a 32-bit division, which compiles to a multiply; wasm has no 64x64->128 multiply, so a
    // 64-bit division by a constant stays a real divide there (the per-row loops call this a lot).
    if (t >= 0 && t <= static_cast<Time>(UINT32_MAX))
        return static_cast<int32_t>(static_cast<uint32_t>(t) / static_cast<uint32_t>(kSecondsPerDay));
    return static_cast<int32_t>(t >= 0 ? t / kSecondsPerDay : -((-t + kSecondsPerDay - 1) / kSecondsPerDay));
}
// Hour of the UTC day of t (0..23).
inline int hour_of(Time t) {
    return static_cast<int>(static_cast<uint32_t>(t - static_cast<Time>(day_of(t)) * kSecondsPerDay) / 3600u);
}
inline int weekday_of_day(int32_t day) {
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}  // 0 = Monday
inline int32_t iso_week_start(int32_t day) {
    return day - weekday_of_day(day);
}  // its Monday
int32_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int32_t day, int* y, unsigned* m, unsigned* d);
int32_t month_start(int32_t day);  // first day of day's month
// ISO 8601 week-numbering year and week (1..53) of a day.
void iso_week_of(int32_t day, int* iso_year, int* week);

}  // namespace cb
