// FeedIngest: drives the JSON (or CSV) reader over a feed's bytes, finds the records in the document's
// shape, assembles one record at a time and hands it to the kind's mapper. No DOM of the feed is built.
#include <algorithm>

#include "feed_ingest_csv.h"
#include "feed_ingest_map.h"
#include "feeds.h"
#include "importers.h"

namespace cb {

struct FeedIngest::Impl final : JsonHandler, CsvSink {
    // Where the shape walk is: the top level may be the records array, or an object holding it under a
    // known key (other keys are skipped, except pausing_statuses in an SLA policy document).
    enum class State : uint8_t { Start, TopObject, AfterKey, Records, InRecord, Skip, Pausing, Done };

    FeedSpec spec;
    StringPool& pool;
    uint64_t max_bytes;
    FeedReport report;
    FeedData data;
    MapState map;
    JsonReader reader{*this};
    CsvReader csv{*this};
    bool is_csv = false;
    bool failed = false;
    Record rec;
    RecordBuilder builder;
    State state = State::Start, after_skip = State::Start;
    uint32_t skip_depth = 0;
    bool top_is_array = false, found_records = false, odata_seen = false, have_pausing = false;
    std::string top_key;
    uint64_t record_index = 0;
    uint64_t expected_bytes = 0;      // 0: unknown, or the columns are reserved already
    std::vector<std::string> header;  // CSV column names
    std::vector<CaseStatus> pausing;

    Impl(const FeedSpec& s, StringPool& p, uint64_t max) : spec(s), pool(p), max_bytes(max) {
        report.name = spec.name;
        report.kind = spec.kind;
        data.kind = spec.kind;
        const bool csv_url = spec.url.size() >= 4 && spec.url.compare(spec.url.size() - 4, 4, ".csv") == 0;
        is_csv = spec.format == FeedFormat::Csv || (spec.format == FeedFormat::Auto && csv_url);
        if (is_csv) {
            start_records(FeedFormat::Csv);
            if (spec.kind != FeedKind::Cases && spec.kind != FeedKind::Surveys)
                fail(std::string("CSV feeds can hold cases or surveys, not ") + to_string(spec.kind));
        }
    }

    bool fail(std::string message) {
        if (!failed) report.fatal = std::move(message);
        failed = true;
        return false;
    }
    std::string expected_shape() const {
        const std::string noun = records_noun(spec.kind);
        return "expected an array of " + noun + " or an object with a '" + noun + "' array, found ";
    }

    void start_records(FeedFormat detected) {
        found_records = true;
        if (spec.format != FeedFormat::Auto) detected = spec.format;
        if (spec.kind != FeedKind::Cases && spec.kind != FeedKind::Surveys && detected != FeedFormat::Csv)
            detected = FeedFormat::Caseboard;  // plans, policies and calendars have no importers
        report.format = detected;
        map.init(spec, detected, &pool, &data, &report, &rec);
    }
    void record_done() {
        rec.index();
        if (map.map(rec, record_index)) {
            ++report.records;
        } else {
            ++report.rejected;
            data.rejected_records.push_back(record_index);
        }
        ++record_index;
    }
    void not_a_record(ValueType t) {
        add_problem(&report, record_index, "", "", std::string("expected an object, found ") + to_string(t));
        data.rejected_records.push_back(record_index++);
        ++report.rejected;
    }
    bool skip(State resume) {
        state = State::Skip, skip_depth = 1, after_skip = resume;
        return true;
    }
    bool records_key() const { return !found_records && is_records_key(spec.kind, top_key); }

    // A container or scalar begins.
    bool value(ValueType t, std::string_view text) {
        const bool container = t == ValueType::Object || t == ValueType::Array;
        switch (state) {
            case State::Start:
                if (t == ValueType::Object) return state = State::TopObject, true;
                if (t == ValueType::Array) {
                    top_is_array = true;
                    start_records(odata_seen ? FeedFormat::Dynamics : FeedFormat::Caseboard);
                    return state = State::Records, true;
                }
                return fail(expected_shape() + to_string(t));
            case State::AfterKey:
                if (records_key()) {
                    if (t != ValueType::Array)
                        return fail("'" + top_key + "' should be an array, found " + to_string(t));
                    start_records(format_from_key(top_key));
                    return state = State::Records, true;
                }
                if (spec.kind == FeedKind::SlaPolicies && top_key == "pausing_statuses" &&
                    t == ValueType::Array) {
                    have_pausing = true;
                    return state = State::Pausing, true;
                }
                state = State::TopObject;
                return container ? skip(State::TopObject) : true;
            case State::Records:
                if (t == ValueType::Object) {
                    builder.start(&rec);
                    builder.begin_container(true);
                    return state = State::InRecord, true;
                }
                not_a_record(t);
                return container ? skip(State::Records) : true;
            case State::InRecord:
                if (container)
                    builder.begin_container(t == ValueType::Object);
                else
                    builder.scalar(t, text);
                return true;
            case State::Skip:
                skip_depth += container;
                return true;
            case State::Pausing: {
                CaseStatus st;
                if (t == ValueType::String && parse_case_status(text, &st)) {
                    if (std::find(pausing.begin(), pausing.end(), st) == pausing.end()) pausing.push_back(st);
                } else {
                    add_problem(
                        &report, 0, "", "pausing_statuses",
                        (t == ValueType::String ? "'" + std::string(text) + "'" : std::string(to_string(t))) +
                            " is not one of new, in_progress, waiting_customer, on_hold, resolved, closed, "
                            "cancelled");
                }
                return container ? skip(State::Pausing) : true;
            }
            default:
                return true;
        }
    }
    bool end() {
        switch (state) {
            case State::TopObject:
                state = State::Done;
                break;
            case State::Records:
                state = top_is_array ? State::Done : State::TopObject;
                break;
            case State::Pausing:
                state = State::TopObject;
                break;
            case State::InRecord:
                builder.end_container();
                if (builder.done()) record_done(), state = State::Records;
                break;
            case State::Skip:
                if (--skip_depth == 0) state = after_skip;
                break;
            default:
                break;
        }
        return true;
    }

    bool begin_object() override { return value(ValueType::Object, {}); }
    bool begin_array() override { return value(ValueType::Array, {}); }
    bool end_object() override { return end(); }
    bool end_array() override { return end(); }
    bool string(std::string_view s) override { return value(ValueType::String, s); }
    bool number(std::string_view t) override { return value(ValueType::Number, t); }
    bool boolean(bool b) override { return value(ValueType::Bool, b ? "true" : "false"); }
    bool null() override { return value(ValueType::Null, {}); }
    bool key(std::string_view k) override {
        if (state == State::InRecord) {
            builder.key(k);
        } else if (state == State::TopObject) {
            top_key.assign(k.data(), k.size());
            odata_seen = odata_seen || k.substr(0, 7) == "@odata.";
            state = State::AfterKey;
        }
        return true;
    }

    bool row(const std::vector<std::string>& fields, size_t count, uint64_t line) override {
        if (header.empty()) {
            header.assign(fields.begin(), fields.begin() + static_cast<ptrdiff_t>(count));
            return true;
        }
        rec.clear();
        const int32_t no_idx[2] = {-1, -1};
        for (size_t i = 0; i < count && i < header.size(); ++i)
            rec.add(header[i], ValueType::String, fields[i], no_idx);
        if (count != header.size()) {
            add_problem(&report, record_index, "", "",
                        "line " + std::to_string(line) + ": the row has " + std::to_string(count) +
                            " fields, the header has " + std::to_string(header.size()));
            data.rejected_records.push_back(record_index++);
            ++report.rejected;
            return true;
        }
        record_done();
        return true;
    }

    // Reserves the rows the rest of the feed should hold, from the bytes per record so far. A little over:
    // the last records may be shorter than the first, and a column that has to grow at the end doubles.
    void reserve_rows() {
        if (!expected_bytes || record_index < 64 || report.bytes < (256u << 10)) return;
        const double per_record = double(report.bytes) / double(record_index);
        const size_t rows = size_t(double(expected_bytes) / per_record * 1.1) + 64;
        expected_bytes = 0;
        if (spec.kind == FeedKind::Cases) {
            CaseTable& t = data.cases;
            t.reserve(rows);
            t.history.reserve(size_t(double(t.history.size()) / double(t.count + 1) * double(rows)));
        } else if (spec.kind == FeedKind::Surveys) {
            data.surveys.reserve(rows);
        }
    }

    bool finish_shape() {
        if (state == State::Done && !found_records) return fail(expected_shape() + "an object without one");
        if (have_pausing) data.sla.pausing_statuses = pausing;
        return true;
    }
};

FeedIngest::FeedIngest(const FeedSpec& spec, StringPool& pool, uint64_t max_bytes)
    : impl_(new Impl(spec, pool, max_bytes)) {}
FeedIngest::~FeedIngest() = default;

bool FeedIngest::feed(std::string_view chunk) {
    Impl& m = *impl_;
    if (m.failed) return false;
    m.report.bytes += chunk.size();
    if (m.report.bytes > m.max_bytes)
        return m.fail("the feed is larger than the limit of " + std::to_string(m.max_bytes) + " bytes");
    if (m.is_csv ? m.csv.feed(chunk) : m.reader.feed(chunk)) return m.reserve_rows(), true;
    if (m.is_csv) return m.fail(m.csv.error());
    const JsonError& e = m.reader.error();
    return m.fail("line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " +
                  e.message);
}

void FeedIngest::expect_bytes(uint64_t total) {
    impl_->expected_bytes = std::min<uint64_t>(total, impl_->max_bytes);
}

bool FeedIngest::finish() {
    Impl& m = *impl_;
    if (m.failed) return false;
    if (m.is_csv) {
        if (!m.csv.finish()) return m.fail(m.csv.error());
        if (m.header.empty()) return m.fail("the CSV feed is empty (no header row)");
        return true;
    }
    if (!m.reader.finish()) {
        const JsonError& e = m.reader.error();
        return m.fail("line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " +
                      e.message);
    }
    return m.finish_shape();
}

uint64_t FeedIngest::records_so_far() const {
    return impl_->report.records;
}
const FeedReport& FeedIngest::report() const {
    return impl_->report;
}
FeedData& FeedIngest::data() {
    return impl_->data;
}

FeedReport ingest_feed(const FeedSpec& spec, std::string_view bytes, StringPool& pool, FeedData* out) {
    FeedIngest ingest(spec, pool);
    if (ingest.feed(bytes)) ingest.finish();
    if (out && ingest.report().ok()) *out = std::move(ingest.data());
    return ingest.report();
}

}  // namespace cb
