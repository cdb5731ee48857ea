// metrics_verbatims.cpp: search in survey comments, and the words that set dissatisfied comments apart.
#include <algorithm>

#include "metrics_counts.h"

namespace cb {

void search_verbatims(const Dataset& data, const MetricsIndex& index,
                      const std::vector<uint32_t>& survey_rows, std::string_view query, uint8_t min_csat,
                      uint8_t max_csat, std::vector<uint32_t>* out) {
    out->clear();
    const SurveyTable& s = data.surveys;
    if (index.surveys != s.count || index.newest_rank.size() != s.count || !surveys_usable(s)) return;
    const std::string needle = fold_case(query);
    // The selected comments in the score range, by their place in the newest-first order: their bits, read
    // in order, list them newest first without a sort, in steps of the selection rather than of all comments.
    // A survey without a comment or out of the range sets the bit past the last comment (no branch per
    // survey: about half have a comment).
    const size_t comments = index.newest.size();
    std::vector<uint64_t> picked(comments / 64 + 1, 0);
    for (uint32_t i : survey_rows) {
        if (i >= s.count) continue;
        const uint32_t rank = s.csat[i] >= min_csat && s.csat[i] <= max_csat
                                  ? index.newest_rank[i]
                                  : static_cast<uint32_t>(comments);
        picked[rank >> 6] |= uint64_t(1) << (rank & 63);
    }
    picked.back() &= ~(uint64_t(1) << (comments & 63));
    for (size_t w = 0; w < picked.size(); ++w)
        for (uint64_t bits = picked[w]; bits; bits &= bits - 1) {
            const uint32_t i = index.newest[w * 64 + static_cast<size_t>(__builtin_ctzll(bits))];
            if (needle.empty() || contains_folded(s.verbatim[i], needle)) out->push_back(i);
        }
}

CB_FOR_SIZE void order_surveys_newest_first(const Dataset& data, MetricsIndex* out) {
    const SurveyTable& s = data.surveys;
    out->newest.clear();
    for (uint32_t i = 0; i < s.count; ++i)
        if (!s.verbatim[i].empty()) out->newest.push_back(i);
    std::sort(out->newest.begin(), out->newest.end(), [&](uint32_t x, uint32_t y) {
        if (s.submitted_at[x] != s.submitted_at[y]) return s.submitted_at[x] > s.submitted_at[y];
        return x != y && data.strings->view(s.id[x]) > data.strings->view(s.id[y]);  // ties: survey id
    });
    out->newest_rank.assign(s.count, static_cast<uint32_t>(out->newest.size()));
    for (uint32_t k = 0; k < out->newest.size(); ++k) out->newest_rank[out->newest[k]] = k;
}

// English function words and survey filler; sorted for binary search. Contractions are split at the
// apostrophe by the tokeniser, hence "don", "isn", "ve", ...
static const char* const kStopWords[] = {
    "about", "after", "again", "all",  "also",  "am",     "an",   "and",  "any",   "are",   "aren",
    "as",    "at",    "be",    "been", "being", "but",    "by",   "can",  "case",  "could", "couldn",
    "did",   "didn",  "do",    "does", "doesn", "don",    "even", "for",  "from",  "get",   "got",
    "had",   "has",   "hasn",  "have", "haven", "he",     "her",  "here", "him",   "his",   "how",
    "if",    "in",    "into",  "is",   "isn",   "it",     "its",  "just", "ll",    "me",    "more",
    "most",  "my",    "no",    "not",  "now",   "of",     "on",   "one",  "only",  "or",    "other",
    "our",   "out",   "re",    "she",  "so",    "some",   "than", "that", "the",   "their", "them",
    "then",  "there", "these", "they", "this",  "those",  "to",   "too",  "up",    "us",    "ve",
    "very",  "was",   "wasn",  "we",   "were",  "weren",  "what", "when", "which", "while", "who",
    "why",   "will",  "with",  "won",  "would", "wouldn", "you",  "your",
};

static bool is_stop_word(std::string_view w) {
    return std::binary_search(std::begin(kStopWords), std::end(kStopWords), w,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

static bool is_word_byte(unsigned char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

// Calls emit(word) for each lower-cased word of two or more bytes that is not a number or a stop word.
template <typename Emit>
static void for_each_term(std::string_view text, std::string* token, Emit emit) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        size_t begin = i;
        bool digits_only = true;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
            digits_only = digits_only && text[i] >= '0' && text[i] <= '9';
            ++i;
        }
        if (i - begin < 2 || digits_only) continue;
        *token = fold_case(text.substr(begin, i - begin));
        if (!is_stop_word(*token)) emit(std::string_view(*token));
    }
}

// Comments that count for the terms: CSAT 1-2 (dissatisfied) or 4 and up (satisfied), with text.
static bool counts_for_terms(const SurveyTable& s, uint32_t i) {
    return s.csat[i] != 0 && s.csat[i] != 3 && !s.verbatim[i].empty();
}

void index_verbatim_terms(const Dataset& data, MetricsIndex* out) {
    const SurveyTable& s = data.surveys;
    out->terms.clear(), out->term_ids.clear();
    out->term_begin.assign(1, 0);
    std::string token;
    for (uint32_t i = 0; i < s.count; ++i) {
        if (counts_for_terms(s, i))
            for_each_term(s.verbatim[i], &token,
                          [&](std::string_view w) { out->term_ids.push_back(out->terms.intern(w)); });
        out->term_begin.push_back(static_cast<uint32_t>(out->term_ids.size()));
    }
}

void count_terms(const Dataset& data, const MetricsIndex& index, const Selection& sel,
                 const MetricsOptions& opt, TermCounts* out) {
    reset_keeping_capacity(out, &TermCounts::per_term);
    const SurveyTable& s = data.surveys;
    if (!opt.verbatims || !opt.verbatim_terms || index.term_begin.size() != s.count + 1) return;
    std::vector<uint32_t>& counts = out->per_term;  // [2 * term] dissatisfied, [2 * term + 1] satisfied
    counts.assign(2 * index.terms.size(), 0);
    for (uint32_t i : sel.survey_rows) {
        if (!counts_for_terms(s, i)) continue;
        const int side = s.csat[i] >= 4;
        out->comments[side]++;
        for (uint32_t k = index.term_begin[i]; k < index.term_begin[i + 1]; ++k)
            counts[2 * index.term_ids[k] + side]++;
        out->tokens[side] += index.term_begin[i + 1] - index.term_begin[i];
    }
}

CB_FOR_SIZE void finish_terms(const MetricsIndex& index, const TermCounts& tc, const MetricsOptions& opt,
                              VerbatimMetrics* out) {
    VerbatimMetrics& v = *out;
    v.dissatisfied_comments = tc.comments[0], v.satisfied_comments = tc.comments[1];
    v.dissatisfied_terms.clear(), v.satisfied_terms.clear();
    const StringPool& terms = index.terms;
    const std::vector<uint32_t>& counts = tc.per_term;
    if (!opt.verbatims || !opt.verbatim_terms || counts.size() != 2 * terms.size()) return;
    uint32_t vocabulary_n = 0;  // distinct words of the selected comments
    for (size_t k = 0; k < counts.size(); k += 2) vocabulary_n += counts[k] != 0 || counts[k + 1] != 0;
    const uint64_t* tokens = tc.tokens;
    // Log-odds ratio with add-one smoothing: log((d+1)/(D+V)) - log((s+1)/(S+V)).
    const double vocabulary = static_cast<double>(vocabulary_n);
    const double log_d = std::log(static_cast<double>(tokens[0]) + vocabulary);
    const double log_s = std::log(static_cast<double>(tokens[1]) + vocabulary);
    struct Candidate {
        StrId id;
        double score;
    };
    std::vector<Candidate> lean[2];  // [0] leans dissatisfied (score > 0), [1] satisfied (score < 0)
    for (StrId id = 1; id < terms.size(); ++id) {
        uint32_t d = counts[2 * id], sat = counts[2 * id + 1];
        if (d + sat < opt.term_min_count) continue;
        double score = std::log(d + 1.0) - log_d - (std::log(sat + 1.0) - log_s);
        if (score > 0 && d > 0) lean[0].push_back({id, score});
        if (score < 0 && sat > 0) lean[1].push_back({id, -score});
    }
    std::vector<TermCount>* lists[2] = {&v.dissatisfied_terms, &v.satisfied_terms};
    for (int side = 0; side < 2; ++side) {
        std::vector<Candidate>& c = lean[side];
        size_t n = std::min<size_t>(opt.top_terms, c.size());
        std::partial_sort(c.begin(), c.begin() + n, c.end(), [&](const Candidate& x, const Candidate& y) {
            return x.score != y.score ? x.score > y.score : terms.view(x.id) < terms.view(y.id);
        });
        for (size_t k = 0; k < n; ++k) {
            StrId id = c[k].id;
            lists[side]->push_back({std::string(terms.view(id)), counts[2 * id], counts[2 * id + 1],
                                    side == 0 ? c[k].score : -c[k].score});
        }
    }
}

}  // namespace cb
