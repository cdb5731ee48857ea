// satisfaction_logic.h: small figures the Satisfaction view needs beyond Metrics (no ImGui).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model.h"

namespace cb {

// counts[k] = surveys among `survey_rows` with CSAT k + 1 (1..5); surveys without a score are not counted.
void csat_distribution(const SurveyTable& surveys, const std::vector<uint32_t>& survey_rows,
                       uint32_t counts[5]);

// Byte ranges of `text` holding `query`, case-insensitively as search_verbatims matches (fold_case keeps
// byte lengths, so offsets into the folded text are offsets into the text). Non-overlapping, left to
// right, at most `limit`. An empty query matches nothing.
struct TextMatch {
    uint32_t begin, end;
};
void find_matches(std::string_view text, std::string_view query, size_t limit, std::vector<TextMatch>* out);

}  // namespace cb
