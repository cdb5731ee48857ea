// generate_stream.cpp: arrivals over the window, the as_of cut, and the cases and surveys streamed to disk.
//
// Cases arrive over the 180 days before as_of, in the team's business rhythm. Each simulated life is cut
// at as_of: events after it have not happened yet, which is what leaves recent cases open. The case's
// experience (late first response, transfers, no scope, reopen, unvalidated fix, late resolution) drives
// its survey scores and the verbatim's theme, the dependency the dashboard's driver analysis finds.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "generate_parts.h"
#include "timestamp.h"

namespace cb::gen {

constexpr Time kMinute = 60, kDay = 86400;
constexpr int kWindowDays = 180;

// Arrival shape in the team's zone: relative weight per local hour on working days and on other days,
// and per weekday (Monday first). Holidays get a Sunday-like volume.
static const double kWorkdayHours[24] = {0.15, 0.1, 0.1, 0.1, 0.12, 0.2, 0.4, 0.9,  1.7,  2.3,  2.5,  2.3,
                                         1.7,  2.0, 2.2, 2.1, 1.8,  1.3, 0.8, 0.55, 0.45, 0.35, 0.25, 0.2};
static const double kRestdayHours[24] = {0.3, 0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.5, 0.7, 0.9,  1.0, 1.0,
                                         1.0, 1.0,  1.0, 0.9, 0.9, 0.8,  0.7,  0.6, 0.5, 0.45, 0.4, 0.35};
static const double kWeekdayFactor[7] = {1.15, 1.10, 1.05, 1.0, 0.86, 0.2, 0.14};
static const char* const kAdvisoryTitles[5] = {"Architecture review", "Upgrade planning",
                                               "Best-practice guidance", "Capacity planning",
                                               "Health check follow-up"};

// The case as it stands at as_of.
struct CaseView {
    CaseStatus status = CaseStatus::New;
    size_t history_len = 0;
    Time resolved_at = kNoTime, closed_at = kNoTime;
    int reopened = 0;
};

static CaseView cut_at(const SimCase& c, Time as_of) {
    CaseView v;
    bool was_resolved = false;
    for (const StatusChange& h : c.history) {
        if (h.at > as_of) break;
        ++v.history_len;
        v.status = h.status;
        if (h.status == CaseStatus::Resolved) v.resolved_at = h.at, was_resolved = true;
        if (h.status == CaseStatus::InProgress && was_resolved) ++v.reopened;
        if (h.status == CaseStatus::Closed || h.status == CaseStatus::Cancelled) v.closed_at = h.at;
    }
    if (v.status != CaseStatus::Resolved && v.status != CaseStatus::Closed) v.resolved_at = kNoTime;
    return v;
}

// How bad the experience was (0 = flawless) and its main reason, as the customer would name it.
struct Experience {
    double score = 0;
    Cause cause = kNeutral;
};

static Experience experience(const SimCase& c, const CaseView& v, bool done, bool has_lqr) {
    Experience e;
    double top = 0;
    auto add = [&](bool present, double weight, Cause cause) {
        if (!present) return;
        e.score += weight;
        if (weight > top) top = weight, e.cause = cause;
    };
    add(c.fqr_breached, 1.3, kLateResponse);
    add(c.transfers >= 2, 0.9 + 0.1 * c.transfers, kTransfers);
    add(c.transfers == 1, 0.3, kTransfers);
    add(!c.scoped, 0.7, kNoScope);
    add(v.reopened > 0, 1.1, kReopened);
    add(done && !c.validated, 0.9, kNotFixed);
    add(done && c.res_breached, 0.8, kSlow);
    add(done && !has_lqr, 0.4, kSlow);
    return e;
}

static int clamp_round(double x, int lo, int hi) {
    const int v = static_cast<int>(std::floor(x + 0.5));
    return v < lo ? lo : v > hi ? hi : v;
}

static void write_survey(JsonOut* out, Rng& rng, const Org& org, const SimCase& c, const char* case_id,
                         Time submitted, const Experience& e, bool reopened, uint64_t seq) {
    const int csat = clamp_round(4.65 - 0.85 * e.score + rng.between(-0.8, 0.8), 1, 5);
    char id[24];
    std::snprintf(id, sizeof id, "SRV-%09llu", static_cast<unsigned long long>(seq));
    out->item();
    out->begin_object();
    out->key("id");
    out->string(id);
    out->key("case_id");
    out->string(case_id);
    out->key("submitted_at");
    out->time(submitted);
    out->key("csat");
    out->integer(csat);
    out->key("effort");
    out->integer(clamp_round(1.7 + 1.3 * e.score + rng.between(-1.0, 1.0), 1, 7));
    out->key("resolved");
    out->boolean(c.validated && !reopened ? rng.chance(0.93) : rng.chance(0.35));
    if (rng.chance(0.45)) {
        out->key("nps");
        out->integer(clamp_round(9.2 - 1.8 * e.score + rng.between(-1.5, 1.5), 0, 10));
    }
    if (rng.chance(std::min(0.85, 0.5 + 0.1 * e.score))) {
        const Lang home = org.customers[c.customer].lang;
        const Lang lang = home != kEn && rng.chance(0.4) ? home : kEn;
        const Cause cause = csat >= 4     ? (e.score < 0.5 ? kPraise : kNeutral)
                            : e.score > 0 ? e.cause
                                          : kNeutral;
        out->key("verbatim");
        out->string(verbatim_text(rng, cause, lang, c.transfers));
        out->key("language");
        out->string(kLangCodes[lang]);
    }
    out->key("sentiment");
    out->hundredths(std::max(-1.0, std::min(1.0, (csat - 3) * 0.42 + rng.between(-0.15, 0.15))));
    out->end_object();
}

// Distinct colleagues from other queues who joined the case (swarming), written as names.
static void write_collaborators(JsonOut* out, Rng& rng, const Org& org, const SimCase& c, int count) {
    uint32_t chosen[4];
    int n = 0;
    for (int attempt = 0; attempt < 32 && n < count; ++attempt) {
        const uint32_t o = rng.below(static_cast<uint32_t>(org.owners.size()));
        if (o == c.owner || org.owner_queue[o] == c.queue || std::find(chosen, chosen + n, o) != chosen + n)
            continue;
        chosen[n++] = o;
    }
    if (n == 0) return;
    out->key("collaborators");
    out->begin_array();
    for (int i = 0; i < n; ++i) out->string(org.owners[chosen[i]]);
    out->end_array();
}

// Writes the case as it stands at as_of; returns its experience so far (for the survey).
static Experience write_case(JsonOut* out, Rng& rng, const Org& org, const SimCase& c, const CaseView& v,
                             const char* id, Time as_of, double progress, std::string* title) {
    const bool done = v.status == CaseStatus::Resolved || v.status == CaseStatus::Closed;
    const bool responded = c.fqr <= as_of && v.status != CaseStatus::New;
    const QueueSpec& q = kQueues[c.queue];
    const int offering = org.customers[c.customer].offering;

    out->item();
    out->begin_object();
    out->key("id");
    out->string(id);
    title->assign(c.advisory ? kAdvisoryTitles[c.issue] : q.products[c.product]);
    title->append(": ").append(c.advisory ? q.products[c.product] : q.issues[c.issue]);
    out->key("title");
    out->string(*title);
    out->key("customer");
    out->string(org.customers[c.customer].name);
    out->key("offering");
    out->string(kOfferingNames[offering]);
    out->key("severity");
    out->string(to_string(c.severity));
    if (c.severity == Severity::A) {
        out->key("system_down");
        out->boolean(c.system_down);
    }
    out->key("type");
    out->string(c.advisory ? "advisory" : "reactive");
    out->key("queue");
    out->string(q.name);
    out->key("product");
    out->string(q.products[c.product]);
    if (responded || rng.chance(0.5)) {  // half of the brand-new cases are not assigned yet
        out->key("owner");
        out->string(org.owners[c.owner]);
    }
    out->key("status");
    out->string(to_string(v.status));
    out->key("created_at");
    out->time(c.created);
    if (responded) {
        out->key("first_response_at");
        out->time(c.fqr);
    }
    if (c.scoped && !c.cancelled && c.scope <= as_of) {
        out->key("scope_agreed_at");
        out->time(c.scope);
    }
    // Updates: the last quality response at closure for most closed cases; for open cases the
    // latest update and the committed next one (overdue where the queue is swamped).
    bool has_lqr = false;
    if (done) {
        has_lqr = rng.chance(c.validated ? 0.92 : 0.75);
        if (has_lqr) {
            const Time lqr =
                v.resolved_at - static_cast<Time>(std::min(rng.loglogistic(40, 2), 600.0) * kMinute);
            out->key("last_response_at");
            out->time(std::max(lqr, c.fqr));
        }
    } else if (responded && is_open(v.status)) {
        const TargetSpec& cadence = sla_target(offering, c.severity, SlaMetric::NextUpdate);
        const double wall_per_counted = cadence.business ? 3.4 : 1.0;  // 50 business hours a week
        const double lag_minutes = c.stuck
                                       ? rng.between(10, 60) * 1440.0 / wall_per_counted
                                       : rng.loglogistic(0.5 * cadence.minutes * queue_load(q, progress), 2);
        const Time last =
            std::max(c.fqr, as_of - static_cast<Time>(lag_minutes * wall_per_counted * kMinute));
        out->key("next_update_due");
        out->time(advance_minutes(last, cadence.minutes, cadence.business));
        out->key("last_response_at");
        out->time(last);
    }
    if (done) {
        out->key("resolved_at");
        out->time(v.resolved_at);
    }
    if (v.closed_at != kNoTime) {
        out->key("closed_at");
        out->time(v.closed_at);
    }
    out->key("transfers");
    out->integer(v.status == CaseStatus::New ? 0 : c.transfers);
    // Swarming: most Sev A cases, hard cases often, an occasional second opinion otherwise.
    const bool hard = c.transfers >= 2 || c.res_breached;
    const int swarm = c.severity == Severity::A ? (rng.chance(0.7) ? 1 + static_cast<int>(rng.below(3)) : 0)
                      : hard                    ? (rng.chance(0.35) ? 1 + static_cast<int>(rng.below(2)) : 0)
                                                : (rng.chance(0.06) ? 1 : 0);
    if (responded && swarm > 0) write_collaborators(out, rng, org, c, swarm);
    if (done) {
        out->key("resolution_code");
        out->string(c.resolution_code);
        out->key("solution_validated");
        out->boolean(c.validated);
        // Refunds: prepaid hours not decremented for product bugs, credits for missed Sev A.
        const char* refund = nullptr;
        if (c.resolution_code == kResolutionCodes[kHotfix] ? rng.chance(0.4) : rng.chance(0.02))
            refund = "non_decrement";
        else if (c.severity == Severity::A && (c.fqr_breached || c.res_breached) && rng.chance(0.15))
            refund = "partial";
        else if (rng.chance(0.003))
            refund = "full";
        if (refund) {
            out->key("refund");
            out->string(refund);
        }
    }
    if (v.reopened > 0) {
        out->key("reopened");
        out->integer(v.reopened);
    }
    out->key("status_history");
    out->begin_array();
    for (size_t h = 0; h < v.history_len; ++h) {
        out->begin_object();
        out->key("status");
        out->string(to_string(c.history[h].status));
        out->key("at");
        out->time(c.history[h].at);
        out->end_object();
    }
    out->end_array();
    const Experience e = experience(c, v, done, has_lqr);
    if (responded && rng.chance(0.3)) {  // text analytics ran on the case's emails
        out->key("sentiment");
        out->hundredths(std::max(-1.0, std::min(1.0, 0.55 - 0.45 * e.score + rng.between(-0.25, 0.25))));
    }
    out->end_object();
    return e;
}

// Cases per day: weekday rhythm, quiet holidays, 30% growth over the window, some day-to-day noise;
// as_of's own day only up to as_of's hour. Cumulative rounding makes the counts add up exactly.
static void plan_arrivals(Rng& rng, uint64_t case_count, int64_t last_day, int as_of_hour,
                          const double* work_cum, const double* rest_cum, uint64_t* day_count) {
    double day_cum[kWindowDays], total = 0;
    for (int d = 0; d < kWindowDays; ++d) {
        const int64_t day = last_day - (kWindowDays - 1) + d;
        const bool holiday = is_emea_holiday(day);
        double w = (holiday ? 0.15 : kWeekdayFactor[weekday_from_days(day)]) *
                   (1.0 + 0.3 * d / (kWindowDays - 1)) * rng.between(0.9, 1.1);
        if (d == kWindowDays - 1) {
            const double* cum = is_emea_working_day(day) ? work_cum : rest_cum;
            w *= as_of_hour > 0 ? cum[as_of_hour - 1] / cum[23] : 0.0;
        }
        day_cum[d] = total += w;
    }
    uint64_t placed = 0;
    for (int d = 0; d < kWindowDays; ++d) {
        const uint64_t upto = d == kWindowDays - 1
                                  ? case_count
                                  : static_cast<uint64_t>(case_count * (day_cum[d] / total) + 0.5);
        day_count[d] = upto > placed ? upto - placed : 0;
        placed += day_count[d];
    }
}

void write_cases_and_surveys(const Org& org, uint64_t case_count, uint64_t seed, Time as_of,
                             double surveys_per_case, JsonOut* cases, JsonOut* surveys, CaseStats* stats) {
    Rng rng(seed, 2);
    const int64_t as_of_local = as_of + berlin_offset_seconds(as_of);
    const int64_t last_day = as_of_local / kDay;
    const int as_of_hour = static_cast<int>(as_of_local % kDay / 3600);

    double work_cum[24], rest_cum[24], wsum = 0, rsum = 0;
    for (int h = 0; h < 24; ++h)
        work_cum[h] = wsum += kWorkdayHours[h], rest_cum[h] = rsum += kRestdayHours[h];
    uint64_t day_count[kWindowDays];
    plan_arrivals(rng, case_count, last_day, as_of_hour, work_cum, rest_cum, day_count);
    // A handful of very old cases stay open: about one per 600 cases, 3 to 60, from the first 30 days.
    uint64_t early = 0;
    for (int d = 0; d < 30; ++d) early += day_count[d];
    const double stuck_wanted =
        static_cast<double>(std::min<uint64_t>(60, std::max<uint64_t>(3, case_count / 600)));
    const double stuck_p = early ? std::min(1.0, stuck_wanted / static_cast<double>(early)) : 0.0;

    cases->raw("{\"cases\":");
    cases->begin_array();
    surveys->raw("{\"surveys\":");
    surveys->begin_array();
    std::vector<Time> times;
    SimCase c;
    std::string title;
    char id[32];
    for (int d = 0; d < kWindowDays; ++d) {
        const int64_t day = last_day - (kWindowDays - 1) + d;
        const double* hour_cum = is_emea_working_day(day) ? work_cum : rest_cum;
        const uint32_t hours = d == kWindowDays - 1 ? static_cast<uint32_t>(std::max(1, as_of_hour)) : 24;
        times.clear();
        for (uint64_t k = 0; k < day_count[d]; ++k) {
            const int64_t hour = rng.pick(hour_cum, hours);  // one draw per statement (evaluation order)
            const int64_t second = hour * 3600 + rng.below(3600);
            times.push_back(std::min(berlin_to_utc(day, second), as_of - kMinute));
        }
        std::sort(times.begin(), times.end());
        int64_t y;
        unsigned m, dd;
        civil_from_days(day, &y, &m, &dd);
        const double progress = static_cast<double>(d) / (kWindowDays - 1);
        for (size_t k = 0; k < times.size(); ++k) {
            // Microsoft-style case numbers: YYMMDD, channel 0040, sequence of the day.
            std::snprintf(id, sizeof id, "%02u%02u%02u0040%06u", static_cast<unsigned>(y % 100), m, dd,
                          static_cast<unsigned>(k + 1));
            simulate_case(org, rng, times[k], progress, d < 30 && rng.chance(stuck_p), &c);
            const CaseView v = cut_at(c, as_of);
            stats->open += is_open(v.status);
            const Experience e = write_case(cases, rng, org, c, v, id, as_of, progress, &title);
            ++stats->cases;
            const bool done = v.status == CaseStatus::Resolved || v.status == CaseStatus::Closed;
            if (done && rng.chance(surveys_per_case)) {
                const Time submitted = v.resolved_at +
                                       static_cast<Time>(std::min(rng.loglogistic(1.0, 2), 14.0) * kDay) +
                                       10 * kMinute;
                if (submitted <= as_of)
                    write_survey(surveys, rng, org, c, id, submitted, e, v.reopened > 0, ++stats->surveys);
            }
        }
    }
    cases->newline();
    cases->end_array();
    cases->raw("}\n");
    surveys->newline();
    surveys->end_array();
    surveys->raw("}\n");
}

}  // namespace cb::gen
