import type { TrialState } from '@/lib/engines';
import { t } from '@/lib/i18n';

export interface TrialSetupProps {
  /** Where Firefox's on-device AI stands; null while the popup asks. */
  trial: TrialState | null;
  /** Asks for the `trialML` permission: must run in the click itself. */
  onAllow: () => void;
  onDownload: () => void;
}

/** The Firefox prefs that turn on its machine learning for extensions (both off outside Nightly). */
const PREFS = ['browser.ml.enable', 'extensions.ml.enabled'] as const;

/**
 * The setup of Firefox's on-device AI, by state: the permission to ask for, why it is off and how to turn it
 * on, the model's download with its progress, or ready.
 */
export function TrialSetup({ trial, onAllow, onDownload }: TrialSetupProps) {
  switch (trial?.status) {
    case undefined:
    case 'absent':
      return null;
    case 'no-permission':
      return (
        <div class="trial">
          <p class="muted">{t('trialPermission')}</p>
          <button type="button" id="allow-trial" class="secondary" onClick={onAllow}>
            {t('trialAllow')}
          </button>
        </div>
      );
    case 'disabled':
      return <TurnOn />;
    case 'downloading':
      return (
        <p class="muted" role="status">
          {t('builtinDownloading', Math.round((trial.progress ?? 0) * 100))}
        </p>
      );
    case 'downloadable':
      return (
        <div class="trial">
          <p class="muted small">{t('trialDownloadNote')}</p>
          <button type="button" id="download-model" class="secondary" onClick={onDownload}>
            {t('builtinDownload')}
          </button>
        </div>
      );
    case 'available':
      return <p class="muted">{t('trialReady')}</p>;
    case 'unavailable':
      return <p class="muted">{t('trialUnavailable')}</p>;
  }
}

/** Why Firefox's on-device AI is off, and what the user sets to turn it on. */
function TurnOn() {
  return (
    <div class="trial" id="trial-turn-on" role="status">
      <p class="muted">{t('trialDisabled')}</p>
      <p class="muted small">{t('trialTurnOn')}</p>
      <ul class="prefs small">
        {PREFS.map((pref) => (
          <li key={pref}>
            <code>{pref}</code>
          </li>
        ))}
      </ul>
      <p class="muted small">{t('trialBlocked')}</p>
    </div>
  );
}
