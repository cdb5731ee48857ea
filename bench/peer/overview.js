// overview.js: the peer dashboard's figures, computed from parsed JSON feeds in plain JavaScript: what a
// web dashboard that fetches JSON and aggregates in the browser would do. Same definitions as Caseboard
// (docs/metrics.md, docs/sla.md): open cases by status and severity; first response and resolution SLA
// clocks with pauses, business calendars in their time zones and the policy feed's targets; CSAT mean and
// top-2 box; effort mean; success plans by health. Returns the figures in the report's JSON form
// (docs/report.md) so they can be compared member by member with Caseboard's.
import {addBusiness, buildCalendar, clockAt} from './business_time.js';

const STATUSES = ['new', 'in_progress', 'waiting_customer', 'on_hold', 'resolved', 'closed', 'cancelled'];
const SEVERITIES = ['A', 'B', 'C'];
const SLA_STATES = ['in_progress', 'nearing_noncompliance', 'paused', 'succeeded', 'noncompliant', 'cancelled',
                    'not_applicable'];
const HEALTHS = ['on_track', 'at_risk', 'late', 'done'];
const CLOSED = new Set(['resolved', 'closed', 'cancelled']);
const DEFAULT_PAUSING = ['waiting_customer', 'on_hold'];

const time = (v) => (typeof v === 'string' && v ? Date.parse(v) / 1000 : typeof v === 'number' ? v : NaN);
const has = (t) => t === t;  // not NaN
const isOpen = (status) => !CLOSED.has(status);
const isDone = (status) => status === 'resolved' || status === 'closed';
const records = (doc, key) => (Array.isArray(doc) ? doc : (doc && doc[key]) || []);
const countsOf = (names) => Object.fromEntries(names.map((n) => [n, 0]));

// Rounded as the report writes numbers: halves away from zero; no data is null.
function round(x, digits) {
    if (!Number.isFinite(x)) return null;
    const p = 10 ** digits;
    return Math.sign(x) * Math.round(Math.abs(x) * p) / p;
}
const pct = (num, den) => (den ? round((100 * num) / den, 1) : null);

// ---- SLA policies: offering x severity x metric -> {seconds, warning, calendar index or null} ----------
function buildTargets(policies, calendars, first, asOf) {
    const byName = new Map();
    for (const c of calendars) if (c && c.name && !byName.has(c.name)) byName.set(c.name, c);
    const reach = new Map();  // calendar -> longest target on it
    const chosen = new Map();
    for (const t of policies.targets || []) {
        if (!(t.target_minutes > 0) || t.metric === 'next_update') continue;
        const key = `${t.offering || '*'}|${t.severity}|${t.metric}`;
        if (chosen.has(key)) continue;  // the first entry listed wins
        const business = t.hours === 'business';
        const cal = business ? (t.calendar ? byName.get(t.calendar) : calendars[0]) : null;
        if (business && !cal) continue;
        const seconds = t.target_minutes * 60;
        if (cal) reach.set(cal, Math.max(reach.get(cal) || 0, seconds));
        chosen.set(key, {seconds, warning: Math.fround((t.warning_pct || 75) / 100), cal});
    }
    const indexes = new Map();
    for (const [cal, seconds] of reach) indexes.set(cal, buildCalendar(cal, first, asOf, seconds));
    for (const target of chosen.values()) target.index = target.cal ? indexes.get(target.cal) : null;
    return (offering, severity, metric) =>
        chosen.get(`${offering}|${severity}|${metric}`) || chosen.get(`*|${severity}|${metric}`);
}

const counted = (x, a, b) => (b <= a ? 0 : x ? clockAt(x, b) - clockAt(x, a) : b - a);
const addCounted = (x, from, s) => (x ? addBusiness(x, from, s) : from + s);

// Pause intervals [begin, end) from the status history, and whether the case is paused at as_of.
function pausesOf(c, pausing, asOf) {
    const history = (c.status_history || []).map((h) => ({status: h.status, at: time(h.at)}))
        .filter((h) => has(h.at));
    history.sort((x, y) => x.at - y.at);
    let pausedNow = history.length === 0 && pausing.has(c.status);
    const pauses = [];
    history.forEach((h, k) => {
        const pauses_clock = pausing.has(h.status);
        if (h.at <= asOf) pausedNow = pauses_clock;
        if (!pauses_clock) return;
        const until = k + 1 < history.length ? history[k + 1].at : Infinity;
        if (until <= h.at) return;
        const last = pauses[pauses.length - 1];
        if (last && last.end >= h.at) last.end = Math.max(last.end, until);
        else pauses.push({begin: h.at, end: until});
    });
    return {pauses, pausedNow};
}

// A case's timestamps, parsed once for its clocks.
const timesOf = (c) => ({created: time(c.created_at), firstResponse: time(c.first_response_at),
                         resolved: time(c.resolved_at), closed: time(c.closed_at)});

// One first-response or resolution clock: {state, deadline}.
function eventClock(c, times, metric, target, asOf, paused) {
    const start = times.created, closedAt = times.closed;
    const resolvedAt = has(times.resolved) ? times.resolved : closedAt;
    let stop = metric === 'resolution' ? resolvedAt : times.firstResponse;
    if (!has(stop) && metric === 'first_response' && isDone(c.status)) stop = resolvedAt;
    if (!has(start) || start > asOf) return {state: 'not_applicable'};
    if (!has(stop) && isDone(c.status)) return {state: 'not_applicable'};
    if (has(stop) && stop > asOf) stop = NaN;
    const cancelled = !has(stop) && c.status === 'cancelled';
    let end = has(stop) ? Math.max(stop, start) : asOf;
    if (cancelled && has(closedAt) && closedAt <= asOf) end = Math.max(closedAt, start);

    const x = target.index;
    let elapsed = 0, reached = NaN, t = start;
    const segment = (a, b) => {
        const n = counted(x, a, b);
        if (!has(reached) && elapsed + n >= target.seconds && n > 0) reached = addCounted(x, a, target.seconds - elapsed);
        elapsed += n;
    };
    let ended = false;
    for (const p of paused.pauses) {
        if (p.end <= t) continue;
        if (p.begin >= end) break;
        segment(t, p.begin);
        t = Math.max(t, p.end);
        if (t >= end) {
            ended = true;
            break;
        }
    }
    if (!ended) segment(t, end);
    if (cancelled) return {state: 'cancelled'};
    if (has(stop)) return {state: elapsed <= target.seconds ? 'succeeded' : 'noncompliant'};
    if (elapsed > target.seconds) return {state: 'noncompliant'};
    if (paused.pausedNow) return {state: 'paused'};
    const deadline = has(reached) ? reached : addCounted(x, asOf, target.seconds - elapsed);
    return {state: elapsed >= target.warning * target.seconds ? 'nearing_noncompliance' : 'in_progress', deadline};
}

function slaSummary() {
    return {states: countsOf(SLA_STATES), breached_done: 0, open_breaches: 0, deadline_soon: 0};
}

// ---- success plans ---------------------------------------------------------------------------------
function planHealth(plan, asOf) {
    const lateAfter = 14 * 86400;
    let milestones = 0, done = 0, overdue = 0, blocked = 0, late = false, total = 0, weightDone = 0,
        weightDue = 0, anyDue = false;
    for (const o of plan.objectives || []) {
        for (const m of o.milestones || []) {
            const w = m.weight > 0 && Number.isFinite(m.weight) ? Math.fround(m.weight) : 1;
            const due = time(m.due);
            milestones++, total += w;
            if (has(due)) {
                anyDue = true;
                if (due <= asOf) weightDue += w;
            }
            if (m.status === 'done') {
                done++, weightDone += w;
                continue;
            }
            if (m.status === 'blocked') blocked++;
            if (has(due) && due < asOf) overdue++, late = late || asOf - due > lateAfter;
        }
    }
    const start = time(plan.period_start), end = time(plan.period_end);
    const progress = total ? weightDone / total : NaN;
    let expected = NaN;
    if (anyDue) expected = total ? weightDue / total : NaN;
    else if (has(start) && has(end) && end > start) expected = Math.min(1, Math.max(0, (asOf - start) / (end - start)));
    if (milestones > 0 && done === milestones) return 'done';
    if (late || (has(end) && end < asOf)) return 'late';
    if (overdue > 0 || blocked > 0 || progress < expected - 0.15 - 1e-9) return 'at_risk';
    return 'on_track';
}

// feeds: {cases, surveys, plans, sla, calendars} as parsed documents; asOf in seconds.
export function computeOverview(feeds, asOf) {
    const cases = records(feeds.cases, 'cases');
    const surveys = records(feeds.surveys, 'surveys');
    const plans = records(feeds.plans, 'plans');
    const policies = feeds.sla || {};
    const calendars = (feeds.calendars && feeds.calendars.calendars) || [];
    const pausing = new Set(policies.pausing_statuses || DEFAULT_PAUSING);

    const byStatus = countsOf(STATUSES), bySeverity = countsOf(SEVERITIES), openBySeverity = countsOf(SEVERITIES);
    let open = 0, first = asOf;
    const caseIndex = new Map();
    for (let i = 0; i < cases.length; ++i) {
        const c = cases[i];
        caseIndex.set(c.id, i);
        byStatus[c.status]++;
        bySeverity[c.severity]++;
        if (isOpen(c.status)) open++, openBySeverity[c.severity]++;
        const created = time(c.created_at);
        if (created < first) first = created;
    }

    const targetFor = buildTargets(policies, calendars, first, asOf);
    const sla = {first_response: slaSummary(), resolution: slaSummary()};
    const horizon = asOf + 24 * 3600;
    for (const c of cases) {
        let paused = null, times = null;
        for (const metric of ['first_response', 'resolution']) {
            const target = targetFor(c.offering, c.severity, metric);
            const s = sla[metric];
            if (!target) {
                s.states.not_applicable++;
                continue;
            }
            paused = paused || pausesOf(c, pausing, asOf);
            times = times || timesOf(c);
            const clock = eventClock(c, times, metric, target, asOf, paused);
            s.states[clock.state]++;
            if (clock.state === 'noncompliant') {
                const happened = metric === 'first_response' ? has(times.firstResponse) : !isOpen(c.status);
                if (happened) s.breached_done++;
                else s.open_breaches++;
            } else if (has(clock.deadline) && clock.deadline >= asOf && clock.deadline < horizon) {
                s.deadline_soon++;
            }
        }
    }

    let responses = 0, csatN = 0, csatSum = 0, top2 = 0, effortN = 0, effortSum = 0;
    for (const s of surveys) {
        if (!caseIndex.has(s.case_id)) continue;  // surveys of unknown cases do not count
        responses++;
        if (s.csat >= 1 && s.csat <= 5) csatN++, csatSum += s.csat, top2 += s.csat >= 4;
        if (s.effort >= 1 && s.effort <= 7) effortN++, effortSum += s.effort;
    }

    const byHealth = countsOf(HEALTHS);
    for (const p of plans) byHealth[planHealth(p, asOf)]++;

    const slaOut = {};
    for (const [metric, s] of Object.entries(sla)) {
        const met = s.states.succeeded;
        slaOut[metric] = {...s.states, breached_done: s.breached_done, open_breaches: s.open_breaches,
                          attainment_pct: pct(met, met + s.breached_done),
                          attainment_all_pct: pct(met, met + s.breached_done + s.open_breaches),
                          deadline_soon: s.deadline_soon};
    }
    return {
        cases: {total: cases.length, open, by_status: byStatus, by_severity: bySeverity, open_by_severity: openBySeverity},
        sla: slaOut,
        satisfaction: {responses, csat_n: csatN, csat_mean: csatN ? round(csatSum / csatN, 2) : null,
                       csat_top2_pct: pct(top2, csatN), effort_n: effortN,
                       effort_mean: effortN ? round(effortSum / effortN, 2) : null},
        plans: {total: plans.length, by_health: byHealth},
    };
}

// The same members picked from Caseboard's report (state().report / `caseboard report`), for comparison.
export function overviewOfReport(r) {
    const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    const slaKeys = [...SLA_STATES, 'breached_done', 'open_breaches', 'attainment_pct', 'attainment_all_pct',
                     'deadline_soon'];
    return {
        cases: pick(r.cases, ['total', 'open', 'by_status', 'by_severity', 'open_by_severity']),
        sla: {first_response: pick(r.sla.first_response, slaKeys), resolution: pick(r.sla.resolution, slaKeys)},
        satisfaction: pick(r.satisfaction, ['responses', 'csat_n', 'csat_mean', 'csat_top2_pct', 'effort_n', 'effort_mean']),
        plans: pick(r.plans, ['total', 'by_health']),
    };
}

// Paths where two overviews differ: ["sla.resolution.noncompliant: 12 vs 13", ...].
export function differences(a, b, path = '') {
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
    }
    return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}
