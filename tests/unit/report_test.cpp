// report_test.cpp: the report renderings on tests/fixtures/report (8 cases, 5 surveys, 1 plan, calendar-hour
// SLA targets), as of Monday 2026-11-30 12:00 UTC. Every expected value below is worked out by hand in the
// comments from the fixture files.
#include "report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using nlohmann::json;

const std::string kDir = std::string(CASEBOARD_SOURCE_DIR) + "/tests/fixtures/report/";
const cb::Time kAsOf = 1796040000;  // 2026-11-30T12:00:00Z

std::string read_file(const std::string& path) {
    std::string text;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
        std::fclose(f);
    }
    return text;
}

// Drives the session like the platform does: each fetch streamed in small chunks. `override_url` feeds
// `override_text` instead of that file (an empty text with a non-null error fails the fetch).
void load(cb::DataSession& s, const std::string& manifest, const std::string& override_url = "",
          const std::string& override_text = "", const char* override_error = nullptr) {
    std::vector<cb::Fetch> pending{s.open(manifest)};
    for (size_t i = 0; i < pending.size(); ++i) {
        const cb::Fetch f = pending[i];
        const bool replaced = !override_url.empty() && f.url == override_url;
        const std::string path = f.base.empty() ? f.url : f.base.substr(0, f.base.rfind('/') + 1) + f.url;
        const std::string text = replaced ? override_text : read_file(path);
        s.on_begin(f.id, (int64_t)text.size(), 200);
        for (size_t at = 0; at < text.size(); at += 301)
            s.on_chunk(f.id, std::string_view(text).substr(at, 301));
        std::vector<cb::Fetch> more = s.on_end(f.id, replaced ? override_error : nullptr, 0);
        pending.insert(pending.end(), more.begin(), more.end());
    }
}

struct Fixture {
    cb::DataSession session;
    cb::Board board;
    cb::Filter filter;
    cb::MetricsOptions options;
    explicit Fixture(cb::Time as_of = kAsOf, std::vector<std::string> filters = {},
                     cb::MetricsOptions opts = {})
        : options(opts) {
        load(session, kDir + "feeds.json");
        std::string error;
        for (const std::string& f : filters)
            EXPECT_TRUE(cb::apply_filter_arg(f, session.strings(), &filter, &error)) << error;
        cb::update_board(session.data(), session.generation(), session.strings(), "Europe/Berlin", as_of,
                         filter, options, &board);
    }
    cb::ReportInput input() const { return cb::make_report_input(session, board, filter, "Europe/Berlin"); }
    json report() const { return json::parse(cb::report_json(input(), false)); }
};

const json& find_by(const json& list, const char* member, const std::string& value) {
    for (const json& e : list)
        if (e[member] == value) return e;
    static const json none;
    ADD_FAILURE() << "no element with " << member << " = " << value;
    return none;
}

}  // namespace

TEST(Report, RequiredKeysHandComputed) {
    Fixture fx;
    ASSERT_EQ(fx.session.data().cases.count, 8u);
    const json r = fx.report();
    EXPECT_EQ(r["as_of"], "2026-11-30T12:00:00Z");
    EXPECT_EQ(r["title"], "Report fixture");
    EXPECT_EQ(r["time_zone"], "Europe/Berlin");
    // Open: C1, C8 in_progress, C4 waiting_customer, C5 new.
    EXPECT_EQ(r["cases"]["total"], 8);
    EXPECT_EQ(r["cases"]["open"], 4);
    EXPECT_EQ(
        r["cases"]["by_status"],
        json::parse(R"({"new":1,"in_progress":2,"waiting_customer":1,"on_hold":0,"resolved":1,"closed":2,
                              "cancelled":1})"));
    EXPECT_EQ(r["cases"]["by_severity"], json::parse(R"({"A":3,"B":3,"C":2})"));

    // First response: met by C1 (30 min of 60), C3, C4, C6, C8 (50 of 60); breached by C2 (120 min, answered)
    // and C5 (never answered, open); C7 cancelled. Attainment 5 / (5 + 1) = 83.3 %, all-in 5 / 7 = 71.4 %.
    const json& fr = r["sla"]["first_response"];
    EXPECT_EQ(fr["succeeded"], 5);
    EXPECT_EQ(fr["noncompliant"], 2);
    EXPECT_EQ(fr["nearing_noncompliance"], 0);
    EXPECT_EQ(fr["in_progress"], 0);
    EXPECT_EQ(fr["paused"], 0);
    EXPECT_EQ(fr["cancelled"], 1);
    EXPECT_EQ(fr["attainment_pct"], 83.3);
    EXPECT_EQ(fr["attainment_all_pct"], 71.4);
    // Resolution (A 8 h, B 48 h, C 80 h): C3, C6 met; C2 (12 h) and C5 (240 h, open) breached; C1 at 3 h
    // running; C8 at 6.5 h = 81 % >= 75 % nearing; C4 waiting_customer paused; C7 cancelled. 2 / 3 = 66.7 %.
    const json& res = r["sla"]["resolution"];
    EXPECT_EQ(res["succeeded"], 2);
    EXPECT_EQ(res["noncompliant"], 2);
    EXPECT_EQ(res["nearing_noncompliance"], 1);
    EXPECT_EQ(res["in_progress"], 1);
    EXPECT_EQ(res["paused"], 1);
    EXPECT_EQ(res["attainment_pct"], 66.7);
    EXPECT_EQ(res["attainment_all_pct"], 50.0);
    EXPECT_EQ(res["deadline_soon"], 2);  // C8 at 13:30, C1 at 17:00
    // Next update: C1 due 13:30 (90 min left of 240: in progress), C4 due tomorrow but waiting (paused), C8
    // due 06:20 + 4 h = 10:20 (breached, open); nothing succeeded, so no attainment.
    const json& nu = r["sla"]["next_update"];
    EXPECT_EQ(nu["in_progress"], 1);
    EXPECT_EQ(nu["paused"], 1);
    EXPECT_EQ(nu["noncompliant"], 1);
    EXPECT_EQ(nu["open_breaches"], 1);
    EXPECT_TRUE(nu["attainment_pct"].is_null());
    EXPECT_EQ(r["sla"]["breached_cases"], 3);  // C2, C5, C8
    EXPECT_EQ(r["sla"]["policies"], "feed");

    // CSAT 1, 5, 4, 2, 3: mean 3, top-2 2/5; effort 6, 2, 3, 5: mean 4.
    const json& sat = r["satisfaction"];
    EXPECT_EQ(sat["responses"], 5);
    EXPECT_EQ(sat["csat_mean"], 3.0);
    EXPECT_EQ(sat["csat_top2_pct"], 40.0);
    EXPECT_EQ(sat["dissatisfied_pct"], 40.0);
    EXPECT_EQ(sat["effort_mean"], 4.0);
    EXPECT_TRUE(sat["nps"].is_null());
    EXPECT_TRUE(sat["drivers"].is_array());
    // One month; Wilson 95 % interval of 2/5 = [0.1176, 0.7693].
    ASSERT_EQ(sat["monthly"].size(), 1u);
    EXPECT_EQ(sat["monthly"][0]["month"], "2026-11-01");
    EXPECT_EQ(sat["monthly"][0]["csat_top2_ci_pct"], json::parse("[11.8, 76.9]"));

    // Plan P1: M1 (weight 2) done, M2 (due 11-20) 10.5 days overdue (not yet late), M3 due in 9.5 days.
    const json& plans = r["plans"];
    EXPECT_EQ(plans["total"], 1);
    EXPECT_EQ(plans["by_health"], json::parse(R"({"on_track":0,"at_risk":1,"late":0,"done":0})"));
    EXPECT_EQ(plans["milestones_done"], 1);
    EXPECT_EQ(plans["milestones_total"], 3);
    EXPECT_EQ(plans["plans"][0]["progress_pct"], 50.0);
    EXPECT_EQ(plans["plans"][0]["expected_pct"], 75.0);
    EXPECT_EQ(plans["plans"][0]["csam"], "Dana");
    EXPECT_EQ(plans["overdue"][0]["milestone"], "M2");
    EXPECT_EQ(plans["overdue"][0]["days_overdue"], 10.5);
    EXPECT_EQ(plans["due_soon"][0]["milestone"], "M3");
    EXPECT_EQ(plans["due_soon"][0]["days_left"], 9.5);

    ASSERT_EQ(r["feeds"].size(), 4u);
    EXPECT_EQ(r["feeds"][0]["name"], "cases");
    EXPECT_EQ(r["feeds"][0]["records"], 8);
    EXPECT_EQ(r["feeds"][0]["rejected"], 0);
    EXPECT_EQ(r["feeds"][0]["errors"], json::array());
    EXPECT_EQ(r["feeds"][1]["records"], 5);
}

TEST(Report, BacklogDetail) {
    const json c = Fixture().report()["cases"];
    // Ages: C1 3 h, C8 6.5 h, C4 exactly 3 d (older bucket), C5 10 d.
    EXPECT_EQ(c["by_age"], json::parse(R"({"<1 d":2,"1-3 d":0,"3-7 d":1,"7-30 d":1,">=30 d":0})"));
    ASSERT_EQ(c["oldest_open"].size(), 4u);
    EXPECT_EQ(c["oldest_open"][0]["id"], "C5");
    EXPECT_EQ(c["oldest_open"][0]["age_days"], 10.0);
    EXPECT_EQ(c["oldest_open"][1]["id"], "C4");
    EXPECT_EQ(find_by(c["open_by_queue"], "queue", "Networking")["open"], 2);            // C1, C5
    EXPECT_EQ(find_by(c["open_by_queue"], "queue", "Identity")["by_severity"]["B"], 1);  // C4
    // ISO weeks from 11-16: arrivals C6 C5 | C3 C2 C4 C7 | C1 C8; closures C6 | C3 C2 C7 | none.
    EXPECT_EQ(c["weekly"], json::parse(R"([
        {"week":"2026-11-16","arrivals":2,"closures":1,"backlog_end":1},
        {"week":"2026-11-23","arrivals":4,"closures":3,"backlog_end":2},
        {"week":"2026-11-30","arrivals":2,"closures":0,"backlog_end":4}])"));
    // First responses 0.5, 0.83, 1, 1, 1, 2 h: median 1, p90 at rank 4.5 = 1.5. Resolution 12, 24, 48 h.
    EXPECT_EQ(c["first_response_hours"], json::parse(R"({"n":6,"median":1.0,"p90":1.5})"));
    EXPECT_EQ(c["resolution_hours"], json::parse(R"({"n":3,"median":24.0,"p90":43.2})"));
    const json s = Fixture().report()["sla"];
    EXPECT_EQ(s["by_queue"][0]["queue"], "Networking");  // C2 and C5 breached
    EXPECT_EQ(s["by_queue"][0]["breached_cases"], 2);
    EXPECT_EQ(s["by_queue"][0]["breaches"],
              json::parse(R"({"first_response":2,"next_update":0,"resolution":2})"));
    EXPECT_EQ(s["nearing"].size(), 3u);
}

TEST(Report, FilterSelectsCasesAndTheirSurveys) {
    const json r = Fixture(kAsOf, {"queue=Identity"}).report();
    EXPECT_EQ(r["filter"], json::parse(R"(["queue=Identity"])"));
    EXPECT_EQ(r["cases"]["total"], 4);             // C3, C4, C6, C8
    EXPECT_EQ(r["cases"]["open"], 2);              // C4, C8
    EXPECT_EQ(r["satisfaction"]["responses"], 2);  // S2 (5), S3 (4)
    EXPECT_EQ(r["satisfaction"]["csat_mean"], 4.5);
    EXPECT_EQ(r["sla"]["first_response"]["attainment_pct"], 100.0);
}

TEST(Report, AsOfReplaysAnEarlierMoment) {
    // 2026-11-25T12:00Z: C2 is 4 h into its 8 h resolution; C1, C4, C7, C8 do not exist yet.
    const json r = Fixture(1796040000 - 5 * 86400).report();
    EXPECT_EQ(r["as_of"], "2026-11-25T12:00:00Z");
    const json& res = r["sla"]["resolution"];
    EXPECT_EQ(res["succeeded"], 2);     // C3 (resolved 10:00), C6
    EXPECT_EQ(res["noncompliant"], 1);  // C5
    EXPECT_EQ(res["in_progress"], 1);   // C2
    EXPECT_EQ(res["not_applicable"], 4);
}

TEST(Report, MarkdownDigest) {
    cb::MetricsOptions loose;  // five surveys: let every driver qualify so the digest has priorities
    loose.driver_min_n = 1;
    loose.driver_max_p = 1.0;
    Fixture fx(kAsOf, {}, loose);
    const std::string md = cb::report_markdown(fx.input());
    EXPECT_EQ(md.find("# Top issues: Report fixture\n"), 0u) << md;
    EXPECT_NE(md.find("Week 2026-11-23 13:00 CET to 2026-11-30 13:00 CET (Europe/Berlin), as of "
                      "2026-11-30T12:00:00Z."),
              std::string::npos)
        << md;
    // Week [11-23 12:00, 11-30 12:00) vs the week before (see period figures below).
    EXPECT_NE(md.find("| Open cases (end of week) | 4 | 1 | +3 |\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| New cases | 6 | 2 | +4 |\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| Closed cases | 3 | 1 | +2 |\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| First response SLA met | 80.0% (n=5) | 100.0% (n=1) | -20.0 pts |\n"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("| Resolution SLA met | 50.0% (n=2) | 100.0% (n=1) | -50.0 pts |\n"), std::string::npos)
        << md;
    EXPECT_NE(md.find("| CSAT (mean, 1-5) | 2.67 (n=3) | 3.50 (n=2) | -0.83 |\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| CSAT top-2 box | 33.3% | 50.0% | -16.7 pts |\n"), std::string::npos) << md;
    // Networking: S1 (1), S4 (2), S5 (3) -> 2 of 3 dissatisfied vs 0 of 2 elsewhere; impact 2/3 x 3 = 2.
    EXPECT_NE(md.find("1. **Queue Networking**: 67% of customers in queue Networking were dissatisfied vs 0% "
                      "elsewhere"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("Evidence: 2 of 3 responses dissatisfied with it, 0 of 2 without"), std::string::npos)
        << md;
    EXPECT_NE(md.find("| Networking | 2 | 2 of 4 | 2 / 0 / 2 | 2.00 | 66.7% |\n"), std::string::npos) << md;
    // Newest dissatisfied comment first.
    const size_t s4 = md.find("- \"Still waiting for a fix\" (CSAT 2, case C1, Networking, 2026-11-30)");
    const size_t s1 = md.find("- \"Nobody answered for hours, the outage dragged on\" (CSAT 1, case C2");
    EXPECT_NE(s4, std::string::npos) << md;
    EXPECT_LT(s4, s1);
}

TEST(Report, PeriodFiguresFromEventTimes) {
    Fixture fx;
    const cb::PeriodFigures before = cb::period_figures(fx.input(), kAsOf - 14 * 86400, kAsOf - 7 * 86400);
    EXPECT_EQ(before.arrivals, 2u);     // C6 (11-16 13:00), C5 (11-20)
    EXPECT_EQ(before.closures, 1u);     // C6
    EXPECT_EQ(before.open_at_end, 1u);  // C5
    EXPECT_EQ(before.sla_done[0], 1u);
    EXPECT_EQ(before.satisfaction.csat.n, 2u);  // S3, S5
    EXPECT_TRUE(cb::report_markdown(Fixture(kAsOf).input()).find("No driver of dissatisfaction") !=
                std::string::npos);
}

TEST(Report, CsvRowsFlattenTheJson) {
    Fixture fx;
    const std::string csv = cb::report_csv(fx.input());
    EXPECT_EQ(csv.rfind("section,metric,key,value\n", 0), 0u);
    for (const char* row :
         {"report,as_of,,2026-11-30T12:00:00Z\n", "cases,total,,8\n", "cases,by_status,in_progress,2\n",
          "cases,open_by_queue.by_severity,Identity/B,1\n", "sla,first_response.attainment_pct,,83.3\n",
          "sla,by_queue.breaches.resolution,Networking,2\n", "satisfaction,csat_mean,,3\n",
          "satisfaction,monthly.csat_top2_ci_pct,2026-11-01/0,11.8\n", "plans,by_health,at_risk,1\n",
          "feeds,records,cases,8\n", "satisfaction,nps,,\n"})
        EXPECT_NE(csv.find(row), std::string::npos) << row << csv.substr(0, 2000);
}

TEST(Report, CsvQuotingAndListRules) {
    std::string csv;
    ASSERT_TRUE(cb::report_json_to_csv(
        R"({"title":"a, \"b\"","filter":["x=1"],"q":{"list":[{"name":"=cmd","n":-1.5}],"by_k":{"k":null}}})",
        &csv));
    EXPECT_EQ(csv,
              "section,metric,key,value\n"
              "report,title,,\"a, \"\"b\"\"\"\n"
              "report,filter,0,x=1\n"
              "q,list.n,\"'=cmd\",-1.5\n"
              "q,by_k,k,\n");
    EXPECT_FALSE(cb::report_json_to_csv("{\"a\": [", &csv));
    EXPECT_FALSE(cb::report_json_to_csv("", &csv));
}

TEST(Report, FailedFeedsAreListedAndTheRestReported) {
    cb::DataSession s;
    const std::string cases = R"([
        {"id": "X1", "customer": "Contoso", "offering": "premier", "severity": "A", "queue": "Q", "status": "new",
         "created_at": "2026-11-30T09:00:00Z"},
        {"id": "X2", "offering": "premier", "severity": "A", "queue": "Q", "status": "new",
         "created_at": "2026-11-30T09:00:00Z"}])";
    load(s, kDir + "feeds.json", "cases.json", cases);
    cb::DataSession broken;
    load(broken, kDir + "feeds.json", "surveys.json", "", "could not open surveys.json: No such file");
    cb::Board board;
    cb::update_board(s.data(), s.generation(), s.strings(), "UTC", kAsOf, {}, {}, &board);
    json r = json::parse(cb::report_json(cb::make_report_input(s, board, {}, "UTC"), false));
    EXPECT_EQ(r["cases"]["total"], 1);
    const json& f = r["feeds"][0];
    EXPECT_EQ(f["records"], 1);
    EXPECT_EQ(f["rejected"], 1);
    ASSERT_GE(f["errors"].size(), 1u);
    EXPECT_EQ(f["errors"][0]["record"], 1);
    EXPECT_EQ(f["errors"][0]["id"], "X2");
    EXPECT_EQ(f["errors"][0]["field"], "customer");

    cb::Board b2;
    cb::update_board(broken.data(), broken.generation(), broken.strings(), "UTC", kAsOf, {}, {}, &b2);
    r = json::parse(cb::report_json(cb::make_report_input(broken, b2, {}, "UTC"), false));
    EXPECT_EQ(r["cases"]["total"], 8);
    EXPECT_EQ(r["satisfaction"]["responses"], 0);
    EXPECT_EQ(r["feeds"][1]["state"], "failed");
    EXPECT_EQ(r["feeds"][1]["error"], "could not open surveys.json: No such file");
    EXPECT_NE(cb::report_markdown(cb::make_report_input(broken, b2, {}, "UTC"))
                  .find("1 feed(s) could not be loaded"),
              std::string::npos);
}

TEST(Report, Arguments) {
    cb::ReportArgs a;
    std::string error;
    const char* good[] = {"report",
                          "--as-of",
                          "2026-11-30T12:00:00Z",
                          "--tz",
                          "Europe/Berlin",
                          "--filter",
                          "queue=Q1",
                          "--filter",
                          "severity=A",
                          "--format",
                          "md",
                          "feeds.json"};
    ASSERT_TRUE(cb::parse_report_args(12, good, &a, &error)) << error;
    EXPECT_EQ(a.as_of, kAsOf);
    EXPECT_EQ(a.time_zone, "Europe/Berlin");
    EXPECT_EQ(a.filters, (std::vector<std::string>{"queue=Q1", "severity=A"}));
    EXPECT_EQ(a.format, cb::ReportFormat::Markdown);
    EXPECT_EQ(a.paths, std::vector<std::string>{"feeds.json"});
    const char* epoch[] = {"report", "--as-of", "1796040000000", "--format", "csv", "a.json", "b.json"};
    ASSERT_TRUE(cb::parse_report_args(7, epoch, &a, &error)) << error;
    EXPECT_EQ(a.as_of, kAsOf);
    EXPECT_EQ(a.format, cb::ReportFormat::Csv);
    EXPECT_EQ(a.paths.size(), 2u);
    const char* help[] = {"report", "--help"};
    ASSERT_TRUE(cb::parse_report_args(2, help, &a, &error));
    EXPECT_TRUE(a.help);

    const char* no_files[] = {"report", "--format", "json"};
    EXPECT_FALSE(cb::parse_report_args(3, no_files, &a, &error));
    EXPECT_EQ(error, "no manifest or feed files given");
    const char* bad_time[] = {"report", "--as-of", "30/11/2026", "f.json"};
    EXPECT_FALSE(cb::parse_report_args(4, bad_time, &a, &error));
    EXPECT_NE(error.find("not a timestamp"), std::string::npos);
    const char* bad_format[] = {"report", "--format", "xml", "f.json"};
    EXPECT_FALSE(cb::parse_report_args(4, bad_format, &a, &error));
    const char* missing[] = {"report", "f.json", "--tz"};
    EXPECT_FALSE(cb::parse_report_args(3, missing, &a, &error));
    EXPECT_EQ(error, "--tz needs a value");
    const char* unknown[] = {"report", "--verbose", "f.json"};
    EXPECT_FALSE(cb::parse_report_args(3, unknown, &a, &error));
    // A filter naming a queue the data does not have is refused (the CLI exits 2).
    Fixture fx;
    cb::Filter f;
    EXPECT_FALSE(cb::apply_filter_arg("queue=Nowhere", fx.session.strings(), &f, &error));
}

TEST(Report, Rounding) {
    EXPECT_EQ(cb::percent_1dp(2.0 / 3.0), 66.7);
    EXPECT_EQ(cb::percent_1dp(0.12345), 12.3);
    EXPECT_EQ(cb::percent_1dp(0.0005), 0.1);  // halves away from zero
    EXPECT_EQ(cb::round_to(8.0 / 3.0, 2), 2.67);
    EXPECT_TRUE(std::isnan(cb::percent_1dp(cb::kNaN)));
}

TEST(Report, MarkdownEscapesNamesThatWouldBreakTheTable) {
    // C2 alone, in a queue whose name holds a pipe: breached first response (2 h of 1 h) and resolution.
    const std::string cases = R"([{"id": "C2", "customer": "Contoso", "offering": "premier", "severity": "A",
        "queue": "Core|Net *ops*", "status": "resolved", "created_at": "2026-11-25T08:00:00Z",
        "first_response_at": "2026-11-25T10:00:00Z", "resolved_at": "2026-11-25T20:00:00Z"}])";
    cb::DataSession s;
    load(s, kDir + "feeds.json", "cases.json", cases);
    cb::Board board;
    cb::update_board(s.data(), s.generation(), s.strings(), "UTC", kAsOf, {}, {}, &board);
    const std::string md = cb::report_markdown(cb::make_report_input(s, board, {}, "UTC"));
    EXPECT_NE(md.find("| Core\\|Net \\*ops\\* | 0 | 1 of 1 | 1 / 0 / 1 | 1.00 | 100.0% |\n"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("(CSAT 1, case C2, Core\\|Net \\*ops\\*, 2026-11-26)"), std::string::npos) << md;
}

// The dashboard calls update_board on every frame: unchanged data, time and filter recompute nothing.
TEST(Report, BoardRecomputesOnlyWhenDataTimeOrFilterChange) {
    Fixture fx;
    const uint64_t v = fx.board.version;
    EXPECT_FALSE(cb::update_board(fx.session.data(), fx.session.generation(), fx.session.strings(),
                                  "Europe/Berlin", kAsOf, fx.filter, fx.options, &fx.board));
    EXPECT_EQ(fx.board.version, v);
    cb::Filter queue;
    std::string error;
    ASSERT_TRUE(cb::apply_filter_arg("queue=Identity", fx.session.strings(), &queue, &error)) << error;
    EXPECT_TRUE(cb::update_board(fx.session.data(), fx.session.generation(), fx.session.strings(),
                                 "Europe/Berlin", kAsOf, queue, fx.options, &fx.board));
    EXPECT_EQ(fx.board.version, v + 1);
    EXPECT_LT(fx.board.metrics.rows.size(), fx.session.data().cases.count);
    EXPECT_TRUE(cb::update_board(fx.session.data(), fx.session.generation(), fx.session.strings(),
                                 "Europe/Berlin", kAsOf + 60, queue, fx.options, &fx.board));
    EXPECT_EQ(fx.board.as_of, kAsOf + 60);
}
