#!/usr/bin/env node
// run.mjs: end-to-end tests of the dashboard in Debian's Chromium, driven by playwright-core, against a
// real HTTP server on 127.0.0.1. Every figure is read back through window.caseboard.
//   node tests/e2e/run.mjs --dist build/wasm/dist --screenshots tests/e2e/screenshots [--only NAME]
// Prints one line per test and ends with "e2e: N passed, N failed".
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {startServer} from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = path.resolve(opt('--dist', path.join(here, '../../build/wasm/dist')));
const shots = path.resolve(opt('--screenshots', path.join(here, 'screenshots')));
const only = opt('--only', '');
const cli = path.resolve(opt('--cli', path.join(here, '../../build/native/caseboard')));
const demoManifest = path.join(here, '../../data/feeds.json');
fs.mkdirSync(shots, {recursive: true});
// Fixtures (deliberately broken feeds and manifests) are served beside the app.
fs.cpSync(path.join(here, 'fixtures'), path.join(dist, 'e2e-fixtures'), {recursive: true});

const tests = [];
const test = (name, fn) => tests.push({name, fn});
function expect(condition, message) {
    if (!condition) throw new Error(message);
}

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const site = await startServer({root: dist, port: 0});

// Opens the dashboard and waits for window.caseboard.ready(); collects console errors and page errors.
async function open(query = '', {width = 1280, height = 720, scale = 1, colorScheme = 'dark'} = {}) {
    const context = await browser.newContext({viewport: {width, height}, deviceScaleFactor: scale, colorScheme});
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url + query);
    const state = await page.evaluate(() => window.caseboard.ready());
    return {page, context, errors, state, close: () => context.close()};
}

// Share of distinct colours over a grid of canvas pixels: a blank or single-colour canvas scores 1.
async function canvasColours(page) {
    return page.evaluate(() => {
        const c = document.getElementById('canvas');
        const copy = document.createElement('canvas');
        copy.width = c.width, copy.height = c.height;
        const g = copy.getContext('2d');
        g.drawImage(c, 0, 0);
        const data = g.getImageData(0, 0, c.width, c.height).data;
        const seen = new Set();
        for (let y = 0; y < c.height; y += 7)
            for (let x = 0; x < c.width; x += 7) {
                const i = (y * c.width + x) * 4;
                seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
            }
        return seen.size;
    });
}

test('loads the demo without console errors and reports every feed loaded', async () => {
    const s = await open();
    try {
        expect(s.state.ready === true, 'ready() resolved but state.ready is false');
        expect(s.state.manifest.error === '', `manifest error: ${s.state.manifest.error}`);
        expect(s.state.feeds.length === 5, `expected 5 feeds, got ${s.state.feeds.length}`);
        for (const f of s.state.feeds) {
            expect(f.state === 'loaded', `feed ${f.name} is ${f.state}: ${f.error}`);
            expect(f.records > 0, `feed ${f.name} has no records`);
        }
        expect(s.state.report.cases.total > 1000, `only ${s.state.report.cases.total} cases`);
        await s.page.evaluate(() => window.caseboard.frame());
        expect(s.errors.length === 0, `console errors: ${s.errors.join(' | ')}`);
    } finally {
        await s.close();
    }
});

test('canvas is drawn, fills the window and is crisp on high-DPI screens', async () => {
    const s = await open('', {width: 1000, height: 640, scale: 2});
    try {
        await s.page.evaluate(() => window.caseboard.frame());
        const size = await s.page.evaluate(() => [document.getElementById('canvas').width,
                                                 document.getElementById('canvas').height]);
        expect(size[0] === 2000 && size[1] === 1280, `canvas backing store is ${size}, expected 2000,1280`);
        const colours = await canvasColours(s.page);
        expect(colours > 20, `canvas looks blank (${colours} colours)`);
        await s.page.setViewportSize({width: 800, height: 500});
        await s.page.waitForFunction(() => document.getElementById('canvas').width === 1600, null, {timeout: 5000});
    } finally {
        await s.close();
    }
});

test('idle page draws no frames (event-driven rendering)', async () => {
    const s = await open();
    try {
        await s.page.evaluate(() => window.caseboard.frame());
        await s.page.waitForTimeout(1000);  // let the hover-settle timer pass
        const before = (await s.page.evaluate(() => window.caseboard.state())).frames.drawn;
        const cdp = await s.context.newCDPSession(s.page);
        await cdp.send('Performance.enable');
        const t0 = (await cdp.send('Performance.getMetrics')).metrics;
        await s.page.waitForTimeout(3000);
        const t1 = (await cdp.send('Performance.getMetrics')).metrics;
        const after = (await s.page.evaluate(() => window.caseboard.state())).frames.drawn;
        const metric = (list, name) => list.find((m) => m.name === name).value;
        const busy = metric(t1, 'TaskDuration') - metric(t0, 'TaskDuration');
        const wall = metric(t1, 'Timestamp') - metric(t0, 'Timestamp');
        console.log(`    idle: ${after - before} frames in 3 s, main-thread busy ${(100 * busy / wall).toFixed(2)}% of a core`);
        expect(after === before, `${after - before} frames drawn while idle`);
        expect(busy / wall < 0.01, `idle CPU ${(100 * busy / wall).toFixed(2)}% >= 1%`);
        // Input draws frames again.
        await s.page.mouse.move(300, 300);
        await s.page.evaluate(() => window.caseboard.frame());
        const moved = (await s.page.evaluate(() => window.caseboard.state())).frames.drawn;
        expect(moved > after, 'mouse movement drew no frame');
    } finally {
        await s.close();
    }
});

test('commands switch view and theme, and unknown ones are refused', async () => {
    const s = await open();
    try {
        expect(s.state.view === 'overview', `starts on ${s.state.view}`);
        let r = await s.page.evaluate(() => window.caseboard.command('view', {view: 'feeds'}));
        expect(r.ok, `view command failed: ${r.error}`);
        r = await s.page.evaluate(() => window.caseboard.command('theme', {theme: 'light'}));
        expect(r.ok, `theme command failed: ${r.error}`);
        const st = await s.page.evaluate(() => window.caseboard.state());
        expect(st.view === 'feeds' && st.theme === 'light', `state is ${st.view}/${st.theme}`);
        r = await s.page.evaluate(() => window.caseboard.command('view', {view: 'nowhere'}));
        expect(!r.ok && /unknown view/.test(r.error), `bad view accepted: ${JSON.stringify(r)}`);
    } finally {
        await s.close();
    }
});

test('a broken feed is reported by name and reason, and good feeds still load', async () => {
    const s = await open('?manifest=e2e-fixtures/broken/feeds.json');
    try {
        const byName = Object.fromEntries(s.state.feeds.map((f) => [f.name, f]));
        expect(byName.cases && byName.cases.state === 'loaded', 'the good cases feed did not load');
        expect(byName.truncated && byName.truncated.state === 'failed', 'the truncated feed did not fail');
        expect(/line \d+, column \d+/.test(byName.truncated.error), `no position in: ${byName.truncated.error}`);
        expect(byName.missing && byName.missing.state === 'failed' && /404/.test(byName.missing.error),
               `missing feed: ${byName.missing && byName.missing.error}`);
        expect(s.state.report.cases.total === byName.cases.records, 'cases from the good feed are not all shown');
    } finally {
        await s.close();
    }
});

test('served from a subfolder of a static host, it finds its files and data', async () => {
    const sub = await startServer({root: dist, port: 0, prefix: '/teams/emea/caseboard/'});
    const context = await browser.newContext({viewport: {width: 1280, height: 720}});
    try {
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        await page.goto(sub.url);
        const st = await page.evaluate(() => window.caseboard.ready());
        expect(st.feeds.every((f) => f.state === 'loaded'), JSON.stringify(st.feeds.map((f) => [f.name, f.error])));
        expect(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    } finally {
        await context.close();
        await sub.close();
    }
});

test('the dashboard and `caseboard report` show the same figures', async () => {
    const s = await open();
    try {
        const asOf = '2026-11-30T16:00:00Z';
        for (const filter of [null, {key: 'queue', value: 'Networking'}]) {
            if (filter) await s.page.evaluate((f) => window.caseboard.command('filter', f), filter);
            // Without --as-of the report takes the snapshot's time, as the page does.
            const args = filter ? ['report', '--as-of', asOf, '--format', 'json'] : ['report', '--format', 'json'];
            if (filter) args.push('--filter', `${filter.key}=${filter.value}`);
            const fromCli = JSON.parse(execFileSync(cli, [...args, demoManifest], {encoding: 'utf8'}));
            const r = await s.page.evaluate((t) => window.caseboard.command('as_of', {as_of: t}), asOf);
            expect(r.ok, `as_of refused: ${r.error}`);
            const shown = (await s.page.evaluate(() => window.caseboard.state())).report;
            for (const key of ['as_of', 'cases', 'sla', 'satisfaction', 'plans', 'priorities', 'filter']) {
                const a = JSON.stringify(shown[key]), b = JSON.stringify(fromCli[key]);
                expect(a === b, `${key} differs${filter ? ' with ' + filter.value : ''}:\n page ${a.slice(0, 300)}\n cli  ${b.slice(0, 300)}`);
            }
        }
    } finally {
        await s.close();
    }
});

test('a rollups-only manifest: the figures `caseboard report` gives, every view drawn, no errors', async () => {
    const manifest = 'data/samples/rollups/feeds.json';
    const s = await open(`?manifest=${manifest}`);
    try {
        const args = ['report', '--as-of', '2026-11-30T16:00:00Z', '--format', 'json'];
        const fromCli = JSON.parse(execFileSync(cli, [...args, path.join(here, '../..', manifest)], {encoding: 'utf8'}));
        const shown = (await s.page.evaluate(() => window.caseboard.state())).report;
        expect(fromCli.rollups && fromCli.cases.total === 3000 && fromCli.cases.weekly.length > 0,
               `the rollups sample gives ${JSON.stringify(fromCli.cases).slice(0, 200)}`);
        for (const key of ['rollups', 'cases', 'satisfaction', 'sla']) {
            const a = JSON.stringify(shown[key]), b = JSON.stringify(fromCli[key]);
            expect(a === b, `${key} differs:\n page ${a.slice(0, 300)}\n cli  ${b.slice(0, 300)}`);
        }
        for (const view of ['overview', 'queues', 'sla', 'satisfaction', 'plans', 'cases']) {
            await s.page.evaluate((v) => window.caseboard.command('view', {view: v}), view);
            await s.page.evaluate(() => window.caseboard.frame());
            await s.page.screenshot({path: path.join(shots, `rollups-${view}.png`)});
        }
        expect(s.errors.length === 0, `console errors: ${s.errors.join(' | ')}`);
    } finally {
        await s.close();
    }
});

test('filters, keyboard and undo: the view state follows and narrows the figures', async () => {
    const s = await open();
    try {
        const all = s.state.selected_rows;
        let r = await s.page.evaluate(() => window.caseboard.command('filter', {key: 'severity', value: 'A'}));
        expect(r.ok, `filter refused: ${r.error}`);
        let st = await s.page.evaluate(() => window.caseboard.state());
        expect(st.filters.severity === 'A', `filters: ${JSON.stringify(st.filters)}`);
        expect(st.selected_rows > 0 && st.selected_rows < all, `severity A kept ${st.selected_rows} of ${all}`);
        expect(st.selected_rows === st.report.cases.total, 'selected rows and report total differ');
        r = await s.page.evaluate(() => window.caseboard.command('filter', {key: 'queue', value: 'Nowhere'}));
        expect(!r.ok && /Nowhere/.test(r.error), `unknown queue accepted: ${JSON.stringify(r)}`);
        await s.page.focus('canvas');
        await s.page.keyboard.press('Control+z');
        await s.page.evaluate(() => window.caseboard.frame());
        st = await s.page.evaluate(() => window.caseboard.state());
        expect(!st.filters.severity && st.selected_rows === all, `Ctrl+Z did not undo: ${JSON.stringify(st.filters)}`);
        await s.page.keyboard.press('3');
        await s.page.evaluate(() => window.caseboard.frame());
        st = await s.page.evaluate(() => window.caseboard.state());
        expect(st.view === 'sla', `key 3 opened ${st.view}`);
    } finally {
        await s.close();
    }
});

test('a shared link opens the same view and filters; back and forward move through them', async () => {
    const s = await open();
    try {
        await s.page.evaluate(() => window.caseboard.command('view', {view: 'queues'}));
        await s.page.evaluate(() => window.caseboard.frame());
        await s.page.evaluate(() => window.caseboard.command('filter', {key: 'queue', value: 'Networking'}));
        await s.page.evaluate(() => window.caseboard.command('view', {view: 'sla'}));
        await s.page.evaluate(() => window.caseboard.frame());
        const st = await s.page.evaluate(() => window.caseboard.state());
        const url = s.page.url();
        expect(url.includes('#view=sla') && url.includes('queue=Networking'), `URL is ${url}`);
        const other = await s.context.newPage();
        await other.goto(url);
        const shared = await other.evaluate(() => window.caseboard.ready());
        await other.evaluate(() => window.caseboard.frame());
        const again = await other.evaluate(() => window.caseboard.state());
        expect(again.view === 'sla' && again.filters.queue === 'Networking',
               `shared link opened ${again.view} ${JSON.stringify(again.filters)}`);
        expect(again.selected_rows === st.selected_rows, `${again.selected_rows} vs ${st.selected_rows} rows`);
        expect(shared.ready, 'shared page not ready');
        await s.page.goBack();
        await s.page.waitForFunction(() => window.caseboard.state().view === 'queues', null, {timeout: 5000});
        await s.page.goForward();
        await s.page.waitForFunction(() => window.caseboard.state().view === 'sla', null, {timeout: 5000});
    } finally {
        await s.close();
    }
});

test('files dropped on the page are loaded as feeds', async () => {
    const s = await open();
    try {
        const csv = fs.readFileSync(path.join(here, '../../data/samples/cases.csv'), 'utf8');
        const transfer = await s.page.evaluateHandle((text) => {
            const dt = new DataTransfer();
            dt.items.add(new File([text], 'exported cases.csv', {type: 'text/csv'}));
            return dt;
        }, csv);
        await s.page.dispatchEvent('canvas', 'drop', {dataTransfer: transfer});
        await s.page.waitForFunction(() => {
            const st = window.caseboard.state();
            return st.manifest.title === 'Dropped files' && !st.loading && st.generation >= 2;
        }, null, {timeout: 10000});
        const st = await s.page.evaluate(() => window.caseboard.state());
        expect(st.feeds.length === 1 && st.feeds[0].name === 'exported cases.csv', JSON.stringify(st.feeds));
        expect(st.feeds[0].state === 'loaded' && st.feeds[0].format === 'csv', JSON.stringify(st.feeds[0]));
        expect(st.report.cases.total === st.feeds[0].records, `dropped cases not all shown: ${st.report.cases.total} of ${st.feeds[0].records}, ${JSON.stringify(st.feeds[0].problems)}`);
    } finally {
        await s.close();
    }
});

// Clicks at places of the 1280x720 layout (see the screenshots): a changed layout fails these on purpose.
test('clicks: a KPI tile drills down, a bar filters, a case row opens its detail, Export CSV saves the cases',
     async () => {
    const s = await open();
    try {
        const state = () => s.page.evaluate(() => window.caseboard.state());
        // As a person does: the pointer arrives (a frame shows the hover), then the button goes down and up.
        const click = async (x, y) => {
            await s.page.mouse.move(x, y);
            await s.page.evaluate(() => window.caseboard.frame());
            await s.page.mouse.click(x, y);
            await s.page.evaluate(() => window.caseboard.frame());
        };
        await s.page.evaluate(() => window.caseboard.frame());  // the overview is laid out
        await click(380, 232);  // the "Noncompliant now" tile, below its sparkline
        let st = await state();
        expect(st.view === 'sla', `the tile opened ${st.view}`);
        await s.page.evaluate(() => window.caseboard.command('view', {view: 'queues'}));
        await s.page.evaluate(() => window.caseboard.frame());
        await click(400, 192);  // the Azure Infrastructure bar of the open backlog
        st = await state();
        expect(st.filters.queue === 'Azure Infrastructure', `the bar set filters ${JSON.stringify(st.filters)}`);
        expect(st.undo_depth >= 1, 'the bar click cannot be undone');
        await s.page.evaluate(() => window.caseboard.command('clear_filters'));
        await s.page.evaluate(() => window.caseboard.command('view', {view: 'cases'}));
        await s.page.evaluate(() => window.caseboard.frame());
        await click(300, 196);  // the first case row
        st = await state();
        expect(st.selected_case !== '', 'clicking a row selected no case');
        expect(st.hash.includes('case=' + st.selected_case), `the link lacks the case: ${st.hash}`);
        await s.page.keyboard.press('Escape');
        await s.page.evaluate(() => window.caseboard.frame());
        expect((await state()).selected_case === '', 'Esc did not close the detail');
        await click(757, 144);  // Export CSV
        const file = await s.page.evaluate(() => window.caseboard.lastDownload());
        expect(file && /^caseboard-cases-.*\.csv$/.test(file.name), `download: ${JSON.stringify(file && file.name)}`);
        const lines = file.text.trim().split('\r\n');
        expect(lines.length === st.selected_rows + 1, `${lines.length - 1} CSV rows for ${st.selected_rows} cases`);
        expect(/^id,/.test(lines[0]), `CSV header: ${lines[0].slice(0, 80)}`);
    } finally {
        await s.close();
    }
});

test('screenshots of every view at 1280x720, 1920x1080 and 3840x2160, dark and light', async () => {
    const views = ['overview', 'queues', 'sla', 'satisfaction', 'plans', 'cases', 'feeds', 'gallery'];
    // 3840x2160 is a 1920x1080 window on a screen with twice the pixels, as a 4K wall screen runs it.
    for (const [width, height, scale] of [[1280, 720, 1], [1920, 1080, 1], [1920, 1080, 2]]) {
        for (const theme of ['dark', 'light']) {
            const s = await open(`?theme=${theme}`, {width, height, scale, colorScheme: theme});
            try {
                await s.page.evaluate(() => window.caseboard.command('select_case', {id: ''}));
                for (const view of views) {
                    await s.page.evaluate((v) => window.caseboard.command('view', {view: v}), view);
                    await s.page.evaluate(() => window.caseboard.frame());
                    const file = path.join(shots, `${view}-${width * scale}x${height * scale}-${theme}.png`);
                    await s.page.screenshot({path: file});
                    expect(fs.statSync(file).size > 10000, `${file} is suspiciously small`);
                    expect(await canvasColours(s.page) > 20, `${view} looks blank`);
                }
                expect(s.errors.length === 0, `console errors: ${s.errors.join(' | ')}`);
            } finally {
                await s.close();
            }
        }
    }
});

let passed = 0, failed = 0;
for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const started = Date.now();
    try {
        await t.fn();
        passed++;
        console.log(`  ok    ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
        failed++;
        console.log(`  FAIL  ${t.name}: ${e && e.message ? e.message : e}`);
    }
}
await browser.close();
await site.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
