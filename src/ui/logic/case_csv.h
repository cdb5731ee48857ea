// case_csv.h: the filtered cases as CSV, every column of the case table plus the SLA clocks at as_of and
// the latest survey (no ImGui). Format rules in csv.h.
#pragma once

#include <string>
#include <vector>

#include "model.h"
#include "sla.h"

namespace cb {

// Header plus one row per entry of `rows` (case rows, written in that order). latest_survey may be null
// (survey columns left empty) or latest_survey_per_case's output.
void write_cases_csv(const Dataset& data, const SlaResults& sla, const std::vector<uint32_t>& rows,
                     const std::vector<uint32_t>* latest_survey, std::string* out);

}  // namespace cb
