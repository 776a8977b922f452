import { useEffect, useState } from 'preact/hooks';
import { PageCard, type PopupPage } from '@/components/PageCard';
import { EngineSettings, type ConnectionState, type ServerForm } from '@/components/EngineSettings';
import { SettingsForm } from '@/components/SettingsForm';
import { summarizerApi } from '@/lib/ai';
import {
  downloadTrialModel,
  requestServerAccess,
  requestTrialAccess,
  saveServer,
  testServer,
  trialStatus,
} from '@/lib/engine-setup';
import {
  builtinAvailability,
  startBuiltinDownload,
  type BuiltinStatus,
  type TrialState,
} from '@/lib/engines';
import { sendToBackground } from '@/lib/messaging';
import { loadSettings, saveSetting, watchSettings, type EngineChoice, type Settings } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { activeTab, pageStatus, togglePanel } from '@/lib/tabs';

/**
 * How often the popup asks how far the download of Firefox's on-device AI is: the background downloads (it
 * outlives the popup) and keeps the progress.
 */
const TRIAL_PROGRESS_POLL_MS = 500;

/** The tab this popup acts on: `?tab=ID` when opened as a page (tests, Firefox), else the active tab. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  return (await activeTab())?.id ?? null;
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PopupPage>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [builtin, setBuiltin] = useState<BuiltinStatus | null>(null);
  const [downloadProgress, setDownloadProgress] = useState<number | null>(null);
  const [connection, setConnection] = useState<ConnectionState>({ kind: 'idle' });
  const [trial, setTrial] = useState<TrialState | null>(null);
  const refreshTrial = () => trialStatus().then(setTrial);

  useEffect(() => {
    // Unreadable storage: say so and show no form, so nothing is written over the user's settings.
    void loadSettings().then(setSettings, () => setError(t('settingsUnreadable')));
    void builtinAvailability(summarizerApi()).then(setBuiltin);
    void refreshTrial();
    const unwatch = watchSettings(setSettings);
    void targetTabId().then(async (id) => {
      setTabId(id);
      if (id === null) return setPage({ kind: 'unavailable' });
      setPage(await pageStatus(id).catch((): PopupPage => ({ kind: 'unavailable' })));
    });
    return unwatch;
  }, []);

  // While Firefox downloads its on-device model, the popup follows the background's progress.
  useEffect(() => {
    if (trial?.status !== 'downloading') return;
    const timer = setTimeout(() => void refreshTrial(), TRIAL_PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [trial]);

  // The popup follows the theme setting too; 'system' leaves it to prefers-color-scheme.
  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings?.theme]);

  const toggle = async () => {
    if (tabId === null) return;
    setBusy(true);
    setError(null);
    try {
      setPage(await togglePanel(tabId));
    } catch {
      setError(t('toggleFailed'));
    } finally {
      setBusy(false);
    }
  };

  // A refused write (storage full, storage error) must not leave the form showing a choice that is not
  // stored: say so and show what storage really holds, which is the previous value.
  const saveFailed = () => {
    setError(t('saveFailed'));
    void loadSettings().then(setSettings, () => setError(t('settingsUnreadable')));
  };

  const change = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setError(null);
    setSettings((current) => (current ? { ...current, [key]: value } : current));
    saveSetting(key, value).catch(saveFailed);
  };

  const download = async () => {
    setDownloadProgress(0);
    const result = await startBuiltinDownload(summarizerApi(), setDownloadProgress);
    setDownloadProgress(null);
    if (result.kind === 'error') setError(result.message);
    setBuiltin(await builtinAvailability(summarizerApi()));
  };

  const chooseEngine = (engine: EngineChoice) => {
    // Firefox asks for a permission only during the user's gesture: first thing in the handler, before any await.
    const asked = engine === 'trial' && trial?.status === 'no-permission' ? requestTrialAccess() : null;
    change('engine', engine);
    if (asked) void asked.then(refreshTrial);
  };

  const allowTrial = () => void requestTrialAccess().then(refreshTrial);

  const downloadTrial = async () => {
    setTrial({ status: 'downloading', progress: 0 });
    const result = await downloadTrialModel();
    if (result.kind === 'error') setError(result.message);
    await refreshTrial();
  };

  const test = (form: ServerForm) => {
    if (!settings) return;
    setConnection({ kind: 'testing' });
    void testServer(form, settings).then(setConnection);
  };

  const save = (form: ServerForm) => void saveServer(form).then(setConnection, saveFailed);

  return (
    <main>
      <h1>{t('extName')}</h1>
      <PageCard page={page} busy={busy} error={error} onToggle={toggle} />
      {settings && (
        <SettingsForm
          settings={settings}
          onChange={change}
          onEnableSite={(hostname) =>
            void sendToBackground('setSiteDisabled', { hostname, disabled: false }).catch(saveFailed)
          }
        />
      )}
      {settings && (
        <EngineSettings
          settings={settings}
          builtin={builtin}
          downloadProgress={downloadProgress}
          trial={trial}
          connection={connection}
          onEngine={chooseEngine}
          onOutputLanguage={(tag) => change('outputLanguage', tag)}
          onDownload={() => void download()}
          onTrialAllow={allowTrial}
          onTrialDownload={() => void downloadTrial()}
          onTest={test}
          onSaveServer={save}
          onAllowAccess={(form) => void requestServerAccess(form.baseUrl)}
        />
      )}
    </main>
  );
}
