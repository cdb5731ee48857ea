// peer.js: the peer dashboard's load in the browser: fetch the manifest and every feed, TextDecoder +
// JSON.parse each one, then compute the overview in JavaScript (overview.js). Loaded as a module by
// bench/run.mjs into a page of its own; window.peer.load() returns the timings and the figures. The parsed
// feeds stay referenced afterwards, as a dashboard keeps its data for the next filter change.
import {computeOverview} from './overview.js';

async function fetchJson(url, decoder) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    const bytes = await response.arrayBuffer();
    const text = decoder.decode(bytes);
    try {
        return {doc: JSON.parse(text), bytes: bytes.byteLength};
    } catch (e) {  // e.g. a feed longer than the longest string V8 holds (2^29 - 24 characters)
        const name = new URL(url, location.href).pathname.split('/').pop();
        throw new Error(`${name}: ${bytes.byteLength} bytes decoded to ${text.length} characters: ${e.message}`);
    }
}

window.peer = {
    data: null,
    // manifestUrl relative to the page; asOf in seconds since 1970.
    async load(manifestUrl, asOf) {
        this.data = null;
        const started = performance.now();
        const decoder = new TextDecoder();
        const manifestHref = new URL(manifestUrl, location.href);
        const manifest = (await fetchJson(manifestHref, decoder)).doc;
        const loaded = await Promise.all(manifest.feeds.map((f) => fetchJson(new URL(f.url, manifestHref), decoder)));
        const feeds = {};
        let bytes = 0;
        manifest.feeds.forEach((f, i) => {
            const key = f.kind === 'sla_policies' ? 'sla' : f.kind;
            if (!(key in feeds)) feeds[key] = loaded[i].doc;  // the first feed of each kind
            bytes += loaded[i].bytes;
        });
        const parsed = performance.now();
        const overview = computeOverview(feeds, asOf);
        const done = performance.now();
        this.data = feeds;
        return {total_ms: done - started, fetch_parse_ms: parsed - started, compute_ms: done - parsed, bytes,
                overview};
    },
};
