import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { DistrictsQuery } from '../../graphql/directory';
import { areaName } from '../../labels';

export function useDistricts() {
  const [{ data, fetching, error }] = useQuery({ query: DistrictsQuery });
  return { districts: data?.areas ?? [], fetching, error };
}

interface SingleProps {
  multiple?: false;
  value?: string;
  onChange?: (value: string | undefined) => void;
}
interface MultipleProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

// The districts of the city (areas(level: DISTRICT)), one or several.
export default function DistrictSelect(props: (SingleProps | MultipleProps) & { id?: string; allowClear?: boolean; placeholder?: string }) {
  const { t, i18n } = useTranslation();
  const { districts, fetching } = useDistricts();
  const options = districts.map((d) => ({ value: d.id, label: areaName(i18n, d) }));
  const common = {
    id: props.id,
    options,
    loading: fetching,
    showSearch: true,
    optionFilterProp: 'label',
    allowClear: props.allowClear ?? props.multiple,
    placeholder: props.placeholder ?? t('directory.selectDistrict'),
    style: { width: '100%' },
    'data-testid': 'district-select',
  };
  return props.multiple ? (
    <Select<string[]> {...common} mode="multiple" value={props.value} onChange={(v) => props.onChange?.(v)} />
  ) : (
    <Select<string> {...common} value={props.value} onChange={(v) => props.onChange?.(v ?? undefined)} />
  );
}
