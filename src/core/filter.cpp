#include "filter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#include "stats.h"

namespace cb {

// ---- text -----------------------------------------------------------------------------------------------

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

// ---- selection ------------------------------------------------------------------------------------------

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

void build_text_index(const Dataset& data, TextIndex* out) {
    *out = TextIndex{};
    if (!data.strings) return;
    const StringPool& pool = *data.strings;
    const CaseTable& c = data.cases;
    out->pool_size = pool.size();
    std::vector<uint8_t> used(pool.size(), 0);
    for (const std::vector<StrId>* column : {&c.id, &c.title, &c.customer})
        for (StrId id : *column)
            if (id < used.size()) used[id] = 1;
    out->begin.push_back(0);
    for (StrId id = 0; id < pool.size(); ++id) {
        if (!used[id]) continue;
        std::string_view v = pool.view(id);
        size_t at = out->folded.size();
        out->folded.append(v.data(), v.size());
        for (size_t i = 0; i < v.size(); ++i) out->folded[at + i] = static_cast<char>(folded_byte(v, i));
        out->folded.push_back('\0');
        out->ids.push_back(id);
        out->begin.push_back(static_cast<uint32_t>(out->folded.size()));
    }
}

// hay.find(needle, from). Under wasm, memchr compares a word at a time: there, the needle's first byte is
// looked for 16 bytes at a time (a text filter searches every case's id, title and customer).
static size_t find_from(std::string_view hay, std::string_view needle, size_t from) {
#if defined(__wasm_simd128__)
    const size_t n = hay.size(), m = needle.size();
    if (m == 0 || m > n) return hay.find(needle, from);
    const char* p = hay.data();
    const v128_t first = wasm_i8x16_splat(needle[0]);
    size_t i = from;
    for (; i + 16 <= n; i += 16)
        for (uint32_t bits = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p + i), first)); bits;
             bits &= bits - 1) {
            const size_t at = i + static_cast<size_t>(__builtin_ctz(bits));
            if (at + m > n) return std::string_view::npos;
            if (std::memcmp(p + at + 1, needle.data() + 1, m - 1) == 0) return at;
        }
    return i <= n ? hay.find(needle, i) : std::string_view::npos;
#else
    return hay.find(needle, from);
#endif
}

// Marks (*matches)[id] for every indexed string that holds the folded needle. False when the index cannot
// answer (a needle with a 0 byte would match across the separators).
static bool match_text_index(const TextIndex& text, std::string_view needle, std::vector<uint8_t>* matches) {
    if (needle.find('\0') != std::string_view::npos) return false;
    matches->assign(text.pool_size, 0);
    const std::string_view blob(text.folded);
    const uint32_t* begin = text.begin.data();
    const size_t strings = text.ids.size();
    size_t k = 0;  // the string of the last hit (or the first string)
    for (size_t pos = find_from(blob, needle, 0); pos != std::string_view::npos;
         pos = find_from(blob, needle, begin[++k])) {  // the next string: one hit per string is enough
        // The hit's string: a frequent needle hits the next few strings, found by stepping; a rare one
        // skips many, found by binary search.
        for (int step = 0; step < 4 && begin[k + 1] <= pos; ++step) ++k;
        if (begin[k + 1] <= pos)
            k = static_cast<size_t>(std::upper_bound(begin + k, begin + strings, pos) - begin) - 1;
        (*matches)[text.ids[k]] = 1;
    }
    return true;
}

void select_cases(const Dataset& data, const Filter& f, std::vector<uint32_t>* rows, const TextIndex* text,
                  std::vector<uint8_t>* text_matches, CandidateRows candidates,
                  std::vector<uint32_t>* open_rows) {
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
    // With a text index, each string is searched once; ids it does not cover (a stale index) never match.
    const bool indexed = !needle.empty() && text && text_matches && text->pool_size == pool.size() &&
                         match_text_index(*text, needle, text_matches);
    auto matched = [&](StrId id) { return id < text_matches->size() && (*text_matches)[id]; };
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
        if (indexed) {
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

// ---- key=value ------------------------------------------------------------------------------------------

// Splits on commas not preceded by a backslash; "\," is a comma and "\\" a backslash inside a value.
static std::vector<std::string> split_values(std::string_view s) {
    std::vector<std::string> out(1);
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            out.back() += s[++i];
        } else if (s[i] == ',') {
            out.emplace_back();
        } else {
            out.back() += s[i];
        }
    }
    return out;
}

static std::string escape_value(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (ch == ',' || ch == '\\') out += '\\';
        out += ch;
    }
    return out;
}

static bool parse_digits(std::string_view s, size_t pos, size_t len, int* out) {
    if (pos + len > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

// "2026-03-02", "2026-03-02T09:15[:00][Z]" (UTC) or epoch seconds.
static bool parse_filter_time(std::string_view s, Time* out) {
    if (s.empty()) return false;
    if (s.find('-', 1) == std::string_view::npos) {
        bool negative = s[0] == '-';
        if (s.size() - negative == 0 || s.size() - negative > 12) return false;
        Time v = 0;
        for (size_t i = negative; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            v = v * 10 + (s[i] - '0');
        }
        *out = negative ? -v : v;
        return true;
    }
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!parse_digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !parse_digits(s, 5, 2, &mo) ||
        s[7] != '-' || !parse_digits(s, 8, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;
    std::string_view rest = s.substr(10);
    if (!rest.empty()) {
        if (rest.back() == 'Z') rest.remove_suffix(1);
        if (rest.size() != 6 && rest.size() != 9) return false;
        if (rest[0] != 'T' || !parse_digits(rest, 1, 2, &h) || rest[3] != ':' ||
            !parse_digits(rest, 4, 2, &mi))
            return false;
        if (rest.size() == 9 && (rest[6] != ':' || !parse_digits(rest, 7, 2, &sec))) return false;
        if (h > 23 || mi > 59 || sec > 60) return false;
    }
    *out = static_cast<Time>(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) *
               kSecondsPerDay +
           h * 3600 + mi * 60 + sec;
    return true;
}

static std::string format_filter_time(Time t) {
    int y;
    unsigned m, d;
    int32_t day = day_of(t);
    civil_from_days(day, &y, &m, &d);
    Time s = t - static_cast<Time>(day) * kSecondsPerDay;
    char buf[40];
    if (s == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, static_cast<int>(s / 3600),
                      static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
    }
    return buf;
}

template <typename E>
static bool parse_enum_list(const std::vector<std::string>& values, bool (*parse)(std::string_view, E*),
                            std::vector<E>* out, std::string* bad) {
    std::vector<E> parsed;
    for (const std::string& v : values) {
        E e;
        if (!parse(v, &e)) {
            *bad = v;
            return false;
        }
        parsed.push_back(e);
    }
    *out = std::move(parsed);
    return true;
}

bool apply_filter_arg(std::string_view arg, const StringPool& strings, Filter* f, std::string* error) {
    size_t eq = arg.find('=');
    if (eq == std::string_view::npos) {
        *error = "filter '" + std::string(arg) + "' is not key=value";
        return false;
    }
    std::string_view key = arg.substr(0, eq), value = arg.substr(eq + 1);
    if (key == "text") {
        f->text = std::string(value);
        return true;
    }
    if (key == "from" || key == "to") {
        Time t = kNoTime;
        if (!value.empty() && !parse_filter_time(value, &t)) {
            *error = "filter " + std::string(key) + ": '" + std::string(value) +
                     "' is not a date (2026-03-02), timestamp (2026-03-02T09:15:00Z) or epoch seconds";
            return false;
        }
        (key == "from" ? f->from : f->to) = t;
        return true;
    }
    std::vector<std::string> values;
    if (!value.empty()) values = split_values(value);
    std::string bad;
    if (key == "severity" || key == "status") {
        bool ok = key == "severity" ? parse_enum_list(values, parse_severity, &f->severity, &bad)
                                    : parse_enum_list(values, parse_case_status, &f->status, &bad);
        if (!ok) *error = "filter " + std::string(key) + ": unknown value '" + bad + "'";
        return ok;
    }
    std::vector<StrId>* set = key == "offering"   ? &f->offering
                              : key == "queue"    ? &f->queue
                              : key == "product"  ? &f->product
                              : key == "customer" ? &f->customer
                              : key == "owner"    ? &f->owner
                                                  : nullptr;
    if (!set) {
        *error = "filter: unknown key '" + std::string(key) +
                 "' (from, to, offering, severity, queue, product, customer, owner, status, text)";
        return false;
    }
    std::vector<StrId> ids;
    for (const std::string& v : values) {
        StrId id = strings.find(v);
        if (id == kNoStr) {
            *error =
                "filter " + std::string(key) + ": no " + std::string(key) + " named '" + v + "' in the data";
            return false;
        }
        ids.push_back(id);
    }
    *set = std::move(ids);
    return true;
}

std::vector<std::string> filter_to_args(const Filter& f, const StringPool& strings) {
    std::vector<std::string> out;
    if (has_time(f.from)) out.push_back("from=" + format_filter_time(f.from));
    if (has_time(f.to)) out.push_back("to=" + format_filter_time(f.to));
    auto add_ids = [&](const char* key, const std::vector<StrId>& ids) {
        if (ids.empty()) return;
        std::string s = std::string(key) + "=";
        for (size_t i = 0; i < ids.size(); ++i) s += (i ? "," : "") + escape_value(strings.view(ids[i]));
        out.push_back(std::move(s));
    };
    auto add_enums = [&](const char* key, const auto& values) {
        if (values.empty()) return;
        std::string s = std::string(key) + "=";
        for (size_t i = 0; i < values.size(); ++i) s += std::string(i ? "," : "") + to_string(values[i]);
        out.push_back(std::move(s));
    };
    add_ids("offering", f.offering);
    add_enums("severity", f.severity);
    add_ids("queue", f.queue);
    add_ids("product", f.product);
    add_ids("customer", f.customer);
    add_ids("owner", f.owner);
    add_enums("status", f.status);
    if (!f.text.empty()) out.push_back("text=" + f.text);
    return out;
}

}  // namespace cb
