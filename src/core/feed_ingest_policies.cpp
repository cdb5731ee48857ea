// Success plans, SLA targets and business calendars: small records with nested lists.
#include <algorithm>

#include "feed_ingest_map.h"
#include "timestamp.h"

namespace cb {

static std::string element_name(const char* list, int32_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

static void read_milestone_field(FieldCheck& c, const RecordEntry& e, std::string_view name,
                                 const std::string& where, Milestone* m) {
    const Value v{e.type == ValueType::String && e.text.empty() ? ValueType::Null : e.type, e.text, {}};
    const std::string field = where + "." + std::string(name);
    std::string_view t;
    if (name == "id" && c.text(v, field, &t) == FieldCheck::Ok) m->id.assign(t);
    if (name == "title" && c.text(v, field, &t) == FieldCheck::Ok) m->title.assign(t);
    if (name == "due") c.time(v, field, &m->due, true);
    if (name == "completed_at") c.time(v, field, &m->completed_at, true);
    double w = 0;
    if (name == "weight" && c.number(v, field, -1e9, 1e9, &w) == FieldCheck::Ok) {
        if (w > 0)
            m->weight = static_cast<float>(w);
        else
            c.problem(field, v, "'" + std::string(e.text) + "' is not a positive number");
    }
    if (name == "status")
        c.enumerated(
            v, field,
            +[](std::string_view s, MilestoneStatus* out) {
                static const char* const kNames[] = {"not_started", "in_progress", "done", "blocked"};
                for (int i = 0; i < 4; ++i)
                    if (s == kNames[i]) return *out = static_cast<MilestoneStatus>(i), true;
                return false;
            },
            "not_started, in_progress, done, blocked", &m->status);
}

bool map_plan(MapState& s, const Record& rec) {
    FieldCheck& c = s.check;
    SuccessPlan p;
    std::string_view t;
    const Value idv = FieldCheck::lookup(rec, "id");
    if (c.text(idv, "id", &t) != FieldCheck::Ok) {
        if (!idv.present()) c.problem("id", idv, "required field is missing");
        return false;
    }
    c.id.assign(t);
    p.id.assign(t);
    const Value cust = FieldCheck::lookup(rec, "customer");
    const FieldCheck::Got g = c.text(cust, "customer", &t);
    if (g == FieldCheck::Absent) c.problem("customer", cust, "required field is missing");
    if (g != FieldCheck::Ok) return false;
    p.customer = s.pool->intern(t);
    if (c.text(FieldCheck::lookup(rec, "owner"), "owner", &t) == FieldCheck::Ok) p.owner = s.pool->intern(t);
    if (c.text(FieldCheck::lookup(rec, "status"), "status", &t) == FieldCheck::Ok) p.status.assign(t);
    c.time(FieldCheck::lookup(rec, "period_start"), "period_start", &p.period_start, true);
    c.time(FieldCheck::lookup(rec, "period_end"), "period_end", &p.period_end, true);
    if (has_time(p.period_start) && has_time(p.period_end) && p.period_end < p.period_start) {
        c.problem("period_end", Value{}, format_iso8601(p.period_end) + " is before period_start");
        p.period_end = kNoTime;
    }
    // objectives[i] and objectives[i].milestones[j] arrive in document order.
    Objective* obj = nullptr;
    Milestone* ms = nullptr;
    std::string where;
    for (size_t i = 0; i < rec.count; ++i) {
        const RecordEntry& e = rec.at(static_cast<uint32_t>(i));
        std::string_view path = e.path;
        if (path.substr(0, 10) != "objectives") continue;
        path.remove_prefix(10);
        if (path.empty() && e.idx[0] >= 0) {
            obj = nullptr;
            if (e.type != ValueType::Object) {
                c.problem(element_name("objectives", e.idx[0]), Value{},
                          std::string("expected an object, found ") + to_string(e.type));
                continue;
            }
            p.objectives.emplace_back();
            obj = &p.objectives.back();
        } else if (!obj || path.empty()) {
            continue;
        } else if (path == ".milestones" && e.idx[1] >= 0) {
            ms = nullptr;
            where = element_name("objectives", e.idx[0]) + element_name(".milestones", e.idx[1]);
            if (e.type != ValueType::Object) {
                c.problem(where, Value{}, std::string("expected an object, found ") + to_string(e.type));
                continue;
            }
            obj->milestones.emplace_back();
            ms = &obj->milestones.back();
        } else if (path.substr(0, 12) == ".milestones." && ms) {
            read_milestone_field(c, e, path.substr(12), where, ms);
        } else if (e.idx[1] < 0) {
            const Value v{e.type, e.text, {}};
            const std::string field = element_name("objectives", e.idx[0]) + std::string(path);
            if (path == ".id" && c.text(v, field, &t) == FieldCheck::Ok) obj->id.assign(t);
            if (path == ".title" && c.text(v, field, &t) == FieldCheck::Ok) obj->title.assign(t);
            if (path == ".business_outcome" && c.text(v, field, &t) == FieldCheck::Ok)
                obj->business_outcome.assign(t);
        }
    }
    if (!s.claim_id(s.pool->intern(p.id), c.record)) return false;
    s.data->plans.push_back(std::move(p));
    return true;
}

bool map_sla_target(MapState& s, const Record& rec) {
    FieldCheck& c = s.check;
    SlaTarget tg;
    std::string_view t;
    bool ok = true;
    if (c.text(FieldCheck::lookup(rec, "offering"), "offering", &t) == FieldCheck::Ok && t != "*")
        tg.offering = s.pool->intern(t);
    auto required = [&](FieldCheck::Got g, const char* field) {
        if (g == FieldCheck::Absent) c.problem(field, Value{}, "required field is missing");
        ok = ok && g == FieldCheck::Ok;
    };
    required(c.enumerated(FieldCheck::lookup(rec, "severity"), "severity", parse_severity, "A, B, C",
                          &tg.severity),
             "severity");
    required(c.enumerated(
                 FieldCheck::lookup(rec, "metric"), "metric",
                 +[](std::string_view v, SlaMetric* out) {
                     for (int i = 0; i < static_cast<int>(SlaMetric::Count); ++i)
                         if (v == to_string(static_cast<SlaMetric>(i)))
                             return *out = static_cast<SlaMetric>(i), true;
                     return false;
                 },
                 "first_response, next_update, resolution", &tg.metric),
             "metric");
    required(c.integer(FieldCheck::lookup(rec, "target_minutes"), "target_minutes", 1, 10 * 366 * 24 * 60,
                       &tg.target_minutes),
             "target_minutes");
    const Value hours = FieldCheck::lookup(rec, "hours");
    if (c.text(hours, "hours", &t) == FieldCheck::Ok) {
        if (t == "business")
            tg.business_hours = true;
        else if (t != "calendar")
            c.problem("hours", hours, FieldCheck::not_one_of(t, "business, calendar"));
    }
    if (c.text(FieldCheck::lookup(rec, "calendar"), "calendar", &t) == FieldCheck::Ok) tg.calendar.assign(t);
    if (tg.business_hours && tg.calendar.empty()) {
        c.problem("calendar", Value{}, "business hours need a calendar");
        ok = false;
    }
    double pct = 75;
    if (c.number(FieldCheck::lookup(rec, "warning_pct"), "warning_pct", 1, 100, &pct) == FieldCheck::Ok)
        tg.warning_pct = static_cast<float>(pct / 100);
    if (!ok) return false;
    for (const SlaTarget& o : s.data->sla.targets) {
        if (o.offering == tg.offering && o.severity == tg.severity && o.metric == tg.metric) {
            c.problem("", Value{},
                      std::string("another target already covers ") +
                          (tg.offering ? std::string(s.pool->view(tg.offering)) : "*") + " / " +
                          to_string(tg.severity) + " / " + to_string(tg.metric));
            return false;
        }
    }
    s.data->sla.targets.push_back(std::move(tg));
    return true;
}

// "HH:MM" -> minutes after midnight; "24:00" is allowed as an end.
static bool parse_clock(std::string_view s, int* minutes) {
    if (s.size() != 5 || s[2] != ':') return false;
    for (size_t i : {0, 1, 3, 4})
        if (s[i] < '0' || s[i] > '9') return false;
    const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m)) return false;
    *minutes = h * 60 + m;
    return true;
}

bool map_calendar(MapState& s, const Record& rec) {
    FieldCheck& c = s.check;
    BusinessCalendar cal;
    std::string_view t;
    const Value name = FieldCheck::lookup(rec, "name");
    if (c.text(name, "name", &t) != FieldCheck::Ok) {
        if (!name.present()) c.problem("name", name, "required field is missing");
        return false;
    }
    c.id.assign(t);
    cal.name.assign(t);
    const Value tz = FieldCheck::lookup(rec, "time_zone");
    const FieldCheck::Got g = c.text(tz, "time_zone", &t);
    if (g == FieldCheck::Absent) c.problem("time_zone", tz, "required field is missing");
    if (g != FieldCheck::Ok) return false;
    cal.time_zone.assign(t);

    static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (size_t i = 0; i < rec.count; ++i) {  // weekly.<day>[span][0 = start, 1 = end]
        const RecordEntry& e = rec.at(static_cast<uint32_t>(i));
        if (e.path.compare(0, 7, "weekly.") != 0 || e.idx[0] >= 0) continue;
        const std::string_view day = std::string_view(e.path).substr(7);
        const auto* d = std::find(std::begin(kDays), std::end(kDays), day);
        if (d == std::end(kDays)) {
            c.problem(e.path, Value{}, "not a day (mon, tue, wed, thu, fri, sat, sun)");
            continue;
        }
        if (e.type != ValueType::Array) {
            c.problem(e.path, Value{},
                      std::string("expected a list of [\"HH:MM\", \"HH:MM\"], found ") + to_string(e.type));
            continue;
        }
        std::vector<WorkingSpan>& spans = cal.weekly[d - std::begin(kDays)];
        const std::string_view* ends[2] = {nullptr, nullptr};
        int32_t span = -1;
        auto flush = [&]() {
            if (span < 0) return;
            WorkingSpan w{0, 0};
            const std::string field = std::string(e.path) + "[" + std::to_string(span) + "]";
            if (!ends[0] || !ends[1] || !parse_clock(*ends[0], &w.start_minute) ||
                !parse_clock(*ends[1], &w.end_minute))
                c.problem(field, Value{}, "expected [\"HH:MM\", \"HH:MM\"]");
            else if (w.end_minute <= w.start_minute)
                c.problem(field, Value{},
                          "'" + std::string(*ends[1]) + "' is not after '" + std::string(*ends[0]) + "'");
            else if (!spans.empty() && w.start_minute < spans.back().end_minute)
                c.problem(field, Value{}, "overlaps or precedes the span before it");
            else
                spans.push_back(w);
            ends[0] = ends[1] = nullptr;
        };
        for (uint32_t j = e.next_same; j != 0; j = rec.at(j).next_same) {
            const RecordEntry& x = rec.at(j);
            if (x.idx[0] != span) flush(), span = x.idx[0];
            if (x.idx[1] == 0 || x.idx[1] == 1)
                ends[x.idx[1]] = x.type == ValueType::String ? &x.text : nullptr;
        }
        flush();
    }
    const uint32_t h = rec.find("holidays");
    for (uint32_t j = h == kNoEntry ? 0 : rec.at(h).next_same; j != 0; j = rec.at(j).next_same) {
        const RecordEntry& x = rec.at(j);
        int64_t day = 0;
        if (x.type == ValueType::String && parse_date(x.text, &day))
            cal.holidays.push_back(static_cast<int32_t>(day));
        else
            c.problem(element_name("holidays", x.idx[0]), Value{},
                      "'" + std::string(x.text) + "' is not a date (YYYY-MM-DD)");
    }
    std::sort(cal.holidays.begin(), cal.holidays.end());
    cal.holidays.erase(std::unique(cal.holidays.begin(), cal.holidays.end()), cal.holidays.end());
    for (const BusinessCalendar& o : s.data->sla.calendars) {
        if (o.name == cal.name) {
            c.problem("name", Value{}, "another calendar is already called '" + cal.name + "'");
            return false;
        }
    }
    s.data->sla.calendars.push_back(std::move(cal));
    return true;
}

}  // namespace cb
