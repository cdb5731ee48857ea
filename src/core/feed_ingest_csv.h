// feed_ingest_csv.h: an incremental RFC 4180 CSV tokenizer (internal to feed ingestion).
//
// Bytes arrive in chunks of any size; a row is handed to the sink as soon as its line ends, so a CSV feed
// is ingested with the same bounded memory as a JSON one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cb {

struct CsvSink {
    virtual ~CsvSink() = default;
    // fields[0..count) of the row that started on `line` (1-based). Return false to stop.
    virtual bool row(const std::vector<std::string>& fields, size_t count, uint64_t line) = 0;
};

class CsvReader {
public:
    explicit CsvReader(CsvSink& sink) : sink_(sink) {}
    bool feed(std::string_view chunk);  // false once the input is bad (error()) or the sink stopped
    bool finish();
    const std::string& error() const { return error_; }

private:
    enum class State : uint8_t { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCR };
    bool end_row();
    void end_field();
    CsvSink& sink_;
    std::vector<std::string> fields_;
    size_t count_ = 0;
    State state_ = State::FieldStart;
    bool content_ = false;  // the row so far holds something (a blank line is no row)
    uint64_t line_ = 1, row_line_ = 1;
    uint64_t offset_ = 0;
    std::string error_;
};

}  // namespace cb
