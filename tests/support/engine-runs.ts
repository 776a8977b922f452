/** Shared by the OpenAI engine tests: a German article, and running the engine to the end. */
import { articleFromText } from '@/lib/extract';
import { createOpenAIEngine, type EngineOutput, type FetchLike, type OpenAIConfig } from '@/lib/engines';

export const API_KEY = 'sk-test-0123456789abcdef';

export const ARTICLE = articleFromText(
  [
    'Der Stadtrat hat am Dienstag den Bau der neuen Brücke über den Fluss beschlossen.',
    'Die Bauarbeiten sollen im Mai beginnen und zwei Jahre dauern.',
    'Die Kosten werden auf 40 Millionen Euro geschätzt.',
  ].join('\n\n'),
  { title: 'Neue Brücke beschlossen', lang: 'de' },
);

/** Runs the engine to its end and returns every event. */
export async function run(
  config: OpenAIConfig,
  options: { fetch?: FetchLike; signal?: AbortSignal; article?: typeof ARTICLE } = {},
): Promise<EngineOutput[]> {
  const engine = createOpenAIEngine(config, options.fetch ?? fetch);
  const events: EngineOutput[] = [];
  const signal = options.signal ?? new AbortController().signal;
  for await (const event of engine.summarizeStream(options.article ?? ARTICLE, {}, signal))
    events.push(event);
  return events;
}

export const pointsOf = (events: EngineOutput[]) =>
  events.flatMap((e) => (e.kind === 'point' ? [e.text] : []));

/** The chat-completions request body the server recorded. */
export interface RecordedBody {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
}
