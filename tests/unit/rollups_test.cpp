// Rollups: ingestion with per-record problems, assembly, and the figures computed from rollup rows
// (every expected value below is worked out by hand from the rows in the comments).
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "feeds.h"
#include "rollups.h"

namespace cb {

namespace {

FeedSpec rollups_spec(const char* name = "r") {
    FeedSpec s;
    s.name = name;
    s.kind = FeedKind::Rollups;
    return s;
}

std::string problem_text(const FeedProblem& p) {
    return std::to_string(p.record) + " (" + p.id + ") " + p.field + ": " + p.message;
}

// Ingests like the dashboard does (FeedIngest, then FeedSet::store) and returns the load's report.
FeedReport load(FeedSet& set, const char* name, const char* text) {
    FeedIngest ingest(rollups_spec(name), set.pool());
    if (ingest.feed(text)) ingest.finish();
    set.store(rollups_spec(name), ingest.report(), std::make_unique<FeedData>(std::move(ingest.data())));
    return ingest.report();
}

int32_t day(int y, unsigned m, unsigned d) {
    return days_from_civil(y, m, d);
}

}  // namespace

TEST(Rollups, IngestKeepsGoodRecordsAndReportsBadOnes) {
    FeedSet set;
    const FeedReport r = load(set, "r", R"({"rollups": [
 {"day": "2026-11-02", "queue": "Exchange", "severity": "A", "offering": "Unified", "arrivals": 12, "open": 3,
  "closures": 9, "responses": 4, "csat_n": 4, "csat_sum": 15, "csat_sumsq": 61, "top2": 3, "dissatisfied": 1,
  "effort_n": 4, "effort_sum": 10, "effort_sumsq": 26, "low_effort": 4, "resolved_known": 4, "resolved_yes": 3},
 {"day": "2026-11-02T10:00:00Z", "queue": "Exchange", "severity": "A", "offering": "Unified"},
 {"day": "2026-11-03", "severity": "D", "offering": "Unified", "arrivals": 1},
 {"day": "2026-11-03", "queue": "Teams", "severity": "B", "offering": "Unified", "arrivals": -1},
 {"day": "2026-11-03", "queue": "Teams", "severity": "B", "offering": "Unified", "arrivals": 2, "open": 3},
 {"day": "2026-11-04", "queue": "Teams", "severity": "C", "offering": "Premier"}
]})");
    ASSERT_TRUE(r.ok()) << r.fatal;
    EXPECT_EQ(r.records, 2u);
    EXPECT_EQ(r.rejected, 4u);
    std::vector<std::string> problems;
    for (const FeedProblem& p : r.problems) problems.push_back(problem_text(p));
    EXPECT_EQ(problems, (std::vector<std::string>{
                            "1 () day: '2026-11-02T10:00:00Z' is not a date such as 2026-11-02",
                            "2 () queue: required field is missing",
                            "2 () severity: 'D' is not one of A, B, C",
                            "3 (2026-11-03/Teams/B/Unified) arrivals: -1 is negative",
                            "4 (2026-11-03/Teams/B/Unified) open: 3 is more than arrivals (2)",
                        }));
    Dataset d;
    set.assemble(&d);
    const StringPool& pool = set.pool();
    const RollupTable& t = d.rollups;
    ASSERT_EQ(t.count, 2u);
    EXPECT_EQ(t.day, (std::vector<int32_t>{day(2026, 11, 2), day(2026, 11, 4)}));
    EXPECT_EQ(pool.view(t.queue[0]), "Exchange");
    EXPECT_EQ(pool.view(t.offering[1]), "Premier");
    EXPECT_EQ(t.severity[1], Severity::C);
    EXPECT_EQ(t.counts[kRollupArrivals], (std::vector<uint32_t>{12, 0}));
    EXPECT_EQ(t.counts[kRollupCsatSumSq], (std::vector<uint32_t>{61, 0}));
    EXPECT_EQ(t.counts[kRollupNpsN], (std::vector<uint32_t>{0, 0}));  // absent counts are 0
}

TEST(Rollups, KindFromShapeAndFeedsAddUp) {
    FeedKind kind = FeedKind::Cases;
    EXPECT_TRUE(sniff_feed_kind(R"([{"day": "2026-11-02", "queue": "Q", "severity": "A")", &kind));
    EXPECT_EQ(kind, FeedKind::Rollups);
    kind = FeedKind::Cases;
    EXPECT_TRUE(sniff_feed_kind(R"({"rollups": [)", &kind));
    EXPECT_EQ(kind, FeedKind::Rollups);

    FeedSet set;
    const char* row =
        R"([{"day": "2026-11-02", "queue": "Q", "severity": "A", "offering": "O", "arrivals": 2}])";
    for (const char* name : {"emea", "apac"}) load(set, name, row);
    Dataset ds;
    set.assemble(&ds);
    EXPECT_EQ(ds.rollups.count, 2u);
    EXPECT_TRUE(uses_rollups(ds));
    Metrics m;
    compute_metrics(ds, SlaResults{}, Filter{}, kNoTime, MetricsOptions{}, &m);
    EXPECT_EQ(m.backlog.total, 4u);
}

namespace {

// Five rows (2026-03-02 is a Monday):
//   R0 03-01 Net A premier:  arrivals 3, open 1, closures 1
//   R1 03-02 Net B premier:  arrivals 2, open 2, closures 1; surveys csat 5, 4 (effort 2, resolved 1 of 2,
//                            nps promoter + detractor)
//   R2 03-03 Sto A unified:  arrivals 1, open 0, closures 2; survey csat 1
//   R3 03-10 Net A premier:  arrivals 4, open 4 (after as_of); survey csat 3
//   R4 04-01 Net C unified:  survey csat 5
const char* kRows = R"([
 {"day": "2026-03-01", "queue": "Net", "severity": "A", "offering": "premier", "arrivals": 3, "open": 1, "closures": 1},
 {"day": "2026-03-02", "queue": "Net", "severity": "B", "offering": "premier", "arrivals": 2, "open": 2, "closures": 1,
  "responses": 2, "csat_n": 2, "csat_sum": 9, "csat_sumsq": 41, "top2": 2, "effort_n": 1, "effort_sum": 2,
  "effort_sumsq": 4, "low_effort": 1, "resolved_known": 2, "resolved_yes": 1, "nps_n": 2, "promoters": 1,
  "detractors": 1},
 {"day": "2026-03-03", "queue": "Sto", "severity": "A", "offering": "unified", "arrivals": 1, "closures": 2,
  "responses": 1, "csat_n": 1, "csat_sum": 1, "csat_sumsq": 1, "dissatisfied": 1},
 {"day": "2026-03-10", "queue": "Net", "severity": "A", "offering": "premier", "arrivals": 4, "open": 4,
  "responses": 1, "csat_n": 1, "csat_sum": 3, "csat_sumsq": 9},
 {"day": "2026-04-01", "queue": "Net", "severity": "C", "offering": "unified",
  "responses": 1, "csat_n": 1, "csat_sum": 5, "csat_sumsq": 25, "top2": 1}
])";

struct RollupData {
    FeedSet set;
    StringPool& pool = set.pool();
    Dataset data;
    RollupData() {
        EXPECT_TRUE(load(set, "r", kRows).problems.empty());
        set.assemble(&data);
    }
    // As of 2026-03-04T12:00Z, by default with three-day series: flows 03-02 .. 03-04 (R0 carried into
    // the start), satisfaction trends 03-30 .. 04-01 (the last response's day).
    Metrics run(const Filter& f = Filter{}, int series_days = 3) {
        Metrics m;
        MetricsOptions options;
        options.max_series_days = series_days;
        compute_metrics(data, SlaResults{}, f, Time(day(2026, 3, 4)) * kSecondsPerDay + 12 * 3600, options,
                        &m);
        return m;
    }
};

}  // namespace

TEST(Rollups, BacklogFiguresAndFlows) {
    RollupData d;
    const BacklogMetrics b = d.run().backlog;
    EXPECT_EQ(b.total, 10u);  // 3 + 2 + 1 + 4
    EXPECT_EQ(b.open, 7u);    // 1 + 2 + 4
    EXPECT_EQ(b.by_severity[0], 8u);
    EXPECT_EQ(b.by_severity[1], 2u);
    EXPECT_EQ(b.open_by_severity[0], 5u);
    EXPECT_EQ(b.open_by_severity[1], 2u);
    ASSERT_EQ(b.open_by_queue.size(), 1u);  // Sto has nothing open
    EXPECT_EQ(d.pool.view(b.open_by_queue[0].queue), "Net");
    EXPECT_EQ(b.open_by_queue[0].total, 7u);
    EXPECT_EQ(b.open_by_queue[0].by_severity[0], 5u);
    EXPECT_EQ(b.open_by_queue[0].by_severity[1], 2u);
    // Starts with R0's 3 - 1 open; 03-02: +2 -1 = 3; 03-03: +1 -2 = 2; 03-04: 2. R3 is after as_of.
    ASSERT_EQ(b.daily.size(), 3u);
    EXPECT_EQ(b.daily[0].day, day(2026, 3, 2));
    EXPECT_EQ(b.daily[0].backlog, 3u);
    EXPECT_EQ(b.daily[1].arrivals, 1u);
    EXPECT_EQ(b.daily[1].closures, 2u);
    EXPECT_EQ(b.daily[1].backlog, 2u);
    EXPECT_EQ(b.daily[2].backlog, 2u);
    ASSERT_EQ(b.weekly.size(), 1u);
    EXPECT_EQ(b.weekly[0].arrivals, 3u);
    EXPECT_EQ(b.weekly[0].closures, 3u);
    EXPECT_TRUE(b.oldest_open.empty());
    EXPECT_TRUE(b.open_by_owner.empty());

    Filter severity_a;
    severity_a.severity = {Severity::A};  // R0, R2, R3: starts at 2; 03-03: +1 -2 = 1
    const BacklogMetrics a = d.run(severity_a).backlog;
    EXPECT_EQ(a.total, 8u);
    ASSERT_EQ(a.daily.size(), 3u);
    EXPECT_EQ(a.daily[0].backlog, 2u);
    EXPECT_EQ(a.daily[2].backlog, 1u);
}

TEST(Rollups, SatisfactionFigures) {
    RollupData d;
    const SatisfactionMetrics s = d.run(Filter{}, 3660).satisfaction;
    const SatCounts& o = s.overall;
    EXPECT_EQ(o.responses, 5u);
    EXPECT_EQ(o.csat.n, 5u);
    EXPECT_DOUBLE_EQ(o.csat.mean(), 3.6);                    // (5 + 4 + 1 + 3 + 5) / 5
    EXPECT_NEAR(o.csat.sample_sd(), std::sqrt(2.8), 1e-12);  // (76 - 18^2 / 5) / 4
    EXPECT_DOUBLE_EQ(o.top2_rate(), 0.6);
    EXPECT_DOUBLE_EQ(o.dissatisfied_rate(), 0.2);
    EXPECT_DOUBLE_EQ(o.effort.mean(), 2.0);
    EXPECT_DOUBLE_EQ(o.resolved_rate(), 0.5);
    EXPECT_DOUBLE_EQ(o.nps(), 0.0);
    EXPECT_DOUBLE_EQ(s.by_severity[0].csat.mean(), 2.0);  // R2 and R3
    EXPECT_DOUBLE_EQ(s.by_severity[1].csat.mean(), 4.5);
    ASSERT_EQ(s.by_queue.size(), 2u);
    EXPECT_EQ(d.pool.view(s.by_queue[0].key), "Net");
    EXPECT_EQ(s.by_queue[0].counts.responses, 4u);
    ASSERT_EQ(s.by_offering.size(), 2u);
    EXPECT_EQ(d.pool.view(s.by_offering[0].key), "premier");
    EXPECT_EQ(s.by_offering[0].counts.responses, 3u);
    EXPECT_EQ(s.daily.size(), 4u);  // 03-02, 03-03, 03-10, 04-01
    ASSERT_EQ(s.weekly.size(), 3u);
    EXPECT_EQ(s.weekly[2].start_day, day(2026, 3, 30));
    ASSERT_EQ(s.monthly.size(), 2u);
    EXPECT_EQ(s.monthly[0].counts.responses, 4u);
    EXPECT_TRUE(s.by_owner.empty());
    EXPECT_TRUE(s.survey_rows.empty());

    const SatisfactionMetrics recent = d.run().satisfaction;  // trends keep 03-30 .. 04-01, totals all
    EXPECT_EQ(recent.overall.responses, 5u);
    EXPECT_EQ(recent.daily.size(), 1u);
    EXPECT_EQ(recent.monthly.size(), 1u);
}

TEST(Rollups, FiltersTheyCannotApplyAreNamed) {
    RollupData d;
    Filter range;
    range.from = Time(day(2026, 3, 2)) * kSecondsPerDay;
    range.to = Time(day(2026, 3, 4)) * kSecondsPerDay;  // R1 and R2
    const Metrics m = d.run(range);
    EXPECT_EQ(m.backlog.total, 3u);
    EXPECT_EQ(m.backlog.open, 2u);
    EXPECT_TRUE(m.backlog.daily.empty());
    EXPECT_EQ(m.satisfaction.overall.responses, 0u);
    EXPECT_EQ(
        rollup_filter_note(range),
        "Over a time range rollups give case counts only, of the whole UTC days starting in it: flows and "
        "satisfaction need raw cases.");

    Filter owner;
    owner.owner = {d.pool.intern("ann")};
    owner.text = "mail";
    EXPECT_EQ(d.run(owner).backlog.total, 10u);
    EXPECT_EQ(rollup_ignored_filters(owner), (std::vector<std::string>{"owner", "text"}));
    EXPECT_EQ(rollup_filter_note(owner),
              "The owner, text filters do not apply to rollups (they hold no such field).");
    EXPECT_EQ(rollup_filter_note(Filter{}), "");
}

}  // namespace cb
