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
const SAMPLING_INTERVAL_US = Number(process.env.NTR_SAMPLING_US ?? 100);

/** Starts tracing and profiling; call before navigating so the content script's injection is included. */
export async function startRecording(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  if (process.env.NTR_NO_PROFILER) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
}

/** Stops both recordings and returns them. */
export async function stopRecording(cdp: CDPSession): Promise<Recording> {
  const { profile } = process.env.NTR_NO_PROFILER
    ? { profile: { nodes: [], startTime: 0, endTime: 0, samples: [], timeDeltas: [] } }
    : await cdp.send('Profiler.stop');
  const complete = new Promise<Protocol.Tracing.TracingCompleteEvent>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('Tracing returned no stream');
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const rec = { events: Array.isArray(parsed) ? parsed : parsed.traceEvents, profile };
  if (process.env.NTR_DUMP)
    (await import('node:fs')).writeFileSync(process.env.NTR_DUMP, JSON.stringify(rec));
  return rec;
}
