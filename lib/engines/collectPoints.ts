import type { EngineError, EngineOutput } from './types';

/** A finished model summary: its points in order, and how much of the article the model read. */
export type CollectedSummary = { kind: 'ok'; points: string[]; coverage: number } | EngineError;

/**
 * Runs a stream to its end and keeps the points, for callers that do not show progress (the CLI,
 * tests). `onPoint` sees each point as it arrives.
 */
export async function collectPoints(
  stream: AsyncIterable<EngineOutput>,
  onPoint: (text: string) => void = () => undefined,
): Promise<CollectedSummary> {
  const points: string[] = [];
  for await (const event of stream) {
    if (event.kind === 'point') {
      points.push(event.text);
      onPoint(event.text);
    } else if (event.kind === 'done') return { kind: 'ok', points, coverage: event.coverage };
    else if (event.kind === 'error') return event;
  }
  return { kind: 'error', code: 'bad-stream', message: 'The engine stopped without finishing the summary.' };
}
