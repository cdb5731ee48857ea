// metrics_index.cpp: the filter-independent preparation of a dataset (MetricsIndex), built once per data
// version so that a recompute after a filter change only aggregates.
#include <algorithm>
#include <numeric>

#include "group_rows.h"
#include "metrics.h"

namespace cb {

static void build_codes(const std::vector<StrId>& column, const SurveyTable& s, size_t cases,
                        const StringPool& strings, KeyCodes* out) {
    const size_t pool_size = strings.size();
    *out = KeyCodes{};
    std::vector<uint32_t> code_of(pool_size, UINT32_MAX);
    out->case_code.resize(cases);
    for (size_t r = 0; r < cases; ++r) {
        const StrId id = column[r] < pool_size ? column[r] : kNoStr;
        uint32_t& code = code_of[id];
        if (code == UINT32_MAX) code = static_cast<uint32_t>(out->keys.size()), out->keys.push_back(id);
        out->case_code[r] = code;
    }
    group_rows(out->case_code, out->keys.size(), &out->row_begin, &out->rows);
    std::vector<uint32_t>& by_name = out->by_name;
    by_name.resize(out->keys.size());
    std::iota(by_name.begin(), by_name.end(), 0u);
    std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) {
        return strings.view(out->keys[a]) < strings.view(out->keys[b]);
    });
    out->name_rank.resize(out->keys.size());
    for (uint32_t k = 0; k < by_name.size(); ++k) out->name_rank[by_name[k]] = k;
    out->survey_code.resize(s.count);
    for (size_t i = 0; i < s.count; ++i)
        out->survey_code[i] = s.case_index[i] < cases ? out->case_code[s.case_index[i]] : 0;
}

static bool waited_on_customer(const CaseTable& c, uint32_t r) {
    uint32_t b = c.history_begin[r], e = std::min<size_t>(c.history_begin[r + 1], c.history.size());
    for (uint32_t i = b; i < e; ++i)
        if (c.history[i].status == CaseStatus::WaitingCustomer) return true;
    return false;
}

// hours[r] is case r's duration, or NaN when it has none.
static void sort_durations(const std::vector<float>& hours, SortedDurations* out) {
    std::vector<uint32_t> order;
    for (uint32_t r = 0; r < hours.size(); ++r)
        if (!std::isnan(hours[r])) order.push_back(r);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return hours[x] < hours[y]; });
    out->sorted.resize(order.size());
    out->rank.assign(hours.size(), UINT32_MAX);
    for (uint32_t k = 0; k < order.size(); ++k) {
        out->sorted[k] = hours[order[k]];
        out->rank[order[k]] = k;
    }
}

float duration_hours(Time from, Time to) {
    return static_cast<float>(static_cast<double>(std::max<Time>(0, to - from)) / 3600.0);
}

void sort_ranked_codes(const KeyCodes& codes, std::vector<uint64_t>* keys, std::vector<uint32_t>* codes_out) {
    std::sort(keys->begin(), keys->end());
    for (size_t i = 0; i < keys->size(); ++i)
        (*codes_out)[i] = codes.by_name[static_cast<uint32_t>((*keys)[i])];
}

// The split of the cases by cell[r] into `cells` cells, none when they are more than kMaxCells.
static void split_cases(const CaseTable& c, const SurveyTable& s, const std::vector<uint32_t>& cell,
                        size_t cells, CellIndex* out) {
    *out = CellIndex{};
    if (cells == 0 || cells > kMaxCells) return;
    out->cells = static_cast<uint32_t>(cells);
    out->case_cell.resize(c.count);
    for (uint32_t r = 0; r < c.count; ++r)
        out->case_cell[r] = static_cast<uint8_t>(cell[r] | (is_open(c.status[r]) ? kCellOpen : 0));
    group_rows(cell, cells, &out->cell_begin, &out->cell_rows);
    out->survey_cell.assign(s.count, kNoCell);
    for (uint32_t i = 0; i < s.count; ++i)
        if (s.case_index[i] < c.count) out->survey_cell[i] = out->case_cell[s.case_index[i]] & ~kCellOpen;
}

// The starts of the time slabs: creation times about equally many cases apart, read from a sample of at
// least 8192 cases (sorting them all would cost the index build more than the slabs save). The first slab
// starts at kNoTime; a time many cases share starts one slab only.
static void slab_starts(const std::vector<Time>& created, std::vector<Time>* out) {
    out->clear();
    if (created.empty()) return;
    const size_t step = std::max<size_t>(1, created.size() / 8192);
    std::vector<Time> sample;
    for (size_t r = 0; r < created.size(); r += step) sample.push_back(created[r]);
    std::sort(sample.begin(), sample.end());
    out->push_back(kNoTime);
    for (size_t k = 1; k < kTimeSlabs; ++k)
        if (const Time t = sample[k * sample.size() / kTimeSlabs]; t > out->back()) out->push_back(t);
}

void build_metrics_index(const Dataset& any_data, MetricsIndex* out) {
    static const StringPool kEmptyPool;
    Dataset empty;  // an unusable dataset is indexed as an empty one (compute_metrics treats it so too)
    empty.strings = &kEmptyPool;
    const Dataset& data = any_data.strings && cases_usable(any_data.cases) ? any_data : empty;
    const CaseTable& c = data.cases;
    static const SurveyTable kNoSurveys;  // per-survey copies only when the survey columns are whole
    const SurveyTable& s = surveys_usable(data.surveys) ? data.surveys : kNoSurveys;
    static uint64_t builds = 0;
    out->build = ++builds;
    out->cases = c.count;
    out->surveys = data.surveys.count;
    build_codes(c.queue, s, c.count, *data.strings, &out->queue);
    build_codes(c.owner, s, c.count, *data.strings, &out->owner);
    build_codes(c.customer, s, c.count, *data.strings, &out->customer);
    build_codes(c.product, s, c.count, *data.strings, &out->product);
    build_codes(c.offering, s, c.count, *data.strings, &out->offering);

    std::vector<uint32_t> severity_code(c.count);
    for (uint32_t r = 0; r < c.count; ++r)
        severity_code[r] = std::min<uint32_t>(static_cast<uint32_t>(c.severity[r]), kSeverities - 1);
    group_rows(severity_code, kSeverities, &out->severity_begin, &out->severity_rows);
    const size_t offerings = out->offering.keys.size();
    std::vector<uint32_t> cell(c.count);
    for (uint32_t r = 0; r < c.count; ++r)
        cell[r] = kStatusClasses *
                      (severity_code[r] * static_cast<uint32_t>(offerings) + out->offering.case_code[r]) +
                  status_class(c.status[r]);
    split_cases(c, s, cell, kStatusClasses * kSeverities * offerings, &out->cells[kByKind]);
    slab_starts(c.created_at, &out->slab_start);
    for (uint32_t r = 0; r < c.count; ++r) {
        const auto after = std::upper_bound(out->slab_start.begin(), out->slab_start.end(), c.created_at[r]);
        cell[r] = kStatusClasses * static_cast<uint32_t>(after - out->slab_start.begin() - 1) +
                  status_class(c.status[r]);
    }
    split_cases(c, s, cell, kStatusClasses * out->slab_start.size(), &out->cells[kByTime]);
    for (uint32_t r = 0; r < c.count; ++r)
        cell[r] = kStatusClasses * out->queue.case_code[r] + status_class(c.status[r]);
    split_cases(c, s, cell, kStatusClasses * out->queue.keys.size(), &out->cells[kByQueue]);
    // A time range selects by runs when they are long: a run of 16 rows costs its two binary searches what
    // testing its rows would.
    find_created_runs(c.created_at, &out->created_runs);
    if (out->created_runs.size() > c.count / 16 + 64) out->created_runs.clear();
    out->unfiltered = UnfilteredCache{};

    out->end_time.resize(c.count);
    out->created_day.resize(c.count);
    out->end_day.resize(c.count);
    out->case_traits.resize(c.count);
    std::vector<float> first_response(c.count), resolution(c.count);
    out->first_created_day = c.count ? INT32_MAX : INT32_MIN;
    for (uint32_t r = 0; r < c.count; ++r) {
        out->end_time[r] = case_end_time(c, r);
        out->created_day[r] = has_time(c.created_at[r]) ? day_of(c.created_at[r]) : INT32_MIN;
        out->first_created_day = std::min(out->first_created_day, out->created_day[r]);
        out->end_day[r] = has_time(out->end_time[r]) ? day_of(out->end_time[r]) : INT32_MAX;
        const bool first_contact = c.transfers[r] == 0 && c.reopened[r] == 0 && !waited_on_customer(c, r);
        const unsigned status = std::min<unsigned>(static_cast<unsigned>(c.status[r]), kStatuses - 1);
        const unsigned severity = std::min<unsigned>(static_cast<unsigned>(c.severity[r]), kSeverities - 1);
        out->case_traits[r] = static_cast<uint16_t>(
            status | severity << kTraitSeverityShift | (c.transfers[r] >= 2 ? kTraitTransfers2 : 0) |
            (c.collaborators[r] > 0 ? kTraitSwarmed : 0) | (c.reopened[r] > 0 ? kTraitReopened : 0) |
            (first_contact ? kTraitFirstContact : 0) | (c.system_down[r] != 0 ? kTraitSystemDown : 0));
        first_response[r] =
            has_time(c.first_response_at[r]) ? duration_hours(c.created_at[r], c.first_response_at[r]) : kNaN;
        resolution[r] = !is_open(c.status[r]) && c.status[r] != CaseStatus::Cancelled
                            ? duration_hours(c.created_at[r], out->end_time[r])
                            : kNaN;
    }
    sort_durations(first_response, &out->first_response);
    sort_durations(resolution, &out->resolution);

    std::vector<uint32_t> survey_case(s.count);
    for (uint32_t i = 0; i < s.count; ++i) survey_case[i] = std::min<uint32_t>(s.case_index[i], c.count);
    group_rows(survey_case, c.count + 1, &out->survey_begin, &out->survey_rows);  // code c.count: no case
    out->surveys_in_case_order = std::is_sorted(survey_case.begin(), survey_case.end());
    out->survey_slots.resize(s.count);
    out->survey_day.resize(s.count);
    int32_t first_day = INT32_MAX, last_day = INT32_MIN;
    for (uint32_t i = 0; i < s.count; ++i) {
        out->survey_slots[i] = SatHistogram::slots(s, i);
        const int32_t day = has_time(s.submitted_at[i]) ? day_of(s.submitted_at[i]) : INT32_MIN;
        out->survey_day[i] = day;
        if (day != INT32_MIN) first_day = std::min(first_day, day), last_day = std::max(last_day, day);
    }
    const bool dated = first_day <= last_day;
    out->survey_first_day = dated ? first_day : 0, out->survey_last_day = dated ? last_day : -1;
    Time first = INT64_MAX, last = INT64_MIN;
    for (const std::vector<Time>* times : {&c.created_at, &s.submitted_at})
        for (Time t : *times) first = std::min(first, t), last = std::max(last, t);
    const bool all_dated = first != kNoTime && first <= last;  // (kNoTime is the smallest Time)
    out->dated_first = all_dated ? first : kNoTime, out->dated_last = all_dated ? last : kNoTime;
    out->survey_severity.assign(s.count, Severity::A);
    out->survey_case_flags.assign(s.count, 0);
    out->survey_case_created.assign(s.count, kNoTime);
    out->survey_case_end.assign(s.count, kNoTime);
    for (uint32_t i = 0; i < s.count; ++i) {
        const uint32_t r = s.case_index[i];
        if (r >= c.count) continue;
        out->survey_severity[i] = c.severity[r];
        out->survey_case_flags[i] =
            static_cast<uint8_t>((c.transfers[r] >= 2 ? kCaseFlagTransfers2 : 0) |
                                 (!has_time(c.scope_agreed_at[r]) ? kCaseFlagNoScope : 0) |
                                 (c.reopened[r] > 0 ? kCaseFlagReopened : 0) |
                                 (c.solution_validated[r] == Tristate::No ? kCaseFlagNotValidated : 0));
        out->survey_case_created[i] = c.created_at[r];
        out->survey_case_end[i] = out->end_time[r];
    }
    build_text_index(data, &out->text);
    order_open_oldest_first(data, out);
    if (&s == &data.surveys) {
        index_verbatim_terms(data, out);
        order_surveys_newest_first(data, out);
    } else {
        out->terms.clear(), out->term_begin.clear(), out->term_ids.clear();
        out->newest.clear(), out->newest_rank.clear();
    }
}

}  // namespace cb
