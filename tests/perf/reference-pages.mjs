// Reference pages for the no-jank check: the same answer -> next question, with no app, measured
// the same way in the same run. They show what any page pays on this machine at this slowdown,
// so the app's figure can be read against a floor measured under the same conditions.
//
// - `bare`: a heading and a button whose texts change; the least a visible change can cost.
// - `plain`: the app's own markup and stylesheet for a true/false question, its feedback and the
//   next question, swapped in by a few lines of plain DOM code, in one task per press.
//
// Also here: Lighthouse's BenchmarkIndex, which the check prints as the machine's speed, and the
// calibration that turns a phone's score into a slowdown (the check's mid-tier phone by default,
// or `PERF_PHONE_INDEX`).
//
// Each page's script runs in a function of its own: Playwright's setContent rewrites the
// document but keeps its window, where top-level `let` names would clash with the last page's.

// Chrome DevTools' calibrated presets (`front_end/panels/mobile_throttling/CalibrationController.ts`):
// the BenchmarkIndex of a mid-tier phone, "like a Pixel 5", and of a low-tier one, a Moto G Power
// 2022. The no-jank check stands for the mid-tier phone by default: it is the phone DevTools' own
// "mid-tier mobile" 4x preset and Lighthouse's mobile 4x aim at, made the same phone on any machine.
export const MID_TIER_PHONE_INDEX = 1000;
export const LOW_TIER_PHONE_INDEX = 264;
// DevTools runs the benchmark for 250 ms per score when it calibrates.
const CALIBRATION_RUN_MS = 250;

/** Lighthouse's BenchmarkIndex, a rough CPU score, as Chrome DevTools' CPU calibration runs it. */
export function benchmarkIndex(page, durationMs = CALIBRATION_RUN_MS) {
  return page.evaluate((duration) => {
    const halfTime = duration / 2;
    const gcHeavy = () => {
      const start = Date.now();
      let iterations = 0;
      while (Date.now() - start < halfTime) {
        let s = '';
        for (let j = 0; j < 10000; j++) s += 'a';
        if (s.length === 1) throw new Error('unreachable: keeps the loop from being optimised away');
        iterations++;
      }
      return Math.round(iterations / 10 / ((Date.now() - start) / 1000));
    };
    const arrayCopy = () => {
      const a = [];
      const b = [];
      for (let i = 0; i < 100000; i++) a[i] = b[i] = i;
      const start = Date.now();
      let iterations = 0;
      while (iterations % 10 !== 0 || Date.now() - start < halfTime) {
        const [from, to] = iterations % 2 === 0 ? [a, b] : [b, a];
        for (let j = 0; j < from.length; j++) to[j] = from[j];
        iterations++;
      }
      return Math.round(iterations / 10 / ((Date.now() - start) / 1000));
    };
    return (gcHeavy() + arrayCopy()) / 2;
  }, durationMs);
}

// The middle value, or the mean of the two middle ones.
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
}

/** The median of three BenchmarkIndex runs at the page's current slowdown: one 250 ms run moves by
 * 10% or more from the next on this machine. */
async function steadyBenchmarkIndex(page) {
  const scores = [];
  for (let run = 0; run < 3; run++) scores.push(await benchmarkIndex(page));
  return median(scores);
}

// The slowdown at which the benchmark scores `target`. Each score at a rate gives an estimate of
// the rate wanted, since the score falls about in proportion to the rate: rate x score / target.
// The next rate tried is the median of the estimates so far, and the rate kept is the median of
// the throttled ones once the last score is within 5% (at least three, at most six), so one score
// thrown off by the machine moves the result little: in session 13 single scores at one rate
// differed by up to 30% within a minute. DevTools bisects on single scores instead. Printed, so
// each run says what phone it measured; the check calibrates just before it measures, as the
// machine's speed drifts (1,597 to 2,974 unthrottled within an hour in session 12).
export async function calibratedSlowdown(browser, target) {
  const { page, cdp } = await benchmarkPage(browser);
  const unthrottled = await steadyBenchmarkIndex(page);
  const estimate = (rate, score) => Math.max(1, (rate * score) / target);
  const steps = [];
  let rate = estimate(1, unthrottled);
  // A machine slower than the phone unthrottled can only be measured as it is (DevTools calls
  // it "device too weak"): the check is then stricter than the phone, never more lenient.
  if (unthrottled > target) {
    for (;;) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const score = await steadyBenchmarkIndex(page);
      steps.push({ rate, score });
      const settled = Math.abs(score - target) <= 0.05 * target;
      if ((settled && steps.length >= 3) || steps.length === 6) break;
      rate = median([estimate(1, unthrottled), ...steps.map((step) => estimate(step.rate, step.score))]);
    }
    rate = median(steps.map((step) => estimate(step.rate, step.score)));
  }
  await page.close();
  const tried = steps.map((step) => `${step.score.toFixed(0)} at ${step.rate.toFixed(2)}x`).join(', ');
  console.log(`calibrated to BenchmarkIndex ${target}: ${unthrottled.toFixed(0)} unthrottled` +
    (tried ? `, then ${tried}; kept ${rate.toFixed(2)}x` : '; a slower machine than that, so unthrottled'));
  return rate;
}

/** The benchmark at `rate` on a page of its own, closed after: the machine's speed beside a
 * measurement, and after it, to show whether the machine still ran at the speed it was calibrated to. */
export async function benchmarkAt(browser, rate) {
  const { page, cdp } = await benchmarkPage(browser);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const score = await steadyBenchmarkIndex(page);
  await page.close();
  return score;
}

// A blank page of its own for the benchmark, run once unthrottled so V8 has optimised it.
async function benchmarkPage(browser) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>benchmark</title>');
  const cdp = await page.context().newCDPSession(page);
  await benchmarkIndex(page);
  return { page, cdp };
}

export const BARE_PAGE = `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>bare</title></head>
<body><h1 id="heading">Question 1</h1><form><button type="submit">Check answer</button></form><script>(() => {
let n = 1;
const button = document.querySelector('button');
const heading = document.getElementById('heading');
document.querySelector('form').onsubmit = (event) => {
  event.preventDefault();
  const asking = !button.id;
  button.id = asking ? 'continue-button' : '';
  button.textContent = asking ? 'Continue' : 'Check answer';
  heading.textContent = asking ? 'Correct' : 'Question ' + (++n);
};
})();</script></body></html>`;

// The app's tick icon (src/components/marks.rs), as the app draws it.
const TICK = '<svg class="nhsuk-icon nhsuk-icon--tick app-mark-icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" focusable="false" aria-hidden="true"><path d="M11.4 17.5a2 2 0 0 1-2.7.1h-.1L4 12.8a1.5 1.5 0 0 1 2.1-2L10 14.7l8.1-8.1a1.5 1.5 0 1 1 2.2 2l-8.9 9Z"></path></svg>';

/** The app's session screen for `answers` questions, without the app, styled by its stylesheet `css`. */
export function plainPage(css, answers) {
  return `<!doctype html><html lang="en-GB"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>plain</title><style>${css}</style></head>
<body class="js-enabled"><div id="app"><a href="#maincontent" class="nhsuk-skip-link">Skip to main content</a>
<header class="nhsuk-header app-header"><div class="nhsuk-header__container nhsuk-width-container"><a href="#" class="nhsuk-header__service-name app-brand">Microlearn</a></div>
<nav aria-label="Primary" class="app-nav"><ul class="app-nav__list nhsuk-width-container"><li><a href="#" aria-current="page" class="app-nav__link">Today</a></li><li><a href="#" class="app-nav__link">Modules</a></li><li><a href="#" class="app-nav__link">Progress</a></li><li><a href="#" class="app-nav__link">Settings</a></li></ul></nav></header>
<main id="maincontent" tabindex="-1" class="nhsuk-width-container nhsuk-main-wrapper"><div class="app-session"><div class="app-session__bar"><label for="progress" class="nhsuk-body-s app-session__count" id="count">0 of ${answers} done</label><progress id="progress" max="${answers}" value="0" class="app-progress"></progress><a href="#" class="app-session__leave">Leave and continue later</a></div><div id="step"></div></div></main>
<footer class="nhsuk-footer app-footer"><div class="nhsuk-width-container"><p class="nhsuk-body-s">Your progress stays on this device. There is no account.</p><p class="nhsuk-body-s"><a href="#">About, privacy and accessibility</a></p></div></footer></div>
<script>(() => {
let n = 0;
const tick = '${TICK}';
const step = document.getElementById('step');
const radios = (disabled) => ['True', 'False'].map((label) => '<div class="nhsuk-radios__item"><input id="q-' + label + '" name="q" type="radio" class="nhsuk-radios__input"' + (disabled ? ' disabled' + (label === 'True' ? ' checked' : '') : '') + '><label for="q-' + label + '" class="nhsuk-label nhsuk-radios__label">' + label + '</label>' + (disabled && label === 'True' ? '<strong class="app-mark app-mark--right">' + tick + 'Your answer, correct</strong>' : '') + '</div>').join('');
const question = (disabled) => '<form novalidate class="app-question"><div class="nhsuk-form-group"><div id="prompt" class="app-prompt"><p>Generated statement ' + n + ' of a generated lesson.</p></div><fieldset aria-labelledby="prompt" class="nhsuk-fieldset"><div class="nhsuk-radios nhsuk-radios--inline">' + radios(disabled) + '</div></fieldset></div>' + (disabled ? '' : '<button type="submit" class="nhsuk-button">Check answer</button>') + '</form>';
const focusHeading = () => requestAnimationFrame(() => setTimeout(() => document.getElementById('step-heading').focus()));
function ask() {
  n += 1;
  step.innerHTML = '<h1 id="step-heading" tabindex="-1" class="nhsuk-heading-m">Question ' + n + '</h1><div>' + question(false) + '</div>';
  step.querySelector('form').onsubmit = (event) => { event.preventDefault(); feedback(); };
  focusHeading();
}
function feedback() {
  document.getElementById('count').textContent = n + ' of ${answers} done';
  document.getElementById('progress').value = n;
  step.innerHTML = '<div class="app-verdict app-verdict--right" role="status" aria-live="polite"><h1 id="step-heading" tabindex="-1" class="nhsuk-heading-m">' + tick + 'Correct</h1></div>' + question(true) +
    '<div class="app-explanation"><h2 class="nhsuk-heading-s">Why</h2><p>Generated explanation ' + n + '.</p><p class="nhsuk-body-s">Source: <a href="#">A generated source</a></p></div>' +
    '<button type="button" class="nhsuk-button app-continue" id="continue-button">Continue</button>';
  document.getElementById('continue-button').onclick = ask;
  focusHeading();
}
ask();
})();</script></body></html>`;
}
