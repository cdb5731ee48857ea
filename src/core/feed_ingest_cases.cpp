// Cases and surveys: one record -> one row, with the validation rules of docs/feeds.md.
#include "feed_ingest_map.h"
#include "importers.h"
#include "timestamp.h"

namespace cb {

namespace {

// Field reading shared by cases and surveys: looks fields up through the feed's sources.
struct RowReader {
    MapState& s;
    const Record& rec;
    const char* const* names;
    bool ok = true;  // false once a required field was bad

    Value get(int f) const { return FieldCheck::lookup(rec, s.sources[f]); }
    bool imported() const {
        return s.format == FeedFormat::ServiceNow || s.format == FeedFormat::Zendesk ||
               s.format == FeedFormat::Dynamics;
    }
    void missing(int f) {
        s.check.problem(names[f], Value{}, "required field is missing");
        ok = false;
    }
    StrId optional_string(int f) {
        std::string_view t;
        return s.check.text(get(f), names[f], &t) == FieldCheck::Ok ? s.pool->intern(t) : kNoStr;
    }
    StrId required_string(int f, const char* fallback = nullptr) {
        std::string_view t;
        const Value v = get(f);
        switch (s.check.text(v, names[f], &t)) {
            case FieldCheck::Ok:
                return s.pool->intern(t);
            case FieldCheck::Absent:
                if (fallback) return s.pool->intern(fallback);
                missing(f);
                return kNoStr;
            default:
                ok = false;
                return kNoStr;
        }
    }
    Time time(int f, bool required) {
        Time t = kNoTime;
        const FieldCheck::Got g = s.check.time(get(f), names[f], &t);
        if (required && g != FieldCheck::Ok) g == FieldCheck::Absent ? missing(f) : void(ok = false);
        return g == FieldCheck::Ok ? t : kNoTime;
    }
    int64_t count(int f, int64_t fallback, int64_t lo, int64_t hi) {
        int64_t n = fallback;
        s.check.integer(get(f), names[f], lo, hi, &n);
        return n;
    }
    Tristate tristate(int f) {
        bool b = false;
        return s.check.boolean(get(f), names[f], &b) == FieldCheck::Ok ? (b ? Tristate::Yes : Tristate::No)
                                                                       : Tristate::Unknown;
    }
    float sentiment(int f) {
        float x = NAN;
        s.check.sentiment(get(f), names[f], &x);
        return x;
    }
    // An enum field in either spelling: canonical (caseboard, CSV) or the importer's (translate()).
    template <typename E, typename Translate>
    bool enumerated(int f, bool (*parse)(std::string_view, E*), const char* spellings, Translate translate,
                    const char* imported_spellings, bool required, E* out) {
        const Value v = get(f);
        std::string_view t;
        const FieldCheck::Got g = s.check.text(v, names[f], &t);
        if (g == FieldCheck::Bad) return required ? (ok = false) : false;
        if (imported()) {
            if (translate(g == FieldCheck::Ok ? t : std::string_view(), out)) return true;
            if (g == FieldCheck::Absent) return required ? (missing(f), false) : false;
            s.check.problem(names[f], v, FieldCheck::not_one_of(t, imported_spellings));
            return required ? (ok = false) : false;
        }
        if (g == FieldCheck::Absent) return required ? (missing(f), false) : false;
        if (parse(t, out)) return true;
        s.check.problem(names[f], v, FieldCheck::not_one_of(t, spellings));
        return required ? (ok = false) : false;
    }
};

// Drops a timestamp that precedes created_at: the order is impossible, so the value cannot be trusted.
void check_after_created(FieldCheck& c, const char* field, Time created, Time* t) {
    if (!has_time(*t) || !has_time(created) || *t >= created) return;
    c.problem(field, Value{}, format_iso8601(*t) + " is before created_at " + format_iso8601(created));
    *t = kNoTime;
}

int64_t collaborator_count(RowReader& r) {
    const Value v = r.get(kCaseCollaborators);
    const char* name = r.names[kCaseCollaborators];
    if (v.type == ValueType::Array) {
        int64_t n = 0;
        // the array's own entry comes first; its elements share its path (arrays add no path segment)
        for (uint32_t i = r.rec.at(r.rec.find(v.source)).next_same; i != 0; i = r.rec.at(i).next_same) {
            const RecordEntry& e = r.rec.at(i);
            if (e.idx[0] >= 0 && (e.type == ValueType::String || e.type == ValueType::Number) &&
                !e.text.empty())
                ++n;
        }
        return std::min<int64_t>(n, 65535);
    }
    if (v.type == ValueType::String && r.s.check.lenient) {  // CSV: "ana;bo;chen"
        int64_t n = 0;
        size_t start = 0;
        for (size_t i = 0; i <= v.text.size(); ++i)
            if (i == v.text.size() || v.text[i] == ';') n += i > start, start = i + 1;
        return std::min<int64_t>(n, 65535);
    }
    int64_t n = 0;
    if (v.type == ValueType::Number)
        return r.s.check.integer(v, name, 0, 65535, &n) == FieldCheck::Ok ? n : 0;
    if (v.present())
        r.s.check.problem(name, v, std::string("expected an array of names, found ") + to_string(v.type));
    return 0;
}

// status_history: [{status, at}, ...] in time order; a bad or out-of-order entry is dropped.
void read_history(RowReader& r, std::vector<StatusChange>* out) {
    out->clear();
    const std::vector<SourcePath>& src = r.s.sources[kCaseStatusHistory];
    if (src.empty()) return;
    const uint32_t base_id = src[0].path_id;
    int32_t element = -1;
    const RecordEntry* status_entry = nullptr;
    const RecordEntry* at_entry = nullptr;
    // Entries are read quietly first; names and messages are built only for a bad entry (the rare case).
    FieldCheck quiet;
    quiet.lenient = r.s.check.lenient;
    auto read = [&](FieldCheck& c, const std::string& field, StatusChange* ch) {
        const Value sv = status_entry ? Value{status_entry->type, status_entry->text, {}} : Value{};
        const Value av = at_entry ? Value{at_entry->type, at_entry->text, {}} : Value{};
        if (!status_entry || !at_entry) return c.problem(field, Value{}, "needs both status and at"), false;
        if (c.enumerated(sv, field + ".status", parse_case_status,
                         "new, in_progress, waiting_customer, on_hold, resolved, closed, cancelled",
                         &ch->status) != FieldCheck::Ok ||
            c.time(av, field + ".at", &ch->at) != FieldCheck::Ok)
            return false;
        if (!out->empty() && ch->at < out->back().at)
            return c.problem(field + ".at", Value{},
                             format_iso8601(ch->at) + " is before the previous entry"),
                   false;
        return true;
    };
    const std::string no_name;
    auto flush = [&]() {
        if (element < 0) return;
        StatusChange ch{CaseStatus::New, kNoTime};
        if (read(quiet, no_name, &ch))
            out->push_back(ch);
        else
            read(r.s.check, "status_history[" + std::to_string(element) + "]", &ch);
        status_entry = at_entry = nullptr;
    };
    for (size_t i = 0; i < r.rec.count; ++i) {
        const RecordEntry& e = r.rec.at(static_cast<uint32_t>(i));
        if (e.path_id == base_id && e.idx[0] >= 0 && e.idx[1] < 0) {  // a new element of the list
            flush();
            element = e.idx[0];
            if (e.type != ValueType::Object) {
                r.s.check.problem("status_history[" + std::to_string(element) + "]", Value{},
                                  std::string("expected an object, found ") + to_string(e.type));
                element = -1;
            }
        } else if (element >= 0 && e.idx[0] == element && e.path_id == r.s.history_status_id) {
            status_entry = &e;
        } else if (element >= 0 && e.idx[0] == element && e.path_id == r.s.history_at_id) {
            at_entry = &e;
        }
    }
    flush();
}

template <typename T>
void push(std::vector<T>& column, T v) {
    column.push_back(v);
}

}  // namespace

bool map_case(MapState& s, const Record& rec) {
    size_t n = 0;
    RowReader r{s, rec, mappable_fields(FeedKind::Cases, &n)};
    CaseRow& row = s.row;
    FieldCheck& c = s.check;
    const FeedFormat f = s.format;

    std::string_view id;
    const Value idv = r.get(kCaseId);
    const FieldCheck::Got idg = c.text(idv, "id", &id);
    if (idg != FieldCheck::Ok) {
        if (idg == FieldCheck::Absent) r.missing(kCaseId);
        return false;
    }
    c.id.assign(id.data(), id.size());
    row.customer = r.required_string(kCaseCustomer, import_default(f, kCaseCustomer));
    row.offering = r.required_string(kCaseOffering, import_default(f, kCaseOffering));
    row.queue = r.required_string(kCaseQueue, import_default(f, kCaseQueue));
    bool down_from_severity = false;
    r.enumerated(
        kCaseSeverity, parse_severity, "A, B, C",
        [&](std::string_view t, Severity* out) { return import_severity(f, t, out, &down_from_severity); },
        severity_spellings(f), true, &row.severity);
    r.enumerated(
        kCaseStatus, parse_case_status,
        "new, in_progress, waiting_customer, on_hold, resolved, closed, cancelled",
        [&](std::string_view t, CaseStatus* out) { return import_status(f, rec, t, out); },
        status_spellings(f, rec), true, &row.status);
    row.created_at = r.time(kCaseCreatedAt, true);
    if (!r.ok) return false;

    row.title = r.optional_string(kCaseTitle);
    row.product = r.optional_string(kCaseProduct);
    row.owner = r.optional_string(kCaseOwner);
    row.resolution_code = r.optional_string(kCaseResolutionCode);
    bool down = false;
    row.system_down =
        c.boolean(r.get(kCaseSystemDown), "system_down", &down) == FieldCheck::Ok ? down : down_from_severity;
    row.type = CaseType::Reactive;
    r.enumerated(
        kCaseType, parse_case_type, "reactive, advisory",
        [&](std::string_view t, CaseType* out) { return import_case_type(f, t, out); },
        case_type_spellings(f), false, &row.type);
    row.first_response_at = r.time(kCaseFirstResponseAt, false);
    row.scope_agreed_at = r.time(kCaseScopeAgreedAt, false);
    row.next_update_due = r.time(kCaseNextUpdateDue, false);
    row.resolved_at = r.time(kCaseResolvedAt, false);
    row.closed_at = r.time(kCaseClosedAt, false);
    row.last_response_at = r.time(kCaseLastResponseAt, false);
    row.transfers = r.count(kCaseTransfers, 0, 0, 65535);
    row.reopened = r.count(kCaseReopened, 0, 0, 65535);
    row.collaborators = collaborator_count(r);
    row.solution_validated = r.tristate(kCaseSolutionValidated);
    row.refund = Refund::None;
    c.enumerated(r.get(kCaseRefund), "refund", parse_refund, "none, partial, full, non_decrement",
                 &row.refund);
    row.sentiment = r.sentiment(kCaseSentiment);
    read_history(r, &row.history);
    import_case_extras(f, rec, &row);

    for (auto [name, t] : {std::pair{"first_response_at", &row.first_response_at},
                           {"scope_agreed_at", &row.scope_agreed_at},
                           {"resolved_at", &row.resolved_at},
                           {"closed_at", &row.closed_at},
                           {"last_response_at", &row.last_response_at}})
        check_after_created(c, name, row.created_at, t);

    row.id = s.pool->intern(id);
    if (!s.claim_id(row.id, c.record)) return false;

    CaseTable& t = s.data->cases;
    push(t.id, row.id), push(t.title, row.title), push(t.customer, row.customer),
        push(t.offering, row.offering);
    push(t.queue, row.queue), push(t.product, row.product), push(t.owner, row.owner);
    push(t.resolution_code, row.resolution_code), push(t.severity, row.severity);
    push(t.system_down, uint8_t(row.system_down)), push(t.type, row.type), push(t.status, row.status);
    push(t.created_at, row.created_at), push(t.first_response_at, row.first_response_at);
    push(t.scope_agreed_at, row.scope_agreed_at), push(t.next_update_due, row.next_update_due);
    push(t.resolved_at, row.resolved_at), push(t.closed_at, row.closed_at);
    push(t.last_response_at, row.last_response_at), push(t.transfers, uint16_t(row.transfers));
    push(t.collaborators, uint16_t(row.collaborators)), push(t.reopened, uint16_t(row.reopened));
    push(t.solution_validated, row.solution_validated), push(t.refund, row.refund);
    push(t.sentiment, row.sentiment);
    t.history.insert(t.history.end(), row.history.begin(), row.history.end());
    push(t.history_begin, uint32_t(t.history.size()));
    ++t.count;
    return true;
}

bool map_survey(MapState& s, const Record& rec) {
    size_t n = 0;
    RowReader r{s, rec, mappable_fields(FeedKind::Surveys, &n)};
    FieldCheck& c = s.check;

    std::string_view id;
    const FieldCheck::Got idg = c.text(r.get(kSurveyId), "id", &id);
    if (idg != FieldCheck::Ok) {
        if (idg == FieldCheck::Absent) r.missing(kSurveyId);
        return false;
    }
    c.id.assign(id.data(), id.size());
    const StrId case_id = r.required_string(kSurveyCaseId);
    const Time submitted = r.time(kSurveySubmittedAt, true);
    int64_t csat = 0;
    const Value csat_v = r.get(kSurveyCsat);
    std::string_view csat_text;
    bool not_answered = false;
    if (s.format == FeedFormat::Zendesk && c.text(csat_v, "csat", &csat_text) == FieldCheck::Ok &&
        !import_csat(s.format, csat_text, &csat, &not_answered)) {
        c.problem("csat", csat_v,
                  not_answered
                      ? "'" + std::string(csat_text) + "' is not a rating (the survey was not answered)"
                      : FieldCheck::not_one_of(csat_text, "good, bad"));
        r.ok = false;
    } else if (s.format != FeedFormat::Zendesk) {
        const FieldCheck::Got g = c.integer(csat_v, "csat", 1, 5, &csat);
        if (g == FieldCheck::Absent) r.missing(kSurveyCsat);
        if (g == FieldCheck::Bad) r.ok = false;
    } else if (!csat_v.present()) {
        r.missing(kSurveyCsat);
    }
    if (!r.ok) return false;

    const int64_t effort = r.count(kSurveyEffort, 0, 1, 7);
    const int64_t nps = r.count(kSurveyNps, -1, 0, 10);
    const Tristate resolved = r.tristate(kSurveyResolved);
    const StrId language = r.optional_string(kSurveyLanguage);
    const float sentiment = r.sentiment(kSurveySentiment);
    std::string_view verbatim;
    c.text(r.get(kSurveyVerbatim), "verbatim", &verbatim);

    const StrId sid = s.pool->intern(id);
    if (!s.claim_id(sid, c.record)) return false;
    SurveyTable& t = s.data->surveys;
    push(t.id, sid), push(t.case_id, case_id), push(t.case_index, kNoRow), push(t.submitted_at, submitted);
    push(t.csat, uint8_t(csat)), push(t.effort, uint8_t(effort)), push(t.resolved, resolved);
    push(t.nps, int8_t(nps)), push(t.language, language), push(t.sentiment, sentiment);
    t.verbatim.emplace_back(verbatim);
    ++t.count;
    return true;
}

}  // namespace cb
