// Lighthouse with its mobile defaults (simulated slow 4G, 4x CPU slowdown) against the served
// release bundle. Prints the figures and exits non-zero when a budget is missed.
// Usage: node tests/perf/lighthouse.mjs URL [path of the JSON summary to write]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const url = process.argv[2];
const summaryPath = process.argv[3];
if (!url) {
  console.error('usage: node tests/perf/lighthouse.mjs URL [summary.json]');
  process.exit(2);
}

// The targets of issues 8 and 11 (printed as met or not), and the guards the suite enforces.
// Performance, accessibility, best practices, LCP and layout shift are enforced at their targets.
// The loader (web/boot.js) fetches the wasm only after index.html's first screen has painted, so
// the largest paint is the shell's and LCP no longer waits for the wasm: in session 3, LCP was
// 1.1-1.3 s and performance 96-100 over 7 runs. Total Blocking Time is enforced at its target
// since session 13: it had a guard of 400 ms while the wasm's instantiation and first renders gave
// 58-225 ms (sessions 3 to 6); since session 7 drew the background work from the second wasm
// module, every figure recorded in BENCHMARKS.md has been 0 to 81 ms (40 ms in session 13).
const budgets = [
  { key: 'performance', label: 'performance score', target: 95, guard: 95, higherIsBetter: true },
  { key: 'accessibility', label: 'accessibility score', target: 100, guard: 100, higherIsBetter: true },
  { key: 'best-practices', label: 'best practices score', target: 95, guard: 95, higherIsBetter: true },
  { key: 'lcp_ms', label: 'Largest Contentful Paint (ms)', target: 2000, guard: 2000 },
  { key: 'tbt_ms', label: 'Total Blocking Time (ms)', target: 100, guard: 100 },
  { key: 'cls', label: 'Cumulative Layout Shift', target: 0.001, guard: 0.001 },
];

// Lighthouse's figures vary with machine load; its documentation recommends the median of several
// runs. Every run is printed; the budgets are judged on the median run by performance score.
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

async function runOnce() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'microlearn-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    userDataDir,
    chromeFlags: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) return { error: `${runtimeError.code}: ${runtimeError.message}` };
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      'best-practices': Math.round(categories['best-practices'].score * 100),
      lcp_ms: Math.round(audits['largest-contentful-paint'].numericValue),
      fcp_ms: Math.round(audits['first-contentful-paint'].numericValue),
      tbt_ms: Math.round(audits['total-blocking-time'].numericValue),
      cls: audits['cumulative-layout-shift'].numericValue,
      transfer_bytes: audits['total-byte-weight'].numericValue,
      not_passed: Object.values(audits)
        .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
        .map((audit) => audit.id),
    };
  } finally {
    await chrome.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

const runs = [];
for (let index = 0; index < RUNS; index += 1) {
  const run = await runOnce();
  console.log(`run ${index + 1}: ${JSON.stringify(run)}`);
  runs.push(run);
}
const completed = runs.filter((run) => !run.error);
let failed = completed.length < Math.ceil(RUNS / 2);
if (failed) console.log('FAIL most Lighthouse runs did not complete');
const median = completed.sort((a, b) => a.performance - b.performance)[Math.floor(completed.length / 2)];
if (median) {
  console.log(`median run of ${completed.length}:`);
  for (const budget of budgets) {
    const value = median[budget.key];
    const within = (limit) => (budget.higherIsBetter ? value >= limit : value <= limit);
    const sign = budget.higherIsBetter ? '>=' : '<=';
    const ok = within(budget.guard);
    const target = within(budget.target) ? 'target met' : 'target NOT MET';
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${budget.label}: ${value} (target ${sign} ${budget.target}: ${target}; guard ${sign} ${budget.guard})`,
    );
    failed ||= !ok;
  }
  console.log(`     First Contentful Paint (ms): ${median.fcp_ms}; bytes transferred: ${median.transfer_bytes}`);
  for (const id of median.not_passed) console.log(`     audit not passed: ${id}`);
  if (summaryPath) fs.writeFileSync(summaryPath, JSON.stringify({ median, runs }, null, 2));
}
process.exit(failed ? 1 : 0);
