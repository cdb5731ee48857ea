// imgui_input_web.cpp: browser mouse, wheel, keyboard and focus events into Dear ImGui's input queue.
// Every event also calls the on_event hook, which is how the dashboard knows to draw a frame: nothing
// else schedules frames, so an idle page costs nothing.
#include "imgui_input_web.h"

#include <emscripten/html5.h>

#include <cstring>

#include "imgui.h"
#include "web_platform.h"

namespace cb::web {

static void (*g_on_event)() = nullptr;

struct KeyName {
    const char* code;
    ImGuiKey key;
};
// DOM KeyboardEvent.code (the physical key) -> ImGuiKey. Letters and digits are handled by pattern below.
static const KeyName kKeys[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"Minus", ImGuiKey_Minus},
    {"Equal", ImGuiKey_Equal},
    {"Slash", ImGuiKey_Slash},
    {"Period", ImGuiKey_Period},
    {"Comma", ImGuiKey_Comma},
    {"F1", ImGuiKey_F1},
    {"F2", ImGuiKey_F2},
    {"F3", ImGuiKey_F3},
    {"F4", ImGuiKey_F4},
    {"F5", ImGuiKey_F5},
    {"F6", ImGuiKey_F6},
};

static ImGuiKey key_from_code(const char* code) {
    if (!std::strncmp(code, "Key", 3) && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (!std::strncmp(code, "Digit", 5) && code[5] >= '0' && code[5] <= '9' && !code[6])
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    for (const KeyName& k : kKeys)
        if (!std::strcmp(code, k.code)) return k.key;
    return ImGuiKey_None;
}

static void add_modifiers(ImGuiIO& io, bool ctrl, bool shift, bool alt, bool meta) {
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    add_modifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = key_from_code(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    // Printable keys type text; with Ctrl/Cmd they are shortcuts, left to ImGui and the browser.
    bool printable =
        down && std::strlen(e->key) <= 4 && (unsigned char)e->key[0] >= 0x20 && !e->ctrlKey && !e->metaKey;
    if (printable) io.AddInputCharactersUTF8(e->key);
    g_on_event();
    // Keep the browser's own keys (reload, dev tools, zoom) unless a text field or navigation wants them.
    if (io.WantTextInput && (printable || key == ImGuiKey_Backspace || key == ImGuiKey_Space)) return EM_TRUE;
    return key == ImGuiKey_Tab || key == ImGuiKey_Space || key == ImGuiKey_UpArrow ||
           key == ImGuiKey_DownArrow || key == ImGuiKey_PageUp || key == ImGuiKey_PageDown;
}

static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    add_modifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    io.AddMousePosEvent((float)e->targetX, (float)e->targetY);
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    static const int kButton[3] = {0, 2, 1};
    if ((type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) && e->button < 3)
        io.AddMouseButtonEvent(kButton[e->button], type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    g_on_event();
    return type != EMSCRIPTEN_EVENT_MOUSEMOVE;
}

static EM_BOOL on_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    g_on_event();
    return EM_FALSE;
}

static EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // deltaMode 0: pixels (about 100 per notch), 1: lines (3 per notch), 2: pages.
    double per_notch = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    ImGui::GetIO().AddMouseWheelEvent((float)(-e->deltaX / per_notch), (float)(-e->deltaY / per_notch));
    g_on_event();
    return EM_TRUE;
}

static EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    g_on_event();
    return EM_FALSE;
}

static EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    g_on_event();
    return EM_FALSE;
}

static void set_clipboard(void*, const char* text) {
    cbjs_set_clipboard(text);
}

void install_input(const char* canvas, void (*on_event)()) {
    g_on_event = on_event;
    ImGui::GetIO().SetClipboardTextFn = set_clipboard;
    const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse);
    emscripten_set_mouseup_callback(win, nullptr, true, on_mouse);  // releases outside the canvas too
    emscripten_set_mousemove_callback(canvas, nullptr, true, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, true, on_leave);
    emscripten_set_wheel_callback(canvas, nullptr, false, on_wheel);
    emscripten_set_keydown_callback(win, nullptr, true, on_key);
    emscripten_set_keyup_callback(win, nullptr, true, on_key);
    // Not captured: the window's own focus changes only. The canvas taking focus on a click must not read
    // as the app losing focus, which would drop the button being pressed.
    emscripten_set_focus_callback(win, nullptr, false, on_focus);
    emscripten_set_blur_callback(win, nullptr, false, on_focus);
    emscripten_set_resize_callback(win, nullptr, true, on_resize);
}

}  // namespace cb::web
