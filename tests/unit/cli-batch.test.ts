/**
 * The command line's --jsonl batches on bad input, run as a real child process: a row it cannot read
 * gets {"id", "error"}, the rows after it are still answered, and the exit code says that one failed.
 */
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, lines, runCli } from '../support/run-cli';

/** Exit code of cli/summarize.ts for a failure on valid input. */
const EXIT_FAILURE = 1;

const PARAGRAPH =
  'The city council approved the new bridge over the river on Tuesday after a long debate that lasted ' +
  'well into the night, and the mayor said that construction would start in May.';
const STORY = Array.from({ length: 6 }, (_, i) => `${PARAGRAPH} Part ${i + 1} of the report follows.`);

/** A page that starts the way the pages that broke a non-conforming parser did: a comment first in <head>. */
const COMMENT_FIRST_PAGE = `<html class="no-js"><head><!-- built by a CMS --><title>Bridge</title></head>
<body><article><h1>Bridge approved</h1>${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('summarize --jsonl on bad rows', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('answers every row, gives unreadable ones an error, and exits non-zero at the end', async () => {
    const input = [
      JSON.stringify({ id: 'page', html: COMMENT_FIRST_PAGE }),
      '{"id": "cut", "html": "<p>',
      JSON.stringify({ id: 'empty' }),
      JSON.stringify({ id: 'text', article: STORY.join('\n\n') }),
    ].join('\n');
    const run = await runCli(['--jsonl', '-'], input);
    expect(run.code).toBe(EXIT_FAILURE);
    const rows = lines(run.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((row) => [row.id, 'error' in row])).toEqual([
      ['page', false],
      [null, true],
      ['empty', true],
      ['text', false],
    ]);
    expect(rows[0]!.summary).toEqual(expect.arrayContaining([expect.stringContaining('bridge')]));
    expect(rows[2]!.error).toMatch(/"article" \(text\) or "html"/);
    expect(run.stderr).toMatch(/^-:2: not a JSON object\n-:3: /);
  });

  it('extracts a page whose <head> opens with a comment, as a browser parses it', async () => {
    const run = await runCli(
      ['--jsonl', '-', '--extract'],
      JSON.stringify({ id: 1, html: COMMENT_FIRST_PAGE }),
    );
    expect(run.code).toBe(0);
    const row = JSON.parse(run.stdout) as { id: number; text: string };
    expect(row.id).toBe(1);
    for (const paragraph of STORY) expect(row.text).toContain(paragraph);
  });
});
