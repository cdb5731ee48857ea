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
    bool run(const uint8_t* p, const uint8_t* e);
    const uint8_t* skip_space(const uint8_t* p, const uint8_t* e);
    bool begin_value(const uint8_t*& p, const uint8_t* e, const char* where);
    bool open_container(const uint8_t* p, uint8_t kind);
    bool close_container(const uint8_t* p);
    bool scan_string(const uint8_t*& p, const uint8_t* e, bool is_key);
    bool string_slow(const uint8_t*& p, const uint8_t* e);
    bool string_escape(const uint8_t* p);
    void append_code_point(uint32_t cp);
    bool finish_string(const uint8_t* at, std::string_view s);
    const uint8_t* scan_number(const uint8_t* p, const uint8_t* e);
    bool literal_slow(const uint8_t*& p, const uint8_t* e);
    bool value_done(const uint8_t* at, bool handler_ok);
    bool fail(const uint8_t* at, std::string message);
    bool fail_unexpected(const uint8_t* at, const char* where);

    JsonHandler& handler_;
    uint32_t max_depth_;
    bool failed_ = false;
    JsonError error_;
    uint64_t offset_ = 0;             // bytes fed before the current chunk
    uint32_t line_ = 1;               // lines only break in whitespace (strings cannot hold raw newlines)
    uint64_t line_start_ = 0;         // offset of the first byte of the current line
    const uint8_t* chunk_ = nullptr;  // start of the chunk being fed (for error offsets)
    std::vector<uint8_t> stack_;      // '{' or '['
    uint8_t state_ = 0;               // State in json_reader.cpp
    // Partial token carried across chunks: string bytes decoded so far, number text, or literal progress.
    std::string token_;
    bool in_key_ = false;
    uint8_t number_state_ = 0;
    uint8_t literal_ = 0;          // which literal (true/false/null)
    uint32_t pending_ = 0;         // literal bytes matched, BOM bytes matched, or \u hex digits read
    uint32_t code_ = 0;            // \u escape value being read
    uint32_t high_surrogate_ = 0;  // \uD800-\uDBFF waiting for its low half
    uint8_t utf8_need_ = 0, utf8_lo_ = 0, utf8_hi_ = 0;  // partial UTF-8 sequence inside a string
    size_t utf8_start_ = 0;                              // where that sequence starts in token_
    bool done_ = false;
};

// Length of the valid UTF-8 sequence starting at p (1 to 4 bytes), or 0 when p starts an invalid or
// overlong sequence, a surrogate, or one cut off by end. Shared with the writer.
size_t utf8_sequence_length(const uint8_t* p, const uint8_t* end);

// Parses whole text in one call (tests, small manifests).
bool json_parse(std::string_view text, JsonHandler& handler, JsonError* error);

}  // namespace cb
