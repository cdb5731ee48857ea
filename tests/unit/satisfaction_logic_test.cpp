// satisfaction_logic_test.cpp: verbatim match ranges.
#include <gtest/gtest.h>

#include "satisfaction_logic.h"

using namespace cb;

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
