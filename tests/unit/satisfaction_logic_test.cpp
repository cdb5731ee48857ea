// satisfaction_logic_test.cpp: the CSAT distribution of a survey selection and verbatim match ranges.
#include <gtest/gtest.h>

#include "metrics_test_data.h"
#include "satisfaction_logic.h"

using namespace cb_test;

TEST(SatisfactionLogic, DistributionCountsOnlySelectedScoredSurveys) {
    TestData d;
    uint32_t c = d.add_case("CS-1", t(0), CaseStatus::Closed);
    for (uint8_t score : {5, 5, 1, 0, 3, 5}) d.add_survey(c, t(1), score);
    uint32_t counts[5];
    csat_distribution(d.data.surveys, {0, 2, 3, 4, 5, 99}, counts);  // survey 1 not selected; 99 unknown
    EXPECT_EQ(counts[0], 1u);
    EXPECT_EQ(counts[1], 0u);
    EXPECT_EQ(counts[2], 1u);
    EXPECT_EQ(counts[3], 0u);
    EXPECT_EQ(counts[4], 2u);
}

TEST(SatisfactionLogic, MatchesAreCaseInsensitiveByteRanges) {
    std::vector<TextMatch> m;
    find_matches("Slow reply. SLOW fix. Über slow", "slow", 10, &m);
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].begin, 0u);
    EXPECT_EQ(m[0].end, 4u);
    EXPECT_EQ(m[1].begin, 12u);
    EXPECT_EQ(m[1].end, 16u);
    EXPECT_EQ(m[2].begin, 28u);  // "Über " is 6 bytes after "fix. "
    find_matches("ÜBER über", "über", 10, &m);
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[1].begin, 6u);
    find_matches("aaaa", "aa", 1, &m);
    EXPECT_EQ(m.size(), 1u);
    find_matches("text", "", 10, &m);
    EXPECT_TRUE(m.empty());
}
