// metrics_counts.h: every part of the figures as counts that add up, and those counts per cell: per
// severity x offering x status class, per creation-time slab x status class and per queue x status class.
//
// Each part runs in two steps: count_*() counts a selection of rows into a *Counts struct, finish_*() turns
// the counts into the figures. The counts of disjoint selections add up (PartCounts::add), so a filter
// that restricts nothing but severity and offering sums the counts of its cells (kept per data version,
// SLA result, "as of" time and options) instead of counting its rows: its cost no longer grows with the
// number of cases it keeps. A broad filter by other keys too (status, time range, text) that keeps most
// rows of its cells takes the counts of the rows it leaves out away from its cells' sum
// (PartCounts::subtract): its cost grows with the rows it leaves out. Cells split cases by status class
// (open, closed, the rest), so that a filter on whole classes sums cells and one on part of a class starts
// from that class. A time range starts from the time slabs it meets when that leaves out fewer rows: it
// then leaves out at most the rest of its first and last slabs (a 42nd of the cases each). A filter on
// queues sums the queue x status class cells of its queues. A selection that keeps most rows of some cells
// and few of others (a case number's first digits follow creation time) is counted cell by cell: the
// first summed less the rows it leaves out of them, plus the rows it keeps in the others. A product,
// customer or owner keeps few cases: counting its rows is cheap.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "metrics.h"

namespace cb {

// Marks a function that runs once per filter change on counts, not per row (the finish_* steps): clang builds
// it for size, as the wasm download has a budget. (GCC has no such attribute: the native build ignores it.)
#if defined(__clang__)
#define CB_FOR_SIZE __attribute__((minsize))
#else
#define CB_FOR_SIZE
#endif

struct BacklogCounts {
    std::vector<uint32_t> traits;         // per MetricsIndex::case_traits code
    uint64_t transfers = 0;               // sum of the transfers
    std::vector<uint32_t> open_by_queue;  // [queue code * (kSeverities + kAgeBuckets) + severity / age]
    std::vector<uint32_t> open_by_owner;  // per owner code
    std::vector<uint32_t> oldest_open;    // the oldest open rows (at most options.oldest_open), any order
    // Flows over the max_series_days days ending with as_of's day (none before the first case's day),
    // which start at flow_first.
    int32_t flow_first = 0;
    uint32_t created_before = 0;               // rows created before flow_first (or with no creation time)
    uint32_t open_before = 0;                  // ... of which still open at its start
    std::vector<uint32_t> arrivals, closures;  // per day from flow_first
    // Rank bits of the SortedDurations (bit k: the case of rank k is selected), in 32-bit words so that
    // they add: the ranks of disjoint selections never share a bit.
    std::vector<uint32_t> first_response_ranks, resolution_ranks;
};

struct SlaCounts {
    std::vector<uint32_t> bins;    // the clocks' kinds and bins (layout private to metrics_sla.cpp)
    std::vector<uint32_t> by_key;  // cases per (severity, queue, owner, offering key) x breach bits
    // The soonest running clocks due before the nearing horizon (at most list_limit) and the longest
    // breached open breaches (at most kSlaOpenBreachList).
    std::vector<NearingClock> nearing;
    std::vector<OpenBreach> open_breaches;
};

struct SatisfactionCounts {
    SatHistogram by_severity[kSeverities];
    std::vector<SatHistogram> by_queue, by_product, by_offering, by_owner, by_customer;  // per key code
    int32_t first_day = 0;              // UTC day of per_day[0]
    std::vector<SatHistogram> per_day;  // surveys by submission day
};

struct DriverCounts {
    // [0] responses with a CSAT score, [1] dissatisfied ones, then per fixed driver (n with, dissatisfied
    // with), then per queue code and per product code (responses, dissatisfied).
    std::vector<uint32_t> n;
};

struct TermCounts {
    uint32_t comments[2] = {};  // dissatisfied (CSAT 1-2), satisfied (4+) comments
    uint64_t tokens[2] = {};
    std::vector<uint32_t> per_term;  // [2 * term] dissatisfied, [2 * term + 1] satisfied occurrences
};

// The selected open cases per customer code, for the plans' customer join (which takes the customers' CSAT
// from SatisfactionCounts::by_customer).
struct CustomerCounts {
    std::vector<uint32_t> open;
};

struct PartCounts {
    BacklogCounts backlog;
    SlaCounts sla;
    SatisfactionCounts satisfaction;
    DriverCounts drivers;
    TermCounts terms;
    CustomerCounts customers;
    void add(const PartCounts& o);  // o's counts are of rows disjoint from these
    // o's counts are of rows among these. The lists (oldest open cases, nearing clocks, open breaches) are
    // left as they were: list_oldest_open() and list_sla_clocks() make them anew.
    void subtract(const PartCounts& o);
};

// The counts of each cell of one split (MetricsIndex::cells), for one data version, SLA result, time and
// set of counting options.
struct CellCounts {
    const SlaResults* sla = nullptr;
    Time sla_as_of = kNoTime, as_of = kNoTime;
    uint64_t build = 0;
    MetricsOptions options;
    std::vector<PartCounts> cells;  // per cell; empty: none made
    // The severity x offering split: per status class, its cells' counts added, without their lists. A
    // filter keeping most cells of a class (a text or a status alone, severities B and C) starts from it.
    std::vector<PartCounts> class_totals;
};

// MetricsScratch::counts: the counts of the current selection, and each cell's.
struct CountsScratch {
    PartCounts selection;
    CellCounts cells[kCellSplits];
    // A broad selection's cells less what it leaves out (compute_metrics): the rows and counts left out.
    std::vector<uint32_t> left_rows, left_open, left_surveys;
    PartCounts left_out;
    // A selection counted cell by cell (compute_metrics): per split, the cells it keeps most rows of
    // (cells_kept_mostly); the rows it keeps outside those of the split it took, and their counts.
    std::vector<uint8_t> mostly[kCellSplits];
    std::vector<uint32_t> outside_rows, outside_open, outside_surveys;
    PartCounts outside;
    std::vector<uint32_t> buffer;  // room for writing lists picked out of longer ones (select_cells)
    // Per customer, the satisfaction of every survey of a known case, for the index build `all_build`
    // (count_satisfaction_by_customer_less).
    std::vector<SatHistogram> all_by_customer;
    uint64_t all_build = 0;
};

// Resets every figure of *figures but keeps the capacity of the listed vectors (a recompute then allocates
// nothing).
template <typename Figures, typename... Lists>
void reset_keeping_capacity(Figures* figures, Lists Figures::*... lists) {
    Figures fresh;
    (std::swap(fresh.*lists, figures->*lists), ...);
    *figures = std::move(fresh);
    ((figures->*lists).clear(), ...);
}

// The selection every part counts: case rows, their open ones, and their surveys (ascending).
struct Selection {
    const std::vector<uint32_t>& rows;
    const std::vector<uint32_t>& open_rows;
    const std::vector<uint32_t>& survey_rows;
    bool lists = true;  // false: leave the lists empty (the counts of rows left out are only subtracted)
    // false: leave the satisfaction counts per customer empty. Cells do, as they would hold one histogram per
    // customer each: summed cells take them from the selection's surveys (count_satisfaction_by_customer).
    bool per_customer = true;
};

// ---- the parts: count, then finish (a part whose section is off leaves its counts empty; the satisfaction
// counts are always made, as the plans' customer join reads them) ----------------------------------------
void count_backlog(const Dataset& data, const MetricsIndex& index, const Selection& sel, Time as_of,
                   const MetricsOptions& options, BacklogCounts* out);
void finish_backlog(const Dataset& data, const MetricsIndex& index, const BacklogCounts& counts,
                    uint32_t rows, uint32_t open_rows, const MetricsOptions& options, BacklogMetrics* out);
// The SLA facts are packed into scratch->sla_facts first (metrics_sla.cpp).
void count_sla(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, const Selection& sel,
               Time as_of, const MetricsOptions& options, MetricsScratch* scratch, SlaCounts* out);
void finish_sla(const Dataset& data, const MetricsIndex& index, const SlaCounts& counts, Time as_of,
                const MetricsOptions& options, MetricsScratch* scratch, SlaMetrics* out);
// The surveys of the case rows `rows` submitted within the filter's time range, ascending.
void select_surveys(const Dataset& data, const MetricsIndex& index, const std::vector<uint32_t>& rows,
                    const Filter& filter, std::vector<uint32_t>* out);
// per_day covers the days first_day..last_day; INT32_MAX, INT32_MIN: the selection's own days (the most
// recent max_days of them).
void count_satisfaction(const MetricsIndex& index, const Selection& sel, int32_t first_day, int32_t last_day,
                        int max_days, SatisfactionCounts* out);
// SatisfactionCounts::by_customer of the selection's surveys.
void count_satisfaction_by_customer(const MetricsIndex& index, const Selection& sel, SatisfactionCounts* out);
// The same for the surveys of every case less `left_surveys` (a text alone that few cases lack): those of
// every case, counted once per index build (CountsScratch::all_by_customer), less the left ones.
void count_satisfaction_by_customer_less(const MetricsIndex& index, const std::vector<uint32_t>& left_surveys,
                                         CountsScratch* scratch, SatisfactionCounts* out);
void finish_satisfaction(const MetricsIndex& index, const SatisfactionCounts& counts,
                         const MetricsOptions& options, MetricsScratch* scratch, SatisfactionMetrics* out);
void count_drivers(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                   const Selection& sel, Time as_of, const MetricsOptions& options, DriverCounts* out);
void finish_drivers(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                    const DriverCounts& counts, const MetricsOptions& options, DriverMetrics* out);
void count_terms(const Dataset& data, const MetricsIndex& index, const Selection& sel,
                 const MetricsOptions& options, TermCounts* out);
void finish_terms(const MetricsIndex& index, const TermCounts& counts, const MetricsOptions& options,
                  VerbatimMetrics* out);
void count_customers(const MetricsIndex& index, const Selection& sel, const MetricsOptions& options,
                     CustomerCounts* out);
// Every plan figure but by_customer: they depend on the customer filter alone.
void compute_plans(const Dataset& data, const Filter& filter, Time as_of, const MetricsOptions& options,
                   Metrics* out);
void join_plan_customers(const Dataset& data, const MetricsIndex& index, const CustomerCounts& customers,
                         const SatisfactionCounts& satisfaction, const MetricsOptions& options, Metrics* out);

// The lists of a selection alone, after PartCounts::subtract: its oldest open cases (BacklogCounts::
// oldest_open); the nearing clocks and open breaches (SlaCounts::nearing, open_breaches) of the rows of the
// cells of `split` in `mask` but those in left_rows, and of those in kept_outside (both ascending).
void list_oldest_open(const Dataset& data, const MetricsIndex& index, const Selection& sel,
                      const MetricsOptions& options, BacklogCounts* out);
void list_sla_clocks(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, CellSplit split,
                     const std::vector<uint8_t>& mask, const std::vector<uint32_t>& left_rows,
                     const std::vector<uint32_t>& kept_outside, Time as_of, const MetricsOptions& options,
                     MetricsScratch* scratch, SlaCounts* out);

// Every part's counts of `sel`; with time_only just those that depend on the time (backlog, SLA clocks,
// drivers), the others are kept. The satisfaction trend covers first_day..last_day (count_satisfaction).
void count_parts(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, const Selection& sel,
                 Time as_of, const MetricsOptions& options, int32_t first_day, int32_t last_day,
                 bool time_only, MetricsScratch* scratch, PartCounts* out);

// ---- cells ------------------------------------------------------------------------------------------
// Whether a filter restricts nothing but severity, offering and whole status classes (the empty filter
// included): the kByKind cells it keeps hold its rows. With but_text, whatever its text.
bool filter_by_cells(const Filter& filter, bool but_text = false);
// Whether a filter restricts nothing but the time range and whole status classes: the kByTime cells of the
// slabs between the range's first and last lie wholly within it.
bool filter_by_time_cells(const Filter& filter);
// The cells of a split that the filter keeps, or keeps some rows of: mask[cell] is 1 (kNoCell + 1
// entries, kNoCell's 0). kByTime keeps the slabs that meet the filter's time range.
void cells_of_filter(const MetricsIndex& index, CellSplit split, const Filter& filter,
                     std::vector<uint8_t>* mask);
// The case rows, open case rows and survey rows of the cells in `mask`, ascending; less those of `except`
// (rows and surveys of those cells, ascending) when given. `buffer` (CountsScratch::buffer here and below)
// is room for writing lists before they are copied out.
void select_cells(const CellIndex& cells, const std::vector<uint8_t>& mask, std::vector<uint32_t>* rows,
                  std::vector<uint32_t>* open_rows, std::vector<uint32_t>* surveys,
                  std::vector<uint32_t>* buffer, const Selection* except = nullptr);
// The rows of `rows` (ascending) in the cells in `mask`, and the open ones among them.
void rows_in_mask(const CellIndex& cells, const std::vector<uint8_t>& mask, const std::vector<uint32_t>& rows,
                  std::vector<uint32_t>* kept, std::vector<uint32_t>* kept_open,
                  std::vector<uint32_t>* buffer);
// The rows, open rows and surveys of the cells in `mask` that a selection within them left out (`rows` and
// `surveys` are the selection's, ascending). With `range` (on the time split, the selection's filter when
// filter_by_time_cells), the case rows left out are found in the range's first and last slab only, by
// their creation times.
void rows_left_out(const CellIndex& cells, const std::vector<uint8_t>& mask,
                   const std::vector<uint32_t>& rows, const std::vector<uint32_t>& surveys,
                   const Filter* range, const std::vector<Time>& created_at, std::vector<uint32_t>* left_rows,
                   std::vector<uint32_t>* left_open, std::vector<uint32_t>* left_surveys);
// The number of case rows in the cells in `mask`.
size_t rows_in_cells(const CellIndex& cells, const std::vector<uint8_t>& mask);
// Per cell, 1 in *mask (kNoCell + 1 entries) when the selection `rows` keeps more of the cell's rows than it
// leaves out, judged by a sample of a large selection's rows. Returns about what counting the selection cell
// by cell then reads: in those cells the rows left out, in the others the rows kept.
size_t cells_kept_mostly(const CellIndex& cells, const std::vector<uint32_t>& rows,
                         std::vector<uint8_t>* mask);
// The rows, open rows and surveys of a selection outside the cells in `mask`, ascending.
void rows_outside_cells(const CellIndex& cells, const std::vector<uint8_t>& mask, const Selection& sel,
                        std::vector<uint32_t>* rows, std::vector<uint32_t>* open_rows,
                        std::vector<uint32_t>* surveys, std::vector<uint32_t>* buffer);
// The sum of the counts of the cells of `split` in `mask` (at least one). The time split's cells hold running
// totals (a cell: its status class's cases created before its slab's end), so that any run of slabs (a time
// range) sums two of them per status class.
void sum_cells(CellSplit split, const CellCounts& split_counts, const std::vector<uint8_t>& mask,
               PartCounts* out);
// The counts of each cell of a split, made unless scratch->counts holds them for this data, SLA result,
// time and counting options. Returns nullptr when the split has no cells (see CellIndex) or the surveys
// span too many days for per-cell trends. The time split's cells hold no lists (oldest open cases, nearing
// clocks, open breaches): a selection that sums them makes its lists anew.
const CellCounts* cell_counts(const Dataset& data, const MetricsIndex& index, CellSplit split,
                              const SlaResults& sla, Time as_of, const MetricsOptions& options,
                              MetricsScratch* scratch);

}  // namespace cb
