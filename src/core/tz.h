// tz.h: time zones without a tz database at run time (the browser build has none).
//
// A zone is its POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"): a standard offset and, optionally, a
// daylight offset with the yearly rule that switches between them. IANA names ("Europe/Berlin") are looked
// up in a table generated from the TZif files of tzdata (scripts/gen_tz_table.py -> tz_table.inc), whose
// last line is exactly that rule. Limit: the zone's current rule is applied to every year, so offsets
// before the rule took effect (e.g. US DST before 2007, zones that changed their base offset) are not
// modelled. Support data (cases, surveys) is recent, which is what matters here.
#pragma once

#include <cstdint>
#include <string_view>

#include "model.h"

namespace cb {

// One yearly transition date and the local wall time it happens at.
struct TzTransitionRule {
    enum Kind : uint8_t {
        JulianNoLeap,  // "Jn": day 1..365, February 29 never counted
        DayOfYear,     // "n": day 0..365, February 29 counted
        MonthWeekDay,  // "Mm.w.d": weekday d (0 = Sunday) of week w (1..4, 5 = last) of month m
    };
    Kind kind = MonthWeekDay;
    uint8_t month = 0, week = 0, weekday = 0;
    int16_t day = 0;                     // for JulianNoLeap and DayOfYear
    int32_t time_seconds = 2 * 60 * 60;  // local time (in the offset before the change); may be < 0 or > 24h
};

struct TimeZone {
    int32_t std_offset = 0;  // seconds east of UTC (the POSIX string counts west: "EST5" is -5 h)
    int32_t dst_offset = 0;  // equal to std_offset when the zone has no daylight time
    bool has_dst = false;
    TzTransitionRule dst_start, dst_end;
    char std_name[12] = {}, dst_name[12] = {};  // "CET", "CEST", "+0530"
};

// Parses a POSIX TZ rule (the TZif v3 dialect: <quoted> names, hours up to 167, negative rule times).
// A daylight name without rule gets the US rule "M3.2.0,M11.1.0", as glibc does. False on bad input.
bool parse_posix_tz(std::string_view spec, TimeZone* out);

// Looks an IANA zone name (canonical or a common link such as "US/Eastern") up in the generated table.
bool find_time_zone(std::string_view iana_name, TimeZone* out);

// Offset of local wall time from UTC at the instant `utc`, in seconds (Berlin in summer: +7200).
int32_t utc_offset_seconds(const TimeZone& tz, Time utc);
inline int64_t utc_to_local(const TimeZone& tz, Time utc) {
    return utc + utc_offset_seconds(tz, utc);
}
// Abbreviation in effect at `utc` ("CEST").
const char* zone_abbreviation(const TimeZone& tz, Time utc);

// The instant of a local wall time (seconds since 1970-01-01T00:00 local). A wall time that does not
// exist (the spring-forward gap) is read with the offset before the change, which moves it forward by the
// gap (02:30 -> 03:30 CEST); a wall time that happens twice (the fall-back overlap) is its first occurrence.
Time local_to_utc(const TimeZone& tz, int64_t local_seconds);

}  // namespace cb
