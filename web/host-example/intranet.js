// Listens for Microlearn's events (docs/host-events.md). The page loads this in its <head>,
// before the iframe exists, so not even the app's first event ("ready") can arrive before the
// listener; the iframe is looked up when a message comes. Only messages from the app's own
// origin and that iframe are accepted, and their text is shown with textContent, never as HTML.
window.microlearnEvents = [];

window.addEventListener('message', (event) => {
  const frame = document.getElementById('microlearn');
  if (!frame || event.origin !== new URL(frame.src, location.href).origin) return;
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.source !== 'microlearn' || data.version !== 1) return;
  window.microlearnEvents.push(data);
  const item = document.createElement('li');
  if (data.type === 'module-completed') {
    item.textContent = `Completed ${data.module} with ${data.score}%`;
  } else if (data.type === 'score') {
    item.textContent = `Score in ${data.module}: ${data.score}%`;
  } else {
    item.textContent = `Microlearn: ${data.type}`;
  }
  document.getElementById('events').append(item);
});
