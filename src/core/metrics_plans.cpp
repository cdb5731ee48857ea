// metrics_plans.cpp: Customer Success Plan progress and health, rolled up by CSAM and by customer.
#include <algorithm>
#include <cmath>

#include "metrics_counts.h"

namespace cb {

const char* to_string(PlanHealth h) {
    static const char* const kNames[] = {"on_track", "at_risk", "late", "done"};
    return kNames[static_cast<int>(h) % kPlanHealths];
}

// Badness order for roll-ups: late > at_risk > on_track > done.
static int badness(PlanHealth h) {
    static const int kBadness[] = {1, 2, 3, 0};
    return kBadness[static_cast<int>(h) % kPlanHealths];
}

static bool is_done(const Milestone& m) {
    return m.status == MilestoneStatus::Done;
}
static double weight_of(const Milestone& m) {
    return m.weight > 0 && std::isfinite(m.weight) ? m.weight : 1.0;
}

struct ProgressInputs {
    Time as_of, late_after_s;
    double weight_due = 0;
    bool any_due_date = false;
};

static void add_milestone(const Milestone& m, ProgressInputs* in, Progress* p) {
    const double w = weight_of(m);
    p->milestones++;
    p->weight_total += w;
    if (has_time(m.due)) {
        in->any_due_date = true;
        if (m.due <= in->as_of) in->weight_due += w;
    }
    if (is_done(m)) {
        p->done++;
        p->weight_done += w;
        return;
    }
    p->blocked += m.status == MilestoneStatus::Blocked;
    if (has_time(m.due) && m.due < in->as_of) {
        p->overdue++;
        p->late = p->late || in->as_of - m.due > in->late_after_s;
    }
}

// The health rule (docs/metrics.md): done > late > at_risk > on_track, first that applies.
static void finish_progress(const SuccessPlan& plan, const ProgressInputs& in, double gap, Progress* p) {
    p->progress = rate(p->weight_done, p->weight_total);
    if (in.any_due_date) {
        p->expected = rate(in.weight_due, p->weight_total);
    } else if (has_time(plan.period_start) && has_time(plan.period_end) &&
               plan.period_end > plan.period_start) {
        double share = double(in.as_of - plan.period_start) / double(plan.period_end - plan.period_start);
        p->expected = std::min(1.0, std::max(0.0, share));
    }
    const bool period_over = has_time(plan.period_end) && plan.period_end < in.as_of;
    const bool behind = p->progress < p->expected - gap - 1e-9;  // false when either is NaN
    if (p->milestones > 0 && p->done == p->milestones) {
        p->health = PlanHealth::Done;
    } else if (p->late || period_over) {
        p->health = PlanHealth::Late;
    } else if (p->overdue > 0 || p->blocked > 0 || behind) {
        p->health = PlanHealth::AtRisk;
    } else {
        p->health = PlanHealth::OnTrack;
    }
}

// Roll-ups list the worst health first, then by name.
static bool rollup_before(const PlanRollup& x, const PlanRollup& y, const StringPool& pool) {
    if (x.worst != y.worst) return badness(x.worst) > badness(y.worst);
    return pool.view(x.key) < pool.view(y.key);
}

// Roll-up of the plan rows by the plans' CSAM (owner) or customer.
static void roll_up(const Dataset& data, const std::vector<PlanRow>& plans, bool by_customer, KeyIndex* keys,
                    std::vector<PlanRollup>* out) {
    out->clear();
    std::vector<MeanAccumulator> progress;
    for (const PlanRow& row : plans) {
        const SuccessPlan& plan = data.plans[row.plan];
        StrId key = by_customer ? plan.customer : plan.owner;
        if (key >= data.strings->size()) key = kNoStr;
        uint32_t s = keys->slot(key);
        if (s == out->size()) out->push_back({}), out->back().key = key, progress.emplace_back();
        PlanRollup& r = (*out)[s];
        const Progress& p = row.progress;
        r.plans++;
        r.by_health[static_cast<int>(p.health)]++;
        if (r.plans == 1 || badness(p.health) > badness(r.worst)) r.worst = p.health;
        r.milestones += p.milestones, r.done += p.done, r.overdue += p.overdue;
        if (!std::isnan(p.progress)) progress[s].add(p.progress);
    }
    for (size_t s = 0; s < out->size(); ++s) (*out)[s].progress_mean = progress[s].mean();
}

// Per customer with a plan: the plan roll-up beside the customer's selected open cases and CSAT.
void count_customers(const MetricsIndex& index, const Selection& sel, const MetricsOptions& opt,
                     CustomerCounts* out) {
    out->open.clear();
    if (!opt.plans) return;
    out->open.assign(index.customer.keys.size(), 0);
    for (uint32_t r : sel.open_rows) out->open[index.customer.case_code[r]]++;
}

void join_plan_customers(const Dataset& data, const MetricsIndex& index, const CustomerCounts& customers,
                         const SatisfactionCounts& satisfaction, const MetricsOptions& opt, Metrics* out) {
    PlanMetrics& pm = out->plans;
    const KeyCodes& codes = index.customer;
    if (!opt.plans || pm.plans.empty() || customers.open.size() != codes.keys.size() ||
        satisfaction.by_customer.size() != codes.keys.size()) {
        pm.by_customer.clear();
        return;
    }
    // The roll-ups and their order depend on the plans alone: rows left by the last join (compute_plans
    // clears them with the plans) only take the new counts.
    KeyIndex& keys = out->scratch.keys;
    const bool new_rows = pm.by_customer.empty();
    if (new_rows) {
        std::vector<PlanRollup> rollups;
        roll_up(data, pm.plans, true, &keys, &rollups);  // keys keeps the customer slots for the join below
        for (const PlanRollup& r : rollups) pm.by_customer.push_back({r, 0, {}});
    } else {
        for (CustomerPlanRow& row : pm.by_customer)
            keys.slot(row.plans.key), row.open_cases = 0, row.csat = {};
    }
    for (uint32_t code = 0; code < codes.keys.size(); ++code) {
        const uint32_t slot = keys.find(codes.keys[code]);
        if (slot == UINT32_MAX) continue;
        CustomerPlanRow& row = pm.by_customer[slot];
        row.open_cases += customers.open[code];
        const uint32_t* csat = satisfaction.by_customer[code].csat;
        for (int v = 1; v <= 5; ++v)  // sums of small integers: exact, in any order
            row.csat.n += csat[v], row.csat.sum += double(v) * csat[v],
                row.csat.sum_sq += double(v * v) * csat[v];
    }
    keys.reset();
    const StringPool& pool = *data.strings;
    if (new_rows)
        std::sort(pm.by_customer.begin(), pm.by_customer.end(),
                  [&](const CustomerPlanRow& x, const CustomerPlanRow& y) {
                      return rollup_before(x.plans, y.plans, pool);
                  });
}

static void list_milestones(const Dataset& data, Time as_of, const MetricsOptions& opt, PlanMetrics* pm) {
    const Time horizon = as_of + 30 * kSecondsPerDay;
    for (PlanRow& row : pm->plans) {
        const SuccessPlan& plan = data.plans[row.plan];
        for (uint32_t o = 0; o < plan.objectives.size(); ++o) {
            const std::vector<Milestone>& ms = plan.objectives[o].milestones;
            for (uint32_t m = 0; m < ms.size(); ++m) {
                if (is_done(ms[m]) || !has_time(ms[m].due)) continue;
                const Time due = ms[m].due;
                if (due < as_of) {
                    pm->overdue.push_back({row.plan, o, m, due});
                } else if (due < horizon) {
                    pm->due_soon.push_back({row.plan, o, m, due});
                    row.due_30++;
                    row.due_14 += due < as_of + 14 * kSecondsPerDay;
                }
            }
        }
    }
    auto by_due = [](const MilestoneRef& x, const MilestoneRef& y) {
        if (x.due != y.due) return x.due < y.due;
        if (x.plan != y.plan) return x.plan < y.plan;
        return x.objective != y.objective ? x.objective < y.objective : x.milestone < y.milestone;
    };
    for (std::vector<MilestoneRef>* list : {&pm->due_soon, &pm->overdue}) {
        size_t n = std::min<size_t>(opt.list_limit, list->size());
        std::partial_sort(list->begin(), list->begin() + n, list->end(), by_due);
        list->resize(n);
    }
}

void compute_plans(const Dataset& data, const Filter& filter, Time as_of, const MetricsOptions& opt,
                   Metrics* out) {
    PlanMetrics& pm = out->plans;
    for (uint32_t& n : pm.by_health) n = 0;
    pm.plans.clear(), pm.objectives.clear(), pm.due_soon.clear(), pm.overdue.clear();
    pm.by_csam.clear(), pm.by_customer.clear();
    if (!opt.plans || !has_time(as_of)) return;
    const Time late_after_s = static_cast<Time>(opt.plan_late_days) * kSecondsPerDay;
    for (uint32_t i = 0; i < data.plans.size(); ++i) {
        const SuccessPlan& plan = data.plans[i];
        if (!filter.customer.empty() &&
            std::find(filter.customer.begin(), filter.customer.end(), plan.customer) == filter.customer.end())
            continue;
        PlanRow row{i, {}, 0, 0};
        ProgressInputs plan_in{as_of, late_after_s};
        for (uint32_t o = 0; o < plan.objectives.size(); ++o) {
            ObjectiveRow obj{i, o, {}};
            ProgressInputs obj_in{as_of, late_after_s};
            for (const Milestone& m : plan.objectives[o].milestones) {
                add_milestone(m, &obj_in, &obj.progress);
                add_milestone(m, &plan_in, &row.progress);
            }
            finish_progress(plan, obj_in, opt.plan_gap, &obj.progress);
            pm.objectives.push_back(obj);
        }
        finish_progress(plan, plan_in, opt.plan_gap, &row.progress);
        pm.by_health[static_cast<int>(row.progress.health)]++;
        pm.plans.push_back(row);
    }
    list_milestones(data, as_of, opt, &pm);
    roll_up(data, pm.plans, false, &out->scratch.keys, &pm.by_csam);
    out->scratch.keys.reset();
    const StringPool& pool = *data.strings;
    std::sort(pm.by_csam.begin(), pm.by_csam.end(),
              [&](const PlanRollup& x, const PlanRollup& y) { return rollup_before(x, y, pool); });
}

}  // namespace cb
