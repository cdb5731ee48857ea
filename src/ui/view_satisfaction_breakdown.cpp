// view_satisfaction_breakdown.cpp: CSAT by queue, product, offering, owner or customer in a sortable
// table; a click on a row toggles that value in the global filter.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "csv_export.h"
#include "csv_writer.h"
#include "view_satisfaction_parts.h"
#include "views.h"
#include "widgets.h"

namespace cb::ui {

struct Dimension {
    const char* name;  // tab label and CSV name
    std::vector<SatRow> SatisfactionMetrics::*rows;
    std::vector<StrId> Filter::*filter;
};
static const Dimension kDimensions[] = {
    {"queue", &SatisfactionMetrics::by_queue, &Filter::queue},
    {"product", &SatisfactionMetrics::by_product, &Filter::product},
    {"offering", &SatisfactionMetrics::by_offering, &Filter::offering},
    {"owner", &SatisfactionMetrics::by_owner, &Filter::owner},
    {"customer", &SatisfactionMetrics::by_customer, &Filter::customer},
};

enum Column { kName, kResponses, kMean, kTop2, kDissatisfied, kColumnCount };

// Sorting key of a row for a column; names sort by text separately.
static double column_value(const SatRow& r, int column) {
    switch (column) {
        case kResponses:
            return r.counts.csat.n;
        case kMean:
            return r.counts.csat.mean();
        case kTop2:
            return r.counts.top2_rate();
        default:
            return r.counts.dissatisfied_rate();
    }
}

static void sort_rows(const std::vector<SatRow>& rows, const StringPool& pool, ImGuiTableSortSpecs* specs,
                      std::vector<uint32_t>* order) {
    order->resize(rows.size());
    for (uint32_t i = 0; i < rows.size(); ++i) (*order)[i] = i;
    if (!specs || specs->SpecsCount == 0) return;  // metrics order: most responses first
    int column = specs->Specs[0].ColumnIndex;
    bool desc = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    std::stable_sort(order->begin(), order->end(), [&](uint32_t a, uint32_t b) {
        if (column == kName)
            return desc ? pool.view(rows[b].key) < pool.view(rows[a].key)
                        : pool.view(rows[a].key) < pool.view(rows[b].key);
        double x = column_value(rows[a], column), y = column_value(rows[b], column);
        if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);  // no data last
        return desc ? x > y : x < y;
    });
}

static void export_breakdown(const Frame& f, const Dimension& dim, const std::vector<SatRow>& rows) {
    std::string text;
    CsvWriter w(&text);
    for (const char* h : {dim.name, "responses", "csat_mean", "csat_mean_ci_low", "csat_mean_ci_high",
                          "top2_rate", "dissatisfied_rate"})
        w.text(h);
    w.end_row();
    for (const SatRow& r : rows) {
        Interval ci = r.counts.csat.mean_interval();
        w.text(f.session->strings().view(r.key));
        w.integer(r.counts.csat.n), w.number(r.counts.csat.mean()), w.number(ci.lo), w.number(ci.hi);
        w.number(r.counts.top2_rate()), w.number(r.counts.dissatisfied_rate());
        w.end_row();
    }
    download_csv((std::string("csat-by-") + dim.name).c_str(), f.as_of, text);
}

void draw_satisfaction_breakdown(const Frame& f, UiState& state) {
    static int current = 0;
    const Dimension& dim = kDimensions[current];
    const std::vector<SatRow>& rows = f.board->metrics.satisfaction.*dim.rows;
    const StringPool& pool = f.session->strings();
    section_heading("CSAT by", "");
    for (int i = 0; i < (int)(sizeof kDimensions / sizeof kDimensions[0]); ++i) {
        ImGui::SameLine();
        if (ImGui::RadioButton(kDimensions[i].name, current == i)) current = i;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("· click a row to filter by it");
    ImGui::SameLine();
    if (export_csv_button("breakdown")) export_breakdown(f, dim, rows);
    if (rows.empty() && rollups_only(f)) return;  // rollups hold queue and offering, not the rest
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Sortable |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    float row_h = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    float h = std::min<float>(rows.size() + 1.5f, 14.5f) * row_h;
    if (!ImGui::BeginTable("breakdown", kColumnCount, flags, ImVec2(0, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(dim.name, ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn("Responses (n)", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("CSAT mean (1-5)", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("Top-2 (4-5)", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("Dissatisfied (1-2)", ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableHeadersRow();
    // Rows are at most the number of customers: sorting them per frame costs less than tracking changes.
    static std::vector<uint32_t> order;
    sort_rows(rows, pool, ImGui::TableGetSortSpecs(), &order);
    const std::vector<StrId>& active = state.view.filter.*dim.filter;
    ImGuiListClipper clipper;
    clipper.Begin((int)order.size(), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SatRow& r = rows[order[i]];
            std::string_view name = pool.view(r.key);
            bool on = std::find(active.begin(), active.end(), r.key) != active.end();
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            std::string label = std::string(name.empty() ? "(none)" : name) + (on ? "  ✓ filtered" : "");
            if (ImGui::Selectable(label.c_str(), on, ImGuiSelectableFlags_SpanAllColumns)) {
                StrId key = r.key;
                auto member = dim.filter;
                drill_down(state, View::Satisfaction, [&](Filter& next) { toggle_value(next.*member, key); });
            }
            if (ImGui::IsItemHovered()) {
                Interval ci = r.counts.csat.mean_interval();
                ImGui::SetTooltip("%.*s\nCSAT mean %.2f (95%%: %.2f–%.2f), n = %u\nClick to %s the filter",
                                  (int)name.size(), name.data(), r.counts.csat.mean(), ci.lo, ci.hi,
                                  r.counts.csat.n, on ? "remove it from" : "add it to");
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_count(r.counts.csat.n).c_str());
            ImGui::TableNextColumn();
            r.counts.csat.n ? ImGui::Text("%.2f", r.counts.csat.mean()) : ImGui::TextDisabled("–");
            ImGui::TableNextColumn();
            r.counts.csat.n ? ImGui::Text("%.0f%%", 100 * r.counts.top2_rate()) : ImGui::TextDisabled("–");
            ImGui::TableNextColumn();
            r.counts.csat.n ? ImGui::Text("%.0f%%", 100 * r.counts.dissatisfied_rate())
                            : ImGui::TextDisabled("–");
        }
    }
    ImGui::EndTable();
}

}  // namespace cb::ui
