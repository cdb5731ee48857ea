#include "json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "json_reader.h"

namespace {

// Re-writes every event it reads, so writer -> reader -> writer must reproduce the text exactly.
struct Copier : cb::JsonHandler {
    cb::JsonWriter out;
    bool begin_object() override { return out.begin_object(), true; }
    bool end_object() override { return out.end_object(), true; }
    bool begin_array() override { return out.begin_array(), true; }
    bool end_array() override { return out.end_array(), true; }
    bool key(std::string_view k) override { return out.key(k), true; }
    bool string(std::string_view s) override { return out.value(s), true; }
    bool number(std::string_view t) override { return out.raw(t), true; }
    bool boolean(bool b) override { return out.value(b), true; }
    bool null() override { return out.null(), true; }
};

std::string reparse(const std::string& json) {
    Copier copier;
    cb::JsonError err;
    if (!cb::json_parse(json, copier, &err)) return "ERROR " + err.message;
    return copier.out.take();
}

std::string one_number(double v) {
    cb::JsonWriter w;
    w.value(v);
    return w.take();
}

std::string one_string(std::string_view s) {
    cb::JsonWriter w;
    w.value(s);
    return w.take();
}

TEST(JsonWriter, NestsWithAutomaticCommas) {
    cb::JsonWriter w;
    w.begin_object();
    w.key("queue");
    w.value("EMEA");
    w.key("counts");
    w.begin_array();
    w.value(1);
    w.value(int64_t{-2});
    w.value(uint64_t{3});
    w.value(true);
    w.null();
    w.begin_object();
    w.end_object();
    w.begin_array();
    w.end_array();
    w.end_array();
    w.key("raw");
    w.raw("{\"x\":[1,2]}");
    w.end_object();
    EXPECT_EQ(w.str(), R"({"queue":"EMEA","counts":[1,-2,3,true,null,{},[]],"raw":{"x":[1,2]}})");
    EXPECT_EQ(reparse(w.str()), w.str());
}

TEST(JsonWriter, PrettyModeIndentsTwoSpaces) {
    cb::JsonWriter w(true);
    w.begin_object();
    w.key("a");
    w.begin_array();
    w.value(1);
    w.value("two");
    w.end_array();
    w.key("empty");
    w.begin_object();
    w.end_object();
    w.end_object();
    EXPECT_EQ(w.str(), "{\n  \"a\": [\n    1,\n    \"two\"\n  ],\n  \"empty\": {}\n}");
    EXPECT_EQ(reparse(w.str()), R"({"a":[1,"two"],"empty":{}})");
}

TEST(JsonWriter, EscapesStrings) {
    EXPECT_EQ(one_string("say \"hi\"\\ /"), R"("say \"hi\"\\ /")");
    EXPECT_EQ(one_string("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
    EXPECT_EQ(one_string(std::string_view("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
    EXPECT_EQ(one_string("caf\xC3\xA9 \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");  // UTF-8 kept
    EXPECT_EQ(one_string("bad\xFF\xC3"), "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"");  // invalid bytes -> U+FFFD
}

TEST(JsonWriter, EveryControlCharacterRoundTrips) {
    std::string all;
    for (int c = 0; c < 0x80; ++c) all.push_back(static_cast<char>(c));
    all += "\xE2\x82\xAC";
    cb::JsonWriter w;
    w.begin_array();
    w.value(all);
    w.end_array();
    struct Last : Copier {
        std::string seen;
        bool string(std::string_view s) override { return seen = s, true; }
    } last;
    ASSERT_TRUE(cb::json_parse(w.str(), last, nullptr));
    EXPECT_EQ(last.seen, all);
}

TEST(JsonWriter, NumbersAreShortAndExact) {
    EXPECT_EQ(one_number(97.5), "97.5");
    EXPECT_EQ(one_number(0.1), "0.1");
    EXPECT_EQ(one_number(0.1 + 0.2), "0.30000000000000004");  // needs all 17 digits
    EXPECT_EQ(one_number(1.0 / 3.0), "0.3333333333333333");
    EXPECT_EQ(one_number(3.0), "3");
    EXPECT_EQ(one_number(-0.0), "-0");
    EXPECT_EQ(one_number(1e300), "1e+300");
    EXPECT_EQ(one_number(std::nan("")), "null");
    EXPECT_EQ(one_number(-std::numeric_limits<double>::infinity()), "null");
    cb::JsonWriter w;
    w.begin_array();
    w.value(std::numeric_limits<int64_t>::min());
    w.value(std::numeric_limits<uint64_t>::max());
    w.value(size_t{7});
    w.value(-5L);
    w.value(42u);
    w.end_array();
    EXPECT_EQ(w.str(), "[-9223372036854775808,18446744073709551615,7,-5,42]");
    EXPECT_EQ(reparse(w.str()), w.str());
}

TEST(JsonWriter, TakeResetsTheWriter) {
    cb::JsonWriter w;
    w.begin_array();
    w.value("x");
    w.end_array();
    EXPECT_EQ(w.take(), R"(["x"])");
    EXPECT_EQ(w.str(), "");
    w.begin_array();
    w.value(1);
    w.end_array();
    EXPECT_EQ(w.take(), "[1]");  // no leftover comma state from before
}

}  // namespace
