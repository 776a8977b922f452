import { describe, expect, it } from 'vitest';
import { formatSummary } from '@/lib/panel/share';

const summary = {
  title: 'Council approves [new] bridge',
  url: 'https://news.example/bridge',
  points: ['The vote was 9-2.', 'It will cost *120 million* dollars.'],
};

describe('formatSummary', () => {
  it.each([
    [
      'text',
      'Council approves [new] bridge\nhttps://news.example/bridge\n\n• The vote was 9-2.\n• It will cost *120 million* dollars.',
    ],
    [
      'markdown',
      '**[Council approves \\[new\\] bridge](<https://news.example/bridge>)**\n\n- The vote was 9-2.\n- It will cost \\*120 million\\* dollars.',
    ],
  ] as const)('%s', (format, expected) => {
    expect(formatSummary(summary, format)).toBe(expected);
  });

  it('leaves out an empty title', () => {
    expect(formatSummary({ ...summary, title: '' }, 'text').split('\n')[0]).toBe(summary.url);
  });
});
