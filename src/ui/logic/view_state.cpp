#include "view_state.h"

#include <cstdio>
#include <cstdlib>

namespace cb::ui {

static const char* const kViewIds[] = {"overview", "queues", "sla",   "satisfaction",
                                       "plans",    "cases",  "feeds", "gallery"};
static const char* const kViewTitles[] = {"Overview", "Queues", "SLA",   "Satisfaction",
                                          "Plans",    "Cases",  "Feeds", "Chart gallery"};
static_assert(sizeof(kViewIds) / sizeof(kViewIds[0]) == (size_t)View::Count, "one id per view");

const char* view_id(View v) {
    return kViewIds[(int)v];
}
const char* view_title(View v) {
    return kViewTitles[(int)v];
}
bool parse_view(std::string_view id, View* out) {
    for (int i = 0; i < (int)View::Count; ++i)
        if (id == kViewIds[i]) return *out = (View)i, true;
    return false;
}

void set_filter(ViewState& state, FilterHistory& history, const Filter& next) {
    history.push(state.filter);
    state.filter = next;
}

bool undo_filter(ViewState& state, FilterHistory& history) {
    if (history.undo.empty()) return false;
    state.filter = history.undo.back();
    history.undo.pop_back();
    return true;
}

int active_filter_count(const Filter& f) {
    return (has_time(f.from) || has_time(f.to)) + !f.offering.empty() + !f.queue.empty() +
           !f.product.empty() + !f.customer.empty() + !f.owner.empty() + !f.severity.empty() +
           !f.status.empty() + !f.text.empty();
}

// RFC 3986 unreserved characters stay; everything else (UTF-8 bytes included) becomes %XX.
std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || c == '.' || c == '~' || c == ',' || c == ':';
        if (plain) {
            out += (char)c;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        int hi = s[i] == '%' && i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
        int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
        if (lo >= 0) {
            out += (char)(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

std::string encode_view_state(const ViewState& state, const StringPool& strings) {
    std::string out = "view=" + std::string(view_id(state.view));
    for (const std::string& arg : filter_to_args(state.filter, strings)) {
        size_t eq = arg.find('=');
        out += '&' + arg.substr(0, eq + 1) + url_encode(std::string_view(arg).substr(eq + 1));
    }
    if (!state.selected_case.empty()) out += "&case=" + url_encode(state.selected_case);
    out += state.dark ? "&theme=dark" : "&theme=light";
    if (state.scale != 1.0f) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "&scale=%g", state.scale);
        out += buf;
    }
    return out;
}

void decode_view_state(std::string_view hash, const StringPool& strings, ViewState* state,
                       std::string* error) {
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    ViewState next;
    next.dark = state->dark;  // theme and scale persist unless the link says otherwise
    next.scale = state->scale;
    error->clear();
    while (!hash.empty()) {
        size_t amp = hash.find('&');
        std::string_view part = hash.substr(0, amp);
        hash = amp == std::string_view::npos ? std::string_view() : hash.substr(amp + 1);
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string key(part.substr(0, eq));
        std::string value = eq == std::string_view::npos ? "" : url_decode(part.substr(eq + 1));
        std::string problem;
        if (key == "view") {
            if (!parse_view(value, &next.view)) problem = "unknown view '" + value + "'";
        } else if (key == "theme") {
            if (value != "dark" && value != "light") problem = "theme is dark or light";
            next.dark = value != "light";
        } else if (key == "scale") {
            double scale = std::atof(value.c_str());
            if (scale >= 0.75 && scale <= 3)
                next.scale = (float)scale;
            else
                problem = "scale is between 0.75 and 3";
        } else if (key == "case") {
            next.selected_case = value;
        } else {
            apply_filter_arg(key + "=" + value, strings, &next.filter, &problem);
        }
        if (!problem.empty()) *error += (error->empty() ? "" : "\n") + problem;
    }
    *state = std::move(next);
}

}  // namespace cb::ui
