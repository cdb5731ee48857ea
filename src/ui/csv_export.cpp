#include "csv_export.h"

#include "imgui.h"
#include "platform/web/web_platform.h"
#include "timestamp.h"

namespace cb::ui {

static std::string file_name(const char* what, Time as_of, const char* extension) {
    std::string date = has_time(as_of) ? format_iso8601(as_of).substr(0, 10) : "undated";
    return std::string("caseboard-") + what + "-" + date + extension;
}

bool export_csv_button(const char* id) {
    ImGui::PushID(id);
    bool clicked = ImGui::SmallButton("Export CSV");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save this table as CSV (UTF-8, ISO times, UTC)");
    ImGui::PopID();
    return clicked;
}

void download_csv(const char* what, Time as_of, const std::string& text) {
    std::string name = file_name(what, as_of, ".csv");
    cbjs_download(name.c_str(), "text/csv", text.data(), (int)text.size());
}

void png_button(const char* view, Time as_of) {
    ImGui::PushID("png");
    if (ImGui::SmallButton("PNG of this view")) {
        std::string name = file_name(view, as_of, ".png");
        cbjs_download_canvas_png(name.c_str());
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save the screen as a PNG image");
    ImGui::PopID();
}

}  // namespace cb::ui
