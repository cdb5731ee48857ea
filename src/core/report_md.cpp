// report_md.cpp: the weekly "top issues" digest in Markdown, for a support leader's mail to executives.
//
// The week is [as_of - 7 d, as_of); the previous week the 7 days before. Period figures come from event
// times (created, first response, end of case, survey submitted) over the board's selection and its SLA
// clocks, so the previous week is reconstructed exactly without replaying statuses (docs/report.md).
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "metrics.h"
#include "report.h"
#include "rollups.h"
#include "timestamp.h"
#include "tz.h"

namespace cb {

static constexpr Time kWeek = 7 * kSecondsPerDay;

// When a clock's event happened: first response (or the end of a case answered only by resolving it), or
// the end of the case for resolution and next update. kNoTime while outstanding.
static Time event_time(const CaseTable& c, SlaMetric m, uint32_t row) {
    if (m == SlaMetric::FirstResponse && has_time(c.first_response_at[row])) return c.first_response_at[row];
    return case_end_time(c, row);
}

PeriodFigures period_figures(const ReportInput& in, Time from, Time to) {
    PeriodFigures p;
    const CaseTable& c = in.data->cases;
    const SlaResults& sla = in.board->sla;
    auto within = [&](Time t) { return has_time(t) && t >= from && t < to; };
    for (uint32_t r : in.board->metrics.rows) {
        const Time created = c.created_at[r], end = case_end_time(c, r);
        p.arrivals += within(created);
        p.closures += within(end);
        p.open_at_end += has_time(created) && created <= to && (!has_time(end) || end > to);
        for (int m = 0; m < kSlaMetrics; ++m) {
            if (sla.clocks[m].state.size() <= r) continue;
            const SlaState s = sla.clocks[m].state[r];
            if ((s != SlaState::Succeeded && s != SlaState::Noncompliant) ||
                !within(event_time(c, static_cast<SlaMetric>(m), r)))
                continue;
            ++p.sla_done[m];
            p.sla_met[m] += s == SlaState::Succeeded;
        }
    }
    const SurveyTable& s = in.data->surveys;
    for (uint32_t r : in.board->metrics.satisfaction.survey_rows)
        if (within(s.submitted_at[r]))
            p.satisfaction.add_survey(s.csat[r], s.effort[r], s.resolved[r], s.nps[r]);
    return p;
}

namespace {

std::string format(const char* fmt, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// Markdown table cells and list items: one line, no pipe that would split the table.
std::string md_text(std::string_view s, size_t max_bytes) {
    std::string out;
    for (size_t i = 0; i < s.size() && out.size() < max_bytes; ++i) {
        const char ch = s[i];
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            out.push_back(' ');
        } else if (ch == '|' || ch == '*' || ch == '`' ||
                   (ch == '<' && i + 1 < s.size() &&
                    (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' ||
                     s[i + 1] == '!'))) {
            // Table separators, emphasis, code and the start of an HTML tag; "p<0.001" stays readable.
            out.push_back('\\'), out.push_back(ch);
        } else {
            out.push_back(ch);
        }
    }
    if (out.size() >= max_bytes) {
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();  // lead byte
        out += "…";
    }
    return out;
}

std::string name_of(const ReportInput& in, StrId id) {
    return id == kNoStr ? std::string("(none)") : md_text(in.strings->view(id), 80);
}

std::string local_time(const TimeZone& tz, Time t) {
    const int64_t local = utc_to_local(tz, t);
    const int64_t day =
        local >= 0 ? local / kSecondsPerDay : -((-local + kSecondsPerDay - 1) / kSecondsPerDay);
    const int64_t secs = local - day * kSecondsPerDay;
    int64_t y;
    unsigned m, d;
    civil_from_days(day, &y, &m, &d);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02d:%02d %s", static_cast<long long>(y), m, d,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), zone_abbreviation(tz, t));
    return buf;
}

// One KPI row: this week, last week and the change. Percentages change in points.
struct Kpi {
    std::string& out;
    void count(const char* label, uint32_t now, uint32_t before) {
        const long long delta = static_cast<long long>(now) - static_cast<long long>(before);
        char buf[160];
        std::snprintf(buf, sizeof buf, "| %s | %u | %u | %+lld |\n", label, now, before, delta);
        out += buf;
    }
    void value(const char* label, double now, double before, const char* fmt, const char* unit,
               const std::string& n_now, const std::string& n_before) {
        auto cell = [&](double v, const std::string& n) {
            return std::isfinite(v) ? format(fmt, v) + unit + n : std::string("n/a");
        };
        std::string change = "n/a";
        if (std::isfinite(now) && std::isfinite(before)) {
            change = format(fmt, now - before);
            if (now - before >= 0) change = "+" + change;
            if (unit[0] == '%') change += " pts";
        }
        out += std::string("| ") + label + " | " + cell(now, n_now) + " | " + cell(before, n_before) + " | " +
               change + " |\n";
    }
};

std::string n_of(uint32_t n) {
    return " (n=" + std::to_string(n) + ")";
}

void headline(const ReportInput& in, std::string& out) {
    const Time as_of = in.board->as_of;
    const PeriodFigures now = period_figures(in, as_of - kWeek, as_of);
    const PeriodFigures before = period_figures(in, as_of - 2 * kWeek, as_of - kWeek);
    out += "## Headline\n\n";
    if (uses_rollups(*in.data))  // the week columns replay case and survey times, which rollups do not hold
        out +=
            "Figures from rollups: the weekly columns need the raw cases; the line below the table "
            "holds.\n\n";
    out += "| KPI | This week | Previous week | Change |\n|---|---:|---:|---:|\n";
    Kpi k{out};
    k.count("Open cases (end of week)", now.open_at_end, before.open_at_end);
    k.count("New cases", now.arrivals, before.arrivals);
    k.count("Closed cases", now.closures, before.closures);
    const int fr = static_cast<int>(SlaMetric::FirstResponse), res = static_cast<int>(SlaMetric::Resolution);
    k.value("First response SLA met", percent_1dp(rate(now.sla_met[fr], now.sla_done[fr])),
            percent_1dp(rate(before.sla_met[fr], before.sla_done[fr])), "%.1f", "%", n_of(now.sla_done[fr]),
            n_of(before.sla_done[fr]));
    k.value("Resolution SLA met", percent_1dp(rate(now.sla_met[res], now.sla_done[res])),
            percent_1dp(rate(before.sla_met[res], before.sla_done[res])), "%.1f", "%",
            n_of(now.sla_done[res]), n_of(before.sla_done[res]));
    const SatCounts &sn = now.satisfaction, &sb = before.satisfaction;
    k.value("CSAT (mean, 1-5)", round_to(sn.csat.mean(), 2), round_to(sb.csat.mean(), 2), "%.2f", "",
            n_of(sn.csat.n), n_of(sb.csat.n));
    k.value("CSAT top-2 box", percent_1dp(sn.top2_rate()), percent_1dp(sb.top2_rate()), "%.1f", "%", "", "");
    k.value("Dissatisfied (CSAT 1-2)", percent_1dp(sn.dissatisfied_rate()),
            percent_1dp(sb.dissatisfied_rate()), "%.1f", "%", "", "");

    const Metrics& m = in.board->metrics;
    const SlaMetrics& s = m.sla;
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "\nRight now: %u open cases (A %u, B %u, C %u; %u system down), %u open SLA breaches "
                  "(first response %u, resolution %u, next update %u), %u clocks due within 24 h.\n\n",
                  m.backlog.open, m.backlog.open_by_severity[0], m.backlog.open_by_severity[1],
                  m.backlog.open_by_severity[2], m.backlog.system_down_open,
                  s.metric[fr].open_breaches + s.metric[res].open_breaches + s.metric[1].open_breaches,
                  s.metric[fr].open_breaches, s.metric[res].open_breaches, s.metric[1].open_breaches,
                  s.metric[0].nearing + s.metric[1].nearing + s.metric[2].nearing);
    out += buf;
}

void priorities(const ReportInput& in, std::string& out) {
    const DriverMetrics& d = in.board->metrics.drivers;
    out += "## Top three priorities\n\n";
    if (d.top.empty()) {
        out +=
            "No driver of dissatisfaction stands out yet (a driver needs enough responses, a significant "
            "difference and a higher dissatisfied share than without it).\n\n";
        return;
    }
    for (size_t i = 0; i < d.top.size(); ++i) {
        const DriverRow& r = d.top[i].row;
        char evidence[200];
        std::snprintf(evidence, sizeof evidence,
                      " Evidence: %u of %u responses dissatisfied with it, %u of %u without; about %.0f "
                      "dissatisfied customers in excess of the baseline.",
                      r.dissatisfied_with, r.n_with, r.dissatisfied_without, r.n_without, r.impact);
        // The sentence starts with the label; the digest shows the label in bold instead.
        const std::string& label = d.top[i].label;
        std::string_view sentence = d.top[i].sentence;
        if (sentence.rfind(label + ": ", 0) == 0) sentence.remove_prefix(label.size() + 2);
        out += std::to_string(i + 1) + ". **" + md_text(label, 120) + "**: " + md_text(sentence, 400) + "." +
               evidence + "\n";
    }
    out += "\n";
}

const SatCounts* sat_of(const std::vector<SatRow>& rows, StrId key) {
    for (const SatRow& r : rows)
        if (r.key == key) return &r.counts;
    return nullptr;
}

void worst_queues(const ReportInput& in, std::string& out) {
    const Metrics& m = in.board->metrics;
    out += "## Worst queues\n\n";
    size_t shown = 0;
    std::string table =
        "| Queue | Open | Cases with a breach | Breaches (FR / NU / Res) | CSAT | Dissatisfied |\n"
        "|---|---:|---:|---:|---:|---:|\n";
    for (const SlaBreakdownRow& q : m.sla.by_queue) {
        if (shown == 5 || q.breached_cases == 0) break;
        uint32_t open = 0;
        for (const QueueSeverityCount& o : m.backlog.open_by_queue)
            if (o.queue == q.key) open = o.total;
        const SatCounts* sat = sat_of(m.satisfaction.by_queue, q.key);
        const double csat = sat ? sat->csat.mean() : kNaN, diss = sat ? sat->dissatisfied_rate() : kNaN;
        char row[200];
        std::snprintf(row, sizeof row, " | %u | %u of %u | %u / %u / %u | %s | %s |\n", open,
                      q.breached_cases, q.cases, q.breaches[0], q.breaches[1], q.breaches[2],
                      std::isfinite(csat) ? format("%.2f", round_to(csat, 2)).c_str() : "n/a",
                      std::isfinite(diss) ? format("%.1f%%", percent_1dp(diss)).c_str() : "n/a");
        table += "| " + name_of(in, q.key) + row;
        ++shown;
    }
    out += shown ? table + "\n" : "No queue has a breached SLA.\n\n";
}

void verbatims(const ReportInput& in, std::string& out) {
    std::vector<uint32_t> rows;
    recent_dissatisfied(in, 5, &rows);
    out += "## Notable verbatims\n\n";
    if (rows.empty()) out += "No dissatisfied customer left a comment.\n";
    const SurveyTable& s = in.data->surveys;
    for (uint32_t r : rows) {
        const uint32_t c = s.case_index[r];
        out += "- \"" + md_text(s.verbatim[r], 300) + "\" (CSAT " + std::to_string(s.csat[r]) + ", case " +
               name_of(in, s.case_id[r]) + ", " +
               (c == kNoRow ? std::string("(no queue)") : name_of(in, in.data->cases.queue[c])) + ", " +
               format_iso8601(s.submitted_at[r]).substr(0, 10) + ")\n";
    }
}

}  // namespace

std::string report_markdown(const ReportInput& in) {
    TimeZone tz;
    if (!find_time_zone(in.time_zone, &tz)) find_time_zone("UTC", &tz);
    const Time as_of = in.board->as_of;
    std::string out = "# Top issues: " + md_text(in.title, 120) + "\n\n";
    out += "Week " + local_time(tz, as_of - kWeek) + " to " + local_time(tz, as_of) + " (" +
           md_text(in.time_zone, 60) + "), as of " + format_iso8601(as_of) + ".";
    if (!in.filter_args.empty()) {
        out += " Filter:";
        for (const std::string& f : in.filter_args) out += " `" + f + "`";
    }
    out += "\n\n";
    headline(in, out);
    priorities(in, out);
    worst_queues(in, out);
    verbatims(in, out);
    size_t failed = 0;
    if (in.loads)
        for (const FeedLoad& l : *in.loads) failed += l.state == LoadState::Failed;
    if (failed)
        out += "\n_" + std::to_string(failed) +
               " feed(s) could not be loaded; figures use the data that did._\n";
    return out;
}

}  // namespace cb
