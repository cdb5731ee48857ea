// json_writer.cpp: see json_writer.h.
#include "json_writer.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "json_reader.h"

namespace cb {

void JsonWriter::newline_indent() {
    out_.push_back('\n');
    out_.append(2 * has_items_.size(), ' ');
}

void JsonWriter::separate() {
    if (after_key_) {  // the value of a key: ':' already written
        after_key_ = false;
        return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) out_.push_back(',');
    has_items_.back() = true;
    if (pretty_) newline_indent();
}

void JsonWriter::open(char bracket) {
    separate();
    out_.push_back(bracket);
    has_items_.push_back(false);
}

void JsonWriter::close(char bracket) {
    if (has_items_.empty()) return;  // unbalanced call: keep the output well-formed so far
    bool had_items = has_items_.back();
    has_items_.pop_back();
    if (pretty_ && had_items) newline_indent();
    out_.push_back(bracket);
}

void JsonWriter::key(std::string_view k) {
    separate();
    write_string(k);
    out_.append(pretty_ ? ": " : ":");
    after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
    separate();
    write_string(s);
}

void JsonWriter::value(int64_t v) {
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%" PRId64, v);
    raw({buf, static_cast<size_t>(n)});
}

void JsonWriter::value(uint64_t v) {
    char buf[24];
    int n = std::snprintf(buf, sizeof buf, "%" PRIu64, v);
    raw({buf, static_cast<size_t>(n)});
}

void JsonWriter::value(double v) {
    if (!std::isfinite(v)) return null();
    char buf[32];
    int n = 0;
    for (int precision = 15; precision <= 17; ++precision) {
        n = std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    raw({buf, static_cast<size_t>(n)});
}

void JsonWriter::raw(std::string_view json) {
    separate();
    out_.append(json);
}

// Copies runs of safe bytes at once; escapes '"', '\' and control characters; replaces each byte that does
// not start a valid UTF-8 sequence with U+FFFD.
void JsonWriter::write_string(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
    const uint8_t* e = p + s.size();
    out_.push_back('"');
    while (p < e) {
        const uint8_t* run = p;
        while (p < e && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') ++p;
        out_.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
        if (p == e) break;
        uint8_t c = *p;
        if (c >= 0x80) {
            size_t n = utf8_sequence_length(p, e);
            if (n == 0) {
                out_.append("\xEF\xBF\xBD");
                ++p;
            } else {
                out_.append(reinterpret_cast<const char*>(p), n);
                p += n;
            }
            continue;
        }
        ++p;
        switch (c) {
            case '"':
                out_.append("\\\"");
                break;
            case '\\':
                out_.append("\\\\");
                break;
            case '\n':
                out_.append("\\n");
                break;
            case '\r':
                out_.append("\\r");
                break;
            case '\t':
                out_.append("\\t");
                break;
            case '\b':
                out_.append("\\b");
                break;
            case '\f':
                out_.append("\\f");
                break;
            default:
                out_.append("\\u00");
                out_.push_back(kHex[c >> 4]);
                out_.push_back(kHex[c & 15]);
        }
    }
    out_.push_back('"');
}

std::string JsonWriter::take() {
    std::string text = std::move(out_);
    out_.clear();
    has_items_.clear();
    after_key_ = false;
    return text;
}

}  // namespace cb
