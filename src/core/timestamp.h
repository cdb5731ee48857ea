// timestamp.h: the exact timestamp forms feeds may use (docs/feeds.md, "Timestamps") and civil-date helpers.
//
// Parsing never guesses: a form not listed is an error for that field. All results are UTC seconds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model.h"

namespace cb {

// Days since 1970-01-01 of a proleptic Gregorian date (m 1-12, d 1-31), and back.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
void civil_from_days(int64_t days, int64_t* y, unsigned* m, unsigned* d);
int weekday_from_days(int64_t days);  // 0 = Monday .. 6 = Sunday
unsigned days_in_month(int64_t y, unsigned m);

// "2026-03-02T09:15:00Z", "2026-03-02T09:15:00.123+01:00", "2026-03-02 09:15:00" (UTC) and, when
// date_only_ok, "2026-03-02" (midnight UTC).
bool parse_timestamp(std::string_view s, Time* out, bool date_only_ok);
// "YYYY-MM-DD" -> days since 1970-01-01.
bool parse_date(std::string_view s, int64_t* days);
// JSON number text: epoch seconds, or epoch milliseconds when >= 10^11. Integers >= 0 only.
bool parse_epoch(std::string_view number_text, Time* out);
// "2026-03-02T09:15:00Z"; "" for kNoTime.
std::string format_iso8601(Time t);

}  // namespace cb
