// Canonical feeds: shapes, validation (skip the record vs drop the field), chunking, fatal failures.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "feed_ingest_record.h"
#include "feeds.h"
#include "test_files.h"
#include "timestamp.h"

namespace cb {

using cb_test::feed_spec;

static std::string problem_text(const FeedProblem& p) {
    return std::to_string(p.record) + " (" + p.id + ") " + p.field + ": " + p.message;
}

static const char* kCases = R"([
 {"id": "C1", "title": "Mail down", "customer": "Contoso", "offering": "premier", "severity": "A",
  "system_down": true, "queue": "Exchange", "owner": "ana", "status": "resolved",
  "created_at": "2026-03-02T09:15:00Z", "first_response_at": "2026-03-02T09:45:00+00:00",
  "resolved_at": 1772460000, "transfers": 2, "collaborators": ["bo", "chen"], "refund": "partial",
  "solution_validated": false, "sentiment": "negative",
  "status_history": [{"status": "new", "at": "2026-03-02T09:15:00Z"},
                     {"status": "waiting_customer", "at": "2026-03-02T10:00:00Z"},
                     {"status": "resolved", "at": "2026-03-02T14:00:00Z"}]},
 {"id": "C2", "customer": "Fabrikam", "offering": "unified", "severity": "D", "queue": "Teams",
  "status": "new", "created_at": "2026-03-02T09:15:00Z"},
 {"id": "C3", "customer": "Fabrikam", "offering": "unified", "severity": "C", "queue": "Teams",
  "status": "in_progress", "created_at": "2026-03-02T09:15:00Z", "transfers": -1,
  "resolved_at": "2026-03-01T00:00:00Z", "type": "advisory", "sentiment": 0.25, "next_update_due": "soon"},
 {"id": "C1", "customer": "Contoso", "offering": "premier", "severity": "B", "queue": "Exchange",
  "status": "new", "created_at": "2026-03-02T09:15:00Z"},
 "junk",
 {"customer": "Contoso", "offering": "premier", "severity": "B", "queue": "Exchange", "status": "new",
  "created_at": "2026-03-02T09:15:00Z"},
 {"id": 7, "customer": "Contoso", "offering": "premier", "severity": "B", "status": "nieuw",
  "created_at": "2026-02-30T00:00:00Z"}
])";

TEST(FeedIngest, CasesRowsAndProblems) {
    StringPool pool;
    FeedData d;
    FeedReport r = ingest_feed(feed_spec(FeedKind::Cases), kCases, pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.format, FeedFormat::Caseboard);
    EXPECT_EQ(r.records, 2u);
    EXPECT_EQ(r.rejected, 5u);
    const CaseTable& t = d.cases;
    ASSERT_EQ(t.count, 2u);
    EXPECT_EQ(pool.view(t.id[0]), "C1");
    EXPECT_EQ(pool.view(t.title[0]), "Mail down");
    EXPECT_EQ(pool.view(t.queue[0]), "Exchange");
    EXPECT_EQ(pool.view(t.owner[0]), "ana");
    EXPECT_EQ(t.severity[0], Severity::A);
    EXPECT_EQ(t.system_down[0], 1);
    EXPECT_EQ(t.status[0], CaseStatus::Resolved);
    EXPECT_EQ(t.created_at[0], 1772442900);
    EXPECT_EQ(t.first_response_at[0], 1772444700);
    EXPECT_EQ(t.resolved_at[0], 1772460000);
    EXPECT_EQ(t.closed_at[0], kNoTime);
    EXPECT_EQ(t.transfers[0], 2);
    EXPECT_EQ(t.collaborators[0], 2);
    EXPECT_EQ(t.refund[0], Refund::Partial);
    EXPECT_EQ(t.solution_validated[0], Tristate::No);
    EXPECT_EQ(t.sentiment[0], -1.0f);
    ASSERT_EQ(t.history_begin.size(), 3u);
    EXPECT_EQ(t.history_begin[1], 3u);
    EXPECT_EQ(t.history[1].status, CaseStatus::WaitingCustomer);
    EXPECT_EQ(t.history[1].at, 1772445600);
    // C3 kept, with the bad optional fields dropped
    EXPECT_EQ(pool.view(t.id[1]), "C3");
    EXPECT_EQ(t.type[1], CaseType::Advisory);
    EXPECT_EQ(t.transfers[1], 0);
    EXPECT_EQ(t.resolved_at[1], kNoTime);
    EXPECT_EQ(t.next_update_due[1], kNoTime);
    EXPECT_EQ(t.sentiment[1], 0.25f);
    EXPECT_EQ(t.title[1], kNoStr);
    EXPECT_TRUE(std::isnan(t.sentiment[0] + NAN));
    EXPECT_EQ(t.solution_validated[1], Tristate::Unknown);
    EXPECT_EQ(t.history_begin[2], 3u);
    EXPECT_EQ(d.rejected_records, (std::vector<uint64_t>{1, 3, 4, 5, 6}));

    std::vector<std::string> got;
    for (const FeedProblem& p : r.problems) got.push_back(problem_text(p));
    const std::vector<std::string> want = {
        "1 (C2) severity: 'D' is not one of A, B, C",
        "2 (C3) next_update_due: 'soon' is not a timestamp",
        "2 (C3) transfers: -1 is negative",
        "2 (C3) resolved_at: 2026-03-01T00:00:00Z is before created_at 2026-03-02T09:15:00Z",
        "3 (C1) id: duplicate of record 0",
        "4 () : expected an object, found a string",
        "5 () id: required field is missing",
        "6 () id: expected a string, found a number",
    };
    EXPECT_EQ(got, want);
}

TEST(FeedIngest, RequiredFieldsAllReported) {
    StringPool pool;
    FeedData d;
    FeedReport r = ingest_feed(feed_spec(FeedKind::Cases),
                               R"({"cases": [{"id": "X", "customer": 5, "severity": "B", "status": "nieuw",
                                   "created_at": "2026-02-30T00:00:00Z", "offering": "premier"}]})",
                               pool, &d);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.records, 0u);
    EXPECT_EQ(r.rejected, 1u);
    std::vector<std::string> got;
    for (const FeedProblem& p : r.problems) got.push_back(problem_text(p));
    EXPECT_EQ(
        got, (std::vector<std::string>{
                 "0 (X) customer: expected a string, found a number",
                 "0 (X) queue: required field is missing",
                 "0 (X) status: 'nieuw' is not one of new, in_progress, waiting_customer, on_hold, resolved, "
                 "closed, cancelled",
                 "0 (X) created_at: '2026-02-30T00:00:00Z' is not a timestamp",
             }));
}

TEST(FeedIngest, ChunkedEqualsWhole) {
    StringPool whole_pool, chunk_pool;
    FeedData whole;
    const FeedReport a = ingest_feed(feed_spec(FeedKind::Cases), kCases, whole_pool, &whole);
    FeedIngest in(feed_spec(FeedKind::Cases), chunk_pool);
    const std::string text = kCases;
    for (size_t i = 0; i < text.size(); i += 7) ASSERT_TRUE(in.feed(std::string_view(text).substr(i, 7)));
    ASSERT_TRUE(in.finish());
    EXPECT_EQ(in.report().records, a.records);
    EXPECT_EQ(in.report().problems.size(), a.problems.size());
    EXPECT_EQ(in.data().cases.created_at, whole.cases.created_at);
    EXPECT_EQ(in.data().cases.history.size(), whole.cases.history.size());
    EXPECT_EQ(in.report().bytes, text.size());
}

TEST(FeedIngest, FatalFailures) {
    StringPool pool;
    FeedData d;
    EXPECT_EQ(ingest_feed(feed_spec(FeedKind::Cases), "[{\"id\": \"C1\",\n \"title\": \"abc", pool, &d).fatal,
              "line 2, column 15: unexpected end of input inside a string");
    EXPECT_EQ(ingest_feed(feed_spec(FeedKind::Cases), "\"hello\"", pool, &d).fatal,
              "expected an array of cases or an object with a 'cases' array, found a string");
    EXPECT_EQ(
        ingest_feed(feed_spec(FeedKind::Surveys), R"({"count": 3, "next_page": null})", pool, &d).fatal,
        "expected an array of surveys or an object with a 'surveys' array, found an object without one");
    EXPECT_EQ(ingest_feed(feed_spec(FeedKind::Cases), R"({"cases": {"id": "C1"}})", pool, &d).fatal,
              "'cases' should be an array, found an object");
    FeedIngest small(feed_spec(FeedKind::Cases), pool, 10);
    EXPECT_TRUE(small.feed("[    "));
    EXPECT_FALSE(small.feed("      "));
    EXPECT_EQ(small.report().fatal, "the feed is larger than the limit of 10 bytes");
    EXPECT_FALSE(small.finish());
}

TEST(FeedIngest, ProblemCap) {
    std::string text = "[";
    for (int i = 0; i < 150; ++i)
        text += std::string(i ? "," : "") + "{\"id\": \"x" + std::to_string(i) + "\"}";
    text += "]";
    StringPool pool;
    FeedData d;
    const FeedReport r = ingest_feed(feed_spec(FeedKind::Cases), text, pool, &d);
    EXPECT_EQ(r.rejected, 150u);
    EXPECT_EQ(r.problems.size(), kMaxProblemsPerFeed);
    // each record lacks customer, offering, queue, severity, status, created_at: 6 problems
    EXPECT_EQ(r.problems_not_listed, 150u * 6 - kMaxProblemsPerFeed);
}

TEST(FeedIngest, Surveys) {
    StringPool pool;
    FeedData d;
    const FeedReport r = ingest_feed(feed_spec(FeedKind::Surveys), R"({"surveys": [
        {"id": "S1", "case_id": "C1", "submitted_at": "2026-03-03T08:00:00Z", "csat": 4, "effort": 9, "nps": 10,
         "resolved": true, "verbatim": "Fast \"fix\"", "language": "en-GB"},
        {"id": "S2", "case_id": "C2", "submitted_at": "2026-03-03", "csat": 6},
        {"id": "S3", "case_id": "C2", "submitted_at": "2026-03-03T10:00:00Z", "csat": 4.5},
        {"id": "S4", "case_id": "C2", "submitted_at": "2026-03-03T10:00:00Z", "csat": 1, "nps": -1}]})",
                                     pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.records, 2u);
    const SurveyTable& s = d.surveys;
    ASSERT_EQ(s.count, 2u);
    EXPECT_EQ(pool.view(s.case_id[0]), "C1");
    EXPECT_EQ(s.case_index[0], kNoRow);
    EXPECT_EQ(s.csat[0], 4);
    EXPECT_EQ(s.effort[0], 0);
    EXPECT_EQ(s.nps[0], 10);
    EXPECT_EQ(s.resolved[0], Tristate::Yes);
    EXPECT_EQ(s.verbatim[0], "Fast \"fix\"");
    EXPECT_EQ(pool.view(s.language[0]), "en-GB");
    EXPECT_EQ(s.nps[1], -1);
    std::vector<std::string> got;
    for (const FeedProblem& p : r.problems) got.push_back(problem_text(p));
    EXPECT_EQ(got, (std::vector<std::string>{
                       "0 (S1) effort: 9 is not between 1 and 7",
                       "1 (S2) submitted_at: '2026-03-03' is not a timestamp",
                       "1 (S2) csat: 6 is not between 1 and 5",
                       "2 (S3) csat: '4.5' is not a whole number",
                       "3 (S4) nps: -1 is negative",
                   }));
}

TEST(FeedIngest, Plans) {
    StringPool pool;
    FeedData d;
    const FeedReport r = ingest_feed(feed_spec(FeedKind::Plans), R"([{"id": "P1", "customer": "Contoso",
        "owner": "dana", "period_start": "2026-01-01", "period_end": "2026-12-31", "status": "active",
        "objectives": [
          {"id": "O1", "title": "Cut outages", "business_outcome": "99.9%", "milestones": [
             {"id": "M1", "title": "Monitoring", "due": "2026-03-31", "status": "done",
              "completed_at": "2026-03-20T12:00:00Z", "weight": 2},
             {"id": "M2", "title": "Runbooks", "due": "2026-06-30", "status": "late", "weight": 0}]},
          {"id": "O2", "title": "Adoption", "milestones": []}]},
      {"id": "P2"}])",
                                     pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    ASSERT_EQ(d.plans.size(), 1u);
    const SuccessPlan& p = d.plans[0];
    EXPECT_EQ(pool.view(p.owner), "dana");
    EXPECT_EQ(p.period_start, days_from_civil(2026, 1, 1) * 86400);
    ASSERT_EQ(p.objectives.size(), 2u);
    ASSERT_EQ(p.objectives[0].milestones.size(), 2u);
    EXPECT_EQ(p.objectives[0].business_outcome, "99.9%");
    const Milestone& m1 = p.objectives[0].milestones[0];
    EXPECT_EQ(m1.status, MilestoneStatus::Done);
    EXPECT_EQ(m1.weight, 2.0f);
    EXPECT_EQ(m1.completed_at, days_from_civil(2026, 3, 20) * 86400 + 12 * 3600);
    const Milestone& m2 = p.objectives[0].milestones[1];
    EXPECT_EQ(m2.status, MilestoneStatus::NotStarted);
    EXPECT_EQ(m2.weight, 1.0f);
    EXPECT_EQ(p.objectives[1].title, "Adoption");
    std::vector<std::string> got;
    for (const FeedProblem& q : r.problems) got.push_back(problem_text(q));
    EXPECT_EQ(got,
              (std::vector<std::string>{
                  "0 (P1) objectives[0].milestones[1].status: 'late' is not one of not_started, in_progress, "
                  "done, blocked",
                  "0 (P1) objectives[0].milestones[1].weight: '0' is not a positive number",
                  "1 (P2) customer: required field is missing",
              }));
}

TEST(FeedIngest, SlaPoliciesAndCalendars) {
    StringPool pool;
    FeedData d;
    FeedReport r =
        ingest_feed(feed_spec(FeedKind::SlaPolicies), R"({"pausing_statuses": ["on_hold", "napping"],
        "targets": [
          {"offering": "premier", "severity": "A", "metric": "first_response", "target_minutes": 60,
           "hours": "calendar", "warning_pct": 80},
          {"offering": "*", "severity": "B", "metric": "resolution", "target_minutes": 2400, "hours": "business",
           "calendar": "emea"},
          {"offering": "*", "severity": "B", "metric": "resolution", "target_minutes": 10},
          {"severity": "C", "metric": "first_response", "target_minutes": 0},
          {"severity": "C", "metric": "next_update", "target_minutes": 480, "hours": "business"}]})",
                    pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(d.sla.pausing_statuses, (std::vector<CaseStatus>{CaseStatus::OnHold}));
    ASSERT_EQ(d.sla.targets.size(), 2u);
    EXPECT_EQ(pool.view(d.sla.targets[0].offering), "premier");
    EXPECT_EQ(d.sla.targets[0].warning_pct, 0.8f);
    EXPECT_FALSE(d.sla.targets[0].business_hours);
    EXPECT_EQ(d.sla.targets[1].offering, kNoStr);
    EXPECT_TRUE(d.sla.targets[1].business_hours);
    EXPECT_EQ(d.sla.targets[1].calendar, "emea");
    EXPECT_EQ(d.sla.targets[1].target_minutes, 2400);
    EXPECT_EQ(d.sla.targets[1].warning_pct, 0.75f);
    std::vector<std::string> got;
    for (const FeedProblem& q : r.problems) got.push_back(problem_text(q));
    EXPECT_EQ(
        got,
        (std::vector<std::string>{
            "0 () pausing_statuses: 'napping' is not one of new, in_progress, waiting_customer, on_hold, "
            "resolved, closed, cancelled",
            "2 () : another target already covers * / B / resolution",
            "3 () target_minutes: 0 is not between 1 and 5270400",
            "4 () calendar: business hours need a calendar",
        }));

    r = ingest_feed(feed_spec(FeedKind::Calendars),
                    R"({"calendars": [{"name": "emea", "time_zone": "Europe/Berlin",
        "weekly": {"mon": [["08:00", "12:00"], ["13:00", "18:00"]], "fri": [["08:00", "24:00"]],
                   "sat": [["10:00", "09:00"]], "funday": []},
        "holidays": ["2026-12-25", "2026-01-01", "2026-02-30"]}]})",
                    pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    ASSERT_EQ(d.sla.calendars.size(), 1u);
    const BusinessCalendar& c = d.sla.calendars[0];
    EXPECT_EQ(c.time_zone, "Europe/Berlin");
    ASSERT_EQ(c.weekly[0].size(), 2u);
    EXPECT_EQ(c.weekly[0][1].start_minute, 13 * 60);
    EXPECT_EQ(c.weekly[0][1].end_minute, 18 * 60);
    ASSERT_EQ(c.weekly[4].size(), 1u);
    EXPECT_EQ(c.weekly[4][0].end_minute, 24 * 60);
    EXPECT_TRUE(c.weekly[5].empty());
    EXPECT_EQ(c.holidays, (std::vector<int32_t>{int32_t(days_from_civil(2026, 1, 1)),
                                                int32_t(days_from_civil(2026, 12, 25))}));
    got.clear();
    for (const FeedProblem& q : r.problems) got.push_back(problem_text(q));
    EXPECT_EQ(got, (std::vector<std::string>{
                       "0 (emea) weekly.sat[0]: '09:00' is not after '10:00'",
                       "0 (emea) weekly.funday: not a day (mon, tue, wed, thu, fri, sat, sun)",
                       "0 (emea) holidays[2]: '2026-02-30' is not a date (YYYY-MM-DD)",
                   }));
}

TEST(FeedIngest, Csv) {
    FeedSpec spec = feed_spec(FeedKind::Cases, FeedFormat::Csv);
    spec.field_map = {{"queue", "Assignment Group"}};
    const std::string text =
        "\xEF\xBB\xBFid,customer,offering,severity,Assignment "
        "Group,status,created_at,title,collaborators,system_down\r\n"
        "C1,Contoso,premier,A,Exchange,new,2026-03-02T09:15:00Z,\"Mail, \"\"all\"\" users\nsecond "
        "line\",ana;bo,yes\r\n"
        "\r\n"
        "C2,Fabrikam,unified,B,Teams,closed,1772442900,,,\r\n"
        "C3,Fabrikam,unified,B\n";
    StringPool pool;
    FeedIngest in(spec, pool);
    for (size_t i = 0; i < text.size(); i += 5) ASSERT_TRUE(in.feed(std::string_view(text).substr(i, 5)));
    ASSERT_TRUE(in.finish()) << in.report().fatal;
    const FeedReport& r = in.report();
    EXPECT_EQ(r.format, FeedFormat::Csv);
    EXPECT_EQ(r.records, 2u);
    EXPECT_EQ(r.rejected, 1u);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(problem_text(r.problems[0]), "2 () : line 6: the row has 4 fields, the header has 10");
    const CaseTable& t = in.data().cases;
    EXPECT_EQ(pool.view(t.title[0]), "Mail, \"all\" users\nsecond line");
    EXPECT_EQ(pool.view(t.queue[0]), "Exchange");
    EXPECT_EQ(t.collaborators[0], 2);
    EXPECT_EQ(t.system_down[0], 1);
    EXPECT_EQ(t.created_at[1], 1772442900);
    EXPECT_EQ(t.title[1], kNoStr);

    StringPool p2;
    FeedData d;
    EXPECT_EQ(ingest_feed(spec, "id,title\nC1,\"open quote\n", p2, &d).fatal,
              "line 3: unexpected end of input inside a quoted field");
    EXPECT_EQ(ingest_feed(spec, "id,title\nC1,\"x\"y\n", p2, &d).fatal,
              "line 2: unexpected 'y' after the closing quote of a field");
}

}  // namespace cb

namespace cb {

// Bad input never crashes or hangs: every prefix and many byte mutations of the samples are ingested.
TEST(FeedIngest, SurvivesTruncationAndMutation) {
    const char* files[] = {"servicenow_incidents.json", "zendesk_tickets.json", "dynamics_incidents.json",
                           "zendesk_satisfaction.json", "cases.csv"};
    uint32_t seed = 12345;
    for (const char* name : files) {
        std::FILE* f =
            std::fopen((std::string(CASEBOARD_SOURCE_DIR) + "/data/samples/" + name).c_str(), "rb");
        ASSERT_TRUE(f) << name;
        std::string text(1 << 16, '\0');
        text.resize(std::fread(&text[0], 1, text.size(), f));
        std::fclose(f);
        FeedSpec spec =
            feed_spec(std::string(name).find("satisfaction") != std::string::npos ? FeedKind::Surveys
                                                                                  : FeedKind::Cases);
        spec.url = name;
        for (size_t cut = 0; cut < text.size(); cut += 13) {
            StringPool pool;
            FeedData d;
            ingest_feed(spec, std::string_view(text).substr(0, cut), pool, &d);
        }
        for (int round = 0; round < 200; ++round) {
            std::string m = text;
            for (int k = 0; k < 4; ++k) {
                seed = seed * 1664525u + 1013904223u;
                m[(seed >> 8) % m.size()] = "{}[]\",:0a \\\n-"[(seed >> 24) % 13];
            }
            StringPool pool;
            FeedData d;
            const FeedReport r = ingest_feed(spec, m, pool, &d);
            EXPECT_LE(r.problems.size(), kMaxProblemsPerFeed);
        }
    }
}

// Records reuse their entry slots and path ids: a path that moves to another slot, one that disappears
// and the empty key must all be found (or not) as in a fresh record.
TEST(FeedIngestRecord, PathLookupAcrossRecordsWithChangingKeyOrder) {
    Record rec;
    const int32_t no_idx[2] = {-1, -1};
    rec.clear();
    rec.add("a", ValueType::String, "1", no_idx);
    rec.add("b", ValueType::Number, "2", no_idx);
    rec.add("a", ValueType::String, "3", no_idx);
    rec.index();
    EXPECT_EQ(rec.find("a"), 0u);
    EXPECT_EQ(rec.at(0).next_same, 2u);
    EXPECT_EQ(rec.at(2).next_same, 0u);
    EXPECT_EQ(rec.find("b"), 1u);
    EXPECT_EQ(rec.find("c"), kNoEntry);
    EXPECT_EQ(rec.find(""), kNoEntry);

    rec.clear();
    rec.add("b", ValueType::String, "4", no_idx);
    rec.add("", ValueType::String, "5", no_idx);
    rec.add("c", ValueType::String, "6", no_idx);
    rec.index();
    EXPECT_EQ(rec.find("a"), kNoEntry);
    EXPECT_EQ(rec.find("b"), 0u);
    EXPECT_EQ(rec.at(0).next_same, 0u);
    EXPECT_EQ(rec.at(0).path, "b");
    EXPECT_EQ(rec.at(0).text, "4");
    EXPECT_EQ(rec.find(""), 1u);
    EXPECT_EQ(rec.find("c"), 2u);
    EXPECT_EQ(rec.find_id(rec.path_id("a")), kNoEntry);
    EXPECT_EQ(rec.find_id(rec.path_id("c")), 2u);
    EXPECT_EQ(rec.find_id(rec.path_id("never seen")), kNoEntry);
}

TEST(FeedIngest, CasesWithKeysInDifferentOrders) {
    const char* feed = R"([
 {"id": "K1", "customer": "Contoso", "offering": "premier", "severity": "A", "queue": "Exchange",
  "status": "new", "created_at": "2026-03-02T09:15:00Z", "owner": "ana"},
 {"owner": "bo", "created_at": "2026-03-03T09:15:00Z", "status": "closed", "queue": "Teams",
  "severity": "C", "offering": "unified", "customer": "Fabrikam", "id": "K2", "transfers": 3},
 {"id": "K3", "customer": "Contoso", "offering": "premier", "severity": "B", "queue": "Exchange",
  "status": "on_hold", "created_at": "2026-03-04T09:15:00Z"}
])";
    StringPool pool;
    FeedData d;
    FeedReport r = ingest_feed(feed_spec(FeedKind::Cases), feed, pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.records, 3u);
    EXPECT_EQ(r.rejected, 0u);
    EXPECT_TRUE(r.problems.empty());
    const CaseTable& t = d.cases;
    ASSERT_EQ(t.count, 3u);
    EXPECT_EQ(pool.view(t.id[1]), "K2");
    EXPECT_EQ(pool.view(t.customer[1]), "Fabrikam");
    EXPECT_EQ(pool.view(t.owner[1]), "bo");
    EXPECT_EQ(t.status[1], CaseStatus::Closed);
    EXPECT_EQ(t.severity[1], Severity::C);
    EXPECT_EQ(t.transfers[1], 3u);
    EXPECT_EQ(pool.view(t.owner[0]), "ana");
    EXPECT_EQ(t.owner[2], kNoStr);
    EXPECT_EQ(t.transfers[2], 0u);
    EXPECT_EQ(t.status[2], CaseStatus::OnHold);
}

}  // namespace cb
