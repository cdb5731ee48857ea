// library_caseboard.js: the browser services the C++ side asks for (linked with --js-library).
// Kept thin on purpose: streaming fetch, frame and timer scheduling, clipboard, URL hash. All decisions
// (what to fetch, when to redraw, how to parse) stay in C++.
mergeInto(LibraryManager.library, {
    $CB__deps: ['malloc', 'free'],
    $CB: {
        // A malloc'd UTF-8 copy of text: returned to C++, which frees it.
        newString: function (text) {
            var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
            stringToUTF8(text, p, n);
            return p;
        },
        // Calls use(pointer) with text as a UTF-8 string that lives only during the call.
        withString: function (text, use) {
            var p = CB.newString(text);
            try { use(p); } finally { _free(p); }
        },
        frameScheduled: false,
        timers: {},
        fetches: {},
        dropped: {},
        // Yield to the browser after this many ms of parsing, so input and drawing stay responsive.
        sliceMs: 8,
        sliceStart: 0,  // when the pumps last yielded
        // Saves blob as a download; the last one stays on Module.lastDownload so tests can read it.
        save: function (blob, name) {
            Module['lastDownload'] = {name: name, type: blob.type, size: blob.size, blob: blob};
            var a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = name;
            document.body.appendChild(a);
            a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        },
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
    // "dropped:NAME" urls (and urls relative to a dropped manifest) read a file dropped on the page.
    cbjs_fetch_start__deps: ['$CB', 'malloc', 'free'],
    cbjs_fetch_start: function (id, urlPtr, basePtr) {
        var url = UTF8ToString(urlPtr), base = UTF8ToString(basePtr);
        var old = CB.fetches[id];
        if (old) old.abort();
        var controller = new AbortController();
        CB.fetches[id] = controller;
        var alive = function () { return CB.fetches[id] === controller; };
        var end = function (message) {
            if (!alive()) return;
            delete CB.fetches[id];
            if (message === null) return Module['_cb_fetch_end'](id, 0);
            CB.withString(message, function (p) { Module['_cb_fetch_end'](id, p); });
        };
        // Hands a byte stream to C++ in slices of 1 MiB (the last may be shorter): network chunks (often
        // 16-64 KiB) are gathered in one wasm buffer first, so each call into C++ parses a lot at once.
        // Yields to the page once CB.sliceMs have passed since the last yield of any feed's pump. The buffer
        // is no larger than the body (total, -1 if unknown): small feeds do not cost the wasm heap 1 MiB each.
        var pump = async function (reader, total) {
            var capacity = total > 0 ? Math.min(total, 1 << 20) : 1 << 20, filled = 0;
            var buffer = _malloc(capacity);
            var hand = async function () {
                Module['_cb_fetch_chunk'](id, buffer, filled);
                filled = 0;
                if (performance.now() - CB.sliceStart > CB.sliceMs) {
                    await CB.yieldNow();
                    CB.sliceStart = performance.now();
                }
            };
            try {
                for (;;) {
                    var part = await reader.read();
                    if (!alive()) { reader.cancel(); return; }
                    if (part.done) break;
                    for (var bytes = part.value, at = 0; at < bytes.length;) {
                        var n = Math.min(bytes.length - at, capacity - filled);
                        HEAPU8.set(bytes.subarray(at, at + n), buffer + filled);
                        filled += n, at += n;
                        if (filled < capacity) continue;
                        await hand();
                        if (!alive()) { reader.cancel(); return; }
                    }
                }
                if (filled) await hand();
            } catch (e) {
                end('reading ' + url + ' failed: ' + (e && e.message ? e.message : e));
                return;
            } finally {
                _free(buffer);
            }
            end(null);
        };
        if (url.indexOf('dropped:') === 0 || base.indexOf('dropped:') === 0) {
            var name = url.replace(/^dropped:/, '').split('/').pop();
            var file = CB.dropped[name];
            if (!file) return end(name + ' is not among the dropped files');
            Module['_cb_fetch_begin'](id, file.size, 200);
            pump(file.stream().getReader(), file.size);
            return;
        }
        var target;
        try {
            target = new URL(url, new URL(base || '.', document.baseURI)).href;
        } catch (e) {
            return end('bad URL ' + url);
        }
        fetch(target, {signal: controller.signal, cache: 'no-cache'}).then(function (response) {
            if (!alive()) return;
            var total = Number(response.headers.get('Content-Length') || -1);
            if (response.headers.get('Content-Encoding')) total = -1;  // length of the compressed body
            Module['_cb_fetch_begin'](id, total, response.status);
            if (!response.ok) return end('HTTP ' + response.status + ' ' + response.statusText + ' for ' + url);
            pump(response.body.getReader(), total);
        }, function (e) {
            end('could not fetch ' + url + ': ' + (e && e.message ? e.message : e));
        });
    },

    // Files dropped on the page are kept by name; C++ gets the names, one per line.
    cbjs_install_drop__deps: ['$CB'],
    cbjs_install_drop: function () {
        window.addEventListener('dragover', function (e) { e.preventDefault(); });
        window.addEventListener('drop', function (e) {
            e.preventDefault();
            var files = Array.prototype.slice.call((e.dataTransfer && e.dataTransfer.files) || []);
            if (!files.length) return;
            CB.dropped = {};
            files.forEach(function (f) { CB.dropped[f.name] = f; });
            var names = files.map(function (f) { return f.name; }).join('\n');
            CB.withString(names, function (p) { Module['_cb_files_dropped'](p); });
        });
    },

    cbjs_set_clipboard: function (textPtr) {
        var text = UTF8ToString(textPtr);
        if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {});
    },

    cbjs_page_param__deps: ['$CB'],
    cbjs_page_param: function (namePtr) {
        var value = new URLSearchParams(location.search).get(UTF8ToString(namePtr));
        return value === null ? 0 : CB.newString(value);
    },

    cbjs_page_origin__deps: ['$CB'],
    cbjs_page_origin: function () { return CB.newString(location.origin); },

    // The view state lives in the URL hash: push (a new history entry) or replace it, and report hash
    // changes from back/forward to C++.
    cbjs_set_hash: function (hashPtr, push) {
        var hash = '#' + UTF8ToString(hashPtr);
        if (location.hash === hash) return;
        if (push) history.pushState(null, '', hash); else history.replaceState(null, '', hash);
    },
    cbjs_page_hash__deps: ['$CB'],
    cbjs_page_hash: function () {
        if (!CB.hashListener) {
            CB.hashListener = true;
            var report = function () {
                CB.withString(location.hash.slice(1), function (p) { Module['_cb_hash_changed'](p); });
            };
            window.addEventListener('popstate', report);
            window.addEventListener('hashchange', report);
        }
        return CB.newString(location.hash.slice(1));
    },

    cbjs_prefers_dark: function () {
        return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;
    },

    // Exports: a file the browser saves (CSV of a table, PNG of the canvas).
    cbjs_download__deps: ['$CB'],
    cbjs_download: function (namePtr, mimePtr, dataPtr, length) {
        var mime = UTF8ToString(mimePtr);
        CB.save(new Blob([HEAPU8.slice(dataPtr, dataPtr + length)], {type: mime}), UTF8ToString(namePtr));
    },
    cbjs_download_canvas_png__deps: ['$CB'],
    cbjs_download_canvas_png: function (namePtr) {
        var name = UTF8ToString(namePtr);
        Module['canvas'].toBlob(function (blob) { CB.save(blob, name); }, 'image/png');
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
