import { Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '../gql/graphql';
import { allCategories, categoryLabel } from '../labels';

interface Props {
  value?: Category[];
  onChange?: (value: Category[]) => void;
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
}

// The one category picker: services, slots, events, volunteers' skills and search filters.
export default function CategorySelect({ value, onChange, id, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Select<Category[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={allCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
      optionFilterProp="label"
      allowClear
      placeholder={placeholder ?? t('directory.selectCategories')}
      style={{ width: '100%' }}
      data-testid={rest['data-testid'] ?? 'category-select'}
    />
  );
}

export function CategoryTags({ categories }: { categories: readonly Category[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {categories.map((c) => (
        <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
          {categoryLabel(t, c)}
        </Tag>
      ))}
    </Flex>
  );
}
