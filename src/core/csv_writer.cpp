#include "csv_writer.h"

#include <cmath>
#include <cstdio>

#include "timestamp.h"

namespace cb {

static void separate(CsvWriter& w) {
    if (w.row_started) w.out->push_back(',');
    w.row_started = true;
}

void append_csv_field(std::string* out, std::string_view s) {
    bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
    // A text cell starting like a formula would be evaluated by spreadsheets: make it plain text.
    bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
    if (!quote && !formula) return out->append(s.data(), s.size()), void();
    out->push_back('"');
    if (formula) out->push_back('\'');
    for (char c : s) {
        if (c == '"') out->push_back('"');
        out->push_back(c);
    }
    out->push_back('"');
}

void CsvWriter::text(std::string_view s) {
    separate(*this);
    append_csv_field(out, s);
}

void CsvWriter::number(double v) {
    separate(*this);
    if (!std::isfinite(v)) return;
    char buf[32];
    // %.10g keeps rates and means exact to far more digits than any figure shows, without float noise.
    std::snprintf(buf, sizeof buf, "%.10g", v);
    out->append(buf);
}

void CsvWriter::integer(int64_t v) {
    separate(*this);
    out->append(std::to_string(v));
}

void CsvWriter::time(Time t) {
    separate(*this);
    if (has_time(t)) out->append(format_iso8601(t));
}

void CsvWriter::empty() {
    separate(*this);
}

void CsvWriter::end_row() {
    out->append("\r\n");
    row_started = false;
}

}  // namespace cb
