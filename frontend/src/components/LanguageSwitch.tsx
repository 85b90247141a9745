import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export default function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
      data-testid="language-switch"
      onClick={() => void i18n.changeLanguage(next)}
    >
      {compact ? null : t('lang.switchTo')}
    </Button>
  );
}
