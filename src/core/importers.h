// importers.h: canonical field tables and the helpdesk importers (ServiceNow, Zendesk, Dynamics 365, CSV).
//
// An importer is a default field map (canonical field -> source paths, first present wins) plus value
// translations for the fields whose spellings differ (priority -> severity, state -> status, ...).
// A feed's field_map replaces the default source of the fields it names. docs/feeds.md lists all of it.
#pragma once

#include <cstddef>
#include <string_view>

#include "feed_ingest_record.h"
#include "feeds.h"

namespace cb {

enum CaseField : int {
    kCaseId,
    kCaseTitle,
    kCaseCustomer,
    kCaseOffering,
    kCaseSeverity,
    kCaseSystemDown,
    kCaseType,
    kCaseQueue,
    kCaseProduct,
    kCaseOwner,
    kCaseStatus,
    kCaseCreatedAt,
    kCaseFirstResponseAt,
    kCaseScopeAgreedAt,
    kCaseNextUpdateDue,
    kCaseResolvedAt,
    kCaseClosedAt,
    kCaseLastResponseAt,
    kCaseTransfers,
    kCaseCollaborators,
    kCaseResolutionCode,
    kCaseSolutionValidated,
    kCaseRefund,
    kCaseReopened,
    kCaseStatusHistory,
    kCaseSentiment,
    kCaseFieldCount
};
enum SurveyField : int {
    kSurveyId,
    kSurveyCaseId,
    kSurveySubmittedAt,
    kSurveyCsat,
    kSurveyEffort,
    kSurveyResolved,
    kSurveyNps,
    kSurveyVerbatim,
    kSurveyLanguage,
    kSurveySentiment,
    kSurveyFieldCount
};

// Canonical names of the mappable fields of a kind (cases and surveys); count 0 for the other kinds.
const char* const* mappable_fields(FeedKind kind, size_t* count);
// Default source paths of a canonical field, '|'-separated alternatives; the canonical name itself when the
// format has no default of its own.
const char* default_source(FeedFormat format, FeedKind kind, int field);

// Format from the top-level key that holds the records ("result" -> ServiceNow, ...), or from "@odata.*".
FeedFormat format_from_key(std::string_view key);
bool is_records_key(FeedKind kind, std::string_view key);
const char* records_noun(FeedKind kind);  // "cases", "surveys", "plans", "targets", "calendars", "rollups"

// Value translations for imported formats. `text` is the source value ("" when absent); `rec` gives
// access to companion fields (ServiceNow hold_reason and table, Dynamics statuscode). Each returns false for
// a spelling it does not know; the *_spellings functions say which are known, for the problem message.
bool import_severity(FeedFormat f, std::string_view text, Severity* sev, bool* system_down);
const char* severity_spellings(FeedFormat f);
bool import_status(FeedFormat f, const Record& rec, std::string_view text, CaseStatus* out);
const char* status_spellings(FeedFormat f, const Record& rec);
bool import_case_type(FeedFormat f, std::string_view text, CaseType* out);
const char* case_type_spellings(FeedFormat f);
// Survey score: Zendesk "good"/"bad" -> 5/1. Returns 0 with *not_answered for "offered"/"unoffered".
bool import_csat(FeedFormat f, std::string_view text, int64_t* csat, bool* not_answered);

// Values an importer derives from companion fields when the canonical field is absent (Zendesk metric sets,
// Dynamics modifiedon). Called after the canonical fields were read.
struct CaseRow;
void import_case_extras(FeedFormat f, const Record& rec, CaseRow* row);

// Defaults of required case fields that helpdesk exports often leave empty (imported formats only).
const char* import_default(FeedFormat f, int case_field);  // nullptr: the field stays required

}  // namespace cb
