// The app's loader. The build (xtask/src/loader.rs) writes it into dist/ as boot-<hash>.js, with
// this build's file names and the wasm's integrity hash filled in.
//
// It starts fetching the app's wasm only after the browser has painted index.html's first
// screen. On a slow phone network the first screen then never waits for the wasm's bytes to
// share the connection with the stylesheet, and the paint that a learner sees first is the
// largest one on the page, so Largest Contentful Paint measures it (tests/perf/lighthouse.mjs).
import init, * as bindings from '__APP_JS__';

// Resolves at the first contentful paint, or after `limitMs` where none comes: a hidden frame or a
// background tab paints nothing until it is shown, and the app must start there all the same.
function afterFirstPaint(limitMs) {
  return new Promise((resolve) => {
    let observer = null;
    const done = () => {
      if (observer) observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch (error) {
      // A browser without paint timing: start at once.
      done();
    }
  });
}

await afterFirstPaint(1000);
await init({ module_or_path: fetch('__APP_WASM__', { integrity: '__WASM_INTEGRITY__' }) });

// The app's exported functions, for tests and the worker bridge (src/platform_worker.rs).
window.wasmBindings = bindings;
