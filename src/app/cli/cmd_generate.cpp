// caseboard generate: writes a synthetic support organisation's feeds and manifest into a folder.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "commands.h"
#include "core/generate.h"
#include "core/timestamp.h"

static const char kUsage[] =
    "usage: caseboard generate --cases N --seed S --out DIR [--as-of TIME] [--surveys-per-case F]\n"
    "  --cases N             number of cases (1..50000000)\n"
    "  --seed S              any unsigned integer; same seed and as-of give byte-identical files\n"
    "  --out DIR             folder for feeds.json, cases.json, surveys.json, plans.json,\n"
    "                        sla_policies.json, calendars.json (created if missing)\n"
    "  --as-of TIME          the data's \"now\"; cases arrive over the 180 days before it\n"
    "                        (default 2026-11-30T16:00:00Z)\n"
    "  --surveys-per-case F  chance that a resolved or closed case gets a survey (default 0.30)\n";

static bool parse_u64(const char* s, uint64_t* out) {
    if (!s || !*s || *s == '-') return false;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(s, &end, 10);
    if (*end) return false;
    *out = v;
    return true;
}

int cmd_generate(int argc, char** argv) {
    cb::GenerateOptions options;
    std::string out_dir;
    bool have_cases = false, have_seed = false;
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        bool ok = value != nullptr;
        if (!std::strcmp(arg, "--help") || !std::strcmp(arg, "-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!std::strcmp(arg, "--cases")) {
            ok = ok && parse_u64(value, &options.cases);
            have_cases = ok;
        } else if (!std::strcmp(arg, "--seed")) {
            ok = ok && parse_u64(value, &options.seed);
            have_seed = ok;
        } else if (!std::strcmp(arg, "--out")) {
            if (ok) out_dir = value;
        } else if (!std::strcmp(arg, "--as-of")) {
            ok = ok && cb::parse_timestamp(value, &options.as_of, true);
        } else if (!std::strcmp(arg, "--surveys-per-case")) {
            char* end = nullptr;
            options.surveys_per_case = ok ? std::strtod(value, &end) : 0.0;
            ok = ok && end != value && *end == 0;
        } else {
            std::fprintf(stderr, "caseboard generate: unknown option '%s'\n%s", arg, kUsage);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "caseboard generate: %s needs a valid value\n%s", arg, kUsage);
            return 2;
        }
        ++i;
    }
    if (!have_cases || !have_seed || out_dir.empty()) {
        std::fprintf(stderr, "caseboard generate: --cases, --seed and --out are required\n%s", kUsage);
        return 2;
    }

    const auto start = std::chrono::steady_clock::now();
    cb::GenerateSummary summary;
    std::string error;
    if (!cb::generate_dataset(options, out_dir, &error, &summary)) {
        std::fprintf(stderr, "caseboard generate: %s\n", error.c_str());
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "generate: %d files in %s, %llu cases (%llu open), %llu surveys, %llu plans, %llu bytes, %.2f s\n",
        summary.files, out_dir.c_str(), static_cast<unsigned long long>(summary.cases),
        static_cast<unsigned long long>(summary.open_cases), static_cast<unsigned long long>(summary.surveys),
        static_cast<unsigned long long>(summary.plans), static_cast<unsigned long long>(summary.bytes),
        seconds);
    return 0;
}
