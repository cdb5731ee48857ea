// view_cases.cpp: the case explorer: every selected case in a virtualised, sortable table, the detail of
// the clicked case beside it (or below on narrow screens), and the CSV export of the selection.
//
// A million rows scroll smoothly because only the visible rows are drawn (ImGuiListClipper) and the row
// order is sorted once per sort or selection change (CaseOrder), never per frame.
#include <algorithm>
#include <string>

#include "case_csv.h"
#include "case_detail.h"
#include "case_format.h"
#include "case_table.h"
#include "csv_export.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

struct ColumnSpec {
    const char* name;
    float width;  // UI-scaled pixels; negative: stretch with this weight
    const char* tip;
};
static const ColumnSpec kColumns[kCaseColumns] = {
    {"Case", 0, "Case id"},  // as wide as the ids (case_id_width)
    {"Title", -1.6f, "Case title"},
    {"Customer", -1, "Customer"},
    {"Sev", 48, "Severity (A most severe); ◉ Down = System Down"},
    {"Queue", 104, "Support queue"},
    {"Owner", 104, "Case owner"},
    {"Status", 104, "Current status"},
    {"Age", 72, "Open: time since created (to as of). Closed: time to close"},
    {"1st resp. SLA", 90, "First response SLA clock at as of"},
    {"Resol. SLA", 90, "Resolution SLA clock at as of"},
    {"Transf.", 44, "Transfers between queues or owners"},
    {"CSAT", 44, "CSAT of the case's latest survey (1-5)"},
};

// The table's row order, re-sorted only when the selection, the sort or (for time-dependent columns) the
// "as of" time changes.
struct CaseOrder {
    uint64_t board_version = ~uint64_t(0);
    Time as_of = kNoTime;
    CaseColumn column = CaseColumn::Count;
    bool descending = false;
    std::vector<uint32_t> rows;
    CaseSortScratch scratch;
};
static CaseOrder g_order;
// The selected case the table last scrolled to (a click selects without scrolling).
static std::string g_scrolled_for;

static void update_order(const Frame& f, CaseColumn column, bool descending) {
    const std::vector<uint32_t>& rows = f.board->metrics.rows;
    bool time_moved = column_depends_on_time(column) && g_order.as_of != f.board->sla.as_of;
    if (g_order.board_version == f.board->version && g_order.column == column &&
        g_order.descending == descending && !time_moved)
        return;
    CaseSortInput in{&f.session->data(), &f.board->sla, &latest_surveys(*f.session), f.board->sla.as_of};
    sort_case_rows(in, rows, column, descending, &g_order.scratch, &g_order.rows);
    g_order.board_version = f.board->version;
    g_order.as_of = f.board->sla.as_of;
    g_order.column = column, g_order.descending = descending;
}

// Text that may not fit its cell: cut by the cell, whole on hover.
static void cell_text(std::string_view s) {
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    if (ImGui::IsItemHovered() &&
        ImGui::CalcTextSize(s.data(), s.data() + s.size()).x > ImGui::GetColumnWidth())
        ImGui::SetTooltip("%.*s", (int)s.size(), s.data());
}

static void draw_row(const Frame& f, UiState& state, uint32_t r, const std::vector<uint32_t>& latest) {
    const Dataset& d = f.session->data();
    const CaseTable& c = d.cases;
    const StringPool& pool = f.session->strings();
    std::string_view id = pool.view(c.id[r]);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool selected = state.view.selected_case == id;
    ImGui::PushID((int)r);
    if (ImGui::Selectable("##row", selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        state.view.selected_case = g_scrolled_for = selected ? std::string() : std::string(id);
    ImGui::PopID();
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(id.data(), id.data() + id.size());
    ImGui::TableNextColumn();
    cell_text(pool.view(c.title[r]));
    ImGui::TableNextColumn();
    cell_text(pool.view(c.customer[r]));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(to_string(c.severity[r]));
    if (c.system_down[r]) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, tone_color(Tone::Bad));
        ImGui::TextUnformatted("◉ Down");
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("System Down: production is stopped");
    }
    ImGui::TableNextColumn();
    cell_text(pool.view(c.queue[r]));
    ImGui::TableNextColumn();
    cell_text(pool.view(c.owner[r]));
    ImGui::TableNextColumn();
    cell_text(case_status_words(c.status[r]));
    ImGui::TableNextColumn();
    int64_t age = case_age_seconds(c, r, f.board->sla.as_of);
    ImGui::TextUnformatted(age < 0 ? "–" : format_duration(age).c_str());
    for (SlaMetric m : {SlaMetric::FirstResponse, SlaMetric::Resolution}) {
        ImGui::TableNextColumn();
        if (r < f.board->sla.clocks[(int)m].state.size()) sla_badge(f.board->sla.clocks[(int)m].state[r]);
    }
    ImGui::TableNextColumn();
    ImGui::Text("%u", (unsigned)c.transfers[r]);
    ImGui::TableNextColumn();
    uint32_t sv = r < latest.size() ? latest[r] : kNoRow;
    if (sv < d.surveys.count && d.surveys.csat[sv])
        ImGui::Text("%u", (unsigned)d.surveys.csat[sv]);
    else
        ImGui::TextDisabled("–");
}

// Ids of one feed have one form: the first one's width (plus room for the sort arrow) fits them all.
static float case_id_width(const DataSession& s) {
    const CaseTable& c = s.data().cases;
    std::string_view id = c.count ? s.strings().view(c.id[0]) : std::string_view("CS-00000");
    return ImGui::CalcTextSize(id.data(), id.data() + id.size()).x + 24 * g_theme.scale;
}

// The sortable, virtualised table of g_order. scroll_to: a position in the order to bring into view, or -1.
static void draw_case_table(const Frame& f, UiState& state, ImVec2 size, long scroll_to) {
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable | ImGuiTableFlags_Hideable |
                            ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("cases", kCaseColumns, flags, size)) return;
    for (int i = 0; i < kCaseColumns; ++i) {
        const ColumnSpec& col = kColumns[i];
        bool stretch = col.width < 0;
        ImGuiTableColumnFlags cf =
            stretch ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
        if (i == 0) cf |= ImGuiTableColumnFlags_NoHide;
        float width = i == 0 ? case_id_width(*f.session) : col.width * g_theme.scale;
        ImGui::TableSetupColumn(col.name, cf, stretch ? -col.width : width);
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < kCaseColumns; ++i) {
        if (!ImGui::TableSetColumnIndex(i)) continue;
        ImGui::TableHeader(kColumns[i].name);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s. Click to sort.", kColumns[i].tip);
    }
    CaseColumn column = CaseColumn::Id;
    bool descending = false;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        column = (CaseColumn)specs->Specs[0].ColumnIndex;
        descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        specs->SpecsDirty = false;  // the order is cached by (column, direction) in update_order
    }
    update_order(f, column, descending);
    const std::vector<uint32_t>& latest = latest_surveys(*f.session);
    float row_height = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    if (scroll_to >= 0) ImGui::SetScrollY(std::max(0.0f, (float)scroll_to * row_height - size.y * 0.4f));
    ImGuiListClipper clipper;
    clipper.Begin((int)g_order.rows.size(), row_height);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            draw_row(f, state, g_order.rows[i], latest);
    ImGui::EndTable();
}

void draw_cases_view(const Frame& f, UiState& state) {
    if (rollups_only(f)) return;
    const Dataset& d = f.session->data();
    const std::vector<uint32_t>& rows = f.board->metrics.rows;
    uint32_t selected = find_case_row(d, state.view.selected_case);
    // A case chosen elsewhere (a link, the test API, another view) is scrolled into view once.
    long scroll_to = -1;
    if (state.view.selected_case != g_scrolled_for) {
        g_scrolled_for = state.view.selected_case;
        auto it = std::find(g_order.rows.begin(), g_order.rows.end(), selected);
        if (it != g_order.rows.end()) scroll_to = it - g_order.rows.begin();
    }
    ImGui::PushFont(g_font_bold);
    ImGui::Text("%s cases match the filter", format_count(rows.size()).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("of %s loaded · search and filters above · click a row for its detail",
                        format_count(d.cases.count).c_str());
    ImGui::SameLine();
    if (export_csv_button("cases")) {
        std::string text;
        write_cases_csv(d, f.board->sla, g_order.rows.size() == rows.size() ? g_order.rows : rows,
                        &latest_surveys(*f.session), &text);
        download_csv("cases", f.as_of, text);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("All %s filtered cases, every column, in the table's order",
                          format_count(rows.size()).c_str());
    ImGui::SameLine();
    png_button("cases", f.as_of);
    if (rows.empty()) {
        ImGui::Spacing();
        state_badge(Tone::Info,
                    "No cases match the filter. Clear a filter above (or press Ctrl+Z) to widen it.");
        return;
    }
    ImVec2 avail = ImGui::GetContentRegionAvail();
    bool detail = selected != kNoRow;
    // The detail goes beside the table when the table keeps room for a readable title column, else below.
    float detail_width = 600 * g_theme.scale;
    bool side = avail.x - detail_width >= 1200 * g_theme.scale;
    float gap = ImGui::GetStyle().ItemSpacing.x;
    ImVec2 table_size = !detail ? avail
                        : side  ? ImVec2(avail.x - detail_width - gap, avail.y)
                                : ImVec2(avail.x, avail.y * 0.42f);
    draw_case_table(f, state, table_size, scroll_to);
    if (!detail) return;
    if (side) ImGui::SameLine();
    ImGui::BeginChild("case-detail", ImVec2(0, 0), true);
    draw_case_detail(f, state, selected);
    ImGui::EndChild();
}

}  // namespace cb::ui
