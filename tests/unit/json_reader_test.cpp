#include "json_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Records every event as one readable string, e.g. {"{", "k:id", "s:abc", "n:-1.5e3", "t", "}"}.
struct Recorder : cb::JsonHandler {
    std::vector<std::string> events;
    bool all_utf8 = true;  // every key and string the reader handed over was valid UTF-8
    void check_utf8(std::string_view s) {
        const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
        const uint8_t* e = p + s.size();
        while (p < e) {
            size_t n = cb::utf8_sequence_length(p, e);
            if (n == 0) {
                all_utf8 = false;
                return;
            }
            p += n;
        }
    }
    bool begin_object() override { return events.push_back("{"), true; }
    bool end_object() override { return events.push_back("}"), true; }
    bool begin_array() override { return events.push_back("["), true; }
    bool end_array() override { return events.push_back("]"), true; }
    bool key(std::string_view k) override {
        check_utf8(k);
        return events.push_back("k:" + std::string(k)), true;
    }
    bool string(std::string_view s) override {
        check_utf8(s);
        return events.push_back("s:" + std::string(s)), true;
    }
    bool number(std::string_view t) override { return events.push_back("n:" + std::string(t)), true; }
    bool boolean(bool b) override { return events.push_back(b ? "t" : "f"), true; }
    bool null() override { return events.push_back("null"), true; }
};

// Everything observable about one parse: the events, then "OK" or the error with its position.
std::string outcome(const Recorder& r, const cb::JsonReader& reader, bool ok) {
    std::string out;
    for (const std::string& e : r.events) out += e + " ";
    if (ok) return out + "OK";
    const cb::JsonError& err = reader.error();
    return out + "ERROR " + err.message + " @" + std::to_string(err.offset) + " " + std::to_string(err.line) +
           ":" + std::to_string(err.column);
}

std::string parse_whole(std::string_view text, uint32_t max_depth = 512) {
    Recorder r;
    cb::JsonReader reader(r, max_depth);
    bool ok = reader.feed(text) && reader.finish();
    return outcome(r, reader, ok);
}

// Feeds the text in pieces ending at the given cut positions.
std::string parse_split(std::string_view text, const std::vector<size_t>& cuts) {
    Recorder r;
    cb::JsonReader reader(r);
    size_t at = 0;
    bool ok = true;
    for (size_t cut : cuts) {
        ok = ok && reader.feed(text.substr(at, cut - at));
        at = cut;
    }
    ok = ok && reader.feed(text.substr(at)) && reader.finish();
    return outcome(r, reader, ok);
}

std::string parse_bytewise(std::string_view text) {
    std::vector<size_t> cuts;
    for (size_t i = 1; i < text.size(); ++i) cuts.push_back(i);
    return parse_split(text, cuts);
}

TEST(JsonReader, EventsForEachTokenKind) {
    EXPECT_EQ(parse_whole(R"({"id":"C-1","n":-12.5e+3,"ok":true,"no":false,"x":null,"a":[],"o":{}})"),
              "{ k:id s:C-1 k:n n:-12.5e+3 k:ok t k:no f k:x null k:a [ ] k:o { } } OK");
    EXPECT_EQ(parse_whole(" [ 0 , 1.0 , 2E5 , -0 , \"\" ] \n"), "[ n:0 n:1.0 n:2E5 n:-0 s: ] OK");
    EXPECT_EQ(parse_whole("42"), "n:42 OK");
    EXPECT_EQ(parse_whole("\"top\""), "s:top OK");
    EXPECT_EQ(parse_whole("null"), "null OK");
    EXPECT_EQ(parse_whole("[[[]],{\"\":[{}]}]"), "[ [ [ ] ] { k: [ { } ] } ] OK");
}

TEST(JsonReader, DecodesEscapes) {
    EXPECT_EQ(parse_whole(R"(["a\"b\\c\/d\be\ff\ng\rh\ti"])"), "[ s:a\"b\\c/d\be\ff\ng\rh\ti ] OK");
    EXPECT_EQ(parse_whole(R"(["\u0041\u00e9\u20AC"])"), "[ s:A\xC3\xA9\xE2\x82\xAC ] OK");
    EXPECT_EQ(parse_whole(R"(["\uD83D\uDE00"])"), "[ s:\xF0\x9F\x98\x80 ] OK");  // U+1F600 from a pair
    EXPECT_EQ(parse_whole(R"({"k\u00e9y":1})"), "{ k:k\xC3\xA9y n:1 } OK");
    EXPECT_EQ(parse_whole("[\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"]"),
              "[ s:caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 ] OK");
}

TEST(JsonReader, ReplacesBrokenTextWithReplacementCharacter) {
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(parse_whole(R"(["\uD800x"])"), "[ s:" + fffd + "x ] OK");       // high half alone
    EXPECT_EQ(parse_whole(R"(["\uDC00"])"), "[ s:" + fffd + " ] OK");         // low half alone
    EXPECT_EQ(parse_whole(R"(["\uD800\n"])"), "[ s:" + fffd + "\n ] OK");     // then another escape
    EXPECT_EQ(parse_whole(R"(["\uD800\u0041"])"), "[ s:" + fffd + "A ] OK");  // then a non-surrogate
    EXPECT_EQ(parse_whole(R"(["\uD800\uD800\uDC00"])"), "[ s:" + fffd + "\xF0\x90\x80\x80 ] OK");
    EXPECT_EQ(parse_whole("[\"\xC3\"]"), "[ s:" + fffd + " ] OK");  // cut before the quote
    EXPECT_EQ(parse_whole("[\"\xE2\x82"
                          "a\"]"),
              "[ s:" + fffd + "a ] OK");                                       // one FFFD per subpart
    EXPECT_EQ(parse_whole("[\"\xF0\x80\"]"), "[ s:" + fffd + fffd + " ] OK");  // overlong: 2 subparts
    EXPECT_EQ(parse_whole("[\"\xED\xA0\x80\"]"), "[ s:" + fffd + fffd + fffd + " ] OK");  // UTF-8 surrogate
    EXPECT_EQ(parse_whole("[\"a\xFF"
                          "b\"]"),
              "[ s:a" + fffd + "b ] OK");
}

TEST(JsonReader, SkipsByteOrderMark) {
    EXPECT_EQ(parse_whole("\xEF\xBB\xBF[1]"), "[ n:1 ] OK");
    EXPECT_EQ(parse_whole("\xEF\xBB[1]"), "ERROR incomplete byte order mark @2 1:3");
}

TEST(JsonReader, SameEventsWhateverTheSplit) {
    const std::vector<std::string> docs = {
        "\xEF\xBB\xBF {\"id\" : \"C-001\", \"t\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\", "
        "\"n\":[-0.5e-10,0,123456789,1E+2]}",
        R"({"esc":"\"\\\/\b\f\n\r\t","u":"\u00e9\uD83D\uDE00\uD800x\uDC00","k\u0041":[true,false,null]})",
        "[\"\xE2\x82\xAC\xE2\x82\", \"\xF0\x9F\x98\", \"\xC3\xA9\xC3\", \"\xFF\", 1.5, -7]",
        "\n[\n  {\"a\": {\"b\": [[], {}]}},\n  12e3\n]\n",
        "[\"a long plain string, then\\nescapes\\u00e9 and caf\xC3\xA9 \xF0\x9F\x98\x80 past eight bytes\"]",
        "-1234.5678e-9",
        "true",
        "[1, 2,]",  // errors must be split-invariant too
        "{\"a\" 1}",
        "[\"abc\\x\"]",
        "[\"\\u12G4\"]",
        "[01]",
        "[1.]",
        "[-]",
        "[tru]",
        "[nulL]",
        "{\"open\": [1, \"str",
        "[\"ctl\x01\"]",
        "1 2",
    };
    for (const std::string& doc : docs) {
        const std::string whole = parse_whole(doc);
        for (size_t cut = 0; cut <= doc.size(); ++cut)
            EXPECT_EQ(parse_split(doc, {cut}), whole) << "cut " << cut;
        EXPECT_EQ(parse_bytewise(doc), whole) << doc;
    }
}

TEST(JsonReader, ErrorMessagesWithPosition) {
    EXPECT_EQ(parse_whole("{\"a\": [1, 2"),
              "{ k:a [ n:1 n:2 ERROR unexpected end of input inside an array @11 1:12");
    EXPECT_EQ(parse_whole("{\"a\": \"b"), "{ k:a ERROR unexpected end of input inside a string @8 1:9");
    EXPECT_EQ(parse_whole("[1,\n  tru"), "[ n:1 ERROR unexpected end of input inside 'true' @9 2:6");
    EXPECT_EQ(parse_whole("[1,\n  trux]"), "[ n:1 ERROR invalid literal (expected 'true') @9 2:6");
    EXPECT_EQ(parse_whole("{\"a\":1,\n\"b\":2,\n}"),
              "{ k:a n:1 k:b n:2 ERROR unexpected character '}' after ',' in object @15 3:1");
    EXPECT_EQ(parse_whole("[1,2,]"), "[ n:1 n:2 ERROR unexpected character ']' after ',' in array @5 1:6");
    EXPECT_EQ(parse_whole("{\"a\":1}\r\n  x"),
              "{ k:a n:1 } ERROR unexpected character 'x' after the end of the document @11 2:3");
    EXPECT_EQ(parse_whole("[1 2]"), "[ n:1 ERROR unexpected character '2' after value in array @3 1:4");
    EXPECT_EQ(parse_whole("[01]"), "[ ERROR leading zeros are not allowed in numbers @2 1:3");
    EXPECT_EQ(parse_whole("[-x]"), "[ ERROR expected a digit after '-' @2 1:3");
    EXPECT_EQ(parse_whole("[\"a\tb\"]"), "[ ERROR unescaped control character (byte 0x09) in string @3 1:4");
    EXPECT_EQ(parse_whole("[\"\\q\"]"),
              "[ ERROR invalid escape in string (backslash followed by character 'q') @3 1:4");
    EXPECT_EQ(parse_whole("{1:2}"),
              "{ ERROR unexpected character '1' after '{' (expected a key in quotes or '}') @1 1:2");
    EXPECT_EQ(parse_whole("[\"0123456789abcdefghij\x1F\"]"),
              "[ ERROR unescaped control character (byte 0x1F) in string @22 1:23");
    EXPECT_EQ(parse_whole(" \n "), "ERROR empty document (no value) @3 2:2");
    EXPECT_EQ(parse_whole("[[[[1]]]]", 3), "[ [ [ ERROR nesting deeper than 3 levels @3 1:4");
    EXPECT_EQ(parse_whole("[[[1]]]", 3), "[ [ [ n:1 ] ] ] OK");
}

TEST(JsonReader, FailedReaderStaysFailed) {
    Recorder r;
    cb::JsonReader reader(r);
    EXPECT_FALSE(reader.feed("[1,]"));
    EXPECT_TRUE(reader.failed());
    EXPECT_FALSE(reader.feed("[2]"));
    EXPECT_FALSE(reader.finish());
    EXPECT_EQ(reader.error().offset, 3u);
    EXPECT_EQ(r.events.size(), 2u);  // "[", "n:1" and nothing after the failure
}

TEST(JsonReader, HandlerCanStopTheParse) {
    struct StopAtSecondString : Recorder {
        bool string(std::string_view s) override { return Recorder::string(s) && events.size() < 3; }
    } r;
    cb::JsonReader reader(r);
    EXPECT_FALSE(reader.feed("[\"a\", \"b\", \"c\"]"));
    EXPECT_EQ(reader.error().message, "stopped by handler");
    EXPECT_EQ(r.events.size(), 3u);
}

TEST(JsonReader, JsonParseConvenience) {
    Recorder r;
    cb::JsonError err;
    EXPECT_TRUE(cb::json_parse("{\"a\":[1]}", r, &err));
    EXPECT_EQ(r.events.size(), 6u);  // { k:a [ n:1 ] }
    EXPECT_FALSE(cb::json_parse("{\"a\":[1]", r, &err));
    EXPECT_EQ(err.message, "unexpected end of input inside an object");
    EXPECT_EQ(err.column, 9u);
}

// JSONTestSuite (github.com/nst/JSONTestSuite): y_ must parse, n_ must fail, i_ may go either way but must
// not crash; every file must also give the same outcome fed byte by byte, and only valid UTF-8 comes out.
TEST(JsonReaderConformance, JSONTestSuite) {
    const std::filesystem::path dir = std::filesystem::path(CASEBOARD_CONFORMANCE_DIR) / "test_parsing";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) GTEST_SKIP() << "no JSONTestSuite at " << dir;
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 7 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        Recorder r;
        cb::JsonReader reader(r);
        bool ok = reader.feed(text) && reader.finish();
        if (name[0] == 'y') {
            EXPECT_TRUE(ok) << name << ": " << reader.error().message;
        } else if (name[0] == 'n') {
            EXPECT_FALSE(ok) << name;
        }
        EXPECT_TRUE(r.all_utf8) << name;
        EXPECT_EQ(parse_bytewise(text), outcome(r, reader, ok)) << name;
        ++checked;
    }
    EXPECT_GT(checked, 300);
}

TEST(JsonReaderConformance, DeepNestingFailsCleanly) {
    Recorder r;
    cb::JsonReader reader(r);
    EXPECT_FALSE(reader.feed(std::string(100000, '[')));
    EXPECT_EQ(reader.error().message, "nesting deeper than 512 levels");
    EXPECT_EQ(reader.error().offset, 512u);
    EXPECT_EQ(r.events.size(), 512u);
}

}  // namespace
