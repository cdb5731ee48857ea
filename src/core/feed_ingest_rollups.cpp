// Rollups: one record -> one row of pre-aggregated counts (docs/feeds.md, "Rollups").
#include "feed_ingest_map.h"
#include "stats.h"

namespace cb {

const char* const kRollupCountNames[kRollupCounts] = {
    "arrivals",   "open",           "closures",     "responses", "csat_n",     "csat_sum",
    "csat_sumsq", "top2",           "dissatisfied", "effort_n",  "effort_sum", "effort_sumsq",
    "low_effort", "resolved_known", "resolved_yes", "nps_n",     "promoters",  "detractors"};

namespace {

// A count that is part of another can never exceed it (scale: the largest score, for sums of scores).
// Such a record was made wrongly, and any figure built from it would be impossible (a top-2 share > 100%).
struct Bound {
    RollupCount part, whole;
    uint32_t scale;
};
const Bound kBounds[] = {
    {kRollupOpen, kRollupArrivals, 1},
    {kRollupCsatN, kRollupResponses, 1},
    {kRollupEffortN, kRollupResponses, 1},
    {kRollupResolvedKnown, kRollupResponses, 1},
    {kRollupNpsN, kRollupResponses, 1},
    {kRollupTop2, kRollupCsatN, 1},
    {kRollupDissatisfied, kRollupCsatN, 1},
    {kRollupCsatSum, kRollupCsatN, 5},
    {kRollupCsatSumSq, kRollupCsatN, 25},
    {kRollupLowEffort, kRollupEffortN, 1},
    {kRollupEffortSum, kRollupEffortN, 7},
    {kRollupEffortSumSq, kRollupEffortN, 49},
    {kRollupResolvedYes, kRollupResolvedKnown, 1},
    {kRollupPromoters, kRollupNpsN, 1},
    {kRollupDetractors, kRollupNpsN, 1},
};

}  // namespace

bool map_rollup(MapState& s, const Record& rec) {
    FieldCheck& c = s.check;
    bool ok = true;
    auto required = [&](const char* field, FieldCheck::Got g) {
        if (g == FieldCheck::Absent) c.problem(field, Value{}, "required field is missing");
        ok = ok && g == FieldCheck::Ok;
    };
    const Value day_v = FieldCheck::lookup(rec, "day");
    Time day = kNoTime;
    std::string_view queue, offering;
    Severity severity = Severity::A;
    required("day", c.time(day_v, "day", &day, true));
    if (has_time(day) && day % kSecondsPerDay != 0) {  // a timestamp: which day it means depends on a zone
        c.problem("day", day_v, "'" + std::string(day_v.text) + "' is not a date such as 2026-11-02");
        ok = false;
    }
    required("queue", c.text(FieldCheck::lookup(rec, "queue"), "queue", &queue));
    required("severity", c.enumerated(FieldCheck::lookup(rec, "severity"), "severity", parse_severity,
                                      "A, B, C", &severity));
    required("offering", c.text(FieldCheck::lookup(rec, "offering"), "offering", &offering));
    if (!ok) return false;
    c.id.assign(day_v.text).append("/").append(queue).append("/").append(to_string(severity));
    c.id.append("/").append(offering);

    // A bad count skips the record: dropping it to 0 would silently change every sum it is part of.
    uint32_t n[kRollupCounts] = {};
    for (int k = 0; k < kRollupCounts; ++k) {
        int64_t v = 0;
        const char* name = kRollupCountNames[k];
        ok = c.integer(FieldCheck::lookup(rec, name), name, 0, UINT32_MAX, &v) != FieldCheck::Bad && ok;
        n[k] = static_cast<uint32_t>(v);
    }
    for (const Bound& b : kBounds) {
        if (n[b.part] <= uint64_t(b.scale) * n[b.whole]) continue;
        c.problem(kRollupCountNames[b.part], Value{},
                  std::to_string(n[b.part]) + " is more than " +
                      (b.scale > 1 ? std::to_string(b.scale) + " x " : "") + kRollupCountNames[b.whole] +
                      " (" + std::to_string(n[b.whole]) + ")");
        ok = false;
    }
    if (!ok) return false;

    RollupTable& t = s.data->rollups;
    t.day.push_back(day_of(day));
    t.queue.push_back(s.pool->intern(queue));
    t.offering.push_back(s.pool->intern(offering));
    t.severity.push_back(severity);
    for (int k = 0; k < kRollupCounts; ++k) t.counts[k].push_back(n[k]);
    ++t.count;
    return true;
}

}  // namespace cb
