// generate_cases.cpp: the life of one case, simulated to its end (first response, scoping, work with
// customer waits and holds, resolution, reopens, closure). generate_stream.cpp cuts it at as_of.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "generate_parts.h"

namespace cb::gen {

constexpr Time kMinute = 60, kHour = 3600, kDay = 86400;

double queue_load(const QueueSpec& q, double progress) {
    // Overloaded queues get worse over the window: the backlog builds up.
    return 1.0 + (q.load - 1.0) * (0.6 + 0.8 * progress);
}

static Severity draw_severity(Rng& rng) {
    const double u = rng.uniform();
    return u < 0.08 ? Severity::A : u < 0.43 ? Severity::B : Severity::C;
}

static int draw_transfers(Rng& rng, bool overloaded) {
    static const double busy[5] = {45, 75, 90, 97, 100};
    static const double calm[4] = {76, 94, 98.5, 100};
    return overloaded ? static_cast<int>(rng.pick(busy, 5)) : static_cast<int>(rng.pick(calm, 4));
}

const char* const kResolutionCodes[] = {"Configuration change",
                                        "Workaround provided",
                                        "Product bug - hotfix",
                                        "Documentation / how-to",
                                        "Resolved by customer",
                                        "Service restored by platform",
                                        "By design",
                                        "Root cause identified"};
static const double kResolutionCum[] = {30, 45, 55, 70, 80, 90, 96, 100};
static const char* const kAdvisoryCodes[] = {"Advisory delivered", "Best-practice guidance provided"};

// ---- one case
// ----------------------------------------------------------------------------------------------

void simulate_case(const Org& org, Rng& rng, Time created, double progress, bool stuck, SimCase* c) {
    c->created = created;
    c->stuck = stuck;
    c->queue = rng.pick(org.queue_cum.data(), static_cast<uint32_t>(org.queue_count));
    const QueueSpec& q = kQueues[c->queue];
    const double load = queue_load(q, progress);
    const bool overloaded = q.load > 1.3;
    static const double product_cum[5] = {5, 9, 12, 14, 15};
    c->product = rng.pick(product_cum, 5);
    c->issue = rng.below(5);
    c->customer = rng.pick(org.customer_cum.data(), static_cast<uint32_t>(org.customer_cum.size()));
    const int offering = org.customers[c->customer].offering;
    c->severity = draw_severity(rng);
    c->advisory = rng.chance(0.15);
    if (c->advisory && c->severity == Severity::A) c->severity = Severity::C;
    if (stuck && c->severity == Severity::A) c->severity = Severity::B;  // long-running cases get downgraded
    c->system_down = c->severity == Severity::A && rng.chance(0.35);
    const std::vector<uint32_t>& staff = org.queue_owners[c->queue];
    c->owner = staff[rng.below(static_cast<uint32_t>(staff.size()))];
    c->transfers = draw_transfers(rng, overloaded);
    c->history.clear();
    c->history.push_back({CaseStatus::New, created});

    // First quality response, as a share of the target: late in overloaded queues and after a bounce.
    const TargetSpec& fqr_target = sla_target(offering, c->severity, SlaMetric::FirstResponse);
    double fqr_ratio = rng.loglogistic((c->severity == Severity::A ? 0.22 : 0.3) * load, 2);
    if (c->transfers > 0 && rng.chance(0.4)) fqr_ratio *= 1.7;
    fqr_ratio = std::min(fqr_ratio, 6.0);
    c->fqr_breached = fqr_ratio > 1.0;
    c->fqr = advance_minutes(created, fqr_ratio * fqr_target.minutes, fqr_target.business) + rng.below(60);

    const double scope_p = c->advisory ? 0.95 : overloaded ? 0.7 : 0.88;
    c->scoped = rng.chance(scope_p);
    c->scope = c->fqr + static_cast<Time>(std::min(rng.loglogistic(2.5, 2), 120.0) * kHour) + 5 * kMinute;

    c->cancelled = !stuck && rng.chance(0.025);
    c->resolution_code = nullptr;
    c->validated = false;
    c->resolved = c->closed = kNoTime;
    if (c->cancelled) {  // duplicate or opened by mistake: withdrawn within hours or days
        const Time at = created + static_cast<Time>(std::min(rng.loglogistic(6, 2), 240.0) * kHour);
        if (c->fqr < at) c->history.push_back({CaseStatus::InProgress, c->fqr});
        c->history.push_back({CaseStatus::Cancelled, at});
        c->closed = at;
        c->res_breached = false;
        return;
    }
    c->history.push_back({CaseStatus::InProgress, c->fqr});
    if (stuck) {  // a very old case nobody can close: parked on hold or chasing an unresponsive customer
        const Time at = c->fqr + static_cast<Time>(rng.between(2, 20) * kDay);
        if (rng.chance(0.7))
            c->history.push_back({rng.chance(0.6) ? CaseStatus::OnHold : CaseStatus::WaitingCustomer, at});
        c->res_breached = true;
        return;
    }

    // Working time to resolution (counted like the SLA clock), then customer waits and holds on top.
    const TargetSpec& res_target = sla_target(offering, c->severity, SlaMetric::Resolution);
    // Load stretches resolution less than first response (sqrt): once picked up, cases do get worked.
    const double res_median = 0.38 * std::sqrt(load) * (1.0 + 0.35 * c->transfers) * (c->scoped ? 1.0 : 1.5) *
                              (c->advisory ? 1.2 : 1.0);
    const double res_ratio = std::min(rng.loglogistic(res_median, 2), 25.0);
    c->res_breached = res_ratio > 1.0;
    const double work = std::max(
        15.0, (res_ratio - fqr_ratio * fqr_target.minutes / res_target.minutes) * res_target.minutes);
    struct Pause {
        CaseStatus status;
        Time seconds;
    } pauses[4];
    int pause_count = 0;
    const double u = rng.uniform();
    const int waits = u < 0.45 ? 0 : u < 0.78 ? 1 : u < 0.93 ? 2 : 3;
    for (int i = 0; i < waits; ++i)
        pauses[pause_count++] = {
            CaseStatus::WaitingCustomer,
            static_cast<Time>(std::min(rng.loglogistic(1.6, 1), 40.0) * kDay) + 30 * kMinute};
    if (rng.chance(0.15))
        pauses[pause_count++] = {CaseStatus::OnHold,
                                 static_cast<Time>(std::min(rng.loglogistic(5, 2), 60.0) * kDay)};
    Time t = c->fqr;
    double share_left = 1.0;
    for (int i = 0; i < pause_count; ++i) {
        const double share = share_left * rng.between(0.2, 0.7);
        share_left -= share;
        t = advance_minutes(t, work * share, res_target.business);
        c->history.push_back({pauses[i].status, t});
        t += pauses[i].seconds;
        c->history.push_back({CaseStatus::InProgress, t});
    }
    t = advance_minutes(t, work * share_left, res_target.business) + rng.below(600);

    // Reopened: the fix did not hold; more likely where the work was rushed.
    const double reopen_p = (overloaded ? 0.06 : 0.03) + (c->res_breached ? 0.02 : 0.0);
    const int reopens = rng.chance(reopen_p) ? (rng.chance(0.15) ? 2 : 1) : 0;
    for (int i = 0; i < reopens; ++i) {
        c->history.push_back({CaseStatus::Resolved, t});
        t += static_cast<Time>(std::min(rng.loglogistic(1.5, 2), 20.0) * kDay);
        c->history.push_back({CaseStatus::InProgress, t});
        t = advance_minutes(t, rng.loglogistic(0.3, 2) * res_target.minutes, res_target.business);
    }
    c->history.push_back({CaseStatus::Resolved, t});
    c->resolved = t;
    c->closed = t + static_cast<Time>(std::min(rng.loglogistic(1.5, 2), 7.0) * kDay);  // auto-close: 7 days
    c->history.push_back({CaseStatus::Closed, c->closed});

    c->resolution_code =
        c->advisory ? kAdvisoryCodes[rng.below(2)] : kResolutionCodes[rng.pick(kResolutionCum, 8)];
    double validated_p = 0.9 - (overloaded ? 0.12 : 0.0) - (c->scoped ? 0.0 : 0.2) -
                         (c->res_breached ? 0.15 : 0.0) -
                         (c->resolution_code == kResolutionCodes[kWorkaround] ? 0.2 : 0.0);
    c->validated = rng.chance(validated_p);
}

}  // namespace cb::gen
