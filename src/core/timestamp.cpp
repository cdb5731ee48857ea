#include "timestamp.h"

#include <charconv>
#include <cstdio>

namespace cb {

// Howard Hinnant's civil-date algorithms (exact for the whole proleptic Gregorian calendar).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t days, int64_t* y, unsigned* m, unsigned* d) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

int weekday_from_days(int64_t days) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

unsigned days_in_month(int64_t y, unsigned m) {
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return kDays[m - 1];
}

// Reads exactly n ASCII digits at s[at..].
static bool digits(std::string_view s, size_t at, size_t n, unsigned* out) {
    if (at + n > s.size()) return false;
    unsigned v = 0;
    for (size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + static_cast<unsigned>(s[i] - '0');
    }
    *out = v;
    return true;
}

bool parse_date(std::string_view s, int64_t* days) {
    unsigned y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s, 0, 4, &y) || !digits(s, 5, 2, &m) || !digits(s, 8, 2, &d)) return false;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
    *days = days_from_civil(y, m, d);
    return true;
}

bool parse_timestamp(std::string_view s, Time* out, bool date_only_ok) {
    int64_t days;
    if (s.size() < 10 || !parse_date(s.substr(0, 10), &days)) return false;
    if (s.size() == 10) {
        if (!date_only_ok) return false;
        *out = days * 86400;
        return true;
    }
    unsigned hh, mm, ss;
    if (s.size() < 19 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':') return false;
    if (!digits(s, 11, 2, &hh) || !digits(s, 14, 2, &mm) || !digits(s, 17, 2, &ss)) return false;
    if (hh > 23 || mm > 59 || ss > 59) return false;
    Time t = days * 86400 + hh * 3600 + mm * 60 + ss;
    if (s[10] == ' ') {  // the space form is UTC without a zone suffix (ServiceNow's export form)
        if (s.size() != 19) return false;
        *out = t;
        return true;
    }
    size_t i = 19;
    if (i < s.size() && s[i] == '.') {  // fractional seconds: dropped
        ++i;
        const size_t first = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == first) return false;
    }
    if (i == s.size()) return false;  // the T form needs a zone: "Z" or "+HH:MM"
    if (s[i] == 'Z') {
        if (i + 1 != s.size()) return false;
        *out = t;
        return true;
    }
    unsigned oh, om;
    if ((s[i] != '+' && s[i] != '-') || s.size() != i + 6 || s[i + 3] != ':') return false;
    if (!digits(s, i + 1, 2, &oh) || !digits(s, i + 4, 2, &om) || oh > 23 || om > 59) return false;
    const Time offset = oh * 3600 + om * 60;
    *out = s[i] == '+' ? t - offset : t + offset;
    return true;
}

bool parse_epoch(std::string_view text, Time* out) {
    int64_t v = 0;
    const char* end = text.data() + text.size();
    auto r = std::from_chars(text.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end || v < 0) return false;
    *out = v >= 100000000000 ? v / 1000 : v;
    return true;
}

std::string format_iso8601(Time t) {
    if (!has_time(t)) return std::string();
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const int64_t secs = t - days * 86400;
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return buf;
}

}  // namespace cb
