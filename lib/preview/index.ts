/**
 * Reading a fetched page for a link preview or `summarize URL`: `readPage` (detection, then extraction) on a
 * document parsed inertly from lib/fetch's HTML.
 */
export { readPage, type PageReading, type ReadPageOptions } from './readPage';
export { buildsTextWithScripts, showsLittleText } from './buildsTextWithScripts';
