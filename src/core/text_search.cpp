// text_search.cpp: the text filter's case folding, index and search (text_search.h).
#include "text_search.h"

#include <algorithm>
#include <array>
#include <cstring>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cb {

static inline unsigned char folded_byte(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c + 32);
    // U+00C0..U+00DE (except U+00D7, the multiplication sign) are "C3 80".."C3 9E"; lower case is +0x20.
    if (c >= 0x80 && c <= 0x9E && c != 0x97 && i > 0 && static_cast<unsigned char>(s[i - 1]) == 0xC3)
        return static_cast<unsigned char>(c + 0x20);
    return c;
}

std::string fold_case(std::string_view s) {
    std::string out(s);
    for (size_t i = 0; i < s.size(); ++i) out[i] = static_cast<char>(folded_byte(s, i));
    return out;
}

bool contains_folded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > hay.size()) return false;
    unsigned char first = static_cast<unsigned char>(needle[0]);
    for (size_t i = 0, last = hay.size() - needle.size(); i <= last; ++i) {
        if (folded_byte(hay, i) != first) continue;
        size_t k = 1;
        while (k < needle.size() && folded_byte(hay, i + k) == static_cast<unsigned char>(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// The searched columns, in index order.
static std::array<const std::vector<StrId>*, kTextColumns> text_columns(const CaseTable& c) {
    return {&c.id, &c.title, &c.customer};
}

static StrId first_outside(const std::vector<StrId>& column, size_t pool_size) {
    for (StrId id : column)
        if (id >= pool_size) return id;
    return static_cast<StrId>(pool_size);
}

void build_text_index(const Dataset& data, TextIndex* out) {
    *out = TextIndex{};
    const CaseTable& c = data.cases;
    const auto columns = text_columns(c);
    if (!data.strings) return;
    for (const std::vector<StrId>* column : columns)
        if (column->size() != c.count) return;
    const StringPool& pool = *data.strings;
    const size_t n = c.count;
    out->pool_size = pool.size();
    // Per pool string (and one more for ids outside the pool, searched as ""): whether the column being
    // indexed holds it, then its string in that column.
    std::vector<uint32_t> string_of(pool.size() + 1);
    auto view = [&](StrId id) { return id < pool.size() ? pool.view(id) : std::string_view(); };
    // The strings: each column's distinct ones, in pool order (the pool is then read front to back).
    size_t bytes = 0;
    for (size_t j = 0; j < kTextColumns; ++j) {
        out->column_begin[j] = static_cast<uint32_t>(out->ids.size());
        std::fill(string_of.begin(), string_of.end(), 0u);
        for (StrId id : *columns[j]) string_of[std::min<size_t>(id, pool.size())] = 1;
        for (size_t id = 0; id <= pool.size(); ++id) {
            if (!string_of[id]) continue;
            // (ids outside the pool are all searched as "": the first of them stands for them)
            const StrId at =
                id < pool.size() ? static_cast<StrId>(id) : first_outside(*columns[j], pool.size());
            out->ids.push_back(at);
            bytes += view(at).size() + 1;
        }
    }
    out->column_begin[kTextColumns] = static_cast<uint32_t>(out->ids.size());
    out->ids.shrink_to_fit();
    // Their folded text, each followed by a 0 byte, the bytes each column holds and its strings' width. The
    // 16 bytes after the last string let it be loaded 16 bytes at a time.
    out->folded.assign(bytes + 16, '\0');
    out->begin.resize(out->ids.size() + 1);
    char* to = out->folded.data();
    for (size_t j = 0; j < kTextColumns; ++j) {
        uint64_t held[4] = {};
        size_t shortest = SIZE_MAX, longest = 0;
        for (uint32_t k = out->column_begin[j]; k < out->column_begin[j + 1]; ++k) {
            const std::string_view v = view(out->ids[k]);
            shortest = std::min(shortest, v.size()), longest = std::max(longest, v.size());
            out->begin[k] = static_cast<uint32_t>(to - out->folded.data());
            for (size_t i = 0; i < v.size(); ++i) {
                const unsigned char b = folded_byte(v, i);
                *to++ = static_cast<char>(b);
                held[b >> 6] |= uint64_t(1) << (b & 63);
            }
            *to++ = '\0';
        }
        std::copy(held, held + 4, out->column_bytes[j]);
        if (shortest == longest && longest >= 1 && longest <= 16)
            out->column_width[j] = static_cast<uint8_t>(longest);
    }
    out->begin.back() = static_cast<uint32_t>(bytes);
    // Each string's rows, ascending: a counting sort per column (every row holds one string of each).
    out->rows.resize(kTextColumns * n);
    out->row_begin.assign(out->ids.size() + 1, 0);
    for (size_t j = 0; j < kTextColumns; ++j) {
        const std::vector<StrId>& column = *columns[j];
        const uint32_t first = out->column_begin[j], strings = out->column_begin[j + 1] - first;
        for (uint32_t k = 0; k < strings; ++k)
            string_of[std::min<size_t>(out->ids[first + k], pool.size())] = k;
        uint32_t* start = out->row_begin.data() + first;
        for (size_t r = 0; r < n; ++r) ++start[string_of[std::min<size_t>(column[r], pool.size())]];
        uint32_t at = static_cast<uint32_t>(j * n);
        for (uint32_t k = 0; k < strings; ++k) {
            const uint32_t rows = start[k];
            start[k] = at, at += rows;
        }
        std::vector<uint32_t> next(start, start + strings);
        for (size_t r = 0; r < n; ++r)
            out->rows[next[string_of[std::min<size_t>(column[r], pool.size())]]++] = static_cast<uint32_t>(r);
    }
    out->row_begin.back() = static_cast<uint32_t>(out->rows.size());
}

// hay.find(needle, from), 16 bytes at a time where the target has SIMD: a position is tried only when it
// holds the needle's first byte, its second after it and, the needle's length on, its last (ids of one
// pattern share most bytes, so the first byte alone is met everywhere). Under wasm, memchr and find compare a
// word at a time. Made once per needle: a frequent needle is looked for once per string.
struct NeedleFinder {
    std::string_view needle;
#if defined(__wasm_simd128__)
    v128_t first, second, last;
    explicit NeedleFinder(std::string_view s)
        : needle(s),
          first(wasm_i8x16_splat(s[0])),
          second(wasm_i8x16_splat(s[s.size() > 1])),
          last(wasm_i8x16_splat(s[s.size() - 1])) {}
    uint32_t candidates(const char* p) const {
        const size_t m = needle.size();
        v128_t hold = wasm_v128_and(wasm_i8x16_eq(wasm_v128_load(p), first),
                                    wasm_i8x16_eq(wasm_v128_load(p + m - 1), last));
        if (m > 2) hold = wasm_v128_and(hold, wasm_i8x16_eq(wasm_v128_load(p + 1), second));
        return static_cast<uint32_t>(wasm_i8x16_bitmask(hold));
    }
#elif defined(__SSE2__)
    __m128i first, second, last;
    explicit NeedleFinder(std::string_view s)
        : needle(s),
          first(_mm_set1_epi8(s[0])),
          second(_mm_set1_epi8(s[s.size() > 1])),
          last(_mm_set1_epi8(s[s.size() - 1])) {}
    uint32_t candidates(const char* p) const {
        const size_t m = needle.size();
        auto load = [&](size_t i) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)); };
        __m128i hold = _mm_and_si128(_mm_cmpeq_epi8(load(0), first), _mm_cmpeq_epi8(load(m - 1), last));
        if (m > 2) hold = _mm_and_si128(hold, _mm_cmpeq_epi8(load(1), second));
        return static_cast<uint32_t>(_mm_movemask_epi8(hold));
    }
#else
    explicit NeedleFinder(std::string_view s) : needle(s) {}
#endif
    size_t find(std::string_view hay, size_t from) const {
#if defined(__wasm_simd128__) || defined(__SSE2__)
        const size_t n = hay.size(), m = needle.size();
        if (from > n || m > n - from) return std::string_view::npos;
        const char* p = hay.data();
        size_t i = from;
        for (; i + m - 1 + 16 <= n; i += 16)
            for (uint32_t bits = candidates(p + i); bits; bits &= bits - 1) {
                const size_t at = i + static_cast<size_t>(__builtin_ctz(bits));
                size_t j = 2;  // (the other bytes; a call to memcmp costs more for a short needle)
                while (j + 1 < m && p[at + j] == needle[j]) ++j;
                if (j + 1 >= m) return at;
            }
        return hay.find(needle, i);
#else
        return hay.find(needle, from);
#endif
    }
};

#if defined(__wasm_simd128__) || defined(__SSE2__)
// Appends to *hits the strings [first, end) of a column of `width`-byte strings that hold the needle (of at
// most `width` bytes). Each string's 16 bytes give NeedleFinder's candidates, kept at the starts that keep
// the needle in the string: a needle of up to three bytes is then found, a longer one has its other bytes
// compared. The hit is written and the count moved on by
// the answer, without a branch per string (a digit of the case numbers would mispredict at every other).
static void find_fixed_width(const TextIndex& text, size_t first, size_t end, size_t width,
                             std::string_view needle, std::vector<uint32_t>* hits) {
    const size_t m = needle.size(), stride = width + 1, at = hits->size();
    const uint32_t starts = (uint32_t(1) << (width - m + 1)) - 1;  // lanes where the needle fits
    hits->resize(at + (end - first));
    uint32_t* out = hits->data() + at;
    size_t count = 0;
    const char* p = text.folded.data() + text.begin[first];
    const NeedleFinder finder(needle);
    for (size_t k = first; k < end; ++k, p += stride) {
        out[count] = static_cast<uint32_t>(k);
        count += (finder.candidates(p) & starts) != 0;
    }
    if (m > 3) {  // the candidates that hold the needle's other bytes too
        size_t kept = 0;
        for (size_t i = 0; i < count; ++i) {
            const std::string_view s(text.folded.data() + text.begin[out[i]], width);
            out[kept] = out[i];
            kept += s.find(needle) != std::string_view::npos;
        }
        count = kept;
    }
    hits->resize(at + count);
}
#endif

// Marks (*matches)[id] for every indexed string that holds the folded needle and lists those strings in
// *hits, ascending. False when the index cannot answer (a needle with a 0 byte would match across the
// separators).
static bool match_text_index(const TextIndex& text, std::string_view needle, std::vector<uint8_t>* matches,
                             std::vector<uint32_t>* hits) {
    if (needle.empty() || needle.find('\0') != std::string_view::npos) return false;
    const NeedleFinder finder(needle);
    matches->assign(text.pool_size, 0);
    hits->clear();
    const uint32_t* begin = text.begin.data();
    for (size_t j = 0; j < kTextColumns; ++j) {
        bool may_hold = true;
        for (char ch : needle) {
            const unsigned char b = static_cast<unsigned char>(ch);
            may_hold &= (text.column_bytes[j][b >> 6] >> (b & 63) & 1) != 0;
        }
        const size_t first = text.column_begin[j], end = text.column_begin[j + 1];
        if (!may_hold || first == end) continue;
#if defined(__wasm_simd128__) || defined(__SSE2__)
        if (needle.size() <= text.column_width[j]) {
            const size_t from = hits->size();
            find_fixed_width(text, first, end, text.column_width[j], needle, hits);
            for (size_t i = from; i < hits->size(); ++i)
                if (text.ids[(*hits)[i]] < matches->size()) (*matches)[text.ids[(*hits)[i]]] = 1;
            continue;
        }
#endif
        const std::string_view blob(text.folded.data(), begin[end]);  // up to the column's last string
        size_t k = first;  // the string of the last hit (or the first string)
        for (size_t pos = finder.find(blob, begin[first]); pos != std::string_view::npos;
             pos = finder.find(blob, begin[++k])) {  // the next string: one hit per string is enough
            // The hit's string: a frequent needle hits the next few strings, found by stepping; a rare one
            // skips many, found by binary search.
            for (int step = 0; step < 4 && begin[k + 1] <= pos; ++step) ++k;
            if (begin[k + 1] <= pos)
                k = static_cast<size_t>(std::upper_bound(begin + k, begin + end, pos) - begin) - 1;
            if (text.ids[k] < matches->size()) (*matches)[text.ids[k]] = 1;
            hits->push_back(static_cast<uint32_t>(k));
        }
    }
    return true;
}

void search_text(const Dataset& data, const TextIndex& index, std::string_view text, TextSearch* out) {
    out->needle = fold_case(text);
    out->kind = TextSearch::kUnknown;
    out->rows.clear();
    const CaseTable& c = data.cases;
    const size_t n = c.count;
    out->searched = !out->needle.empty() && data.strings && index.pool_size == data.strings->size() &&
                    index.rows.size() == kTextColumns * n && c.id.size() == n && c.title.size() == n &&
                    c.customer.size() == n && match_text_index(index, out->needle, &out->matches, &out->hits);
    if (!out->searched) return;
    // Per column, its hits and the rows whose string in it holds the needle (a row may hold it in several
    // columns); a column of one row per string (the ids) holds it in as many rows as it has hits.
    const uint32_t *rows = index.rows.data(), *row_begin = index.row_begin.data();
    const uint32_t* hits[kTextColumns + 1];
    for (size_t j = 0; j <= kTextColumns; ++j)
        hits[j] =
            std::lower_bound(out->hits.data(), out->hits.data() + out->hits.size(), index.column_begin[j]);
    size_t holding[kTextColumns] = {}, held = 0;
    // The column most rows hold the needle in: its other strings hold the rows lacking it.
    size_t fullest = 0;
    for (size_t j = 0; j < kTextColumns; ++j) {
        if (index.column_begin[j + 1] - index.column_begin[j] == n) {
            holding[j] = static_cast<size_t>(hits[j + 1] - hits[j]);
        } else {
            for (const uint32_t* k = hits[j]; k != hits[j + 1]; ++k)
                holding[j] += row_begin[*k + 1] - row_begin[*k];
        }
        held += holding[j];
        if (holding[j] > holding[fullest]) fullest = j;
    }
    // The rows lacking the text when few do, fewer than hold it; else those holding it, unless marking them
    // would take more steps than there are rows (it is then in most rows' strings twice).
    const size_t lacking = n - holding[fullest];
    const bool list_lacking = lacking <= n / 4 && lacking < held;
    if (!list_lacking && held > n) return;
    std::vector<uint64_t>& marks = out->marks;
    marks.assign((n + 63) / 64, 0);
    auto mark = [&](uint32_t r) { marks[r >> 6] |= uint64_t(1) << (r & 63); };
    if (!list_lacking) {
        out->kind = TextSearch::kHolding;
        for (uint32_t k : out->hits)
            for (uint32_t i = row_begin[k]; i < row_begin[k + 1]; ++i) mark(rows[i]);
    } else {
        // The rows of the fullest column's other strings (in the gaps between its hits) lack the needle
        // there; those whose other strings lack it too lack it (only the columns with hits are looked at).
        // They are `lacking` rows in all.
        out->kind = TextSearch::kLacking;
        const uint8_t* matches = out->matches.data();
        const size_t pool = out->matches.size();
        const StrId* others[kTextColumns - 1];
        size_t other_columns = 0;
        const auto columns = text_columns(c);
        for (size_t j = 0; j < kTextColumns; ++j)
            if (j != fullest && hits[j] != hits[j + 1]) others[other_columns++] = columns[j]->data();
        auto held_elsewhere = [&](uint32_t r) {
            bool in_other = false;
            for (size_t o = 0; o < other_columns; ++o)
                in_other |= others[o][r] < pool && matches[others[o][r]];
            return in_other;
        };
        size_t seen = 0;
        uint32_t k = index.column_begin[fullest];
        for (const uint32_t* hit = hits[fullest]; seen < lacking && hit <= hits[fullest + 1]; ++hit) {
            const uint32_t gap_end = hit != hits[fullest + 1] ? *hit : index.column_begin[fullest + 1];
            for (; k < gap_end; ++k) {
                seen += row_begin[k + 1] - row_begin[k];
                for (uint32_t i = row_begin[k]; i < row_begin[k + 1]; ++i) {
                    const uint32_t r = rows[i];
                    if (!held_elsewhere(r)) mark(r);
                }
            }
            k = gap_end + 1;
        }
    }
    for (size_t w = 0; w < marks.size(); ++w)
        for (uint64_t bits = marks[w]; bits; bits &= bits - 1)
            out->rows.push_back(static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
}

}  // namespace cb
