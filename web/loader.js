// loader.js: downloads the dashboard (wasm + fonts) with a progress bar, starts it, and exposes the
// browser test API window.caseboard (docs/test-api.md).
'use strict';
(function () {
    var overlay = document.getElementById('loading');
    var what = document.getElementById('loading-what');
    var fill = document.getElementById('loading-fill');
    var detail = document.getElementById('loading-detail');
    var assets = ['caseboard.wasm', 'fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf'];
    var received = {}, totals = {};
    var module = null;
    var readyResolve, readyReject;
    var readyPromise = new Promise(function (resolve, reject) { readyResolve = resolve; readyReject = reject; });

    // Thousands separators by hand: the first toLocaleString() loads locale data, which took ~0.5 s of the
    // start-up in headless Chromium.
    function kb(n) { return String(Math.round(n / 1024)).replace(/\B(?=(\d{3})+$)/g, ',') + ' KB'; }
    function showProgress() {
        var got = 0, total = 0, known = true;
        assets.forEach(function (name) {
            got += received[name] || 0;
            if (totals[name] > 0) total += totals[name]; else known = false;
        });
        fill.style.width = known && total ? Math.min(100, 100 * got / total).toFixed(1) + '%' : '15%';
        detail.textContent = kb(got) + (known && total ? ' of ' + kb(total) : '');
    }
    function fail(message) {
        overlay.classList.remove('hidden');
        overlay.classList.add('error');
        what.textContent = 'Caseboard could not start';
        detail.textContent = message;
        readyReject(new Error(message));
    }

    async function download(name) {
        var response = await fetch(name);
        if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + name);
        totals[name] = Number(response.headers.get('Content-Length') || -1);
        if (response.headers.get('Content-Encoding')) totals[name] = -1;
        var reader = response.body.getReader(), parts = [], length = 0;
        for (;;) {
            var part = await reader.read();
            if (part.done) break;
            parts.push(part.value);
            length += part.value.length;
            received[name] = length;
            showProgress();
        }
        var bytes = new Uint8Array(length), at = 0;
        parts.forEach(function (p) { bytes.set(p, at); at += p.length; });
        return bytes;
    }

    function onEvent(event) {
        if (event === 'first-frame') {
            overlay.classList.add('hidden');
        } else if (event === 'loaded') {
            readyResolve(api.state());
        } else if (event.indexOf('error:') === 0) {
            fail(event.slice(6));
        }
    }

    var api = {
        // Resolves with state() once the dashboard runs and the first load of every feed has ended.
        ready: function () { return readyPromise; },
        state: function () {
            if (!module) return {ready: false};
            return JSON.parse(module.UTF8ToString(module._cb_api_state()));
        },
        // Drives the dashboard: view, theme, scale, as_of, reload, load_manifest (see docs/test-api.md).
        command: function (name, args) {
            if (!module) return {ok: false, error: 'not started'};
            var result = module.ccall('cb_api_command', 'number', ['string', 'string'],
                                      [name, JSON.stringify(args || {})]);
            return JSON.parse(module.UTF8ToString(result));
        },
        // The last file the page saved (CSV or PNG export): {name, type, size, text (CSV only)} or null.
        lastDownload: async function () {
            var d = module && module.lastDownload;
            if (!d) return null;
            var text = /^text\//.test(d.type) ? await d.blob.text() : null;
            return {name: d.name, type: d.type, size: d.size, text: text};
        },
        // Resolves once the screen shows the effect of everything so far: no frame left to draw (input
        // is spread over several frames), then one more display frame.
        frame: function () {
            return new Promise(function (resolve) {
                var left = 120;
                var step = function () {
                    if (module && module._cb_api_frames_pending() > 0 && --left > 0) return requestAnimationFrame(step);
                    requestAnimationFrame(function () { resolve(); });
                };
                requestAnimationFrame(step);
            });
        },
    };
    window.caseboard = api;

    if (!window.WebAssembly) return fail('This browser does not run WebAssembly.');
    var downloads = Promise.all(assets.map(download));
    // Creating a WebGL context can take a good part of a second (software GL, a cold GPU process): do it while
    // the downloads run. The app's own request later (main.cpp, same attributes) gets this context back.
    var gl = document.getElementById('canvas').getContext('webgl2', {
        alpha: false, depth: true, stencil: false, antialias: false, premultipliedAlpha: true,
        preserveDrawingBuffer: true,
    });
    if (!gl) return fail('WebGL2 is not available in this browser');
    downloads.then(function (files) {
        what.textContent = 'Starting…';
        return createCaseboard({
            wasmBinary: files[0],
            assets: {'DejaVuSans.ttf': files[1], 'DejaVuSans-Bold.ttf': files[2]},
            canvas: document.getElementById('canvas'),
            onCaseboardEvent: onEvent,
            print: function (text) { console.log(text); },
            printErr: function (text) { console.warn(text); },
        });
    }).then(function (instance) {
        module = instance;
        document.getElementById('canvas').focus();
    }).catch(function (error) {
        fail(String(error && error.message ? error.message : error));
    });
})();
