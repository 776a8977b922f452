import { describe, expect, it } from 'vitest';
import { porterStem } from '../../bench/rouge/porter';
import {
  lcsIndices,
  rougeL,
  rougeLsum,
  rougeN,
  summaryLevelLcs,
  tokenize,
  unionLcs,
} from '../../bench/rouge/rouge';
import { PREDICTIONS, PREDICTION_MULTI, TARGETS, TARGET_MULTI } from './fixtures/rougeScoreTestdata';

// Expectations are rouge-score's own (rouge/rouge_scorer_test.py), there checked against ROUGE-1.5.5.
// Note the argument order, as in rouge-score: score(target, prediction).

describe('rougeN', () => {
  it.each([
    { target: 'testing one two', prediction: 'testing', n: 1, p: 1, r: 1 / 3, f: 1 / 2 },
    { target: 'testing one two', prediction: 'testing one', n: 1, p: 1, r: 2 / 3, f: 4 / 5 },
    { target: 'testing one two', prediction: 'testing one', n: 2, p: 1, r: 1 / 2, f: 2 / 3 },
    { target: 'testing one two', prediction: '', n: 1, p: 0, r: 0, f: 0 },
    { target: 'testing one two', prediction: '', n: 2, p: 0, r: 0, f: 0 },
  ])('rouge$n($target, $prediction)', ({ target, prediction, n, p, r, f }) => {
    const score = rougeN(target, prediction, n);
    expect(score.precision).toBeCloseTo(p, 10);
    expect(score.recall).toBeCloseTo(r, 10);
    expect(score.fmeasure).toBeCloseTo(f, 10);
  });

  it.each([
    { line: 0, n: 1, r: 0.40741, p: 0.6875, f: 0.51163 },
    { line: 1, n: 1, r: 0.42857, p: 0.69231, f: 0.52941 },
    { line: 0, n: 2, r: 0.30769, p: 0.53333, f: 0.39024 },
    { line: 1, n: 2, r: 0.29268, p: 0.48, f: 0.36364 },
  ])('matches ROUGE-1.5.5 with stemming on test line $line (rouge$n)', ({ line, n, r, p, f }) => {
    const score = rougeN(TARGETS[line] as string, PREDICTIONS[line] as string, n);
    expect(score.recall).toBeCloseTo(r, 5);
    expect(score.precision).toBeCloseTo(p, 5);
    expect(score.fmeasure).toBeCloseTo(f, 5);
  });
});

describe('rougeL and rougeLsum', () => {
  it.each([
    { target: 'testing one two', prediction: 'testing one', p: 1, r: 2 / 3, f: 4 / 5 },
    { target: 'testing one two', prediction: 'testing two', p: 1, r: 2 / 3, f: 4 / 5 },
  ])('rougeL($target, $prediction)', ({ target, prediction, p, r, f }) => {
    const score = rougeL(target, prediction);
    expect([score.precision, score.recall, score.fmeasure].map((x) => x.toFixed(6))).toEqual(
      [p, r, f].map((x) => x.toFixed(6)),
    );
  });

  it.each([
    { target: 'w1 w2 w3 w4 w5', prediction: 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5', p: 0.4, r: 0.8, f: 0.5333 },
    { target: 'w1 w2 w3 w4 w5', prediction: '', p: 0, r: 0, f: 0 },
    { target: '', prediction: 'w1', p: 0, r: 0, f: 0 },
    { target: 'w1 w2 w3 w4 w5', prediction: '/', p: 0, r: 0, f: 0 },
    { target: TARGET_MULTI, prediction: PREDICTION_MULTI, p: 0.66667, r: 0.36538, f: 0.47205 },
  ])('rougeLsum case %#', ({ target, prediction, p, r, f }) => {
    const score = rougeLsum(target, prediction);
    expect(score.precision).toBeCloseTo(p, 4);
    expect(score.recall).toBeCloseTo(r, 4);
    expect(score.fmeasure).toBeCloseTo(f, 4);
  });

  it('finds the LCS indices and union LCS of the ROUGE paper example', () => {
    expect(lcsIndices(['1', '2', '3', '4', '5'], ['2', '5', '3', '4'])).toEqual([1, 2, 3]);
    expect(lcsIndices(['1', '2', '3', '4', '5'], ['8', '9'])).toEqual([]);
    const ref = ['1', '2', '3', '4', '5'];
    expect(
      unionLcs(ref, [
        ['1', '2', '6', '7', '8'],
        ['1', '3', '8', '9', '5'],
      ]),
    ).toEqual(['1', '2', '3', '5']);
    expect(summaryLevelLcs([['reference']], [[]]).recall).toBe(0);
  });
});

describe('tokenize', () => {
  it.each([
    {
      text: 'The U.S. economy, growing!',
      mode: 'english' as const,
      expected: ['the', 'u', 's', 'economi', 'grow'],
    },
    {
      text: 'Été à Zürich: 3 jours',
      mode: 'unicode' as const,
      expected: ['été', 'à', 'zürich', '3', 'jours'],
    },
    { text: 'Été à Zürich', mode: 'english' as const, expected: ['t', 'z', 'rich'] },
  ])('$mode: $text', ({ text, mode, expected }) => {
    expect(tokenize(text, mode)).toEqual(expected);
  });
});

describe('porterStem (NLTK extensions mode)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'tie'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['disabled', 'disabl'],
    ['matting', 'mat'],
    ['mating', 'mate'],
    ['meeting', 'meet'],
    ['milling', 'mill'],
    ['messing', 'mess'],
    ['meetings', 'meet'],
    ['happy', 'happi'],
    ['enjoy', 'enjoy'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['generalization', 'gener'],
    ['dying', 'die'],
    ['flies', 'fli'],
    ['died', 'die'],
    ['spied', 'spi'],
    ['electricity', 'electr'],
    ['hopeful', 'hope'],
  ])('%s → %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});
