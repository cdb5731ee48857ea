// generate.h: a synthetic but realistic support organisation written as Caseboard feeds (docs/feeds.md).
//
// Writes six files into a folder: feeds.json (the manifest), cases.json, surveys.json, plans.json,
// sla_policies.json and calendars.json. The output is a pure function of (cases, seed, as_of,
// surveys_per_case): the PRNG is our own and no std:: distribution or libm transcendental is used, so the
// same options give byte-identical files natively and in WebAssembly. Cases and surveys are streamed to
// disk through small buffers, so a million cases need little memory.
#pragma once

#include <cstdint>
#include <string>

#include "model.h"

namespace cb {

// 2026-11-30T16:00:00Z: the fixed default "now" of generated data, so the bundled demo is reproducible.
constexpr Time kDefaultGenerateAsOf = 1796054400;

struct GenerateOptions {
    uint64_t cases = 3000;
    uint64_t seed = 42;
    Time as_of = kDefaultGenerateAsOf;  // cases arrive over the ~180 days before this instant
    double surveys_per_case = 0.30;     // chance that a resolved or closed case gets a survey (0..1)
};

struct GenerateSummary {
    int files = 0;
    uint64_t cases = 0, open_cases = 0, surveys = 0, plans = 0;
    uint64_t bytes = 0;  // all files together
};

// Creates out_dir if needed. False with a plain-words message when a file cannot be written or an option
// is out of range (cases 1..50,000,000; surveys_per_case 0..1; as_of in 2000..2099).
bool generate_dataset(const GenerateOptions& options, const std::string& out_dir, std::string* error,
                      GenerateSummary* summary);

}  // namespace cb
