import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { createTrialSession, type TrialMlApi, type TrialSession } from '@/lib/engines';

/**
 * Firefox's on-device AI as the extension hosts it: `browser.trial.ml` appears once the user grants the optional
 * permission `trialML`; the background owns the extension's one engine (lib/engines/trialSession.ts).
 */

/** The optional permission behind `browser.trial.ml` (Firefox 134+; the manifest lists it for Firefox only). */
const TRIAL_PERMISSION = { permissions: ['trialML'] };

/** `browser.permissions` as Firefox has it: Chrome's typings, which WXT uses, do not know `trialML`. */
interface FirefoxPermissions {
  request(permissions: typeof TRIAL_PERMISSION): Promise<boolean>;
  contains(permissions: typeof TRIAL_PERMISSION): Promise<boolean>;
}
const permissions = (): FirefoxPermissions => browser.permissions as unknown as FirefoxPermissions;

/**
 * Whether the model was downloaded once: Firefox keeps it in its cache across restarts, when the engine itself
 * is gone. Not a setting (nothing the user chooses), so it lives here rather than in lib/settings.ts.
 */
const modelSaved = storage.defineItem<boolean>('local:trial.modelSaved', { fallback: false });

/** `browser.trial.ml`, where this browser has it and the user allowed it. */
export function trialMlApi(): TrialMlApi | undefined {
  return (browser as unknown as { trial?: { ml?: TrialMlApi } }).trial?.ml;
}

/**
 * Asks for the `trialML` permission. Must be called straight from the click (or the choice in a list), before
 * any await: Firefox only asks during a user gesture. Resolves to whether it is granted.
 */
export function requestTrialAccess(): Promise<boolean> {
  return permissions()
    .request(TRIAL_PERMISSION)
    .catch(() => false);
}

/** Whether `trialML` is granted; null where Firefox does not know the permission (no `browser.trial.ml`). */
async function trialPermission(): Promise<boolean | null> {
  try {
    return await permissions().contains(TRIAL_PERMISSION);
  } catch {
    return null; // "Type error for parameter permissions": this browser has no such permission
  }
}

let session: TrialSession | null = null;

/** Background only: the extension's one session of Firefox's on-device AI. */
export function trialSession(): TrialSession {
  session ??= createTrialSession({
    api: trialMlApi,
    permission: trialPermission,
    modelSaved: { get: () => modelSaved.getValue(), set: (saved) => modelSaved.setValue(saved) },
  });
  return session;
}
