// Browser glue for src/platform (imported by wasm-bindgen): the service worker, messages to a
// host page, and the SCORM 1.2 API an LMS provides. Kept to thin calls; decisions are in Rust.

// ---- Service worker -------------------------------------------------------------------------

// Registers ./sw.js and calls `onUpdateReady` when a new deployment has been cached and is
// waiting. The page keeps running on the old deployment until the learner chooses to reload.
export function registerServiceWorker(onUpdateReady) {
  if (!('serviceWorker' in navigator)) return;
  // Registering (and the worker's precaching) waits until the page is idle, so it never adds to
  // the tasks that draw the first screen on a slow phone.
  const whenIdle = window.requestIdleCallback || ((callback) => setTimeout(callback, 1));
  whenIdle(() => register(onUpdateReady), { timeout: 2000 });
}

function register(onUpdateReady) {
  navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).then((registration) => {
    const announce = () => {
      if (registration.waiting && navigator.serviceWorker.controller) onUpdateReady();
    };
    announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (worker) worker.addEventListener('statechange', () => { if (worker.state === 'installed') announce(); });
    });
    // A learner may keep the app open for days: look for a new deployment when they come back.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch(() => {
    // No worker (plain http on a non-local host, or storage blocked): the app still works online.
  });
}

// Lets the waiting worker take over, then reloads once it controls the page, so every file of
// the reloaded page comes from the new deployment.
export function activateUpdate() {
  navigator.serviceWorker.getRegistration().then((registration) => {
    const waiting = registration && registration.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'microlearn:activate-update' });
  });
}

// ---- Host page ------------------------------------------------------------------------------

// Whether the app runs inside a frame.
export function isFramed() {
  return window.parent !== window;
}

// The `host` query parameter of the app's own URL (the embedding page's origin), or "".
export function hostParameter() {
  return new URLSearchParams(location.search).get('host') || '';
}

// Posts a JSON message to the embedding page. The browser delivers it only if that page's origin
// is exactly `targetOrigin`, so the data never reaches another site.
export function postToHost(json, targetOrigin) {
  window.parent.postMessage(JSON.parse(json), targetOrigin);
}

// ---- SCORM 1.2 ------------------------------------------------------------------------------

let scormApi = null;

// The module named by the SCORM launch page's marker, "" for the whole app, or undefined when the
// page was not launched from a SCORM package.
export function scormLaunchModule() {
  const meta = document.querySelector('meta[name="microlearn-scorm"]');
  return meta ? meta.getAttribute('content') || '' : undefined;
}

// The API discovery algorithm of the SCORM 1.2 Run-Time Environment: look for `API` on this
// window and its parents (at most 7 levels, as ADL's sample does), then on the opener's chain.
// Frames of another origin throw on access; they cannot hold the API, so the walk goes on above.
function searchChain(start) {
  let win = start;
  for (let level = 0; win && level <= 7; level += 1) {
    try {
      if (win.API) return win.API;
    } catch (error) {
      // Another origin's frame.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

export function scormFind() {
  scormApi = searchChain(window) || (window.opener ? searchChain(window.opener) : null);
  return scormApi !== null;
}

// LMSInitialize, LMSGetValue, LMSSetValue, LMSCommit, LMSFinish and the error code, as strings.
export function scormCall(name, key, value) {
  if (!scormApi) return 'false';
  const result = name === 'LMSSetValue' ? scormApi[name](key, value) : scormApi[name](key);
  return String(result);
}

// Runs `callback` once when the page is being left (closed, navigated away or reloaded).
export function onPageHide(callback) {
  window.addEventListener('pagehide', () => callback(), { once: true });
}

export function nowMs() {
  return Date.now();
}
