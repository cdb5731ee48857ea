// group_rows.h: rows ordered by a small integer code (row lists per key, clustered storage), runs of
// consecutive rows in a row list, and counting a row list a chunk at a time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace cb {

// Counting sort of the rows 0 .. code.size() - 1 by code[row] in [0, codes): stable, so each code's rows
// stay ascending. Code k's rows are rows[begin[k] .. begin[k + 1]).
inline void group_rows(const std::vector<uint32_t>& code, size_t codes, std::vector<uint32_t>* begin,
                       std::vector<uint32_t>* rows) {
    begin->assign(codes + 1, 0);
    for (uint32_t k : code) ++(*begin)[k + 1];
    for (size_t k = 0; k < codes; ++k) (*begin)[k + 1] += (*begin)[k];
    rows->resize(code.size());
    std::vector<uint32_t> next(begin->begin(), begin->end() - 1);
    for (uint32_t r = 0; r < code.size(); ++r) (*rows)[next[code[r]]++] = r;
}

// The end of the run of consecutive rows that starts at rows[a] (rows ascending, no repeats): rows[a .. end)
// are rows[a], rows[a] + 1, ... A broad selection is a few long runs, so this steps 64 entries at a time
// while they run on (the entries between two that are 64 rows apart then run on too).
inline size_t run_end(const std::vector<uint32_t>& rows, size_t a) {
    const size_t n = rows.size();
    size_t b = a + 1;
    while (b + 63 < n && rows[b + 63] - rows[a] == b + 63 - a) b += 64;
    while (b < n && rows[b] - rows[a] == b - a) ++b;
    return b;
}

// Calls count(i, rows[i], fields) for every entry of `rows`, where fields = gather(rows[i]) was read a chunk
// of rows ahead. A selection scattered over the table misses the cache on about every row it reads; a loop
// that only reads (the gather) has many of those misses under way at once, where the counting loop's
// increments would have it wait for each in turn (under wasm, 4 times as long for rows a 20th of the table
// apart).
template <typename Fields, typename Gather, typename Count>
inline void count_gathered(const std::vector<uint32_t>& rows, Gather gather, Count count) {
    constexpr size_t kChunk = 256;
    Fields chunk[kChunk];
    for (size_t at = 0; at < rows.size(); at += kChunk) {
        const size_t n = std::min(kChunk, rows.size() - at);
        for (size_t j = 0; j < n; ++j) chunk[j] = gather(rows[at + j]);
        for (size_t j = 0; j < n; ++j) count(at + j, rows[at + j], chunk[j]);
    }
}

}  // namespace cb
