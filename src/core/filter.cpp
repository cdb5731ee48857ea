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
    rows->clear();
    if (open_rows) open_rows->clear();
    const CaseTable& c = data.cases;
    if (!data.strings) return;
    const size_t n = c.count;
    // Columns of the wrong length would be read out of bounds: treat such a table as empty.
    for (size_t len :
         {c.id.size(), c.title.size(), c.customer.size(), c.offering.size(), c.queue.size(), c.product.size(),
          c.owner.size(), c.severity.size(), c.status.size(), c.created_at.size()})
        if (len != n) return;
    const bool timed = has_time(f.from) || has_time(f.to);
    const uint32_t severity_mask = enum_mask(f.severity), status_mask = enum_mask(f.status);
    const bool by_strings = !f.offering.empty() || !f.queue.empty() || !f.product.empty() ||
                            !f.customer.empty() || !f.owner.empty();
    const std::string needle = fold_case(f.text);
    const StringPool& pool = *data.strings;
    // A search of this text answers per string (ids it does not cover never match), and may list the rows
    // holding the text (then the only ones tested) or lacking it (skipped).
    const bool searched = !needle.empty() && text && text->searched && text->needle == needle;
    const uint32_t *lacking = nullptr, *lacking_end = nullptr;
    if (searched && text->kind == TextSearch::kHolding) {
        if (text->rows.empty()) return;
        if (!candidates.rows || text->rows.size() < candidates.count)
            candidates = {text->rows.data(), text->rows.size()};
    }
    if (searched && text->kind == TextSearch::kLacking)
        lacking = text->rows.data(), lacking_end = lacking + text->rows.size();
    auto matched = [&](StrId id) { return id < text->matches.size() && text->matches[id]; };
    const size_t tested = candidates.rows ? candidates.count : n;
    for (size_t k = 0; k < tested; ++k) {
        const uint32_t r = candidates.rows ? candidates.rows[k] : static_cast<uint32_t>(k);
        if (r >= n) continue;
        if (timed && !f.time_contains(c.created_at[r])) continue;
        if (!(severity_mask >> static_cast<uint32_t>(c.severity[r]) & 1u)) continue;
        if (!(status_mask >> static_cast<uint32_t>(c.status[r]) & 1u)) continue;
        if (by_strings && !(in_set(f.offering, c.offering[r]) && in_set(f.queue, c.queue[r]) &&
                            in_set(f.product, c.product[r]) && in_set(f.customer, c.customer[r]) &&
                            in_set(f.owner, c.owner[r])))
            continue;
        if (lacking) {
            while (lacking != lacking_end && *lacking < r) ++lacking;
            if (lacking != lacking_end && *lacking == r) continue;
        } else if (searched) {
            if (!matched(c.id[r]) && !matched(c.title[r]) && !matched(c.customer[r])) continue;
        } else if (!needle.empty() && !contains_folded(pool.view(c.id[r]), needle) &&
                   !contains_folded(pool.view(c.title[r]), needle) &&
                   !contains_folded(pool.view(c.customer[r]), needle))
            continue;
        rows->push_back(r);
        if (open_rows && is_open(c.status[r])) open_rows->push_back(r);
    }
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
