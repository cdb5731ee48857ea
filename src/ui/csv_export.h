// csv_export.h: the "Export CSV" and "PNG of this view" buttons. The CSV text comes from the pure writers
// in logic/csv.h; the browser saves it (window.caseboard.lastDownload() shows the last one to tests).
#pragma once

#include <string>

#include "model.h"

namespace cb::ui {

// A small "Export CSV" button (id keeps several apart in one window). True when clicked: the caller then
// builds the text and calls download_csv.
bool export_csv_button(const char* id);
// Saves `text` as "caseboard-<what>-<as_of date>.csv".
void download_csv(const char* what, Time as_of, const std::string& text);
// A "PNG of this view" button: saves the canvas as "caseboard-<view>-<as_of date>.png".
void png_button(const char* view, Time as_of);

}  // namespace cb::ui
