// parity.mjs: sql/rollups.duckdb.sql gives the same figures as the raw feeds.
//
// Generates an organisation with the native `caseboard generate`, runs the DuckDB SQL on its cases.json and
// surveys.json, writes a manifest with only the rollups feed (and the generated manifest's as_of), then
// compares `caseboard report --format json` of both manifests, figure by figure, under several filters.
// Counts must be equal; other numbers within 1e-9. A negative control changes one rollup count and expects
// the comparison to see it, so the test cannot pass by comparing nothing.
//
//   node tests/rollups/parity.mjs [--cli build/native/caseboard] [--cases 4000] [--seed 7] [--keep]
// Ends with "rollups: N passed, N failed"; exit status 1 on any failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
};
const cli = path.resolve(arg('--cli', path.join(root, 'build/native/caseboard')));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseboard-rollups-'));
let passed = 0, failed = 0;

function report(manifest, filters) {
    const args = ['report', '--format', 'json', ...filters.flatMap((f) => ['--filter', f]), manifest];
    return JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

// Paths where a and b differ (numbers within 1e-9, integers exactly), at most `limit`.
function differences(a, b, where, out, limit = 20) {
    if (out.length >= limit) return out;
    if (typeof a === 'number' && typeof b === 'number') {
        const ok = Number.isInteger(a) && Number.isInteger(b) ? a === b : Math.abs(a - b) <= 1e-9;
        if (!ok) out.push(`${where}: raw ${a}, rollups ${b}`);
    } else if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) out.push(`${where}: raw has ${a.length} entries, rollups ${b.length}`);
        for (let i = 0; i < Math.min(a.length, b.length); ++i) differences(a[i], b[i], `${where}[${i}]`, out, limit);
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], `${where}.${k}`, out, limit);
    } else if (a !== b) {
        out.push(`${where}: raw ${JSON.stringify(a)}, rollups ${JSON.stringify(b)}`);
    }
    return out;
}

// The figures rollups give (docs/metrics.md, "From rollups"); over a time range only the case counts.
const kSatLists = ['by_queue', 'by_offering', 'by_severity', 'monthly'];
function rollupFigures(r, timed) {
    const c = r.cases;
    const figures = { total: c.total, open: c.open, by_severity: c.by_severity,
                      open_by_severity: c.open_by_severity, open_by_queue: c.open_by_queue };
    if (timed) return figures;
    figures.weekly = c.weekly;
    const { drivers, by_product, by_owner, by_customer, ...satisfaction } = r.satisfaction;
    figures.satisfaction = satisfaction;
    return figures;
}

function check(name, ok, detail) {
    ok ? ++passed : ++failed;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : '\n    ' + detail}`);
}

// 1. data and rollups
execFileSync(cli, ['generate', '--cases', arg('--cases', '4000'), '--seed', arg('--seed', '7'), '--out', dir]);
const sql = fs.readFileSync(path.join(root, 'sql/rollups.duckdb.sql'), 'utf8')
    .replaceAll('{{cases}}', path.join(dir, 'cases.json'))
    .replaceAll('{{surveys}}', path.join(dir, 'surveys.json'))
    .replaceAll('{{out}}', path.join(dir, 'rollups.json'));
const db = await DuckDBInstance.create(':memory:');
await (await db.connect()).run(sql);
const generated = JSON.parse(fs.readFileSync(path.join(dir, 'feeds.json'), 'utf8'));
const rollupsManifest = (file) => {
    const m = path.join(dir, `rollups-${file}.feeds.json`);
    fs.writeFileSync(m, JSON.stringify({ title: 'rollups', as_of: generated.as_of,
                                         feeds: [{ name: 'rollups', kind: 'rollups', url: file }] }));
    return m;
};
const raw = path.join(dir, 'feeds.json'), rolled = rollupsManifest('rollups.json');

// 2. the same figures under each filter
const all = report(raw, []);
const queue = all.cases.open_by_queue[0].queue;
const filters = [[], [`queue=${queue}`], ['severity=A'], ['offering=premier', 'severity=B,C'],
                 ['from=2026-08-01', 'to=2026-10-15'], [`queue=${queue}`, 'from=2026-09-01']];
for (const f of filters) {
    const timed = f.some((x) => x.startsWith('from=') || x.startsWith('to='));
    const a = report(raw, f), b = report(rolled, f);
    const name = `rollups equal raw data${f.length ? ' with ' + f.join(' ') : ''}`;
    const diffs = differences(rollupFigures(a, timed), rollupFigures(b, timed), 'report', []);
    // a figure compared must not be empty on both sides
    if (a.cases.total === 0 || (!timed && (a.satisfaction.responses === 0 || a.cases.weekly.length === 0)))
        diffs.push('the raw figures are empty: the comparison would prove nothing');
    if (a.rollups !== null || b.rollups === null || b.rollups.rows === 0) diffs.push('the report does not say where figures come from');
    if (timed && (b.cases.weekly.length || b.satisfaction.responses || !b.rollups.note))
        diffs.push('over a time range rollups must leave flows and satisfaction empty, with a note');
    check(name, diffs.length === 0, diffs.join('\n    '));
}

// 3. negative control: one closure more on one day must show in the weekly flow
const rows = JSON.parse(fs.readFileSync(path.join(dir, 'rollups.json'), 'utf8'));
rows[Math.floor(rows.length / 2)].closures += 1;
fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(rows));
const broken = differences(rollupFigures(all, false), rollupFigures(report(rollupsManifest('broken.json'), []), false), 'report', []);
check('a changed rollup count is detected', broken.length > 0, 'no difference found');

if (process.argv.includes('--keep')) console.log(`files kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
console.log(`rollups: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
