#include "tz.h"

#include <algorithm>
#include <cstring>

#include "timestamp.h"

namespace cb {

namespace {

// IANA name -> POSIX TZ rule, sorted by name (scripts/gen_tz_table.py).
struct TzTableEntry {
    const char* name;
    const char* posix;
};
#include "tz_table.inc"

constexpr int64_t kDay = 86400;
// Instants beyond +-2 million years are clamped so that day arithmetic never overflows on bad input.
constexpr Time kTimeLimit = int64_t(1) << 46;

struct Cursor {
    std::string_view s;
    size_t i = 0;
    char peek() const { return i < s.size() ? s[i] : '\0'; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
};

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "CET" (3+ letters) or "<+0530>" (3+ letters, digits or signs between angle brackets).
bool parse_name(Cursor& c, char (&out)[12]) {
    const bool quoted = c.eat('<');
    size_t n = 0;
    while (is_alpha(c.peek()) || (quoted && (is_digit(c.peek()) || c.peek() == '+' || c.peek() == '-'))) {
        if (n + 1 >= sizeof(out)) return false;
        out[n++] = c.s[c.i++];
    }
    out[n] = '\0';
    if (quoted && !c.eat('>')) return false;
    return n >= 3;
}

bool parse_number(Cursor& c, int max_digits, int* out) {
    int v = 0, n = 0;
    while (is_digit(c.peek()) && n < max_digits) v = v * 10 + (c.s[c.i++] - '0'), ++n;
    *out = v;
    return n > 0 && !is_digit(c.peek());
}

// [+-]hh[:mm[:ss]] in seconds, hours up to max_hours.
bool parse_hms(Cursor& c, int max_hours, int32_t* out) {
    const bool negative = c.eat('-');
    if (!negative) c.eat('+');
    int h = 0, m = 0, s = 0;
    if (!parse_number(c, 3, &h) || h > max_hours) return false;
    if (c.eat(':') && (!parse_number(c, 2, &m) || m > 59)) return false;
    if (c.eat(':') && (!parse_number(c, 2, &s) || s > 59)) return false;
    const int32_t v = h * 3600 + m * 60 + s;
    *out = negative ? -v : v;
    return true;
}

bool parse_rule(Cursor& c, TzTransitionRule* r) {
    int a = 0, b = 0, d = 0;
    if (c.eat('J')) {
        if (!parse_number(c, 3, &a) || a < 1 || a > 365) return false;
        r->kind = TzTransitionRule::JulianNoLeap, r->day = static_cast<int16_t>(a);
    } else if (c.eat('M')) {
        if (!parse_number(c, 2, &a) || !c.eat('.') || !parse_number(c, 1, &b) || !c.eat('.') ||
            !parse_number(c, 1, &d))
            return false;
        if (a < 1 || a > 12 || b < 1 || b > 5 || d > 6) return false;
        r->kind = TzTransitionRule::MonthWeekDay;
        r->month = static_cast<uint8_t>(a), r->week = static_cast<uint8_t>(b),
        r->weekday = static_cast<uint8_t>(d);
    } else {
        if (!parse_number(c, 3, &a) || a > 365) return false;
        r->kind = TzTransitionRule::DayOfYear, r->day = static_cast<int16_t>(a);
    }
    r->time_seconds = 2 * 3600;
    return !c.eat('/') || parse_hms(c, 167, &r->time_seconds);
}

// Local day (days since 1970-01-01) on which rule r falls in `year`.
int64_t rule_day(const TzTransitionRule& r, int64_t year) {
    const int64_t jan1 = days_from_civil(year, 1, 1);
    switch (r.kind) {
        case TzTransitionRule::JulianNoLeap:
            return jan1 + r.day - 1 + (days_in_month(year, 2) == 29 && r.day >= 60 ? 1 : 0);
        case TzTransitionRule::DayOfYear:
            return jan1 + r.day;
        case TzTransitionRule::MonthWeekDay:
            break;
    }
    const int64_t first = days_from_civil(year, r.month, 1);
    const int first_weekday = (weekday_from_days(first) + 1) % 7;  // 0 = Sunday, as in the rule
    int64_t day = first + (r.weekday - first_weekday + 7) % 7 + (r.week - 1) * 7;
    while (day >= first + days_in_month(year, r.month)) day -= 7;  // week 5 = last
    return day;
}

int64_t floor_div(int64_t a, int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

bool is_dst(const TimeZone& tz, Time utc) {
    if (!tz.has_dst) return false;
    const Time t = std::clamp(utc, -kTimeLimit, kTimeLimit);
    int64_t year;
    unsigned m, d;
    civil_from_days(floor_div(t + tz.std_offset, kDay), &year, &m, &d);
    // Start is written in standard time, end in daylight time.
    const Time start = rule_day(tz.dst_start, year) * kDay + tz.dst_start.time_seconds - tz.std_offset;
    const Time end = rule_day(tz.dst_end, year) * kDay + tz.dst_end.time_seconds - tz.dst_offset;
    if (start < end) return t >= start && t < end;
    return t < end || t >= start;  // southern hemisphere: daylight time spans the new year
}

}  // namespace

bool parse_posix_tz(std::string_view spec, TimeZone* out) {
    TimeZone tz;
    Cursor c{spec};
    int32_t west = 0;
    if (!parse_name(c, tz.std_name) || !parse_hms(c, 24, &west)) return false;
    tz.std_offset = tz.dst_offset = -west;
    if (c.peek() != '\0') {
        if (!parse_name(c, tz.dst_name)) return false;
        tz.has_dst = true;
        tz.dst_offset = tz.std_offset + 3600;
        const char next = c.peek();
        if (next == '+' || next == '-' || is_digit(next)) {
            if (!parse_hms(c, 24, &west)) return false;
            tz.dst_offset = -west;
        }
        if (c.eat(',')) {
            if (!parse_rule(c, &tz.dst_start) || !c.eat(',') || !parse_rule(c, &tz.dst_end)) return false;
        } else {
            Cursor us{"M3.2.0,M11.1.0"};
            parse_rule(us, &tz.dst_start), us.eat(','), parse_rule(us, &tz.dst_end);
        }
    }
    if (c.i != spec.size()) return false;
    *out = tz;
    return true;
}

bool find_time_zone(std::string_view iana_name, TimeZone* out) {
    const TzTableEntry* end = kTzTable + sizeof(kTzTable) / sizeof(kTzTable[0]);
    const TzTableEntry* it =
        std::lower_bound(kTzTable, end, iana_name,
                         [](const TzTableEntry& e, std::string_view n) { return n.compare(e.name) > 0; });
    if (it == end || iana_name != it->name) return false;
    return parse_posix_tz(it->posix, out);
}

int32_t utc_offset_seconds(const TimeZone& tz, Time utc) {
    return is_dst(tz, utc) ? tz.dst_offset : tz.std_offset;
}

const char* zone_abbreviation(const TimeZone& tz, Time utc) {
    return is_dst(tz, utc) ? tz.dst_name : tz.std_name;
}

Time local_to_utc(const TimeZone& tz, int64_t local_seconds) {
    const int64_t local = std::clamp(local_seconds, -kTimeLimit, kTimeLimit);
    if (!tz.has_dst) return local - tz.std_offset;
    const Time as_std = local - tz.std_offset, as_dst = local - tz.dst_offset;
    const bool std_ok = !is_dst(tz, as_std), dst_ok = is_dst(tz, as_dst);
    if (std_ok && dst_ok) return std::min(as_std, as_dst);  // overlap: the first occurrence
    if (std_ok) return as_std;
    if (dst_ok) return as_dst;
    // Gap: read the wall time with the offset in effect just before the change.
    return local - utc_offset_seconds(tz, std::min(as_std, as_dst));
}

}  // namespace cb
