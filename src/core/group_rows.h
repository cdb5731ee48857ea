// group_rows.h: rows ordered by a small integer code, for row lists per key and for clustered storage.
#pragma once

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

}  // namespace cb
