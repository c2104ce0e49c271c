// Runs a wasm32-wasip1 program in headless Chromium with a minimal WASI shim and prints its stdout.
import { chromium } from 'playwright-core';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bytes = (await readFile(process.argv[2])).toString('base64');
const userDataDir = await mkdtemp(join(tmpdir(), 'chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
});
const page = await context.newPage();
const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
const output = await page.evaluate(async (base64) => {
  const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  let memory; let out = '';
  const view = () => new DataView(memory.buffer);
  const decoder = new TextDecoder();
  const wasi = {
    fd_write(fd, iovs, count, written) {
      let total = 0;
      for (let i = 0; i < count; i++) {
        const ptr = view().getUint32(iovs + i * 8, true);
        const len = view().getUint32(iovs + i * 8 + 4, true);
        out += decoder.decode(new Uint8Array(memory.buffer, ptr, len));
        total += len;
      }
      view().setUint32(written, total, true);
      return 0;
    },
    clock_time_get(id, precision, result) {
      const nanos = BigInt(Math.round((id === 0 ? Date.now() : performance.now()) * 1e6));
      view().setBigUint64(result, nanos, true);
      return 0;
    },
    random_get(ptr, len) { crypto.getRandomValues(new Uint8Array(memory.buffer, ptr, len)); return 0; },
    environ_sizes_get(count, size) { view().setUint32(count, 0, true); view().setUint32(size, 0, true); return 0; },
    environ_get() { return 0; },
    args_sizes_get(count, size) { view().setUint32(count, 0, true); view().setUint32(size, 0, true); return 0; },
    args_get() { return 0; },
    proc_exit(code) { throw new Error('exit ' + code); },
    sched_yield() { return 0; },
  };
  const imports = { wasi_snapshot_preview1: new Proxy(wasi, {
    get: (target, name) => target[name] ?? (() => 52 /* ENOSYS */),
  }) };
  const { instance } = await WebAssembly.instantiate(binary, imports);
  memory = instance.exports.memory;
  try { instance.exports._start(); } catch (error) { if (!String(error).includes('exit 0')) out += '\n' + error; }
  return out;
}, bytes);
console.log(`Chromium ${version}`);
console.log(output.trim());
await context.close();
