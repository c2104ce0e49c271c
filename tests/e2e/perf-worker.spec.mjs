// The optimiser runs in a Web Worker with its own wasm (crates/optimiser-worker): the page does
// not download it until a fit starts, and the main thread keeps responding during a fit on
// 25,000 reviews. Prints the fit time and the worst main-thread gap (issue 11).
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { TRACE_CATEGORIES, readTrace, tasksBetween } from '../perf/trace.mjs';

// The bar for "keeps responding": no main-thread task of LONG_TASK_MS or more during the fit (the
// browser's long-task threshold, a stall a learner can feel), counted in the task's CPU time from
// a DevTools trace, so a runner shared with other builds does not decide the result. Wall-time
// figures (the longest task, Long Tasks API entries, and a PROBE_MS timer's worst lateness, with
// the same timer on an idle page for comparison) are printed beside it.
const PROBE_MS = 5;
const LONG_TASK_MS = 50;

test('a fit on 25,000 reviews runs in the worker and the page keeps responding', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const problems = watchPage(page, baseURL);
  const workerRequests = [];
  page.on('request', (request) => {
    if (request.url().includes('/workers/')) workerRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('./');
  await page.waitForFunction(() => typeof window.wasmBindings?.microlearnFitInWorker === 'function');
  expect(workerRequests, 'the optimiser is not fetched at start-up').toEqual([]);

  // A simulated learner's log (engine::synthetic, seeded), made by the worker itself so the test
  // ships no fixture; kept in the page, not sent back to Node.
  const reviews = await page.evaluate(async () => {
    const worker = new Worker('./workers/worker.js');
    const reply = await new Promise((resolve, reject) => {
      worker.onmessage = (event) => resolve(JSON.parse(event.data));
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ request: JSON.stringify({ kind: 'synthetic', items: 2500, reviews: 25000, seed: 1 }) });
    });
    worker.terminate();
    if (reply.error) throw new Error(reply.error);
    window.perfLogJson = JSON.stringify(reply.ok);
    return reply.ok.length;
  });
  expect(reviews).toBe(25000);

  await page.waitForLoadState('networkidle');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const result = await page.evaluate(async (probeMs) => {
    // A setInterval probe: how late each tick came. It also feels the machine's own load (other
    // processes on a shared runner), so it runs once idle for comparison.
    const probeFor = (work) => new Promise((resolve) => {
      const gaps = [];
      let last = performance.now();
      const probe = setInterval(() => {
        const now = performance.now();
        gaps.push(now - last - probeMs);
        last = now;
      }, probeMs);
      work().then((value) => setTimeout(() => {
        clearInterval(probe);
        resolve({ value, ticks: gaps.length, worstGapMs: Math.max(0, ...gaps) });
      }, 50));
    });
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const idle = await probeFor(() => pause(500));
    // Long tasks: main-thread work of 50 ms or more, whatever the machine's load.
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    performance.mark('fit-start');
    const fit = await probeFor(async () => {
      const outcome = JSON.parse(await window.wasmBindings.microlearnFitInWorker(window.perfLogJson));
      performance.mark('fit-end');
      return { outcome, fitMs: performance.now() - started };
    });
    await pause(0);
    observer.disconnect();
    return {
      ...fit.value,
      ticks: fit.ticks,
      worstGapMs: fit.worstGapMs,
      idleWorstGapMs: idle.worstGapMs,
      longTaskMs: longTasks.map((entry) => Math.round(entry.duration)),
    };
  }, PROBE_MS);
  const { tasks, mark } = readTrace(await browser.stopTracing());
  const during = tasksBetween(tasks, mark('fit-start'), mark('fit-end'));
  const longestCpuMs = Math.max(0, ...during.map((task) => task.cpuMs));
  const longestWallMs = Math.max(0, ...during.map((task) => task.durMs));

  console.log(
    `optimiser worker: fit on 25,000 reviews took ${result.fitMs.toFixed(0)} ms end to end ` +
    `(worker start, wasm compile, parse, fit, ${result.outcome.training_samples} training samples, ` +
    `${result.outcome.decision}); main thread during the fit: longest task ${longestCpuMs.toFixed(1)} ms of CPU ` +
    `(${longestWallMs.toFixed(1)} ms wall; budget ${LONG_TASK_MS} ms of CPU), long tasks ${JSON.stringify(result.longTaskMs)}, ` +
    `worst gap of a ${PROBE_MS} ms timer ` +
    `${result.worstGapMs.toFixed(1)} ms over ${result.ticks} ticks (the same timer with the page idle: ` +
    `${result.idleWorstGapMs.toFixed(1)} ms)`,
  );
  expect(result.outcome.parameters).toHaveLength(21);
  expect(result.outcome.decision).not.toBe('not-enough-data');
  expect(workerRequests).toContain(new URL('./workers/optimiser-worker_bg.wasm', baseURL).pathname);
  expect(during.length, 'main-thread tasks traced during the fit').toBeGreaterThan(0);
  expect(longestCpuMs, 'the longest main-thread task during the fit (ms of CPU)').toBeLessThan(LONG_TASK_MS);
  expectClean(problems);
});

test('a garbled log is reported in plain words, not a hang', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  await page.goto('./');
  await page.waitForFunction(() => typeof window.wasmBindings?.microlearnFitInWorker === 'function');
  const message = await page.evaluate(() =>
    window.wasmBindings.microlearnFitInWorker('[{"not":"an event"}]').then(() => 'resolved', String));
  expect(message).toContain('the optimiser could not read the review log');
  expectClean(problems);
});
