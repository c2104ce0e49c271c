// The loader for the app's second wasm module (the screens after the first; src/split.rs). The
// build (xtask/src/split.rs) writes it into dist/ as __wasm_split.js, the name the main module's
// imports ask for, with this build's file names and integrity hashes filled in.
//
// Based on wasm-split's makeLoad (vendor/wasm-split-cli/src/__wasm_split.js): the module is
// instantiated against the main module's memory, table and exports, and its exports join the
// shared imports that later modules may need. Unlike upstream's, a module that cannot be fetched
// (no signal and not cached yet) or fails its integrity check reports failure to the app, which
// says so on screen, instead of leaving the app waiting for ever.
import { initSync } from '__APP_JS__';

const fusedImports = {};

function makeLoad(url, integrity, dependencies) {
  let loaded = null;
  const load = () => {
    if (!loaded) {
      loaded = (async () => {
        for (const dependency of dependencies) await dependency.load();
        const mainExports = initSync(undefined, undefined);
        const imports = {
          env: { memory: mainExports.memory },
          __wasm_split: {
            __indirect_function_table: mainExports.__indirect_function_table,
            __stack_pointer: mainExports.__stack_pointer,
            __tls_base: mainExports.__tls_base,
            memory: mainExports.memory,
            ...mainExports,
            ...fusedImports,
          },
        };
        const { instance } = await WebAssembly.instantiateStreaming(
          fetch(url, { integrity }),
          imports,
        );
        Object.assign(fusedImports, instance.exports);
      })();
      // A failed attempt is not remembered, so trying again (the app reloads) fetches again.
      loaded.catch(() => {
        loaded = null;
      });
    }
    return loaded;
  };
  // The main module calls this with a function-table index and a pointer; the function is called
  // once with (pointer, true) when the module is ready, or (pointer, false) when it could not be
  // loaded.
  const start = (callbackIndex, callbackData) => {
    load().then(
      () => true,
      (error) => {
        console.error(`Microlearn could not load ${url}`, error);
        return false;
      },
    ).then((ok) => {
      const mainExports = initSync(undefined, undefined);
      mainExports.__indirect_function_table.get(callbackIndex)(callbackData, ok);
    });
  };
  start.load = load;
  return start;
}

/* __SPLIT_EXPORTS__ */
