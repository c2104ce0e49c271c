// The test LMS: a scorm-again SCORM 1.2 API on this window, and the learner's record (status, score, suspend data) kept in localStorage
// between launches, as an LMS keeps it on its server. Every call is recorded in localStorage
// ('test-lms.calls'). The course opens in the iframe.
const RECORD_KEY = 'test-lms.record';
const CALLS_KEY = 'test-lms.calls';

const api = new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 4 });
const saved = JSON.parse(localStorage.getItem(RECORD_KEY) || 'null');
if (saved) {
  // Only values the course set: an LMS starts a new learner with empty fields.
  const core = { lesson_status: saved.lesson_status };
  if (saved.score_raw !== '') core.score = { raw: saved.score_raw };
  api.loadFromJSON(saved.suspend_data ? { core, suspend_data: saved.suspend_data } : { core });
}
window.API = api;

// Calls are kept across launches too, so a test can read what the course sent as it closed.
const record = (name) => (...args) => {
  const calls = JSON.parse(localStorage.getItem(CALLS_KEY) || '[]');
  calls.push([name, ...args.map(String)]);
  localStorage.setItem(CALLS_KEY, JSON.stringify(calls));
};
for (const name of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) api.on(name, record(name));
api.on('LMSSetValue.cmi.*', record('LMSSetValue'));

function keep() {
  localStorage.setItem(RECORD_KEY, JSON.stringify({
    lesson_status: api.cmi.core.lesson_status,
    score_raw: api.cmi.core.score.raw,
    suspend_data: api.cmi.suspend_data,
  }));
}
api.on('LMSCommit', keep);
api.on('LMSFinish', keep);

window.addEventListener('DOMContentLoaded', () => {
  document.getElementById('sco').src = new URLSearchParams(location.search).get('launch') || 'course/scorm-launch.html';
});
