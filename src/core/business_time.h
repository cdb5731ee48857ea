// business_time.h: counting business seconds on a BusinessCalendar, and the instant a count is reached.
//
// Working spans are local wall time in the calendar's zone, so an 08:00-18:00 day is 10 h on DST-change
// days too (unless the span itself contains the change, then it is 9 or 11 h). A span whose end is before
// its start crosses midnight and is split into the two days. Holidays are whole local days without work.
//
// Every call is O(1) (plus a binary search over days for add_business_seconds): the index holds, for each
// local day of its range, the UTC instant of local midnight and the business seconds counted before that
// day. Instants outside the range are clamped to it, so count only inside [first, last] of the build.
#pragma once

#include <cstdint>
#include <vector>

#include "model.h"
#include "tz.h"

namespace cb {

struct CalendarIndex {
    TimeZone zone;
    std::vector<WorkingSpan> weekly[7];   // sorted, merged, within one day (0 = Monday)
    int64_t first_day = 0;                // local day number (days since 1970-01-01) of table entry 0
    int first_weekday = 0;                // weekday of first_day (0 = Monday)
    std::vector<Time> day_start;          // UTC instant of each local midnight; one more than the days
    std::vector<int64_t> counted_before;  // business seconds from day_start[0] to day_start[i]
    int64_t weekly_seconds = 0;           // business seconds of an ordinary week (no holiday, no DST change)
};

// Builds the index over the local days holding [first, last] (plus one day either side), extended beyond
// `last` far enough to count `reach_seconds` more business seconds (so deadlines after `last` are found),
// limited to the years 1900..2200. False when the calendar's time zone is not a known IANA name (the index
// is then built in UTC).
bool build_calendar_index(const BusinessCalendar& calendar, Time first, Time last, int64_t reach_seconds,
                          CalendarIndex* out);

// Business seconds counted from the start of the index to `t` (the clock's reading at t).
int64_t business_clock_at(const CalendarIndex& index, Time t);
// Business seconds in [from, to); 0 when to <= from.
int64_t business_seconds_between(const CalendarIndex& index, Time from, Time to);
// The first instant at which `seconds` business seconds have been counted since `from`: the deadline.
// `from` itself for seconds <= 0; kNoTime when the index ends (or the calendar never works) before that.
Time add_business_seconds(const CalendarIndex& index, Time from, int64_t seconds);

}  // namespace cb
