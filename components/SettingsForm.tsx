import type { Settings } from '@/lib/settings';

export interface SettingsFormProps {
  settings: Settings;
  onChange: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  onEnableSite: (hostname: string) => void;
}

type ChoiceKey = 'length' | 'format' | 'theme' | 'placement';

/** Labels of each choice setting, in display order. */
const CHOICES: { [K in ChoiceKey]: { label: string; options: [Settings[K], string][] } } = {
  length: {
    label: 'Summary length',
    options: [
      ['short', 'Short'],
      ['medium', 'Medium'],
      ['long', 'Long'],
    ],
  },
  format: {
    label: 'Format',
    options: [
      ['bullets', 'Bullet points'],
      ['paragraph', 'Paragraph'],
    ],
  },
  theme: {
    label: 'Theme',
    options: [
      ['system', 'Follow system'],
      ['light', 'Light'],
      ['dark', 'Dark'],
    ],
  },
  placement: {
    label: 'Placement',
    options: [
      ['inline', 'Above the article'],
      ['floating', 'Floating corner'],
    ],
  },
};

/** The settings, as form controls named after their keys. Changes are reported one at a time. */
export function SettingsForm({ settings, onChange, onEnableSite }: SettingsFormProps) {
  const checkbox = (key: 'autoShow' | 'startExpanded', label: string) => (
    <label class="check">
      <input
        type="checkbox"
        name={key}
        checked={settings[key]}
        onChange={(e) => onChange(key, e.currentTarget.checked)}
      />
      {label}
    </label>
  );
  const select = <K extends ChoiceKey>(key: K) => (
    <label class="choice">
      <span>{CHOICES[key].label}</span>
      <select
        name={key}
        value={settings[key]}
        onChange={(e) => onChange(key, e.currentTarget.value as Settings[K])}
      >
        {CHOICES[key].options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <h2>Settings</h2>
      {checkbox('autoShow', 'Show automatically on articles')}
      {checkbox('startExpanded', 'Start expanded')}
      {select('length')}
      {select('format')}
      {select('theme')}
      {select('placement')}
      <fieldset class="sites">
        <legend>Turned off on</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">No sites.</p>
        ) : (
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span class="site">{site}</span>
                <button
                  type="button"
                  class="remove"
                  aria-label={`Turn back on for ${site}`}
                  onClick={() => onEnableSite(site)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </form>
  );
}
