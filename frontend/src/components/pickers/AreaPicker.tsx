import { useCallback, useEffect, useMemo, useState } from 'react';
import { Cascader, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import type { AreaChildrenQuery as AreaChildrenResult, AreaLevel } from '../../gql/graphql';
import { AreaChildrenQuery } from '../../graphql/areas';
import { areaName, levelLabel } from '../../labels';

type Area = AreaChildrenResult['areas'][number];

interface PickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

// The top of the hierarchy: `areas` without a parent lists the districts; the
// city is their parent. A server that lists the city itself is handled too.
function useTopAreas() {
  const [{ data, fetching, error }] = useQuery({ query: AreaChildrenQuery, variables: {} });
  const { city, districts } = useMemo(() => {
    const list = data?.areas ?? [];
    const cityArea =
      list.find((a) => a.level === 'CITY') ?? list.find((a) => a.parent?.level === 'CITY')?.parent ?? undefined;
    return { city: cityArea, districts: list.filter((a) => a.level === 'DISTRICT') };
  }, [data]);
  return { city, districts, fetching, error };
}

export function CityOrDistrictPicker({ value, onChange, id }: PickerProps) {
  const { t, i18n } = useTranslation();
  const { city, districts, fetching } = useTopAreas();
  const options = [
    ...(city ? [{ value: city.id, label: t('grant.scopeFormat', { name: areaName(i18n, city), kind: levelLabel(t, 'CITY') }) }] : []),
    ...districts.map((d) => ({ value: d.id, label: areaName(i18n, d) })),
  ];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={fetching}
      showSearch
      optionFilterProp="label"
      placeholder={t('grantForm.selectArea')}
      data-testid="area-select"
    />
  );
}

interface Option {
  value: string;
  label: string;
  level: AreaLevel;
  isLeaf: boolean;
  children?: Option[];
}

const order: AreaLevel[] = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'];

// Picks a street or a community by walking district → street (→ community),
// loading each level only when it is opened.
// `known` names an area chosen earlier (e.g. when editing), shown until a new one is picked.
export function AreaPathPicker({
  value,
  onChange,
  id,
  target,
  known,
  accept,
}: PickerProps & {
  target: 'STREET' | 'COMMUNITY';
  known?: { id: string; label: string };
  // Levels that may be chosen; by default only the target level.
  accept?: AreaLevel[];
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { districts, fetching } = useTopAreas();
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);

  const toOption = useCallback(
    (a: Area): Option => ({
      value: a.id,
      label: areaName(i18n, a),
      level: a.level,
      isLeaf: order.indexOf(a.level) >= order.indexOf(target),
    }),
    [i18n, target],
  );

  useEffect(() => {
    setOptions(districts.map(toOption));
  }, [districts, toOption]);

  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const loadData = async (selected: Option[]) => {
    const parent = selected[selected.length - 1];
    const result = await client.query(AreaChildrenQuery, { parentId: parent.value }).toPromise();
    const children = (result.data?.areas ?? []).map(toOption);
    parent.children = children;
    if (children.length === 0) parent.isLeaf = true;
    setOptions((prev) => [...prev]);
  };

  return (
    <Cascader<Option>
      id={id}
      value={path.length === 0 && value && known?.id === value ? [value] : path}
      displayRender={(labels) => (path.length === 0 && value && known?.id === value ? known.label : labels.join(' / '))}
      changeOnSelect={!!accept && accept.length > 1}
      options={options}
      loadData={(selected) => void loadData(selected)}
      loading={fetching}
      onChange={(next, selected) => {
        const ids = (next ?? []) as string[];
        setPath(ids);
        const last = selected?.[selected.length - 1];
        onChange?.(last && (accept ?? [target]).includes(last.level) ? last.value : undefined);
      }}
      showSearch={false}
      placeholder={`${t('areaLevel.DISTRICT')} / ${t(target === 'STREET' ? 'grantForm.street' : 'grantForm.community')}`}
      style={{ width: '100%' }}
      data-testid="area-cascader"
    />
  );
}
