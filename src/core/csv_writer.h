// csv_writer.h: CSV text for the dashboard's "Export CSV" buttons and `caseboard report --format csv`.
//
// RFC 4180: fields separated by commas, rows ended by CRLF, a field quoted when it holds a comma, a quote,
// CR or LF, quotes inside doubled. UTF-8 without a byte-order mark: spreadsheets and scripts that read
// UTF-8 accept it, and a BOM would be an invisible character in the first header for everything else.
// Times are ISO 8601 UTC ("2026-03-02T09:15:00Z"), absent values empty cells, rates plain decimals.
// A text cell starting with = + - or @ would run as a formula in a spreadsheet: it is written as text
// (quoted, with a leading apostrophe), the same rule as `caseboard report --format csv`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model.h"

namespace cb {

// Appends one field (quoted as needed, formula-safe) without a separator.
void append_csv_field(std::string* out, std::string_view s);

// Builds one CSV document into `out`, row by row.
struct CsvWriter {
    std::string* out;
    bool row_started = false;

    explicit CsvWriter(std::string* o) : out(o) {}
    void text(std::string_view s);  // a text cell (quoted as needed, formula-safe)
    void number(double v);          // shortest exact-enough form ("0.25", "12"); NaN: empty cell
    void integer(int64_t v);
    void time(Time t);  // ISO 8601 UTC; kNoTime: empty cell
    void empty();
    void end_row();  // CRLF
};

}  // namespace cb
