// filter_bar.h: the global filter bar above every data view: time range, offering, severity, queue,
// product, customer, owner, status and free text; active filters as removable chips; undo and clear.
#pragma once

#include "dashboard_ui.h"

namespace cb::ui {

void draw_filter_bar(const Frame& f, UiState& state);

}  // namespace cb::ui
