// metrics.h: every figure the dashboard, the CLI report and the browser test API show, in one struct.
//
// compute_metrics() selects the filtered rows once (a selection vector), counts them part by part in tight
// loops over columns, and turns the counts into the figures (metrics_counts.h). A filter on nothing but
// severity, offering and whole status classes sums the counts of its cells instead, and a broad filter by
// other keys subtracts the counts of the rows it leaves out from its cells' (a time range: from creation-
// time slabs). Whatever does not depend on the filter is prepared once per data version in a MetricsIndex
// (build_metrics_index): dense key codes per case and a copy of them per survey (so survey figures never
// reach back into case columns in random order), case end times, sorted durations for exact quantiles, the
// case-folded strings for the text filter and the tokenised comments. Per-key counters are dense vectors
// indexed by those codes, never hash maps. Passing the same Metrics again reuses its buffers. Definitions of
// every figure are in docs/metrics.md. Rates are fractions 0..1 and NaN when their denominator is 0; NPS is
// -100..100.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "filter.h"
#include "model.h"
#include "sla.h"
#include "stats.h"

namespace cb {

struct MetricsOptions {
    uint32_t oldest_open = 20;   // length of the oldest-open-cases list
    uint32_t list_limit = 50;    // cap of the nearing-SLA and milestone lists
    int nearing_hours = 24;      // SLA clocks whose deadline falls within this many hours count as nearing
    int max_series_days = 3660;  // daily series keep at most this many most recent days
    int driver_age_days = 7;     // the "aged case" driver: open or time to close longer than this
    uint32_t driver_min_n = 20;  // a driver qualifies (and a queue/product driver is listed) from this n_with
    double driver_max_p = 0.05;  // ... and below this p-value
    int plan_late_days = 14;     // a milestone overdue by more than this makes its plan late
    double plan_gap = 0.15;      // progress this far below expected makes a plan at risk
    bool verbatim_terms = true;  // tokenise comments for the distinguishing terms (the costliest part)
    uint32_t top_terms = 10;     // distinguishing terms listed per side
    uint32_t term_min_count = 2;  // a term must occur this often (both sides together) to be listed
    std::string verbatim_query;   // verbatim search text (case-insensitive substring); empty = all comments
    uint8_t verbatim_min_csat = 1, verbatim_max_csat = 5;  // verbatim search score range
    // Sections to compute; one switched off is left cleared (a view that does not show it skips the
    // cost). The case and survey selections are always made: drivers, verbatims and plans read them.
    bool backlog = true, sla = true, satisfaction = true, drivers = true, verbatims = true, plans = true;
    // A filter on severity, offering and whole status classes sums the counts of its cells instead of
    // counting its rows, and a broad one by other keys (a time range, from its time slabs) takes the rows
    // it leaves out away from them (metrics_counts.h). Off: every filter counts its rows (the same figures;
    // tests and the benchmark compare the two).
    bool cell_counts = true;
};

// StrId -> dense slot, for per-key counters without hashing. slot_of is sized to the string pool once and
// kept all-zero between uses: reset() clears only the entries that were touched.
struct KeyIndex {
    std::vector<uint32_t> slot_of;  // 0 = no slot yet, else slot + 1
    std::vector<StrId> keys;        // slot -> key
    void prepare(size_t pool_size) {
        if (slot_of.size() < pool_size) slot_of.resize(pool_size, 0);
    }
    uint32_t slot(StrId id) {
        uint32_t& s = slot_of[id];
        if (s == 0) keys.push_back(id), s = static_cast<uint32_t>(keys.size());
        return s - 1;
    }
    uint32_t find(StrId id) const {  // UINT32_MAX when id has no slot
        return id < slot_of.size() && slot_of[id] ? slot_of[id] - 1 : UINT32_MAX;
    }
    void reset() {
        for (StrId k : keys) slot_of[k] = 0;
        keys.clear();
    }
};

// ---- queues and backlog -------------------------------------------------------------------------------
constexpr int kAgeBuckets = 5;  // open case age: <1 d, 1-3 d, 3-7 d, 7-30 d, >30 d (lower bound inclusive)
extern const char* const kAgeBucketNames[kAgeBuckets];
constexpr int kSeverities = static_cast<int>(Severity::Count);
constexpr int kStatuses = static_cast<int>(CaseStatus::Count);
constexpr int kSlaMetrics = static_cast<int>(SlaMetric::Count);
constexpr int kSlaStates = static_cast<int>(SlaState::Count);

struct KeyCount {
    StrId key;
    uint32_t count;
};
struct QueueSeverityCount {
    StrId queue;
    uint32_t total;
    uint32_t by_severity[kSeverities];
    uint32_t by_age[kAgeBuckets];  // the open cases' age buckets, as BacklogMetrics::age_buckets
};
struct DayFlow {
    int32_t day;  // days since 1970-01-01 (UTC)
    uint32_t arrivals, closures;
    uint32_t backlog;  // open at the end of the day
};
struct PeriodFlow {
    int32_t start_day;  // the ISO week's Monday
    uint32_t arrivals, closures;
};
struct Durations {
    uint32_t n = 0;
    double median_hours = kNaN, p90_hours = kNaN;
};

struct BacklogMetrics {
    uint32_t total = 0, open = 0, system_down_open = 0;
    uint32_t by_status[kStatuses] = {}, by_severity[kSeverities] = {}, open_by_severity[kSeverities] = {};
    std::vector<QueueSeverityCount> open_by_queue;  // most open first
    std::vector<KeyCount> open_by_owner;            // most open first
    uint32_t age_buckets[kAgeBuckets] = {};
    std::vector<uint32_t> oldest_open;  // case rows, oldest first
    std::vector<DayFlow> daily;         // first selected created day .. as_of day
    std::vector<PeriodFlow> weekly;     // ISO weeks of the daily series
    double transfers_mean = kNaN;
    uint32_t transfers_2plus = 0, swarmed = 0, reopened = 0;
    double transfers_2plus_rate = kNaN, swarmed_rate = kNaN, reopened_rate = kNaN;
    uint32_t fcr_eligible = 0, fcr = 0;  // resolved/closed cases, and those resolved at first contact
    double fcr_rate = kNaN;
    Durations first_response, resolution;
};

// ---- SLA ----------------------------------------------------------------------------------------------
struct SlaMetricSummary {
    uint32_t by_state[kSlaStates] = {};
    uint32_t breached_done = 0;    // noncompliant, and the event (response / resolution) has happened
    uint32_t open_breaches = 0;    // noncompliant, event still outstanding
    double attainment = kNaN;      // succeeded / (succeeded + breached_done)
    double attainment_all = kNaN;  // succeeded / (succeeded + every noncompliant clock)
    uint32_t nearing = 0;          // running, deadline within options.nearing_hours of as_of
};
struct SlaBreakdownRow {
    StrId key = kNoStr;  // severity rows: the Severity value
    uint32_t cases = 0, breached_cases = 0;
    uint32_t breaches[kSlaMetrics] = {};
};
struct NearingClock {
    uint32_t row;
    SlaMetric metric;
    Time deadline;
};
// One SLA clock that is noncompliant and whose event (response / resolution / update) is still outstanding.
struct OpenBreach {
    uint32_t row;
    SlaMetric metric;
    Time breached_at;  // the clock's deadline
};
// The fixed windows of the Overview tiles and the SLA view's series (UTC days, ISO weeks; see metrics.md).
constexpr int kSlaRecentDays = 30;            // breaches per day: the 30 days ending with as_of's day
constexpr int kSlaTrendWeeks = 26;            // attainment per ISO week: the 26 weeks ending with as_of's
constexpr int kSlaSoonHours = 4;              // "due within 4 h"
constexpr uint32_t kSlaOpenBreachList = 200;  // cap of SlaMetrics::open_breaches
struct SlaMetrics {
    SlaMetricSummary metric[kSlaMetrics];
    uint32_t breached_cases = 0;        // cases with any noncompliant clock
    std::vector<NearingClock> nearing;  // soonest deadline first, capped at list_limit
    std::vector<SlaBreakdownRow> by_queue, by_owner, by_offering;  // most breached cases first
    SlaBreakdownRow by_severity[kSeverities];
    uint32_t breach_heatmap[7][24] = {};  // [weekday, 0 = Monday][hour], UTC, of noncompliant deadlines

    // ---- the windows above (all zero without an "as of" time)
    uint32_t open_breach_cases = 0;     // open cases with at least one open breach
    uint32_t soon = 0, soon_cases = 0;  // running clocks due in [as_of, as_of + 4 h); distinct cases
    uint32_t breaches_daily[kSlaRecentDays] = {};  // noncompliant clocks by deadline day, oldest first
    uint32_t due_hourly[24] = {};                  // running clocks due in each of the next 24 hours
    // Per ISO week, oldest first: clocks whose event happened that week (first response by
    // first_response_at, resolution by the case's end time), met or missed. Next update clocks end with the
    // case, so they have no outcome of their own to trend.
    int32_t week_start[kSlaTrendWeeks] = {};  // days since 1970-01-01 of each week's Monday
    uint32_t week_met[kSlaMetrics][kSlaTrendWeeks] = {}, week_missed[kSlaMetrics][kSlaTrendWeeks] = {};
    std::vector<OpenBreach> open_breaches;  // longest breached first (ties: case id), kSlaOpenBreachList
};

// ---- satisfaction -------------------------------------------------------------------------------------
struct SatCounts {
    uint32_t responses = 0;
    MeanAccumulator csat, effort;
    uint32_t top2 = 0, dissatisfied = 0, low_effort = 0;
    uint32_t resolved_known = 0, resolved_yes = 0;
    uint32_t nps_n = 0, promoters = 0, detractors = 0;

    void add_survey(uint8_t csat_score, uint8_t effort_score, Tristate resolved, int8_t nps);
    void add(const SatCounts& o);
    double top2_rate() const { return rate(top2, csat.n); }
    Interval top2_interval() const { return wilson_interval(top2, csat.n); }
    double dissatisfied_rate() const { return rate(dissatisfied, csat.n); }
    Interval dissatisfied_interval() const { return wilson_interval(dissatisfied, csat.n); }
    double low_effort_rate() const { return rate(low_effort, effort.n); }
    double resolved_rate() const { return rate(resolved_yes, resolved_known); }
    double nps() const { return nps_n ? 100.0 * (double(promoters) - double(detractors)) / nps_n : kNaN; }
};
// The scores of a set of surveys, counted per value: adding a survey is four increments (of its score
// slots, packed once per survey in the MetricsIndex), and the SatCounts (the same numbers add_survey gives:
// sums of small integers are exact in a double) come out once per set.
struct SatHistogram {
    uint32_t csat[8] = {}, effort[8] = {}, resolved[4] = {}, nps[16] = {};  // [0] / nps[11]: no valid score
    uint32_t responses() const {
        uint32_t n = 0;
        for (uint32_t c : csat) n += c;
        return n;
    }
    // Bits 0-2 the CSAT slot, 3-5 effort, 6-7 resolved (0 unknown, 1 no, 2 yes), 8-11 NPS.
    static uint16_t slots(const SurveyTable& s, uint32_t i);
    void add(uint16_t slots) {
        csat[slots & 7]++, effort[slots >> 3 & 7]++, resolved[slots >> 6 & 3]++, nps[slots >> 8 & 15]++;
    }
    void remove(uint16_t slots) {  // a survey added before
        csat[slots & 7]--, effort[slots >> 3 & 7]--, resolved[slots >> 6 & 3]--, nps[slots >> 8 & 15]--;
    }
    void add(const SatHistogram& o);
    void subtract(const SatHistogram& o);  // o's surveys are among these
    SatCounts counts() const;
};
struct SatRow {
    StrId key;
    SatCounts counts;
};
struct SatTrendPoint {
    int32_t start_day;  // the day, the ISO week's Monday, or the month's first day
    SatCounts counts;
};
struct SatisfactionMetrics {
    std::vector<uint32_t> survey_rows;  // the selected surveys, ascending
    SatCounts overall;
    uint32_t csat_distribution[5] = {};                 // surveys with CSAT 1 .. 5
    std::vector<SatTrendPoint> daily, weekly, monthly;  // UTC periods with responses (max_series_days)
    std::vector<SatRow> by_queue, by_product, by_offering, by_owner, by_customer;  // most responses first
    SatCounts by_severity[kSeverities];
};

// ---- drivers of dissatisfaction -----------------------------------------------------------------------
enum class Driver : uint8_t {
    SlaBreached,        // resolution or first response SLA noncompliant
    Transfers,          // transfers >= 2
    NoScope,            // scope_agreed_at missing
    LateFirstResponse,  // first response SLA noncompliant
    Reopened,           // reopened > 0
    NotValidated,       // solution_validated == false
    Aged,               // open longer than driver_age_days, or closed after more than that
    Queue,              // case in queue `value`
    Product,            // case about product `value`
};
struct DriverRow {
    Driver driver;
    StrId value = kNoStr;  // the queue or product
    uint32_t n_with = 0, dissatisfied_with = 0, n_without = 0, dissatisfied_without = 0;
    double rate_with = kNaN, rate_without = kNaN, lift = kNaN, p_value = 1, impact = 0;
    bool qualifies = false;  // n_with >= driver_min_n, p < driver_max_p and rate_with > rate_without
};
struct Priority {
    DriverRow row;
    std::string label, sentence;  // "Transfers", "Transfers: 41% of customers with 2+ transfers ..."
};
struct DriverMetrics {
    uint32_t responses = 0, dissatisfied = 0;  // surveys with a CSAT score; csat <= 2
    std::vector<DriverRow> rows;               // highest impact first
    std::vector<Priority> top;                 // up to three qualifying rows
};

// ---- verbatims ----------------------------------------------------------------------------------------
struct TermCount {
    std::string term;
    uint32_t dissatisfied = 0, satisfied = 0;  // occurrences in comments with csat <= 2 / csat >= 4
    double log_odds = 0;                       // > 0 leans dissatisfied
};
struct VerbatimMetrics {
    std::vector<uint32_t> matches;  // survey rows matching verbatim_query and the score range, newest first
    uint32_t dissatisfied_comments = 0, satisfied_comments = 0;
    std::vector<TermCount> dissatisfied_terms, satisfied_terms;  // most distinguishing first
};

// ---- success plans ------------------------------------------------------------------------------------
enum class PlanHealth : uint8_t { OnTrack, AtRisk, Late, Done, Count };
const char* to_string(PlanHealth h);  // "on_track", "at_risk", "late", "done"
constexpr int kPlanHealths = static_cast<int>(PlanHealth::Count);

struct Progress {
    uint32_t milestones = 0, done = 0, overdue = 0, blocked = 0;
    double weight_total = 0, weight_done = 0;
    double progress = kNaN, expected = kNaN;  // weight done / total; weight due by as_of / total
    bool late = false;                        // a milestone overdue by more than plan_late_days
    PlanHealth health = PlanHealth::OnTrack;
};
struct PlanRow {
    uint32_t plan;  // index in Dataset::plans
    Progress progress;
    uint32_t due_14 = 0, due_30 = 0;  // open milestones due within 14 / 30 days of as_of
};
struct ObjectiveRow {
    uint32_t plan, objective;
    Progress progress;
};
struct MilestoneRef {
    uint32_t plan, objective, milestone;
    Time due;
};
struct PlanRollup {
    StrId key;
    uint32_t plans = 0;
    uint32_t by_health[kPlanHealths] = {};
    PlanHealth worst = PlanHealth::Done;  // late > at_risk > on_track > done
    uint32_t milestones = 0, done = 0, overdue = 0;
    double progress_mean = kNaN;  // mean of the plans' progress
};
struct CustomerPlanRow {
    PlanRollup plans;
    uint32_t open_cases = 0;  // selected open cases of this customer
    MeanAccumulator csat;     // selected surveys of this customer
};
struct PlanMetrics {
    uint32_t by_health[kPlanHealths] = {};
    std::vector<PlanRow> plans;
    std::vector<ObjectiveRow> objectives;
    std::vector<MilestoneRef> due_soon;  // open milestones due in [as_of, as_of + 30 d), soonest first
    std::vector<MilestoneRef> overdue;   // open milestones due before as_of, most overdue first
    std::vector<PlanRollup> by_csam;
    std::vector<CustomerPlanRow> by_customer;
};

// ---- the per-dataset index ----------------------------------------------------------------------------
// Dense codes of one key column: case_code[row] and survey_code[survey] (the survey's case's code) index
// keys (code -> StrId). Codes follow first appearance in the case table.
// rows lists the case rows grouped by code, ascending within a code: code k's rows are
// rows[row_begin[k] .. row_begin[k + 1]), so a one-key filter selects without scanning every case.
struct KeyCodes {
    std::vector<uint32_t> case_code, survey_code;
    std::vector<StrId> keys;
    std::vector<uint32_t> row_begin, rows;
    std::vector<uint32_t> name_rank;  // per code: its key's place among the keys in name order
    std::vector<uint32_t> by_name;    // the codes in name order (by_name[name_rank[code]] == code)
};
// Sorts `codes_out` (codes of `codes`) most count(code) first, ties by key name: breakdowns order their rows
// without comparing strings. The sort itself is one function for every caller (sort_ranked_codes), as each
// instantiation of std::sort adds kilobytes to the download.
void sort_ranked_codes(const KeyCodes& codes, std::vector<uint64_t>* keys, std::vector<uint32_t>* codes_out);
template <typename Count>
void sort_by_count_then_name(const KeyCodes& codes, std::vector<uint32_t>* codes_out, Count count) {
    std::vector<uint64_t> keys(codes_out->size());  // (most first, name rank)
    for (size_t i = 0; i < keys.size(); ++i) {
        const uint32_t code = (*codes_out)[i];
        keys[i] = uint64_t(UINT32_MAX - count(code)) << 32 | codes.name_rank[code];
    }
    sort_ranked_codes(codes, &keys, codes_out);
}
struct Metrics;
// The figures of the empty filter for one SLA result and "as of" time (the board recomputes them after
// every filter change back to "everything"): copied instead of recomputed while the key matches.
struct UnfilteredCache {
    const SlaResults* sla = nullptr;
    Time sla_as_of = kNoTime, as_of = kNoTime;
    MetricsOptions options;
    std::unique_ptr<Metrics> metrics;  // nullptr = nothing cached
};
// One duration per case (hours), sorted once: a quantile of any selection is read from the selection's
// ranks, exactly the value quantile_inplace would give.
struct SortedDurations {
    std::vector<float> sorted;   // ascending
    std::vector<uint32_t> rank;  // per case: its position in sorted; UINT32_MAX when the case has none
};
// A split of the cases into at most kMaxCells cells whose counts are kept per cell. case_cell: the case's
// cell, | kCellOpen when the case is open; survey_cell: its case's cell, kNoCell when the case is unknown.
// cells == 0 (and every vector empty) when the split would make more than kMaxCells.
struct CellIndex {
    uint32_t cells = 0;
    std::vector<uint8_t> case_cell, survey_cell;
    std::vector<uint32_t> cell_begin, cell_rows;  // case rows by cell, like KeyCodes::rows
};
enum CellSplit : uint8_t { kByKind, kByTime, kByQueue, kCellSplits };
// Everything about a dataset that no filter, "as of" time or option changes. Build it once per data
// version and pass it to every compute_metrics call on that data.
struct MetricsIndex {
    size_t cases = 0, surveys = 0;  // the sizes it was built for (a mismatch makes compute_metrics rebuild)
    uint64_t build = 0;             // a new number for every build_metrics_index call (0: never built)
    KeyCodes queue, owner, customer, product, offering;
    std::vector<uint32_t> severity_begin, severity_rows;  // case rows by severity, like KeyCodes::rows
    std::vector<Time> end_time;                           // case_end_time per case
    // UTC days of created_at (INT32_MIN: none) and of end_time (INT32_MAX: still open).
    std::vector<int32_t> created_day, end_day;
    int32_t first_created_day = INT32_MIN;  // the smallest created_day (INT32_MIN when a case has none)
    // Per case, what the backlog counts, as one code below kCaseTraitCodes: the status, the severity and
    // the kTrait* flags (first contact: 0 transfers, 0 reopens, never waiting on the customer).
    std::vector<uint16_t> case_traits;
    // The open cases, oldest first (created_at, ties by case id): a selection's oldest open cases are
    // mostly the first of these it keeps.
    std::vector<uint32_t> open_oldest_first;
    // The three splits of the cases into cells (metrics_counts.h): kByKind, severity x offering code x status
    // class (cell = kStatusClasses * (severity * offering codes + offering code) + status_class); kByTime,
    // creation-time slab x status class (cell = kStatusClasses * slab + status_class); kByQueue, queue code x
    // status class. Slab s holds the cases created in [slab_start[s], slab_start[s + 1]), about as many in
    // each; the first also those with no creation time, as kNoTime sorts before every time.
    CellIndex cells[kCellSplits];
    std::vector<Time> slab_start;
    std::vector<uint32_t> created_runs;  // find_created_runs (filter.h); empty when the runs are many
    SortedDurations first_response, resolution;
    // Per survey, from its case (zero / kNoTime when the case is unknown: such a survey is never selected).
    // The surveys of case r are survey_rows[survey_begin[r] .. survey_begin[r + 1]), ascending; a selection
    // of cases finds its surveys without walking the whole survey table. Assembled data keeps surveys in case
    // row order (FeedSet::assemble), so a selection's surveys come out ascending; otherwise they are sorted.
    std::vector<uint32_t> survey_begin, survey_rows;
    bool surveys_in_case_order = true;
    int32_t survey_first_day = 0, survey_last_day = -1;  // the range of survey_day (empty: none)
    // The earliest and latest creation of a case and submission of a survey; kNoTime when some case or
    // survey has no time (compute_metrics: a time range holding them restricts nothing).
    Time dated_first = kNoTime, dated_last = kNoTime;
    std::vector<Severity> survey_severity;
    std::vector<uint16_t> survey_slots;      // SatHistogram::slots per survey
    std::vector<int32_t> survey_day;         // UTC day of submitted_at; INT32_MIN when it has none
    std::vector<uint8_t> survey_case_flags;  // kCaseFlag* bits
    std::vector<Time> survey_case_created, survey_case_end;
    // The surveys with a comment, newest first (submitted_at descending, ties by survey id descending):
    // verbatim search lists its matches in this order.
    std::vector<uint32_t> newest;
    std::vector<uint32_t> newest_rank;  // per survey: its place in `newest` (newest.size(): no comment)
    TextIndex text;
    // Words of the comments that count for the distinguishing terms (CSAT 1-2 or 4+): survey i's words are
    // term_ids[term_begin[i] .. term_begin[i + 1]) (ids in `terms`).
    StringPool terms;
    std::vector<uint32_t> term_begin, term_ids;
    mutable UnfilteredCache unfiltered;  // filled by compute_metrics; build_metrics_index clears it
};
constexpr uint8_t kCaseFlagTransfers2 = 1, kCaseFlagNoScope = 2, kCaseFlagReopened = 4,
                  kCaseFlagNotValidated = 8;
constexpr uint16_t kTraitStatus = 7, kTraitSeverityShift = 3;  // status: bits 0-2; severity: bits 3-4
constexpr uint16_t kTraitTransfers2 = 1u << 5, kTraitSwarmed = 1u << 6, kTraitReopened = 1u << 7,
                   kTraitFirstContact = 1u << 8, kTraitSystemDown = 1u << 9;
constexpr uint32_t kCaseTraitCodes = 1u << 10;
constexpr uint32_t kMaxCells = 126;  // 14 offerings, 42 time slabs (case_cell holds cells below kNoCell)
// The cells' status classes: open, closed, and the rest (resolved, cancelled). A filter on whole classes
// (the open statuses, closed, or both) sums cells; one on part of a class takes the rest away.
constexpr uint32_t kStatusClasses = 3;
constexpr uint32_t kTimeSlabs = kMaxCells / kStatusClasses;  // the most slabs of kByTime
inline uint32_t status_class(CaseStatus s) {
    return is_open(s) ? 0 : s == CaseStatus::Closed ? 1 : 2;
}
constexpr uint8_t kCellOpen = 0x80, kNoCell = 0x7f;
static_assert(kMaxCells <= kNoCell, "a cell number must fit below kNoCell");

void build_metrics_index(const Dataset& data, MetricsIndex* out);

// Building blocks shared by the index and the parts.
bool cases_usable(const CaseTable& cases);  // every column has `count` rows (else: treated as empty)
bool surveys_usable(const SurveyTable& surveys);
float duration_hours(Time from, Time to);                                 // calendar hours, 0 when to < from
void index_verbatim_terms(const Dataset& data, MetricsIndex* out);        // fills terms, term_begin, term_ids
void order_surveys_newest_first(const Dataset& data, MetricsIndex* out);  // fills newest
void order_open_oldest_first(const Dataset& data, MetricsIndex* out);     // fills open_oldest_first

// ---- everything ---------------------------------------------------------------------------------------
struct CountsScratch;  // metrics_counts.h
struct MetricsScratch {
    KeyIndex keys;
    std::vector<uint32_t> codes, rollup_rows;
    std::vector<uint8_t> cell_mask[kCellSplits];  // per cell of each split: 1 when the filter keeps it
    std::vector<SlaBreakdownRow> sla_rows;        // per severity, queue, owner and offering, one block each
    TextSearch text;                              // the filter text's search of MetricsIndex::text
    MetricsIndex own_index;  // built per call by the compute_metrics overload without an index
    // What parts of the figures were computed for, so that a call changing none of a part's inputs keeps
    // it. Rows, satisfaction and verbatims do not depend on as_of: the live minute tick keeps them. Plan
    // progress depends on the customer filter alone: another filter change only redoes the customer join.
    struct ComputedFor {
        uint64_t build = 0;  // MetricsIndex::build (0: nothing computed)
        Time as_of = kNoTime;
        Filter filter;
        MetricsOptions options;
    };
    ComputedFor selection, plans;
    // Per SLA clock, what count_sla counts, packed once per SLA result, "as of" time and nearing horizon
    // (the key, like UnfilteredCache's) so that a filter change only counts (metrics_sla.cpp).
    struct SlaFacts {
        const SlaResults* sla = nullptr;
        Time sla_as_of = kNoTime, as_of = kNoTime, nearing_until = kNoTime;
        uint64_t build = 0;  // MetricsIndex::build
        // Per case, together: a filter change that counts scattered rows reads a case's facts in one cache
        // line.
        struct Case {
            uint32_t clock[kSlaMetrics];  // per clock, what is counted of it
            uint8_t kind;                 // its clocks' flags, and whether it is open
            uint8_t severity;
        };
        std::vector<Case> cases;
        // Made with the orders below: the cases with a clock that may be listed, ascending; the first
        // running clocks (by deadline) and open breaches (by breach time) of every case, in the lists' order,
        // for one list_limit (a broad selection's lists are the first of these it keeps).
        std::vector<uint32_t> listed_rows;
        std::vector<NearingClock> first_running;
        std::vector<OpenBreach> first_breaches;
        size_t orders_limit = SIZE_MAX;  // the list_limit they were made for; SIZE_MAX: none made
        bool orders_complete[2] = {};    // whether they hold every running clock, every open breach
    } sla_facts;
    std::shared_ptr<CountsScratch> counts;  // made by the first compute_metrics call
};

struct Metrics {
    Time as_of = kNoTime;
    std::vector<uint32_t> rows;       // selected case rows, ascending
    std::vector<uint32_t> open_rows;  // those of open cases, ascending
    BacklogMetrics backlog;
    SlaMetrics sla;
    SatisfactionMetrics satisfaction;
    DriverMetrics drivers;
    VerbatimMetrics verbatims;
    PlanMetrics plans;
    MetricsScratch scratch;
};

// `index` must have been built from `data` (when its sizes do not match, a fresh one is built in
// out->scratch for this call). The empty filter's figures are cached in the index, and the packed SLA clock
// facts in out->scratch, per SLA results object (its address and as_of) and as_of: rebuild the index when
// the data or the SLA policies change.
void compute_metrics(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                     const Filter& filter, Time as_of, const MetricsOptions& options, Metrics* out);
// Builds the index for this one call: for tests and one-shot reports, not for repeated recomputes.
void compute_metrics(const Dataset& data, const SlaResults& sla, const Filter& filter, Time as_of,
                     const MetricsOptions& options, Metrics* out);

// Survey rows among `survey_rows` whose verbatim contains `query` (case-insensitive, UTF-8 safe) and whose
// CSAT lies in [min_csat, max_csat]; newest first. `index` must have been built from `data` (else: none).
void search_verbatims(const Dataset& data, const MetricsIndex& index,
                      const std::vector<uint32_t>& survey_rows, std::string_view query, uint8_t min_csat,
                      uint8_t max_csat, std::vector<uint32_t>* out);

// When a case left the backlog: kNoTime while open; else resolved_at, closed_at, the last status change or
// created_at, whichever is present first (never before created_at).
Time case_end_time(const CaseTable& cases, uint32_t row);

}  // namespace cb
