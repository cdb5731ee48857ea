// metrics.cpp: the one entry point that fills every figure for a filter and an "as of" time.
#include "metrics_counts.h"

#include <algorithm>

#include "rollups.h"

namespace cb {

// Columns of the wrong length would be read out of bounds: such a table is treated as empty.
bool cases_usable(const CaseTable& c) {
    const size_t n = c.count;
    for (size_t len :
         {c.id.size(), c.title.size(), c.customer.size(), c.offering.size(), c.queue.size(), c.product.size(),
          c.owner.size(), c.severity.size(), c.system_down.size(), c.status.size(), c.created_at.size(),
          c.first_response_at.size(), c.scope_agreed_at.size(), c.resolved_at.size(), c.closed_at.size(),
          c.transfers.size(), c.collaborators.size(), c.reopened.size(), c.solution_validated.size()})
        if (len != n) return false;
    return c.history_begin.size() == n + 1;
}

bool surveys_usable(const SurveyTable& s) {
    for (size_t len : {s.case_index.size(), s.submitted_at.size(), s.csat.size(), s.effort.size(),
                       s.resolved.size(), s.nps.size(), s.verbatim.size()})
        if (len != s.count) return false;
    return true;
}

// Stands in for an unusable dataset so that every figure is reset, never read out of bounds.
static const Dataset& usable_or_empty(const Dataset& data) {
    static const StringPool kEmptyPool;
    static const Dataset kEmpty = [] {
        Dataset d;
        d.strings = &kEmptyPool;
        return d;
    }();
    return data.strings && cases_usable(data.cases) ? data : kEmpty;
}

static bool index_fits(const MetricsIndex& index, const Dataset& d) {
    return index.cases == d.cases.count && index.surveys == d.surveys.count &&
           index.queue.case_code.size() == d.cases.count;
}

// The smallest row list of a key the filter restricts to one value (the selection then tests only those
// rows); every row when no key is restricted so.
static CandidateRows candidate_rows(const MetricsIndex& index, const Filter& f) {
    CandidateRows best;
    auto consider = [&](const uint32_t* rows, size_t count) {
        if (!best.rows || count < best.count) best.rows = rows, best.count = count;
    };
    static const uint32_t kNone = 0;  // a value no case has: an empty list
    const std::pair<const std::vector<StrId>*, const KeyCodes*> keys[] = {
        {&f.offering, &index.offering}, {&f.queue, &index.queue}, {&f.product, &index.product},
        {&f.customer, &index.customer}, {&f.owner, &index.owner},
    };
    for (const auto& [values, codes] : keys) {
        if (values->size() != 1) continue;
        const auto at = std::find(codes->keys.begin(), codes->keys.end(), values->front());
        if (at == codes->keys.end()) {
            consider(&kNone, 0);
            continue;
        }
        const size_t k = static_cast<size_t>(at - codes->keys.begin());
        consider(codes->rows.data() + codes->row_begin[k], codes->row_begin[k + 1] - codes->row_begin[k]);
    }
    if (f.severity.size() == 1 && static_cast<int>(f.severity[0]) < kSeverities) {
        const size_t k = static_cast<size_t>(f.severity[0]);
        consider(index.severity_rows.data() + index.severity_begin[k],
                 index.severity_begin[k + 1] - index.severity_begin[k]);
    }
    return best;
}

static bool same_options(const MetricsOptions& a, const MetricsOptions& b) {
    return a.oldest_open == b.oldest_open && a.list_limit == b.list_limit &&
           a.nearing_hours == b.nearing_hours && a.max_series_days == b.max_series_days &&
           a.driver_age_days == b.driver_age_days && a.driver_min_n == b.driver_min_n &&
           a.driver_max_p == b.driver_max_p && a.plan_late_days == b.plan_late_days &&
           a.plan_gap == b.plan_gap && a.verbatim_terms == b.verbatim_terms && a.top_terms == b.top_terms &&
           a.term_min_count == b.term_min_count && a.verbatim_query == b.verbatim_query &&
           a.verbatim_min_csat == b.verbatim_min_csat && a.verbatim_max_csat == b.verbatim_max_csat &&
           a.backlog == b.backlog && a.sla == b.sla && a.satisfaction == b.satisfaction &&
           a.drivers == b.drivers && a.verbatims == b.verbatims && a.plans == b.plans &&
           a.cell_counts == b.cell_counts;
}

// A time range that holds every case's creation and every survey's submission restricts nothing: the figures
// are those of the filter without it, which may sum cells ("the last 12 months" of a year of data).
static const Filter& without_idle_time_range(const MetricsIndex& index, const Filter& f, Filter* untimed) {
    if ((!has_time(f.from) && !has_time(f.to)) || !has_time(index.dated_first) ||
        (has_time(f.from) && f.from > index.dated_first) || (has_time(f.to) && f.to <= index.dated_last))
        return f;
    *untimed = f;
    untimed->from = untimed->to = kNoTime;
    return *untimed;
}

static bool is_empty_filter(const Filter& f) {
    return filter_by_cells(f) && f.offering.empty() && f.severity.empty() && f.status.empty();
}

// The figures only (vector assignment reuses *to's buffers; the scratch stays).
static void copy_figures(const Metrics& from, Metrics* to) {
    to->as_of = from.as_of;
    to->rows = from.rows;
    to->open_rows = from.open_rows;
    to->backlog = from.backlog;
    to->sla = from.sla;
    to->satisfaction = from.satisfaction;
    to->drivers = from.drivers;
    to->verbatims = from.verbatims;
    to->plans = from.plans;
}

void compute_metrics(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                     const Filter& filter, Time as_of, const MetricsOptions& options, Metrics* out) {
    const Dataset& d = usable_or_empty(data);
    const MetricsIndex* idx = &index;
    if (!index_fits(index, d)) {
        build_metrics_index(d, &out->scratch.own_index);
        idx = &out->scratch.own_index;
    }
    UnfilteredCache& cache = idx->unfiltered;
    Filter untimed;  // the filter that selects (rollups read the time range itself)
    const Filter& selecting = uses_rollups(d) ? filter : without_idle_time_range(*idx, filter, &untimed);
    const bool unfiltered = is_empty_filter(selecting);
    if (unfiltered && cache.metrics && cache.sla == &sla && cache.sla_as_of == sla.as_of &&
        cache.as_of == as_of && same_options(cache.options, options)) {
        copy_figures(*cache.metrics, out);
        out->scratch.selection = out->scratch.plans = {idx->build, as_of, filter, options};  // the cache's
        return;
    }
    out->as_of = as_of;
    MetricsScratch& scratch = out->scratch;
    scratch.keys.prepare(d.strings->size());  // the plans' roll-ups by CSAM and customer
    // (Rollups add their satisfaction into the cleared figures: with rollups every section is recomputed.)
    const MetricsScratch::ComputedFor now{idx->build, as_of, filter, options};
    const MetricsScratch::ComputedFor& before = scratch.selection;
    const bool same_selection = before.build == now.build && before.filter == filter &&
                                same_options(before.options, options) && !uses_rollups(d);
    const MetricsScratch::ComputedFor& pl = scratch.plans;
    const bool same_plans = pl.build == now.build && pl.as_of == as_of &&
                            pl.filter.customer == filter.customer && same_options(pl.options, options);
    if (!scratch.counts) scratch.counts = std::make_shared<CountsScratch>();
    CountsScratch& cs = *scratch.counts;
    // Filters on severity, offering and whole status classes sum their cells' counts, when the data has
    // cells and the filter keeps some (else counting its rows costs nothing).
    std::vector<uint8_t>* masks = scratch.cell_mask;
    const bool with_cells = options.cell_counts && !uses_rollups(d);
    if (with_cells) cells_of_filter(*idx, kByKind, selecting, &masks[kByKind]);
    const bool only_cells = with_cells && filter_by_cells(selecting);
    const CellCounts* cells = nullptr;
    if (only_cells && std::find(masks[kByKind].begin(), masks[kByKind].end(), 1) != masks[kByKind].end())
        cells = cell_counts(d, *idx, kByKind, sla, as_of, options, &scratch);
    // The queue cells come with the first figures of a data version (the load's wait, not a click's); a
    // minute tick leaves them to be recounted by the next queue filter.
    if (unfiltered && with_cells && cs.cells[kByQueue].build != idx->build)
        cell_counts(d, *idx, kByQueue, sla, as_of, options, &scratch);
    std::vector<uint32_t>& surveys = out->satisfaction.survey_rows;
    const TextSearch* text = selecting.text.empty() ? nullptr : &scratch.text;
    if (text) search_text(d, idx->text, selecting.text, &scratch.text);
    // A text most cases hold, by itself or with keys of whole cells: the rows it leaves out are the cases
    // lacking the text in the cells the other keys keep, which the search listed.
    const Selection left{cs.left_rows, cs.left_open, cs.left_surveys, false, false};
    const bool by_text_left = with_cells && text && text->kind == TextSearch::kLacking &&
                              filter_by_cells(selecting, true) && idx->cells[kByKind].cells != 0;
    if (by_text_left) {
        rows_in_mask(idx->cells[kByKind], masks[kByKind], text->rows, &cs.left_rows, &cs.left_open,
                     &cs.buffer);
        select_surveys(d, *idx, cs.left_rows, selecting, &cs.left_surveys);
    }
    if (!same_selection) {
        if (cells || by_text_left) {
            select_cells(idx->cells[kByKind], masks[kByKind], &out->rows, &out->open_rows, &surveys,
                         &cs.buffer, cells ? nullptr : &left);
        } else {
            if (!select_time_range(d, selecting, idx->created_runs, &out->rows, &out->open_rows))
                select_cases(d, selecting, &out->rows, text, candidate_rows(*idx, selecting),
                             &out->open_rows);
            select_surveys(d, *idx, out->rows, selecting, &surveys);
        }
    }
    // A filter by other keys too (status, time range, queue, text...) that keeps most rows of the cells of a
    // split: its counts are those cells' less the counts of the rows it leaves out, when counting those and
    // finding them (a walk over every row, each step about a 32nd of counting a row) costs less than counting
    // the rows it keeps. A time range or a queue takes the split that leaves out fewer. A filter keeping
    // every row of its cells (one queue, without a time range that may leave out surveys) is their sum.
    CellSplit split = kByKind;
    size_t fewest_left = by_text_left ? cs.left_rows.size() : SIZE_MAX;
    for (CellSplit s : {kByKind, kByTime, kByQueue}) {
        if (!with_cells || only_cells || by_text_left || idx->cells[s].cells == 0) continue;
        if (s == kByTime && !has_time(selecting.from) && !has_time(selecting.to)) continue;
        if (s == kByQueue && selecting.queue.empty()) continue;
        if (s != kByKind) cells_of_filter(*idx, s, selecting, &masks[s]);
        const size_t left_out = rows_in_cells(idx->cells[s], masks[s]) - out->rows.size();
        if (left_out < fewest_left) fewest_left = left_out, split = s;
    }
    const bool whole_cells = fewest_left == 0 && !has_time(selecting.from) && !has_time(selecting.to);
    // (The text's search found the rows it leaves out; whole cells leave out none.)
    const size_t walk = by_text_left || whole_cells ? 0 : d.cases.count / 32;
    bool broad = fewest_left != SIZE_MAX && fewest_left + walk < out->rows.size();
    const bool edges_only = broad && split == kByTime && filter_by_time_cells(selecting);
    // A selection that leaves out many rows of every split's cells it meets (a text a third of the cases
    // hold; a case number's first digits, which follow creation time) may still keep most rows of some cells
    // and few of the others: cell by cell, the fewer of its rows kept and left out are counted. (Worth
    // finding each kept row's cells when counting would read many rows.)
    bool by_cell = false;
    cs.outside_rows.clear();
    size_t least = broad ? fewest_left + walk : out->rows.size();
    const bool try_by_cell = with_cells && !only_cells && !by_text_left && !edges_only && !whole_cells &&
                             least >= d.cases.count / 8;
    for (CellSplit s : {kByKind, kByTime, kByQueue}) {
        if (!try_by_cell || idx->cells[s].cells == 0) continue;
        const size_t counted = cells_kept_mostly(idx->cells[s], out->rows, &cs.mostly[s]) + walk;
        if (counted < least && std::find(cs.mostly[s].begin(), cs.mostly[s].end(), 1) != cs.mostly[s].end())
            least = counted, split = s, by_cell = broad = true;
    }
    if (broad) cells = cell_counts(d, *idx, split, sla, as_of, options, &scratch);
    const std::vector<uint8_t>& mask = by_cell ? cs.mostly[split] : masks[split];
    const Selection sel{out->rows, out->open_rows, surveys};
    PartCounts& counts = cs.selection;
    if (cells) {
        sum_cells(split, *cells, mask, &counts);
        if (broad && whole_cells) {
            cs.left_rows.clear(), cs.left_open.clear(), cs.left_surveys.clear();
        } else if (broad) {
            if (!by_text_left)
                rows_left_out(idx->cells[split], mask, out->rows, surveys, edges_only ? &selecting : nullptr,
                              d.cases.created_at, &cs.left_rows, &cs.left_open, &cs.left_surveys);
            count_parts(d, *idx, sla, left, as_of, options, idx->survey_first_day, idx->survey_last_day,
                        false, &scratch, &cs.left_out);
            counts.subtract(cs.left_out);
        }
        if (by_cell) {  // and the rows it keeps outside those cells
            rows_outside_cells(idx->cells[split], mask, sel, &cs.outside_rows, &cs.outside_open,
                               &cs.outside_surveys, &cs.buffer);
            const Selection outside{cs.outside_rows, cs.outside_open, cs.outside_surveys, false, false};
            count_parts(d, *idx, sla, outside, as_of, options, idx->survey_first_day, idx->survey_last_day,
                        false, &scratch, &cs.outside);
            counts.add(cs.outside);
        }
        if (broad) {  // the lists (not sums) of the selection
            list_oldest_open(d, *idx, sel, options, &counts.backlog);
            list_sla_clocks(d, *idx, sla, split, mask, cs.left_rows, cs.outside_rows, as_of, options,
                            &scratch, &counts.sla);
        }
        // (A text alone that few cases lack, the selection every case less those: every survey's, less
        // those it leaves out.)
        if (by_text_left && out->rows.size() + cs.left_rows.size() == d.cases.count)
            count_satisfaction_by_customer_less(*idx, cs.left_surveys, &cs, &counts.satisfaction);
        else
            count_satisfaction_by_customer(*idx, sel, &counts.satisfaction);
    } else {
        // A large selection counted row by row takes its lists of clocks from the orders of every listed
        // clock, as a broad one does, rather than listing its own and sorting them.
        const bool lists_of_orders =
            with_cells && idx->cells[kByKind].cells != 0 && out->rows.size() >= d.cases.count / 8;
        const Selection counted{out->rows, out->open_rows, surveys, !lists_of_orders};
        count_parts(d, *idx, sla, counted, as_of, options, INT32_MAX, INT32_MIN, same_selection, &scratch,
                    &counts);
        if (lists_of_orders) {
            static const std::vector<uint8_t> kNoCells(kNoCell + 1, 0);  // every row is kept outside them
            static const std::vector<uint32_t> kNoRows;
            list_oldest_open(d, *idx, sel, options, &counts.backlog);
            list_sla_clocks(d, *idx, sla, kByKind, kNoCells, kNoRows, out->rows, as_of, options, &scratch,
                            &counts.sla);
        }
    }
    finish_backlog(d, *idx, counts.backlog, static_cast<uint32_t>(out->rows.size()),
                   static_cast<uint32_t>(out->open_rows.size()), options, &out->backlog);
    finish_sla(d, *idx, counts.sla, as_of, options, &scratch, &out->sla);
    finish_drivers(d, *idx, sla, counts.drivers, options, &out->drivers);
    if (!same_selection) {
        finish_satisfaction(*idx, counts.satisfaction, options, &scratch, &out->satisfaction);
        out->verbatims.matches.clear();
        if (options.verbatims)
            search_verbatims(d, *idx, surveys, options.verbatim_query, options.verbatim_min_csat,
                             options.verbatim_max_csat, &out->verbatims.matches);
        finish_terms(*idx, counts.terms, options, &out->verbatims);
    }
    if (!same_plans) compute_plans(d, filter, as_of, options, out);
    join_plan_customers(d, *idx, counts.customers, counts.satisfaction, options, out);
    compute_rollup_metrics(d, filter, as_of, options, out);  // no cases: the rollups give what they can
    scratch.selection = scratch.plans = now;
    if (unfiltered) {
        if (!cache.metrics) cache.metrics = std::make_unique<Metrics>();
        copy_figures(*out, cache.metrics.get());
        cache.sla = &sla, cache.sla_as_of = sla.as_of, cache.as_of = as_of, cache.options = options;
    }
}

void compute_metrics(const Dataset& data, const SlaResults& sla, const Filter& filter, Time as_of,
                     const MetricsOptions& options, Metrics* out) {
    MetricsIndex& index = out->scratch.own_index;
    build_metrics_index(usable_or_empty(data), &index);
    compute_metrics(data, index, sla, filter, as_of, options, out);
}

}  // namespace cb
