// metrics_cells.cpp: counts that add and subtract; the counts of each cell of the three splits.
#include <algorithm>

#include "group_rows.h"
#include "metrics_counts.h"

namespace cb {

template <bool kSubtract, typename Count>
static void combine_one(Count* to, Count from) {
    *to = kSubtract ? *to - from : *to + from;
}
template <bool kSubtract>
static void combine_one(SatHistogram* to, const SatHistogram& from) {
    kSubtract ? to->subtract(from) : to->add(from);
}

// Adds `from` into `to` (or takes it away) element by element; an empty `to` takes from's size when adding.
template <bool kSubtract, typename T>
static void combine_each(std::vector<T>* to, const std::vector<T>& from) {
    if (to->empty()) {
        if (!kSubtract) *to = from;
        return;
    }
    const size_t n = std::min(to->size(), from.size());  // equal, for counts of the same data and options
    for (size_t i = 0; i < n; ++i) combine_one<kSubtract>(&(*to)[i], from[i]);
}

template <typename T>
static void append(std::vector<T>* to, const std::vector<T>& from) {
    to->insert(to->end(), from.begin(), from.end());
}

// Every count of `o` added to (or taken from) those of `to`, or only those of the parts that depend on the
// time (count_parts' time_only). Rank bits add and subtract like the other counters: the ranks of disjoint
// selections never share a bit, and a subset's bits are all set in `to`.
template <bool kSubtract>
static void combine(PartCounts* to, const PartCounts& o, bool time_parts_only = false) {
    // The counters, as pairs of to's and o's (a loop over them instead of one call each keeps the code
    // small); those of the time parts first.
    BacklogCounts& b = to->backlog;
    const BacklogCounts& ob = o.backlog;
    std::vector<uint32_t>* const counters[] = {
        &b.traits,       &b.open_by_queue,        &b.open_by_owner,    &b.arrivals,
        &b.closures,     &b.first_response_ranks, &b.resolution_ranks, &to->sla.bins,
        &to->sla.by_key, &to->drivers.n,          &to->terms.per_term, &to->customers.open};
    const std::vector<uint32_t>* const others[] = {
        &ob.traits,           &ob.open_by_queue, &ob.open_by_owner,
        &ob.arrivals,         &ob.closures,      &ob.first_response_ranks,
        &ob.resolution_ranks, &o.sla.bins,       &o.sla.by_key,
        &o.drivers.n,         &o.terms.per_term, &o.customers.open};
    if (b.arrivals.empty()) b.flow_first = ob.flow_first;
    const size_t time_counters = std::size(counters) - 2;
    for (size_t k = 0; k < (time_parts_only ? time_counters : std::size(counters)); ++k)
        combine_each<kSubtract>(counters[k], *others[k]);
    combine_one<kSubtract>(&b.created_before, ob.created_before);
    combine_one<kSubtract>(&b.open_before, ob.open_before);
    combine_one<kSubtract>(&b.transfers, ob.transfers);
    if (time_parts_only) return;
    for (int side = 0; side < 2; ++side) {
        combine_one<kSubtract>(&to->terms.comments[side], o.terms.comments[side]);
        combine_one<kSubtract>(&to->terms.tokens[side], o.terms.tokens[side]);
    }

    SatisfactionCounts& s = to->satisfaction;
    const SatisfactionCounts& os = o.satisfaction;
    for (int v = 0; v < kSeverities; ++v) combine_one<kSubtract>(&s.by_severity[v], os.by_severity[v]);
    if (s.per_day.empty()) s.first_day = os.first_day;
    std::vector<SatHistogram>* const histograms[] = {&s.by_queue, &s.by_product,  &s.by_offering,
                                                     &s.by_owner, &s.by_customer, &s.per_day};
    const std::vector<SatHistogram>* const other_histograms[] = {
        &os.by_queue, &os.by_product, &os.by_offering, &os.by_owner, &os.by_customer, &os.per_day};
    for (size_t k = 0; k < std::size(histograms); ++k)
        combine_each<kSubtract>(histograms[k], *other_histograms[k]);
}

static void append_lists(PartCounts* to, const PartCounts& o) {
    append(&to->backlog.oldest_open, o.backlog.oldest_open);  // finish_backlog keeps the oldest
    append(&to->sla.nearing, o.sla.nearing);                  // finish_sla keeps the first of each list
    append(&to->sla.open_breaches, o.sla.open_breaches);
}

void PartCounts::add(const PartCounts& o) {
    combine<false>(this, o);
    append_lists(this, o);
}

void PartCounts::subtract(const PartCounts& o) {
    combine<true>(this, o);
}

// The status classes a status filter keeps (every class when it keeps every status), and whether it keeps
// each of them whole.
static bool status_classes(const Filter& f, bool keeps[kStatusClasses]) {
    uint32_t in_class[kStatusClasses] = {}, kept[kStatusClasses] = {};  // status bits
    for (uint32_t s = 0; s < static_cast<uint32_t>(CaseStatus::Count); ++s)
        in_class[status_class(static_cast<CaseStatus>(s))] |= 1u << s;
    for (CaseStatus s : f.status) kept[status_class(s)] |= 1u << static_cast<uint32_t>(s);
    bool whole = true;
    for (uint32_t k = 0; k < kStatusClasses; ++k) {
        keeps[k] = f.status.empty() || kept[k] != 0;
        whole &= f.status.empty() || kept[k] == 0 || kept[k] == in_class[k];
    }
    return whole;
}

// No key but severity, offering, time range and whole status classes (with but_text, whatever the text).
static bool only_keys_of_cells(const Filter& f, bool but_text) {
    bool keeps[kStatusClasses];
    return f.queue.empty() && f.product.empty() && f.customer.empty() && f.owner.empty() &&
           (but_text || f.text.empty()) && status_classes(f, keeps);
}

bool filter_by_cells(const Filter& f, bool but_text) {
    return !has_time(f.from) && !has_time(f.to) && only_keys_of_cells(f, but_text);
}

bool filter_by_time_cells(const Filter& f) {
    return f.severity.empty() && f.offering.empty() && only_keys_of_cells(f, false);
}

void cells_of_filter(const MetricsIndex& index, CellSplit split, const Filter& f,
                     std::vector<uint8_t>* mask) {
    bool keeps[kStatusClasses];
    status_classes(f, keeps);
    mask->assign(kNoCell + 1, 0);
    if (index.cells[split].cells == 0) return;
    auto keep_classes = [&](uint32_t first_cell) {
        for (uint32_t k = 0; k < kStatusClasses; ++k) (*mask)[first_cell + k] = keeps[k];
    };
    if (split == kByTime) {  // the slabs whose times [start[s], start[s + 1]) meet the range [from, to)
        const std::vector<Time>& start = index.slab_start;
        for (size_t s = 0; s < start.size(); ++s)
            if ((!has_time(f.to) || start[s] < f.to) &&
                (!has_time(f.from) || s + 1 == start.size() || start[s + 1] > f.from))
                keep_classes(kStatusClasses * static_cast<uint32_t>(s));
        return;
    }
    if (split == kByQueue) {
        for (uint32_t code = 0; code < index.queue.keys.size(); ++code)
            if (f.queue.empty() ||
                std::find(f.queue.begin(), f.queue.end(), index.queue.keys[code]) != f.queue.end())
                keep_classes(kStatusClasses * code);
        return;
    }
    const uint32_t offerings = index.cells[kByKind].cells / (kStatusClasses * kSeverities);
    for (uint32_t v = 0; v < kSeverities; ++v) {
        if (!f.severity.empty() &&
            std::find(f.severity.begin(), f.severity.end(), static_cast<Severity>(v)) == f.severity.end())
            continue;
        for (uint32_t code = 0; code < offerings; ++code)
            if (f.offering.empty() || std::find(f.offering.begin(), f.offering.end(),
                                                index.offering.keys[code]) != f.offering.end())
                keep_classes(kStatusClasses * (v * offerings + code));
    }
}

// The most days a cell's survey trend may span: more (surveys dated decades apart) and the cells would
// hold more than they save.
constexpr int32_t kMaxCellDays = 8192;

// The options the count_* functions read (the others only shape the figures made from the counts).
static bool same_counting_options(const MetricsOptions& a, const MetricsOptions& b) {
    return a.oldest_open == b.oldest_open && a.list_limit == b.list_limit &&
           a.nearing_hours == b.nearing_hours && a.max_series_days == b.max_series_days &&
           a.driver_age_days == b.driver_age_days && a.verbatim_terms == b.verbatim_terms &&
           a.backlog == b.backlog && a.sla == b.sla && a.satisfaction == b.satisfaction &&
           a.drivers == b.drivers && a.verbatims == b.verbatims && a.plans == b.plans;
}

const CellCounts* cell_counts(const Dataset& data, const MetricsIndex& index, CellSplit split,
                              const SlaResults& sla, Time as_of, const MetricsOptions& opt,
                              MetricsScratch* scratch) {
    const CellIndex& split_index = index.cells[split];
    if (split_index.cells == 0 || index.survey_last_day - index.survey_first_day >= kMaxCellDays)
        return nullptr;
    CellCounts& cc = scratch->counts->cells[split];
    // Satisfaction, terms and the customer join do not depend on the time: the live minute tick recounts
    // only the backlog, the SLA clocks and the drivers.
    const bool same_data = cc.cells.size() == split_index.cells && cc.build == index.build &&
                           same_counting_options(cc.options, opt);
    if (same_data && cc.sla == &sla && cc.sla_as_of == sla.as_of && cc.as_of == as_of) return &cc;
    cc.sla = &sla, cc.sla_as_of = sla.as_of, cc.as_of = as_of, cc.build = index.build, cc.options = opt;
    cc.cells.resize(split_index.cells);
    // Time cells are only summed less the rows a selection leaves out, whose lists are made anew. They hold
    // running totals over the slabs (see sum_cells): each adds the one a slab before it, in the parts it
    // recounted.
    const bool lists = split == kByKind;
    std::vector<uint32_t> rows, surveys;
    const std::vector<uint32_t> none;
    const Filter everything;
    for (uint32_t cell = 0; cell < split_index.cells; ++cell) {
        rows.assign(split_index.cell_rows.begin() + split_index.cell_begin[cell],
                    split_index.cell_rows.begin() + split_index.cell_begin[cell + 1]);
        select_surveys(data, index, rows, everything, &surveys);
        const bool open = cell % kStatusClasses == status_class(CaseStatus::New);  // all its rows, or none
        count_parts(data, index, sla, {rows, open ? rows : none, surveys, lists, false}, as_of, opt,
                    index.survey_first_day, index.survey_last_day, same_data, scratch, &cc.cells[cell]);
        if (split == kByTime && cell >= kStatusClasses)
            combine<false>(&cc.cells[cell], cc.cells[cell - kStatusClasses], same_data);
    }
    if (lists) {
        cc.class_totals.clear(), cc.class_totals.resize(kStatusClasses);
        for (uint32_t cell = 0; cell < split_index.cells; ++cell)
            combine<false>(&cc.class_totals[cell % kStatusClasses], cc.cells[cell]);
    }
    return &cc;
}

void count_parts(const Dataset& data, const MetricsIndex& index, const SlaResults& sla, const Selection& sel,
                 Time as_of, const MetricsOptions& opt, int32_t first_day, int32_t last_day, bool time_only,
                 MetricsScratch* scratch, PartCounts* out) {
    count_backlog(data, index, sel, as_of, opt, &out->backlog);
    count_sla(data, index, sla, sel, as_of, opt, scratch, &out->sla);
    count_drivers(data, index, sla, sel, as_of, opt, &out->drivers);
    if (time_only) return;
    count_satisfaction(index, sel, first_day, last_day, opt.max_series_days, &out->satisfaction);
    count_terms(data, index, sel, opt, &out->terms);
    count_customers(index, sel, opt, &out->customers);
}

// Calls gap(from, to) for each run of 0 .. n-1 between the entries of `skip` (ascending, when given), which
// are stepped over.
template <typename Gap>
static void for_each_gap(size_t n, const std::vector<uint32_t>* skip, Gap gap) {
    size_t from = 0;
    if (skip)
        for (size_t i = 0, end; i < skip->size(); i = end) {  // a run of skipped entries at a time
            end = run_end(*skip, i);
            const uint32_t r = (*skip)[i];
            if (r > from) gap(from, r);
            from = r + (end - i);
        }
    gap(from, n);
}

// Appends r to *rows, and to *open_rows (when given) if its cell is open, when the mask keeps its cell.
static void add_if_kept(uint32_t r, uint8_t cell, const uint8_t* keep, std::vector<uint32_t>* rows,
                        std::vector<uint32_t>* open_rows) {
    if (!keep[cell & ~kCellOpen]) return;
    rows->push_back(r);
    if (open_rows && (cell & kCellOpen)) open_rows->push_back(r);
}

// Room for writing up to n entries in each of two lists: it only grows (growing a vector writes every entry
// it adds, which for a list much shorter than the one it is picked from costs more than picking).
static std::pair<uint32_t*, uint32_t*> room_for(size_t n, std::vector<uint32_t>* buffer) {
    if (buffer->size() < 2 * n) buffer->resize(2 * n);
    return {buffer->data(), buffer->data() + n};
}

void select_cells(const CellIndex& index, const std::vector<uint8_t>& mask, std::vector<uint32_t>* rows,
                  std::vector<uint32_t>* open_rows, std::vector<uint32_t>* surveys,
                  std::vector<uint32_t>* buffer, const Selection* except) {
    // Every row is written and kept when its cell is: no branch to mispredict on mixed cells. Rows of
    // `except` end the runs so written and are stepped over. (The open ones, much fewer, are written in the
    // buffer first.)
    const uint8_t* keep = mask.data();
    const size_t n = index.case_cell.size();
    rows->resize(n);
    uint32_t *to = rows->data(), *open_to = room_for(n, buffer).first;
    size_t k = 0, open_k = 0;
    for_each_gap(n, except ? &except->rows : nullptr, [&](size_t from, size_t end) {
        for (size_t r = from; r < end; ++r) {
            const uint8_t cell = index.case_cell[r];
            const size_t kept = keep[cell & ~kCellOpen];
            to[k] = open_to[open_k] = static_cast<uint32_t>(r);
            k += kept, open_k += kept & (cell >> 7);
        }
    });
    rows->resize(k), open_rows->assign(open_to, open_to + open_k);
    const size_t m = index.survey_cell.size();
    surveys->resize(m);
    k = 0;
    for_each_gap(m, except ? &except->survey_rows : nullptr, [&](size_t from, size_t end) {
        for (size_t i = from; i < end; ++i) {
            (*surveys)[k] = static_cast<uint32_t>(i);
            k += keep[index.survey_cell[i]];
        }
    });
    surveys->resize(k);
}

void rows_in_mask(const CellIndex& index, const std::vector<uint8_t>& mask, const std::vector<uint32_t>& rows,
                  std::vector<uint32_t>* kept, std::vector<uint32_t>* kept_open,
                  std::vector<uint32_t>* buffer) {
    // Every row is written (in the buffer) and kept when its cell is, like select_cells.
    const auto [to, open_to] = room_for(rows.size(), buffer);
    size_t k = 0, open_k = 0;
    for (uint32_t r : rows) {
        const uint8_t cell = r < index.case_cell.size() ? index.case_cell[r] : kNoCell;
        const size_t in = mask[cell & ~kCellOpen];
        to[k] = open_to[open_k] = r;
        k += in, open_k += in & (cell >> 7);
    }
    kept->assign(to, to + k), kept_open->assign(open_to, open_to + open_k);
}

// The entries 0..n-1 that `kept` (ascending) lacks and whose cell the mask keeps, found in the gaps between
// kept's entries: a step per run of kept entries and one per entry in the gaps.
template <typename CellOf>
static void left_out(size_t n, const std::vector<uint32_t>& kept, const uint8_t* keep, CellOf cell_of,
                     std::vector<uint32_t>* left, std::vector<uint32_t>* left_open) {
    left->clear();
    if (left_open) left_open->clear();
    for_each_gap(n, &kept, [&](size_t from, size_t to) {
        for (size_t r = from; r < to; ++r)
            add_if_kept(static_cast<uint32_t>(r), cell_of(r), keep, left, left_open);
    });
}

// The rows of the first and last time slab in the mask created outside the range, ascending: the slabs
// between lie within it. Only those two slabs' rows are looked at (a range from 60 days back leaves out a
// few thousand rows, but the gaps between the rows it keeps hold most of the table).
static void rows_outside_range(const CellIndex& index, const std::vector<uint8_t>& mask, const Filter& range,
                               const std::vector<Time>& created_at, std::vector<uint32_t>* left,
                               std::vector<uint32_t>* left_open) {
    left->clear(), left_open->clear();
    const uint32_t slabs = index.cells / kStatusClasses;
    uint32_t first = slabs, last = 0;
    for (uint32_t cell = 0; cell < index.cells; ++cell)
        if (mask[cell]) first = std::min(first, cell / kStatusClasses), last = cell / kStatusClasses;
    std::vector<uint32_t> merged;
    for (uint32_t cell = 0; first < slabs && cell < index.cells; ++cell) {
        if (!mask[cell] || (cell / kStatusClasses != first && cell / kStatusClasses != last)) continue;
        const size_t sorted = left->size();
        for (uint32_t i = index.cell_begin[cell]; i < index.cell_begin[cell + 1]; ++i) {
            const uint32_t r = index.cell_rows[i];  // (ascending within a cell)
            if (!range.time_contains(created_at[r])) left->push_back(r);
        }
        merged.resize(left->size());
        std::merge(left->begin(), left->begin() + static_cast<std::ptrdiff_t>(sorted),
                   left->begin() + static_cast<std::ptrdiff_t>(sorted), left->end(), merged.begin());
        left->swap(merged);
    }
    for (uint32_t r : *left)
        if (index.case_cell[r] & kCellOpen) left_open->push_back(r);
}

void rows_left_out(const CellIndex& index, const std::vector<uint8_t>& mask,
                   const std::vector<uint32_t>& rows, const std::vector<uint32_t>& surveys,
                   const Filter* range, const std::vector<Time>& created_at, std::vector<uint32_t>* left_rows,
                   std::vector<uint32_t>* left_open, std::vector<uint32_t>* left_surveys) {
    if (range)
        rows_outside_range(index, mask, *range, created_at, left_rows, left_open);
    else
        left_out(
            index.case_cell.size(), rows, mask.data(), [&](size_t r) { return index.case_cell[r]; },
            left_rows, left_open);
    // (A survey of no known case has kNoCell, which no mask keeps.)
    left_out(
        index.survey_cell.size(), surveys, mask.data(), [&](size_t i) { return index.survey_cell[i]; },
        left_surveys, nullptr);
}

size_t rows_in_cells(const CellIndex& index, const std::vector<uint8_t>& mask) {
    size_t n = 0;
    for (uint32_t cell = 0; cell < index.cells; ++cell)
        n += mask[cell] ? index.cell_begin[cell + 1] - index.cell_begin[cell] : 0;
    return n;
}

size_t cells_kept_mostly(const CellIndex& index, const std::vector<uint32_t>& rows,
                         std::vector<uint8_t>* mask) {
    // A large selection is judged by every 32nd row, a few hundred per cell of a million cases (a cell's
    // choice changes what is counted, never the sum).
    const uint32_t step = rows.size() < 65536 ? 1 : 32;
    uint32_t kept[kNoCell + 1] = {};
    for (size_t i = 0; i < rows.size(); i += step) kept[index.case_cell[rows[i]] & ~kCellOpen] += step;
    mask->assign(kNoCell + 1, 0);
    size_t counted = 0;
    for (uint32_t cell = 0; cell < index.cells; ++cell) {
        const uint32_t size = index.cell_begin[cell + 1] - index.cell_begin[cell];
        const uint32_t k = std::min(kept[cell], size);
        (*mask)[cell] = 2 * k > size;
        counted += std::min(k, size - k);
    }
    return counted;
}

void rows_outside_cells(const CellIndex& index, const std::vector<uint8_t>& mask, const Selection& sel,
                        std::vector<uint32_t>* rows, std::vector<uint32_t>* open_rows,
                        std::vector<uint32_t>* surveys, std::vector<uint32_t>* buffer) {
    std::vector<uint8_t> outside(kNoCell + 1, 0);  // (kNoCell stays 0: such rows are in no cell)
    for (uint32_t cell = 0; cell < index.cells; ++cell) outside[cell] = !mask[cell];
    rows_in_mask(index, outside, sel.rows, rows, open_rows, buffer);
    surveys->clear();
    for (uint32_t i : sel.survey_rows)
        if (outside[index.survey_cell[i]]) surveys->push_back(i);
}

// Starts *out with `part` (copying reuses out's buffers) when *first, else adds it. (Not inlined: a copy of
// PartCounts is kilobytes of code at each place it is inlined.)
[[gnu::noinline]] static void add_part(const PartCounts& part, bool* first, PartCounts* out) {
    if (*first) {
        *out = part;
        *first = false;
    } else {
        out->add(part);
    }
}

void sum_cells(CellSplit split, const CellCounts& split_counts, const std::vector<uint8_t>& mask,
               PartCounts* out) {
    const std::vector<PartCounts>& cells = split_counts.cells;
    bool first = true;
    if (split != kByTime) {
        // Per status class: its total (kByKind only) less the cells the mask leaves out when it keeps more
        // than half of them (adding a cell reads about a quarter of a megabyte at 1M cases), else the kept
        // cells added. The lists are the kept cells' either way.
        const size_t per_class = cells.size() / kStatusClasses;
        for (uint32_t k = 0; k < kStatusClasses; ++k) {
            size_t kept = 0;
            for (size_t cell = k; cell < cells.size(); cell += kStatusClasses) kept += mask[cell];
            const bool from_total =
                2 * kept > per_class && split_counts.class_totals.size() == kStatusClasses;
            if (from_total) add_part(split_counts.class_totals[k], &first, out);
            for (size_t cell = k; cell < cells.size(); cell += kStatusClasses) {
                if (from_total && mask[cell]) append_lists(out, cells[cell]);
                if (from_total && !mask[cell]) out->subtract(cells[cell]);
                if (!from_total && mask[cell]) add_part(cells[cell], &first, out);
            }
        }
        return;
    }
    // Per status class, each run of slabs in the mask (a time range's is one) is the running total up to its
    // last less that before its first. (The counters wrap and add in any order: a running total added
    // before the one of an earlier run is taken away still ends with the runs' sum.)
    const size_t slabs = cells.size() / kStatusClasses;
    for (uint32_t k = 0; k < kStatusClasses; ++k)
        for (size_t from = 0, end; from < slabs; from = end) {
            if (!mask[kStatusClasses * from + k]) {
                end = from + 1;
                continue;
            }
            for (end = from; end < slabs && mask[kStatusClasses * end + k];) ++end;
            add_part(cells[kStatusClasses * (end - 1) + k], &first, out);
            if (from > 0) out->subtract(cells[kStatusClasses * (from - 1) + k]);
        }
}

}  // namespace cb
