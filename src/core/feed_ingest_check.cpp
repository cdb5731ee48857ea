// Typed reading of record values, problem reporting, and the per-feed mapping state.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "feed_ingest_map.h"
#include "importers.h"
#include "timestamp.h"

namespace cb {

void add_problem(FeedReport* report, uint64_t record, std::string_view id, std::string_view field,
                 std::string message) {
    if (report->problems.size() >= kMaxProblemsPerFeed) {
        ++report->problems_not_listed;
        return;
    }
    report->problems.push_back(FeedProblem{record, std::string(id), std::string(field), std::move(message)});
}

void FieldCheck::problem(std::string_view field, const Value& v, std::string message) {
    if (!report) return;  // a probe that only wants the value
    if (!v.source.empty() && v.source != field) message.append(" (in ").append(v.source).append(")");
    add_problem(report, record, id, field, std::move(message));
}

static Value entry_value(const RecordEntry& e) {
    if (e.type == ValueType::Null || (e.type == ValueType::String && e.text.empty())) return Value{};
    return Value{e.type, e.text, e.path};
}

Value FieldCheck::lookup(const Record& rec, std::string_view path) {
    const uint32_t i = rec.find(path);
    return i == kNoEntry ? Value{} : entry_value(rec.at(i));
}

static Value lookup_id(const Record& rec, uint32_t path_id) {
    const uint32_t i = rec.find_id(path_id);
    return i == kNoEntry ? Value{} : entry_value(rec.at(i));
}

Value FieldCheck::lookup(const Record& rec, const std::vector<SourcePath>& alternatives) {
    for (const SourcePath& alt : alternatives) {
        Value v = lookup_id(rec, alt.path_id);
        if (v.type == ValueType::Object) {  // a reference object: {"display_value", "value", "link"}
            v = lookup_id(rec, alt.display_id);
            if (!v.present()) v = lookup_id(rec, alt.value_id);
        }
        if (v.present()) return v;
    }
    return Value{};
}

FieldCheck::Got FieldCheck::text(const Value& v, std::string_view field, std::string_view* out) {
    if (!v.present()) return Absent;
    if (v.type == ValueType::String ||
        (lenient && (v.type == ValueType::Number || v.type == ValueType::Bool))) {
        *out = v.text;
        return Ok;
    }
    problem(field, v, std::string("expected a string, found ") + to_string(v.type));
    return Bad;
}

static bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

FieldCheck::Got FieldCheck::time(const Value& v, std::string_view field, Time* out, bool date_only_ok) {
    if (!v.present()) return Absent;
    if (v.type == ValueType::String) {
        if (parse_timestamp(v.text, out, date_only_ok)) return Ok;
        if (lenient && all_digits(v.text) && parse_epoch(v.text, out)) return Ok;
        problem(field, v, "'" + std::string(v.text) + "' is not a timestamp");
        return Bad;
    }
    if (v.type == ValueType::Number) {
        if (parse_epoch(v.text, out)) return Ok;
        problem(field, v, std::string(v.text) + " is not a whole number of epoch seconds or milliseconds");
        return Bad;
    }
    problem(field, v, std::string("expected a timestamp, found ") + to_string(v.type));
    return Bad;
}

FieldCheck::Got FieldCheck::integer(const Value& v, std::string_view field, int64_t lo, int64_t hi,
                                    int64_t* out) {
    if (!v.present()) return Absent;
    if (v.type != ValueType::Number && !(lenient && v.type == ValueType::String)) {
        problem(field, v, std::string("expected a whole number, found ") + to_string(v.type));
        return Bad;
    }
    int64_t n = 0;
    const char* end = v.text.data() + v.text.size();
    auto r = std::from_chars(v.text.data(), end, n);
    if (r.ec != std::errc() || r.ptr != end) {
        problem(field, v, "'" + std::string(v.text) + "' is not a whole number");
        return Bad;
    }
    if (n >= lo && n <= hi) {
        *out = n;
        return Ok;
    }
    if (lo == 0 && n < 0)
        problem(field, v, std::to_string(n) + " is negative");
    else if (n > hi && lo == 0)
        problem(field, v, std::to_string(n) + " is more than " + std::to_string(hi));
    else
        problem(field, v,
                std::to_string(n) + " is not between " + std::to_string(lo) + " and " + std::to_string(hi));
    return Bad;
}

static std::string short_number(double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

FieldCheck::Got FieldCheck::number(const Value& v, std::string_view field, double lo, double hi,
                                   double* out) {
    if (!v.present()) return Absent;
    char buf[64];
    if ((v.type != ValueType::Number && !(lenient && v.type == ValueType::String)) ||
        v.text.size() >= sizeof buf) {
        problem(field, v, std::string("expected a number, found ") + to_string(v.type));
        return Bad;
    }
    std::memcpy(buf, v.text.data(), v.text.size());
    buf[v.text.size()] = 0;
    char* end = nullptr;
    const double d = std::strtod(buf, &end);
    if (end != buf + v.text.size() || v.text.empty() || !(d >= lo && d <= hi)) {
        problem(field, v,
                "'" + std::string(v.text) + "' is not a number from " + short_number(lo) + " to " +
                    short_number(hi));
        return Bad;
    }
    *out = d;
    return Ok;
}

FieldCheck::Got FieldCheck::boolean(const Value& v, std::string_view field, bool* out) {
    if (!v.present()) return Absent;
    std::string_view s = v.text;
    if (v.type == ValueType::Bool ||
        (lenient && (v.type == ValueType::String || v.type == ValueType::Number))) {
        if (s == "true" || (lenient && (s == "1" || s == "yes" || s == "True" || s == "TRUE"))) {
            *out = true;
            return Ok;
        }
        if (s == "false" || (lenient && (s == "0" || s == "no" || s == "False" || s == "FALSE"))) {
            *out = false;
            return Ok;
        }
        problem(field, v, "'" + std::string(s) + "' is not true or false");
        return Bad;
    }
    problem(field, v, std::string("expected true or false, found ") + to_string(v.type));
    return Bad;
}

FieldCheck::Got FieldCheck::sentiment(const Value& v, std::string_view field, float* out) {
    if (v.type == ValueType::String && !all_digits(v.text) &&
        v.text.find_first_of("0123456789") == std::string_view::npos) {
        if (v.text == "negative")
            *out = -1.0f;
        else if (v.text == "neutral")
            *out = 0.0f;
        else if (v.text == "positive")
            *out = 1.0f;
        else {
            problem(field, v, not_one_of(v.text, "negative, neutral, positive or a number from -1 to 1"));
            return Bad;
        }
        return Ok;
    }
    double d = 0;
    Got g = number(v, field, -1.0, 1.0, &d);
    if (g == Ok) *out = static_cast<float>(d);
    return g;
}

std::string FieldCheck::not_one_of(std::string_view s, const char* spellings) {
    return "'" + std::string(s) + "' is not one of " + spellings;
}

void MapState::init(const FeedSpec& spec, FeedFormat detected, StringPool* p, FeedData* d, FeedReport* r,
                    Record* rec) {
    format = detected;
    pool = p;
    data = d;
    check.report = r;
    check.lenient = detected != FeedFormat::Caseboard;
    size_t n = 0;
    const char* const* names = mappable_fields(spec.kind, &n);
    sources.assign(n, {});
    for (size_t f = 0; f < n; ++f) {
        std::string_view list = default_source(detected, spec.kind, static_cast<int>(f));
        for (const auto& m : spec.field_map)
            if (m.first == names[f]) list = m.second;
        while (!list.empty()) {
            const size_t bar = list.find('|');
            std::string path(list.substr(0, bar));
            SourcePath sp{path, path + ".display_value", path + ".value", 0, 0, 0};
            sp.path_id = rec->path_id(sp.path);
            sp.display_id = rec->path_id(sp.display);
            sp.value_id = rec->path_id(sp.value);
            sources[f].push_back(std::move(sp));
            list = bar == list.npos ? std::string_view() : list.substr(bar + 1);
        }
    }
    if (spec.kind == FeedKind::Cases && !sources[kCaseStatusHistory].empty()) {
        const std::string& base = sources[kCaseStatusHistory][0].path;
        history_status_id = rec->path_id(base + ".status");
        history_at_id = rec->path_id(base + ".at");
    }
}

bool MapState::claim_id(StrId id, uint64_t index) {
    if (id >= record_of_id.size()) record_of_id.resize(std::max<size_t>(id + 1, record_of_id.size() * 2), 0);
    if (record_of_id[id]) {
        add_problem(check.report, index, check.id, "id",
                    "duplicate of record " + std::to_string(record_of_id[id] - 1));
        return false;
    }
    record_of_id[id] = static_cast<uint32_t>(index + 1);
    return true;
}

bool MapState::map(const Record& rec, uint64_t index) {
    check.record = index;
    check.id.clear();
    if (rec.truncated)
        add_problem(check.report, index, "", "",
                    "the record has more than " + std::to_string(Record::kMaxEntries) +
                        " values; the rest were ignored");
    switch (data->kind) {
        case FeedKind::Cases:
            return map_case(*this, rec);
        case FeedKind::Surveys:
            return map_survey(*this, rec);
        case FeedKind::Plans:
            return map_plan(*this, rec);
        case FeedKind::SlaPolicies:
            return map_sla_target(*this, rec);
        case FeedKind::Calendars:
            return map_calendar(*this, rec);
        default:
            return map_rollup(*this, rec);
    }
}

}  // namespace cb
