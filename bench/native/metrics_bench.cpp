// metrics_bench.cpp: one full metrics recompute after a filter change, on 1,000,000 generated cases.
//
// Each benchmark times compute_metrics alone (SLA clocks and the MetricsIndex are computed once, as
// update_board does when only the filter changes). Scenarios: no filter (cached in the index, and cold), one
// queue, one severity, a free-text filter, and the verbatim term statistics on or off.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "metrics.h"

namespace {

using namespace cb;

struct Fixture {
    std::unique_ptr<cb_bench::BenchData> bench = cb_bench::load_bench_data();
    SlaResults sla;
    MetricsIndex index;
    Metrics metrics;
    Fixture() {
        compute_sla(bench->data, bench->as_of, &sla);
        build_metrics_index(bench->data, &index);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void recompute(benchmark::State& state, const Filter& filter, bool terms) {
    Fixture& f = fixture();
    MetricsOptions opt;
    opt.verbatim_terms = terms;
    for (auto _ : state) {
        compute_metrics(f.bench->data, f.index, f.sla, filter, f.bench->as_of, opt, &f.metrics);
        benchmark::DoNotOptimize(f.metrics.rows.data());
    }
    state.counters["cases"] = static_cast<double>(f.metrics.rows.size());
    state.counters["surveys"] = static_cast<double>(f.metrics.satisfaction.survey_rows.size());
}

void BM_Unfiltered(benchmark::State& state) {
    recompute(state, Filter{}, true);
}
// The first unfiltered recompute after a data or "as of" change (later ones copy the index's cached figures).
void BM_UnfilteredCold(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) {
        f.index.unfiltered = UnfilteredCache{};
        compute_metrics(f.bench->data, f.index, f.sla, Filter{}, f.bench->as_of, MetricsOptions{},
                        &f.metrics);
    }
}
void BM_UnfilteredNoTerms(benchmark::State& state) {
    recompute(state, Filter{}, false);
}
void BM_OneQueue(benchmark::State& state) {
    Filter f;
    f.queue = {fixture().bench->data.cases.queue[0]};
    recompute(state, f, true);
}
void BM_SeverityA(benchmark::State& state) {
    Filter f;
    f.severity = {Severity::A};
    recompute(state, f, true);
}
void BM_Text(benchmark::State& state) {
    Filter f;
    f.text = "Outlook";
    recompute(state, f, true);
}
void BM_TextNoTerms(benchmark::State& state) {
    Filter f;
    f.text = "Outlook";
    recompute(state, f, false);
}

// Once per data version: what a recompute no longer pays.
void BM_BuildIndex(benchmark::State& state) {
    Fixture& f = fixture();
    MetricsIndex index;
    for (auto _ : state) build_metrics_index(f.bench->data, &index);
}
// The dashboard's backlog view alone (other sections switched off).
void BM_BacklogOnly(benchmark::State& state) {
    Fixture& f = fixture();
    MetricsOptions opt;
    opt.sla = opt.satisfaction = opt.drivers = opt.verbatims = opt.plans = false;
    for (auto _ : state)
        compute_metrics(f.bench->data, f.index, f.sla, Filter{}, f.bench->as_of, opt, &f.metrics);
}

BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BacklogOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Unfiltered)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UnfilteredCold)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UnfilteredNoTerms)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OneQueue)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SeverityA)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Text)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextNoTerms)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
