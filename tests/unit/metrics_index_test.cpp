// metrics_index_test.cpp: the MetricsIndex paths give the same figures as the direct definitions.
#include <gtest/gtest.h>
#include <unistd.h>

#include <memory>

#include "feeds.h"
#include "generate.h"
#include "group_rows.h"
#include "metrics_counts.h"
#include "metrics_dump.h"
#include "metrics_test_data.h"
#include "test_files.h"

// GCC 12 at -O3 reports SlaPolicySet's initializer_list as maybe-uninitialized when FeedData's constructor
// is inlined (a false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace {

using namespace cb;
using cb_test::dump_metrics;

using cb_test::read_file;

// 2,000 generated cases, loaded through the feeds like the dashboard does.
struct Generated {
    FeedSet feeds;
    Dataset data;
    SlaResults sla;
    Time as_of = kDefaultGenerateAsOf;
    Generated() {
        GenerateOptions gen;
        gen.cases = 2000;
        gen.seed = 5;
        // One folder per process: ctest runs the tests of this file in parallel processes.
        const std::string dir = "/tmp/caseboard_metrics_index_test_" + std::to_string(::getpid());
        std::string error;
        GenerateSummary summary;
        EXPECT_TRUE(generate_dataset(gen, dir, &error, &summary)) << error;
        Manifest manifest;
        EXPECT_TRUE(parse_manifest(read_file(dir + "/feeds.json"), &manifest, &error)) << error;
        for (const FeedSpec& spec : manifest.feeds) {
            FeedData feed;
            FeedReport report = ingest_feed(spec, read_file(dir + "/" + spec.url), feeds.pool(), &feed);
            feeds.store(spec, std::move(report), std::make_unique<FeedData>(std::move(feed)));
        }
        feeds.assemble(&data);
        compute_sla(data, as_of, &sla);
    }
    Filter filter(const std::vector<std::string>& args) {
        Filter f;
        std::string error;
        for (const std::string& a : args) EXPECT_TRUE(apply_filter_arg(a, feeds.pool(), &f, &error)) << error;
        return f;
    }
};

Generated& generated() {
    static Generated g;
    return g;
}

// Computes the figures through the index into *reused, expects them equal to a fresh computation's
// (without the index), and returns the fresh one.
Metrics expect_same_as_fresh(const Generated& g, const MetricsIndex& index, const SlaResults& sla,
                             const Filter& f, Time as_of, const MetricsOptions& options, Metrics* reused) {
    Metrics fresh;
    compute_metrics(g.data, sla, f, as_of, options, &fresh);
    compute_metrics(g.data, index, sla, f, as_of, options, reused);
    EXPECT_EQ(dump_metrics(*reused), dump_metrics(fresh));
    return fresh;
}

TEST(MetricsIndex, ReusedIndexAndMetricsGiveTheFiguresOfAFreshComputation) {
    Generated& g = generated();
    ASSERT_EQ(g.data.cases.count, 2000u);
    ASSERT_GT(g.data.surveys.count, 100u);
    const StringPool& pool = g.feeds.pool();
    const std::string queue(pool.view(g.data.cases.queue[0])), customer(pool.view(g.data.cases.customer[1]));
    const std::vector<Filter> filters = {
        g.filter({}),
        g.filter({"queue=" + queue}),
        g.filter({"severity=A"}),
        g.filter({"text=a"}),
        g.filter({"customer=" + customer, "from=2026-09-01"}),
        g.filter({"customer=" + customer, "queue=" + queue}),  // the plans of the filter before, kept
        g.filter({"status=new,in_progress", "severity=B,C"}),
    };
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    Metrics reused;
    for (const Filter& f : filters) {
        Metrics fresh = expect_same_as_fresh(g, index, g.sla, f, g.as_of, MetricsOptions{}, &reused);
        EXPECT_GT(fresh.rows.size(), 0u);
    }
}

// One-key filters select from the index's per-key row lists; several keys start from the shortest list.
TEST(MetricsIndex, KeyRowListsGiveTheFiguresOfAFreshComputation) {
    Generated& g = generated();
    const StringPool& pool = g.feeds.pool();
    const CaseTable& c = g.data.cases;
    auto name = [&](StrId id) { return std::string(pool.view(id)); };
    const std::vector<Filter> filters = {
        g.filter({"offering=" + name(c.offering[3])}),
        g.filter({"queue=" + name(c.queue[5])}),
        g.filter({"product=" + name(c.product[7])}),
        g.filter({"customer=" + name(c.customer[9])}),
        g.filter({"owner=" + name(c.owner[11])}),
        g.filter({"severity=B"}),
        g.filter({"queue=" + name(c.queue[5]), "severity=C"}),
        g.filter({"queue=" + name(c.queue[5]), "product=" + name(c.product[5]), "text=e"}),
        g.filter({"queue=" + name(c.queue[5]) + "," + name(c.queue[6]), "status=closed"}),
    };
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    Metrics reused;
    for (const Filter& f : filters) {
        expect_same_as_fresh(g, index, g.sla, f, g.as_of, MetricsOptions{}, &reused);
        std::vector<uint32_t> plain;
        select_cases(g.data, f, &plain);
        EXPECT_EQ(reused.rows, plain);
        EXPECT_GT(plain.size(), 0u);
        EXPECT_LT(plain.size(), c.count);
    }
    Filter no_such_queue;  // a string of the data that is no case's queue: nothing selected
    no_such_queue.queue = {c.id[0]};
    compute_metrics(g.data, index, g.sla, no_such_queue, g.as_of, MetricsOptions{}, &reused);
    EXPECT_TRUE(reused.rows.empty());
    EXPECT_EQ(reused.backlog.total, 0u);
}

// The empty filter's figures are cached in the index: back to "everything" after another filter, with
// other options, another "as of" time or other SLA results, the figures are those of a fresh computation.
TEST(MetricsIndex, RepeatedUnfilteredRecomputeGivesTheFiguresOfAFreshComputation) {
    Generated& g = generated();
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    MetricsOptions backlog_only;
    backlog_only.sla = backlog_only.satisfaction = backlog_only.drivers = false;
    const Time later = g.as_of + 86400;
    SlaResults sla_later;
    compute_sla(g.data, later, &sla_later);
    struct Step {
        Filter filter;
        const SlaResults* sla;
        Time as_of;
        MetricsOptions options;
    };
    const std::vector<Step> steps = {
        {Filter{}, &g.sla, g.as_of, MetricsOptions{}},   {Filter{}, &g.sla, g.as_of, MetricsOptions{}},
        {g.filter({"severity=A"}), &g.sla, g.as_of, {}}, {Filter{}, &g.sla, g.as_of, MetricsOptions{}},
        {Filter{}, &g.sla, g.as_of, backlog_only},       {Filter{}, &g.sla, later, MetricsOptions{}},
        {Filter{}, &sla_later, later, MetricsOptions{}}, {Filter{}, &g.sla, g.as_of, MetricsOptions{}},
    };
    Metrics reused;
    for (const Step& s : steps) {
        Metrics fresh = expect_same_as_fresh(g, index, *s.sla, s.filter, s.as_of, s.options, &reused);
        EXPECT_EQ(reused.rows, fresh.rows);
    }
    EXPECT_EQ(reused.rows.size(), g.data.cases.count);
    EXPECT_GT(reused.sla.breached_cases, 0u);
}

TEST(MetricsIndex, TextFilterThroughTheIndexSelectsTheRowsOfThePlainSearch) {
    Generated& g = generated();
    TextIndex text;
    build_text_index(g.data, &text);
    TextSearch search;
    for (const char* needle : {"a", "OUTLOOK", "cs-", "zz-not-there", "e ", "1"}) {
        Filter f;
        f.text = needle;
        std::vector<uint32_t> plain, indexed;
        select_cases(g.data, f, &plain);
        search_text(g.data, text, needle, &search);
        EXPECT_TRUE(search.searched);
        select_cases(g.data, f, &indexed, &search);
        EXPECT_EQ(indexed, plain) << needle;
    }
}

// Median and p90 from the index's ranks equal quantile_inplace over the selected rows' hours.
TEST(MetricsIndex, DurationQuantilesOfASelectionMatchTheDirectDefinition) {
    Generated& g = generated();
    const CaseTable& c = g.data.cases;
    Metrics m;
    for (const Filter& f : {g.filter({"severity=B"}), g.filter({}), g.filter({"text=zz-not-there"})}) {
        compute_metrics(g.data, g.sla, f, g.as_of, MetricsOptions{}, &m);
        std::vector<float> first_response, resolution;
        for (uint32_t r : m.rows) {
            if (has_time(c.first_response_at[r]))
                first_response.push_back(duration_hours(c.created_at[r], c.first_response_at[r]));
            if (!is_open(c.status[r]) && c.status[r] != CaseStatus::Cancelled)
                resolution.push_back(duration_hours(c.created_at[r], case_end_time(c, r)));
        }
        EXPECT_EQ(m.backlog.first_response.n, first_response.size());
        EXPECT_EQ(m.backlog.resolution.n, resolution.size());
        auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
        EXPECT_TRUE(same(m.backlog.first_response.median_hours, quantile_inplace(&first_response, 0.5)));
        EXPECT_TRUE(same(m.backlog.first_response.p90_hours, quantile_inplace(&first_response, 0.9)));
        EXPECT_TRUE(same(m.backlog.resolution.median_hours, quantile_inplace(&resolution, 0.5)));
        EXPECT_TRUE(same(m.backlog.resolution.p90_hours, quantile_inplace(&resolution, 0.9)));
    }
}

TEST(MetricsIndex, SectionsSwitchedOffAreClearedAndTheOthersUnchanged) {
    Generated& g = generated();
    Metrics all, backlog_only;
    compute_metrics(g.data, g.sla, Filter{}, g.as_of, MetricsOptions{}, &all);
    MetricsOptions opt;
    opt.sla = opt.satisfaction = opt.drivers = opt.verbatims = opt.plans = false;
    compute_metrics(g.data, g.sla, Filter{}, g.as_of, MetricsOptions{}, &backlog_only);
    compute_metrics(g.data, g.sla, Filter{}, g.as_of, opt, &backlog_only);  // must clear, not keep
    EXPECT_EQ(backlog_only.backlog.open, all.backlog.open);
    EXPECT_EQ(backlog_only.backlog.first_response.median_hours, all.backlog.first_response.median_hours);
    EXPECT_EQ(backlog_only.sla.breached_cases, 0u);
    EXPECT_TRUE(backlog_only.sla.by_queue.empty());
    EXPECT_EQ(backlog_only.satisfaction.overall.responses, 0u);
    EXPECT_EQ(backlog_only.satisfaction.survey_rows, all.satisfaction.survey_rows);  // always selected
    EXPECT_EQ(backlog_only.drivers.responses, 0u);
    EXPECT_TRUE(backlog_only.verbatims.dissatisfied_terms.empty());
    EXPECT_TRUE(backlog_only.plans.plans.empty());
    EXPECT_GT(all.sla.breached_cases, 0u);
    EXPECT_GT(all.satisfaction.overall.responses, 0u);
}

// An index built for other data (here: before two cases were added) is not trusted: compute_metrics
// builds its own, and the figures count the new cases.
TEST(MetricsIndex, StaleIndexIsRebuiltForTheCall) {
    using cb_test::t;
    cb_test::TestData d;
    d.add_case("C1", t(0), CaseStatus::New, "Net");
    MetricsIndex stale;
    build_metrics_index(d.data, &stale);
    d.add_case("C2", t(1), CaseStatus::New, "Db");
    d.add_case("C3", t(2), CaseStatus::Closed, "Db");
    Metrics m;
    compute_metrics(d.data, stale, SlaResults{}, Filter{}, t(3), MetricsOptions{}, &m);
    EXPECT_EQ(m.backlog.open, 2u);
    ASSERT_EQ(m.backlog.open_by_queue.size(), 2u);
    EXPECT_EQ(m.backlog.open_by_queue[0].total, 1u);
    EXPECT_EQ(d.pool.view(m.backlog.open_by_queue[0].queue), "Db");  // ties by name
    EXPECT_EQ(m.backlog.resolution.n, 1u);
    EXPECT_DOUBLE_EQ(m.backlog.resolution.median_hours, 0.0);  // no end time recorded: end = created
}

}  // namespace

// The live minute tick moves the same data to a later time: advance_sla recomputes only the cases whose
// clocks can still change, and must give exactly what a full computation gives.
TEST(SlaAdvance, GivesTheClocksOfAFullComputationAtTheLaterTime) {
    const Generated& g = generated();
    const SlaPolicySet& policies = g.data.sla;
    ASSERT_FALSE(policies.targets.empty());
    for (Time step : {Time(60), Time(3600), Time(3 * kSecondsPerDay)}) {
        SlaResults advanced;
        compute_sla(g.data, policies, g.as_of - 3 * kSecondsPerDay, &advanced);
        const size_t changing_before = advanced.changing_rows.size();
        EXPECT_LT(changing_before, g.data.cases.count / 2);  // closed cases are left alone
        advance_sla(g.data, policies, g.as_of - 3 * kSecondsPerDay + step, &advanced);
        SlaResults full;
        compute_sla(g.data, policies, g.as_of - 3 * kSecondsPerDay + step, &full);
        EXPECT_EQ(advanced.as_of, full.as_of);
        for (int m = 0; m < kSlaMetrics; ++m) {
            EXPECT_EQ(advanced.clocks[m].state, full.clocks[m].state) << "metric " << m << " step " << step;
            EXPECT_EQ(advanced.clocks[m].elapsed_s, full.clocks[m].elapsed_s);
            EXPECT_EQ(advanced.clocks[m].deadline, full.clocks[m].deadline);
            EXPECT_EQ(advanced.clocks[m].target_s, full.clocks[m].target_s);
            EXPECT_EQ(advanced.clocks[m].business_hours, full.clocks[m].business_hours);
        }
        EXPECT_EQ(advanced.changing_rows, full.changing_rows);
        EXPECT_LE(advanced.changing_rows.size(), changing_before);
    }
}

TEST(SlaAdvance, AnEarlierTimeOrOtherDataComputesInFull) {
    const Generated& g = generated();
    SlaResults results, full;
    compute_sla(g.data, g.data.sla, g.as_of, &results);
    advance_sla(g.data, g.data.sla, g.as_of - kSecondsPerDay, &results);  // backwards: in full
    compute_sla(g.data, g.data.sla, g.as_of - kSecondsPerDay, &full);
    EXPECT_EQ(results.clocks[2].state, full.clocks[2].state);
    EXPECT_EQ(results.changing_rows, full.changing_rows);
    SlaResults empty;  // nothing computed yet: in full
    advance_sla(g.data, g.data.sla, g.as_of, &empty);
    EXPECT_EQ(empty.clocks[0].deadline.size(), g.data.cases.count);
}

// Only as_of moves (the live minute tick): the selection, satisfaction and verbatims are kept, everything
// else recomputed; the figures must be those of a fresh computation at the new time, also after the empty
// filter's figures were copied from the cache in between.
TEST(MetricsIndex, MovingOnlyAsOfGivesTheFiguresOfAFreshComputation) {
    Generated& g = generated();
    const std::string queue(g.feeds.pool().view(g.data.cases.queue[0]));
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    Metrics reused;
    const Filter by_queue = g.filter({"queue=" + queue}), none = g.filter({});
    const Filter broad = g.filter({"status=closed,new"});  // its cells less the rows it leaves out
    SlaResults sla = g.sla;
    for (Time step : {Time(0), Time(60), Time(7200)}) {
        const Time at = g.as_of + step;
        advance_sla(g.data, g.data.sla, at, &sla);
        expect_same_as_fresh(g, index, sla, none, at, MetricsOptions{}, &reused);
        expect_same_as_fresh(g, index, sla, by_queue, at, MetricsOptions{}, &reused);
        expect_same_as_fresh(g, index, sla, none, at, MetricsOptions{}, &reused);  // from the cache
    }
    for (Time step : {Time(0), Time(60), Time(7200)}) {  // the same broad selection at later times
        const Time at = g.as_of + step;
        advance_sla(g.data, g.data.sla, at, &sla);
        expect_same_as_fresh(g, index, sla, broad, at, MetricsOptions{}, &reused);
    }
    expect_same_as_fresh(g, index, sla, by_queue, g.as_of + 9000, MetricsOptions{}, &reused);
}

// A time range holding every creation and submission restricts nothing: its figures are those of no range
// (it may sum cells). One second less at either end keeps less, and counts it the same either way.
TEST(MetricsIndex, ATimeRangeHoldingEverythingSelectsWhatNoRangeSelects) {
    Generated& g = generated();
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    ASSERT_TRUE(has_time(index.dated_first));
    Filter idle;
    idle.from = index.dated_first, idle.to = index.dated_last + 1;
    Metrics none, ranged;
    compute_metrics(g.data, index, g.sla, Filter{}, g.as_of, MetricsOptions{}, &none);
    compute_metrics(g.data, index, g.sla, idle, g.as_of, MetricsOptions{}, &ranged);
    EXPECT_EQ(dump_metrics(ranged), dump_metrics(none));
    Filter later = idle, earlier = idle;
    later.from += 1, earlier.to -= 1;
    MetricsOptions rows_counted;
    rows_counted.cell_counts = false;
    for (const Filter& f : {later, earlier}) {
        Metrics ours, counted;
        compute_metrics(g.data, index, g.sla, f, g.as_of, MetricsOptions{}, &ours);
        compute_metrics(g.data, index, g.sla, f, g.as_of, rows_counted, &counted);
        EXPECT_EQ(dump_metrics(ours), dump_metrics(counted));
        EXPECT_LT(ours.rows.size() + ours.satisfaction.survey_rows.size(),
                  none.rows.size() + none.satisfaction.survey_rows.size());
    }
}

// run_end steps over a run 64 entries at a time: runs of 1 to 200 rows (63, 64, 65 and 128 among them),
// with gaps of 1 and 2 rows between them, end where testing each entry says they do.
TEST(RowLists, RunEndFindsTheEndOfEachRunOfConsecutiveRows) {
    EXPECT_EQ(run_end({7}, 0), 1u);
    EXPECT_EQ(run_end({1, 2, 3, 5, 6, 9}, 0), 3u);
    EXPECT_EQ(run_end({1, 2, 3, 5, 6, 9}, 3), 5u);
    EXPECT_EQ(run_end({1, 2, 3, 5, 6, 9}, 5), 6u);
    std::vector<uint32_t> rows;
    uint32_t next = 0, run = 0;
    for (uint32_t length : {1u, 63u, 64u, 65u, 128u, 2u, 200u, 127u, 129u, 1u, 64u}) {
        for (uint32_t i = 0; i < length; ++i) rows.push_back(next++);
        next += 1 + run++ % 2;  // the gap before the next run: 1 or 2 rows
    }
    for (size_t a = 0; a < rows.size(); ++a) {
        size_t end = a + 1;
        while (end < rows.size() && rows[end] == rows[end - 1] + 1) ++end;
        ASSERT_EQ(run_end(rows, a), end) << "from entry " << a;
    }
}

// A filter on severity and offering sums the counts of its cells (metrics_counts.h), as does one on queues;
// other filters take their cells less the rows they leave out: the figures must be those of counting the
// rows, for every combination, after other filters, at other times and with other options (each a key of
// the cells' counts).
TEST(MetricsCells, SummedCellsGiveTheFiguresOfCountingTheRows) {
    Generated& g = generated();
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    ASSERT_GE(index.cells[kByKind].cells, 2u * kSeverities);  // the generator's offerings
    const StringPool& pool = g.feeds.pool();
    std::vector<std::string> offerings;
    for (StrId id : index.offering.keys) offerings.emplace_back(pool.view(id));
    std::vector<std::string> queues;
    for (StrId id : index.queue.keys) queues.emplace_back(pool.view(id));
    ASSERT_GE(index.cells[kByQueue].cells, 2u * kStatusClasses);
    std::vector<Filter> filters = {g.filter({}),
                                   g.filter({"severity=A"}),
                                   g.filter({"severity=B,C"}),
                                   g.filter({"offering=" + offerings[0] + "," + offerings[1]}),
                                   g.filter({"severity=C", "offering=" + offerings.back()}),
                                   g.filter({"offering=" + std::string(pool.view(g.data.cases.id[0]))}),
                                   g.filter({"queue=" + std::string(pool.view(g.data.cases.queue[0]))}),
                                   g.filter({"severity=A,B,C"})};
    for (const std::string& o : offerings) filters.push_back(g.filter({"offering=" + o}));
    // Whole status classes are cells too.
    filters.push_back(g.filter({"status=closed"}));
    filters.push_back(g.filter({"status=new,in_progress,waiting_customer,on_hold", "severity=B"}));
    filters.push_back(g.filter({"status=closed,resolved,cancelled", "offering=" + offerings[0]}));
    // Broad filters by other keys or part of a status class: their cells less the rows they leave out (a
    // few: counted directly).
    const std::string early = std::to_string((index.first_created_day + 20) * kSecondsPerDay);
    const std::string late = std::to_string(g.as_of - 5 * kSecondsPerDay);
    const std::string middle = std::to_string((index.first_created_day * kSecondsPerDay + g.as_of) / 2);
    const size_t direct_before = filters.size();
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"status=closed,resolved"},
                                               {"status=closed,new"},  // few of the soonest running clocks
                                               {"status=closed,resolved", "severity=C"},
                                               {"from=" + early},
                                               {"to=" + late, "offering=" + offerings[0]},
                                               {"text=e"},  // the search lists the cases lacking it
                                               {"text=e", "severity=B,C", "status=closed"},
                                               {"text=a", "from=" + early},  // those skipped, the rest walked
                                               // time ranges: their slabs less the rest of the first and last
                                               {"from=" + middle},
                                               {"to=" + middle},
                                               {"from=" + early, "to=" + late},
                                               {"from=" + early, "status=closed,new"},
                                               // queues: their cells, whole or less the rows left out
                                               {"queue=" + queues[0]},
                                               {"queue=" + queues[0] + "," + queues[1], "status=closed"},
                                               {"queue=" + queues[1], "status=closed,new"},
                                               {"queue=" + queues[0], "text=e"},
                                               {"queue=" + queues[0], "from=" + early},
                                               {"status=new"}})  // few rows: counted
        filters.push_back(g.filter(args));
    // Counted cell by cell (most rows of some cells kept, few of the others): the first four digits of the
    // case number of a case created a third of the way through ("YYMM"), which follow creation time, alone
    // and with other keys.
    const size_t by_cell_before = filters.size();
    const CaseTable& c = g.data.cases;
    uint32_t older = 0;  // a case created a third of the way through
    for (uint32_t r = 0; r < c.count; ++r)
        if (std::abs(c.created_at[r] - (2 * index.first_created_day * kSecondsPerDay + g.as_of) / 3) <
            std::abs(c.created_at[older] - (2 * index.first_created_day * kSecondsPerDay + g.as_of) / 3))
            older = r;
    const std::string digits(pool.view(c.id[older]).substr(0, 4));
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"text=" + digits}, {"text=" + digits, "status=closed"}, {"text=" + digits, "severity=B,C"}})
        filters.push_back(g.filter(args));
    // Counted row by row, with the lists of clocks of a broad selection: texts a third of the cases hold
    // in every cell.
    const size_t row_by_row_before = filters.size();
    for (const char* text : {"text=lo", "text=in", "text=on"}) filters.push_back(g.filter({text}));
    MetricsOptions small;  // lists shorter than a cell's, series shorter than the data
    small.oldest_open = 3, small.list_limit = 2, small.max_series_days = 20, small.nearing_hours = 200;
    MetricsOptions sections_off;
    sections_off.sla = sections_off.drivers = false;
    MetricsOptions query;
    query.verbatim_query = "e", query.verbatim_min_csat = 2;
    MetricsOptions unlimited;  // daily series as long as the data, not as the limit
    unlimited.max_series_days = INT32_MAX;
    SlaResults sla = g.sla;
    Metrics reused;
    for (const MetricsOptions& base : {MetricsOptions{}, small, sections_off, query, unlimited})
        for (Time step : {Time(0), Time(3 * 3600)}) {  // the later time recounts only what depends on it
            advance_sla(g.data, g.data.sla, g.as_of + step, &sla);
            for (const Filter& f : filters) {
                MetricsOptions rows_counted = base;
                rows_counted.cell_counts = false;
                Metrics counted;
                compute_metrics(g.data, index, sla, f, g.as_of + step, rows_counted, &counted);
                compute_metrics(g.data, index, sla, f, g.as_of + step, base, &reused);
                EXPECT_EQ(dump_metrics(reused), dump_metrics(counted));
                // The oldest open cases, whether found in the index's order or sorted: by creation, then id.
                std::vector<uint32_t> oldest = counted.open_rows;
                std::sort(oldest.begin(), oldest.end(), [&](uint32_t x, uint32_t y) {
                    return std::make_pair(c.created_at[x], pool.view(c.id[x])) <
                           std::make_pair(c.created_at[y], pool.view(c.id[y]));
                });
                oldest.resize(std::min<size_t>(oldest.size(), base.oldest_open));
                EXPECT_EQ(counted.backlog.oldest_open, oldest);
                if (base.max_series_days == INT32_MAX && f == filters.front()) {  // from the first case's day
                    ASSERT_FALSE(counted.backlog.daily.empty());
                    EXPECT_EQ(counted.backlog.daily.front().day, index.first_created_day);
                    EXPECT_EQ(counted.backlog.daily.back().day, day_of(g.as_of + step));
                }
                const long at = &f - filters.data();
                ASSERT_TRUE(reused.scratch.counts);
                const CountsScratch& counts = *reused.scratch.counts;
                if (at >= static_cast<long>(direct_before) && at + 1 < static_cast<long>(by_cell_before)) {
                    size_t fewest_left = SIZE_MAX;  // this call's rows left out: those of the better split
                    for (CellSplit split : {kByKind, kByTime, kByQueue}) {
                        std::vector<uint8_t> mask;
                        cells_of_filter(index, split, f, &mask);
                        const size_t left = rows_in_cells(index.cells[split], mask) - reused.rows.size();
                        if (split == kByKind || (split == kByTime && (has_time(f.from) || has_time(f.to))) ||
                            (split == kByQueue && !f.queue.empty()))
                            fewest_left = std::min(fewest_left, left);
                    }
                    // Either the rows left out of the cells of that split, or cell by cell fewer.
                    const size_t left = counts.left_rows.size(), outside = counts.outside_rows.size();
                    if (outside == 0) {
                        EXPECT_EQ(left, fewest_left) << at;
                    }
                    EXPECT_LE(left + outside, fewest_left) << at;
                    EXPECT_LT(left + outside, reused.rows.size());
                    if (!f.text.empty()) {
                        EXPECT_EQ(reused.scratch.text.kind, TextSearch::kLacking) << f.text;
                    }
                }
                if (at >= static_cast<long>(by_cell_before) && at < static_cast<long>(row_by_row_before)) {
                    EXPECT_FALSE(counts.outside_rows.empty()) << at;
                    EXPECT_LT(counts.left_rows.size() + counts.outside_rows.size(), reused.rows.size() / 2)
                        << at;
                }
                if (f.queue.empty() && !counted.rows.empty()) {  // the cells were counted for this call
                    const CellCounts& by_kind = reused.scratch.counts->cells[kByKind];
                    EXPECT_EQ(by_kind.cells.size(), index.cells[kByKind].cells);
                    EXPECT_EQ(by_kind.as_of, g.as_of + step);
                }
            }
        }
}

// The time split: slabs of about equally many cases, each holding the cases created within its times; a
// time range sums the slabs it meets and leaves out no more than the rest of its first and last slab.
TEST(MetricsCells, TimeSlabsHoldTheCasesCreatedInThemAndARangeLeavesOutTheRestOfTwo) {
    Generated& g = generated();
    MetricsIndex index;
    build_metrics_index(g.data, &index);
    const std::vector<Time>& start = index.slab_start;
    const CellIndex& by_time = index.cells[kByTime];
    ASSERT_GE(start.size(), kTimeSlabs / 2);
    ASSERT_LE(start.size(), kTimeSlabs);
    EXPECT_EQ(start.front(), kNoTime);
    EXPECT_TRUE(std::is_sorted(start.begin(), start.end()));
    ASSERT_EQ(by_time.cells, kStatusClasses * start.size());
    // Assembled data is in few runs of creation order: time ranges select by them (select_time_range).
    EXPECT_FALSE(index.created_runs.empty());
    std::vector<size_t> per_slab(start.size());
    for (uint32_t r = 0; r < g.data.cases.count; ++r) {
        const uint32_t cell = by_time.case_cell[r] & ~kCellOpen, slab = cell / kStatusClasses;
        ++per_slab[slab];
        EXPECT_EQ(cell % kStatusClasses, status_class(g.data.cases.status[r]));
        EXPECT_GE(g.data.cases.created_at[r], start[slab]);
        if (slab + 1 < start.size()) {
            EXPECT_LT(g.data.cases.created_at[r], start[slab + 1]);
        }
    }
    const size_t even = g.data.cases.count / start.size();
    for (size_t n : per_slab) EXPECT_TRUE(n > even / 2 && n < 2 * even) << n << " cases, not about " << even;

    Filter range;  // from inside slab 5 to inside slab 20
    range.from = start[5] + 1, range.to = start[20] + 1;
    Metrics ours;
    compute_metrics(g.data, index, g.sla, range, g.as_of, MetricsOptions{}, &ours);
    std::vector<uint8_t> mask;
    cells_of_filter(index, kByTime, range, &mask);
    for (uint32_t cell = 0; cell < by_time.cells; ++cell)
        EXPECT_EQ(mask[cell], cell / kStatusClasses >= 5 && cell / kStatusClasses <= 20) << cell;
    EXPECT_EQ(ours.scratch.counts->cells[kByTime].cells.size(), by_time.cells);  // summed
    EXPECT_LE(ours.scratch.counts->left_rows.size(), per_slab[5] + per_slab[20]);
    EXPECT_EQ(ours.scratch.counts->left_rows.size(), rows_in_cells(by_time, mask) - ours.rows.size());
}
