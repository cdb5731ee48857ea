// feed_ingest_map.h: turning assembled records into FeedData rows, with validation (internal to ingestion).
//
// Rule of thumb (docs/feeds.md, "Validation"): a bad required field skips the record, a bad optional field
// is dropped (left absent) and the record kept; either way one FeedProblem says what and where.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feed_ingest_record.h"
#include "feeds.h"

namespace cb {

// The problems of one feed: the first kMaxProblemsPerFeed are kept, the rest counted.
void add_problem(FeedReport* report, uint64_t record, std::string_view id, std::string_view field,
                 std::string message);

// A field's value as found in the record. type Null means absent (missing, null, or "").
struct Value {
    ValueType type = ValueType::Null;
    std::string_view text;
    std::string_view source;  // path it came from
    bool present() const { return type != ValueType::Null; }
};

struct SourcePath {
    std::string path, display, value;        // "x", "x.display_value", "x.value" (reference objects)
    uint32_t path_id, display_id, value_id;  // the same, resolved once in the feed's Record
};

// Looks up values and reads them as the canonical types, reporting what is wrong with them. Lenient
// readers (CSV and the helpdesk formats) also accept numbers written as strings and ids written as numbers.
struct FieldCheck {
    enum Got { Absent, Ok, Bad };
    FeedReport* report = nullptr;
    uint64_t record = 0;
    std::string id;  // the record's id once known (reused buffer)
    bool lenient = false;

    void problem(std::string_view field, const Value& v, std::string message);
    static Value lookup(const Record& rec, const std::vector<SourcePath>& alternatives);
    static Value lookup(const Record& rec, std::string_view path);
    Got text(const Value& v, std::string_view field, std::string_view* out);
    Got time(const Value& v, std::string_view field, Time* out, bool date_only_ok = false);
    Got integer(const Value& v, std::string_view field, int64_t lo, int64_t hi, int64_t* out);
    Got number(const Value& v, std::string_view field, double lo, double hi, double* out);
    Got boolean(const Value& v, std::string_view field, bool* out);
    Got sentiment(const Value& v, std::string_view field, float* out);
    template <typename E>
    Got enumerated(const Value& v, std::string_view field, bool (*parse)(std::string_view, E*),
                   const char* spellings, E* out) {
        std::string_view s;
        Got g = text(v, field, &s);
        if (g != Ok) return g;
        if (parse(s, out)) return Ok;
        problem(field, v, not_one_of(s, spellings));
        return Bad;
    }
    static std::string not_one_of(std::string_view s, const char* spellings);
};

// One case before it joins the columns (reused between records).
struct CaseRow {
    StrId id, title, customer, offering, queue, product, owner, resolution_code;
    Severity severity;
    bool system_down;
    CaseType type;
    CaseStatus status;
    Time created_at, first_response_at, scope_agreed_at, next_update_due, resolved_at, closed_at,
        last_response_at;
    int64_t transfers, collaborators, reopened;
    Tristate solution_validated;
    Refund refund;
    float sentiment;
    std::vector<StatusChange> history;
};

// State shared by the mappers of one feed.
struct MapState {
    FeedFormat format = FeedFormat::Caseboard;
    StringPool* pool = nullptr;
    FeedData* data = nullptr;
    FieldCheck check;
    std::vector<std::vector<SourcePath>> sources;                     // per mappable field
    uint32_t history_status_id = kNoEntry, history_at_id = kNoEntry;  // "<status_history>.status", ".at"
    std::vector<uint32_t> record_of_id;  // StrId -> 1 + record index of its first use (duplicates)
    CaseRow row;

    // `rec` is the record every later map() reads: source paths are resolved to its path ids here.
    void init(const FeedSpec& spec, FeedFormat detected, StringPool* p, FeedData* d, FeedReport* r,
              Record* rec);
    // Returns true when the record was kept.
    bool map(const Record& rec, uint64_t index);
    bool claim_id(StrId id, uint64_t index);  // false (and a problem) when the id was used earlier
};

bool map_case(MapState& s, const Record& rec);
bool map_survey(MapState& s, const Record& rec);
bool map_plan(MapState& s, const Record& rec);
bool map_sla_target(MapState& s, const Record& rec);
bool map_calendar(MapState& s, const Record& rec);
bool map_rollup(MapState& s, const Record& rec);

}  // namespace cb
