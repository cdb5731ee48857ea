// bench_data.h: the synthetic dataset the native benchmarks run on, generated once into a cache folder.
//
// `caseboard generate` output (src/core/generate.h) is written to /tmp/caseboard_bench_<cases>_<seed> the
// first time and then only loaded, through the same feed ingestion and assembly as the dashboard.
// CASEBOARD_BENCH_CASES overrides the default 1,000,000 cases.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "feeds.h"
#include "generate.h"
#include "model.h"

// GCC 12 at -O3 reports the initializer_list of SlaPolicySet::pausing_statuses as maybe-uninitialized
// when FeedData's constructor is inlined here (a false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace cb_bench {

struct BenchData {
    cb::FeedSet feeds;
    cb::Dataset data;
    cb::Time as_of = cb::kDefaultGenerateAsOf;
};

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// ~0.3 surveys per case overall: generated surveys go to resolved and closed cases only.
inline std::unique_ptr<BenchData> load_bench_data(uint64_t default_cases = 1000000, uint64_t seed = 7) {
    const char* env = std::getenv("CASEBOARD_BENCH_CASES");
    cb::GenerateOptions gen;
    gen.cases = env ? std::strtoull(env, nullptr, 10) : default_cases;
    gen.seed = seed;
    gen.surveys_per_case = 0.36;
    const std::string dir = "/tmp/caseboard_bench_" + std::to_string(gen.cases) + "_" + std::to_string(seed);
    std::string error;
    if (read_all(dir + "/feeds.json").empty()) {
        cb::GenerateSummary summary;
        if (!cb::generate_dataset(gen, dir, &error, &summary)) {
            std::fprintf(stderr, "generate: %s\n", error.c_str());
            std::exit(1);
        }
    }
    auto out = std::make_unique<BenchData>();
    cb::Manifest manifest;
    if (!cb::parse_manifest(read_all(dir + "/feeds.json"), &manifest, &error)) {
        std::fprintf(stderr, "manifest: %s\n", error.c_str());
        std::exit(1);
    }
    for (const cb::FeedSpec& spec : manifest.feeds) {
        cb::FeedData feed;
        cb::FeedReport report =
            cb::ingest_feed(spec, read_all(dir + "/" + spec.url), out->feeds.pool(), &feed);
        out->feeds.store(spec, std::move(report), std::make_unique<cb::FeedData>(std::move(feed)));
    }
    out->feeds.assemble(&out->data);
    out->as_of = gen.as_of;
    return out;
}

}  // namespace cb_bench
