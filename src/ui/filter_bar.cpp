#include "filter_bar.h"

#include <algorithm>
#include <string>
#include <vector>

#include "rollups.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

// The distinct values of each filterable column, sorted by name; rebuilt when the data changes.
struct FilterChoices {
    uint64_t generation = ~uint64_t(0);
    std::vector<StrId> offering, queue, product, customer, owner;
};

static void distinct_sorted(const std::vector<StrId>& column, const StringPool& pool,
                            std::vector<StrId>* out) {
    std::vector<uint8_t> seen(pool.size(), 0);
    out->clear();
    for (StrId id : column)
        if (id != kNoStr && !seen[id]) seen[id] = 1, out->push_back(id);
    std::sort(out->begin(), out->end(), [&](StrId a, StrId b) { return pool.view(a) < pool.view(b); });
}

static const FilterChoices& choices_for(const DataSession& s) {
    static FilterChoices c;
    if (c.generation == s.generation()) return c;
    const CaseTable& t = s.data().cases;
    const StringPool& pool = s.strings();
    const bool rollups = uses_rollups(s.data());  // then the rollups name the queues and offerings
    distinct_sorted(rollups ? s.data().rollups.offering : t.offering, pool, &c.offering);
    distinct_sorted(rollups ? s.data().rollups.queue : t.queue, pool, &c.queue);
    distinct_sorted(t.product, pool, &c.product);
    distinct_sorted(t.customer, pool, &c.customer);
    distinct_sorted(t.owner, pool, &c.owner);
    c.generation = s.generation();
    return c;
}

// A combo whose popup lists checkboxes (with a search box for long lists). Returns true when changed.
template <typename T, typename Name>
static bool multi_select(const char* title, std::vector<T>& selected, const std::vector<T>& values, Name name,
                         float width) {
    std::string preview = std::string(title) + ": " +
                          (selected.empty()       ? std::string("all")
                           : selected.size() == 1 ? std::string(name(selected[0]))
                                                  : std::to_string(selected.size()) + " selected");
    std::string label = std::string("##") + title;
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(label.c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        static ImGuiTextFilter search;
        if (values.size() > 12) {
            if (ImGui::IsWindowAppearing()) search.Clear(), ImGui::SetKeyboardFocusHere();
            search.Draw("##search", -1);
        }
        for (const T& v : values) {
            std::string text(name(v));
            if (values.size() > 12 && !search.PassFilter(text.c_str())) continue;
            bool on = std::find(selected.begin(), selected.end(), v) != selected.end();
            if (ImGui::Checkbox(text.c_str(), &on)) toggle_value(selected, v), changed = true;
        }
        ImGui::EndCombo();
    }
    return changed;
}

static const int kRangeDays[] = {0, 7, 30, 90, 180};
static const char* const kRangeNames[] = {"All time", "Last 7 days", "Last 30 days", "Last 90 days",
                                          "Last 180 days"};

void draw_filter_bar(const Frame& f, UiState& state) {
    const DataSession& s = *f.session;
    const StringPool& pool = s.strings();
    const FilterChoices& c = choices_for(s);
    Filter next = state.view.filter;
    bool changed = false;
    // Nine controls share one row: the search box is 1.4 wide, the rest equal.
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    float w = std::max(110 * g_theme.scale, (ImGui::GetContentRegionAvail().x - 8 * spacing) / 9.4f);
    auto str = [&](StrId id) { return pool.view(id); };

    // Time range: created in the last N days before as_of (a custom range from a link shows as "Custom").
    int range = -1;
    for (int i = 0; i < 5; ++i) {
        bool match = kRangeDays[i] == 0 ? !has_time(next.from) && !has_time(next.to)
                                        : next.from == f.as_of - kRangeDays[i] * 86400 && !has_time(next.to);
        if (match) range = i;
    }
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("##range", range >= 0 ? kRangeNames[range] : "Custom range")) {
        for (int i = 0; i < 5; ++i) {
            if (ImGui::Selectable(kRangeNames[i], i == range)) {
                next.from = kRangeDays[i] ? f.as_of - kRangeDays[i] * 86400 : kNoTime;
                next.to = kNoTime;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    changed |= multi_select("Offering", next.offering, c.offering, str, w);
    ImGui::SameLine();
    static const std::vector<Severity> severities = {Severity::A, Severity::B, Severity::C};
    changed |= multi_select(
        "Severity", next.severity, severities, [](Severity v) { return std::string(to_string(v)); }, w);
    ImGui::SameLine();
    changed |= multi_select("Queue", next.queue, c.queue, str, w);
    ImGui::SameLine();
    changed |= multi_select("Product", next.product, c.product, str, w);
    ImGui::SameLine();
    changed |= multi_select("Customer", next.customer, c.customer, str, w);
    ImGui::SameLine();
    changed |= multi_select("Owner", next.owner, c.owner, str, w);
    ImGui::SameLine();
    static std::vector<CaseStatus> statuses;
    if (statuses.empty())
        for (int i = 0; i < (int)CaseStatus::Count; ++i) statuses.push_back((CaseStatus)i);
    changed |= multi_select(
        "Status", next.status, statuses, [](CaseStatus v) { return to_string(v); }, w);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(1.4f * w);
    if (ImGui::IsKeyPressed(ImGuiKey_Slash) && !ImGui::GetIO().WantTextInput) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputTextWithHint("##search", "Search id, title, customer  ( / )", state.search,
                                 sizeof state.search, ImGuiInputTextFlags_EnterReturnsTrue)) {
        next.text = state.search;
        changed = true;
    }
    if (changed) set_filter(state.view, state.history, next);

    // Active filters as chips: the label says what is filtered, the click removes it.
    int active = active_filter_count(state.view.filter);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(active ? "Filtered:" : "No filters: all cases");
    std::vector<std::string> args = filter_to_args(state.view.filter, pool);
    for (const std::string& arg : args) {
        ImGui::SameLine();
        std::string label = arg + "  \xE2\x9C\x95";  // ✕
        if (ImGui::SmallButton(label.c_str())) {
            Filter cleared = state.view.filter;
            std::string error;
            apply_filter_arg(arg.substr(0, arg.find('=') + 1), pool, &cleared, &error);  // empty value clears
            if (arg.rfind("text=", 0) == 0) state.search[0] = 0;
            set_filter(state.view, state.history, cleared);
        }
    }
    if (active) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear all"))
            set_filter(state.view, state.history, Filter{}), state.search[0] = 0;
    }
    if (!state.history.undo.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Undo (Ctrl+Z)")) undo_filter(state.view, state.history);
    }
    if (uses_rollups(s.data())) return;  // no case rows: the rollups note below says what is shown
    ImGui::SameLine();
    ImGui::TextDisabled("· %s of %s cases", format_count(f.board->metrics.rows.size()).c_str(),
                        format_count(s.data().cases.count).c_str());
}

}  // namespace cb::ui
