// The feed manifest (docs/feeds.md, "Manifest"), read with the same record assembler as the feeds.
#include <charconv>

#include "feed_ingest_record.h"
#include "feeds.h"
#include "importers.h"
#include "timestamp.h"

namespace cb {

static const char* const kKindNames[] = {"cases", "surveys", "plans", "sla_policies", "calendars", "rollups"};
static const char* const kFormatNames[] = {"auto", "caseboard", "servicenow", "zendesk", "dynamics", "csv"};

const char* to_string(FeedKind k) {
    return kKindNames[static_cast<int>(k)];
}
const char* to_string(FeedFormat f) {
    return kFormatNames[static_cast<int>(f)];
}

bool parse_feed_kind(std::string_view s, FeedKind* out) {
    for (int i = 0; i < static_cast<int>(FeedKind::Count); ++i)
        if (s == kKindNames[i]) return *out = static_cast<FeedKind>(i), true;
    return false;
}

bool parse_feed_format(std::string_view s, FeedFormat* out) {
    for (int i = 0; i < static_cast<int>(FeedFormat::Count); ++i)
        if (s == kFormatNames[i]) return *out = static_cast<FeedFormat>(i), true;
    return false;
}

namespace {

// The whole manifest is one record (it is small); the root must be an object.
struct ManifestHandler final : JsonHandler {
    Record rec;
    RecordBuilder builder;
    std::string shape_error;
    int depth = 0;
    ManifestHandler() { builder.start(&rec); }
    bool wrong_root(ValueType t) {
        shape_error = std::string("expected an object with a 'feeds' array, found ") + to_string(t);
        return false;
    }
    bool open(bool obj) {
        if (depth++ == 0 && !obj) return wrong_root(ValueType::Array);
        builder.begin_container(obj);
        return true;
    }
    bool close() {
        --depth;
        builder.end_container();
        return true;
    }
    bool scalar(ValueType t, std::string_view s) {
        if (depth == 0) return wrong_root(t);
        builder.scalar(t, s);
        return true;
    }
    bool begin_object() override { return open(true); }
    bool begin_array() override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(std::string_view k) override { return builder.key(k), true; }
    bool string(std::string_view s) override { return scalar(ValueType::String, s); }
    bool number(std::string_view s) override { return scalar(ValueType::Number, s); }
    bool boolean(bool b) override { return scalar(ValueType::Bool, b ? "true" : "false"); }
    bool null() override { return scalar(ValueType::Null, {}); }
};

std::string found(const RecordEntry& e) {
    return std::string("found ") + to_string(e.type);
}

}  // namespace

bool parse_manifest(std::string_view text, Manifest* out, std::string* error) {
    ManifestHandler h;
    JsonError je;
    if (!json_parse(text, h, &je)) {
        *error = !h.shape_error.empty() ? h.shape_error
                                        : "line " + std::to_string(je.line) + ", column " +
                                              std::to_string(je.column) + ": " + je.message;
        return false;
    }
    Record& rec = h.rec;
    rec.index();
    Manifest m;
    auto fail = [&](std::string msg) {
        *error = std::move(msg);
        return false;
    };
    auto string_at = [&](const char* path, std::string* dst) -> bool {
        const uint32_t i = rec.find(path);
        if (i == kNoEntry) return true;
        if (rec.at(i).type != ValueType::String)
            return fail(std::string(path) + ": expected a string, " + found(rec.at(i)));
        *dst = rec.at(i).text;
        return true;
    };
    if (!string_at("title", &m.title) || !string_at("time_zone", &m.time_zone)) return false;
    if (m.time_zone.empty()) return fail("time_zone: must not be empty");
    if (uint32_t i = rec.find("refresh_seconds"); i != kNoEntry) {
        const RecordEntry& e = rec.at(i);
        int v = 0;
        auto res = std::from_chars(e.text.data(), e.text.data() + e.text.size(), v);
        if (e.type != ValueType::Number || res.ec != std::errc() || res.ptr != e.text.data() + e.text.size())
            return fail("refresh_seconds: expected a whole number, " +
                        (e.type == ValueType::Number ? "found " + std::string(e.text) : found(e)));
        if (v < 10) return fail("refresh_seconds: " + std::string(e.text) + " is less than 10");
        m.refresh_seconds = v;
    }
    if (uint32_t i = rec.find("as_of"); i != kNoEntry) {
        const RecordEntry& e = rec.at(i);
        if (e.type != ValueType::String || !parse_timestamp(e.text, &m.as_of, false))
            return fail("as_of: expected a timestamp such as \"2026-11-30T16:00:00Z\", " +
                        (e.type == ValueType::String ? "found '" + std::string(e.text) + "'" : found(e)));
    }
    if (uint32_t i = rec.find("allow_origins"); i != kNoEntry) {
        if (rec.at(i).type != ValueType::Array)
            return fail("allow_origins: expected an array, " + found(rec.at(i)));
        for (uint32_t j = rec.at(i).next_same; j; j = rec.at(j).next_same) {
            if (rec.at(j).type != ValueType::String)
                return fail("allow_origins[" + std::to_string(rec.at(j).idx[0]) + "]: expected a string, " +
                            found(rec.at(j)));
            m.allow_origins.emplace_back(rec.at(j).text);
        }
    }
    const uint32_t fi = rec.find("feeds");
    if (fi == kNoEntry) return fail("feeds: missing (the manifest lists its feeds there)");
    if (rec.at(fi).type != ValueType::Array) return fail("feeds: expected an array, " + found(rec.at(fi)));
    // Elements of feeds, then their members, in document order.
    std::vector<bool> has_kind, has_url;
    for (uint32_t k = 0; k < rec.count; ++k) {
        const RecordEntry& e = rec.at(k);
        if (e.path.compare(0, 5, "feeds") != 0 || (e.path.size() > 5 && e.path[5] != '.') || e.idx[0] < 0)
            continue;
        const std::string where = "feeds[" + std::to_string(e.idx[0]) + "]";
        if (e.path.size() == 5) {
            if (e.idx[1] >= 0) continue;
            if (e.type != ValueType::Object) return fail(where + ": expected an object, " + found(e));
            m.feeds.emplace_back();
            has_kind.push_back(false), has_url.push_back(false);
            continue;
        }
        FeedSpec& f = m.feeds.back();
        const std::string member(e.path.substr(6));
        const std::string field = where + "." + member;
        const bool is_string = e.type == ValueType::String;
        if (member == "name" || member == "kind" || member == "url" || member == "format") {
            if (!is_string) return fail(field + ": expected a string, " + found(e));
        }
        if (member == "name") {
            if (e.text.empty()) return fail(field + ": must not be empty");
            for (size_t j = 0; j + 1 < m.feeds.size(); ++j)
                if (m.feeds[j].name == e.text)
                    return fail(field + ": '" + std::string(e.text) + "' is already the name of feeds[" +
                                std::to_string(j) + "]");
            f.name = e.text;
        } else if (member == "kind") {
            if (!parse_feed_kind(e.text, &f.kind))
                return fail(field + ": '" + std::string(e.text) +
                            "' is not one of cases, surveys, plans, sla_policies, calendars, rollups");
            has_kind.back() = true;
        } else if (member == "url") {
            if (e.text.empty()) return fail(field + ": must not be empty");
            f.url = e.text;
            has_url.back() = true;
        } else if (member == "format") {
            if (!parse_feed_format(e.text, &f.format))
                return fail(field + ": '" + std::string(e.text) +
                            "' is not one of caseboard, servicenow, zendesk, dynamics, csv");
        } else if (member == "field_map") {
            if (e.type != ValueType::Object) return fail(field + ": expected an object, " + found(e));
        } else if (member.compare(0, 10, "field_map.") == 0) {
            if (!is_string || e.text.empty())
                return fail(field + ": expected a source field name, " + found(e));
            f.field_map.emplace_back(member.substr(10), std::string(e.text));
        }
    }
    for (size_t j = 0; j < m.feeds.size(); ++j) {
        const std::string where = "feeds[" + std::to_string(j) + "]";
        FeedSpec& f = m.feeds[j];
        if (f.name.empty()) return fail(where + ".name: missing");
        if (!has_kind[j]) return fail(where + ".kind: missing");
        if (!has_url[j]) return fail(where + ".url: missing");
        size_t n = 0;
        const char* const* names = mappable_fields(f.kind, &n);
        for (const auto& fm : f.field_map) {
            bool known = false;
            for (size_t k = 0; k < n; ++k) known = known || fm.first == names[k];
            if (!known)
                return fail(where + ".field_map." + fm.first + ": not a field of " + to_string(f.kind) +
                            (n ? " feeds" : " feeds (only cases and surveys feeds take a field_map)"));
        }
    }
    *out = std::move(m);
    return true;
}

}  // namespace cb
