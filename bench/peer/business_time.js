// business_time.js: business-hours arithmetic for the peer dashboard, the way a careful JavaScript
// dashboard would do it: the zone's UTC offsets come from Intl.DateTimeFormat, and for every local day of
// the data's span the working spans are precomputed as UTC instants, with the business seconds counted
// before each day. A clock reading is then one table look-up plus at most a few spans (docs/sla.md).
// Times are seconds since 1970 (UTC); NaN means "no time".

const DAY = 86400;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// utcSeconds -> the zone's offset in seconds at that instant. Unknown zones count in UTC, as the C++ does.
export function offsetFunction(timeZone) {
    let format;
    try {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
            hour: 'numeric', minute: 'numeric', second: 'numeric',
        });
    } catch {
        return () => 0;
    }
    if (timeZone === 'UTC') return () => 0;
    const memo = new Map();  // formatToParts is slow, and day edges ask for the same instants again
    return (t) => {
        let offset = memo.get(t);
        if (offset === undefined) {
            const p = {};
            for (const part of format.formatToParts(new Date(t * 1000))) p[part.type] = Number(part.value);
            offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) / 1000 - t;
            memo.set(t, offset);
        }
        return offset;
    };
}

// Local wall time (seconds since 1970 as if UTC) -> UTC. A wall time in the spring-forward gap moves
// forward by the gap; one that happens twice (autumn) is its first occurrence.
function localToUtc(offsetAt, local) {
    const before = offsetAt(local - DAY), after = offsetAt(local + DAY);
    if (before === after) return local - before;
    const early = local - before, late = local - after;
    const earlyOk = offsetAt(early) === before, lateOk = offsetAt(late) === after;
    if (earlyOk && lateOk) return Math.min(early, late);
    if (lateOk) return late;
    return early;  // valid, or inside the gap: the offset before the change moves it forward
}

function minutes(text) {
    const m = /^(\d\d):(\d\d)$/.exec(text);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

// Per weekday (Monday first) the sorted, merged [start, end) minutes; spans crossing midnight are split.
function normalizeWeek(weekly) {
    const week = WEEKDAYS.map(() => []);
    WEEKDAYS.forEach((name, d) => {
        for (const [a, b] of (weekly && weekly[name]) || []) {
            const begin = Math.min(Math.max(minutes(a), 0), 1440), end = Math.min(Math.max(minutes(b), 0), 1440);
            if (!(begin === begin && end === end)) continue;
            if (begin < end) {
                week[d].push([begin, end]);
            } else if (end < begin) {
                week[d].push([begin, 1440]);
                if (end > 0) week[(d + 1) % 7].push([0, end]);
            }
        }
    });
    return week.map((spans) => {
        spans.sort((x, y) => x[0] - y[0]);
        const merged = [];
        for (const s of spans) {
            const last = merged[merged.length - 1];
            if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
            else merged.push([s[0], s[1]]);
        }
        return merged;
    });
}

const localDay = (text) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000 / DAY : NaN;
};

// The index over the local days holding [first, last], one day either side, and far enough beyond `last`
// to count `reachSeconds` more business seconds (so deadlines after as_of are found).
export function buildCalendar(calendar, first, last, reachSeconds) {
    const offsetAt = offsetFunction(calendar.time_zone || 'UTC');
    const week = normalizeWeek(calendar.weekly);
    let weeklySeconds = 0;
    for (const spans of week) for (const [a, b] of spans) weeklySeconds += (b - a) * 60;
    const holidays = new Set((calendar.holidays || []).map(localDay));
    const firstDay = Math.floor((first + offsetAt(first)) / DAY) - 1;
    const reachDays = weeklySeconds > 0 && reachSeconds > 0
        ? (Math.floor(reachSeconds / weeklySeconds) + 2) * 7 + (calendar.holidays || []).length : 0;
    const lastDay = Math.floor((last + offsetAt(last)) / DAY) + 1 + reachDays;
    const days = lastDay - firstDay + 1;
    const dayStart = new Float64Array(days + 1);
    for (let i = 0; i <= days; ++i) dayStart[i] = localToUtc(offsetAt, (firstDay + i) * DAY);
    const counted = new Float64Array(days + 1);
    const spanBegin = new Uint32Array(days + 1);  // day i's spans are spans[2*spanBegin[i] .. 2*spanBegin[i+1])
    const spans = [];
    for (let i = 0; i < days; ++i) {
        spanBegin[i] = spans.length / 2;
        let worked = 0;
        const day = firstDay + i;
        if (!holidays.has(day)) {
            const midnight = dayStart[i], regular = dayStart[i + 1] - midnight === DAY;
            for (const [a, b] of week[(((day + 3) % 7) + 7) % 7]) {  // 1970-01-01 was a Thursday
                const begin = regular ? midnight + a * 60 : localToUtc(offsetAt, day * DAY + a * 60);
                const end = regular ? midnight + b * 60 : Math.max(begin, localToUtc(offsetAt, day * DAY + b * 60));
                spans.push(begin, end);
                worked += end - begin;
            }
        }
        counted[i + 1] = counted[i] + worked;
    }
    spanBegin[days] = spans.length / 2;
    return {days, dayStart, counted, spanBegin, spans: Float64Array.from(spans)};
}

function dayOf(x, t) {
    let i = Math.min(Math.max(Math.floor((t - x.dayStart[0]) / DAY), 0), x.days - 1);
    while (i > 0 && x.dayStart[i] > t) --i;
    while (i + 1 < x.days && x.dayStart[i + 1] <= t) ++i;
    return i;
}

// Business seconds counted from the start of the index to t.
export function clockAt(x, t) {
    if (t <= x.dayStart[0]) return 0;
    if (t >= x.dayStart[x.days]) return x.counted[x.days];
    const i = dayOf(x, t);
    let n = x.counted[i];
    for (let k = x.spanBegin[i]; k < x.spanBegin[i + 1]; ++k) {
        const b = x.spans[2 * k], e = x.spans[2 * k + 1];
        if (t > b) n += Math.min(t, e) - b;
    }
    return n;
}

// The instant at which `seconds` business seconds have been counted since `from`; NaN beyond the index.
export function addBusiness(x, from, seconds) {
    if (seconds <= 0) return from;
    if (seconds > x.counted[x.days]) return NaN;
    const target = clockAt(x, from) + seconds;
    let lo = 1, hi = x.days + 1;  // first index >= 1 with counted >= target
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x.counted[mid] < target) lo = mid + 1;
        else hi = mid;
    }
    if (lo > x.days) return NaN;
    const i = lo - 1;
    let left = target - x.counted[i];
    for (let k = x.spanBegin[i]; k < x.spanBegin[i + 1]; ++k) {
        const b = x.spans[2 * k], e = x.spans[2 * k + 1];
        if (left <= e - b) return b + left;
        left -= e - b;
    }
    return NaN;
}
