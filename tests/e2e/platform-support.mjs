// Helpers for the offline, embedding, nginx, SCORM and security tests: copy the bundle under test
// into a folder, serve folders with xtask's production server or nginx, run xtask verbs.
import { spawn, execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, devices } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// A fresh folder that nginx's unprivileged workers can read too.
export function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `microlearn-${name}-`));
  chmodSync(dir, 0o755);
  return dir;
}

// The precache list the build wrote into sw.js: every file of the bundle with its SHA-256.
export function precacheList(workerSource) {
  const match = workerSource.match(/const PRECACHE = (\[.*\]);/);
  if (!match) throw new Error('sw.js has no generated precache list');
  return JSON.parse(match[1]);
}

// Copies the bundle served at baseURL into `dir` (the list of files comes from sw.js), so a test
// can change it or serve it elsewhere whichever folder the suite built.
export async function downloadBundle(request, baseURL, dir) {
  const worker = await (await request.get(new URL('sw.js', baseURL).href)).text();
  writeFileSync(join(dir, 'sw.js'), worker);
  const files = precacheList(worker);
  for (const [path] of files) {
    const response = await request.get(new URL(path, baseURL).href);
    expect(response.ok(), `${path} is served`).toBe(true);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), await response.body());
  }
  return files;
}

// Runs `cargo xtask ARGS` to completion.
export function xtask(args) {
  return new Promise((resolve, reject) => {
    execFile('cargo', ['xtask', ...args], { cwd: repoRoot, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`cargo xtask ${args.join(' ')} failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}

// Starts a long-running `cargo xtask ARGS` and resolves once it prints a line matching `ready`.
function startXtask(args, ready) {
  const child = spawn('cargo', ['xtask', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) resolve({ match, stop: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => reject(new Error(`cargo xtask ${args[0]} exited (${code}):\n${output}`)));
  });
}

// Serves a folder for one test with nginx and the documented configuration (the production
// headers; `frameAncestors` changes only the embedding rule), so the offline, update, iframe and
// SCORM flows are also proved behind the server trusts use. (It began as a workaround: before
// e4f94fa, xtask's server stalled once four clients stopped reading mid-download.)
export async function serveFolder(dist, options = {}) {
  return startNginx(dist, options);
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// nginx with the documented configuration (web/nginx/microlearn.conf) on a loopback port;
// xtask installs nginx from Debian's packages first if it is missing.
export async function startNginx(dist, { frameAncestors } = {}) {
  const port = await freePort();
  const args = ['nginx', '--dist', dist, '--port', String(port)];
  if (frameAncestors) args.push('--frame-ancestors', frameAncestors);
  const { stop } = await startXtask(args, /nginx is serving/);
  const url = `http://127.0.0.1:${port}/`;
  // nginx binds its port just after the line is printed: wait until it answers at all (a folder
  // without index.html answers 403, which is fine).
  await expect(async () => {
    const response = await fetch(url);
    expect(response.status).toBeLessThan(500);
  }).toPass({ timeout: 15_000 });
  return { url, stop };
}

// Every item of the modules in a bundle folder, by id (to answer questions through the UI).
export function itemsIn(dir) {
  const items = {};
  for (const file of readdirSync(join(dir, 'content/modules'))) {
    const module = JSON.parse(readFileSync(join(dir, 'content/modules', file), 'utf8'));
    for (const lesson of module.lessons) for (const item of lesson.items) items[item.id] = item;
  }
  return items;
}

// Resolves once a service worker is active for the page's origin.
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
}

// The bundle under test, as served by the suite (BASE_URL).
export const suiteURL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';

// Tests that need a service worker get a browser and a server (nginx, see serveFolder) of their
// own; a browser per test keeps service workers of earlier tests' contexts out of the way.
// `bundleDir` is a copy of the suite's bundle (DIST_DIR, which `cargo xtask test` passes, or
// else downloaded from BASE_URL), made once per worker process; `app.url` serves it.
export const test = base.extend({
  bundleDir: [async ({ playwright }, use) => {
    const dir = tempDir('bundle');
    if (process.env.DIST_DIR) {
      cpSync(process.env.DIST_DIR, dir, { recursive: true });
    } else {
      const api = await playwright.request.newContext();
      await downloadBundle(api, suiteURL, dir);
      await api.dispose();
    }
    await use(dir);
  }, { scope: 'worker', timeout: 120_000 }],
  app: async ({ bundleDir }, use) => {
    const server = await serveFolder(bundleDir);
    await use(server);
    server.stop();
  },
  context: async ({ playwright, viewport, serviceWorkers, app }, use) => {
    const browser = await playwright.chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const context = await browser.newContext({ ...devices['Pixel 5'], viewport, serviceWorkers, baseURL: app.url });
    await use(context);
    await browser.close();
  },
});
