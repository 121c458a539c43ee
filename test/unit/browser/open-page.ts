// How a page module of the browser tests opens its page: through the one Chromium of
// pages-in-chromium.test.ts, which skips the test locally without Chromium and fails it in CI.

import type { PageRequest } from '../../fixtures/chromium/chromium-session.ts';

export type { PageRequest };

/** Resolves with the page's DOM after its scripts ran; `skip` ends the test when there is no Chromium. */
export type OpenPage = (page: PageRequest, skip: (note: string) => never) => Promise<string>;
