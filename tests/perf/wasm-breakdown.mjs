// Which crates the code of a wasm file comes from (a small stand-in for twiggy): reads the code
// section and the name section that wasm-bindgen keeps before wasm-opt strips it, and sums each
// function body's bytes under its crate (the first path segment of its demangled name).
// Usage: node tests/perf/wasm-breakdown.mjs dist/microlearn-<hash>_bg.wasm [filter [depth]], on a bundle
// built with MICROLEARN_WASM_NAMES=1 (or dist/screens/screens-<hash>.wasm for the later screens)
// (a filter such as `microlearn::` with depth 2 splits one crate by module).
import { readFileSync } from 'node:fs';

const [file, filter, depthText] = process.argv.slice(2);
const depth = Number(depthText ?? 1);
const bytes = readFileSync(file);
let offset = 8;

function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}

function name() {
  const length = leb();
  const text = bytes.toString('utf8', offset, offset + length);
  offset += length;
  return text;
}

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
while (offset < bytes.length) {
  const id = bytes[offset++];
  const size = leb();
  const end = offset + size;
  if (id === 2) {
    for (let count = leb(), i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[offset++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { offset++; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { offset += 2; }
      else leb();
    }
  } else if (id === 10) {
    for (let count = leb(), i = 0; i < count; i++) {
      const bodySize = leb();
      bodySizes.push(bodySize);
      offset += bodySize;
    }
  } else if (id === 0 && name() === 'name') {
    while (offset < end) {
      const sub = bytes[offset++];
      const subSize = leb();
      const subEnd = offset + subSize;
      if (sub === 1) {
        for (let count = leb(), i = 0; i < count; i++) {
          const index = leb();
          names.set(index, name());
        }
      }
      offset = subEnd;
    }
  }
  offset = end;
}

// The split build keeps the linker's mangled names (`_ZN4core3fmt5write17h…E`; see
// xtask/src/split.rs): turn the legacy Rust mangling back into a path, enough to group by crate.
function demangle(raw) {
  if (!raw.startsWith('_ZN')) return raw;
  const segments = [];
  let at = 3;
  while (at < raw.length && raw[at] !== 'E') {
    const digits = /^\d+/.exec(raw.slice(at));
    if (!digits) break;
    at += digits[0].length;
    segments.push(raw.slice(at, at + Number(digits[0])));
    at += Number(digits[0]);
  }
  return segments
    .filter((segment) => !/^h[0-9a-f]{16}$/.test(segment))
    .map((segment) => segment.replace(/^_\$/, '$').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>')
      .replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::'))
    .join('::');
}

const byCrate = new Map();
let total = 0;
bodySizes.forEach((size, i) => {
  const full = demangle(names.get(importedFunctions + i) ?? '(no name)');
  total += size;
  if (filter && !full.includes(filter)) return;
  const crate = full.replace(/^[<_&*\s]+/, '').replace(/^(mut|dyn) /, '').split(/::|<| as /).slice(0, depth).join('::') || full;
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
});
console.log(`${file}: ${bodySizes.length} functions, ${total} bytes of code${names.size ? '' : ' (no name section)'}`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${String(size).padStart(10)}  ${crate}`);
}
