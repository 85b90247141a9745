import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import { useDistricts } from '../../components/pickers/DistrictSelect';
import { areaName } from '../../labels';

const AreaGeoChildrenQuery = graphql(`
  query AreaGeoChildren($parentId: ID!) {
    areas(parentId: $parentId, level: STREET) {
      id
      name
      nameEn
      level
      latitude
      longitude
    }
  }
`);

export interface Place {
  areaId: string;
  label: string;
  latitude: number | null;
  longitude: number | null;
}

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  latitude: number | null;
  longitude: number | null;
  children?: Option[];
}

// A district or street whose centre is the "near" point of a search.
export default function NearPicker({ value, onChange }: { value?: Place; onChange?: (place: Place | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { districts, fetching } = useDistricts();
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    setOptions(
      districts.map((d) => ({
        value: d.id,
        label: areaName(i18n, d),
        isLeaf: false,
        latitude: d.latitude ?? null,
        longitude: d.longitude ?? null,
      })),
    );
  }, [districts, i18n]);

  const loadData = async (selected: Option[]) => {
    const parent = selected[selected.length - 1];
    const result = await client.query(AreaGeoChildrenQuery, { parentId: parent.value }).toPromise();
    parent.children = (result.data?.areas ?? []).map((a) => ({
      value: a.id,
      label: areaName(i18n, a),
      isLeaf: true,
      latitude: a.latitude ?? null,
      longitude: a.longitude ?? null,
    }));
    if (parent.children.length === 0) parent.isLeaf = true;
    setOptions((prev) => [...prev]);
  };

  return (
    <Cascader<Option>
      value={value ? value.areaId.split('|') : undefined}
      options={options}
      loadData={(s) => void loadData(s)}
      loading={fetching}
      changeOnSelect
      allowClear
      placeholder={t('directory.nearPlaceholder')}
      style={{ width: '100%' }}
      data-testid="near-picker"
      onChange={(ids, selected) => {
        const last = selected?.[selected.length - 1];
        if (!last) {
          onChange?.(undefined);
          return;
        }
        onChange?.({
          // The whole path, so the cascader can show it again.
          areaId: (ids as string[]).join('|'),
          label: selected.map((o) => o.label).join(' / '),
          latitude: last.latitude,
          longitude: last.longitude,
        });
      }}
    />
  );
}
