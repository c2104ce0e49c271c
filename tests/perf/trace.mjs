// Reading Chromium performance traces (Playwright's browser.startTracing / stopTracing) for the
// perf checks: the renderer main thread's tasks, and the page's own user-timing marks, both on
// the trace's clock (microseconds).

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

/** Parses a trace once; `tasks` are the main-thread tasks, `styleRecalcs` its style
 * recalculations, `mark(name)` a mark's time. */
export function readTrace(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const mainThreads = new Set(events
    .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
    .map((event) => `${event.pid}:${event.tid}`));
  const tasks = events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    // dur is wall time; tdur is the thread's CPU time, which a busy machine does not inflate.
    .map((event) => ({ ts: event.ts, durMs: event.dur / 1000, cpuMs: (event.tdur ?? event.dur) / 1000 }));
  // Each style recalculation and how many elements it restyled: a count the machine's speed does
  // not move, so a stylesheet or markup change that widens restyling shows in every run.
  const styleRecalcs = events
    .filter((event) => event.name === 'UpdateLayoutTree' && event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((event) => ({ ts: event.ts, elements: event.args?.elementCount ?? 0 }));
  const mark = (name) => {
    const found = events.find((event) => event.name === name && event.cat?.includes('blink.user_timing'));
    if (!found) throw new Error(`the trace has no mark ${name}`);
    return found.ts;
  };
  return { tasks, styleRecalcs, mark };
}

/** The tasks that overlap [start, end] (trace microseconds). */
export function tasksBetween(tasks, start, end) {
  return tasks.filter((task) => task.ts + task.durMs * 1000 >= start && task.ts <= end);
}

export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
