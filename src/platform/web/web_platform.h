// web_platform.h: the browser services the dashboard uses, implemented in library_caseboard.js.
// The C++ side decides; these only do (fetch, schedule, read the page URL, clipboard).
#pragma once

#include <string>

extern "C" {
void cbjs_request_frame();               // at most one pending; calls cb_on_frame
void cbjs_set_timer(int id, double ms);  // one-shot; replaces a pending timer with the same id; cb_on_timer
double cbjs_now_ms();                    // wall clock, ms since the epoch
double cbjs_perf_ms();                   // monotonic, ms
double cbjs_device_pixel_ratio();
int cbjs_window_width();
int cbjs_window_height();
// Streams url (relative to base) in slices into cb_fetch_begin / cb_fetch_chunk / cb_fetch_end.
void cbjs_fetch_start(int id, const char* url, const char* base);
void cbjs_install_drop();  // files dropped on the page: cb_files_dropped(names), read as "dropped:NAME"
void cbjs_set_clipboard(const char* text);
char* cbjs_page_param(const char* name);  // malloc'd UTF-8 or null; caller frees
char* cbjs_page_origin();
char* cbjs_page_hash();  // malloc'd location.hash without '#'; also starts reporting changes
                         // (cb_hash_changed)
void cbjs_set_hash(const char* hash, int push);  // malloc'd "http://127.0.0.1:8080"; caller frees
int cbjs_prefers_dark();
void cbjs_set_title(const char* text);
// Saves a file: CSV exports (data, length), and a PNG of the canvas as last drawn.
void cbjs_download(const char* name, const char* mime, const void* data, int length);
void cbjs_download_canvas_png(const char* name);
unsigned char* cbjs_take_asset(const char* name, int* length);  // malloc'd, or null
void cbjs_emit(const char* event);
}

namespace cb::web {

// The ?name=value query parameter of the page, or fallback.
std::string page_param(const char* name, const std::string& fallback);
std::string page_origin();
std::string page_hash();

}  // namespace cb::web
