// FeedSet: the newest good data of every feed, assembled into one Dataset with cross-feed checks.
#include <algorithm>

#include "feed_ingest_map.h"
#include "feeds.h"
#include "group_rows.h"

namespace cb {

void FeedSet::store(const FeedSpec& spec, FeedReport report, std::unique_ptr<FeedData> data) {
    size_t i = std::find(names_.begin(), names_.end(), spec.name) - names_.begin();
    if (i == names_.size()) {
        names_.push_back(spec.name);
        data_.emplace_back();
        loaded_.emplace_back();
        lent_.push_back(0);
    }
    if (report.ok() && data) {
        data_[i] = std::move(data);
        lent_[i] = 0;  // the rows lent to the last dataset are the old version: not taken back
    } else {
        if (report.ok()) report.fatal = "no data was produced";
        report.kept_previous = data_[i] != nullptr;
    }
    loaded_[i] = std::move(report);
    reports_ = loaded_;
}

void FeedSet::retain(const std::vector<std::string>& names) {
    std::vector<uint32_t> new_index(names_.size(), UINT32_MAX);  // UINT32_MAX: forgotten
    size_t kept = 0;
    for (size_t i = 0; i < names_.size(); ++i) {
        if (std::find(names.begin(), names.end(), names_[i]) == names.end()) continue;
        new_index[i] = static_cast<uint32_t>(kept);
        names_[kept] = std::move(names_[i]);
        data_[kept] = std::move(data_[i]);
        loaded_[kept] = std::move(loaded_[i]);
        lent_[kept] = lent_[i];
        ++kept;
    }
    names_.resize(kept), data_.resize(kept), loaded_.resize(kept), lent_.resize(kept);
    for (std::vector<RowSource>* sources : {&case_source_, &survey_source_})
        for (RowSource& src : *sources)
            src.feed = src.feed < new_index.size() ? new_index[src.feed] : UINT32_MAX;
    reports_ = loaded_;
}

namespace {

// Rows of a feed's table are its kept records; the skipped ones sit in between. Rows are visited in order.
struct RecordOfRow {
    const std::vector<uint64_t>& rejected;
    size_t next = 0;
    uint64_t operator()(uint64_t row) {
        uint64_t rec = row + next;
        while (next < rejected.size() && rejected[next] <= rec) ++next, rec = row + next;
        return rec;
    }
};

template <typename T>
void append(std::vector<T>& dst, const std::vector<T>& src, size_t row) {
    dst.push_back(src[row]);
}

void append_case(CaseTable& d, const CaseTable& s, size_t r) {
    append(d.id, s.id, r), append(d.title, s.title, r), append(d.customer, s.customer, r);
    append(d.offering, s.offering, r), append(d.queue, s.queue, r), append(d.product, s.product, r);
    append(d.owner, s.owner, r), append(d.resolution_code, s.resolution_code, r);
    append(d.severity, s.severity, r), append(d.system_down, s.system_down, r), append(d.type, s.type, r);
    append(d.status, s.status, r), append(d.created_at, s.created_at, r);
    append(d.first_response_at, s.first_response_at, r), append(d.scope_agreed_at, s.scope_agreed_at, r);
    append(d.next_update_due, s.next_update_due, r), append(d.resolved_at, s.resolved_at, r);
    append(d.closed_at, s.closed_at, r), append(d.last_response_at, s.last_response_at, r);
    append(d.transfers, s.transfers, r), append(d.collaborators, s.collaborators, r);
    append(d.reopened, s.reopened, r), append(d.solution_validated, s.solution_validated, r);
    append(d.refund, s.refund, r), append(d.sentiment, s.sentiment, r);
    d.history.insert(d.history.end(), s.history.begin() + s.history_begin[r],
                     s.history.begin() + s.history_begin[r + 1]);
    d.history_begin.push_back(static_cast<uint32_t>(d.history.size()));
    ++d.count;
}

void append_survey(SurveyTable& d, const SurveyTable& s, size_t r, uint32_t case_index) {
    append(d.id, s.id, r), append(d.case_id, s.case_id, r), d.case_index.push_back(case_index);
    append(d.submitted_at, s.submitted_at, r), append(d.csat, s.csat, r), append(d.effort, s.effort, r);
    append(d.resolved, s.resolved, r), append(d.nps, s.nps, r), append(d.language, s.language, r);
    append(d.sentiment, s.sentiment, r), append(d.verbatim, s.verbatim, r);
    ++d.count;
}

constexpr uint32_t kSeverityCount = static_cast<uint32_t>(Severity::Count);

// Rows of several rollups feeds (regions, years) add up, as rows with the same key within one feed do.
void append_rollups(RollupTable& d, const RollupTable& s) {
    d.day.insert(d.day.end(), s.day.begin(), s.day.end());
    d.queue.insert(d.queue.end(), s.queue.begin(), s.queue.end());
    d.offering.insert(d.offering.end(), s.offering.begin(), s.offering.end());
    d.severity.insert(d.severity.end(), s.severity.begin(), s.severity.end());
    for (int k = 0; k < kRollupCounts; ++k)
        d.counts[k].insert(d.counts[k].end(), s.counts[k].begin(), s.counts[k].end());
    d.count += s.count;
}

void drop(FeedReport& rep, uint64_t record, std::string_view id, const char* field, std::string message) {
    add_problem(&rep, record, id, field, std::move(message));
    --rep.records, ++rep.rejected;
}

}  // namespace

// The rows of lent tables come back from the dataset they went to, in their feed's row order.
void FeedSet::take_back() {
    if (!lent_to_) return;
    const Dataset& from = *lent_to_;
    // A lent-to dataset that was changed since cannot give the rows back: its feeds then count as never
    // loaded rather than showing rows that are not theirs (DataSession never changes it).
    const bool whole = from.cases.count == case_source_.size() && from.surveys.count == survey_source_.size();
    for (size_t f = 0; f < data_.size(); ++f) {
        if (!lent_[f]) continue;
        lent_[f] = 0;
        if (!whole || !data_[f]) {
            data_[f].reset();
            loaded_[f].fatal = "its rows were lost: the dataset they were lent to was changed";
            continue;
        }
        FeedData& d = *data_[f];
        const std::vector<RowSource>& sources = d.kind == FeedKind::Cases ? case_source_ : survey_source_;
        std::vector<uint32_t> at;  // feed row -> dataset row
        for (uint32_t r = 0; r < sources.size(); ++r) {
            if (sources[r].feed != f) continue;
            if (sources[r].row >= at.size()) at.resize(sources[r].row + 1, kNoRow);
            at[sources[r].row] = r;
        }
        for (uint32_t r : at) {
            if (r == kNoRow) continue;  // cannot happen: every row of a lent table went into the dataset
            if (d.kind == FeedKind::Cases)
                append_case(d.cases, from.cases, r);
            else
                append_survey(d.surveys, from.surveys, r, kNoRow);
        }
    }
    lent_to_ = nullptr;
    case_source_.clear(), survey_source_.clear();
}

void FeedSet::assemble(Dataset* out, bool lend_tables) {
    take_back();
    reports_ = loaded_;
    *out = Dataset{};
    out->strings = &pool_;
    size_t n_cases = 0, n_history = 0, n_surveys = 0;
    for (const auto& d : data_) {
        if (d) n_cases += d->cases.count, n_history += d->cases.history.size(), n_surveys += d->surveys.count;
    }
    out->cases.reserve(n_cases);
    out->cases.history.reserve(n_history);
    out->surveys.reserve(n_surveys);

    // Which records are kept is decided in feed order (the first copy of a case or survey id wins); they are
    // then stored clustered: cases grouped by queue and severity, surveys by their case's row. A filter on a
    // queue (the one managers use most), a severity or a queue's owner then selects rows close together, so
    // a recompute reads a small slice of each column instead of streaming all of them from memory: at 1M
    // cases that was most of its time (docs/PERFORMANCE.md).
    // Ids are dense pool ids, so "which record has this case id" is a direct table rather than a hash map.
    std::vector<uint32_t> row_of_id(pool_.size() + 1, kNoRow);
    std::vector<RowSource> cases;   // kept cases; row_of_id holds their position here until they are stored
    std::vector<uint32_t> cluster;  // per kept case: its queue's group * severities + its severity
    cases.reserve(n_cases), cluster.reserve(n_cases);
    // Queue id -> cluster group, numbered by first appearance.
    std::vector<uint32_t> queue_group(pool_.size() + 1, UINT32_MAX);
    uint32_t groups = 0;
    for (size_t f = 0; f < data_.size(); ++f) {
        if (!data_[f] || data_[f]->kind != FeedKind::Cases) continue;
        const CaseTable& t = data_[f]->cases;
        RecordOfRow record_of{data_[f]->rejected_records};
        for (size_t r = 0; r < t.count; ++r) {
            const uint32_t seen = row_of_id[t.id[r]];
            if (seen != kNoRow) {
                drop(reports_[f], record_of(r), pool_.view(t.id[r]), "id",
                     "the case is already in feed '" + names_[cases[seen].feed] + "'; this copy is skipped");
                continue;
            }
            row_of_id[t.id[r]] = static_cast<uint32_t>(cases.size());
            uint32_t& group = queue_group[t.queue[r]];
            if (group == UINT32_MAX) group = groups++;
            const uint32_t severity =
                std::min<uint32_t>(static_cast<uint32_t>(t.severity[r]), kSeverityCount - 1);
            cases.push_back({static_cast<uint32_t>(f), static_cast<uint32_t>(r)});
            cluster.push_back(group * kSeverityCount + severity);
        }
    }
    std::vector<size_t> stored(data_.size(), 0);  // per feed: rows that went into the dataset
    std::vector<uint32_t> begin, order;
    group_rows(cluster, groups * kSeverityCount, &begin, &order);
    for (uint32_t k : order) {
        const CaseTable& t = data_[cases[k].feed]->cases;
        row_of_id[t.id[cases[k].row]] = static_cast<uint32_t>(out->cases.count);
        append_case(out->cases, t, cases[k].row);
        if (lend_tables) case_source_.push_back(cases[k]), ++stored[cases[k].feed];
    }
    std::vector<RowSource> surveys;
    std::vector<uint32_t> survey_case;  // per kept survey: its case's row
    surveys.reserve(n_surveys), survey_case.reserve(n_surveys);
    std::vector<uint8_t> survey_seen(pool_.size() + 1, 0);
    for (size_t f = 0; f < data_.size(); ++f) {
        if (!data_[f] || data_[f]->kind != FeedKind::Surveys) continue;
        const SurveyTable& t = data_[f]->surveys;
        RecordOfRow record_of{data_[f]->rejected_records};
        for (size_t r = 0; r < t.count; ++r) {
            const uint32_t row = row_of_id[t.case_id[r]];
            if (row == kNoRow || survey_seen[t.id[r]]) {
                drop(
                    reports_[f], record_of(r), pool_.view(t.id[r]), row == kNoRow ? "case_id" : "id",
                    row == kNoRow
                        ? "case '" + std::string(pool_.view(t.case_id[r])) + "' is not in any cases feed"
                        : std::string("the survey is already in another surveys feed; this copy is skipped"));
                continue;
            }
            survey_seen[t.id[r]] = 1;
            surveys.push_back({static_cast<uint32_t>(f), static_cast<uint32_t>(r)});
            survey_case.push_back(row);
        }
    }
    group_rows(survey_case, out->cases.count, &begin, &order);
    for (uint32_t k : order) {
        const RowSource& src = surveys[k];
        append_survey(out->surveys, data_[src.feed]->surveys, src.row, survey_case[k]);
        if (lend_tables) survey_source_.push_back(src), ++stored[src.feed];
    }
    bool pausing_set = false;
    for (const auto& d : data_) {
        if (!d) continue;
        append_rollups(out->rollups, d->rollups);
        out->plans.insert(out->plans.end(), d->plans.begin(), d->plans.end());
        out->sla.targets.insert(out->sla.targets.end(), d->sla.targets.begin(), d->sla.targets.end());
        out->sla.calendars.insert(out->sla.calendars.end(), d->sla.calendars.begin(), d->sla.calendars.end());
        if (d->kind == FeedKind::SlaPolicies && !pausing_set)
            out->sla.pausing_statuses = d->sla.pausing_statuses;
        pausing_set = pausing_set || d->kind == FeedKind::SlaPolicies;
    }
    // A business-hours target needs its calendar; without it the SLA engine cannot count that target.
    for (size_t f = 0; f < data_.size(); ++f) {
        if (!data_[f] || data_[f]->kind != FeedKind::SlaPolicies) continue;
        RecordOfRow record_of{data_[f]->rejected_records};
        for (size_t r = 0; r < data_[f]->sla.targets.size(); ++r) {
            const SlaTarget& t = data_[f]->sla.targets[r];
            const uint64_t rec = record_of(r);
            if (!t.business_hours) continue;
            const bool known = std::any_of(out->sla.calendars.begin(), out->sla.calendars.end(),
                                           [&](const BusinessCalendar& c) { return c.name == t.calendar; });
            if (!known)
                add_problem(&reports_[f], rec, "", "calendar",
                            "'" + t.calendar + "' is not in any calendars feed");
        }
    }
    if (!lend_tables) return;
    bool lent_any = false;
    for (size_t f = 0; f < data_.size(); ++f) {
        FeedData* d = data_[f].get();
        if (!d || (d->kind != FeedKind::Cases && d->kind != FeedKind::Surveys)) continue;
        const size_t rows = d->kind == FeedKind::Cases ? d->cases.count : d->surveys.count;
        if (rows == 0 || stored[f] != rows) continue;  // a table with skipped rows keeps them: not lent
        if (d->kind == FeedKind::Cases)
            d->cases = CaseTable{};
        else
            d->surveys = SurveyTable{};
        lent_[f] = 1, lent_any = true;
    }
    lent_to_ = lent_any ? out : nullptr;
    if (!lent_any) case_source_.clear(), survey_source_.clear();
}

}  // namespace cb
