// json_reader.h: a resumable, push-style JSON tokenizer (RFC 8259).
//
// Input arrives in chunks of any size (a fetch stream, a time slice, a file read); the reader keeps the
// partial token between chunks, so ingestion can stop after any chunk and continue later without a DOM.
// Nesting is tracked on an explicit stack (no recursion), so deep input cannot overflow the C++ stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cb {

// Callbacks for each token. String views are valid only during the call (escapes already decoded to
// UTF-8). Numbers arrive as their source text, validated against the JSON grammar. Return false to stop
// the parse (the reader then reports "stopped by handler").
struct JsonHandler {
    virtual ~JsonHandler() = default;
    virtual bool begin_object() = 0;
    virtual bool key(std::string_view k) = 0;
    virtual bool end_object() = 0;
    virtual bool begin_array() = 0;
    virtual bool end_array() = 0;
    virtual bool string(std::string_view s) = 0;
    virtual bool number(std::string_view text) = 0;
    virtual bool boolean(bool b) = 0;
    virtual bool null() = 0;
};

struct JsonError {
    std::string message;  // plain words, e.g. "unexpected end of input inside a string"
    uint64_t offset = 0;  // byte offset of the offending byte
    uint32_t line = 1, column = 1;
};

class JsonReader {
public:
    explicit JsonReader(JsonHandler& handler, uint32_t max_depth = 512);
    // Consumes the next chunk. Returns false once the input is known to be bad (see error()).
    bool feed(std::string_view chunk);
    // Declares the end of input; returns false if the document is incomplete or bad.
    bool finish();
    bool failed() const { return failed_; }
    const JsonError& error() const { return error_; }
    uint64_t bytes_consumed() const { return offset_; }

private:
    struct Impl;
    JsonHandler& handler_;
    uint32_t max_depth_;
    bool failed_ = false;
    JsonError error_;
    uint64_t offset_ = 0;
    uint32_t line_ = 1, column_ = 1;
    // parser state (see json_reader.cpp)
    std::vector<uint8_t> stack_;  // '{' or '['
    int state_ = 0;
    std::string token_;  // partial string/number/literal carried across chunks
    uint32_t pending_ = 0;
    bool done_ = false;
};

// Parses whole text in one call (tests, small manifests).
bool json_parse(std::string_view text, JsonHandler& handler, JsonError* error);

}  // namespace cb
