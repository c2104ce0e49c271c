// Microlearn's service worker: keeps one complete deployment in the cache so the app works with
// no signal, and switches to a new deployment only when the learner chooses to reload.
//
// The build (xtask/src/pwa.rs) fills in VERSION and PRECACHE: every file of dist/ with the SHA-256
// of its bytes. Nothing here is typed by hand per deployment.
const VERSION = '__MICROLEARN_VERSION__';
const PRECACHE = /* __MICROLEARN_PRECACHE__ */ [];
const CACHE_PREFIX = 'microlearn-';
const CACHE = CACHE_PREFIX + VERSION;
const INDEX = new URL('./index.html', self.location).href;
const PRECACHED = new Set(PRECACHE.map(([path]) => new URL(path, self.location).href));

// Install: fetch every file of this deployment and check its hash, so a half-finished upload on
// the server (old index.html, new wasm) fails the install instead of caching a mixture.
self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

// Two downloads at a time: gentle on a ward's shared Wi-Fi and on small servers, and the app is
// already usable online while this runs.
async function precache() {
  const cache = await caches.open(CACHE);
  const queue = PRECACHE.slice();
  const download = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) await precacheOne(cache, entry);
  };
  await Promise.all([download(), download()]);
}

async function precacheOne(cache, [path, sha256]) {
  const url = new URL(path, self.location).href;
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`precache ${path}: HTTP ${response.status}`);
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  if (hex(digest) !== sha256) throw new Error(`precache ${path}: not the file this version expects`);
  await cache.put(url, response);
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// The page asks the waiting worker to take over when the learner presses "Reload".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'microlearn:activate-update') self.skipWaiting();
});

// Activate: drop the caches of older deployments. There is no clients.claim(): a page loaded
// from the network stays as it is, and the worker serves it from its next load.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
  })());
});

// Fetch: this deployment's files come from its cache; navigations get its index.html (the app
// routes by URL fragment). Other origins are never touched: the app makes no such requests.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  if (PRECACHED.has(url.href)) {
    event.respondWith(fromCache(url.href, request));
  } else if (request.mode === 'navigate' && url.href.startsWith(self.registration.scope)) {
    event.respondWith(fromCache(INDEX, request));
  }
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) || fetch(request);
}
