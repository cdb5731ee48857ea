// generate_plans.cpp: Customer Success Plans for the biggest customers, one fiscal year each.
#include <algorithm>
#include <cstdio>

#include "generate_parts.h"
#include "timestamp.h"

namespace cb::gen {

struct ObjectiveSpec {
    const char* title;
    const char* outcome;
    const char* milestones[5];
};

static const ObjectiveSpec kObjectives[] = {
    {"Improve platform resiliency",
     "Reduce P1 incidents by 30%",
     {"Resiliency assessment completed", "Availability zones adopted for tier-1 workloads",
      "Backup and DR runbooks tested", "Failover drill executed", "Monitoring baseline in Azure Monitor"}},
    {"Modernise identity",
     "Move 100% of users to phishing-resistant MFA",
     {"Conditional Access baseline deployed", "Legacy authentication blocked",
      "Passwordless pilot (500 users)", "PIM enforced for all admin roles",
      "Identity Secure Score above 75%"}},
    {"Accelerate Microsoft 365 adoption",
     "Raise Teams active usage to 85% of licensed users",
     {"Adoption champions network launched", "Teams Phone pilot", "SharePoint intranet migration",
      "Usage dashboard shared with leadership", "Legacy file shares retired"}},
    {"Optimise cloud spend",
     "Cut Azure run-rate by 15% without service impact",
     {"Cost Management dashboards live", "Reservations purchased for steady workloads",
      "Idle resources decommissioned", "Rightsizing review completed", "Monthly FinOps review established"}},
    {"Strengthen security operations",
     "Reduce mean time to detect to under 1 hour",
     {"Sentinel workspace onboarded", "Defender for Endpoint on 95% of devices", "SOC playbooks automated",
      "Incident response tabletop exercise", "Threat hunting cadence agreed"}},
    {"Modernise the data platform",
     "Retire the on-premises data warehouse by Q4",
     {"Analytics landing zone deployed", "Top 20 pipelines migrated", "Certified Power BI semantic models",
      "Parallel run signed off", "Legacy warehouse decommissioned"}},
    {"Shorten time to resolution",
     "Cut average Sev B resolution time by 25%",
     {"Escalation contacts agreed", "Proactive health checks scheduled", "Monthly case review with CSAM",
      "Top-5 recurring issues root-caused", "Support onboarding for new admins"}},
    {"Roll out Dynamics 365 Customer Service",
     "Go live in 4 countries with one service process",
     {"Fit-gap workshop", "Pilot country live", "Data migration rehearsal", "Wave 2 countries live",
      "Hypercare exit"}},
    {"Raise DevOps maturity",
     "Double deployment frequency with fewer failed changes",
     {"Pipelines migrated to YAML", "Advanced Security enabled on all repos", "Automated release gates",
      "DORA metrics dashboard", "Platform team trained"}},
    {"Complete the Windows 11 rollout",
     "Upgrade the remaining 4,000 devices with no business disruption",
     {"Application compatibility testing", "Autopilot profiles ready", "Pilot ring upgraded",
      "Broad ring upgraded", "Legacy images retired"}},
    {"Adopt generative AI responsibly",
     "Put 3 generative-AI use cases into production",
     {"AI readiness assessment", "Azure OpenAI landing zone", "Responsible AI review board set up",
      "First use case in production", "Third use case in production"}},
    {"Be audit-ready for NIS2",
     "Pass the NIS2 audit with no major findings",
     {"Data classification with Purview", "Retention policies applied", "Incident reporting process tested",
      "Audit evidence pack", "Supplier risk review"}},
};
constexpr uint32_t kObjectiveCount = sizeof kObjectives / sizeof kObjectives[0];

// The customers with plans: the biggest enterprise (unified/premier) accounts first, then other big ones.
static std::vector<uint32_t> plan_customers(const Org& org, uint64_t wanted) {
    std::vector<uint32_t> chosen;
    for (int pass = 0; pass < 2 && chosen.size() < wanted; ++pass)
        for (uint32_t i = 0; i < org.customers.size() && chosen.size() < wanted; ++i) {
            const bool enterprise =
                org.customers[i].offering == kUnified || org.customers[i].offering == kPremier;
            if (enterprise == (pass == 0)) chosen.push_back(i);
        }
    return chosen;
}

static void write_milestone(JsonOut* out, Rng& rng, const std::string& id, const char* title, Time due,
                            Time period_start, Time as_of, int* overdue) {
    constexpr Time kDay = 86400;
    const char* status;
    Time completed = kNoTime;
    if (due <= as_of) {
        if (rng.chance(0.72)) {
            status = "done";
            completed = rng.chance(0.7) ? due - static_cast<Time>(rng.loglogistic(6, 2) * kDay)
                                        : due + static_cast<Time>(rng.loglogistic(9, 2) * kDay);
        } else {
            ++*overdue;
            const double u = rng.uniform();
            status = u < 0.55 ? "in_progress" : u < 0.85 ? "blocked" : "not_started";
        }
    } else if (rng.chance(0.12)) {
        status = "done";  // finished ahead of plan
        completed = as_of - static_cast<Time>(rng.between(1, 60) * kDay);
    } else {
        status = due - as_of < 75 * kDay && rng.chance(0.6) ? "in_progress" : "not_started";
    }
    if (completed != kNoTime) {
        completed = std::max(completed, period_start + kDay);
        completed = std::min(completed, as_of - 3600);
        completed -= completed % 60;
    }
    out->item();
    out->begin_object();
    out->key("id");
    out->string(id);
    out->key("title");
    out->string(title);
    out->key("due");
    out->date(due);
    if (completed != kNoTime) {
        out->key("completed_at");
        out->time(completed);
    }
    out->key("weight");
    out->integer(1 + rng.below(3));
    out->key("status");
    out->string(status);
    out->end_object();
}

uint64_t write_plans(const Org& org, uint64_t case_count, uint64_t seed, Time as_of, JsonOut* out) {
    constexpr Time kDay = 86400;
    Rng rng(seed, 3);
    // Microsoft's fiscal year starts on July 1: FY27 runs 2026-07-01 .. 2027-06-30.
    int64_t y;
    unsigned m, d;
    civil_from_days(as_of / kDay, &y, &m, &d);
    const int64_t fy_start_year = m >= 7 ? y : y - 1;
    const Time period_start = days_from_civil(fy_start_year, 7, 1) * kDay;
    const Time period_end = days_from_civil(fy_start_year + 1, 7, 1) * kDay - 1;
    const uint64_t wanted = std::min<uint64_t>(400, std::max<uint64_t>(5, case_count / 150));
    const std::vector<uint32_t> customers = plan_customers(org, wanted);

    out->begin_object();
    out->key("plans");
    out->begin_array();
    char plan_id[32];
    for (size_t p = 0; p < customers.size(); ++p) {
        std::snprintf(plan_id, sizeof plan_id, "CSP-FY%02d-%04u", static_cast<int>((fy_start_year + 1) % 100),
                      static_cast<unsigned>(p + 1));
        out->item();
        out->begin_object();
        out->key("id");
        out->string(plan_id);
        out->key("customer");
        out->string(org.customers[customers[p]].name);
        out->key("owner");
        out->string(org.csams[p % org.csams.size()]);
        out->key("period_start");
        out->time(period_start);
        out->key("period_end");
        out->time(period_end);
        out->key("objectives");
        out->begin_array();
        const uint32_t objectives = 2 + rng.below(3);
        const uint32_t first = rng.below(kObjectiveCount);
        int overdue = 0;
        for (uint32_t o = 0; o < objectives; ++o) {
            const ObjectiveSpec& spec = kObjectives[(first + o * 5) % kObjectiveCount];
            const std::string objective_id = std::string(plan_id) + "-O" + std::to_string(o + 1);
            out->item();
            out->begin_object();
            out->key("id");
            out->string(objective_id);
            out->key("title");
            out->string(spec.title);
            out->key("business_outcome");
            out->string(spec.outcome);
            out->key("milestones");
            out->begin_array();
            const uint32_t milestones = 2 + rng.below(4);
            for (uint32_t k = 0; k < milestones; ++k) {
                // Spread over the year, in order, a few weeks of jitter; month ends are popular due dates.
                const double at = (k + 1.0) / (milestones + 1.0) + rng.between(-0.06, 0.06);
                Time due =
                    period_start + static_cast<Time>(at * static_cast<double>(period_end - period_start));
                due -= due % kDay;
                write_milestone(out, rng, objective_id + "-M" + std::to_string(k + 1), spec.milestones[k],
                                due, period_start, as_of, &overdue);
            }
            out->end_array();
            out->end_object();
        }
        out->end_array();
        // The plan status is the CSAM's own call (usually, not always, prompted by overdue milestones);
        // the dashboard derives health from the milestones themselves.
        const bool flagged = overdue >= 2 ? rng.chance(0.6) : rng.chance(0.04);
        out->key("status");
        out->string(flagged ? "at_risk" : "active");
        out->end_object();
    }
    out->newline();
    out->end_array();
    out->end_object();
    out->newline();
    return customers.size();
}

}  // namespace cb::gen
