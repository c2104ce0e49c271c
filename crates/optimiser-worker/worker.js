// Entry script of the optimiser worker (copied by trunk to workers/, next to the wasm-bindgen
// glue it loads). The page posts one `{request, log}` message (JSON texts) and gets one JSON text
// back; the work itself is in Rust (src/lib.rs). The glue is loaded with importScripts, which
// every browser supports in a classic worker (module workers are newer).
importScripts('./optimiser-worker.js');

const ready = wasm_bindgen({ module_or_path: './optimiser-worker_bg.wasm' });

self.onmessage = (event) => {
  const { request, log } = event.data;
  ready
    .then(() => wasm_bindgen.handle(String(request), String(log ?? '')))
    .catch((error) => JSON.stringify({ error: `the optimiser stopped: ${error}` }))
    .then((reply) => self.postMessage(reply));
};
