#include "satisfaction_logic.h"

#include <string>

#include "filter.h"

namespace cb {

void find_matches(std::string_view text, std::string_view query, size_t limit, std::vector<TextMatch>* out) {
    out->clear();
    if (query.empty()) return;
    std::string folded_text = fold_case(text), folded_query = fold_case(query);
    size_t pos = 0;
    while (out->size() < limit) {
        size_t at = folded_text.find(folded_query, pos);
        if (at == std::string::npos) break;
        out->push_back({(uint32_t)at, (uint32_t)(at + folded_query.size())});
        pos = at + folded_query.size();
    }
}

}  // namespace cb
