#include "feed_ingest_csv.h"

namespace cb {

void CsvReader::end_field() {
    ++count_;
    if (count_ == fields_.size()) fields_.emplace_back();
    fields_[count_].clear();
}

bool CsvReader::end_row() {
    bool go = true;
    if (content_ || count_ > 0) go = sink_.row(fields_, count_ + 1, row_line_);
    count_ = 0;
    if (fields_.empty()) fields_.emplace_back();
    fields_[0].clear();
    content_ = false;
    row_line_ = line_;
    if (!go && error_.empty()) error_ = "stopped";
    return go;
}

bool CsvReader::feed(std::string_view chunk) {
    if (!error_.empty()) return false;
    if (fields_.empty()) fields_.emplace_back();
    size_t i = 0;
    if (offset_ == 0 && chunk.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 byte order mark
    offset_ += chunk.size();
    for (; i < chunk.size(); ++i) {
        const char c = chunk[i];
        std::string& field = fields_[count_];
        switch (state_) {
            case State::AfterCR:
                state_ = State::FieldStart;
                if (c == '\n') continue;
                [[fallthrough]];
            case State::FieldStart:
                if (c == '"') {
                    state_ = State::Quoted, content_ = true;
                    continue;
                }
                state_ = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted:
                if (c == ',') {
                    end_field(), content_ = true, state_ = State::FieldStart;
                } else if (c == '\n' || c == '\r') {
                    ++line_;
                    state_ = c == '\r' ? State::AfterCR : State::FieldStart;
                    if (!end_row()) return false;
                } else {
                    // take the run of plain bytes in one append
                    size_t j = i;
                    while (j < chunk.size() && chunk[j] != ',' && chunk[j] != '\n' && chunk[j] != '\r') ++j;
                    field.append(chunk.data() + i, j - i);
                    content_ = true;
                    i = j - 1;
                }
                break;
            case State::Quoted:
                if (c == '"') {
                    state_ = State::QuoteInQuoted;
                } else {
                    if (c == '\n') ++line_;
                    field += c;
                }
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    field += '"', state_ = State::Quoted;
                } else if (c == ',') {
                    end_field(), state_ = State::FieldStart;
                } else if (c == '\n' || c == '\r') {
                    ++line_;
                    state_ = c == '\r' ? State::AfterCR : State::FieldStart;
                    if (!end_row()) return false;
                } else {
                    error_ = "line " + std::to_string(line_) + ": unexpected '" + std::string(1, c) +
                             "' after the closing quote of a field";
                    return false;
                }
                break;
        }
    }
    return true;
}

bool CsvReader::finish() {
    if (!error_.empty()) return false;
    if (state_ == State::Quoted) {
        error_ = "line " + std::to_string(line_) + ": unexpected end of input inside a quoted field";
        return false;
    }
    if (fields_.empty()) return true;
    return end_row();
}

}  // namespace cb
