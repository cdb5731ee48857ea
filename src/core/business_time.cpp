#include "business_time.h"

#include <algorithm>

#include "timestamp.h"

namespace cb {

namespace {

constexpr int64_t kDay = 86400;
constexpr int kDayMinutes = 24 * 60;

int64_t floor_div(int64_t a, int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// Clips spans to the day, splits those crossing midnight, sorts and merges overlaps.
void normalize_week(const BusinessCalendar& cal, std::vector<WorkingSpan> (&week)[7]) {
    for (int d = 0; d < 7; ++d) week[d].clear();
    for (int d = 0; d < 7; ++d) {
        for (const WorkingSpan& s : cal.weekly[d]) {
            const int begin = std::clamp(s.start_minute, 0, kDayMinutes);
            const int end = std::clamp(s.end_minute, 0, kDayMinutes);
            if (begin < end) {
                week[d].push_back({begin, end});
            } else if (end < begin) {
                week[d].push_back({begin, kDayMinutes});
                if (end > 0) week[(d + 1) % 7].push_back({0, end});
            }
        }
    }
    for (std::vector<WorkingSpan>& spans : week) {
        std::sort(spans.begin(), spans.end(),
                  [](const WorkingSpan& a, const WorkingSpan& b) { return a.start_minute < b.start_minute; });
        size_t kept = 0;
        for (const WorkingSpan& s : spans) {
            if (kept > 0 && s.start_minute <= spans[kept - 1].end_minute)
                spans[kept - 1].end_minute = std::max(spans[kept - 1].end_minute, s.end_minute);
            else
                spans[kept++] = s;
        }
        spans.resize(kept);
    }
}

// Calls f(utc_begin, utc_end) for each working span of table day i, in order. Days of exactly 24 h need
// no zone arithmetic; the two DST-change days a year convert each span edge from wall time.
template <typename F>
void for_each_span(const CalendarIndex& x, size_t i, F f) {
    const int64_t day = x.first_day + static_cast<int64_t>(i);
    const Time midnight = x.day_start[i];
    const bool regular = x.day_start[i + 1] - midnight == kDay;
    for (const WorkingSpan& s : x.weekly[(x.first_weekday + i) % 7]) {
        if (regular) {
            f(midnight + s.start_minute * 60, midnight + s.end_minute * 60);
        } else {
            const Time begin = local_to_utc(x.zone, day * kDay + s.start_minute * 60);
            f(begin, std::max(begin, local_to_utc(x.zone, day * kDay + s.end_minute * 60)));
        }
    }
}

// Table day holding t, for day_start[0] <= t < day_start.back().
size_t day_of(const CalendarIndex& x, Time t) {
    const size_t days = x.day_start.size() - 1;
    int64_t guess =
        std::clamp<int64_t>(floor_div(t - x.day_start[0], kDay), 0, static_cast<int64_t>(days) - 1);
    size_t i = static_cast<size_t>(guess);
    while (i > 0 && x.day_start[i] > t) --i;
    while (i + 1 < days && x.day_start[i + 1] <= t) ++i;
    return i;
}

}  // namespace

bool build_calendar_index(const BusinessCalendar& calendar, Time first, Time last, int64_t reach_seconds,
                          CalendarIndex* out) {
    CalendarIndex& x = *out;
    const bool zone_known = find_time_zone(calendar.time_zone, &x.zone);
    if (!zone_known) x.zone = TimeZone{};
    normalize_week(calendar, x.weekly);
    x.weekly_seconds = 0;
    for (const std::vector<WorkingSpan>& spans : x.weekly)
        for (const WorkingSpan& s : spans) x.weekly_seconds += (s.end_minute - s.start_minute) * 60;

    const int64_t min_day = days_from_civil(1900, 1, 1), max_day = days_from_civil(2200, 1, 1);
    if (!has_time(first)) first = last;
    if (!has_time(last) || last < first) last = first;
    if (!has_time(first)) first = last = 0;
    first = std::clamp(first, min_day * kDay, max_day * kDay);
    last = std::clamp(last, min_day * kDay, max_day * kDay);
    const int64_t first_day = std::clamp(floor_div(utc_to_local(x.zone, first), kDay) - 1, min_day, max_day);
    // Whole weeks to count reach_seconds, two more for a partial first week and DST, one day per holiday.
    int64_t reach_days = 0;
    if (x.weekly_seconds > 0 && reach_seconds > 0)
        reach_days = (std::min<int64_t>(reach_seconds, int64_t(1) << 40) / x.weekly_seconds + 2) * 7 +
                     static_cast<int64_t>(calendar.holidays.size());
    const int64_t last_day = std::clamp(
        floor_div(utc_to_local(x.zone, last), kDay) + 1 + std::min<int64_t>(reach_days, max_day - min_day),
        first_day, max_day);
    const size_t days = static_cast<size_t>(last_day - first_day + 1);

    std::vector<int32_t> holidays = calendar.holidays;
    std::sort(holidays.begin(), holidays.end());
    x.first_day = first_day;
    x.first_weekday = weekday_from_days(first_day);
    x.day_start.resize(days + 1);
    x.counted_before.resize(days + 1);
    for (size_t i = 0; i <= days; ++i) x.day_start[i] = local_to_utc(x.zone, (first_day + int64_t(i)) * kDay);
    x.counted_before[0] = 0;
    for (size_t i = 0; i < days; ++i) {
        int64_t worked = 0;
        if (!std::binary_search(holidays.begin(), holidays.end(), first_day + int64_t(i)))
            for_each_span(x, i, [&](Time b, Time e) { worked += e - b; });
        x.counted_before[i + 1] = x.counted_before[i] + worked;
    }
    return zone_known;
}

int64_t business_clock_at(const CalendarIndex& x, Time t) {
    if (x.day_start.size() < 2 || t <= x.day_start.front()) return 0;
    if (t >= x.day_start.back()) return x.counted_before.back();
    const size_t i = day_of(x, t);
    int64_t counted = x.counted_before[i];
    if (x.counted_before[i + 1] == counted) return counted;  // holiday or day off
    for_each_span(x, i, [&](Time b, Time e) {
        if (t > b) counted += std::min(t, e) - b;
    });
    return counted;
}

int64_t business_seconds_between(const CalendarIndex& x, Time from, Time to) {
    if (to <= from) return 0;
    return business_clock_at(x, to) - business_clock_at(x, from);
}

Time add_business_seconds(const CalendarIndex& x, Time from, int64_t seconds) {
    if (seconds <= 0) return from;
    if (x.day_start.size() < 2 || seconds > x.counted_before.back()) return kNoTime;
    const int64_t target = business_clock_at(x, from) + seconds;
    const auto it = std::lower_bound(x.counted_before.begin() + 1, x.counted_before.end(), target);
    if (it == x.counted_before.end()) return kNoTime;
    const size_t i = static_cast<size_t>(it - x.counted_before.begin()) - 1;
    int64_t left = target - x.counted_before[i];  // > 0: counted_before[i] < target
    Time reached = kNoTime;
    for_each_span(x, i, [&](Time b, Time e) {
        if (reached != kNoTime) return;
        if (left <= e - b)
            reached = b + left;
        else
            left -= e - b;
    });
    return reached;
}

}  // namespace cb
