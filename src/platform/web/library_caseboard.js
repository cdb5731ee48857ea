// library_caseboard.js: the browser services the C++ side asks for (linked with --js-library).
// Kept thin on purpose: streaming fetch, frame and timer scheduling, clipboard, URL hash. All decisions
// (what to fetch, when to redraw, how to parse) stay in C++.
mergeInto(LibraryManager.library, {
    $CB: {
        frameScheduled: false,
        timers: {},
        fetches: {},
        // Yield to the browser after this many ms of parsing, so input and drawing stay responsive.
        sliceMs: 8,
        yieldNow: function () {
            return new Promise(function (resolve) {
                var channel = new MessageChannel();
                channel.port1.onmessage = function () { resolve(); };
                channel.port2.postMessage(0);
            });
        },
    },

    cbjs_request_frame__deps: ['$CB'],
    cbjs_request_frame: function () {
        if (CB.frameScheduled) return;
        CB.frameScheduled = true;
        requestAnimationFrame(function (t) {
            CB.frameScheduled = false;
            Module['_cb_on_frame'](t);
        });
    },

    // One-shot timer; id lets C++ replace a pending timer of the same purpose.
    cbjs_set_timer__deps: ['$CB'],
    cbjs_set_timer: function (id, ms) {
        if (CB.timers[id]) clearTimeout(CB.timers[id]);
        CB.timers[id] = setTimeout(function () {
            delete CB.timers[id];
            Module['_cb_on_timer'](id);
        }, ms);
    },

    cbjs_now_ms: function () { return Date.now(); },
    cbjs_perf_ms: function () { return performance.now(); },
    cbjs_device_pixel_ratio: function () { return window.devicePixelRatio || 1; },
    cbjs_window_width: function () { return window.innerWidth; },
    cbjs_window_height: function () { return window.innerHeight; },

    // Streams url (resolved against base, then the page) into C++ in slices:
    //   _cb_fetch_begin(id, total_bytes or -1, http_status), _cb_fetch_chunk(id, ptr, len) ...,
    //   _cb_fetch_end(id, error message or null). A newer fetch with the same id cancels the older one.
    cbjs_fetch_start__deps: ['$CB', 'malloc', 'free'],
    cbjs_fetch_start: function (id, urlPtr, basePtr) {
        var url = UTF8ToString(urlPtr), base = UTF8ToString(basePtr);
        var old = CB.fetches[id];
        if (old) old.abort();
        var controller = new AbortController();
        CB.fetches[id] = controller;
        var alive = function () { return CB.fetches[id] === controller; };
        var fail = function (message) {
            if (!alive()) return;
            delete CB.fetches[id];
            var n = lengthBytesUTF8(message) + 1, p = _malloc(n);
            stringToUTF8(message, p, n);
            Module['_cb_fetch_end'](id, p);
            _free(p);
        };
        var target;
        try {
            target = new URL(url, new URL(base || '.', document.baseURI)).href;
        } catch (e) {
            fail('bad URL ' + url);
            return;
        }
        (async function () {
            var response;
            try {
                response = await fetch(target, {signal: controller.signal, cache: 'no-cache'});
            } catch (e) {
                fail('could not fetch ' + url + ': ' + (e && e.message ? e.message : e));
                return;
            }
            if (!alive()) return;
            var total = Number(response.headers.get('Content-Length') || -1);
            if (response.headers.get('Content-Encoding')) total = -1;  // length is of the compressed body
            Module['_cb_fetch_begin'](id, total, response.status);
            if (!response.ok) {
                fail('HTTP ' + response.status + ' ' + response.statusText + ' for ' + url);
                return;
            }
            var reader = response.body.getReader();
            var capacity = 0, buffer = 0, sliceStart = performance.now();
            try {
                for (;;) {
                    var part = await reader.read();
                    if (!alive()) { reader.cancel(); break; }
                    if (part.done) break;
                    var bytes = part.value;
                    for (var at = 0; at < bytes.length; at += 1 << 20) {
                        var piece = bytes.subarray(at, Math.min(bytes.length, at + (1 << 20)));
                        if (piece.length > capacity) {
                            if (buffer) _free(buffer);
                            capacity = piece.length;
                            buffer = _malloc(capacity);
                        }
                        HEAPU8.set(piece, buffer);
                        Module['_cb_fetch_chunk'](id, buffer, piece.length);
                        if (performance.now() - sliceStart > CB.sliceMs) {
                            await CB.yieldNow();
                            sliceStart = performance.now();
                            if (!alive()) break;
                        }
                    }
                }
            } catch (e) {
                if (buffer) _free(buffer);
                fail('reading ' + url + ' failed: ' + (e && e.message ? e.message : e));
                return;
            }
            if (buffer) _free(buffer);
            if (!alive()) return;
            delete CB.fetches[id];
            Module['_cb_fetch_end'](id, 0);
        })();
    },

    cbjs_set_clipboard: function (textPtr) {
        var text = UTF8ToString(textPtr);
        if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {});
    },

    cbjs_page_param__deps: ['malloc'],
    cbjs_page_param: function (namePtr) {
        var value = new URLSearchParams(location.search).get(UTF8ToString(namePtr));
        if (value === null) return 0;
        var n = lengthBytesUTF8(value) + 1, p = _malloc(n);
        stringToUTF8(value, p, n);
        return p;
    },

    cbjs_page_origin__deps: ['malloc'],
    cbjs_page_origin: function () {
        var n = lengthBytesUTF8(location.origin) + 1, p = _malloc(n);
        stringToUTF8(location.origin, p, n);
        return p;
    },

    cbjs_prefers_dark: function () {
        return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
    },

    cbjs_set_title: function (textPtr) { document.title = UTF8ToString(textPtr); },

    // Bytes the loader fetched before start-up (fonts), handed over once: malloc'd copy, length out.
    cbjs_take_asset__deps: ['malloc'],
    cbjs_take_asset: function (namePtr, lengthPtr) {
        var name = UTF8ToString(namePtr), assets = Module['assets'] || {}, bytes = assets[name];
        if (!bytes) return 0;
        delete assets[name];
        var data = new Uint8Array(bytes), p = _malloc(data.length);
        HEAPU8.set(data, p);
        HEAP32[lengthPtr >> 2] = data.length;
        return p;
    },

    // Tells the page what happened ('first-frame', 'loaded', 'data'); web/loader.js listens.
    cbjs_emit: function (eventPtr) {
        var handler = Module['onCaseboardEvent'];
        if (handler) handler(UTF8ToString(eventPtr));
    },
});
