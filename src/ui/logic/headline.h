// headline.h: the Overview tiles' figures and sparklines, gathered from the board's Metrics once per board
// update (never per frame) so that the screen and window.caseboard.state() agree.
//
// Everything is read from the Board's metrics (and the plans' milestones of the Dataset): no pass over the
// cases. Days and weeks are UTC, as in docs/metrics.md. "Last 30 days" are the 30 UTC days
// ending with as_of's day; "the previous 30 days" the 30 before them.
#pragma once

#include <cstdint>
#include <vector>

#include "board.h"
#include "json_writer.h"

namespace cb {

constexpr int kHeadlineDays =
    kSlaRecentDays;                      // window of the CSAT / effort tiles and of the daily sparklines
constexpr int kHeadlineSparkWeeks = 12;  // weekly sparklines of the tiles

struct Headline {
    Time as_of = kNoTime;

    // ---- tiles
    uint32_t open_cases = 0;          // metrics.backlog.open
    uint32_t noncompliant_cases = 0;  // open cases with at least one open breach
    uint32_t open_breach_clocks = 0;  // open breaches over all metrics
    uint32_t nearing_clocks = 0;  // running clocks with a deadline in [as_of, as_of + 4 h) (kSlaSoonHours)
    uint32_t nearing_cases = 0;   // distinct cases among them
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
};

Headline compute_headline(const Board& board, const Dataset& data, Time as_of);

// {"open_cases": .., "noncompliant_cases": .., ...}: the tile figures (not the series).
void write_headline_json(const Headline& h, JsonWriter& w);

// Week attainment: met / (met + missed) of SlaMetrics::week_met / week_missed, NaN when both are 0.
inline double week_attainment(const SlaMetrics& s, SlaMetric m, int week) {
    uint32_t met = s.week_met[(int)m][week], missed = s.week_missed[(int)m][week];
    return met + missed ? double(met) / double(met + missed) : kNaN;
}

}  // namespace cb
