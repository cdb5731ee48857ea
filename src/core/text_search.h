// text_search.h: the free-text filter's search over the cases' ids, titles and customers.
//
// build_text_index() folds the distinct strings of the three columns into one blob once per data set;
// search_text() then finds a filter text in it per keystroke, and names the rows holding or lacking the
// text when few do, so that neither a selection nor the metrics test every row's strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace cb {

// The text filter's index. The searched columns (case id, title, customer) each have their distinct strings
// case-folded (fold_case) in one blob, each followed by a 0 byte (and the blob by 16 more), so that one
// substring search runs over all of them at once instead of per row. Each string lists the rows holding it in
// its column: a search that hits few strings, or misses few, names its rows (or the rows it misses) without
// testing every row.
constexpr size_t kTextColumns = 3;  // id, title, customer
struct TextIndex {
    std::string folded;
    std::vector<StrId> ids;                        // the strings, in blob order
    std::vector<uint32_t> begin;                   // ids.size() + 1 offsets into folded
    uint32_t column_begin[kTextColumns + 1] = {};  // each column's first string (its strings in pool order)
    uint64_t column_bytes[kTextColumns][4] = {};   // the bytes each column's strings hold: a needle with
                                                   // others skips the column (digit ids for a word)
    uint8_t column_width[kTextColumns] = {};       // every string of the column has this many bytes (1..16),
                                                   // else 0: such a column (case numbers) is searched a
                                                   // string at a time, without a branch per string
    std::vector<uint32_t> row_begin, rows;         // string k's rows: rows[row_begin[k] .. row_begin[k + 1])
    size_t pool_size = 0;                          // the pool's size when built
};
void build_text_index(const Dataset& data, TextIndex* out);

// One search of a TextIndex: which strings hold the needle and, mostly, the rows holding it or those lacking
// it.
struct TextSearch {
    enum Rows : uint8_t { kUnknown, kHolding, kLacking };
    std::string needle;            // folded
    bool searched = false;         // false: the index could not answer (stale, or a 0 byte in the needle)
    std::vector<uint8_t> matches;  // per pool string: 1 when it holds the needle
    Rows kind = kUnknown;
    std::vector<uint32_t> rows;   // ascending: the rows holding the needle or those lacking it (kind)
    std::vector<uint32_t> hits;   // scratch: the strings (blob order) holding the needle
    std::vector<uint64_t> marks;  // scratch: one bit per row
};
// Searches the index for filter text `text`. Lists the rows lacking it when at most cases / 4 do (and fewer
// than hold it), else the rows holding it when the row lists of its strings hold at most `cases` rows in all
// (a row holding it in two columns counts twice); otherwise kind stays kUnknown and matches alone answers
// per row.
void search_text(const Dataset& data, const TextIndex& index, std::string_view text, TextSearch* out);

// Case folding for search: ASCII letters and the Latin-1 letters U+00C0..U+00DE (two-byte UTF-8) fold to
// lower case; every other byte is compared as is, so matching on folded UTF-8 never splits a character.
std::string fold_case(std::string_view s);
bool contains_folded(std::string_view haystack, std::string_view folded_needle);

}  // namespace cb
