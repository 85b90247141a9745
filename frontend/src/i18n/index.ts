import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zh from './zh.json';
import en from './en.json';

export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'flowcare.lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // Storage can be unavailable (private mode); Chinese is the default anyway.
  }
  return 'zh';
}

function applyToDocument(lng: string) {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
  }
}

i18n.on('languageChanged', (lng) => {
  applyToDocument(lng);
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Not remembering the choice is acceptable.
  }
});

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToDocument(i18n.language);

export default i18n;
