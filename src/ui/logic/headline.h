// headline.h: the figures the Overview tiles, the Queues and the SLA views add on top of Metrics, computed
// once per board update (never per frame) so that the screen and window.caseboard.state() agree.
//
// Everything is derived from the Board (SLA clocks and metrics of the selected rows) and the Dataset: no
// second metrics run. Days and weeks are UTC, as in docs/metrics.md. "Last 30 days" are the 30 UTC days
// ending with as_of's day; "the previous 30 days" the 30 before them.
#pragma once

#include <cstdint>
#include <vector>

#include "board.h"
#include "json_writer.h"

namespace cb {

constexpr int kHeadlineDays = 30;         // window of the CSAT / effort tiles and of the daily sparklines
constexpr int kHeadlineWeeks = 26;        // weekly SLA attainment series (the SLA view's trend)
constexpr int kHeadlineSparkWeeks = 12;   // weekly sparklines of the tiles
constexpr int kHeadlineNearingHours = 4;  // "nearing noncompliance in the next 4 h"
constexpr uint32_t kHeadlineBreachList = 200;  // cap of the open-breach list

// One SLA clock that is noncompliant and whose event (response / resolution / update) is still outstanding.
struct OpenBreach {
    uint32_t row;
    SlaMetric metric;
    Time breached_at;  // the clock's deadline
};

// Open selected cases per age bucket (kAgeBucketNames) for one queue.
struct QueueAgeRow {
    StrId queue = kNoStr;
    uint32_t buckets[kAgeBuckets] = {};
};

struct Headline {
    Time as_of = kNoTime;

    // ---- tiles
    uint32_t open_cases = 0;          // metrics.backlog.open
    uint32_t noncompliant_cases = 0;  // open cases with at least one open breach
    uint32_t open_breach_clocks = 0;  // open breaches over all metrics
    uint32_t nearing_clocks = 0;      // running clocks with a deadline in [as_of, as_of + 4 h)
    uint32_t nearing_cases = 0;       // distinct cases among them
    // Attainment = succeeded / (succeeded + breached, done), as metrics.sla; n is that denominator.
    double first_response_attainment = kNaN, resolution_attainment = kNaN;
    uint32_t first_response_n = 0, resolution_n = 0;
    SatCounts sat_30d, sat_prev_30d;  // surveys of the last 30 days and of the 30 before them
    double csat_30d = kNaN, csat_prev_30d = kNaN, csat_change = kNaN;  // CSAT means (1..5); change in points
    double effort_30d = kNaN;                                          // effort mean (1..7, lower is better)
    double low_effort_30d = kNaN;                                      // share of effort 1-3
    uint32_t plans = 0, plans_active = 0, plans_on_track = 0, plans_at_risk = 0, plans_late = 0;
    double plans_on_track_rate = kNaN;  // on track / active (on track + at risk + late)

    // ---- sparklines: oldest first, the last entry is as_of's day / week (NaN = no data)
    std::vector<double> backlog_daily;     // open at the end of each of the last 30 days
    std::vector<double> breaches_daily;    // clocks that became noncompliant on each of the last 30 days
    std::vector<double> deadlines_hourly;  // running clocks' deadlines in each of the next 24 hours
    std::vector<double> csat_weekly, effort_weekly;  // means per ISO week, last 12 weeks
    std::vector<double> milestones_done_weekly;      // milestones of the selected plans completed per week

    // ---- SLA view
    // Attainment per ISO week (last 26) of the clocks whose event happened that week: first response by
    // first_response_at, resolution by the case's end time. Next update clocks end with the case, so they
    // have no completed outcome to trend.
    int32_t week_start[kHeadlineWeeks] = {};  // days since 1970-01-01 of each week's Monday
    uint32_t week_met[kSlaMetrics][kHeadlineWeeks] = {}, week_missed[kSlaMetrics][kHeadlineWeeks] = {};
    std::vector<OpenBreach> open_breaches;  // longest breached first, capped at kHeadlineBreachList

    // ---- Queues view
    std::vector<QueueAgeRow> queue_age;  // in the order of metrics.backlog.open_by_queue
};

Headline compute_headline(const Board& board, const Dataset& data, Time as_of);

// {"open_cases": .., "noncompliant_cases": .., ...}: the tile figures (not the series).
void write_headline_json(const Headline& h, JsonWriter& w);

// Week attainment helper: met / (met + missed), NaN when both are 0.
inline double week_attainment(const Headline& h, SlaMetric m, int week) {
    uint32_t met = h.week_met[(int)m][week], missed = h.week_missed[(int)m][week];
    return met + missed ? double(met) / double(met + missed) : kNaN;
}

}  // namespace cb
