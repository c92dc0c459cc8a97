// Prints one line per flaky test (failed first, passed on retry) from Playwright's JSON report:
// `file:line › title (first failure: message)`. A flaky test is a defect to fix, not to hide.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function* specs(suite, titles) {
  for (const spec of suite.specs ?? []) yield { spec, titles: [...titles, spec.title] };
  for (const child of suite.suites ?? []) {
    yield* specs(
      child,
      child.title && !child.title.endsWith('.ts') ? [...titles, child.title] : titles,
    );
  }
}

for (const suite of report.suites ?? []) {
  for (const { spec, titles } of specs(suite, [])) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'flaky') continue;
      const failed = (test.results ?? []).find((r) => r.status !== 'passed');
      const reason = (failed?.error?.message ?? '').split('\n')[0].replace(/\x1b\[[0-9;]*m/g, '');
      console.log(
        `${spec.file}:${spec.line} › ${titles.join(' › ')}${reason ? ` (first failure: ${reason.slice(0, 200)})` : ''}`,
      );
    }
  }
}
