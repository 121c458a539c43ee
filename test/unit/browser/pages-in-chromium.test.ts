// The HTML pages a reader opens, checked as a browser lays them out: the synthetic runs' report
// (synthetic-report-page.ts), the committed example's report (example-report-page.ts) and the
// H200 history's trend page (h200-history-page.ts). One headless Chromium opens all three
// (test/fixtures/chromium/chromium-session.ts): each start costs seconds of CPU on 2 cores.
// Skips locally without Chromium; fails in CI, which installs it (.ci/run).

import { afterAll } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../fixtures/chromium/chromium-session.ts';
import { CHROMIUM_MISSING, findChromium } from '../../fixtures/chromium/find-chromium.ts';
import { describeExampleReportPage } from './example-report-page.ts';
import { describeH200HistoryPage } from './h200-history-page.ts';
import type { OpenPage } from './open-page.ts';
import { describeSyntheticReportPage } from './synthetic-report-page.ts';

const chromium = findChromium();
let session: ChromiumSession | null = null;
/** Each page opened once, for all the tests that read it. */
const opened = new Map<string, Promise<string>>();

const openPage: OpenPage = (page, skip) => {
  if (chromium === null) {
    if (process.env.CI) throw new Error(`${CHROMIUM_MISSING}: CI must run the browser tests`);
    return skip(CHROMIUM_MISSING);
  }
  session ??= launchChromium(chromium);
  let dom = opened.get(page.htmlPath);
  if (dom === undefined) {
    dom = session.open(page);
    opened.set(page.htmlPath, dom);
  }
  return dom;
};

afterAll(async () => {
  await session?.close();
});

describeSyntheticReportPage(openPage);
describeExampleReportPage(openPage);
describeH200HistoryPage(openPage);
