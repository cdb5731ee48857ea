// csv_test.cpp: the CSV writer (RFC 4180 quoting, formula safety, times) and the filtered-cases export.
#include <gtest/gtest.h>

#include "case_csv.h"
#include "case_table.h"
#include "csv_writer.h"
#include "metrics_test_data.h"

using namespace cb_test;

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
    std::string out;
    CsvWriter w(&out);
    w.text("plain"), w.text("a,b"), w.text("say \"hi\""), w.text("two\nlines"), w.text("");
    w.end_row();
    EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(CsvWriter, FormulaTextIsMadeInert) {
    std::string out;
    CsvWriter w(&out);
    w.text("=SUM(A1)"), w.text("-3 days"), w.text("@x"), w.text("+1");
    w.end_row();
    EXPECT_EQ(out, "\"'=SUM(A1)\",\"'-3 days\",\"'@x\",\"'+1\"\r\n");
}

TEST(CsvWriter, NumbersTimesAndEmptyCells) {
    std::string out;
    CsvWriter w(&out);
    w.number(0.25), w.number(12), w.number(NAN), w.integer(-7), w.time(t(0, 9.25)), w.time(kNoTime),
        w.empty();
    w.end_row();
    w.text("é");  // UTF-8 passes through untouched
    w.end_row();
    EXPECT_EQ(out, "0.25,12,,-7,2026-03-02T09:15:00Z,,\r\né\r\n");
}

TEST(CaseCsv, HeaderAndOneRowPerCaseInGivenOrder) {
    TestData d;
    uint32_t a = d.add_case("CS-1", t(0, 9), CaseStatus::Closed);
    d.data.cases.closed_at[a] = t(1);
    d.data.cases.transfers[a] = 2;
    uint32_t b = d.add_case("CS-2", t(0, 10), CaseStatus::New, "Net, Core");
    d.add_survey(a, t(2), 4, 2, Tristate::Yes, 9, "fine, \"thanks\"");
    SlaResults sla = empty_sla(2, t(3));
    sla.clocks[0].state[b] = SlaState::Noncompliant;
    sla.clocks[0].target_s[b] = 4 * 3600, sla.clocks[0].elapsed_s[b] = 5 * 3600 + 1800;
    sla.clocks[0].deadline[b] = t(0, 14);
    std::vector<uint32_t> latest;
    latest_survey_per_case(d.data.surveys, d.data.cases.count, &latest);
    std::string out;
    write_cases_csv(d.data, sla, {b, a}, &latest, &out);
    size_t first_break = out.find("\r\n");
    ASSERT_NE(first_break, std::string::npos);
    EXPECT_EQ(out.compare(0, 12, "id,title,cus"), 0);
    std::string header = out.substr(0, first_break);
    EXPECT_EQ(std::count(header.begin(), header.end(), ','), 43);  // 25 case, 12 SLA, 7 survey columns
    std::string row_b = out.substr(first_break + 2, out.find("\r\n", first_break + 2) - first_break - 2);
    EXPECT_EQ(row_b,
              "CS-2,Title of CS-2,Contoso,premier,\"Net, Core\",Exchange,ann,B,false,reactive,new,"
              "2026-03-02T10:00:00Z,,,,,,,0,0,0,,none,,,"
              "noncompliant,4,5.5,2026-03-02T14:00:00Z,not_applicable,,,,not_applicable,,,,"
              ",,,,,,");
    EXPECT_NE(out.find(",closed,2026-03-02T09:00:00Z,,,,,2026-03-03T00:00:00Z,,2,0,0,"), std::string::npos);
    EXPECT_NE(out.find("S0,2026-03-04T00:00:00Z,4,2,true,9,\"fine, \"\"thanks\"\"\"\r\n"), std::string::npos);
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
}
