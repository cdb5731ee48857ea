// case_table_test.cpp: the case explorer's sort orders, latest survey per case, age and lookup by id.
#include <gtest/gtest.h>

#include "case_table.h"
#include "metrics_test_data.h"

using namespace cb_test;

namespace {
struct Sorted {
    TestData d;
    SlaResults sla;
    std::vector<uint32_t> latest, rows{0, 1, 2, 3};
    CaseSortScratch scratch;
    Sorted() {
        d.add_case("CS-3", t(0), CaseStatus::New, "Zeta", Severity::B);         // row 0
        d.add_case("CS-10", t(1), CaseStatus::Closed, "alpha", Severity::A);    // row 1
        d.add_case("CS-2", t(2), CaseStatus::InProgress, "Beta", Severity::A);  // row 2
        d.add_case("CS-1", t(3), CaseStatus::New, "Beta", Severity::C);         // row 3
        d.data.cases.system_down[2] = 1;
        d.data.cases.closed_at[1] = t(1, 6);
        d.add_survey(1, t(2), 2);
        d.add_survey(1, t(4), 5);  // the newer survey of case 1 counts
        d.add_survey(3, t(5), 3);
        latest_survey_per_case(d.data.surveys, 4, &latest);
        sla = empty_sla(4, t(4));
    }
    std::vector<uint32_t> by(CaseColumn c, bool desc) {
        CaseSortInput in{&d.data, &sla, &latest, t(4)};
        std::vector<uint32_t> out;
        sort_case_rows(in, rows, c, desc, &scratch, &out);
        return out;
    }
};
using V = std::vector<uint32_t>;
}  // namespace

TEST(CaseTable, TextColumnsSortByByteOrderTiesByRow) {
    Sorted s;
    EXPECT_EQ(s.by(CaseColumn::Id, false), (V{3, 1, 2, 0}));     // "CS-1" < "CS-10" < "CS-2" < "CS-3"
    EXPECT_EQ(s.by(CaseColumn::Queue, false), (V{2, 3, 0, 1}));  // "Beta" "Beta" "Zeta" "alpha"
    EXPECT_EQ(s.by(CaseColumn::Queue, true), (V{1, 0, 2, 3}));   // ties keep row order both ways
}

TEST(CaseTable, SeverityPutsSystemDownFirst) {
    Sorted s;
    EXPECT_EQ(s.by(CaseColumn::Severity, false), (V{2, 1, 0, 3}));
}

TEST(CaseTable, AgeOfOpenCasesRunsToAsOfClosedToTheirEnd) {
    Sorted s;
    EXPECT_EQ(case_age_seconds(s.d.data.cases, 0, t(4)), 4 * 86400);
    EXPECT_EQ(case_age_seconds(s.d.data.cases, 1, t(4)), 6 * 3600);
    EXPECT_EQ(s.by(CaseColumn::Age, true), (V{0, 2, 3, 1}));  // 4 d, 2 d, 1 d, 6 h
}

TEST(CaseTable, CsatUsesLatestSurveyAndMissingStaysLast) {
    Sorted s;
    EXPECT_EQ(s.latest, (V{kNoRow, 1, kNoRow, 2}));
    EXPECT_EQ(s.by(CaseColumn::Csat, false), (V{3, 1, 0, 2}));  // 3, 5, none, none
    EXPECT_EQ(s.by(CaseColumn::Csat, true), (V{1, 3, 0, 2}));   // 5, 3, none, none
}

TEST(CaseTable, SlaSortsByUrgencyThenRemaining) {
    Sorted s;
    auto& fr = s.sla.clocks[(int)SlaMetric::FirstResponse];
    fr.state = {SlaState::InProgress, SlaState::Succeeded, SlaState::InProgress, SlaState::Noncompliant};
    fr.target_s = {3600, 3600, 3600, 3600};
    fr.elapsed_s = {600, 100, 3000, 7200};  // remaining 3000, -, 600, -3600
    EXPECT_EQ(s.by(CaseColumn::FirstResponse, false), (V{3, 2, 0, 1}));
}

TEST(CaseTable, FindsRowsById) {
    Sorted s;
    EXPECT_EQ(find_case_row(s.d.data, "CS-2"), 2u);
    EXPECT_EQ(find_case_row(s.d.data, "CS-99"), kNoRow);
    EXPECT_EQ(find_case_row(s.d.data, ""), kNoRow);
}
