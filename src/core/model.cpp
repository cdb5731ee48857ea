#include "model.h"

namespace cb {

// Feed spellings, indexed by enum value.
static const char* const kSeverityNames[] = {"A", "B", "C"};
static const char* const kCaseTypeNames[] = {"reactive", "advisory"};
static const char* const kCaseStatusNames[] = {"new",      "in_progress", "waiting_customer", "on_hold",
                                               "resolved", "closed",      "cancelled"};
static const char* const kRefundNames[] = {"none", "partial", "full", "non_decrement"};
static const char* const kSlaMetricNames[] = {"first_response", "next_update", "resolution"};

template <typename E, size_t N>
static bool parse_enum(std::string_view s, const char* const (&names)[N], E* out) {
    for (size_t i = 0; i < N; ++i) {
        if (s == names[i]) {
            *out = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

const char* to_string(Severity v) {
    return kSeverityNames[static_cast<int>(v)];
}
const char* to_string(CaseType v) {
    return kCaseTypeNames[static_cast<int>(v)];
}
const char* to_string(CaseStatus v) {
    return kCaseStatusNames[static_cast<int>(v)];
}
const char* to_string(Refund v) {
    return kRefundNames[static_cast<int>(v)];
}
const char* to_string(SlaMetric m) {
    return kSlaMetricNames[static_cast<int>(m)];
}
bool parse_severity(std::string_view s, Severity* out) {
    return parse_enum(s, kSeverityNames, out);
}
bool parse_case_type(std::string_view s, CaseType* out) {
    return parse_enum(s, kCaseTypeNames, out);
}
bool parse_case_status(std::string_view s, CaseStatus* out) {
    return parse_enum(s, kCaseStatusNames, out);
}
bool parse_refund(std::string_view s, Refund* out) {
    return parse_enum(s, kRefundNames, out);
}

template <typename T>
static size_t cap(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

void CaseTable::reserve(size_t n) {
    for (auto* v : {&id, &title, &customer, &offering, &queue, &product, &owner, &resolution_code})
        v->reserve(n);
    for (auto* v : {&created_at, &first_response_at, &scope_agreed_at, &next_update_due, &resolved_at,
                    &closed_at, &last_response_at})
        v->reserve(n);
    for (auto* v : {&transfers, &collaborators, &reopened}) v->reserve(n);
    severity.reserve(n), system_down.reserve(n), type.reserve(n), status.reserve(n);
    solution_validated.reserve(n), refund.reserve(n), sentiment.reserve(n), history_begin.reserve(n + 1);
}

size_t CaseTable::bytes_held() const {
    size_t b = 0;
    for (auto* v : {&id, &title, &customer, &offering, &queue, &product, &owner, &resolution_code})
        b += cap(*v);
    for (auto* v : {&created_at, &first_response_at, &scope_agreed_at, &next_update_due, &resolved_at,
                    &closed_at, &last_response_at})
        b += cap(*v);
    for (auto* v : {&transfers, &collaborators, &reopened}) b += cap(*v);
    return b + cap(severity) + cap(system_down) + cap(type) + cap(status) + cap(solution_validated) +
           cap(refund) + cap(sentiment) + cap(history_begin) + cap(history);
}

void SurveyTable::reserve(size_t n) {
    id.reserve(n), case_id.reserve(n), case_index.reserve(n), submitted_at.reserve(n), csat.reserve(n);
    effort.reserve(n), resolved.reserve(n), nps.reserve(n), language.reserve(n), sentiment.reserve(n);
    verbatim.reserve(n);
}

size_t SurveyTable::bytes_held() const {
    size_t b = cap(id) + cap(case_id) + cap(case_index) + cap(submitted_at) + cap(csat) + cap(effort) +
               cap(resolved) + cap(nps) + cap(language) + cap(sentiment) + cap(verbatim);
    for (const std::string& s : verbatim)
        if (s.capacity() > 15) b += s.capacity();  // beyond the small-string buffer
    return b;
}

}  // namespace cb
