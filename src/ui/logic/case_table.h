// case_table.h: the case explorer's table without ImGui: what each column shows and sorts by, the sorted
// row order (built once per sort or selection change, never per frame) and finding a case by id.
//
// Sorting packs each row's column key into the high 32 bits of a 64-bit word and the row into the low 32
// bits, so one std::sort of plain integers orders 1,000,000 rows with ties broken by row (stable, and the
// same order every time). Text columns sort by the byte order of their names (ranked once per sort).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model.h"
#include "sla.h"

namespace cb {

enum class CaseColumn : uint8_t {
    Id,
    Title,
    Customer,
    Severity,  // A before B before C; System Down first within a severity
    Queue,
    Owner,
    Status,
    Age,            // open: as_of - created; closed: time to close
    FirstResponse,  // SLA clock state (most urgent first), then remaining time
    Resolution,
    Transfers,
    Csat,  // the case's latest survey; cases without one sort last either way
    Count
};
constexpr int kCaseColumns = static_cast<int>(CaseColumn::Count);

// Per case row: its latest survey (by submitted_at), or kNoRow. Built once per data version.
void latest_survey_per_case(const SurveyTable& surveys, size_t case_count, std::vector<uint32_t>* out);

// Seconds the case has been open (as_of - created) or took to close; -1 without created_at.
int64_t case_age_seconds(const CaseTable& cases, uint32_t row, Time as_of);

// Urgency order of SLA states for sorting: noncompliant, nearing, in progress, paused, succeeded,
// cancelled, not applicable.
int sla_state_urgency(SlaState s);

struct CaseSortInput {
    const Dataset* data = nullptr;
    const SlaResults* sla = nullptr;
    const std::vector<uint32_t>* latest_survey = nullptr;  // latest_survey_per_case
    Time as_of = kNoTime;
};
struct CaseSortScratch {
    std::vector<uint64_t> keyed;
    std::vector<uint32_t> name_rank;  // StrId -> rank, for the text column being sorted
    std::vector<StrId> names;
};
// `rows` in the column's order (descending reverses the keys; rows stay the tie-break and missing values
// stay last) into *out.
void sort_case_rows(const CaseSortInput& in, const std::vector<uint32_t>& rows, CaseColumn column,
                    bool descending, CaseSortScratch* scratch, std::vector<uint32_t>* out);

// Whether sorting by this column depends on as_of (a new "now" must re-sort).
bool column_depends_on_time(CaseColumn column);

// Row of the case whose id is `id`, or kNoRow.
uint32_t find_case_row(const Dataset& data, std::string_view id);

}  // namespace cb
