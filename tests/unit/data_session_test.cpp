#include "data_session.h"

#include <gtest/gtest.h>

#include <string>

namespace {

const char* kManifest = R"({"title": "Test org", "time_zone": "UTC", "refresh_seconds": 60, "feeds": [
    {"name": "cases", "kind": "cases", "url": "cases.json"},
    {"name": "surveys", "kind": "surveys", "url": "surveys.json"}]})";

const char* kCases = R"([
 {"id": "C1", "customer": "Contoso", "offering": "unified", "severity": "A", "queue": "Networking",
  "status": "in_progress", "created_at": "2026-11-02T09:00:00Z"},
 {"id": "C2", "customer": "Fabrikam", "offering": "premier", "severity": "C", "queue": "Identity",
  "status": "closed", "created_at": "2026-11-03T09:00:00Z", "resolved_at": "2026-11-04T09:00:00Z",
  "closed_at": "2026-11-04T10:00:00Z"}])";

const char* kSurveys =
    R"([{"id": "S1", "case_id": "C2", "submitted_at": "2026-11-05T09:00:00Z", "csat": 5}])";

// Delivers text in small chunks, as a fetch stream would.
std::vector<cb::Fetch> deliver(cb::DataSession& s, int id, std::string_view text,
                               const char* error = nullptr) {
    s.on_begin(id, (int64_t)text.size(), 200);
    for (size_t at = 0; at < text.size(); at += 7) s.on_chunk(id, text.substr(at, 7));
    return s.on_end(id, error, 1000);
}

}  // namespace

TEST(DataSession, LoadsManifestThenFeedsAndAssembles) {
    cb::DataSession s;
    cb::Fetch m = s.open("data/feeds.json");
    EXPECT_EQ(m.id, 0);
    EXPECT_TRUE(s.loading());
    std::vector<cb::Fetch> feeds = deliver(s, 0, kManifest);
    ASSERT_EQ(feeds.size(), 2u);
    EXPECT_EQ(feeds[0].url, "cases.json");
    EXPECT_EQ(feeds[0].base, "data/feeds.json");
    EXPECT_EQ(s.manifest().title, "Test org");
    EXPECT_EQ(s.generation(), 0u);
    deliver(s, 2, kSurveys);  // order of arrival does not matter
    EXPECT_TRUE(s.loading());
    deliver(s, 1, kCases);
    EXPECT_FALSE(s.loading());
    EXPECT_EQ(s.generation(), 1u);
    EXPECT_EQ(s.data().cases.count, 2u);
    ASSERT_EQ(s.data().surveys.count, 1u);
    EXPECT_EQ(s.data().surveys.case_index[0], 1u);
    EXPECT_EQ(s.feeds()[0].state, cb::LoadState::Loaded);
    EXPECT_EQ(s.feeds()[0].bytes_done, std::string(kCases).size());
}

TEST(DataSession, FailedReloadKeepsTheLastGoodData) {
    cb::DataSession s;
    s.open("feeds.json");
    deliver(s, 0, kManifest);
    deliver(s, 1, kCases);
    deliver(s, 2, kSurveys);
    ASSERT_EQ(s.data().cases.count, 2u);
    std::vector<cb::Fetch> again = deliver(s, s.refresh().id, kManifest);
    ASSERT_EQ(again.size(), 2u);
    deliver(s, 1, "[{\"id\": \"C9\", ");  // truncated
    deliver(s, 2, "", "HTTP 503 Service Unavailable for surveys.json");
    EXPECT_EQ(s.generation(), 2u);
    EXPECT_EQ(s.feeds()[0].state, cb::LoadState::Failed);
    EXPECT_NE(s.feeds()[0].error.find("line 1"), std::string::npos) << s.feeds()[0].error;
    EXPECT_EQ(s.feeds()[1].error, "HTTP 503 Service Unavailable for surveys.json");
    EXPECT_EQ(s.feeds()[0].last_success, 1000);
    EXPECT_EQ(s.data().cases.count, 2u);  // still the good version
    EXPECT_EQ(s.data().surveys.count, 1u);
}

TEST(DataSession, BadManifestKeepsThePreviousOne) {
    cb::DataSession s;
    s.open("feeds.json");
    deliver(s, 0, kManifest);
    std::vector<cb::Fetch> none = deliver(s, s.refresh().id, "{\"feeds\": [");
    EXPECT_TRUE(none.empty());
    EXPECT_NE(s.manifest_error().find("manifest feeds.json"), std::string::npos) << s.manifest_error();
    EXPECT_EQ(s.manifest().title, "Test org");
}

TEST(DataSession, ManifestFromAnotherOriginMustAllowThePage) {
    EXPECT_EQ(cb::url_origin("https://feeds.example.com:8443/org/feeds.json?x=1"),
              "https://feeds.example.com:8443");
    EXPECT_EQ(cb::url_origin("data/feeds.json"), "");
    cb::DataSession s;
    s.set_page_origin("http://127.0.0.1:8080");
    s.open("https://feeds.example.com/feeds.json");
    EXPECT_TRUE(deliver(s, 0, kManifest).empty());
    EXPECT_EQ(
        s.manifest_error(),
        "manifest https://feeds.example.com/feeds.json is on another origin (https://feeds.example.com) and "
        "does not list http://127.0.0.1:8080 in allow_origins");
    std::string allowing =
        std::string(kManifest).insert(1, "\"allow_origins\": [\"http://127.0.0.1:8080\"], ");
    s.open("https://feeds.example.com/feeds.json");
    EXPECT_EQ(deliver(s, 0, allowing).size(), 2u);
    EXPECT_EQ(s.manifest_error(), "");
}

TEST(DataSession, FeedSpecForAFileGuessesKindAndCsv) {
    EXPECT_EQ(cb::feed_spec_for_file("/tmp/export/Zendesk_Satisfaction.json", "u").kind,
              cb::FeedKind::Surveys);
    EXPECT_EQ(cb::feed_spec_for_file("plans.json", "u").kind, cb::FeedKind::Plans);
    EXPECT_EQ(cb::feed_spec_for_file("sla_policies.json", "u").kind, cb::FeedKind::SlaPolicies);
    EXPECT_EQ(cb::feed_spec_for_file("calendars.json", "u").kind, cb::FeedKind::Calendars);
    cb::FeedSpec csv = cb::feed_spec_for_file("C:\\exports\\Q3 cases.CSV", "dropped:Q3 cases.CSV");
    EXPECT_EQ(csv.kind, cb::FeedKind::Cases);
    EXPECT_EQ(csv.format, cb::FeedFormat::Csv);
    EXPECT_EQ(csv.name, "Q3 cases.CSV");
    EXPECT_EQ(csv.url, "dropped:Q3 cases.CSV");
}

TEST(DataSession, FeedsLeftOutOfANewManifestAreForgotten) {
    cb::DataSession s;
    s.open("feeds.json");
    deliver(s, 0, kManifest);
    deliver(s, 1, kCases);
    deliver(s, 2, kSurveys);
    ASSERT_EQ(s.data().cases.count, 2u);
    cb::Manifest dropped;
    dropped.feeds.push_back(cb::feed_spec_for_file("more cases.json", "dropped:more cases.json"));
    std::vector<cb::Fetch> fetches = s.open_feeds(dropped, "", 2000);
    ASSERT_EQ(fetches.size(), 1u);
    deliver(s, 1, R"([{"id": "X1", "customer": "Northwind", "offering": "asfp", "severity": "B",
        "queue": "Networking", "status": "new", "created_at": "2026-11-20T09:00:00Z"}])");
    EXPECT_EQ(s.data().cases.count, 1u);
    EXPECT_EQ(s.data().surveys.count, 0u);
    ASSERT_EQ(s.reports().size(), 1u);
    EXPECT_EQ(s.reports()[0].name, "more cases.json");
}

TEST(DataSession, ANewLoadCancelsFeedsStillLoading) {
    cb::DataSession s;
    s.open("feeds.json");
    deliver(s, 0, kManifest);
    s.on_begin(1, 1000, 200);
    s.on_chunk(1, "[{\"id\": \"C1\", ");  // cases half-way, surveys not started
    cb::Fetch again = s.refresh();
    EXPECT_EQ(s.feeds()[0].state, cb::LoadState::Waiting);
    s.on_chunk(1, "\"customer\": \"late\"}]");  // the old fetch's late bytes and end change nothing
    EXPECT_TRUE(s.on_end(1, nullptr, 1000).empty());
    EXPECT_EQ(s.generation(), 0u);
    std::vector<cb::Fetch> feeds = deliver(s, again.id, kManifest);
    ASSERT_EQ(feeds.size(), 2u);
    deliver(s, 1, kCases);
    deliver(s, 2, kSurveys);
    EXPECT_EQ(s.generation(), 1u);
    EXPECT_EQ(s.data().cases.count, 2u);
}
