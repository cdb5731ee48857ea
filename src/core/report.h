// report.h: every figure of a Board as one document, in three renderings (docs/report.md).
//
// JSON is the reference: `caseboard report --format json` prints it and the browser test API embeds the
// same bytes in window.caseboard.state().report, so both faces can be compared number for number. CSV is
// the JSON flattened to `section,metric,key,value` rows. Markdown is the weekly "top issues" digest a
// support leader mails to executives. All three read a ReportInput and never recompute the Board.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "board.h"
#include "data_session.h"
#include "json_writer.h"

namespace cb {

// What a report is rendered from. The pointers are borrowed; data, strings and board are required.
struct ReportInput {
    const Dataset* data = nullptr;
    const StringPool* strings = nullptr;
    const Board* board = nullptr;                      // updated for as_of and the filter
    const std::vector<FeedLoad>* loads = nullptr;      // per feed: state and fetch error (may be null)
    const std::vector<FeedReport>* reports = nullptr;  // per feed: records, rejected, problems (may be null)
    std::string title;                                 // the manifest's title
    std::string time_zone;                             // the team's IANA zone (digest dates)
    std::vector<std::string> filter_args;              // filter_to_args() of the board's filter
};

// The input for a loaded session (what the browser and the CLI both have).
ReportInput make_report_input(const DataSession& session, const Board& board, const Filter& filter,
                              std::string_view time_zone);

// Rounding used by every rendering (documented in docs/report.md): halves away from zero. NaN stays NaN.
double round_to(double v, int decimals);
inline double percent_1dp(double fraction) {  // 0..1 -> 0..100 rounded to 0.1
    return round_to(fraction * 100.0, 1);
}

// ---- JSON (report_json.cpp) ---------------------------------------------------------------------------
constexpr int kReportVersion = 1;
void write_report_json(const ReportInput& in, JsonWriter& w);
std::string report_json(const ReportInput& in, bool pretty);

// Up to `limit` surveys of the selection with CSAT 1-2 and a comment, submitted by as_of, newest first.
void recent_dissatisfied(const ReportInput& in, size_t limit, std::vector<uint32_t>* survey_rows);

// ---- CSV (report_csv.cpp) -----------------------------------------------------------------------------
// Flattens report JSON into "section,metric,key,value" rows (header first). False if json is not JSON.
bool report_json_to_csv(std::string_view json, std::string* csv);
std::string report_csv(const ReportInput& in);

// ---- Markdown digest (report_md.cpp) ------------------------------------------------------------------
// Figures of one period [from, to) of the board's selection, from event times (docs/report.md, "Digest").
struct PeriodFigures {
    uint32_t open_at_end = 0;  // created <= to < end time (or still open)
    uint32_t arrivals = 0, closures = 0;
    uint32_t sla_met[kSlaMetrics] = {}, sla_done[kSlaMetrics] = {};  // clocks whose event fell in the period
    SatCounts satisfaction;                                          // surveys submitted in the period
};
PeriodFigures period_figures(const ReportInput& in, Time from, Time to);
std::string report_markdown(const ReportInput& in);

// ---- command line (report_args.cpp) -------------------------------------------------------------------
enum class ReportFormat : uint8_t { Json, Csv, Markdown };
struct ReportArgs {
    Time as_of = kNoTime;   // kNoTime: now
    std::string time_zone;  // "" : the manifest's
    std::vector<std::string> filters;
    ReportFormat format = ReportFormat::Json;
    std::vector<std::string> paths;
    bool help = false;
};
// argv[0] is the subcommand's name. False with a message for unknown options, missing values, bad times.
bool parse_report_args(int argc, const char* const* argv, ReportArgs* out, std::string* error);

}  // namespace cb
