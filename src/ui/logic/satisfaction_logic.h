// satisfaction_logic.h: what the Satisfaction view needs beyond Metrics: verbatim match ranges (no ImGui).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cb {

// Byte ranges of `text` holding `query`, case-insensitively as search_verbatims matches (fold_case keeps
// byte lengths, so offsets into the folded text are offsets into the text). Non-overlapping, left to
// right, at most `limit`. An empty query matches nothing.
struct TextMatch {
    uint32_t begin, end;
};
void find_matches(std::string_view text, std::string_view query, size_t limit, std::vector<TextMatch>* out);

}  // namespace cb
