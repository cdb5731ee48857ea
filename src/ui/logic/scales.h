// scales.h: axis maths for the chart widgets (no ImGui): linear and time scales, "nice" ticks, tick
// labels, per-pixel-column decimation and the sequential colour ramp of heat maps.
//
// Everything is a pure function of its arguments so the tests can pin exact tick lists. Labels are written
// into fixed buffers: axes are laid out every frame and must not allocate per tick.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model.h"

namespace cb {

// Maps the value range [v0, v1] onto the pixel range [p0, p1] (either may run backwards: y pixels grow
// downwards). An empty value range maps everything to the middle of the pixel range.
struct LinearScale {
    double v0 = 0, v1 = 1;
    double p0 = 0, p1 = 1;
    double to_pixel(double v) const;
    double to_value(double p) const;
};

// How a value reads on an axis or in a tooltip. Percent values are fractions (0.85 reads "85%").
enum class ValueFormat : uint8_t { Number, Percent };

// A value axis: [lo, hi] widened to multiples of a 1-2-5 x 10^k step, with at most max_ticks ticks.
struct NiceAxis {
    double lo = 0, hi = 1, step = 0.2;
};
// The smallest 1-2-5 x 10^k step whose widened range [floor(lo/step), ceil(hi/step)] * step holds at most
// max_ticks ticks (max_ticks >= 2). An empty range is widened around its value; NaN or infinite bounds
// give [0, 1].
NiceAxis nice_axis(double lo, double hi, int max_ticks);
// The multiples of step inside [lo, hi] (inclusive, with a tolerance of 1e-9 step), at most 1000.
void nice_ticks(double lo, double hi, double step, std::vector<double>* out);

// Tick label of v on an axis of the given step: "1.2k", "3.4M", "250", "0.5"; percent "85%", "2.5%".
// Decimals follow the step, so labels of one axis agree; trailing zeros are dropped ("1k", not "1.0k").
void format_tick(double v, double step, ValueFormat format, char* buf, size_t size);
// Exact value for tooltips: "12,345", "0.873", "87.3%"; "no data" for NaN.
void format_value(double v, ValueFormat format, char* buf, size_t size);

// ---- time axes --------------------------------------------------------------------------------------
enum class TimeStep : uint8_t {
    Hour,
    ThreeHours,
    SixHours,
    TwelveHours,
    Day,
    Week,  // Mondays
    Month,
    Quarter,
    Year,
    TwoYears,
    FiveYears,
    TenYears,
    Count
};
struct TimeTick {
    Time at = 0;
    char label[16] = {};
};
// The finest step whose ticks inside [t0, t1] number at most max_ticks (Count when even ten years is too
// fine), and those ticks. Ticks sit on local boundaries of the calendar shifted by utc_offset seconds.
// Labels: hours "06:00" (local midnight reads "Mon 12"), days "Mon 12", weeks "Mar 9", months and
// quarters "Mar" (January reads the year "2026"), years "2026".
TimeStep time_ticks(Time t0, Time t1, int max_ticks, int utc_offset, std::vector<TimeTick>* out);
// Tooltip form of a time at the precision of a step: "Mon 9 Mar 2026 14:00", "Mon 9 Mar 2026",
// "Week of Mon 9 Mar 2026", "Mar 2026", "2026".
void format_time(Time t, TimeStep precision, int utc_offset, char* buf, size_t size);

// ---- decimation -------------------------------------------------------------------------------------
// The index range [*begin, *end) of ascending x that a line over [v0, v1] needs: every point inside plus
// one neighbour on each side, so the line runs on to the plot edge.
void visible_range(const double* x, size_t count, double v0, double v1, size_t* begin, size_t* end);
// Pixel column of value x: floor(scale.to_pixel(x)).
int64_t pixel_column(const LinearScale& scale, double x);
// M4 decimation of the points of ascending x in [begin, end): for each pixel column of x_scale keeps the
// first, lowest, highest and last point, in index order, so a polyline through the kept points covers the
// same pixels as one through all of them. Points with a NaN y are skipped. Appends indices to *kept
// (cleared first); at most 4 per column touched.
void decimate_m4(const double* x, const double* y, size_t begin, size_t end, const LinearScale& x_scale,
                 std::vector<uint32_t>* kept);

// ---- colour -------------------------------------------------------------------------------------------
struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
};
// Viridis (perceptually uniform, colour-blind safe), t in [0, 1] clamped; NaN gives the t = 0 colour.
Rgb viridis(double t);
// True when dark text reads better than light text on this background (WCAG relative luminance).
bool prefers_dark_text(Rgb background);

}  // namespace cb
