#include "case_table.h"

#include <algorithm>

#include "metrics.h"

namespace cb {

void latest_survey_per_case(const SurveyTable& surveys, size_t case_count, std::vector<uint32_t>* out) {
    out->assign(case_count, kNoRow);
    for (uint32_t s = 0; s < surveys.count; ++s) {
        uint32_t c = surveys.case_index[s];
        if (c >= case_count) continue;
        uint32_t& best = (*out)[c];
        // Ties on submitted_at (or both absent) keep the later survey row: the newer record.
        if (best == kNoRow || surveys.submitted_at[s] >= surveys.submitted_at[best]) best = s;
    }
}

int64_t case_age_seconds(const CaseTable& cases, uint32_t row, Time as_of) {
    Time created = cases.created_at[row];
    if (!has_time(created)) return -1;
    Time end = is_open(cases.status[row]) ? as_of : case_end_time(cases, row);
    return has_time(end) ? std::max<int64_t>(0, end - created) : -1;
}

int sla_state_urgency(SlaState s) {
    switch (s) {
        case SlaState::Noncompliant:
            return 0;
        case SlaState::NearingNoncompliance:
            return 1;
        case SlaState::InProgress:
            return 2;
        case SlaState::Paused:
            return 3;
        case SlaState::Succeeded:
            return 4;
        case SlaState::Cancelled:
            return 5;
        default:
            return 6;
    }
}

bool column_depends_on_time(CaseColumn column) {
    return column == CaseColumn::Age || column == CaseColumn::FirstResponse ||
           column == CaseColumn::Resolution;
}

static constexpr uint32_t kMissing = UINT32_MAX;

// Ranks the names of `column` used by `rows` by byte order into scratch->name_rank (indexed by StrId).
static void rank_names(const StringPool& pool, const std::vector<StrId>& column,
                       const std::vector<uint32_t>& rows, CaseSortScratch* s) {
    s->name_rank.assign(pool.size(), kMissing);
    s->names.clear();
    for (uint32_t r : rows) {
        StrId id = column[r];
        if (id < pool.size() && s->name_rank[id] == kMissing) s->name_rank[id] = 0, s->names.push_back(id);
    }
    std::sort(s->names.begin(), s->names.end(),
              [&](StrId a, StrId b) { return pool.view(a) < pool.view(b); });
    for (uint32_t i = 0; i < s->names.size(); ++i) s->name_rank[s->names[i]] = i;
}

static uint32_t clamp_u32(int64_t v) {
    return (uint32_t)std::clamp<int64_t>(v, 0, (int64_t)kMissing - 1);
}

// Remaining seconds biased into 29 bits below the state's urgency: urgent states first, then the least
// time left.
static uint32_t sla_key(const SlaResults& sla, SlaMetric m, uint32_t row) {
    const SlaClockColumns& c = sla.clocks[(int)m];
    if (row >= c.state.size()) return kMissing;
    const int64_t half = int64_t(1) << 28;
    int64_t remaining = std::clamp<int64_t>(remaining_seconds(sla, m, row), -half, half - 1) + half;
    return (uint32_t)sla_state_urgency(c.state[row]) << 29 | (uint32_t)remaining;
}

static uint32_t column_key(const CaseSortInput& in, const CaseSortScratch& s, CaseColumn column,
                           uint32_t row) {
    const CaseTable& c = in.data->cases;
    auto name = [&](const std::vector<StrId>& col) {
        return col[row] < s.name_rank.size() ? s.name_rank[col[row]] : kMissing;
    };
    switch (column) {
        case CaseColumn::Id:
            return name(c.id);
        case CaseColumn::Title:
            return name(c.title);
        case CaseColumn::Customer:
            return name(c.customer);
        case CaseColumn::Queue:
            return name(c.queue);
        case CaseColumn::Owner:
            return name(c.owner);
        case CaseColumn::Severity:
            return (uint32_t)c.severity[row] * 2 + (c.system_down[row] ? 0 : 1);
        case CaseColumn::Status:
            return (uint32_t)c.status[row];
        case CaseColumn::Age: {
            int64_t age = case_age_seconds(c, row, in.as_of);
            return age < 0 ? kMissing : clamp_u32(age);
        }
        case CaseColumn::FirstResponse:
            return sla_key(*in.sla, SlaMetric::FirstResponse, row);
        case CaseColumn::Resolution:
            return sla_key(*in.sla, SlaMetric::Resolution, row);
        case CaseColumn::Transfers:
            return c.transfers[row];
        case CaseColumn::Csat: {
            uint32_t sv =
                in.latest_survey && row < in.latest_survey->size() ? (*in.latest_survey)[row] : kNoRow;
            uint8_t score = sv < in.data->surveys.count ? in.data->surveys.csat[sv] : 0;
            return score ? score : kMissing;
        }
        default:
            return kMissing;
    }
}

void sort_case_rows(const CaseSortInput& in, const std::vector<uint32_t>& rows, CaseColumn column,
                    bool descending, CaseSortScratch* scratch, std::vector<uint32_t>* out) {
    const CaseTable& c = in.data->cases;
    const std::vector<StrId>* text = column == CaseColumn::Id         ? &c.id
                                     : column == CaseColumn::Title    ? &c.title
                                     : column == CaseColumn::Customer ? &c.customer
                                     : column == CaseColumn::Queue    ? &c.queue
                                     : column == CaseColumn::Owner    ? &c.owner
                                                                      : nullptr;
    if (text) rank_names(*in.data->strings, *text, rows, scratch);
    scratch->keyed.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        uint32_t r = rows[i];
        uint32_t key = r < c.count ? column_key(in, *scratch, column, r) : kMissing;
        if (descending && key != kMissing) key = kMissing - 1 - key;
        scratch->keyed[i] = (uint64_t)key << 32 | r;
    }
    std::sort(scratch->keyed.begin(), scratch->keyed.end());
    out->resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) (*out)[i] = (uint32_t)scratch->keyed[i];
}

uint32_t find_case_row(const Dataset& data, std::string_view id) {
    if (!data.strings || id.empty()) return kNoRow;
    StrId sid = data.strings->find(id);
    if (sid == kNoStr) return kNoRow;
    const std::vector<StrId>& ids = data.cases.id;
    auto it = std::find(ids.begin(), ids.end(), sid);
    return it == ids.end() ? kNoRow : (uint32_t)(it - ids.begin());
}

}  // namespace cb
