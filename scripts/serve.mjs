#!/usr/bin/env node
// serve.mjs: a small static file server for dist/, on the loopback interface only.
//   node scripts/serve.mjs [--root DIR] [--port N] [--prefix /sub/path/]
// Port 0 picks a free port. With --prefix the site is served under that path, as on a static host's
// subfolder. Imported by the browser tests (startServer) so they run against a real HTTP server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript',
    '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
    '.ttf': 'font/ttf', '.png': 'image/png', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8',
    '.md': 'text/markdown; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

export function startServer({root, port = 0, prefix = '/', host = '127.0.0.1'}) {
    root = path.resolve(root);
    if (!prefix.endsWith('/')) prefix += '/';
    const server = http.createServer((req, res) => {
        let pathname;
        try {
            pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
        } catch {
            res.writeHead(400).end('bad request');
            return;
        }
        if (!pathname.startsWith(prefix)) {
            res.writeHead(404, {'Content-Type': 'text/plain'}).end('not found');
            return;
        }
        let file = path.join(root, pathname.slice(prefix.length));
        if (!file.startsWith(root)) {  // no escaping the root with ../
            res.writeHead(403).end('forbidden');
            return;
        }
        fs.stat(file, (err, stat) => {
            if (!err && stat.isDirectory()) {
                file = path.join(file, 'index.html');
                stat = fs.existsSync(file) ? fs.statSync(file) : null;
            }
            if (err || !stat) {
                res.writeHead(404, {'Content-Type': 'text/plain'}).end('not found');
                return;
            }
            res.writeHead(200, {
                'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                'Content-Length': stat.size,
                'Cache-Control': 'no-cache',
            });
            if (req.method === 'HEAD') return res.end();
            fs.createReadStream(file).pipe(res);
        });
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            const url = `http://${host}:${server.address().port}${prefix}`;
            resolve({server, url, close: () => new Promise((r) => server.close(r))});
        });
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const opt = (name, fallback) => {
        const i = args.indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    };
    const here = path.dirname(fileURLToPath(import.meta.url));
    const root = opt('--root', path.join(here, '..', 'build', 'wasm', 'dist'));
    const wanted = Number(opt('--port', '8080'));
    const prefix = opt('--prefix', '/');
    let started;
    try {
        started = await startServer({root, port: wanted, prefix});
    } catch (e) {
        if (e.code !== 'EADDRINUSE') throw e;
        started = await startServer({root, port: 0, prefix});  // the usual port is taken: any free one
    }
    console.log(`Caseboard is served from ${root}`);
    console.log(`Open ${started.url}  (Ctrl+C stops)`);
}
