import { Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category } from '../gql/graphql';
import { allCategories, categoryLabel } from '../labels';

interface MultipleProps {
  single?: false;
  value?: Category[];
  onChange?: (value: Category[]) => void;
}

interface SingleProps {
  // One category, e.g. a child's need.
  single: true;
  value?: Category;
  onChange?: (value: Category) => void;
}

type Props = (MultipleProps | SingleProps) & {
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
};

// The one category picker: services, slots, events, volunteers' skills, needs and search filters.
export default function CategorySelect({ value, onChange, id, placeholder, single, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Select<Category | Category[]>
      id={id}
      mode={single ? undefined : 'multiple'}
      value={value}
      onChange={onChange as (v: Category | Category[]) => void}
      options={allCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
      optionFilterProp="label"
      showSearch={single ? true : undefined}
      allowClear={!single}
      placeholder={placeholder ?? t(single ? 'directory.selectCategory' : 'directory.selectCategories')}
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
