import { describe, expect, it } from 'vitest';
import { cleanPoint, createPointParser, type PointEvent } from '@/lib/engines/points';
import { createSseParser } from '@/lib/engines/sse';

/** Feeds `text` to a fresh parser in pieces of `size` characters and returns everything it emitted. */
function parseInPieces(text: string, size: number): PointEvent[] {
  const parser = createPointParser();
  const events: PointEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
  return [...events, ...parser.end()];
}

const points = (events: PointEvent[]) => events.filter((e) => e.kind === 'point').map((e) => e.text);

describe('cleanPoint', () => {
  it.each([
    ['- A point.', 'A point.'],
    ['* A point.', 'A point.'],
    ['• A point.', 'A point.'],
    ['– A point.', 'A point.'],
    ['1. A point.', 'A point.'],
    ['12) A point.', 'A point.'],
    ['(3) A point.', 'A point.'],
    ['   -   Spaced   out  ', 'Spaced out'],
    ['- **Economy:** prices rose.', 'Economy: prices rose.'],
    ['No bullet at all.', 'No bullet at all.'],
    ['2024 was a record year.', '2024 was a record year.'],
    ['-', ''],
  ])('%j → %j', (line, expected) => {
    expect(cleanPoint(line)).toBe(expected);
  });
});

describe('createPointParser', () => {
  const answer = 'Here are the key points:\n- First.\n\n* Second.\r\n1. Third one\n• Fourth';

  it.each([1, 2, 3, 5, 8, 1000])('gives the same points whatever the chunk size (%i)', (size) => {
    expect(points(parseInPieces(answer, size))).toEqual(['First.', 'Second.', 'Third one', 'Fourth']);
  });

  it.each([
    ['a preamble before the first point is dropped', 'Key points:\n- One.\n- Two.', ['One.', 'Two.']],
    ['a point ending in ":" after the first is kept', '- One.\n- Two:', ['One.', 'Two:']],
    ['a bulleted point ending in ":" is kept', '- Reasons:\n- One.', ['Reasons:', 'One.']],
    ['empty and blank lines are ignored', '\n\n- One.\n   \n- Two.\n', ['One.', 'Two.']],
    ['lines without bullets are points', 'One.\nTwo.', ['One.', 'Two.']],
    ['nothing gives nothing', '', []],
  ])('%s', (_, text, expected) => {
    expect(points(parseInPieces(text, 4))).toEqual(expected);
  });

  it('emits the line being written as a partial, then the point once the line ends', () => {
    const parser = createPointParser();
    expect(parser.push('- The cou')).toEqual([{ kind: 'partial', text: 'The cou' }]);
    expect(parser.push('ncil voted')).toEqual([{ kind: 'partial', text: 'The council voted' }]);
    expect(parser.push('.\n- Ne')).toEqual([
      { kind: 'point', text: 'The council voted.' },
      { kind: 'partial', text: 'Ne' },
    ]);
    expect(parser.end()).toEqual([{ kind: 'point', text: 'Ne' }]);
    expect(parser.count).toBe(2);
  });
});

describe('createSseParser', () => {
  const stream = ': keep-alive\n\ndata: {"a":1}\n\nevent: x\r\ndata: {"b":2}\r\n\r\ndata:[DONE]\n\n';

  it.each([1, 3, 7, 1000])('splits events the same whatever the chunk size (%i)', (size) => {
    const parser = createSseParser();
    const payloads: string[] = [];
    for (let i = 0; i < stream.length; i += size) payloads.push(...parser.push(stream.slice(i, i + size)));
    payloads.push(...parser.end());
    expect(payloads).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
  });

  it.each([
    ['joins multi-line data with newlines', 'data: one\ndata: two\n\n', ['one\ntwo']],
    ['keeps an unterminated last event', 'data: last', ['last']],
    ['ignores fields other than data', 'id: 1\nretry: 5\n\n', []],
  ])('%s', (_, text, expected) => {
    const parser = createSseParser();
    expect([...parser.push(text), ...parser.end()]).toEqual(expected);
  });
});
