#include <gtest/gtest.h>

#include <cmath>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

struct VerbatimData : TestData {
    VerbatimData() {
        add_case("v", t(0), CaseStatus::Closed);
        add_survey(0, t(0), 1, 0, Tristate::Unknown, -1, "The engineer was slow and the fix was slow");
        add_survey(0, t(1), 2, 0, Tristate::Unknown, -1, "Slow response, transferred twice");
        add_survey(0, t(2), 1, 0, Tristate::Unknown, -1, "Transferred again. Très décevant 42");
        add_survey(0, t(3), 5, 0, Tristate::Unknown, -1, "Great engineer, quick fix");
        add_survey(0, t(4), 4, 0, Tristate::Unknown, -1, "Quick and great response");
        add_survey(0, t(5), 5, 0, Tristate::Unknown, -1, "ÉNORME merci");
        add_survey(0, t(6), 3, 0, Tristate::Unknown, -1, "slow slow slow");  // neutral: no side
        add_survey(0, t(7), 1);                                              // no comment
    }
    VerbatimMetrics run(const std::string& query, uint8_t min_csat = 1, uint8_t max_csat = 5) {
        MetricsOptions opt;
        opt.verbatim_query = query, opt.verbatim_min_csat = min_csat, opt.verbatim_max_csat = max_csat;
        Metrics m;
        compute_metrics(data, SlaResults{}, Filter{}, t(10), opt, &m);
        return m.verbatims;
    }
};

}  // namespace

TEST(MetricsVerbatims, SearchIsCaseInsensitiveAndNewestFirst) {
    VerbatimData d;
    EXPECT_EQ(d.run("SLOW").matches, (std::vector<uint32_t>{6, 1, 0}));
    EXPECT_EQ(d.run("énorme").matches, (std::vector<uint32_t>{5}));
    EXPECT_EQ(d.run("DÉCEV").matches, (std::vector<uint32_t>{2}));
    EXPECT_EQ(d.run("great", 4, 5).matches, (std::vector<uint32_t>{4, 3}));
    EXPECT_EQ(d.run("slow", 1, 2).matches, (std::vector<uint32_t>{1, 0}));
    EXPECT_EQ(d.run("").matches.size(), 7u);  // every comment; the empty one is not a match
    EXPECT_EQ(d.run("\xC3").matches, (std::vector<uint32_t>{5, 2}));  // a lone lead byte: byte match
}

// Comments submitted at the same moment go by survey id, highest first (newest first reversed as a whole).
TEST(MetricsVerbatims, SameTimeGoesBySurveyId) {
    TestData d;
    d.add_case("v", t(0), CaseStatus::Closed);
    d.add_survey(0, t(1), 4, 0, Tristate::Unknown, -1, "b");
    d.add_survey(0, t(1), 4, 0, Tristate::Unknown, -1, "a");
    d.add_survey(0, t(2), 4, 0, Tristate::Unknown, -1, "c");
    d.data.surveys.id = {d.id("S-2"), d.id("S-9"), d.id("S-1")};
    Metrics m;
    compute_metrics(d.data, SlaResults{}, Filter{}, t(10), MetricsOptions{}, &m);
    EXPECT_EQ(m.verbatims.matches, (std::vector<uint32_t>{2, 1, 0}));
}

TEST(MetricsVerbatims, DistinguishingTermsUseSmoothedLogOdds) {
    VerbatimData d;
    const VerbatimMetrics v = d.run("");
    EXPECT_EQ(v.dissatisfied_comments, 3u);
    EXPECT_EQ(v.satisfied_comments, 3u);
    // Dissatisfied tokens 11, satisfied 9, vocabulary 12: score = ln((d+1)/(s+1)) + ln(21/23).
    const double base = std::log(21.0 / 23.0);
    ASSERT_EQ(v.dissatisfied_terms.size(), 2u);
    EXPECT_EQ(v.dissatisfied_terms[0].term, "slow");
    EXPECT_EQ(v.dissatisfied_terms[0].dissatisfied, 3u);
    EXPECT_EQ(v.dissatisfied_terms[0].satisfied, 0u);
    EXPECT_NEAR(v.dissatisfied_terms[0].log_odds, std::log(4.0) + base, 1e-12);
    EXPECT_EQ(v.dissatisfied_terms[1].term, "transferred");
    ASSERT_EQ(v.satisfied_terms.size(), 5u);
    EXPECT_EQ(v.satisfied_terms[0].term, "great");
    EXPECT_EQ(v.satisfied_terms[1].term, "quick");
    EXPECT_NEAR(v.satisfied_terms[1].log_odds, std::log(1.0 / 3) + base, 1e-12);
    EXPECT_EQ(v.satisfied_terms[2].term, "engineer");  // 1 vs 1, but the satisfied side has fewer words
    EXPECT_EQ(v.satisfied_terms[4].term, "response");
}

TEST(MetricsVerbatims, TermsCanBeSwitchedOff) {
    VerbatimData d;
    MetricsOptions opt;
    opt.verbatim_terms = false;
    Metrics m;
    compute_metrics(d.data, SlaResults{}, Filter{}, t(10), opt, &m);
    EXPECT_TRUE(m.verbatims.dissatisfied_terms.empty());
    EXPECT_EQ(m.verbatims.matches.size(), 7u);
}
