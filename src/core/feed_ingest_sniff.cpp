// sniff_feed_kind: telling a feed's kind from its first bytes (files given without a manifest).
#include "feeds.h"

namespace cb {

namespace {

// Field names that only one kind of record has.
bool kind_of_field(std::string_view k, FeedKind* kind) {
    if (k == "day" || k == "arrivals") return *kind = FeedKind::Rollups, true;  // before severity
    if (k == "case_id" || k == "csat" || k == "ticket_id" || k == "score")
        return *kind = FeedKind::Surveys, true;
    if (k == "objectives" || k == "period_start") return *kind = FeedKind::Plans, true;
    if (k == "metric" || k == "target_minutes") return *kind = FeedKind::SlaPolicies, true;
    if (k == "weekly" || k == "holidays") return *kind = FeedKind::Calendars, true;
    if (k == "severity" || k == "created_at" || k == "priority" || k == "opened_at" || k == "ticketnumber")
        return *kind = FeedKind::Cases, true;
    return false;
}

bool kind_of_records_key(std::string_view k, FeedKind* kind) {
    if (k == "cases" || k == "tickets" || k == "result" || k == "value") return *kind = FeedKind::Cases, true;
    if (k == "surveys" || k == "satisfaction_ratings") return *kind = FeedKind::Surveys, true;
    if (k == "plans") return *kind = FeedKind::Plans, true;
    if (k == "targets" || k == "pausing_statuses") return *kind = FeedKind::SlaPolicies, true;
    if (k == "calendars") return *kind = FeedKind::Calendars, true;
    if (k == "rollups") return *kind = FeedKind::Rollups, true;
    return false;
}

struct Sniffer final : JsonHandler {
    FeedKind* kind;
    int depth = 0;
    bool top_array = false, found = false;
    explicit Sniffer(FeedKind* k) : kind(k) {}
    bool open(bool array) {
        if (depth++ == 0 && array)
            top_array = found = true, *kind = FeedKind::Cases;  // unless a field says more
        return true;
    }
    bool key(std::string_view k) override {
        if (!top_array && depth == 1) {
            found = kind_of_records_key(k, kind);
            if (found && k != "result" && k != "value") return false;  // generic keys: look at a record
        } else if (depth == (top_array ? 2 : 3) && kind_of_field(k, kind)) {
            found = true;
            return false;
        }
        return true;
    }
    bool begin_object() override { return open(false); }
    bool begin_array() override { return open(true); }
    // stop after the first record
    bool end_object() override { return --depth, depth != (top_array ? 1 : 2); }
    bool end_array() override { return --depth, true; }
    bool string(std::string_view) override { return depth > 0; }
    bool number(std::string_view) override { return depth > 0; }
    bool boolean(bool) override { return depth > 0; }
    bool null() override { return depth > 0; }
};

}  // namespace

bool sniff_feed_kind(std::string_view head, FeedKind* kind) {
    size_t i = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i == head.size()) return false;
    if (head[i] != '{' && head[i] != '[') {  // CSV: the header row's names
        const std::string_view line = head.substr(i, head.find_first_of("\r\n", i) - i);
        for (size_t start = 0; start <= line.size();) {
            size_t comma = line.find(',', start);
            if (comma == std::string_view::npos) comma = line.size();
            std::string_view name = line.substr(start, comma - start);
            if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
                name = name.substr(1, name.size() - 2);
            if (kind_of_field(name, kind) && *kind == FeedKind::Surveys) return true;
            start = comma + 1;
        }
        *kind = FeedKind::Cases;
        return true;
    }
    Sniffer s(kind);
    JsonReader reader(s);
    reader.feed(head.substr(i));
    return s.found;
}

}  // namespace cb
