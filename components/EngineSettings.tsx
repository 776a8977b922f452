import type { BuiltinStatus, TrialState } from '@/lib/engines';
import { t } from '@/lib/i18n';
import { OUTPUT_LANGUAGES, type EngineChoice, type Settings } from '@/lib/settings';
import { TrialSetup } from './TrialSetup';

/** Where "Test connection" stands. */
export type ConnectionState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'ok'; models: string[] }
  | { kind: 'saved' }
  | { kind: 'error'; message: string; hint?: string };

/** What the server form holds when the user saves or tests it. */
export interface ServerForm {
  baseUrl: string;
  model: string;
  /** '' keeps the saved key. */
  apiKey: string;
}

export interface EngineSettingsProps {
  settings: Settings;
  builtin: BuiltinStatus | null;
  /** Download progress of the built-in model, 0-1, while it downloads. */
  downloadProgress: number | null;
  /** Firefox's on-device AI (`browser.trial.ml`); null while asked, `absent` outside Firefox. */
  trial: TrialState | null;
  connection: ConnectionState;
  onEngine: (engine: EngineChoice) => void;
  onOutputLanguage: (tag: string) => void;
  onDownload: () => void;
  /** Asks for the permission of Firefox's on-device AI (in the click). */
  onTrialAllow: () => void;
  onTrialDownload: () => void;
  onTest: (form: ServerForm) => void;
  onSaveServer: (form: ServerForm) => void;
  /** Asks for the optional host permission of the server's origin (browsers may close the popup to ask). */
  onAllowAccess: (form: ServerForm) => void;
}

/** Characters of a saved key shown back to the user, so they can tell keys apart without seeing one. */
const KEY_TAIL = 4;

function readForm(form: HTMLFormElement): ServerForm {
  const field = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  return { baseUrl: field('baseUrl'), model: field('model'), apiKey: field('apiKey') };
}

let uiLanguageNames: Intl.DisplayNames | null = null;
/**
 * A language's name in the UI's language. The names are built on first need, once: building them loads the
 * browser's language-name data (about 30 ms), which only the AI engines' "Summary language" list shows.
 */
function uiLanguageName(tag: string): string {
  uiLanguageNames ??= new Intl.DisplayNames([t('uiLanguage')], { type: 'language' });
  return uiLanguageNames.of(tag) ?? tag;
}

/** The engine choice and, for AI engines, their setup: model download, server address, model and key. */
export function EngineSettings(props: EngineSettingsProps) {
  const { settings, builtin, trial, onEngine, onOutputLanguage } = props;
  return (
    <fieldset class="engine">
      <legend id="engine-legend">{t('engine')}</legend>
      {/* The fieldset's legend already says "Engine"; the select is named by it rather than by a second label. */}
      <label class="choice">
        <select
          name="engine"
          class="wide"
          aria-labelledby="engine-legend"
          value={settings.engine}
          onChange={(e) => onEngine(e.currentTarget.value as EngineChoice)}
        >
          <option value="extractive">{t('engineExtractive')}</option>
          {builtin && builtin !== 'absent' && <option value="builtin">{t('engineBuiltin')}</option>}
          {trial && trial.status !== 'absent' && <option value="trial">{t('engineTrial')}</option>}
          <option value="openai">{t('engineOpenAI')}</option>
        </select>
      </label>
      {settings.engine === 'builtin' && <BuiltinSetup {...props} />}
      {settings.engine === 'trial' && (
        <TrialSetup trial={trial} onAllow={props.onTrialAllow} onDownload={props.onTrialDownload} />
      )}
      {settings.engine === 'openai' && <ServerSetup {...props} />}
      {settings.engine !== 'extractive' && (
        <label class="choice">
          <span>{t('outputLanguage')}</span>
          <select
            name="outputLanguage"
            value={settings.outputLanguage}
            onChange={(e) => onOutputLanguage(e.currentTarget.value)}
          >
            <option value="">{t('outputLanguageArticle')}</option>
            {OUTPUT_LANGUAGES.map((tag) => (
              <option key={tag} value={tag}>
                {uiLanguageName(tag)}
              </option>
            ))}
          </select>
        </label>
      )}
      {settings.engine !== 'extractive' && <p class="muted small">{t('aiPrivacy')}</p>}
    </fieldset>
  );
}

function BuiltinSetup({ builtin, downloadProgress, onDownload }: EngineSettingsProps) {
  if (downloadProgress !== null || builtin === 'downloading')
    return (
      <p class="muted" role="status">
        {t('builtinDownloading', Math.round((downloadProgress ?? 0) * 100))}
      </p>
    );
  if (builtin === 'downloadable')
    return (
      <button type="button" id="download-model" class="secondary" onClick={onDownload}>
        {t('builtinDownload')}
      </button>
    );
  return <p class="muted">{builtin === 'available' ? t('builtinReady') : t('builtinUnavailable')}</p>;
}

function ServerSetup({ settings, connection, onTest, onSaveServer, onAllowAccess }: EngineSettingsProps) {
  const savedKey = settings.apiKey ? t('apiKeySaved', settings.apiKey.slice(-KEY_TAIL)) : t('apiKeyOptional');
  return (
    <form
      class="server"
      onSubmit={(e) => {
        e.preventDefault();
        onSaveServer(readForm(e.currentTarget));
      }}
    >
      <label class="field">
        <span>{t('serverUrl')}</span>
        <input
          name="baseUrl"
          type="url"
          required
          placeholder="http://localhost:11434/v1"
          defaultValue={settings.server?.baseUrl ?? ''}
        />
      </label>
      <label class="field">
        <span>{t('serverModel')}</span>
        <input
          name="model"
          required
          list="server-models"
          placeholder="llama3.2"
          defaultValue={settings.server?.model ?? ''}
        />
        <datalist id="server-models">
          {connection.kind === 'ok' && connection.models.map((model) => <option key={model} value={model} />)}
        </datalist>
      </label>
      <label class="field">
        <span>{t('apiKey')}</span>
        <input name="apiKey" type="password" autoComplete="off" placeholder={savedKey} />
      </label>
      <div class="actions">
        <button
          type="button"
          id="test-connection"
          class="secondary"
          disabled={connection.kind === 'testing'}
          onClick={(e) => onTest(readForm(e.currentTarget.form!))}
        >
          {t('testConnection')}
        </button>
        <button type="submit" id="save-server" class="secondary">
          {t('saveServer')}
        </button>
      </div>
      <button
        type="button"
        id="allow-access"
        class="link-button"
        onClick={(e) => onAllowAccess(readForm(e.currentTarget.form!))}
      >
        {t('allowAccess')}
      </button>
      <p class="connection" role="status" aria-live="polite">
        {connection.kind === 'testing' && t('testing')}
        {connection.kind === 'ok' && t('connected', connection.models.length)}
        {connection.kind === 'saved' && t('serverSaved')}
        {connection.kind === 'error' && (
          <>
            <span class="error">{connection.message}</span> {connection.hint}
          </>
        )}
      </p>
    </form>
  );
}
