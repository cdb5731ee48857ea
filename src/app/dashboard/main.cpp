// main.cpp: the dashboard in the browser. Event driven: a frame is drawn only when input, data or a
// timer says something changed (request_frames); an idle page schedules nothing at all.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "app.h"
#include "imgui.h"
#include "imgui_internal.h"  // InputEventsQueue: pending input decides whether to draw again
#include "platform/web/gl_renderer.h"
#include "platform/web/imgui_input_web.h"
#include "platform/web/web_platform.h"
#include "ui/theme.h"

namespace cb {

App g_app;

enum TimerId { kTimerSettle = 1, kTimerRefresh = 2, kTimerClock = 3 };
static constexpr const char* kCanvas = "#canvas";

void FrameStats::add(float ms) {
    ++drawn;
    if (cpu_ms.size() < 240)
        cpu_ms.push_back(ms);
    else
        cpu_ms[next++ % cpu_ms.size()] = ms;
}

float FrameStats::percentile(float p) const {
    if (cpu_ms.empty()) return 0;
    std::vector<float> sorted = cpu_ms;
    size_t k = std::min(sorted.size() - 1, (size_t)(p * (float)(sorted.size() - 1) + 0.5f));
    std::nth_element(sorted.begin(), sorted.begin() + (long)k, sorted.end());
    return sorted[k];
}

void request_frames(int count) {
    g_app.frames_pending = std::max(g_app.frames_pending, count);
    cbjs_request_frame();
}

static Time now_seconds() {
    return (Time)(cbjs_now_ms() / 1000.0);
}

void start_fetches(const std::vector<Fetch>& fetches) {
    for (const Fetch& f : fetches) cbjs_fetch_start(f.id, f.url.c_str(), f.base.c_str());
}

void start_load(const Fetch& manifest) {
    g_app.load_started_ms = cbjs_perf_ms();
    start_fetches({manifest});
}

void follow_manifest_time() {
    if (g_app.as_of_pinned) return;
    Time snapshot = g_app.session.manifest().as_of;
    g_app.live = !has_time(snapshot);
    if (!g_app.live) g_app.as_of = snapshot;
}

static void on_input_event() {
    request_frames(3);
    // Hover tooltips appear after a delay with no further input: one more frame then.
    cbjs_set_timer(kTimerSettle, 650);
}

static void schedule_refresh() {
    int seconds = std::max(10, g_app.session.manifest().refresh_seconds);
    cbjs_set_timer(kTimerRefresh, seconds * 1000.0);
}

// The canvas backing store follows the window in device pixels, so lines and text stay crisp.
static void sync_canvas_and_fonts() {
    double ratio = cbjs_device_pixel_ratio();
    int css_w = cbjs_window_width(), css_h = cbjs_window_height();
    int fb_w = (int)std::lround(css_w * ratio), fb_h = (int)std::lround(css_h * ratio);
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size(kCanvas, fb_w, fb_h);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)css_w, (float)css_h);
    io.DisplayFramebufferScale = ImVec2((float)ratio, (float)ratio);
    float wanted = g_app.ui.view.scale * (float)ratio;
    if (wanted != g_app.fonts_built_for) {
        ui::build_fonts(g_app.font_regular, g_app.font_regular_size, g_app.font_bold, g_app.font_bold_size,
                        g_app.ui.view.scale, (float)ratio);
        web::renderer_upload_font_atlas();
        g_app.fonts_built_for = wanted;
    }
    if (ui::g_theme.dark != g_app.ui.view.dark || ui::g_theme.scale != g_app.ui.view.scale)
        ui::apply_theme(g_app.ui.view.dark, g_app.ui.view.scale);
}

// Live figures move by the minute: recomputing on every frame would cost CPU for no visible change.
static Time live_as_of() {
    return now_seconds() / 60 * 60;
}

void update_figures() {
    DataSession& s = g_app.session;
    if (g_app.live) g_app.as_of = live_as_of();
    if (s.generation() == 0) return;
    if (!g_app.pending_hash.empty()) {  // a shared link: its names can be resolved now
        std::string error;
        decode_view_state(g_app.pending_hash, s.strings(), &g_app.ui.view, &error);
        g_app.pending_hash.clear();
    }
    double start = cbjs_perf_ms();
    if (update_board(s.data(), s.generation(), s.strings(), s.manifest().time_zone, g_app.as_of,
                     g_app.ui.view.filter, g_app.metrics_options, &g_app.board)) {
        g_app.headline = compute_headline(g_app.board, s.data(), g_app.as_of);
        g_app.last_board_ms = cbjs_perf_ms() - start;
    }
    std::string hash = encode_view_state(g_app.ui.view, s.strings());
    if (hash != g_app.last_hash) {
        cbjs_set_hash(hash.c_str(), g_app.last_hash.empty() ? 0 : 1);  // the first one replaces, not pushes
        g_app.last_hash = hash;
    }
}

static void draw_frame(double now_ms) {
    static double last_ms = 0;
    double start = cbjs_perf_ms();
    update_figures();
    sync_canvas_and_fonts();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = last_ms > 0 ? (float)std::clamp((now_ms - last_ms) / 1000.0, 1e-4, 0.25) : 1.0f / 60.0f;
    last_ms = now_ms;
    ImGui::NewFrame();
    ui::Frame frame{
        &g_app.session, &g_app.board, &g_app.headline, g_app.as_of, g_app.live ? now_seconds() : g_app.as_of,
        g_app.live};
    ui::draw_dashboard(frame, g_app.ui);
    update_figures();  // a click this frame changed the filter or view: the next frame shows its figures
    if (g_app.board.metrics.as_of != g_app.as_of) request_frames(1);
    ImGui::Render();
    const ImGuiStyle& style = ImGui::GetStyle();
    glClearColor(style.Colors[ImGuiCol_WindowBg].x, style.Colors[ImGuiCol_WindowBg].y,
                 style.Colors[ImGuiCol_WindowBg].z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    web::renderer_draw(ImGui::GetDrawData(), (int)(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                       (int)(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    // Live figures age by the minute; the SLA view's countdowns tick by the second.
    int clock_ms = !g_app.live ? 0 : g_app.ui.view.view == ui::View::Sla ? 1000 : 60 * 1000;
    if (clock_ms != g_app.clock_ms) {
        if (clock_ms) cbjs_set_timer(kTimerClock, clock_ms);
        g_app.clock_ms = clock_ms;
    }
    g_app.frames.add((float)(cbjs_perf_ms() - start));
    if (g_app.frames.drawn == 1) cbjs_emit("first-frame");
}

}  // namespace cb

using namespace cb;
using cb::ui::decode_view_state;

extern "C" {

EMSCRIPTEN_KEEPALIVE void cb_on_frame(double now_ms) {
    draw_frame(now_ms);
    // ImGui spreads a burst of input (move, press, release) over several frames: keep drawing until the
    // queue is empty, and one more frame to show the result.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty())
        g_app.frames_pending = std::max(g_app.frames_pending, 2);
    if (--g_app.frames_pending > 0) cbjs_request_frame();
}

EMSCRIPTEN_KEEPALIVE void cb_on_timer(int id) {
    if (id == kTimerRefresh) {
        // A load slower than the refresh interval finishes first: restarting it would never end.
        if (!g_app.session.loading()) start_load(g_app.session.refresh());
        schedule_refresh();
    } else if (id == kTimerClock) {
        g_app.clock_ms = 0;  // re-armed by the frame below
    }
    request_frames(2);
}

EMSCRIPTEN_KEEPALIVE void cb_fetch_begin(int id, double total, int http_status) {
    g_app.session.on_begin(id, (int64_t)total, http_status);
}

EMSCRIPTEN_KEEPALIVE void cb_fetch_chunk(int id, const char* bytes, int length) {
    g_app.session.on_chunk(id, std::string_view(bytes, (size_t)length));
    // Progress bars move ten times a second: drawing on every chunk would take time from the parsing.
    static double last_progress_ms = 0;
    double now = cbjs_perf_ms();
    if (now - last_progress_ms > 100) request_frames(1), last_progress_ms = now;
}

EMSCRIPTEN_KEEPALIVE void cb_fetch_end(int id, const char* error) {
    bool was_loading = g_app.session.loading();
    start_fetches(g_app.session.on_end(id, error, now_seconds()));
    if (was_loading && !g_app.session.loading()) {
        g_app.last_load_ms = cbjs_perf_ms() - g_app.load_started_ms;
        follow_manifest_time();
        cbjs_set_title(g_app.session.manifest().title.c_str());
        if (!g_app.loaded_once) {
            g_app.loaded_once = true;
            schedule_refresh();
            cbjs_emit("loaded");
        }
        cbjs_emit("data");
    }
    request_frames(2);
}

// Dropped files replace the current feeds: a dropped feeds.json is used as the manifest (its feed urls
// name other dropped files); otherwise each file is a feed whose kind comes from its name.
EMSCRIPTEN_KEEPALIVE void cb_files_dropped(const char* names) {
    std::vector<std::string> files;
    for (const char* p = names; *p;) {
        const char* end = std::strchr(p, '\n');
        files.emplace_back(p, end ? (size_t)(end - p) : std::strlen(p));
        p = end ? end + 1 : p + files.back().size();
    }
    for (const std::string& name : files) {
        if (name == "feeds.json") {
            start_load(g_app.session.open("dropped:feeds.json"));
            request_frames(2);
            return;
        }
    }
    Manifest manifest;
    manifest.title = "Dropped files";
    manifest.time_zone = g_app.session.manifest().time_zone;
    for (const std::string& name : files)
        manifest.feeds.push_back(feed_spec_for_file(name, "dropped:" + name));
    start_fetches(g_app.session.open_feeds(std::move(manifest), "", now_seconds()));
    request_frames(2);
}

// Browser back/forward (or an edited hash): the view state follows the URL.
EMSCRIPTEN_KEEPALIVE void cb_hash_changed(const char* hash) {
    if (g_app.last_hash == hash) return;
    std::string error;
    decode_view_state(hash, g_app.session.strings(), &g_app.ui.view, &error);
    g_app.last_hash = hash;
    request_frames(3);
}

// Frames still to draw (input being processed, data arriving): frame() in the test API waits for 0.
EMSCRIPTEN_KEEPALIVE int cb_api_frames_pending() {
    return std::max(0, g_app.frames_pending);
}

EMSCRIPTEN_KEEPALIVE const char* cb_api_state() {
    static std::string text;
    update_figures();  // the figures of the data as it is now, even if no frame was drawn since
    text = api_state_json();
    return text.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cb_api_command(const char* name, const char* args_json) {
    static std::string text;
    text = api_command(name, args_json ? args_json : "{}");
    request_frames(3);
    return text.c_str();
}

}  // extern "C"

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = false;
    attrs.antialias = false;             // ImGui anti-aliases its own shapes
    attrs.preserveDrawingBuffer = true;  // screenshots and PNG export read the canvas between frames
    // The renderer needs plain WebGL2 only; enabling every extension is a round trip to the GPU process
    // each (~0.3 s of start-up with software GL).
    attrs.enableExtensionsByDefault = false;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (gl <= 0 || emscripten_webgl_make_context_current(gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        cbjs_emit("error:WebGL2 is not available in this browser");
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames while idle
    io.BackendPlatformName = "caseboard_web";
    g_app.font_regular = cbjs_take_asset("DejaVuSans.ttf", &g_app.font_regular_size);
    g_app.font_bold = cbjs_take_asset("DejaVuSans-Bold.ttf", &g_app.font_bold_size);
    if (!g_app.font_regular || !g_app.font_bold) {
        cbjs_emit("error:the font files did not load");
        return 1;
    }
    std::string error;
    if (!web::renderer_init(&error)) {
        cbjs_emit(("error:" + error).c_str());
        return 1;
    }
    // Settings from the query (?theme=light&scale=2&view=sla: wall-screen URLs) and then the hash (shared
    // links: view, filters, selected case); the hash's filters wait for the data to resolve their names.
    ui::ViewState& view = g_app.ui.view;
    view.dark = web::page_param("theme", cbjs_prefers_dark() ? "dark" : "light") != "light";
    view.scale = std::clamp((float)std::atof(web::page_param("scale", "1").c_str()), 0.75f, 3.0f);
    ui::parse_view(web::page_param("view", "overview"), &view.view);
    g_app.pending_hash = web::page_hash();
    if (!g_app.pending_hash.empty()) {
        std::string ignored;  // reported again when the data is in
        decode_view_state(g_app.pending_hash, g_app.session.strings(), &view, &ignored);
    }
    web::install_input(kCanvas, on_input_event);
    cbjs_install_drop();
    g_app.session.set_page_origin(web::page_origin());
    start_load(g_app.session.open(web::page_param("manifest", "data/feeds.json")));
    request_frames(2);
    return 0;
}
