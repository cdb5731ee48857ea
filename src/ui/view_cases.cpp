// view_cases.cpp: TEMPORARY placeholder, replaced by the owner of this view.
#include "views.h"

namespace cb::ui {

void draw_cases_view(const Frame&, UiState&) {
    ImGui::TextDisabled("This view is being built.");
}

}  // namespace cb::ui
