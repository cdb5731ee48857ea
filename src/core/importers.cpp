// Default field maps and value translations of the helpdesk importers (docs/feeds.md, "Importers").
#include "importers.h"

#include <charconv>

#include "feed_ingest_map.h"

namespace cb {

static const char* const kCaseFields[] = {"id",
                                          "title",
                                          "customer",
                                          "offering",
                                          "severity",
                                          "system_down",
                                          "type",
                                          "queue",
                                          "product",
                                          "owner",
                                          "status",
                                          "created_at",
                                          "first_response_at",
                                          "scope_agreed_at",
                                          "next_update_due",
                                          "resolved_at",
                                          "closed_at",
                                          "last_response_at",
                                          "transfers",
                                          "collaborators",
                                          "resolution_code",
                                          "solution_validated",
                                          "refund",
                                          "reopened",
                                          "status_history",
                                          "sentiment"};
static_assert(sizeof kCaseFields / sizeof *kCaseFields == kCaseFieldCount, "one name per case field");
static const char* const kSurveyFields[] = {"id",       "case_id", "submitted_at", "csat",     "effort",
                                            "resolved", "nps",     "verbatim",     "language", "sentiment"};
static_assert(sizeof kSurveyFields / sizeof *kSurveyFields == kSurveyFieldCount, "one name per survey field");

const char* const* mappable_fields(FeedKind kind, size_t* count) {
    if (kind == FeedKind::Cases) return *count = kCaseFieldCount, kCaseFields;
    if (kind == FeedKind::Surveys) return *count = kSurveyFieldCount, kSurveyFields;
    *count = 0;
    return nullptr;
}

struct DefaultSource {
    FeedFormat format;
    FeedKind kind;
    int field;
    const char* paths;
};

#define DYN_NAME(f) f "@OData.Community.Display.V1.FormattedValue"
static const DefaultSource kDefaults[] = {
    // ServiceNow Table API: incident / sn_customerservice_case
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseId, "number"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseTitle, "short_description"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseCustomer, "company|account"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseOffering, "service_offering|contract"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseSeverity, "priority"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseQueue, "assignment_group"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseProduct, "cmdb_ci|product"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseOwner, "assigned_to"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseStatus, "state"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseCreatedAt, "opened_at|sys_created_on"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseTransfers, "reassignment_count"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseReopened, "reopen_count"},
    {FeedFormat::ServiceNow, FeedKind::Cases, kCaseResolutionCode, "close_code"},
    // Zendesk tickets (metric_set when side-loaded with ?include=metric_sets)
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseTitle, "subject"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseCustomer, "organization_id"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseSeverity, "priority"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseQueue, "group_id"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseOwner, "assignee_id"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseResolvedAt, "metric_set.solved_at|solved_at"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseReopened, "metric_set.reopens"},
    {FeedFormat::Zendesk, FeedKind::Cases, kCaseCollaborators, "collaborator_ids"},
    {FeedFormat::Zendesk, FeedKind::Surveys, kSurveyCaseId, "ticket_id"},
    {FeedFormat::Zendesk, FeedKind::Surveys, kSurveySubmittedAt, "created_at"},
    {FeedFormat::Zendesk, FeedKind::Surveys, kSurveyCsat, "score"},
    {FeedFormat::Zendesk, FeedKind::Surveys, kSurveyVerbatim, "comment"},
    // Dynamics 365 / Dataverse Web API incident rows (formatted values need
    // Prefer: odata.include-annotations="OData.Community.Display.V1.FormattedValue")
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseId, "ticketnumber"},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseCustomer, DYN_NAME("_customerid_value")},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseOffering,
     DYN_NAME("_entitlementid_value") "|" DYN_NAME("_contractid_value")},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseSeverity, "prioritycode"},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseType, "casetypecode"},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseQueue, DYN_NAME("_owningteam_value")},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseProduct,
     DYN_NAME("_productid_value") "|" DYN_NAME("_subjectid_value")},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseOwner, DYN_NAME("_ownerid_value")},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseStatus, "statecode"},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseCreatedAt, "createdon"},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseFirstResponseAt, "firstresponsebykpiid.succeededon"},
    {FeedFormat::Dynamics, FeedKind::Cases, kCaseResolvedAt, "resolvebykpiid.succeededon"},
};
#undef DYN_NAME

const char* default_source(FeedFormat format, FeedKind kind, int field) {
    for (const DefaultSource& d : kDefaults)
        if (d.format == format && d.kind == kind && d.field == field) return d.paths;
    size_t n = 0;
    return mappable_fields(kind, &n)[field];
}

FeedFormat format_from_key(std::string_view key) {
    if (key == "result") return FeedFormat::ServiceNow;
    if (key == "tickets" || key == "satisfaction_ratings") return FeedFormat::Zendesk;
    if (key == "value" || key.substr(0, 7) == "@odata.") return FeedFormat::Dynamics;
    return FeedFormat::Caseboard;
}

bool is_records_key(FeedKind kind, std::string_view key) {
    switch (kind) {
        case FeedKind::Cases:
            return key == "cases" || key == "result" || key == "tickets" || key == "value";
        case FeedKind::Surveys:
            return key == "surveys" || key == "result" || key == "satisfaction_ratings" || key == "value";
        case FeedKind::Plans:
            return key == "plans" || key == "result" || key == "value";
        case FeedKind::SlaPolicies:
            return key == "targets";
        case FeedKind::Calendars:
            return key == "calendars";
        default:
            return key == "rollups";
    }
}

const char* records_noun(FeedKind kind) {
    static const char* const kNouns[] = {"cases", "surveys", "plans", "targets", "calendars", "rollups"};
    return kNouns[static_cast<int>(kind)];
}

// Spelling tables: source spelling -> canonical value.
template <typename E>
struct Spelling {
    const char* from;
    E to;
};
template <typename E, size_t N>
static bool lookup(const Spelling<E> (&table)[N], std::string_view s, E* out) {
    for (const auto& sp : table)
        if (s == sp.from) return *out = sp.to, true;
    return false;
}

// ServiceNow priority "1".."5" or its display value "1 - Critical".
static int servicenow_priority(std::string_view s) {
    if (s.empty() || s[0] < '1' || s[0] > '5' || (s.size() > 1 && s[1] != ' ')) return 0;
    return s[0] - '0';
}

bool import_severity(FeedFormat f, std::string_view s, Severity* sev, bool* system_down) {
    using S = Severity;
    *system_down = false;
    if (f == FeedFormat::ServiceNow) {
        static const S kByPriority[] = {S::A, S::A, S::A, S::B, S::C, S::C};
        const int p = servicenow_priority(s);
        if (!p) return false;
        *system_down = p == 1;
        return *sev = kByPriority[p], true;
    }
    if (f == FeedFormat::Zendesk) {
        static const Spelling<S> kZendesk[] = {
            {"urgent", S::A}, {"high", S::A}, {"normal", S::B}, {"", S::B}, {"low", S::C}};
        *system_down = s == "urgent";
        return lookup(kZendesk, s, sev);
    }
    static const Spelling<S> kDynamics[] = {{"1", S::A},    {"2", S::B},      {"3", S::C},
                                            {"High", S::A}, {"Normal", S::B}, {"Low", S::C}};
    return lookup(kDynamics, s, sev);
}

const char* severity_spellings(FeedFormat f) {
    if (f == FeedFormat::ServiceNow) return "1, 2, 3, 4, 5";
    if (f == FeedFormat::Zendesk) return "urgent, high, normal, low";
    return "1, 2, 3";
}

using CS = CaseStatus;
static const Spelling<CS> kServiceNowLabels[] = {{"New", CS::New},
                                                 {"In Progress", CS::InProgress},
                                                 {"Open", CS::InProgress},
                                                 {"On Hold", CS::OnHold},
                                                 {"Awaiting Info", CS::WaitingCustomer},
                                                 {"Resolved", CS::Resolved},
                                                 {"Closed", CS::Closed},
                                                 {"Canceled", CS::Cancelled},
                                                 {"Cancelled", CS::Cancelled}};
static const Spelling<CS> kServiceNowIncident[] = {{"1", CS::New},    {"2", CS::InProgress},
                                                   {"3", CS::OnHold}, {"6", CS::Resolved},
                                                   {"7", CS::Closed}, {"8", CS::Cancelled}};
static const Spelling<CS> kServiceNowCase[] = {
    {"1", CS::New},      {"10", CS::InProgress}, {"18", CS::WaitingCustomer},
    {"6", CS::Resolved}, {"3", CS::Closed},      {"7", CS::Cancelled}};

// Customer service cases number their states differently from incidents.
static bool is_servicenow_case(const Record& rec) {
    const Value table = FieldCheck::lookup(rec, "sys_class_name");
    if (table.present()) return table.text == "sn_customerservice_case";
    const Value number = FieldCheck::lookup(rec, "number");
    return number.text.substr(0, 2) == "CS";
}

bool import_status(FeedFormat f, const Record& rec, std::string_view s, CaseStatus* out) {
    if (f == FeedFormat::ServiceNow) {
        if (!lookup(kServiceNowLabels, s, out) &&
            !(is_servicenow_case(rec) ? lookup(kServiceNowCase, s, out)
                                      : lookup(kServiceNowIncident, s, out)))
            return false;
        // An incident on hold because it awaits the caller waits for the customer.
        const Value reason = FieldCheck::lookup(rec, "hold_reason");
        if (*out == CS::OnHold && (reason.text == "1" || reason.text == "Awaiting Caller"))
            *out = CS::WaitingCustomer;
        return true;
    }
    if (f == FeedFormat::Zendesk) {
        static const Spelling<CS> kZendesk[] = {
            {"new", CS::New},          {"open", CS::InProgress}, {"pending", CS::WaitingCustomer},
            {"hold", CS::OnHold},      {"solved", CS::Resolved}, {"closed", CS::Closed},
            {"deleted", CS::Cancelled}};
        return lookup(kZendesk, s, out);
    }
    // Dynamics: statecode 0 Active / 1 Resolved / 2 Cancelled; an active row's statuscode says more.
    static const Spelling<CS> kDynamics[] = {{"0", CS::InProgress},      {"1", CS::Resolved},
                                             {"2", CS::Cancelled},       {"Active", CS::InProgress},
                                             {"Resolved", CS::Resolved}, {"Cancelled", CS::Cancelled}};
    if (!lookup(kDynamics, s, out)) return false;
    if (*out == CS::InProgress) {
        const Value code = FieldCheck::lookup(rec, "statuscode");
        if (code.text == "2") *out = CS::OnHold;           // On Hold
        if (code.text == "3") *out = CS::WaitingCustomer;  // Waiting for Details
    }
    return true;
}

const char* status_spellings(FeedFormat f, const Record& rec) {
    if (f == FeedFormat::ServiceNow)
        return is_servicenow_case(rec)
                   ? "1, 10, 18, 6, 3, 7 or New, Open, Awaiting Info, Resolved, Closed, Cancelled"
                   : "1, 2, 3, 6, 7, 8 or New, In Progress, On Hold, Resolved, Closed, Canceled";
    if (f == FeedFormat::Zendesk) return "new, open, pending, hold, solved, closed, deleted";
    return "0, 1, 2 (statecode)";
}

bool import_case_type(FeedFormat f, std::string_view s, CaseType* out) {
    static const Spelling<CaseType> kTypes[] = {{"reactive", CaseType::Reactive},
                                                {"advisory", CaseType::Advisory},
                                                // Zendesk ticket type
                                                {"question", CaseType::Advisory},
                                                {"incident", CaseType::Reactive},
                                                {"problem", CaseType::Reactive},
                                                {"task", CaseType::Reactive}};
    static const Spelling<CaseType> kDynamics[] = {
        {"1", CaseType::Advisory}, {"2", CaseType::Reactive}, {"3", CaseType::Reactive}};
    return f == FeedFormat::Dynamics ? lookup(kDynamics, s, out) : lookup(kTypes, s, out);
}

const char* case_type_spellings(FeedFormat f) {
    if (f == FeedFormat::Dynamics) return "1, 2, 3 (casetypecode)";
    if (f == FeedFormat::Zendesk) return "question, incident, problem, task";
    return "reactive, advisory";
}

bool import_csat(FeedFormat, std::string_view s, int64_t* csat, bool* not_answered) {
    *not_answered = s == "offered" || s == "unoffered";
    if (s == "good") return *csat = 5, true;
    if (s == "bad") return *csat = 1, true;
    return false;
}

static bool whole_number(const Value& v, int64_t* out) {
    const char* end = v.text.data() + v.text.size();
    auto r = std::from_chars(v.text.data(), end, *out);
    return v.present() && r.ec == std::errc() && r.ptr == end;
}

void import_case_extras(FeedFormat f, const Record& rec, CaseRow* row) {
    int64_t n = 0;
    if (f == FeedFormat::Zendesk) {
        // reply_time_in_minutes counts from creation to the first public agent reply.
        if (!has_time(row->first_response_at) && has_time(row->created_at) &&
            whole_number(FieldCheck::lookup(rec, "metric_set.reply_time_in_minutes.calendar"), &n) && n >= 0)
            row->first_response_at = row->created_at + n * 60;
        // group_stations counts the groups the ticket passed through, the first one included.
        if (row->transfers == 0 && whole_number(FieldCheck::lookup(rec, "metric_set.group_stations"), &n) &&
            n > 1)
            row->transfers = std::min<int64_t>(n - 1, 65535);
    }
    if (f == FeedFormat::Dynamics && row->status == CS::Resolved && !has_time(row->resolved_at)) {
        // Dataverse keeps no resolution time on the incident row; a resolved row's last change is its
        // resolution.
        Time t = kNoTime;
        FieldCheck plain;
        if (plain.time(FieldCheck::lookup(rec, "modifiedon"), "", &t) == FieldCheck::Ok) row->resolved_at = t;
    }
}

const char* import_default(FeedFormat f, int case_field) {
    if (f != FeedFormat::ServiceNow && f != FeedFormat::Zendesk && f != FeedFormat::Dynamics) return nullptr;
    if (case_field == kCaseCustomer) return "unknown";
    if (case_field == kCaseOffering) return "unspecified";
    if (case_field == kCaseQueue) return "unassigned";
    return nullptr;
}

}  // namespace cb
