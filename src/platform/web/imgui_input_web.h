// imgui_input_web.h: feeds browser input events into Dear ImGui.
#pragma once

namespace cb::web {

// Registers DOM event handlers for the canvas (CSS selector, e.g. "#canvas") and the window.
// on_event runs after every event so the caller can schedule a frame.
void install_input(const char* canvas, void (*on_event)());

}  // namespace cb::web
