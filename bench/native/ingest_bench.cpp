// ingest_bench.cpp: ingestion throughput of a generated cases feed through FeedIngest, fed in 1 MiB chunks
// as the browser's fetch delivers it, and the memory held per case afterwards (columns + string pool).
//
// One benchmark per dataset folder (`caseboard generate` output): CASEBOARD_BENCH_DIRS, colon-separated
// (bench/run.mjs sets it), else ~/.cache/caseboard/bench/100000 and .../1000000 when they exist.
// main() comes from metrics_bench.cpp (BENCHMARK_MAIN).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "feeds.h"
#include "string_pool.h"

namespace {

constexpr size_t kChunk = size_t(1) << 20;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> bench_dirs() {
    std::vector<std::string> dirs;
    if (const char* list = std::getenv("CASEBOARD_BENCH_DIRS")) {
        std::stringstream ss(list);
        for (std::string dir; std::getline(ss, dir, ':');)
            if (!dir.empty()) dirs.push_back(dir);
        return dirs;
    }
    const char* home = std::getenv("HOME");
    const std::string cache = std::string(home ? home : "/tmp") + "/.cache/caseboard/bench/";
    for (const char* n : {"100000", "1000000"})
        if (std::ifstream(cache + n + "/cases.json").good()) dirs.push_back(cache + n);
    return dirs;
}

void ingest_cases(benchmark::State& state, const std::string& path) {
    const std::string bytes = read_file(path);
    if (bytes.empty()) {
        state.SkipWithError("the cases feed is missing or empty");
        return;
    }
    cb::FeedSpec spec;
    spec.name = "cases";
    spec.kind = cb::FeedKind::Cases;
    spec.url = "cases.json";
    uint64_t records = 0;
    size_t held = 0;
    for (auto _ : state) {
        cb::StringPool pool;
        cb::FeedIngest ingest(spec, pool);
        for (size_t at = 0; at < bytes.size(); at += kChunk)
            ingest.feed(std::string_view(bytes).substr(at, kChunk));
        if (!ingest.finish()) {
            state.SkipWithError(ingest.report().fatal.c_str());
            return;
        }
        records = ingest.report().records;
        held = ingest.data().cases.bytes_held() + pool.bytes_held();
        benchmark::DoNotOptimize(held);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
    state.counters["cases"] = static_cast<double>(records);
    state.counters["bytes_per_case"] = records ? static_cast<double>(held) / static_cast<double>(records) : 0;
}

// Registered at start-up, one per folder found: BM_IngestCases/<folder name>.
const int registered = [] {
    for (const std::string& dir : bench_dirs()) {
        const std::string name = "BM_IngestCases/" + dir.substr(dir.find_last_of('/') + 1);
        // CPU time, not wall time: ingestion is single-threaded, and a busy machine should not change MB/s.
        benchmark::RegisterBenchmark(name.c_str(), ingest_cases, dir + "/cases.json")
            ->Unit(benchmark::kMillisecond);
    }
    return 0;
}();

}  // namespace
