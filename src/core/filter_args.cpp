// filter_args.cpp: filters as "key=value" strings (apply_filter_arg, filter_to_args in filter.h).
#include "filter.h"

#include <cstdio>

#include "stats.h"

namespace cb {

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
