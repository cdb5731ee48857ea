#include "stats.h"

#include <algorithm>

namespace cb {

static constexpr double kZ975 = 1.959963984540054;

Interval wilson_interval(uint32_t successes, uint32_t n) {
    if (n == 0) return {};
    double p = static_cast<double>(std::min(successes, n)) / n;
    double z2 = kZ975 * kZ975;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = kZ975 * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double normal_upper_tail(double z) {
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double two_proportion_p_value(uint32_t x1, uint32_t n1, uint32_t x2, uint32_t n2) {
    if (n1 == 0 || n2 == 0) return 1;
    double p1 = static_cast<double>(x1) / n1, p2 = static_cast<double>(x2) / n2;
    double pooled = static_cast<double>(x1 + x2) / (n1 + n2);
    double var = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (!(var > 0)) return 1;
    double z = std::fabs(p1 - p2) / std::sqrt(var);
    return std::min(1.0, 2 * normal_upper_tail(z));
}

double MeanAccumulator::sample_sd() const {
    if (n < 2) return kNaN;
    double m = sum / n;
    double ss = std::max(0.0, sum_sq - n * m * m);  // rounding can push a zero variance below 0
    return std::sqrt(ss / (n - 1));
}

Interval MeanAccumulator::mean_interval() const {
    if (n < 2) return {};
    double half = t_quantile_975(n - 1) * sample_sd() / std::sqrt(static_cast<double>(n));
    return {mean() - half, mean() + half};
}

double t_quantile_975(uint32_t df) {
    static const double kTable[31] = {kNaN,   12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646,
                                      2.3060, 2.2622,  2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314,
                                      2.1199, 2.1098,  2.1009, 2.0930, 2.0860, 2.0796, 2.0739, 2.0687,
                                      2.0639, 2.0595,  2.0555, 2.0518, 2.0484, 2.0452, 2.0423};
    if (df <= 30) return kTable[df];
    // Cornish-Fisher expansion of t around the normal quantile: error < 1e-5 for df > 30.
    double z = kZ975, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, v = df;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
           (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

double quantile_inplace(std::vector<float>* values, double q) {
    std::vector<float>& v = *values;
    bool first = true;
    return quantile_of_order_stats(v.size(), q, [&](size_t k) -> double {
        if (first) {  // the lower rank: partition around it
            first = false;
            std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
            return v[k];
        }
        // After nth_element everything right of k-1 is >= v[k-1]; the next order statistic is their minimum.
        return *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    });
}

// Howard Hinnant's civil-date algorithms (proleptic Gregorian, exact for all int32 days).
int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

void civil_from_days(int32_t day, int* y, unsigned* m, unsigned* d) {
    int64_t z = static_cast<int64_t>(day) + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

int32_t month_start(int32_t day) {
    int y;
    unsigned m, d;
    civil_from_days(day, &y, &m, &d);
    return day - static_cast<int32_t>(d - 1);
}

void iso_week_of(int32_t day, int* iso_year, int* week) {
    // The ISO year is the year of the week's Thursday; week 1 holds that year's first Thursday.
    int32_t thursday = iso_week_start(day) + 3;
    int y;
    unsigned m, d;
    civil_from_days(thursday, &y, &m, &d);
    *iso_year = y;
    *week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
}

}  // namespace cb
