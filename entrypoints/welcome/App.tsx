import { t } from '@/lib/i18n';

/** The first-run page: what the bar is, the shortcut, privacy, and a sample article to try it on. */
export function App() {
  return (
    <main>
      <img src="/icon/128.png" alt="" width="64" height="64" />
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeBar')}</p>
      <p>{t('welcomeShortcut')}</p>
      <p>{t('welcomePrivacy')}</p>
      <p>
        <a class="try" href="/sample.html">
          {t('welcomeTry')}
        </a>
      </p>
    </main>
  );
}
