// view_satisfaction_verbatims.cpp: the verbatim browser (search with highlighted matches, CSAT range) and
// the words that tell dissatisfied comments from satisfied ones.
#include <algorithm>
#include <string>
#include <vector>

#include "case_format.h"
#include "case_table.h"
#include "csv_export.h"
#include "csv_writer.h"
#include "metrics.h"
#include "satisfaction_logic.h"
#include "view_satisfaction_parts.h"
#include "widgets.h"

namespace cb::ui {

// The browser's inputs and its cached result: search_verbatims runs only when the text, the score range
// or the selected surveys change.
struct VerbatimSearch {
    char query[128] = {};
    int min_csat = 1, max_csat = 5;
    std::string done_query;
    int done_min = 0, done_max = 0;
    uint64_t done_board = ~uint64_t(0);
    std::vector<uint32_t> matches;
};
static VerbatimSearch g_search;

static void update_search(const Frame& f) {
    const std::vector<uint32_t>& surveys = f.board->metrics.satisfaction.survey_rows;
    VerbatimSearch& s = g_search;
    if (s.done_query == s.query && s.done_min == s.min_csat && s.done_max == s.max_csat &&
        s.done_board == f.board->version)
        return;
    search_verbatims(f.session->data(), f.board->index, surveys, s.query, (uint8_t)s.min_csat,
                     (uint8_t)s.max_csat, &s.matches);
    // Surveys without a comment say nothing to browse.
    const std::vector<std::string>& text = f.session->data().surveys.verbatim;
    s.matches.erase(
        std::remove_if(s.matches.begin(), s.matches.end(), [&](uint32_t r) { return text[r].empty(); }),
        s.matches.end());
    s.done_query = s.query, s.done_min = s.min_csat, s.done_max = s.max_csat;
    s.done_board = f.board->version;
}

// `text` wrapped to `width` in at most `max_lines` lines (the last cut with "…"), matches on a highlight.
static void highlighted_text(std::string_view text, const std::vector<TextMatch>& matches, float width,
                             int max_lines) {
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize(), line_h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImU32 mark = (tone_color(Tone::Warning) & 0x00FFFFFF) | 0x66000000;
    const char* begin = text.data();
    const char* s = begin;
    const char* end = begin + text.size();
    int line = 0;
    for (; s < end && line < max_lines; ++line) {
        const char* eol = font->CalcWordWrapPositionA(size / font->FontSize, s, end, width);
        if (eol <= s) eol = s + 1;
        while (eol < end && (*eol & 0xC0) == 0x80) ++eol;  // never split a UTF-8 character
        for (const TextMatch& m : matches) {
            const char* mb = begin + m.begin;
            const char* me = begin + m.end;
            if (me <= s || mb >= eol) continue;
            float x0 = font->CalcTextSizeA(size, FLT_MAX, 0, s, std::max(s, mb)).x;
            float x1 = font->CalcTextSizeA(size, FLT_MAX, 0, s, std::min(eol, me)).x;
            dl->AddRectFilled(ImVec2(pos.x + x0, pos.y), ImVec2(pos.x + x1, pos.y + line_h), mark,
                              2 * g_theme.scale);
            dl->AddLine(ImVec2(pos.x + x0, pos.y + line_h - 1), ImVec2(pos.x + x1, pos.y + line_h - 1),
                        g_theme.text, g_theme.scale);  // underlined too: not by colour alone
        }
        bool last = line == max_lines - 1 && eol < end;
        dl->AddText(font, size, pos, g_theme.text, s, eol);
        if (last) {
            float x = font->CalcTextSizeA(size, FLT_MAX, 0, s, eol).x;
            dl->AddText(font, size, ImVec2(pos.x + x, pos.y), g_theme.text_dim, "…");
        }
        pos.y += line_h;
        s = eol;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    ImGui::Dummy(ImVec2(width, line_h * max_lines));
}

static void export_matches(const Frame& f) {
    const Dataset& d = f.session->data();
    const StringPool& pool = f.session->strings();
    std::string text;
    CsvWriter w(&text);
    for (const char* h : {"survey_id", "case_id", "customer", "submitted_at", "csat", "effort", "verbatim"})
        w.text(h);
    w.end_row();
    for (uint32_t r : g_search.matches) {
        uint32_t c = d.surveys.case_index[r];
        w.text(pool.view(d.surveys.id[r])), w.text(pool.view(d.surveys.case_id[r]));
        c < d.cases.count ? w.text(pool.view(d.cases.customer[c])) : w.empty();
        w.time(d.surveys.submitted_at[r]);
        d.surveys.csat[r] ? w.integer(d.surveys.csat[r]) : w.empty();
        d.surveys.effort[r] ? w.integer(d.surveys.effort[r]) : w.empty();
        w.text(d.surveys.verbatim[r]);
        w.end_row();
    }
    download_csv("verbatims", f.as_of, text);
}

void draw_verbatim_browser(const Frame& f, float) {
    const Dataset& d = f.session->data();
    const StringPool& pool = f.session->strings();
    VerbatimSearch& s = g_search;
    section_heading("Verbatims", "what customers wrote, newest first");
    ImGui::SetNextItemWidth(220 * g_theme.scale);
    ImGui::InputTextWithHint("##verbatim-search", "Search comments…", s.query, sizeof s.query);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150 * g_theme.scale);
    ImGui::DragIntRange2("##csat-range", &s.min_csat, &s.max_csat, 0.05f, 1, 5, "CSAT %d", "to %d",
                         ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("CSAT range of the comments shown (drag)");
    update_search(f);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", (format_count(s.matches.size()) + " comments").c_str());
    ImGui::SameLine();
    if (export_csv_button("verbatims")) export_matches(f);
    if (s.matches.empty()) {
        ImGui::TextDisabled(
            s.query[0] ? "No comment contains \"%s\" in this CSAT range." : "No comments in this CSAT range.",
            s.query);
        return;
    }
    ImGui::BeginChild("list", ImVec2(0, 0), true);
    float line_h = ImGui::GetTextLineHeight(), spacing = ImGui::GetStyle().ItemSpacing.y;
    const int text_lines = 2;
    float item_h = line_h * (1 + text_lines) + spacing * 3;
    static std::vector<TextMatch> found;
    ImGuiListClipper clipper;
    clipper.Begin((int)s.matches.size(), item_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            uint32_t r = s.matches[i];
            ImGui::PushID(i);
            ImGui::BeginGroup();
            uint8_t csat = d.surveys.csat[r];
            state_badge(csat >= 4   ? Tone::Good
                        : csat <= 2 ? Tone::Bad
                                    : Tone::Neutral,
                        ("CSAT " + std::to_string(csat)).c_str());
            ImGui::SameLine();
            uint32_t c = d.surveys.case_index[r];
            std::string who = std::string(pool.view(d.surveys.case_id[r]));
            if (c < d.cases.count) who += " · " + std::string(pool.view(d.cases.customer[c]));
            ImGui::TextDisabled("%s · %s", format_utc_minute(d.surveys.submitted_at[r]).substr(0, 10).c_str(),
                                who.c_str());
            const std::string& text = d.surveys.verbatim[r];
            find_matches(text, s.done_query, 64, &found);
            highlighted_text(text, found, ImGui::GetContentRegionAvail().x, text_lines);
            ImGui::EndGroup();
            if (ImGui::IsItemHovered()) {
                ImGui::SetNextWindowSize(ImVec2(480 * g_theme.scale, 0));
                ImGui::BeginTooltip();
                ImGui::TextWrapped("%s", text.c_str());
                ImGui::EndTooltip();
            }
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

static void term_list(const char* id, const std::vector<TermCount>& terms, bool dissatisfied, float width) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 3, flags, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn("Word", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(dissatisfied ? "in CSAT 1-2" : "in CSAT 4-5");
    ImGui::TableSetupColumn(dissatisfied ? "in 4-5" : "in 1-2");
    ImGui::TableHeadersRow();
    for (const TermCount& t : terms) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(t.term.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
            std::snprintf(g_search.query, sizeof g_search.query, "%s", t.term.c_str());
            g_search.min_csat = 1, g_search.max_csat = 5;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Click to search the comments for \"%s\"", t.term.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%u", dissatisfied ? t.dissatisfied : t.satisfied);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%u", dissatisfied ? t.satisfied : t.dissatisfied);
    }
    ImGui::EndTable();
}

void draw_distinguishing_terms(const Frame& f, float) {
    const VerbatimMetrics& v = f.board->metrics.verbatims;
    section_heading("Words that set comments apart", "");
    ImGui::TextDisabled("%s dissatisfied (CSAT 1-2) and %s satisfied (4-5) comments",
                        format_count(v.dissatisfied_comments).c_str(),
                        format_count(v.satisfied_comments).c_str());
    if (v.dissatisfied_terms.empty() && v.satisfied_terms.empty()) {
        ImGui::TextDisabled("Too few comments to tell the two sides apart.");
        return;
    }
    float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginGroup();
    state_badge(Tone::Bad, "Dissatisfied say");
    term_list("dissatisfied-terms", v.dissatisfied_terms, true, w);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    state_badge(Tone::Good, "Satisfied say");
    term_list("satisfied-terms", v.satisfied_terms, false, w);
    ImGui::EndGroup();
}

}  // namespace cb::ui
