import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * Two projects:
 * - `unit`: tests/unit/** in Node, with WXT's plugin (aliases, `#imports`, fakeBrowser).
 * - `e2e`: tests/e2e/** — the built extension in real headless Chromium and Firefox. One file at a time:
 *   each file starts a browser, and this machine class has two cores. It runs after `unit` (groupOrder).
 */

/** One user path launches a browser, loads pages and waits on the extension's idle-time detection. */
const E2E_TEST_TIMEOUT_MS = 90_000;
/** Launching (and, for the restart test, relaunching) a browser with the extension. */
const E2E_HOOK_TIMEOUT_MS = 60_000;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: E2E_TEST_TIMEOUT_MS,
          hookTimeout: E2E_HOOK_TIMEOUT_MS,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
