#include "sla_defaults.h"

namespace cb {

namespace {

// Minutes per metric: first response, next update (cadence), resolution. Severity A counts calendar
// hours, B and C business hours of the "business" calendar.
struct DefaultRow {
    const char* offering;  // "*" = any offering
    Severity severity;
    int64_t first_response, next_update, resolution;
};
const DefaultRow kDefaultRows[] = {
    {"unified", Severity::A, 60, 240, 2880},   {"unified", Severity::B, 120, 480, 2400},
    {"unified", Severity::C, 240, 1440, 4800}, {"premier", Severity::A, 60, 240, 2880},
    {"premier", Severity::B, 120, 480, 2400},  {"premier", Severity::C, 240, 1440, 4800},
    {"asfp", Severity::A, 60, 360, 4320},      {"asfp", Severity::B, 120, 960, 4800},
    {"asfp", Severity::C, 480, 1440, 7200},    {"*", Severity::A, 60, 480, 4320},
    {"*", Severity::B, 240, 1440, 4800},       {"*", Severity::C, 480, 2400, 9600},
};

template <typename IdOf>
SlaPolicySet build_defaults(std::string_view team_time_zone, IdOf id_of) {
    SlaPolicySet set;
    BusinessCalendar cal;
    cal.name = kDefaultCalendarName;
    cal.time_zone = std::string(team_time_zone.empty() ? std::string_view("UTC") : team_time_zone);
    for (int d = 0; d < 5; ++d) cal.weekly[d].push_back({9 * 60, 17 * 60});
    set.calendars.push_back(std::move(cal));
    for (const DefaultRow& row : kDefaultRows) {
        StrId offering = kNoStr;
        if (std::string_view(row.offering) != "*" && (offering = id_of(row.offering)) == kNoStr) continue;
        const int64_t minutes[] = {row.first_response, row.next_update, row.resolution};
        for (int m = 0; m < static_cast<int>(SlaMetric::Count); ++m) {
            SlaTarget t;
            t.offering = offering;
            t.severity = row.severity;
            t.metric = static_cast<SlaMetric>(m);
            t.target_minutes = minutes[m];
            t.business_hours = row.severity != Severity::A;
            t.calendar = t.business_hours ? kDefaultCalendarName : "";
            set.targets.push_back(std::move(t));
        }
    }
    return set;
}

}  // namespace

SlaPolicySet default_sla_policies(std::string_view team_time_zone, StringPool& pool) {
    return build_defaults(team_time_zone, [&](const char* name) { return pool.intern(name); });
}

SlaPolicySet default_sla_policies_lookup(std::string_view team_time_zone, const StringPool& pool) {
    return build_defaults(team_time_zone, [&](const char* name) { return pool.find(name); });
}

}  // namespace cb
