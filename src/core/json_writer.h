// json_writer.h: a small streaming JSON writer into a std::string (reports, the browser test API).
//
// Separators are automatic: call key() before each value inside an object, values directly inside arrays.
// Output is always valid UTF-8 JSON: strings are escaped (control characters as \n, \t, ... or \u00XX)
// and invalid UTF-8 bytes become U+FFFD; NaN and infinities are written as null. The writer trusts its
// caller for structure (key/value pairing, balanced begin/end); it does not validate raw() text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cb {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view k);

    void value(std::string_view s);  // escaped string
    void value(const char* s) { value(std::string_view(s)); }
    void value(bool b) { raw(b ? "true" : "false"); }
    void value(int64_t v);
    void value(uint64_t v);
    void value(int v) { value(static_cast<int64_t>(v)); }
    // Other integer types (size_t and long differ from uint64_t/int64_t on wasm32).
    template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    void value(T v) {
        if constexpr (std::is_signed_v<T>) {
            value(static_cast<int64_t>(v));
        } else {
            value(static_cast<uint64_t>(v));
        }
    }
    // Shortest of %.15g/%.16g/%.17g that reads back to the same double (97.5, 0.1, 1e+300).
    void value(double v);
    void null() { raw("null"); }
    void raw(std::string_view json);  // a complete JSON value, written as is

    const std::string& str() const { return out_; }
    std::string take();  // returns the text and resets the writer

private:
    void open(char bracket);
    void close(char bracket);
    void separate();  // comma and newline/indent before a value or key
    void newline_indent();
    void write_string(std::string_view s);

    std::string out_;
    std::vector<bool> has_items_;  // per open container: something was written in it
    bool after_key_ = false;
    bool pretty_ = false;
};

}  // namespace cb
