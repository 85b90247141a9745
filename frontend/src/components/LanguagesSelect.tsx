import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

// Suggestions only: any language or dialect may be typed and added.
const suggestions = ['普通话', '粤语', '四川话', '河南话', '湖南话', '闽南话', '东北话', '维吾尔语', '藏语', '蒙古语', '英语', '手语'];

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}

export default function LanguagesSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  return (
    <Select<string[]>
      id={id}
      mode="tags"
      value={value}
      onChange={(v) => onChange?.([...new Set(v.map((s) => s.trim()).filter(Boolean))])}
      options={suggestions.map((s) => ({ value: s, label: s }))}
      tokenSeparators={[',', '，', '、']}
      placeholder={t('directory.languagesPlaceholder')}
      style={{ width: '100%' }}
      data-testid="languages-select"
    />
  );
}
