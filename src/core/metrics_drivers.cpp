// metrics_drivers.cpp: which case attributes go with dissatisfied customers (CSAT <= 2), and by how much.
//
// For each attribute the selected responses split into "with" and "without"; the dissatisfied rates of
// the two groups give the lift, a pooled two-proportion z test its p-value, and
// (rate_with - rate_without) x n_with the number of dissatisfied responses in excess of the baseline (the
// impact, which ranks the attributes). See docs/metrics.md.
#include <algorithm>
#include <cstdio>

#include "metrics_counts.h"

namespace cb {

static constexpr int kFixedDrivers = static_cast<int>(Driver::Aged) + 1;

static void finish_row(uint32_t responses, uint32_t dissatisfied, const MetricsOptions& opt, DriverRow* d) {
    d->n_without = responses - d->n_with;
    d->dissatisfied_without = dissatisfied - d->dissatisfied_with;
    d->rate_with = rate(d->dissatisfied_with, d->n_with);
    d->rate_without = rate(d->dissatisfied_without, d->n_without);
    d->lift = d->rate_without > 0 ? d->rate_with / d->rate_without : d->rate_with > 0 ? INFINITY : kNaN;
    d->p_value =
        two_proportion_p_value(d->dissatisfied_with, d->n_with, d->dissatisfied_without, d->n_without);
    d->impact = d->n_with && d->n_without ? (d->rate_with - d->rate_without) * d->n_with : 0;
    d->qualifies = d->n_with >= opt.driver_min_n && d->n_without > 0 && d->p_value < opt.driver_max_p &&
                   d->rate_with > d->rate_without;
}

// DriverCounts::n layout: responses, dissatisfied, the fixed drivers' pairs, then the queue and product
// pairs.
constexpr size_t kFixedAt = 2, kQueuesAt = kFixedAt + 2 * kFixedDrivers;

// Rows of the queue (or product) values with n >= driver_min_n, from their (responses, dissatisfied) pairs.
static void value_drivers(const KeyCodes& codes, const uint32_t* pairs, Driver driver, uint32_t responses,
                          uint32_t dissatisfied, const MetricsOptions& opt, DriverMetrics* out) {
    for (uint32_t code = 0; code < codes.keys.size(); ++code) {
        if (pairs[2 * code] == 0 || pairs[2 * code] < opt.driver_min_n) continue;
        DriverRow d;
        d.driver = driver;
        d.value = codes.keys[code];
        d.n_with = pairs[2 * code];
        d.dissatisfied_with = pairs[2 * code + 1];
        finish_row(responses, dissatisfied, opt, &d);
        out->rows.push_back(d);
    }
}

static std::string percent(double r) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", r * 100);
    return buf;
}

static Priority describe(const DriverRow& d, const StringPool& pool, const MetricsOptions& opt) {
    std::string value(pool.view(d.value)), age = std::to_string(opt.driver_age_days);
    struct Words {
        std::string label, with, without;
    };
    Words w;
    switch (d.driver) {
        case Driver::SlaBreached:
            w = {"SLA breaches", "with a breached resolution or first-response SLA", "without"};
            break;
        case Driver::Transfers:
            w = {"Transfers", "with 2+ transfers", "without"};
            break;
        case Driver::NoScope:
            w = {"No scope agreement", "with no agreed scope", "with one"};
            break;
        case Driver::LateFirstResponse:
            w = {"Late first response", "with a late first response", "without"};
            break;
        case Driver::Reopened:
            w = {"Reopened cases", "whose case was reopened", "otherwise"};
            break;
        case Driver::NotValidated:
            w = {"Solution not validated", "whose solution was not validated", "otherwise"};
            break;
        case Driver::Aged:
            w = {"Case age", "whose case took more than " + age + " days", "otherwise"};
            break;
        case Driver::Queue:
            w = {"Queue " + value, "in queue " + value, "elsewhere"};
            break;
        case Driver::Product:
            w = {"Product " + value, "with product " + value, "elsewhere"};
            break;
    }
    char stats[96];
    const char* p_text = d.p_value < 0.001 ? "p<0.001" : "p=";
    char p_buf[16] = "";
    if (d.p_value >= 0.001) std::snprintf(p_buf, sizeof p_buf, "%.3f", d.p_value);
    if (std::isfinite(d.lift)) {
        std::snprintf(stats, sizeof stats, "(%.1fx, n=%u, %s%s)", d.lift, d.n_with, p_text, p_buf);
    } else {
        std::snprintf(stats, sizeof stats, "(n=%u, %s%s)", d.n_with, p_text, p_buf);
    }
    Priority p{d, w.label, ""};
    p.sentence = w.label + ": " + percent(d.rate_with) + " of customers " + w.with +
                 " were dissatisfied vs " + percent(d.rate_without) + " " + w.without + " " + stats;
    return p;
}

static bool sla_usable(const Dataset& data, const SlaResults& sla) {
    for (const SlaClockColumns& k : sla.clocks)
        if (k.state.size() != data.cases.count) return false;
    return true;
}

void count_drivers(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                   const Selection& sel, Time as_of, const MetricsOptions& opt, DriverCounts* out) {
    std::vector<uint32_t>& n = out->n;
    n.clear();
    if (!opt.drivers) return;
    n.assign(kQueuesAt + 2 * (index.queue.keys.size() + index.product.keys.size()), 0);
    uint32_t* queues = n.data() + kQueuesAt;
    uint32_t* products = queues + 2 * index.queue.keys.size();
    const SurveyTable& s = data.surveys;
    const bool sla_ok = sla_usable(data, sla);
    const SlaState* first_response =
        sla_ok ? sla.clocks[static_cast<int>(SlaMetric::FirstResponse)].state.data() : nullptr;
    const SlaState* resolution =
        sla_ok ? sla.clocks[static_cast<int>(SlaMetric::Resolution)].state.data() : nullptr;
    const Time max_age = static_cast<Time>(opt.driver_age_days) * kSecondsPerDay;
    // Each response's drivers and whether it is dissatisfied are one code (bit k: driver k, bit 7: unhappy):
    // the loop counts codes, and the counts per driver come from the code counts.
    static_assert(kFixedDrivers <= 7, "the drivers and the unhappy bit share a byte");
    constexpr uint32_t kUnhappy = 1u << 7;
    uint32_t per_code[256] = {};
    for (uint32_t i : sel.survey_rows) {  // the responses with a CSAT score
        if (s.csat[i] < 1 || s.csat[i] > 5) continue;
        const uint32_t r = s.case_index[i];
        const bool unhappy = s.csat[i] <= 2;
        const bool late_fr = sla_ok && first_response[r] == SlaState::Noncompliant;
        const Time end = index.survey_case_end[i];
        const Time age = (has_time(end) ? end : as_of) - index.survey_case_created[i];
        const uint8_t flags = index.survey_case_flags[i];
        const bool has[kFixedDrivers] = {
            late_fr || (sla_ok && resolution[r] == SlaState::Noncompliant),
            (flags & kCaseFlagTransfers2) != 0,
            (flags & kCaseFlagNoScope) != 0,
            late_fr,
            (flags & kCaseFlagReopened) != 0,
            (flags & kCaseFlagNotValidated) != 0,
            (has_time(end) || has_time(as_of)) && age > max_age,
        };
        uint32_t code = unhappy ? kUnhappy : 0;
        for (int k = 0; k < kFixedDrivers; ++k) code |= has[k] ? 1u << k : 0;
        per_code[code]++;
        const uint32_t q = index.queue.survey_code[i], p = index.product.survey_code[i];
        queues[2 * q]++, queues[2 * q + 1] += unhappy;
        products[2 * p]++, products[2 * p + 1] += unhappy;
    }
    for (uint32_t code = 0; code < 256; ++code) {
        const uint32_t count = per_code[code], unhappy = code & kUnhappy ? count : 0;
        n[0] += count, n[1] += unhappy;
        for (int k = 0; k < kFixedDrivers; ++k)
            if (code >> k & 1) n[kFixedAt + 2 * k] += count, n[kFixedAt + 2 * k + 1] += unhappy;
    }
}

CB_FOR_SIZE void finish_drivers(const Dataset& data, const MetricsIndex& index, const SlaResults& sla,
                                const DriverCounts& counts, const MetricsOptions& opt, DriverMetrics* out) {
    DriverMetrics& dm = *out;
    dm.responses = dm.dissatisfied = 0;
    dm.rows.clear(), dm.top.clear();
    const std::vector<uint32_t>& n = counts.n;
    if (!opt.drivers || n.size() != kQueuesAt + 2 * (index.queue.keys.size() + index.product.keys.size()))
        return;
    dm.responses = n[0], dm.dissatisfied = n[1];
    const bool sla_ok = sla_usable(data, sla);
    for (int k = 0; k < kFixedDrivers; ++k) {
        DriverRow d;
        d.driver = static_cast<Driver>(k);
        const bool needs_sla = d.driver == Driver::SlaBreached || d.driver == Driver::LateFirstResponse;
        if (needs_sla && !sla_ok) continue;  // no clocks: no SLA drivers
        d.n_with = n[kFixedAt + 2 * k], d.dissatisfied_with = n[kFixedAt + 2 * k + 1];
        finish_row(dm.responses, dm.dissatisfied, opt, &d);
        dm.rows.push_back(d);
    }
    const uint32_t* queues = n.data() + kQueuesAt;
    value_drivers(index.queue, queues, Driver::Queue, dm.responses, dm.dissatisfied, opt, &dm);
    value_drivers(index.product, queues + 2 * index.queue.keys.size(), Driver::Product, dm.responses,
                  dm.dissatisfied, opt, &dm);
    auto before = [](const DriverRow& x, const DriverRow& y) {
        if (x.impact != y.impact) return x.impact > y.impact;
        if (x.p_value != y.p_value) return x.p_value < y.p_value;
        return x.driver != y.driver ? x.driver < y.driver : x.value < y.value;
    };
    // (A row per trait, queue and product: an insertion sort, for download size a std::sort would add.)
    for (size_t i = 1; i < dm.rows.size(); ++i)
        for (size_t j = i; j > 0 && before(dm.rows[j], dm.rows[j - 1]); --j)
            std::swap(dm.rows[j], dm.rows[j - 1]);
    for (const DriverRow& d : dm.rows)
        if (d.qualifies && dm.top.size() < 3) dm.top.push_back(describe(d, *data.strings, opt));
}

}  // namespace cb
