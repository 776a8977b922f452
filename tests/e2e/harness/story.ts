/**
 * Whether a summary point is a sentence of the story: found in the crawler's article body or the teaser,
 * compared on letters and digits only, so quotes, dashes, soft hyphens and spacing do not decide.
 */

const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;

/** A text reduced to its lower-cased letters and digits. */
export function letters(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_ALPHANUMERIC, '');
}

/** The points that are not found in the story (body or teaser). */
export function pointsOutsideStory(points: readonly string[], body: string, teaser: string): string[] {
  const story = `${letters(body)} ${letters(teaser)}`;
  return points.filter((point) => {
    const key = letters(point);
    return key.length === 0 || !story.includes(key);
  });
}
