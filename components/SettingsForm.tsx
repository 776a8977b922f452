import { t, type MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';

export interface SettingsFormProps {
  settings: Settings;
  onChange: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  onEnableSite: (hostname: string) => void;
}

type ChoiceKey = 'length' | 'format' | 'theme' | 'placement';

/** The message keys of each choice setting's label and options, in display order. */
const CHOICES: { [K in ChoiceKey]: { label: MessageKey; options: [Settings[K], MessageKey][] } } = {
  length: {
    label: 'length',
    options: [
      ['short', 'lengthShort'],
      ['medium', 'lengthMedium'],
      ['long', 'lengthLong'],
    ],
  },
  format: {
    label: 'format',
    options: [
      ['bullets', 'formatBullets'],
      ['paragraph', 'formatParagraph'],
    ],
  },
  theme: {
    label: 'theme',
    options: [
      ['system', 'themeSystem'],
      ['light', 'themeLight'],
      ['dark', 'themeDark'],
    ],
  },
  placement: {
    label: 'placement',
    options: [
      ['inline', 'placementInline'],
      ['floating', 'placementFloating'],
    ],
  },
};

/** The settings, as form controls named after their keys. Changes are reported one at a time. */
export function SettingsForm({ settings, onChange, onEnableSite }: SettingsFormProps) {
  const checkbox = (key: 'autoShow' | 'startExpanded' | 'linkPreviews' | 'previewOnHover') => (
    <label class="check">
      <input
        type="checkbox"
        name={key}
        checked={settings[key]}
        onChange={(e) => onChange(key, e.currentTarget.checked)}
      />
      {t(key)}
    </label>
  );
  const select = <K extends ChoiceKey>(key: K) => (
    <label class="choice">
      <span>{t(CHOICES[key].label)}</span>
      <select
        name={key}
        value={settings[key]}
        onChange={(e) => onChange(key, e.currentTarget.value as Settings[K])}
      >
        {CHOICES[key].options.map(([value, label]) => (
          <option key={value} value={value}>
            {t(label)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <h2>{t('settings')}</h2>
      {checkbox('autoShow')}
      {checkbox('startExpanded')}
      {select('length')}
      {select('format')}
      {select('theme')}
      {select('placement')}
      {checkbox('linkPreviews')}
      {checkbox('previewOnHover')}
      <fieldset class="sites">
        <legend>{t('sitesLegend')}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('noSites')}</p>
        ) : (
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span class="site" dir="auto">
                  {site}
                </span>
                <button
                  type="button"
                  class="remove"
                  aria-label={t('removeLabel', site)}
                  onClick={() => onEnableSite(site)}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </form>
  );
}
