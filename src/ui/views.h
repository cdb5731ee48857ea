// views.h: one function per dashboard view (and the pieces every view shares). Each view draws into the
// current ImGui window from Frame (data, SLA clocks, metrics) and may change UiState (filter, selection).
#pragma once

#include "dashboard_ui.h"
#include "theme.h"

namespace cb::ui {

void draw_overview_view(const Frame& f, UiState& state);
void draw_queues_view(const Frame& f, UiState& state);
void draw_sla_view(const Frame& f, UiState& state);
void draw_satisfaction_view(const Frame& f, UiState& state);
void draw_plans_view(const Frame& f, UiState& state);
void draw_cases_view(const Frame& f, UiState& state);
void draw_feeds_view(const Frame& f, UiState& state);
void draw_first_load(const Frame& f);  // before any data arrived: progress of each feed

// Shared by views.
Tone load_tone(LoadState s);
void feed_progress_bar(const FeedLoad& feed);
// With rollups instead of cases (rollups.h), says "not available from rollups" where a panel would be empty
// and returns true: the caller then skips the panel.
bool rollups_only(const Frame& f);
// Opens `view` with the filter changed by `edit` (undoable): KPI tile drill-downs and cross-filter clicks.
template <typename Edit>
void drill_down(UiState& state, View view, Edit edit) {
    Filter next = state.view.filter;
    edit(next);
    set_filter(state.view, state.history, next);
    state.view.view = view;
}

}  // namespace cb::ui
