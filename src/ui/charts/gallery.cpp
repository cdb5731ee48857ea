#include "gallery.h"

#include "imgui.h"

namespace cb::ui {

void draw_chart_gallery() { ImGui::TextUnformatted("Chart gallery: being built"); }

}  // namespace cb::ui
