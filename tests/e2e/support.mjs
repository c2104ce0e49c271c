// Shared helpers for the end-to-end tests: watch a page for console errors, CSP violations and
// requests to any other origin, so every test can assert the app stayed clean.
import { expect } from '@playwright/test';

export function watchPage(page, baseURL) {
  const origin = new URL(baseURL).origin;
  const problems = { consoleErrors: [], crossOrigin: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
      problems.crossOrigin.push(request.url());
    }
  });
  return problems;
}

export function expectClean(problems) {
  expect(problems.pageErrors, 'uncaught errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.crossOrigin, 'requests to other origins').toEqual([]);
}
