import { browser } from 'wxt/browser';
import type { ConnectionState, ServerForm } from '@/components/EngineSettings';
import {
  listModels,
  normalizeBaseUrl,
  permissionPattern,
  type EngineError,
  type TrialState,
} from '@/lib/engines';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import { saveSetting, type Settings } from '@/lib/settings';

export { requestTrialAccess } from '@/lib/trial-host';

/**
 * Setting up the AI engines from the popup. An OpenAI-compatible server: asking for access to its origin (an
 * optional host permission, asked for now rather than at install), testing it, saving it. Firefox's on-device
 * AI: its permission, its state and its model's download, which the background owns.
 */

/** What the popup shows outside Firefox: no such engine. */
const TRIAL_ABSENT: TrialState = { status: 'absent', progress: null };

/** Where Firefox's on-device AI stands (asked of the background, which owns it); `absent` in other browsers. */
export function trialStatus(): Promise<TrialState> {
  if (!import.meta.env.FIREFOX) return Promise.resolve(TRIAL_ABSENT);
  return sendToBackground('trialStatus', undefined).catch((): TrialState => ({
    status: 'unavailable',
    progress: null,
  }));
}

/** Downloads the model of Firefox's on-device AI (in the background, which outlives the popup). */
export function downloadTrialModel(): Promise<{ kind: 'ok' } | EngineError> {
  return sendToBackground('trialDownload', undefined).catch((error: unknown): EngineError => ({
    kind: 'error',
    code: 'unknown',
    message: String(error),
  }));
}

/**
 * Asks for access to the server's origin. Must be called straight from the click, before any other await:
 * browsers only show the prompt during a user gesture. A refusal is not fatal: a server that allows the
 * extension's origin (CORS) still works without it.
 */
export function requestServerAccess(baseUrl: string): Promise<boolean> {
  const url = normalizeBaseUrl(baseUrl);
  if (url.kind !== 'ok') return Promise.resolve(false);
  const origins = [permissionPattern(url.url)];
  // Firefox also asks the user's consent to send page content (the manifest's optional data collection,
  // websiteContent), in the same prompt.
  const request = import.meta.env.FIREFOX ? { origins, data_collection: ['websiteContent'] } : { origins };
  return browser.permissions.request(request).catch(() => false);
}

/** Lists the server's models with the form's values (or the saved key when the form's is empty). */
export async function testServer(form: ServerForm, settings: Settings): Promise<ConnectionState> {
  const result = await listModels(
    {
      baseUrl: form.baseUrl,
      model: form.model || 'unknown',
      apiKey: form.apiKey || settings.apiKey || undefined,
    },
    (input, init) => fetch(input, init),
  );
  return result.kind === 'ok' ? result : { kind: 'error', message: result.message, hint: result.hint };
}

/** Saves the server and makes it the engine. A key typed in the form replaces the saved one. */
export async function saveServer(form: ServerForm): Promise<ConnectionState> {
  const url = normalizeBaseUrl(form.baseUrl);
  if (url.kind !== 'ok') return { kind: 'error', message: url.message };
  if (!form.model) return { kind: 'error', message: t('serverInvalid') };
  await saveSetting('server', { baseUrl: url.url, model: form.model });
  if (form.apiKey) await saveSetting('apiKey', form.apiKey);
  await saveSetting('engine', 'openai');
  return { kind: 'saved' };
}
