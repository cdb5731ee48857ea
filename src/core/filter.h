// filter.h: which cases the metrics look at.
//
// A Filter is a conjunction of small allowed-value sets (empty set = everything) plus a created_at range
// and a free-text search. select_cases() turns it into a selection vector of row indices once; every
// aggregate then loops over that vector. Filters travel as "key=value" strings (CLI --filter, URL state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "text_search.h"

namespace cb {

struct Filter {
    Time from = kNoTime, to = kNoTime;  // created_at in [from, to); kNoTime = open end
    std::vector<StrId> offering, queue, product, customer, owner;
    std::vector<Severity> severity;
    std::vector<CaseStatus> status;
    std::string text;  // case-insensitive substring of id, title or customer; empty = no text filter

    bool time_contains(Time t) const { return (!has_time(from) || t >= from) && (!has_time(to) || t < to); }
    bool operator==(const Filter& o) const {
        return from == o.from && to == o.to && offering == o.offering && queue == o.queue &&
               product == o.product && customer == o.customer && owner == o.owner && severity == o.severity &&
               status == o.status && text == o.text;
    }
    bool operator!=(const Filter& o) const { return !(*this == o); }
};

// Rows that may match, ascending (e.g. the rows of the one queue a filter allows): a selection then tests
// only these instead of scanning the whole table.
struct CandidateRows {
    const uint32_t* rows = nullptr;  // nullptr = every row
    size_t count = 0;
};

// Appends the selected row indices, ascending, to a cleared *rows (its capacity is reused), and the open
// ones among them to *open_rows when given. With a search of the filter's text (search_text over this
// data), the text filter takes its answer instead of searching each row's strings.
void select_cases(const Dataset& data, const Filter& filter, std::vector<uint32_t>* rows,
                  const TextSearch* text = nullptr, CandidateRows candidates = {},
                  std::vector<uint32_t>* open_rows = nullptr);

// Rows in runs of ascending creation time: the first row of each run, then the number of rows (empty: none
// made). Assembled data comes in few runs (one per queue and severity cluster of a feed in creation order).
void find_created_runs(const std::vector<Time>& created_at, std::vector<uint32_t>* runs);
// select_cases() for a filter by nothing but a time range, severities and statuses: in each run the rows
// created within the range lie between two binary searches, so no row's time is tested. Returns false
// (and selects nothing) for any other filter or without runs.
bool select_time_range(const Dataset& data, const Filter& filter, const std::vector<uint32_t>& created_runs,
                       std::vector<uint32_t>* rows, std::vector<uint32_t>* open_rows);

// Applies one "key=v1,v2" argument. Keys: from, to (date "2026-03-02", timestamp "2026-03-02T09:15:00Z" or
// epoch seconds), offering, severity, queue, product, customer, owner, status (comma-separated values, "\,"
// for a comma inside a name), text. An empty value clears the key. Unknown keys, unknown names (not in the
// data) and malformed values return false with a message in *error and leave *filter unchanged.
bool apply_filter_arg(std::string_view arg, const StringPool& strings, Filter* filter, std::string* error);
// The inverse: one "key=value" string per non-empty key, in the key order above.
std::vector<std::string> filter_to_args(const Filter& filter, const StringPool& strings);

}  // namespace cb
