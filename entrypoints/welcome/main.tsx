import { render } from 'preact';
import { t, uiLocale } from '@/lib/i18n';
import { App } from './App';
import './style.css';

const { lang, dir } = uiLocale();
document.documentElement.lang = lang;
document.documentElement.dir = dir;
document.title = t('welcomeTitle');
render(<App />, document.getElementById('app')!);
