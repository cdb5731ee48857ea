// feeds.h: the feed manifest, per-feed incremental ingestion with validation, and assembly of the
// last good version of every feed into one Dataset.
//
// Flow: parse_manifest() -> for each FeedSpec a FeedIngest is fed the bytes chunk by chunk (from fetch,
// a dropped file or disk) -> finish() yields a FeedData plus a FeedReport -> FeedSet keeps the newest
// *good* FeedData of each feed (a failed load never replaces it) -> FeedSet::assemble() builds the Dataset.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_reader.h"
#include "model.h"

namespace cb {

enum class FeedKind : uint8_t { Cases, Surveys, Plans, SlaPolicies, Calendars, Rollups, Count };
const char* to_string(FeedKind k);  // "cases", "surveys", "plans", "sla_policies", "calendars", "rollups"
bool parse_feed_kind(std::string_view s, FeedKind* out);

// Source formats. Auto detects from the document shape (first top-level key or a top-level array).
enum class FeedFormat : uint8_t { Auto, Caseboard, ServiceNow, Zendesk, Dynamics, Csv, Count };
const char* to_string(FeedFormat f);  // "auto", "caseboard", "servicenow", "zendesk", "dynamics", "csv"
bool parse_feed_format(std::string_view s, FeedFormat* out);

struct FeedSpec {
    std::string name;
    FeedKind kind = FeedKind::Cases;
    std::string url;  // relative to the manifest
    FeedFormat format = FeedFormat::Auto;
    std::vector<std::pair<std::string, std::string>> field_map;  // canonical field -> source field/path
};

struct Manifest {
    std::string title = "Caseboard";
    std::string time_zone = "UTC";  // IANA name of the team's zone
    int refresh_seconds = 300;
    // A snapshot's time: the feeds were exported then, so figures are computed as of it rather than the
    // clock (bundled demo data, archived exports). kNoTime: live.
    Time as_of = kNoTime;
    std::vector<std::string> allow_origins;  // other origins the page may load this manifest's feeds from
    std::vector<FeedSpec> feeds;
};
// Returns false with a plain-words message naming the field at fault.
bool parse_manifest(std::string_view text, Manifest* out, std::string* error);

struct FeedProblem {
    uint64_t record = 0;  // 0-based index of the record in the feed
    std::string id;       // the record's id when known
    std::string field;    // canonical field name ("" for the whole record)
    std::string message;  // plain words
};

constexpr size_t kMaxProblemsPerFeed = 100;

struct FeedReport {
    std::string name;
    FeedKind kind = FeedKind::Cases;
    FeedFormat format = FeedFormat::Auto;  // as detected
    uint64_t bytes = 0;
    uint64_t records = 0;               // kept
    uint64_t rejected = 0;              // skipped whole
    std::vector<FeedProblem> problems;  // first kMaxProblemsPerFeed
    uint64_t problems_not_listed = 0;   // how many more there were
    std::string fatal;  // non-empty when the feed as a whole could not be read (its data is not used)
    bool kept_previous = false;  // set by FeedSet when this load failed and the previous good data stays
    bool ok() const { return fatal.empty(); }
};

// The records of one feed, ready to be assembled. Strings are interned into the FeedSet's pool.
struct FeedData {
    FeedKind kind = FeedKind::Cases;
    CaseTable cases;
    SurveyTable surveys;  // case_index unresolved until assemble()
    RollupTable rollups;
    std::vector<SuccessPlan> plans;
    SlaPolicySet sla;  // targets from sla_policies feeds, calendars from calendars feeds
    std::vector<uint64_t>
        rejected_records;  // indices of the skipped records, ascending: maps rows to records
};

// Incremental ingestion of one feed. Feed bytes as they arrive; call finish() at the end of input.
class FeedIngest {
public:
    FeedIngest(const FeedSpec& spec, StringPool& pool, uint64_t max_bytes = uint64_t(2) << 30);
    ~FeedIngest();
    // The feed's size when known ahead (Content-Length): once the first records show their size, the
    // columns are reserved for the whole feed, so they do not double past the need.
    void expect_bytes(uint64_t total);
    bool feed(std::string_view chunk);  // false once the feed failed as a whole
    bool finish();                      // false when the feed failed as a whole
    uint64_t records_so_far() const;
    const FeedReport& report() const;
    FeedData& data();  // valid after finish() returned true

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The kind of feed a document holds, from its first bytes: the key that holds its records ("cases",
// "tickets", "satisfaction_ratings", "targets", ...) or, for a top-level array (or a CSV header), the field
// names of its first record (cases unless one says otherwise). False when the head does not say.
bool sniff_feed_kind(std::string_view head, FeedKind* kind);

// Convenience: ingest a whole buffer.
FeedReport ingest_feed(const FeedSpec& spec, std::string_view bytes, StringPool& pool, FeedData* out);

// Holds the newest good FeedData of each feed and the report of each feed's latest attempt.
class FeedSet {
public:
    StringPool& pool() { return pool_; }
    const StringPool& pool() const { return pool_; }
    // Records the outcome of a load. A good load replaces the feed's data; a failed one keeps the old.
    void store(const FeedSpec& spec, FeedReport report, std::unique_ptr<FeedData> data);
    const std::vector<FeedReport>& reports() const { return reports_; }
    // Forgets feeds whose names are not listed (a new manifest, dropped files replacing the feeds).
    void retain(const std::vector<std::string>& names);
    // Builds the combined dataset: cases of all case feeds (duplicate ids across feeds reported),
    // surveys resolved to case rows (unknown cases reported on the survey feed's report), plans, policies.
    // With lend_tables, a cases or surveys feed whose every record went into *out hands its table over
    // instead of keeping a second copy (a million cases are about 0.25 GB); the next assemble() first takes
    // those rows back from *out, so a feed that fails to reload still keeps its last good data. *out must
    // then stay alive and unchanged until that next assemble() (DataSession's dataset does).
    void assemble(Dataset* out, bool lend_tables = false);

private:
    struct RowSource {
        uint32_t feed, row;  // the feed (index into data_) and the row of its table
    };
    void take_back();

    StringPool pool_;
    std::vector<std::string> names_;
    std::vector<FeedReport> reports_;
    std::vector<std::unique_ptr<FeedData>> data_;  // parallel to names_; null until a good load
    std::vector<FeedReport>
        loaded_;                 // each feed's load report; reports_ adds assemble()'s cross-feed problems
    std::vector<uint8_t> lent_;  // parallel to names_: 1 = its rows live in *lent_to_
    const Dataset* lent_to_ = nullptr;                    // the dataset of the last lending assemble()
    std::vector<RowSource> case_source_, survey_source_;  // per row of *lent_to_: where it came from
};

}  // namespace cb
