// What index.html needs transferred before it can paint its first screen (issue 11: within the
// first 14 KB, about what a new connection's first round trip carries, TCP's initial window of
// ten segments). Counted by the browser, as the server sends the files: the document and each
// response Resource Timing marks render-blocking, headers included (`transferSize`). What else
// arrived before the first contentful paint is listed, not counted: it does not hold the paint.
// The wasm is held back, so the figure is the shell's alone.

export const FIRST_SCREEN_TRANSFER_BUDGET = 14 * 1024;

/** Loads `url` in `page` with the app's wasm blocked and measures the first paint's bytes;
 * throws if the document and a render-blocking stylesheet were not both measured. */
export async function firstScreenTransfer(page, url) {
  await page.route('**/*_bg.wasm', () => {});
  const encodings = new Map();
  const rememberEncoding = async (response) => {
    encodings.set(new URL(response.url()).pathname, await response.headerValue('content-encoding'));
  };
  page.on('response', rememberEncoding);
  await page.goto(url);
  const { paintMs, files, before } = await page.evaluate(async () => {
    const paintMs = await new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntries().find(({ name }) => name === 'first-contentful-paint');
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
    const [document] = performance.getEntriesByType('navigation');
    const resources = performance.getEntriesByType('resource');
    const path = (address) => new URL(address).pathname;
    return {
      paintMs,
      files: [document, ...resources.filter((entry) => entry.renderBlockingStatus === 'blocking')]
        .map((entry) => ({ path: path(entry.name), bytes: entry.transferSize })),
      before: resources.filter((entry) => entry.renderBlockingStatus !== 'blocking' && entry.responseEnd < paintMs)
        .map((entry) => `${path(entry.name)} ${entry.transferSize} B`),
    };
  });
  await page.unroute('**/*_bg.wasm');
  page.off('response', rememberEncoding);
  // A size of 0 means the browser could not see it (a cached or cross-origin response), which
  // would pass the budget without measuring anything.
  if (files.length < 2 || files.some(({ bytes }) => !(bytes > 0))) {
    throw new Error(`the document and its stylesheet were not both measured: ${JSON.stringify(files)}`);
  }
  const total = files.reduce((sum, { bytes }) => sum + bytes, 0);
  const listed = files.map(({ path, bytes }) => `${path} ${bytes} B (${encodings.get(path) ?? 'not compressed'})`).join(', ');
  const summary = `${total} bytes transferred, headers included (budget ${FIRST_SCREEN_TRANSFER_BUDGET}): ${listed}; ` +
    `first contentful paint at ${paintMs.toFixed(0)} ms; also arrived before it, not holding it: ${before.join(', ') || 'nothing'}`;
  return { total, summary };
}
