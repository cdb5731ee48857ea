#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "feeds.h"

namespace cb {

static FeedSpec spec_of(const char* name, FeedKind kind) {
    FeedSpec s;
    s.name = name;
    s.kind = kind;
    return s;
}

static void load(FeedSet& set, const FeedSpec& spec, std::string_view text) {
    auto data = std::make_unique<FeedData>();
    FeedReport r = ingest_feed(spec, text, set.pool(), data.get());
    set.store(spec, std::move(r), std::move(data));
}

static const char* kCasesA = R"([
  {"id": "C1", "customer": "Contoso", "offering": "premier", "severity": "A", "queue": "Q", "status": "new",
   "created_at": "2026-03-02T09:00:00Z", "status_history": [{"status": "new", "at": "2026-03-02T09:00:00Z"}]},
  {"id": "C2", "customer": "Contoso", "offering": "premier", "severity": "B", "queue": "Q", "status": "new",
   "created_at": "2026-03-02T10:00:00Z"}])";
// record 0 is skipped (no severity), so record 2 is row 1
static const char* kCasesB = R"({"cases": [
  {"id": "C9", "customer": "Fabrikam", "offering": "unified", "queue": "Q", "status": "new",
   "created_at": "2026-03-02T09:00:00Z"},
  {"id": "C3", "customer": "Fabrikam", "offering": "unified", "severity": "C", "queue": "Q", "status": "new",
   "created_at": "2026-03-02T11:00:00Z", "status_history": [{"status": "new", "at": "2026-03-02T11:00:00Z"},
   {"status": "on_hold", "at": "2026-03-02T12:00:00Z"}]},
  {"id": "C1", "customer": "Fabrikam", "offering": "unified", "severity": "C", "queue": "Q", "status": "new",
   "created_at": "2026-03-02T11:00:00Z"}]})";
static const char* kSurveys = R"([
  {"id": "S1", "case_id": "C3", "submitted_at": "2026-03-03T10:00:00Z", "csat": 5},
  {"id": "S2", "case_id": "C404", "submitted_at": "2026-03-03T10:00:00Z", "csat": 2},
  {"id": "S3", "case_id": "C1", "submitted_at": "2026-03-03T10:00:00Z", "csat": 3}])";

// Rows are stored grouped by queue (in order of first appearance) and severity, keeping feed order within a
// group; surveys follow their cases' rows. Duplicates are still decided in feed order.
TEST(FeedSet, StoresCasesClusteredByQueueAndSeverity) {
    FeedSet set;
    auto c = [](const char* id, const char* queue, const char* severity) {
        return std::string(R"({"id": ")") + id +
               R"(", "customer": "X", "offering": "unified", "severity": ")" + severity + R"(", "queue": ")" +
               queue + R"(", "status": "new", "created_at": "2026-03-02T09:00:00Z"})";
    };
    load(set, spec_of("a", FeedKind::Cases),
         "[" + c("K1", "Mail", "C") + "," + c("K2", "Network", "A") + "," + c("K3", "Mail", "A") + "," +
             c("K4", "Network", "A") + "," + c("K5", "Mail", "C") + "]");
    load(set, spec_of("b", FeedKind::Cases),
         "[" + c("K6", "Network", "B") + "," + c("K3", "Network", "C") + "]");
    load(set, spec_of("s", FeedKind::Surveys),
         R"([{"id": "S1", "case_id": "K6", "submitted_at": "2026-03-03T10:00:00Z", "csat": 5},
             {"id": "S2", "case_id": "K1", "submitted_at": "2026-03-03T10:00:00Z", "csat": 2},
             {"id": "S3", "case_id": "K3", "submitted_at": "2026-03-03T10:00:00Z", "csat": 4}])");
    Dataset ds;
    set.assemble(&ds);
    std::vector<std::string> ids;
    for (StrId id : ds.cases.id) ids.emplace_back(ds.strings->view(id));
    EXPECT_EQ(ids, (std::vector<std::string>{"K3", "K1", "K5", "K2", "K4", "K6"}));
    EXPECT_EQ(ds.cases.queue[0], ds.strings->find("Mail"));  // the first copy of K3 won
    EXPECT_EQ(ds.surveys.case_index, (std::vector<uint32_t>{0, 1, 5}));
    EXPECT_EQ(ds.surveys.csat, (std::vector<uint8_t>{4, 2, 5}));
    EXPECT_EQ(set.reports()[1].rejected, 1u);
}

TEST(FeedSet, AssemblesAcrossFeeds) {
    FeedSet set;
    load(set, spec_of("a", FeedKind::Cases), kCasesA);
    load(set, spec_of("b", FeedKind::Cases), kCasesB);
    load(set, spec_of("s", FeedKind::Surveys), kSurveys);
    load(set, spec_of("sla", FeedKind::SlaPolicies),
         R"({"pausing_statuses": ["on_hold"], "targets": [{"severity": "A", "metric": "resolution",
             "target_minutes": 600, "hours": "business", "calendar": "apac"}]})");
    load(set, spec_of("p", FeedKind::Plans), R"([{"id": "P1", "customer": "Contoso"}])");
    Dataset ds;
    set.assemble(&ds);
    ASSERT_EQ(ds.strings, &set.pool());
    const CaseTable& c = ds.cases;
    ASSERT_EQ(c.count, 3u);
    EXPECT_EQ(ds.strings->view(c.id[2]), "C3");
    EXPECT_EQ(c.history_begin, (std::vector<uint32_t>{0, 1, 1, 3}));
    EXPECT_EQ(c.history[2].status, CaseStatus::OnHold);
    ASSERT_EQ(ds.surveys.count, 2u);
    EXPECT_EQ(ds.surveys.case_index, (std::vector<uint32_t>{0, 2}));  // in case row order: S3, then S1
    EXPECT_EQ(ds.strings->view(ds.surveys.id[0]), "S3");
    EXPECT_EQ(ds.plans.size(), 1u);
    EXPECT_EQ(ds.sla.pausing_statuses, std::vector<CaseStatus>{CaseStatus::OnHold});
    ASSERT_EQ(ds.sla.targets.size(), 1u);

    const auto& reps = set.reports();
    ASSERT_EQ(reps.size(), 5u);
    // feed b: its own problem (record 0), then the cross-feed duplicate (record 2)
    ASSERT_EQ(reps[1].problems.size(), 2u);
    EXPECT_EQ(reps[1].problems[1].record, 2u);
    EXPECT_EQ(reps[1].problems[1].id, "C1");
    EXPECT_EQ(reps[1].problems[1].message, "the case is already in feed 'a'; this copy is skipped");
    EXPECT_EQ(reps[1].records, 1u);
    EXPECT_EQ(reps[1].rejected, 2u);
    ASSERT_EQ(reps[2].problems.size(), 1u);
    EXPECT_EQ(reps[2].problems[0].record, 1u);
    EXPECT_EQ(reps[2].problems[0].field, "case_id");
    EXPECT_EQ(reps[2].problems[0].message, "case 'C404' is not in any cases feed");
    EXPECT_EQ(reps[2].records, 2u);
    ASSERT_EQ(reps[3].problems.size(), 1u);
    EXPECT_EQ(reps[3].problems[0].message, "'apac' is not in any calendars feed");

    // assembling again gives the same reports, not doubled ones
    set.assemble(&ds);
    EXPECT_EQ(set.reports()[1].problems.size(), 2u);
    EXPECT_EQ(ds.cases.count, 3u);
}

TEST(FeedSet, FailedReloadKeepsPreviousData) {
    FeedSet set;
    load(set, spec_of("a", FeedKind::Cases), kCasesA);
    load(set, spec_of("a", FeedKind::Cases), "[{\"id\": ");
    ASSERT_EQ(set.reports().size(), 1u);
    EXPECT_FALSE(set.reports()[0].ok());
    EXPECT_TRUE(set.reports()[0].kept_previous);
    Dataset ds;
    set.assemble(&ds);
    EXPECT_EQ(ds.cases.count, 2u);
    load(set, spec_of("a", FeedKind::Cases), "[]");
    set.assemble(&ds);
    EXPECT_TRUE(set.reports()[0].ok());
    EXPECT_EQ(ds.cases.count, 0u);
}

// Ids of a dataset's cases in row order, and its surveys as "survey>case".
static std::vector<std::string> contents(const Dataset& ds) {
    std::vector<std::string> out;
    for (StrId id : ds.cases.id) out.emplace_back(ds.strings->view(id));
    for (size_t i = 0; i < ds.surveys.count; ++i)
        out.push_back(std::string(ds.strings->view(ds.surveys.id[i])) + ">" +
                      std::string(ds.strings->view(ds.cases.id[ds.surveys.case_index[i]])));
    return out;
}

// Lending: the dataset holds the only copy of fully kept tables, and the next assemble takes them back, so
// a feed whose reload fails keeps its data, a feed with skipped rows keeps its own table, and a good reload
// replaces the lent rows.
TEST(FeedSet, LentTablesComeBackForTheNextAssembly) {
    FeedSet set;
    load(set, spec_of("a", FeedKind::Cases), kCasesA);
    load(set, spec_of("b", FeedKind::Cases), kCasesB);  // C1 again: a skipped row, so b is not lent
    load(set, spec_of("s", FeedKind::Surveys), kSurveys);
    Dataset lent, copied;
    set.assemble(&lent, true);
    const std::vector<std::string> first = contents(lent);
    EXPECT_EQ(first, (std::vector<std::string>{"C1", "C2", "C3", "S3>C1", "S1>C3"}));
    for (int round = 0; round < 3; ++round) {
        load(set, spec_of("a", FeedKind::Cases), "[{\"id\": ");  // fails: the lent rows must come back
        load(set, spec_of("s", FeedKind::Surveys), "not json");
        set.assemble(&lent, true);
        EXPECT_EQ(contents(lent), first) << "round " << round;
        EXPECT_TRUE(set.reports()[0].kept_previous);
    }
    set.assemble(&copied);  // without lending: a copy, and the rows are back in the feeds
    EXPECT_EQ(contents(copied), first);
    load(set, spec_of("a", FeedKind::Cases), R"([{"id": "C7", "customer": "Contoso", "offering": "premier",
        "severity": "A", "queue": "Q", "status": "new", "created_at": "2026-03-02T09:00:00Z"}])");
    set.assemble(&copied, true);
    set.assemble(&copied, true);
    EXPECT_EQ(contents(copied), (std::vector<std::string>{"C7", "C3", "C1", "S1>C3", "S3>C1"}));
}

// The figure for the report: memory held per case once a 100k-case feed is assembled.
TEST(FeedSet, BytesPerCase100k) {
    static const char* kQueues[] = {"Exchange", "Teams", "SharePoint", "Azure AD", "Intune", "Windows"};
    std::string text = "[";
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        char rec[640];
        std::snprintf(
            rec, sizeof rec,
            "%s{\"id\":\"CAS-%07d\",\"title\":\"Issue %d with %s\",\"customer\":\"Customer %d\","
            "\"offering\":\"premier\",\"severity\":\"%c\",\"queue\":\"%s\",\"owner\":\"eng%d\","
            "\"product\":\"%s\",\"status\":\"resolved\",\"created_at\":%d,\"first_response_at\":%d,"
            "\"resolved_at\":%d,\"transfers\":%d,\"status_history\":[{\"status\":\"new\",\"at\":%d},"
            "{\"status\":\"resolved\",\"at\":%d}]}",
            i ? "," : "", i, i, kQueues[i % 6], i % 500, "ABC"[i % 3], kQueues[i % 6], i % 120,
            kQueues[(i / 6) % 6], 1767225600 + i * 60, 1767225600 + i * 60 + 1800,
            1767225600 + i * 60 + 86400, i % 4, 1767225600 + i * 60, 1767225600 + i * 60 + 86400);
        text += rec;
    }
    text += "]";
    FeedSet set;
    const auto t0 = std::chrono::steady_clock::now();
    load(set, spec_of("big", FeedKind::Cases), text);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(set.reports()[0].ok());
    ASSERT_EQ(set.reports()[0].records, uint64_t(n));
    Dataset ds;
    set.assemble(&ds);
    ASSERT_EQ(ds.cases.count, size_t(n));
    const double columns = double(ds.cases.bytes_held()) / n;
    const double pool = double(set.pool().bytes_held()) / n;
    std::printf(
        "[ figure   ] bytes per case: %.1f columns + %.1f string pool = %.1f (feed JSON: %.0f bytes/case); "
        "ingest %.0f ms (%.0f MB/s)\n",
        columns, pool, columns + pool, double(text.size()) / n, ms, text.size() / ms / 1000);
    EXPECT_LT(columns + pool, 250.0);
}

}  // namespace cb
