// Listens for Microlearn's events (docs/host-events.md). Only messages from the app's own origin
// are accepted, and their text is shown with textContent, never as HTML.
const frame = document.getElementById('microlearn');
const appOrigin = new URL(frame.src, location.href).origin;
const list = document.getElementById('events');
window.microlearnEvents = [];

window.addEventListener('message', (event) => {
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
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
  list.append(item);
});
