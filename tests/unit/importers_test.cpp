// The helpdesk importers on the shipped samples (data/samples): exact rows and exact problems.
#include <gtest/gtest.h>

#include <string>

#include "feeds.h"
#include "test_files.h"
#include "timestamp.h"

namespace cb {

static std::string read_sample(const char* name) {
    return cb_test::read_file(std::string(CASEBOARD_SOURCE_DIR) + "/data/samples/" + name);
}

using cb_test::feed_spec;

static std::string t(Time v) {
    return has_time(v) ? format_iso8601(v) : "-";
}

// One case as
// "id|customer|offering|severity(+down)|type|queue|product|owner|status|created|first|resolved|closed|
// transfers|collaborators|reopened|resolution_code".
static std::vector<std::string> rows(const CaseTable& c, const StringPool& p) {
    std::vector<std::string> out;
    for (size_t i = 0; i < c.count; ++i) {
        std::string s;
        for (StrId id : {c.id[i], c.customer[i], c.offering[i]}) s += std::string(p.view(id)) + "|";
        s += std::string(to_string(c.severity[i])) + (c.system_down[i] ? "+down" : "") + "|" +
             to_string(c.type[i]) + "|";
        for (StrId id : {c.queue[i], c.product[i], c.owner[i]}) s += std::string(p.view(id)) + "|";
        s += std::string(to_string(c.status[i])) + "|" + t(c.created_at[i]) + "|" +
             t(c.first_response_at[i]) + "|" + t(c.resolved_at[i]) + "|" + t(c.closed_at[i]) + "|" +
             std::to_string(c.transfers[i]) + "|" + std::to_string(c.collaborators[i]) + "|" +
             std::to_string(c.reopened[i]) + "|" + std::string(p.view(c.resolution_code[i]));
        out.push_back(s);
    }
    return out;
}

static std::vector<std::string> problems(const FeedReport& r) {
    std::vector<std::string> out;
    for (const FeedProblem& p : r.problems)
        out.push_back(std::to_string(p.record) + " (" + p.id + ") " + p.field + ": " + p.message);
    return out;
}

TEST(Importers, ServiceNowIncidentsAndCases) {
    StringPool pool;
    FeedData d;
    const FeedReport r =
        ingest_feed(feed_spec(FeedKind::Cases), read_sample("servicenow_incidents.json"), pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.format, FeedFormat::ServiceNow);
    EXPECT_EQ(
        rows(d.cases, pool),
        (std::vector<std::string>{
            "INC0010001|Contoso Ltd|Premier Support|A+down|reactive|Messaging L2|Exchange Online|Beth Anglin|"
            "in_progress|2026-03-02T08:05:11Z|-|-|-|2|0|0|",
            "INC0010002|Fabrikam Inc|Unified Support|B|reactive|Collaboration|Microsoft Teams|David Loo|"
            "waiting_customer|2026-03-02T09:30:00Z|-|-|-|0|0|0|",
            "INC0010003|Contoso Ltd|unspecified|C|reactive|Network|||resolved|2026-03-01T14:00:00Z|-|"
            "2026-03-01T16:30:00Z|-|1|0|1|Solved (Permanently)",
            "INC0010004|Fabrikam Inc|unspecified|C|reactive|unassigned|||closed|2026-02-27T10:00:00Z|-|"
            "2026-02-27T11:00:00Z|2026-03-02T11:00:00Z|0|0|0|Workaround provided",
            "CS0001007|Northwind Traders|Premier Support|A|reactive|Customer Service L1||Fred Luddy|"
            "waiting_customer|2026-03-02T07:45:00Z|-|-|-|0|0|0|",
            "INC0010006|Fabrikam Inc|Unified Support|B|reactive|Identity||Beth Anglin|cancelled|"
            "2026-03-02T11:00:00Z|-|-|-|0|0|0|",
        }));
    EXPECT_EQ(problems(r), (std::vector<std::string>{
                               "5 (INC0010005) severity: '9' is not one of 1, 2, 3, 4, 5 (in priority)",
                               "6 (INC0010006) transfers: -1 is negative (in reassignment_count)",
                               "6 (INC0010006) resolved_at: 2026-03-02T10:00:00Z is before created_at "
                               "2026-03-02T11:00:00Z",
                           }));
}

TEST(Importers, FieldMapOverridesTheDefault) {
    FeedSpec spec = feed_spec(FeedKind::Cases, FeedFormat::ServiceNow);
    spec.field_map = {{"queue", "assignment_group.value"}, {"offering", "u_offering"}};
    StringPool pool;
    FeedData d;
    const FeedReport r = ingest_feed(spec, read_sample("servicenow_incidents.json"), pool, &d);
    ASSERT_TRUE(r.ok());
    ASSERT_GE(d.cases.count, 1u);
    EXPECT_EQ(pool.view(d.cases.queue[0]), "8a4dde73c6112278017a6a4baf547aa7");
    EXPECT_EQ(pool.view(d.cases.offering[0]), "unspecified");
    EXPECT_EQ(pool.view(d.cases.queue[1]), "unassigned");  // a plain string has no .value
}

TEST(Importers, ZendeskTicketsAndRatings) {
    FeedSet set;
    FeedSpec tickets = feed_spec(FeedKind::Cases);
    tickets.name = "zd";
    FeedSpec ratings = feed_spec(FeedKind::Surveys);
    ratings.name = "csat";
    auto td = std::make_unique<FeedData>();
    FeedReport tr = ingest_feed(tickets, read_sample("zendesk_tickets.json"), set.pool(), td.get());
    ASSERT_TRUE(tr.ok()) << tr.fatal;
    EXPECT_EQ(tr.format, FeedFormat::Zendesk);
    EXPECT_EQ(
        rows(td->cases, set.pool()),
        (std::vector<std::string>{
            "35436|509974|unspecified|A+down|reactive|98738||235323|in_progress|2026-03-02T08:00:00Z|"
            "2026-03-02T08:25:00Z|-|-|2|2|0|",
            "35437|509974|unspecified|B|advisory|98739||235323|waiting_customer|2026-03-01T15:20:00Z|"
            "2026-03-01T18:20:00Z|-|-|0|0|0|",
            "35438|77|unspecified|A|reactive|98738||411|resolved|2026-02-28T10:00:00Z|2026-02-28T10:45:00Z|"
            "2026-03-01T11:30:00Z|-|1|0|1|",
            "35439|unknown|unspecified|C|reactive|unassigned|||on_hold|2026-03-02T07:00:00Z|-|-|-|0|0|0|",
        }));
    EXPECT_EQ(problems(tr),
              (std::vector<std::string>{"4 (35440) status: 'archived' is not one of new, open, pending, "
                                        "hold, solved, closed, deleted"}));
    set.store(tickets, tr, std::move(td));

    auto sd = std::make_unique<FeedData>();
    FeedReport sr = ingest_feed(ratings, read_sample("zendesk_satisfaction.json"), set.pool(), sd.get());
    ASSERT_TRUE(sr.ok()) << sr.fatal;
    EXPECT_EQ(sr.format, FeedFormat::Zendesk);
    EXPECT_EQ(problems(sr),
              (std::vector<std::string>{"2 (35123) csat: 'offered' is not a rating (the survey was not "
                                        "answered) (in score)"}));
    set.store(ratings, sr, std::move(sd));
    Dataset ds;
    set.assemble(&ds);
    const SurveyTable& s = ds.surveys;
    ASSERT_EQ(s.count, 2u);
    // Surveys are stored in the order of their cases' rows (assemble clusters them).
    EXPECT_EQ(s.csat, (std::vector<uint8_t>{1, 5}));
    EXPECT_EQ(s.case_index, (std::vector<uint32_t>{0, 1}));
    EXPECT_EQ(s.verbatim[1], "Fixed within a day, thanks!");
    EXPECT_EQ(s.submitted_at[0], 1772452800);  // 2026-03-02T12:00:00Z
    EXPECT_TRUE(set.reports()[1].problems.size() == 1);
}

TEST(Importers, DynamicsIncidents) {
    StringPool pool;
    FeedData d;
    const FeedReport r =
        ingest_feed(feed_spec(FeedKind::Cases), read_sample("dynamics_incidents.json"), pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.format, FeedFormat::Dynamics);
    EXPECT_TRUE(r.problems.empty());
    EXPECT_EQ(
        rows(d.cases, pool),
        (std::vector<std::string>{
            "CAS-01001-R8J4K1|Adventure Works|Premier|A|reactive|Integration Tier 2|Dynamics 365 Finance|"
            "Alex Wu|in_progress|2026-03-02T08:30:00Z|2026-03-02T08:50:00Z|-|-|0|0|0|",
            "CAS-01002-T2L9P3|Litware|unspecified|C|advisory|Finance Tier 1|Fiscal setup|Priya Patel|"
            "resolved|2026-02-26T10:00:00Z|-|2026-02-27T16:00:00Z|-|0|0|0|",
            "CAS-01003-Q7M2N8|Adventure Works|unspecified|B|reactive|Supply Chain Tier 1||Alex Wu|"
            "waiting_customer|2026-03-01T12:00:00Z|-|-|-|0|0|0|",
            "CAS-01004-Z1X5C6|Litware|unspecified|B|reactive|unassigned|||cancelled|2026-03-02T06:00:00Z|-|-|"
            "-|"
            "0|0|0|",
        }));
}

TEST(Importers, CsvCases) {
    StringPool pool;
    FeedData d;
    FeedSpec spec = feed_spec(FeedKind::Cases);
    spec.url = "cases.csv";  // the extension selects CSV when the format is auto
    const FeedReport r = ingest_feed(spec, read_sample("cases.csv"), pool, &d);
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.format, FeedFormat::Csv);
    EXPECT_TRUE(r.problems.empty()) << problems(r)[0];
    EXPECT_EQ(
        rows(d.cases, pool),
        (std::vector<std::string>{
            "CAS-1001|Contoso|premier|A+down|reactive|Messaging|Outlook|ana|in_progress|2026-03-02T08:00:00Z|"
            "2026-03-02T08:20:00Z|-|-|1|2|0|",
            "CAS-1002|Fabrikam|unified|C|advisory|Licensing||bo|resolved|2026-03-01T09:00:00Z|"
            "2026-03-01T11:00:00Z|2026-03-01T15:00:00Z|-|0|0|0|",
            "CAS-1003|Northwind|asfp|B|reactive|Identity|Entra "
            "ID|chen|waiting_customer|2026-03-02T06:30:00Z|-|-|"
            "-|2|0|0|",
            "CAS-1004|Contoso|premier|B|reactive|Analytics|Power BI|dana|closed|2026-02-25T10:00:00Z|"
            "2026-02-25T10:45:00Z|2026-02-26T09:00:00Z|2026-02-27T09:00:00Z|0|0|0|",
        }));
    EXPECT_EQ(pool.view(d.cases.title[0]), "Outlook crashes on start, all users");
    EXPECT_EQ(pool.view(d.cases.title[2]), "Quoted \"name\" in title");
    EXPECT_EQ(d.cases.refund[3], Refund::Partial);
    EXPECT_EQ(d.cases.sentiment[0], -1.0f);
    EXPECT_EQ(d.cases.sentiment[1], 0.4f);
}

TEST(Importers, SniffFeedKind) {
    FeedKind k = FeedKind::Plans;
    EXPECT_TRUE(sniff_feed_kind(read_sample("zendesk_satisfaction.json"), &k));
    EXPECT_EQ(k, FeedKind::Surveys);
    EXPECT_TRUE(sniff_feed_kind(read_sample("dynamics_incidents.json"), &k));
    EXPECT_EQ(k, FeedKind::Cases);
    EXPECT_TRUE(sniff_feed_kind(R"([{"id": "S1", "case_id": "C1"}])", &k));
    EXPECT_EQ(k, FeedKind::Surveys);
    EXPECT_TRUE(sniff_feed_kind(R"({"pausing_statuses": [], "targets": []})", &k));
    EXPECT_EQ(k, FeedKind::SlaPolicies);
    EXPECT_TRUE(sniff_feed_kind("id,case_id,csat\nS1,C1,5\n", &k));
    EXPECT_EQ(k, FeedKind::Surveys);
    EXPECT_FALSE(sniff_feed_kind(R"({"title": "x", "feeds": []})", &k));
    EXPECT_FALSE(sniff_feed_kind("   ", &k));
}

}  // namespace cb
