// json_reader.cpp: the resumable JSON tokenizer.
//
// Shape: a state machine over the bytes of each chunk. Complete tokens found inside one chunk take the
// fast paths (strings and numbers are handed to the handler as views into the chunk, no copy); a token cut
// by the chunk end, or a string that needs decoding (escapes, invalid UTF-8), is carried in token_ and
// finished by the slow paths, which read one state at a time so any split gives the same events.
//
// Invalid text inside strings is REPLACED, not rejected: each maximal invalid UTF-8 subpart (Unicode's
// "substitution of maximal subparts") and each unpaired surrogate escape (\uD800 not followed by a \uDC00-
// \uDFFF escape, or a lone low half) becomes U+FFFD. Real feeds exported from ticketing systems carry such
// damage in free text, and one mangled title must not cost the whole feed; the handler never sees bytes
// that are not valid UTF-8. The grammar itself is strict RFC 8259.
//
// Positions: line and column are 1-based and count bytes; lines break at '\n', which can only appear in
// whitespace (a raw newline in a string is an error), so tracking them costs nothing on the hot path.
#include "json_reader.h"

#include <cstring>

namespace cb {
namespace {

enum State : uint8_t {
    kBom,          // first bytes: maybe a UTF-8 byte order mark
    kValue,        // a value is required (top level, after ':' or after ',' in an array)
    kArrayFirst,   // after '[': a value or ']'
    kObjectFirst,  // after '{': a key or '}'
    kKey,          // after ',' in an object: a key
    kColon,        // after a key
    kAfterValue,   // inside a container after a value: ',' or the closing bracket
    kDone,         // the top-level value is complete: only whitespace may follow
    kString,       // inside a string, decoding into token_
    kEscape,       // after '\' in a string
    kUnicode,      // reading the 4 hex digits of \u
    kNumber,       // number text in token_
    kLiteral,      // true/false/null in progress
};

enum NumberState : uint8_t { kNumMinus, kNumZero, kNumInt, kNumDot, kNumFrac, kNumE, kNumExpSign, kNumExp };

const char* const kLiterals[3] = {"true", "false", "null"};
const uint32_t kLiteralLengths[3] = {4, 5, 4};
const uint8_t kBomBytes[3] = {0xEF, 0xBB, 0xBF};

// 1 for bytes a string copies verbatim: printable ASCII except '"' and '\'.
struct PlainTable {
    bool plain[256];
    constexpr PlainTable() : plain() {
        for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    }
};
constexpr PlainTable kPlain;

// Lead byte of a multi-byte UTF-8 sequence: continuation bytes needed and the allowed range of the first
// one (which rules out overlong forms, surrogates and code points above U+10FFFF). False if c cannot lead.
bool utf8_lead(uint8_t c, uint8_t* need, uint8_t* lo, uint8_t* hi) {
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        *need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        *need = 2;
        if (c == 0xE0) *lo = 0xA0;
        if (c == 0xED) *hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        *need = 3;
        if (c == 0xF0) *lo = 0x90;
        if (c == 0xF4) *hi = 0x8F;
    } else {
        return false;
    }
    return true;
}

// Skips bytes a string copies verbatim. Sixteen at a time with vector compares (GCC/Clang vector types:
// SSE2 natively, SIMD128 in wasm): a lane is all ones at '"', '\', below 0x20 or from 0x80 (negative as a
// signed byte). Then eight at a time: a word is searched for the same bytes with the classic "has
// zero/less-than byte" tricks. Little-endian (x86, ARM, wasm), so the lowest flagged bit is the first stop
// byte in memory; in the word search false flags only occur above it.
const uint8_t* skip_plain(const uint8_t* p, const uint8_t* e) {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "skip_plain assumes little-endian words");
    typedef int8_t Bytes16 __attribute__((vector_size(16)));
    while (e - p >= 16) {
        Bytes16 v;
        std::memcpy(&v, p, 16);
        const Bytes16 stops = (v == '"') | (v == '\\') | (v < 0x20);
        uint64_t half[2];
        std::memcpy(half, &stops, 16);
        if (half[0]) return p + (__builtin_ctzll(half[0]) >> 3);
        if (half[1]) return p + 8 + (__builtin_ctzll(half[1]) >> 3);
        p += 16;
    }
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (e - p >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        uint64_t stops =
            ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((w - ones * 0x20) & ~w) | w;
        stops &= highs;
        if (stops) return p + (__builtin_ctzll(stops) >> 3);
        p += 8;
    }
    while (p < e && kPlain.plain[*p]) ++p;
    return p;
}

int hex_value(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_digit(uint8_t c) {
    return static_cast<uint8_t>(c - '0') < 10;
}

// "character 'x'" for printable ASCII, "byte 0xNN" otherwise (space, control characters, non-ASCII).
std::string describe_byte(uint8_t c) {
    if (c > 0x20 && c < 0x7F) return std::string("character '") + static_cast<char>(c) + "'";
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

const char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

}  // namespace

size_t utf8_sequence_length(const uint8_t* p, const uint8_t* end) {
    if (p[0] < 0x80) return 1;
    uint8_t need, lo, hi;
    if (!utf8_lead(p[0], &need, &lo, &hi) || end - p <= need) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    for (int i = 2; i <= need; ++i)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return need + 1u;
}

JsonReader::JsonReader(JsonHandler& handler, uint32_t max_depth) : handler_(handler), max_depth_(max_depth) {}

bool JsonReader::feed(std::string_view chunk) {
    if (failed_) return false;
    const uint8_t* p = reinterpret_cast<const uint8_t*>(chunk.data());
    chunk_ = p;
    if (!run(p, p + chunk.size())) return false;
    offset_ += chunk.size();
    return true;
}

bool JsonReader::fail(const uint8_t* at, std::string message) {
    failed_ = true;
    error_.message = std::move(message);
    error_.offset = offset_ + (at ? static_cast<uint64_t>(at - chunk_) : 0);
    error_.line = line_;
    error_.column = static_cast<uint32_t>(error_.offset - line_start_ + 1);
    offset_ = error_.offset;
    return false;
}

bool JsonReader::fail_unexpected(const uint8_t* at, const char* where) {
    return fail(at, "unexpected " + describe_byte(*at) + " " + where);
}

const uint8_t* JsonReader::skip_space(const uint8_t* p, const uint8_t* e) {
    for (; p < e; ++p) {
        uint8_t c = *p;
        if (c == '\n') {
            ++line_;
            line_start_ = offset_ + static_cast<uint64_t>(p - chunk_) + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            break;
        }
    }
    return p;
}

bool JsonReader::value_done(const uint8_t* at, bool handler_ok) {
    if (!handler_ok) return fail(at, "stopped by handler");
    if (stack_.empty()) {
        state_ = kDone;
        done_ = true;
    } else {
        state_ = kAfterValue;
    }
    return true;
}

bool JsonReader::open_container(const uint8_t* p, uint8_t kind) {
    if (stack_.size() >= max_depth_)
        return fail(p, "nesting deeper than " + std::to_string(max_depth_) + " levels");
    stack_.push_back(kind);
    state_ = kind == '{' ? kObjectFirst : kArrayFirst;
    bool ok = kind == '{' ? handler_.begin_object() : handler_.begin_array();
    return ok || fail(p, "stopped by handler");
}

bool JsonReader::close_container(const uint8_t* p) {
    uint8_t kind = stack_.back();
    stack_.pop_back();
    return value_done(p, kind == '{' ? handler_.end_object() : handler_.end_array());
}

bool JsonReader::finish_string(const uint8_t* at, std::string_view s) {
    if (in_key_) {
        state_ = kColon;
        return handler_.key(s) || fail(at, "stopped by handler");
    }
    return value_done(at, handler_.string(s));
}

// p points at the first byte of a value (whitespace already skipped).
bool JsonReader::begin_value(const uint8_t*& p, const uint8_t* e, const char* where) {
    uint8_t c = *p;
    if (c == '"') {
        ++p;
        return scan_string(p, e, false);
    }
    if (c == '-' || is_digit(c)) {
        const uint8_t* start = p;
        number_state_ = c == '-' ? kNumMinus : c == '0' ? kNumZero : kNumInt;
        const uint8_t* end = scan_number(p + 1, e);
        if (!end) return false;
        p = end;
        if (end < e)
            return value_done(end, handler_.number({reinterpret_cast<const char*>(start),
                                                    static_cast<size_t>(end - start)}));
        token_.assign(reinterpret_cast<const char*>(start), static_cast<size_t>(end - start));
        state_ = kNumber;
        return true;
    }
    if (c == '{' || c == '[') {
        if (!open_container(p, c)) return false;
        ++p;
        return true;
    }
    literal_ = c == 't' ? 0 : c == 'f' ? 1 : c == 'n' ? 2 : 3;
    if (literal_ == 3) return fail_unexpected(p, where);
    uint32_t length = kLiteralLengths[literal_];
    if (static_cast<size_t>(e - p) >= length && std::memcmp(p, kLiterals[literal_], length) == 0) {
        p += length;
        return value_done(p, literal_ == 2 ? handler_.null() : handler_.boolean(literal_ == 0));
    }
    state_ = kLiteral;
    pending_ = 0;
    return literal_slow(p, e);
}

bool JsonReader::literal_slow(const uint8_t*& p, const uint8_t* e) {
    const char* word = kLiterals[literal_];
    uint32_t length = kLiteralLengths[literal_];
    for (; p < e && pending_ < length; ++p, ++pending_) {
        if (*p != static_cast<uint8_t>(word[pending_]))
            return fail(p, std::string("invalid literal (expected '") + word + "')");
    }
    if (pending_ < length) return true;
    return value_done(p, literal_ == 2 ? handler_.null() : handler_.boolean(literal_ == 0));
}

// Runs the number grammar from number_state_ over [p, e). Returns the first byte after the number (e if
// the number may go on in the next chunk), or nullptr after reporting an error.
const uint8_t* JsonReader::scan_number(const uint8_t* p, const uint8_t* e) {
    uint8_t s = number_state_;
    const char* problem = nullptr;
    for (; p < e && !problem; ++p) {
        uint8_t c = *p;
        bool digit = is_digit(c), exponent = c == 'e' || c == 'E';
        switch (s) {
            case kNumMinus:
                if (!digit) problem = "expected a digit after '-'";
                s = c == '0' ? kNumZero : kNumInt;
                break;
            case kNumZero:
                if (digit) {
                    problem = "leading zeros are not allowed in numbers";
                    break;
                }
                if (c != '.' && !exponent) goto end;
                s = c == '.' ? kNumDot : kNumE;
                break;
            case kNumInt:
            case kNumFrac:
            case kNumExp:
                while (p < e && is_digit(*p)) ++p;
                if (p == e || s == kNumExp) goto end;
                if (*p == '.' && s == kNumInt) {
                    s = kNumDot;
                } else if (*p == 'e' || *p == 'E') {
                    s = kNumE;
                } else {
                    goto end;
                }
                break;
            case kNumDot:
                if (!digit) problem = "expected a digit after the decimal point";
                s = kNumFrac;
                break;
            case kNumE:
                if (!digit && c != '+' && c != '-') problem = "expected a digit in the exponent";
                s = digit ? kNumExp : kNumExpSign;
                break;
            case kNumExpSign:
                if (!digit) problem = "expected a digit in the exponent";
                s = kNumExp;
                break;
        }
    }
    if (problem) {
        fail(p - 1, problem);
        return nullptr;
    }
end:
    number_state_ = s;
    return p;
}

// Fast path: p is just after the opening quote. Plain bytes and valid UTF-8 are skipped in place; the
// string is handed over as a view into the chunk when its closing quote is in this chunk and nothing
// needed decoding. Otherwise the bytes so far go to token_ and string_slow() takes over at p.
bool JsonReader::scan_string(const uint8_t*& p, const uint8_t* e, bool is_key) {
    const uint8_t* start = p;
    in_key_ = is_key;
    for (;;) {
        p = skip_plain(p, e);
        if (p == e) break;
        if (*p == '"') {
            ++p;
            return finish_string(p,
                                 {reinterpret_cast<const char*>(start), static_cast<size_t>(p - 1 - start)});
        }
        if (*p < 0x80) break;  // escape or control character
        size_t n = utf8_sequence_length(p, e);
        if (n == 0) break;
        p += n;
    }
    token_.assign(reinterpret_cast<const char*>(start), static_cast<size_t>(p - start));
    state_ = kString;
    utf8_need_ = 0;
    high_surrogate_ = 0;
    return true;
}

void JsonReader::append_code_point(uint32_t cp) {
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = static_cast<char>(cp);
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = static_cast<char>(0xC0 | (cp >> 6));
        buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = static_cast<char>(0xE0 | (cp >> 12));
        buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = static_cast<char>(0xF0 | (cp >> 18));
        buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
        n = 4;
    }
    token_.append(buf, n);
}

// The byte after '\' (state kEscape). \u moves to kUnicode; any other escape ends a pending high surrogate.
bool JsonReader::string_escape(const uint8_t* p) {
    uint8_t c = *p;
    if (c == 'u') {
        state_ = kUnicode;
        pending_ = 0;
        code_ = 0;
        return true;
    }
    char decoded;
    switch (c) {
        case '"':
            decoded = '"';
            break;
        case '\\':
            decoded = '\\';
            break;
        case '/':
            decoded = '/';
            break;
        case 'b':
            decoded = '\b';
            break;
        case 'f':
            decoded = '\f';
            break;
        case 'n':
            decoded = '\n';
            break;
        case 'r':
            decoded = '\r';
            break;
        case 't':
            decoded = '\t';
            break;
        default:
            return fail(p, "invalid escape in string (backslash followed by " + describe_byte(c) + ")");
    }
    if (high_surrogate_) token_.append(kReplacement, 3);
    high_surrogate_ = 0;
    token_.push_back(decoded);
    state_ = kString;
    return true;
}

// States kString, kEscape, kUnicode: decodes into token_ until the closing quote or the chunk end.
bool JsonReader::string_slow(const uint8_t*& p, const uint8_t* e) {
    while (p < e) {
        uint8_t c = *p;
        if (state_ == kEscape) {
            if (!string_escape(p)) return false;
            ++p;
            continue;
        }
        if (state_ == kUnicode) {
            int h = hex_value(c);
            if (h < 0)
                return fail(p,
                            "invalid " + describe_byte(c) + " in \\u escape (expected a hexadecimal digit)");
            ++p;
            code_ = code_ << 4 | static_cast<uint32_t>(h);
            if (++pending_ < 4) continue;
            state_ = kString;
            if (high_surrogate_ && code_ >= 0xDC00 && code_ <= 0xDFFF) {
                append_code_point(0x10000 + ((high_surrogate_ - 0xD800) << 10) + (code_ - 0xDC00));
                high_surrogate_ = 0;
                continue;
            }
            if (high_surrogate_) token_.append(kReplacement, 3);
            high_surrogate_ = 0;
            if (code_ >= 0xD800 && code_ <= 0xDBFF) {
                high_surrogate_ = code_;
            } else if (code_ >= 0xDC00 && code_ <= 0xDFFF) {
                token_.append(kReplacement, 3);
            } else {
                append_code_point(code_);
            }
            continue;
        }
        if (utf8_need_) {  // inside a multi-byte sequence
            if (c >= utf8_lo_ && c <= utf8_hi_) {
                token_.push_back(static_cast<char>(c));
                ++p;
                --utf8_need_;
                utf8_lo_ = 0x80;
                utf8_hi_ = 0xBF;
            } else {  // broken: the partial sequence becomes U+FFFD and c is read again on its own
                token_.resize(utf8_start_);
                token_.append(kReplacement, 3);
                utf8_need_ = 0;
            }
            continue;
        }
        if (high_surrogate_ && c != '\\') {
            token_.append(kReplacement, 3);
            high_surrogate_ = 0;
        }
        const uint8_t* run = p;
        p = skip_plain(p, e);
        token_.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
        if (p == e) break;
        c = *p++;
        if (c == '"') return finish_string(p, token_);
        if (c == '\\') {
            state_ = kEscape;
        } else if (c < 0x20) {
            return fail(p - 1, "unescaped control character (" + describe_byte(c) + ") in string");
        } else if (utf8_lead(c, &utf8_need_, &utf8_lo_, &utf8_hi_)) {
            utf8_start_ = token_.size();
            token_.push_back(static_cast<char>(c));
        } else {
            token_.append(kReplacement, 3);
        }
    }
    return true;
}

bool JsonReader::run(const uint8_t* p, const uint8_t* e) {
    while (p < e) {
        switch (state_) {
            case kBom:
                if (*p == kBomBytes[pending_]) {
                    ++p;
                    if (++pending_ == 3) state_ = kValue;
                } else if (pending_ > 0) {
                    return fail(p, "incomplete byte order mark");
                } else {
                    state_ = kValue;
                }
                break;
            case kValue:
                p = skip_space(p, e);
                if (p == e) return true;
                if (!begin_value(p, e,
                                 stack_.empty()         ? "where the document should start"
                                 : stack_.back() == '{' ? "after ':' in object"
                                                        : "after ',' in array"))
                    return false;
                break;
            case kArrayFirst:
                p = skip_space(p, e);
                if (p == e) return true;
                if (*p == ']') {
                    if (!close_container(p)) return false;
                    ++p;
                } else if (!begin_value(p, e, "after '['")) {
                    return false;
                }
                break;
            case kObjectFirst:
            case kKey:
                p = skip_space(p, e);
                if (p == e) return true;
                if (*p == '"') {
                    ++p;
                    if (!scan_string(p, e, true)) return false;
                } else if (*p == '}' && state_ == kObjectFirst) {
                    if (!close_container(p)) return false;
                    ++p;
                } else {
                    return fail_unexpected(p, state_ == kObjectFirst
                                                  ? "after '{' (expected a key in quotes or '}')"
                                                  : "after ',' in object");
                }
                break;
            case kColon:
                p = skip_space(p, e);
                if (p == e) return true;
                if (*p != ':') return fail_unexpected(p, "after key in object (expected ':')");
                ++p;
                state_ = kValue;
                break;
            case kAfterValue: {
                p = skip_space(p, e);
                if (p == e) return true;
                uint8_t c = *p, kind = stack_.back();
                if (c == ',') {
                    state_ = kind == '{' ? kKey : kValue;
                    ++p;
                } else if (c == (kind == '{' ? '}' : ']')) {
                    if (!close_container(p)) return false;
                    ++p;
                } else {
                    return fail_unexpected(p, kind == '{' ? "after value in object" : "after value in array");
                }
                break;
            }
            case kDone:
                p = skip_space(p, e);
                if (p == e) return true;
                return fail_unexpected(p, "after the end of the document");
            case kString:
            case kEscape:
            case kUnicode:
                if (!string_slow(p, e)) return false;
                break;
            case kNumber: {
                const uint8_t* end = scan_number(p, e);
                if (!end) return false;
                token_.append(reinterpret_cast<const char*>(p), static_cast<size_t>(end - p));
                p = end;
                if (p < e && !value_done(p, handler_.number(token_))) return false;
                break;
            }
            case kLiteral:
                if (!literal_slow(p, e)) return false;
                break;
        }
    }
    return true;
}

bool JsonReader::finish() {
    if (failed_) return false;
    chunk_ = nullptr;
    if (state_ == kNumber) {
        if (number_state_ != kNumZero && number_state_ != kNumInt && number_state_ != kNumFrac &&
            number_state_ != kNumExp)
            return fail(nullptr, "unexpected end of input inside a number");
        if (!value_done(nullptr, handler_.number(token_))) return false;
    }
    if (done_) return true;
    switch (state_) {
        case kString:
        case kEscape:
        case kUnicode:
            return fail(nullptr, "unexpected end of input inside a string");
        case kLiteral:
            return fail(nullptr, std::string("unexpected end of input inside '") + kLiterals[literal_] + "'");
        default:
            break;
    }
    if (stack_.empty()) return fail(nullptr, "empty document (no value)");
    return fail(nullptr, stack_.back() == '{' ? "unexpected end of input inside an object"
                                              : "unexpected end of input inside an array");
}

bool json_parse(std::string_view text, JsonHandler& handler, JsonError* error) {
    JsonReader reader(handler);
    bool ok = reader.feed(text) && reader.finish();
    if (!ok && error) *error = reader.error();
    return ok;
}

}  // namespace cb
