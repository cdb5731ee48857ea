// generate_feeds.cpp: the small documents: manifest, SLA policies and business calendars.
#include "generate_parts.h"

namespace cb::gen {

void write_manifest(Time as_of, JsonOut* out) {
    static const char* const kFeeds[][3] = {{"cases", "cases", "cases.json"},
                                            {"surveys", "surveys", "surveys.json"},
                                            {"plans", "plans", "plans.json"},
                                            {"sla", "sla_policies", "sla_policies.json"},
                                            {"calendars", "calendars", "calendars.json"}};
    out->begin_object();
    out->key("title");
    out->string("Contoso Support — demo");
    out->key("time_zone");
    out->string("Europe/Berlin");
    out->key("refresh_seconds");
    out->integer(300);
    // The data is a snapshot of this moment: the dashboard shows it as of then, not drifting with the clock.
    out->key("as_of");
    out->time(as_of);
    out->key("allow_origins");
    out->begin_array();
    out->end_array();
    out->key("feeds");
    out->begin_array();
    for (const auto& f : kFeeds) {
        out->item();
        out->begin_object();
        out->key("name");
        out->string(f[0]);
        out->key("kind");
        out->string(f[1]);
        out->key("url");
        out->string(f[2]);
        out->end_object();
    }
    out->newline();
    out->end_array();
    out->end_object();
    out->newline();
}

static void write_target(JsonOut* out, const char* offering, int severity, int metric, const TargetSpec& t) {
    static const char* const kSeverities[] = {"A", "B", "C"};
    static const char* const kMetrics[] = {"first_response", "next_update", "resolution"};
    out->item();
    out->begin_object();
    out->key("offering");
    out->string(offering);
    out->key("severity");
    out->string(kSeverities[severity]);
    out->key("metric");
    out->string(kMetrics[metric]);
    out->key("target_minutes");
    out->integer(t.minutes);
    out->key("hours");
    out->string(t.business ? "business" : "calendar");
    out->key("calendar");
    out->string(t.business ? "emea" : "24x7");
    out->key("warning_pct");
    out->integer(t.warning_pct);
    out->end_object();
}

void write_sla_policies(JsonOut* out) {
    out->begin_object();
    out->key("pausing_statuses");
    out->begin_array();
    out->string("waiting_customer");
    out->string("on_hold");
    out->end_array();
    out->key("targets");
    out->begin_array();
    for (int o = 0; o < kOfferingCount; ++o)
        for (int s = 0; s < 3; ++s)
            for (int m = 0; m < 3; ++m)
                write_target(out, kOfferingNames[o], s, m,
                             sla_target(o, static_cast<Severity>(s), static_cast<SlaMetric>(m)));
    // Any other offering name gets the broad commercial terms.
    for (int s = 0; s < 3; ++s)
        for (int m = 0; m < 3; ++m)
            write_target(out, "*", s, m,
                         sla_target(kBroadCommercial, static_cast<Severity>(s), static_cast<SlaMetric>(m)));
    out->newline();
    out->end_array();
    out->end_object();
    out->newline();
}

static void write_week(JsonOut* out, const char* from, const char* to, bool weekend) {
    static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    out->key("weekly");
    out->begin_object();
    for (int d = 0; d < 7; ++d) {
        out->key(kDays[d]);
        out->begin_array();
        if (d < 5 || weekend) {
            out->begin_array();
            out->string(from);
            out->string(to);
            out->end_array();
        }
        out->end_array();
    }
    out->end_object();
}

void write_calendars(JsonOut* out) {
    char from[6], to[6];
    std::snprintf(from, sizeof from, "%02d:%02d", kWorkStartMinute / 60, kWorkStartMinute % 60);
    std::snprintf(to, sizeof to, "%02d:%02d", kWorkEndMinute / 60, kWorkEndMinute % 60);
    out->begin_object();
    out->key("calendars");
    out->begin_array();
    out->item();
    out->begin_object();
    out->key("name");
    out->string("emea");
    out->key("time_zone");
    out->string("Europe/Berlin");
    write_week(out, from, to, false);
    out->key("holidays");
    out->begin_array();
    for (int i = 0; i < kEmeaHolidayCount; ++i) out->string(kEmeaHolidays[i]);
    out->end_array();
    out->end_object();
    out->item();
    out->begin_object();
    out->key("name");
    out->string("24x7");
    out->key("time_zone");
    out->string("UTC");
    write_week(out, "00:00", "24:00", true);
    out->key("holidays");
    out->begin_array();
    out->end_array();
    out->end_object();
    out->newline();
    out->end_array();
    out->end_object();
    out->newline();
}

}  // namespace cb::gen
