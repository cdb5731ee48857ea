// app.h: the dashboard's state between frames. One instance, owned by main.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "board.h"
#include "data_session.h"
#include "headline.h"
#include "ui/dashboard_ui.h"

namespace cb {

struct FrameStats {
    uint64_t drawn = 0;
    std::vector<float> cpu_ms;  // ring of the latest frames' CPU time
    size_t next = 0;
    void add(float ms);
    float percentile(float p) const;
};

struct App {
    DataSession session;
    Board board;
    Headline headline;  // derived from board after each update
    MetricsOptions metrics_options;
    ui::UiState ui;
    std::string pending_hash;  // the link's state, applied once the data (and so its names) is known
    std::string last_hash;     // the state last written to the URL
    Time as_of = kNoTime;
    bool live = true;           // as_of follows the clock
    bool as_of_pinned = false;  // set by the as_of command: a manifest's snapshot time does not override it
    bool loaded_once = false;
    int frames_pending = 0;
    int clock_ms = 0;  // period of the pending clock timer (0: none)
    FrameStats frames;
    // Measured for the benchmark and the note: load = manifest requested .. dataset assembled;
    // board = the last update_board (SLA clocks if due, and every metric).
    double load_started_ms = 0, last_load_ms = 0, last_board_ms = 0;
    // Font files stay alive for the atlas, which points into them.
    unsigned char* font_regular = nullptr;
    unsigned char* font_bold = nullptr;
    int font_regular_size = 0, font_bold_size = 0;
    float fonts_built_for = 0;  // scale x device pixel ratio of the current atlas
};

extern App g_app;

void request_frames(int count);
// Recomputes the board if data, time or filter changed; keeps the URL hash in step with the view state.
void update_figures();  // draw count frames (input settles over 2-3 frames)
void start_fetches(const std::vector<Fetch>& fetches);
void start_load(const Fetch& manifest);
void follow_manifest_time();   // a snapshot manifest (as_of) fixes the time, a live one follows the clock  //
                               // a manifest (re)load: start_fetches plus the load timer
std::string api_state_json();  // window.caseboard.state()
std::string api_command(const std::string& name, const std::string& args_json);  // window.caseboard.command()

}  // namespace cb
