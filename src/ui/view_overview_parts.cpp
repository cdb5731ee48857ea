// view_overview_parts.cpp: helpers shared by the Overview, Queues and SLA views.
#include "view_overview_parts.h"

#include <cmath>
#include <cstdio>

#include "widgets.h"

namespace cb::ui {

const Headline& frame_headline(const Frame& f) {
    return *f.headline;
}

void fitted_text(const char* text) {
    float avail = ImGui::GetContentRegionAvail().x;
    if (ImGui::CalcTextSize(text).x <= avail) return ImGui::TextUnformatted(text);
    // Longest prefix (on a UTF-8 boundary) that fits with the ellipsis.
    const char* end = text;
    float ellipsis = ImGui::CalcTextSize("…").x;
    for (const char* p = text; *p;) {
        const char* next = p + 1;
        while ((*next & 0xC0) == 0x80) ++next;
        if (ImGui::CalcTextSize(text, next).x + ellipsis > avail) break;
        end = p = next;
    }
    std::string cut = std::string(text, end) + "…";
    ImGui::TextUnformatted(cut.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

std::string format_percent(double rate) {
    if (!std::isfinite(rate)) return "no data";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", rate * 100);
    return buf;
}

std::string format_countdown(int64_t s) {
    if (s >= 3600) return format_duration(s);
    if (s < 0) s = 0;
    char buf[16];
    std::snprintf(buf, sizeof buf, "00:%02d:%02d", (int)(s / 60), (int)(s % 60));
    return buf;
}

Tone attainment_tone(double rate) {
    if (!std::isfinite(rate)) return Tone::Neutral;
    return rate >= 0.9 ? Tone::Good : rate >= 0.75 ? Tone::Warning : Tone::Bad;
}

const char* clock_hours_label(bool business_hours) {
    return business_hours ? "business hours" : "calendar hours (24x7)";
}

const char* metric_label(SlaMetric m) {
    switch (m) {
        case SlaMetric::FirstResponse:
            return "First response";
        case SlaMetric::NextUpdate:
            return "Next update";
        default:
            return "Resolution";
    }
}

void open_case(UiState& state, const Frame& f, uint32_t row) {
    const Dataset& d = f.session->data();
    if (row >= d.cases.count) return;
    state.view.selected_case = std::string(f.session->strings().view(d.cases.id[row]));
    state.view.view = View::Cases;
}

}  // namespace cb::ui
