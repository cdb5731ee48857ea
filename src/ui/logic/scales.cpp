#include "scales.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "timestamp.h"

namespace cb {

double LinearScale::to_pixel(double v) const {
    if (v1 == v0) return (p0 + p1) * 0.5;
    return p0 + (v - v0) * (p1 - p0) / (v1 - v0);
}

double LinearScale::to_value(double p) const {
    if (p1 == p0) return (v0 + v1) * 0.5;
    return v0 + (p - p0) * (v1 - v0) / (p1 - p0);
}

// m x 10^e computed as a division for negative e, so 0.2 is the double nearest 0.2 (2 * 0.1 is not).
static double step_of(int mantissa, int e) {
    return e >= 0 ? mantissa * std::pow(10.0, e) : mantissa / std::pow(10.0, -e);
}

// Fewest decimals (0..6) that write `step` exactly.
static int decimals_for(double step) {
    int d = 0;
    for (double s = std::fabs(step); d < 6 && std::fabs(s - std::round(s)) > 1e-6 * std::max(1.0, s); s *= 10)
        ++d;
    return d;
}

// i * step rounded to the step's decimals, so tick 6 of step 0.1 is 0.6, not 0.6000000000000001 (and
// never -0).
static double tick_value(double i, double step) {
    double p = std::pow(10.0, decimals_for(step));
    return std::round(i * step * p) / p + 0.0;
}

NiceAxis nice_axis(double lo, double hi, int max_ticks) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) {
        double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
        hi += pad;
        if (lo != 0) lo -= pad;
    }
    max_ticks = std::max(2, max_ticks);
    int e = (int)std::floor(std::log10((hi - lo) / (max_ticks - 1))) - 1;
    static const int kMantissas[] = {1, 2, 5};
    // The widened range needs at most a few steps past the raw estimate; 6 decades is a safe bound.
    for (int decade = 0; decade < 6; ++decade, ++e) {
        for (int m : kMantissas) {
            double step = step_of(m, e);
            double ilo = std::floor(lo / step + 1e-9), ihi = std::ceil(hi / step - 1e-9);
            if (ihi - ilo + 1 <= max_ticks)
                return NiceAxis{tick_value(ilo, step), tick_value(ihi, step), step};
        }
    }
    return NiceAxis{lo, hi, hi - lo};
}

void nice_ticks(double lo, double hi, double step, std::vector<double>* out) {
    out->clear();
    if (!(step > 0) || !std::isfinite(lo) || !std::isfinite(hi) || !std::isfinite(step)) return;
    double i0 = std::ceil(lo / step - 1e-9), i1 = std::floor(hi / step + 1e-9);
    for (double i = i0; i <= i1 && out->size() < 1000; i += 1) out->push_back(tick_value(i, step));
}

static void strip_trailing_zeros(char* s) {
    char* dot = std::strchr(s, '.');
    if (!dot) return;
    char* end = dot + std::strlen(dot);
    char* suffix = end;
    while (suffix > dot && !(suffix[-1] >= '0' && suffix[-1] <= '9')) --suffix;  // keep "k", "%"
    char* cut = suffix;
    while (cut > dot + 1 && cut[-1] == '0') --cut;
    if (cut == dot + 1) --cut;
    std::memmove(cut, suffix, (size_t)(end - suffix) + 1);
}

void format_tick(double v, double step, ValueFormat format, char* buf, size_t size) {
    if (!std::isfinite(v)) {
        std::snprintf(buf, size, "–");
        return;
    }
    if (std::fabs(v) < std::fabs(step) * 1e-9) v = 0;
    if (format == ValueFormat::Percent) {
        std::snprintf(buf, size, "%.*f%%", decimals_for(step * 100), v * 100);
        return;
    }
    double av = std::fabs(v), unit = 1;
    const char* suffix = "";
    if (av >= 1e9)
        unit = 1e9, suffix = "B";
    else if (av >= 1e6)
        unit = 1e6, suffix = "M";
    else if (av >= 1e3)
        unit = 1e3, suffix = "k";
    int decimals = decimals_for(step / unit);
    if (decimals > 2 && unit > 1) unit = 1, suffix = "", decimals = decimals_for(step);
    std::snprintf(buf, size, "%.*f%s", decimals, v / unit, suffix);
    strip_trailing_zeros(buf);
}

void format_value(double v, ValueFormat format, char* buf, size_t size) {
    if (!std::isfinite(v)) {
        std::snprintf(buf, size, "no data");
        return;
    }
    if (format == ValueFormat::Percent) {
        std::snprintf(buf, size, "%.1f%%", v * 100);
        return;
    }
    char raw[64];
    std::snprintf(raw, sizeof raw, std::fabs(v) < 1e15 ? "%.3f" : "%.6g", v);
    strip_trailing_zeros(raw);
    // Thousands separators in the integer digits.
    const char* digits = raw + (raw[0] == '-');
    size_t int_len = std::strcspn(digits, ".e");
    char out[96];
    size_t o = 0;
    if (raw[0] == '-') out[o++] = '-';
    for (size_t i = 0; i < int_len; ++i) {
        if (i && (int_len - i) % 3 == 0) out[o++] = ',';
        out[o++] = digits[i];
    }
    std::snprintf(out + o, sizeof out - o, "%s", digits + int_len);
    std::snprintf(buf, size, "%s", out);
}

// ---- time -----------------------------------------------------------------------------------------------
static const char* const kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static int64_t floor_div(int64_t a, int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

struct Civil {
    int64_t days, y;
    unsigned m, d;
    int weekday, seconds;  // seconds into the day
};
static Civil civil_of(Time local) {
    Civil c;
    c.days = floor_div(local, 86400);
    c.seconds = (int)(local - c.days * 86400);
    civil_from_days(c.days, &c.y, &c.m, &c.d);
    c.weekday = weekday_from_days(c.days);
    return c;
}

static const int64_t kFixedSeconds[] = {3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400};
static const int kMonthsPerStep[] = {1, 3, 12, 24, 60, 120};  // Month .. TenYears

static void label_tick(TimeStep step, Time local, char* buf, size_t size) {
    Civil c = civil_of(local);
    if (step < TimeStep::Day && c.seconds != 0)
        std::snprintf(buf, size, "%02d:%02d", c.seconds / 3600, c.seconds / 60 % 60);
    else if (step <= TimeStep::Day)
        std::snprintf(buf, size, "%s %u", kWeekdays[c.weekday], c.d);
    else if (step == TimeStep::Week)
        std::snprintf(buf, size, "%s %u", kMonths[c.m - 1], c.d);
    else if (step <= TimeStep::Quarter && c.m != 1)
        std::snprintf(buf, size, "%s", kMonths[c.m - 1]);
    else
        std::snprintf(buf, size, "%lld", (long long)c.y);
}

// Appends the ticks of one step in local time [l0, l1]; false (and stops) past max_ticks.
static bool step_ticks(TimeStep step, Time l0, Time l1, int max_ticks, int utc_offset,
                       std::vector<TimeTick>* out) {
    out->clear();
    auto add = [&](Time local) {
        if ((int)out->size() >= max_ticks) return false;
        TimeTick tick;
        tick.at = local - utc_offset;
        label_tick(step, local, tick.label, sizeof tick.label);
        out->push_back(tick);
        return true;
    };
    if (step <= TimeStep::Day) {
        int64_t s = kFixedSeconds[(int)step];
        for (Time t = -floor_div(-l0, s) * s; t <= l1; t += s)
            if (!add(t)) return false;
    } else if (step == TimeStep::Week) {
        int64_t day = -floor_div(-l0, 86400);
        day += (7 - weekday_from_days(day)) % 7;
        for (; day * 86400 <= l1; day += 7)
            if (!add(day * 86400)) return false;
    } else {
        int per = kMonthsPerStep[(int)step - (int)TimeStep::Month];
        Civil c = civil_of(l0);
        int64_t month = c.y * 12 + (c.m - 1);  // months since year 0
        if (c.d != 1 || c.seconds != 0) ++month;
        month = -floor_div(-month, per) * per;
        for (;; month += per) {
            int64_t year = floor_div(month, 12);
            Time local = days_from_civil(year, (unsigned)(month - year * 12) + 1, 1) * 86400;
            if (local > l1) break;
            if (!add(local)) return false;
        }
    }
    return true;
}

TimeStep time_ticks(Time t0, Time t1, int max_ticks, int utc_offset, std::vector<TimeTick>* out) {
    out->clear();
    // Beyond +-100,000 years the calendar maths would overflow; nothing real lives there.
    const Time kLimit = (Time)3'000'000'000'000;
    if (t0 > t1) std::swap(t0, t1);
    t0 = std::clamp(t0, -kLimit, kLimit), t1 = std::clamp(t1, -kLimit, kLimit);
    Time l0 = t0 + utc_offset, l1 = t1 + utc_offset;
    for (int s = 0; s < (int)TimeStep::Count; ++s) {
        // Skip steps that are surely too fine before generating anything (months counted at 31 days).
        double approx = s <= (int)TimeStep::Day    ? (double)kFixedSeconds[s]
                        : s == (int)TimeStep::Week ? 7 * 86400.0
                                                   : kMonthsPerStep[s - (int)TimeStep::Month] * 31 * 86400.0;
        if ((double)(l1 - l0) / approx > max_ticks + 1.0) continue;
        if (step_ticks((TimeStep)s, l0, l1, max_ticks, utc_offset, out)) return (TimeStep)s;
    }
    out->clear();
    return TimeStep::Count;
}

void format_time(Time t, TimeStep precision, int utc_offset, char* buf, size_t size) {
    Civil c = civil_of(t + utc_offset);
    const char* wd = kWeekdays[c.weekday];
    const char* mon = kMonths[c.m - 1];
    long long y = (long long)c.y;
    if (precision < TimeStep::Day)
        std::snprintf(buf, size, "%s %u %s %lld %02d:%02d", wd, c.d, mon, y, c.seconds / 3600,
                      c.seconds / 60 % 60);
    else if (precision == TimeStep::Day)
        std::snprintf(buf, size, "%s %u %s %lld", wd, c.d, mon, y);
    else if (precision == TimeStep::Week)
        std::snprintf(buf, size, "Week of %s %u %s %lld", wd, c.d, mon, y);
    else if (precision == TimeStep::Month)
        std::snprintf(buf, size, "%s %lld", mon, y);
    else if (precision == TimeStep::Quarter)
        std::snprintf(buf, size, "Q%u %lld", (c.m - 1) / 3 + 1, y);
    else
        std::snprintf(buf, size, "%lld", y);
}

// ---- decimation -------------------------------------------------------------------------------------------
void visible_range(const double* x, size_t count, double v0, double v1, size_t* begin, size_t* end) {
    if (v0 > v1) std::swap(v0, v1);
    size_t b = (size_t)(std::lower_bound(x, x + count, v0) - x);
    size_t e = (size_t)(std::upper_bound(x, x + count, v1) - x);
    *begin = b > 0 ? b - 1 : 0;
    *end = std::min(count, e + 1);
    if (*begin > *end) *begin = *end;
}

int64_t pixel_column(const LinearScale& scale, double x) {
    double p = std::floor(scale.to_pixel(x));
    const double kMax = 1e12;  // far outside any screen; keeps the cast defined
    if (!(p > -kMax)) return (int64_t)-kMax;
    return (int64_t)std::min(p, kMax);
}

void decimate_m4(const double* x, const double* y, size_t begin, size_t end, const LinearScale& x_scale,
                 std::vector<uint32_t>* kept) {
    kept->clear();
    bool open = false;
    int64_t column = 0;
    uint32_t first = 0, last = 0, lo = 0, hi = 0;
    auto flush = [&] {
        if (!open) return;
        uint32_t idx[4] = {first, lo, hi, last};
        std::sort(idx, idx + 4);
        for (int k = 0; k < 4; ++k)
            if (k == 0 || idx[k] != idx[k - 1]) kept->push_back(idx[k]);
    };
    if (x_scale.v1 == x_scale.v0) return;
    // pixel_column() with the division hoisted out of the loop: this runs over every visible point.
    const double k = (x_scale.p1 - x_scale.p0) / (x_scale.v1 - x_scale.v0), kMax = 1e12;
    for (size_t i = begin; i < end; ++i) {
        if (std::isnan(y[i])) continue;
        double p = std::floor(x_scale.p0 + (x[i] - x_scale.v0) * k);
        int64_t c = p > -kMax ? (int64_t)std::min(p, kMax) : (int64_t)-kMax;
        uint32_t u = (uint32_t)i;
        if (!open || c != column) {
            flush();
            open = true, column = c;
            first = last = lo = hi = u;
        } else {
            last = u;
            if (y[i] < y[lo]) lo = u;
            if (y[i] > y[hi]) hi = u;
        }
    }
    flush();
}

// ---- colour -------------------------------------------------------------------------------------------
Rgb viridis(double t) {
    // matplotlib's viridis at t = 0, 1/8, ..., 1; linear between stops is within a few levels of the
    // full 256-entry table.
    static const Rgb kStops[] = {{68, 1, 84},    {72, 40, 120},  {62, 73, 137},
                                 {49, 104, 142}, {38, 130, 142}, {31, 158, 137},
                                 {53, 183, 121}, {110, 206, 88}, {253, 231, 37}};
    if (!(t > 0)) return kStops[0];
    if (t >= 1) return kStops[8];
    double f = t * 8;
    int i = std::min(7, (int)f);
    double u = f - i;
    const Rgb &a = kStops[i], &b = kStops[i + 1];
    auto mix = [u](uint8_t p, uint8_t q) { return (uint8_t)std::lround(p + (q - p) * u); };
    return Rgb{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

bool prefers_dark_text(Rgb c) {
    auto lin = [](uint8_t v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    double l = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    // Contrast against black (l + 0.05) / 0.05 versus against white 1.05 / (l + 0.05).
    return (l + 0.05) * (l + 0.05) >= 0.05 * 1.05;
}

}  // namespace cb
