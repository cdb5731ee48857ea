// filter.cpp: the selection of a filter's rows (filter.h); filter_args.cpp reads and writes filters.
#include "filter.h"

#include <algorithm>

namespace cb {

template <typename T>
static bool in_set(const std::vector<T>& set, T v) {
    if (set.empty()) return true;
    for (T s : set)
        if (s == v) return true;
    return false;
}

template <typename E>
static uint32_t enum_mask(const std::vector<E>& set) {
    if (set.empty()) return ~0u;
    uint32_t m = 0;
    for (E e : set) m |= 1u << static_cast<uint32_t>(e);
    return m;
}

void select_cases(const Dataset& data, const Filter& f, std::vector<uint32_t>* rows, const TextSearch* text,
                  CandidateRows candidates, std::vector<uint32_t>* open_rows) {
    const CaseTable& c = data.cases;
    const size_t n = c.count;
    // Columns of the wrong length would be read out of bounds: treat such a table as empty.
    bool none = !data.strings;
    for (size_t len :
         {c.id.size(), c.title.size(), c.customer.size(), c.offering.size(), c.queue.size(), c.product.size(),
          c.owner.size(), c.severity.size(), c.status.size(), c.created_at.size()})
        none |= len != n;
    const bool timed = has_time(f.from) || has_time(f.to);
    const uint32_t severity_mask = enum_mask(f.severity), status_mask = enum_mask(f.status);
    const bool by_strings = !f.offering.empty() || !f.queue.empty() || !f.product.empty() ||
                            !f.customer.empty() || !f.owner.empty();
    const std::string needle = fold_case(f.text);
    // How a row is tested for the text: by its strings' search, by the matches of a search of this text
    // (ids it does not cover never match), by the rows it listed as lacking the text (skipped), or not at
    // all: no text, or the rows tested are those it listed as holding the text.
    enum { kNoText, kSearchRow, kMatches, kSkipLacking } test = needle.empty() ? kNoText : kSearchRow;
    const uint32_t *lacking = nullptr, *lacking_end = nullptr;
    if (test && text && text->searched && text->needle == needle) {
        test = kMatches;
        none |= text->kind == TextSearch::kHolding && text->rows.empty();
        if (text->kind == TextSearch::kHolding && (!candidates.rows || text->rows.size() < candidates.count))
            candidates = {text->rows.data(), text->rows.size()}, test = kNoText;
        if (text->kind == TextSearch::kLacking)
            lacking = text->rows.data(), lacking_end = lacking + text->rows.size(), test = kSkipLacking;
    }
    auto matched = [&](StrId id) -> unsigned { return id < text->matches.size() && text->matches[id]; };
    // The rows the search listed as holding the text, with no other key: every one is kept.
    const bool all_kept = test == kNoText && candidates.rows && !timed && !by_strings &&
                          severity_mask == ~0u && status_mask == ~0u;
    const size_t tested = none || all_kept ? 0 : candidates.rows ? candidates.count : n;
    // Every tested row is written and kept when it passes: the cheap tests are and-ed without branches (a
    // text a third of the cases hold would mispredict one in three), the dear ones only asked when needed.
    // (Sized up from its last size, not from empty: resizing writes every entry it adds.)
    rows->resize(std::max(rows->size(), tested));
    uint32_t* to = rows->data();
    size_t kept = 0;
    for (size_t k = 0; k < tested; ++k) {
        const uint32_t r = candidates.rows ? candidates.rows[k] : static_cast<uint32_t>(k);
        if (r >= n) continue;
        bool keep = (!timed || f.time_contains(c.created_at[r])) &
                    (severity_mask >> static_cast<uint32_t>(c.severity[r]) & 1u) &
                    (status_mask >> static_cast<uint32_t>(c.status[r]) & 1u);
        if (by_strings && keep)
            keep = in_set(f.offering, c.offering[r]) && in_set(f.queue, c.queue[r]) &&
                   in_set(f.product, c.product[r]) && in_set(f.customer, c.customer[r]) &&
                   in_set(f.owner, c.owner[r]);
        if (test == kSkipLacking) {
            while (lacking != lacking_end && *lacking < r) ++lacking;
            keep &= lacking == lacking_end || *lacking != r;
        } else if (test == kMatches) {
            keep &= matched(c.id[r]) | matched(c.title[r]) | matched(c.customer[r]);
        } else if (test == kSearchRow && keep) {
            const StringPool& pool = *data.strings;
            keep = contains_folded(pool.view(c.id[r]), needle) ||
                   contains_folded(pool.view(c.title[r]), needle) ||
                   contains_folded(pool.view(c.customer[r]), needle);
        }
        to[kept] = r, kept += keep;
    }
    if (all_kept && !none)
        rows->assign(candidates.rows, candidates.rows + candidates.count);
    else
        rows->resize(kept);
    if (!open_rows) return;
    open_rows->clear();  // (open cases come in runs: the recent ones of each cluster)
    for (uint32_t r : *rows)
        if (is_open(c.status[r])) open_rows->push_back(r);
}

void find_created_runs(const std::vector<Time>& created_at, std::vector<uint32_t>* runs) {
    runs->clear();
    for (uint32_t r = 0; r < created_at.size(); ++r)
        if (r == 0 || created_at[r] < created_at[r - 1]) runs->push_back(r);
    runs->push_back(static_cast<uint32_t>(created_at.size()));
}

bool select_time_range(const Dataset& data, const Filter& f, const std::vector<uint32_t>& created_runs,
                       std::vector<uint32_t>* rows, std::vector<uint32_t>* open_rows) {
    const CaseTable& c = data.cases;
    if ((!has_time(f.from) && !has_time(f.to)) || !f.offering.empty() || !f.queue.empty() ||
        !f.product.empty() || !f.customer.empty() || !f.owner.empty() || !f.text.empty() ||
        created_runs.empty() || created_runs.back() != c.count || c.created_at.size() != c.count ||
        c.severity.size() != c.count || c.status.size() != c.count)
        return false;
    const uint32_t severity_mask = enum_mask(f.severity), status_mask = enum_mask(f.status);
    rows->resize(c.count), open_rows->resize(c.count);
    uint32_t *to = rows->data(), *open_to = open_rows->data();
    size_t k = 0, open_k = 0;
    const Time* created = c.created_at.data();
    for (size_t run = 0; run + 1 < created_runs.size(); ++run) {
        const Time *begin = created + created_runs[run], *end = created + created_runs[run + 1];
        const Time* first = has_time(f.from) ? std::lower_bound(begin, end, f.from) : begin;
        const Time* last = has_time(f.to) ? std::lower_bound(first, end, f.to) : end;
        // Every row is written, and kept when its severity and status are: no branch to mispredict (and no
        // push_back, which costs wasm more than the write).
        const uint32_t stop = static_cast<uint32_t>(last - created);
        for (uint32_t r = static_cast<uint32_t>(first - created); r < stop; ++r) {
            const CaseStatus status = c.status[r];
            const size_t kept = (severity_mask >> static_cast<uint32_t>(c.severity[r])) &
                                (status_mask >> static_cast<uint32_t>(status)) & 1u;
            to[k] = open_to[open_k] = r;
            k += kept, open_k += kept & is_open(status);
        }
    }
    rows->resize(k), open_rows->resize(open_k);
    return true;
}

}  // namespace cb
