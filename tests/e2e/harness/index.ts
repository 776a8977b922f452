/** The end-to-end harness: what test files import. */
export { blocking, describeViolations, runAxe, type AxeViolation } from './axe';
export {
  launchBrowser,
  VIEWPORT,
  type ExtensionBrowser,
  type LaunchOptions,
  type PageError,
} from './browsers';
export { ARTICLES, CORPUS_SAMPLE, DIV_SOUP_BOILERPLATE, NON_ARTICLES, article } from './fixtures';
export { Panel, APPEAR_TIMEOUT, type PanelSnapshot, type PanelState } from './panel';
export { Preview, type PreviewSnapshot } from './preview';
export { CORPUS_DIR, DOCS_DIR, REAL_PAGES_ROOT, REPO_ROOT } from './paths';
export { pointsOutsideStory } from './story';
export { NO_ARTICLE_TEXT, Popup, type SettingName } from './popup';
export {
  IS_CI,
  requireBrowser,
  requireCorpus,
  requireRealPages,
  requireLocale,
  type BrowserName,
  type Requirement,
} from './require';
export { OFFLINE_POLICY, startServer, type FixtureServer } from './server';
export { BROWSERS, useExtension, type E2eContext } from './setup';
export { normalize, pageText, pointsNotInText, sentenceBox, type SentenceBox } from './text';
export { poll, sleep } from './wait';
