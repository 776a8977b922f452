import { writeFileSync } from 'node:fs';
import type { PageResult } from './measure';

/** Facts about the run that go with the table. */
export interface RunInfo {
  command: string;
  browserVersion: string;
  contentBytes: number;
  panelBytes: number;
  seconds: number;
  targetPage: string;
  syntheticName: string;
  syntheticWords: number;
}

/** Prints the results (placeholder while developing). */
export function printReport(results: readonly PageResult[], info: RunInfo): void {
  console.log(JSON.stringify({ info, results }, null, 1));
}

/** Writes RESULTS.md (placeholder). */
export function writeResults(_file: string, _results: readonly PageResult[], _info: RunInfo): void {}
