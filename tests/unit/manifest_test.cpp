#include <gtest/gtest.h>

#include <cstring>

#include "feeds.h"

namespace cb {

TEST(Manifest, ParsesTheDocumentedExample) {
    Manifest m;
    std::string err;
    ASSERT_TRUE(parse_manifest(R"({
      "title": "Contoso Support — EMEA", "time_zone": "Europe/Berlin", "refresh_seconds": 120,
      "allow_origins": ["https://a.example"], "unknown_key": {"ignored": true},
      "feeds": [
        {"name": "cases", "kind": "cases", "url": "cases.json"},
        {"name": "snow", "kind": "cases", "url": "servicenow.json", "format": "servicenow",
         "field_map": {"queue": "assignment_group.display_value", "owner": "u_engineer"}},
        {"name": "cal", "kind": "calendars", "url": "calendars.json"}]})",
                               &m, &err))
        << err;
    EXPECT_EQ(m.title, "Contoso Support — EMEA");
    EXPECT_EQ(m.time_zone, "Europe/Berlin");
    EXPECT_EQ(m.refresh_seconds, 120);
    EXPECT_EQ(m.allow_origins, std::vector<std::string>{"https://a.example"});
    ASSERT_EQ(m.feeds.size(), 3u);
    EXPECT_EQ(m.feeds[1].name, "snow");
    EXPECT_EQ(m.feeds[1].format, FeedFormat::ServiceNow);
    EXPECT_EQ(m.feeds[1].url, "servicenow.json");
    ASSERT_EQ(m.feeds[1].field_map.size(), 2u);
    EXPECT_EQ(m.feeds[1].field_map[0].first, "queue");
    EXPECT_EQ(m.feeds[1].field_map[0].second, "assignment_group.display_value");
    EXPECT_EQ(m.feeds[2].kind, FeedKind::Calendars);
    EXPECT_EQ(m.feeds[0].format, FeedFormat::Auto);
}

TEST(Manifest, Defaults) {
    Manifest m;
    std::string err;
    ASSERT_TRUE(parse_manifest(R"({"feeds": []})", &m, &err)) << err;
    EXPECT_EQ(m.title, "Caseboard");
    EXPECT_EQ(m.time_zone, "UTC");
    EXPECT_EQ(m.refresh_seconds, 300);
    EXPECT_TRUE(m.feeds.empty());
}

TEST(Manifest, Errors) {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"feeds": [{"name": "a", "kind": "cases", "url": "a"}, {"name": "b", "kind": "cases", "url": "b"},
            {"name": "c", "kind": "tickets", "url": "c"}]})",
         "feeds[2].kind: 'tickets' is not one of cases, surveys, plans, sla_policies, calendars, rollups"},
        {R"({"feeds": [{"name": "a", "kind": "cases", "url": "a"}, {"name": "a", "kind": "plans", "url": "b"}]})",
         "feeds[1].name: 'a' is already the name of feeds[0]"},
        {R"({"feeds": [{"name": "a", "kind": "cases"}]})", "feeds[0].url: missing"},
        {R"({"feeds": [{"name": "a", "kind": "cases", "url": "a", "format": "jira"}]})",
         "feeds[0].format: 'jira' is not one of caseboard, servicenow, zendesk, dynamics, csv"},
        {R"({"feeds": [{"name": "a", "kind": "cases", "url": "a", "field_map": {"qeue": "x"}}]})",
         "feeds[0].field_map.qeue: not a field of cases feeds"},
        {R"({"feeds": [{"name": "a", "kind": "plans", "url": "a", "field_map": {"id": "x"}}]})",
         "feeds[0].field_map.id: not a field of plans feeds (only cases and surveys feeds take a field_map)"},
        {R"({"feeds": ["a.json"]})", "feeds[0]: expected an object, found a string"},
        {R"({"feeds": {}})", "feeds: expected an array, found an object"},
        {R"({"title": "x"})", "feeds: missing (the manifest lists its feeds there)"},
        {R"({"refresh_seconds": 5, "feeds": []})", "refresh_seconds: 5 is less than 10"},
        {R"({"refresh_seconds": 1.5, "feeds": []})", "refresh_seconds: expected a whole number, found 1.5"},
        {R"({"title": 3, "feeds": []})", "title: expected a string, found a number"},
        {R"([1, 2])", "expected an object with a 'feeds' array, found an array"},
        {"{\"feeds\": [\n  {\"name\": }]}", "line 2, column 12: "},  // (the reader's own words follow)
    };
    for (const auto& c : cases) {
        Manifest m;
        std::string err;
        EXPECT_FALSE(parse_manifest(c.first, &m, &err)) << c.first;
        EXPECT_EQ(err.substr(0, std::string(c.second).back() == ' ' ? strlen(c.second) : err.size()),
                  c.second);
    }
}

}  // namespace cb
