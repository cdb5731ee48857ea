// dashboard_ui.h: the dashboard's screens, drawn from what the core computed. Nothing here computes a
// figure: the same numbers go to the browser test API and the `caseboard report` command.
#pragma once

#include "board.h"
#include "data_session.h"
#include "headline.h"
#include "view_state.h"

namespace cb::ui {

// Everything a view may change between frames besides the shareable ViewState.
struct UiState {
    ViewState view;
    FilterHistory history;
    bool follow_system_theme = true;
    char search[128] = {};  // the filter bar's free-text box, applied on Enter
};

// What a frame shows.
struct Frame {
    const DataSession* session = nullptr;
    const Board* board = nullptr;  // SLA clocks and metrics of session->data() at as_of under the filter
    const Headline* headline = nullptr;  // the KPI figures derived from board (also in state().headline)
    Time as_of = kNoTime;                // the "now" of every figure (live: the current minute)
    Time now = kNoTime;                  // the current second (live) or as_of (fixed): for ticking countdowns
    bool live = true;                    // as_of follows the clock
};

void draw_dashboard(const Frame& frame, UiState& state);

}  // namespace cb::ui
