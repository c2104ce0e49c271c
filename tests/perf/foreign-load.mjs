// How much CPU the rest of the machine took while a perf check measured: the processes outside
// this test run (another build, another test suite) and the hypervisor's steal time.
//
// DevTools' CPU throttling slows the page's main thread by making it spin in a signal handler
// (Chromium's thread_cpu_throttler.cc), so at 4x that thread holds one core whether it works or
// not. On a 2-core machine any other busy process then competes with the compositor, raster and
// browser threads for the one core left, and every wait the main thread makes on them is
// stretched 4x: one `yes > /dev/null` beside the no-jank check moved its p95 from 12-16 ms to
// 19.6 ms and the bare reference page's from 4.9 to 11.5 ms (BENCHMARKS.md, session 9). A phone
// has no such neighbour, so a figure taken beside one says little about the app; this lets a
// check tell the two apart. Linux only (it reads /proc); elsewhere `start` returns null.
import { readFileSync, readdirSync } from 'node:fs';

const SAMPLE_MS = 500;

/** CPU ticks used so far by every live process, with its parent. */
function processTicks() {
  const processes = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it ended between the listing and the read
    }
    // The command name, in parentheses, may hold spaces; the fields after it are fixed
    // (proc(5)): state, ppid, ... utime (14th) and stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return processes;
}

/** The machine's busy and steal ticks so far, summed over its CPUs. */
function machineTicks() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, steal };
}

/** `root` and every process below it. */
function family(processes, root) {
  const children = new Map();
  for (const [pid, { parent }] of processes) {
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
  }
  const found = new Set();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    if (found.has(pid)) continue;
    found.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

function snapshot(root) {
  const processes = processTicks();
  return { at: performance.now(), machine: machineTicks(), processes, ours: family(processes, root) };
}

/** Cores' worth of CPU that processes outside `ours` (and steal) used between two snapshots. */
function between(earlier, later, ticksPerSecond) {
  const seconds = (later.at - earlier.at) / 1000;
  // Our processes' growth, counting only those alive at both ends or born in between.
  let ourTicks = 0;
  for (const pid of later.ours) {
    const now = later.processes.get(pid)?.ticks ?? 0;
    ourTicks += now - (earlier.ours.has(pid) ? earlier.processes.get(pid)?.ticks ?? 0 : 0);
  }
  const busy = later.machine.busy - earlier.machine.busy;
  const steal = later.machine.steal - earlier.machine.steal;
  return {
    foreignCores: Math.max(0, busy - ourTicks) / ticksPerSecond / seconds,
    stealCores: steal / ticksPerSecond / seconds,
  };
}

/**
 * Starts watching; `stop()` returns the average and the worst half-second of other processes'
 * load and steal, in cores. `root` is the process whose family counts as this test run (the
 * Playwright runner: its workers and the browsers they start).
 */
export function startForeignLoad(root = process.ppid) {
  let first;
  try {
    first = snapshot(root);
  } catch {
    return null;
  }
  // Linux reports process and machine times in USER_HZ ticks, 100 a second on every platform
  // it builds for (proc(5)).
  const ticksPerSecond = 100;
  const intervals = [];
  let previous = first;
  const sample = () => {
    const next = snapshot(root);
    intervals.push(between(previous, next, ticksPerSecond));
    previous = next;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const whole = between(first, previous, ticksPerSecond);
      return {
        foreignCores: whole.foreignCores,
        stealCores: whole.stealCores,
        worstForeignCores: Math.max(...intervals.map((interval) => interval.foreignCores + interval.stealCores)),
        seconds: (previous.at - first.at) / 1000,
      };
    },
  };
}

// Past these, the machine is called busy in the printout: an idle machine here shows 0.01 cores
// on average and at most 0.08 in a half-second; one busy process beside the check shows 1.0.
const BUSY_AVERAGE_CORES = 0.1;
const BUSY_WORST_CORES = 0.5;

/** One line on what else ran, for a check's printout (or why it is not known). */
export function describeForeignLoad(load) {
  if (!load) return 'other processes\' load not measured (no /proc)';
  const busy = load.foreignCores + load.stealCores >= BUSY_AVERAGE_CORES || load.worstForeignCores >= BUSY_WORST_CORES;
  return `other processes took ${load.foreignCores.toFixed(2)} cores on average (worst half-second ` +
    `${load.worstForeignCores.toFixed(2)}), steal ${load.stealCores.toFixed(2)}, over ${load.seconds.toFixed(0)} s: ` +
    (busy ? 'BUSY, so the figure overstates what the page costs' : 'quiet');
}
