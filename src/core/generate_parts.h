// generate_parts.h: internals shared by the generate_*.cpp files (not part of the public API).
//
// Determinism rules for everything here: random numbers come only from Rng, floating point uses only
// + - * / and sqrt (all exactly rounded by IEEE 754 on every platform), never exp/log/pow/sin, and no
// expression makes two draws (operand evaluation order is unspecified: GCC and Clang differ).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace cb::gen {

// xoshiro256** seeded through splitmix64; `stream` separates independent sequences of one seed.
struct Rng {
    uint64_t s[4];
    Rng(uint64_t seed, uint64_t stream);
    uint64_t next();
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    uint32_t below(uint32_t n) { return static_cast<uint32_t>((next() >> 32) * n >> 32); }
    bool chance(double p) { return uniform() < p; }
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Log-logistic draw with the given median; shape 1 (very heavy tail), 2 or 4 (narrower).
    double loglogistic(double median, int shape);
    // Index drawn from cumulative weights cum[0..n) (cum[n-1] is the total).
    uint32_t pick(const double* cum, uint32_t n);
};

// JSON text streamed to a FILE* through a 1 MiB buffer. Commas are placed automatically: a value or
// key after a previous value gets one. Strings are escaped; UTF-8 passes through unchanged.
struct JsonOut {
    FILE* file = nullptr;
    std::string buf;
    uint64_t bytes = 0;
    bool failed = false;
    bool need_comma = false, after_key = false;

    bool open(const std::string& path);
    bool close();  // flushes; false if any write failed
    void raw(std::string_view s);
    void newline() { raw("\n"); }
    void item();  // the next array element starts on a new line (after its comma)
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view k);
    void string(std::string_view s);
    void integer(int64_t v);
    void boolean(bool v);
    void hundredths(double v);  // fixed two decimals, e.g. -0.42
    void time(Time t);          // "2026-03-02T09:15:00Z"
    void date(Time t);          // "2026-03-02" (UTC date of t)

private:
    void value_prefix();
    void quoted(std::string_view s);  // escaped, in quotes
    void flush_if_full();
};

// ---- calendars and SLA targets (written to the feeds and used by the simulation alike) ---------------

// Europe/Berlin, the team zone: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October
// (01:00 UTC both).
int32_t berlin_offset_seconds(Time utc);
// The "emea" business calendar: Mon-Fri 08:00-18:00 Berlin time, public holidays.
constexpr int kWorkStartMinute = 8 * 60, kWorkEndMinute = 18 * 60;
extern const char* const kEmeaHolidays[];  // "YYYY-MM-DD", sorted
extern const int kEmeaHolidayCount;
bool is_emea_holiday(int64_t local_day);
bool is_emea_working_day(int64_t local_day);
// The UTC instant of a Berlin wall-clock second of a local day (days since 1970-01-01).
Time berlin_to_utc(int64_t local_day, int64_t second_of_day);
// The instant `minutes` working minutes after t (business hours) or t + minutes (calendar hours).
Time advance_minutes(Time t, double minutes, bool business);

enum Offering : uint8_t { kUnified, kPremier, kAsfp, kBroadCommercial, kOfferingCount };
extern const char* const kOfferingNames[kOfferingCount];
struct TargetSpec {
    int minutes;
    bool business;  // business hours on the "emea" calendar, else 24x7 calendar hours
    int warning_pct;
};
const TargetSpec& sla_target(int offering, Severity severity, SlaMetric metric);

// ---- the organisation ------------------------------------------------------------------------------------

struct QueueSpec {
    const char* name;
    double weight;  // share of arrivals
    double load;    // 1 = staffed for its volume; > 1.3 = overloaded (later responses, more transfers)
    const char* products[5];
    const char* issues[5];
};
extern const QueueSpec kQueues[];
extern const int kQueueCount;

enum Lang : uint8_t { kEn, kDe, kFr, kEs, kEl, kRu, kLangCount };
extern const char* const kLangCodes[kLangCount];

struct Customer {
    std::string name;
    Offering offering;
    Lang lang;
};

struct Org {
    int queue_count = 0;
    std::vector<double> queue_cum;                    // cumulative arrival weights
    std::vector<std::vector<uint32_t>> queue_owners;  // owner indices per queue
    std::vector<std::string> owners;
    std::vector<uint32_t> owner_queue;
    std::vector<Customer> customers;  // index 0 is the biggest customer
    std::vector<double> customer_cum;
    std::vector<std::string> csams;
};
void build_org(uint64_t case_count, uint64_t seed, Org* org);
std::string person_name(Rng& rng);

// ---- one case's simulated life ----------------------------------------------------------------------------

struct SimCase {
    Time created, fqr, scope, resolved, closed;  // resolved: kNoTime for cancelled and stuck cases
    uint32_t queue, product, issue, customer, owner;
    Severity severity;
    bool advisory, system_down, scoped, cancelled, stuck, validated, fqr_breached, res_breached;
    int transfers;
    const char* resolution_code;        // null for cancelled and stuck cases
    std::vector<StatusChange> history;  // the whole life, before the as_of cut
};
extern const char* const kResolutionCodes[];
constexpr int kWorkaround = 1, kHotfix = 2;  // indices into kResolutionCodes
// Overloaded queues get worse over the window (progress 0 = oldest arrivals, 1 = as_of).
double queue_load(const QueueSpec& q, double progress);
// `stuck`: one of the handful of very old cases that stay open.
void simulate_case(const Org& org, Rng& rng, Time created, double progress, bool stuck, SimCase* c);

// ---- survey text ----------------------------------------------------------------------------------------

// Why a customer was (dis)satisfied, as the verbatim will say it.
enum Cause : uint8_t {
    kPraise,
    kNeutral,
    kLateResponse,
    kTransfers,
    kNoScope,
    kReopened,
    kNotFixed,
    kSlow,
    kCauseCount
};
// A verbatim for the cause in the language; `transfers` fills "transferred three times".
std::string verbatim_text(Rng& rng, Cause cause, Lang lang, int transfers);

// ---- writers --------------------------------------------------------------------------------------------

struct CaseStats {
    uint64_t cases = 0, open = 0, surveys = 0;
};
void write_cases_and_surveys(const Org& org, uint64_t case_count, uint64_t seed, Time as_of,
                             double surveys_per_case, JsonOut* cases, JsonOut* surveys, CaseStats* stats);
uint64_t write_plans(const Org& org, uint64_t case_count, uint64_t seed, Time as_of, JsonOut* out);
void write_sla_policies(JsonOut* out);
void write_calendars(JsonOut* out);
void write_manifest(Time as_of, JsonOut* out);

}  // namespace cb::gen
