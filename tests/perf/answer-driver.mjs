// Drives one answer -> next question from inside the page, for the no-jank check (the app and
// the reference pages are driven by the same code, so their figures compare).
//
// The response is chosen first, by a click on its label, and the window opens as "Check answer"
// is pressed; it closes when the next question (or the end of the session) is on screen.
// "Continue" is pressed once it is enabled (the answer is saved). Playwright's own clicks and
// visibility polls would run its injected script on the main thread (hit-target checks, forced
// layouts), so none run inside the window, and each press is a task of its own, as a learner's
// tap is. None run between answers either: the garbage they leave on the page's heap (half of
// all it allocated over 40 answers, in a sampling heap profile) was collected inside later
// windows and counted as the page's.
import { percentile, readTrace, tasksBetween } from './trace.mjs';

/**
 * Chooses the response labelled `choice` (none if null) on the question on screen, answers it
 * and goes on to the next; marks `answer-n-*`. Resolves with whether a next question is on
 * screen.
 */
export function answerInPage(page, n, choice) {
  return page.evaluate(async ({ n, choice }) => {
    const until = (predicate) => new Promise((resolve, reject) => {
      const started = performance.now();
      const poll = () => {
        const found = predicate();
        if (found) resolve(found);
        else if (performance.now() - started > 30_000) reject(new Error(`answer ${n}: timed out`));
        else setTimeout(poll, 10);
      };
      poll();
    });
    const button = (text) => [...document.querySelectorAll('button, a')].find((element) => element.textContent.trim() === text);
    // Run inside this evaluate's task, a press would share a task with Playwright's machinery.
    const press = (label, element) => new Promise((resolve) => setTimeout(() => {
      performance.mark(`answer-${n}-${label}`);
      element.click();
      resolve();
    }));
    if (choice !== null) {
      const label = [...document.querySelectorAll('label')].find((element) => element.textContent.trim() === choice);
      if (!label) throw new Error(`answer ${n}: no response labelled ${choice}`);
      label.click();
      await until(() => document.getElementById(label.htmlFor)?.checked);
      // The choice is drawn before the window opens, as a learner's tap is before the next one.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
    await press('start', document.querySelector('form button[type="submit"]'));
    await press('continue', await until(() => document.querySelector('#continue-button:not([disabled])')));
    const next = await until(() => button('Check answer') || button('Back to today'));
    // Two frames more, so the window holds the browser's rendering of the new question and the
    // focus move that follows it.
    for (let frame = 0; frame < 2; frame++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
    performance.mark(`answer-${n}-end`);
    return next.textContent.trim() === 'Check answer';
  }, { n, choice });
}

/**
 * The longest main-thread task (wall time: the CPU slowdown stretches wall time, which is what a
 * learner on a slow phone feels) in each answer's window, and in its two halves: "Check answer"
 * to the feedback, and "Continue" to the next question; and how many elements each answer
 * restyled.
 */
export function longestTaskPerAnswer(trace, answered) {
  const { tasks, styleRecalcs, mark } = readTrace(trace);
  const longestIn = (from, to) => Array.from({ length: answered }, (_, n) => Math.max(0,
    ...tasksBetween(tasks, mark(`answer-${n}-${from}`), mark(`answer-${n}-${to}`)).map((task) => task.durMs)));
  return {
    whole: longestIn('start', 'end'),
    checkHalf: longestIn('start', 'continue'),
    continueHalf: longestIn('continue', 'end'),
    // Elements whose style was recalculated per answer, over all its frames.
    restyled: Array.from({ length: answered }, (_, n) => {
      const [start, end] = [mark(`answer-${n}-start`), mark(`answer-${n}-end`)];
      return styleRecalcs
        .filter((recalc) => recalc.ts >= start && recalc.ts <= end)
        .reduce((sum, recalc) => sum + recalc.elements, 0);
    }),
  };
}

/** One line of figures for a set of per-answer longest tasks, against `targetMs`. */
export function summarise(figures, targetMs) {
  return `p95 ${percentile(figures, 0.95).toFixed(1)} ms, median ${percentile(figures, 0.5).toFixed(1)} ms, ` +
    `worst ${Math.max(...figures).toFixed(1)} ms; over ${targetMs} ms in ${figures.filter((ms) => ms > targetMs).length} of ${figures.length} answers`;
}
