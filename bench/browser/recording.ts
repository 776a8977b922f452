import type { CDPSession, Protocol } from 'puppeteer-core';

/**
 * A CDP trace and a V8 CPU profile of the same page, recorded together. The trace gives the main thread's
 * tasks and rendering work; the profile tells which script each slice of JavaScript belongs to, including
 * promise continuations and callbacks that the trace leaves without a URL.
 */
export interface Recording {
  events: TraceEvent[];
  profile: Protocol.Profiler.Profile;
}

/** The fields of a Chrome trace event the analysis reads. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds, on the same clock as the CPU profile's timestamps. */
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; type?: string }; fileName?: string; name?: string };
}

/** The categories DevTools' Performance panel uses for tasks, scripts and rendering, plus user-timing marks. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];
/** 100 µs samples: fine enough to attribute sub-millisecond work at load, still cheap to record. */
const SAMPLING_INTERVAL_US = 100;

/** Starts tracing and profiling; call before navigating so the content script's injection is included. */
export async function startRecording(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
}

/** Stops both recordings and returns them. */
export async function stopRecording(cdp: CDPSession): Promise<Recording> {
  const { profile } = await cdp.send('Profiler.stop');
  const complete = new Promise<Protocol.Tracing.TracingCompleteEvent>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('Tracing returned no stream');
  // Bytes first, text last: a chunk can end in the middle of a multi-byte character.
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    chunks.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] };
  return { events: Array.isArray(parsed) ? parsed : parsed.traceEvents, profile };
}
