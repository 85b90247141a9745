import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { Category, DirectorySearchQuery, Role, SearchEntity, SearchInput } from '../../gql/graphql';
import { useSession } from '../../auth/session';
import CategorySelect, { CategoryTags } from '../../components/CategorySelect';
import DistrictSelect from '../../components/pickers/DistrictSelect';
import { errorMessage } from '../../graphql/errors';
import { areaName, formatAgeRange, formatSpan } from '../../labels';
import NearPicker, { type Place } from './NearPicker';

const DirectorySearchQuery = graphql(`
  query DirectorySearch($input: SearchInput!, $first: Int!, $after: String) {
    search(input: $input, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          entity
          id
          title
          summary
          organisationId
          organisationName
          categories
          areas {
            ...AreaName
          }
          languages
          minAge
          maxAge
          startsAt
          endsAt
          distanceKm
          vetted
        }
      }
    }
  }
`);

type Hit = DirectorySearchQuery['search']['edges'][number]['node'];

// Volunteers can be searched by organisation, civil-affairs and admin staff only (the API says so too).
export const volunteerSearchRoles: readonly Role[] = ['ADMIN', 'CIVIL_AFFAIRS', 'ORG_ADMIN', 'ORG_STAFF'];

const pageSize = 20;

interface Filters {
  text?: string;
  categories?: Category[];
  areaId?: string;
  age?: number | null;
  dates?: [Dayjs | null, Dayjs | null] | null;
  near?: Place;
  radiusKm?: number | null;
  language?: string;
}

export function toSearchInput(entity: SearchEntity, f: Filters): SearchInput {
  const timed = entity === 'SLOT' || entity === 'EVENT';
  const near =
    f.near && f.near.latitude != null && f.near.longitude != null
      ? { latitude: f.near.latitude, longitude: f.near.longitude }
      : null;
  return {
    entity,
    text: f.text?.trim() || null,
    categories: f.categories?.length ? f.categories : null,
    areaId: f.areaId || null,
    age: f.age ?? null,
    from: timed && f.dates?.[0] ? f.dates[0].startOf('day').format() : null,
    to: timed && f.dates?.[1] ? f.dates[1].endOf('day').format() : null,
    near,
    radiusKm: near ? (f.radiusKm ?? 5) : null,
    language: f.language?.trim() || null,
  };
}

function ResultCard({ hit }: { hit: Hit }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" data-testid="directory-result" data-entity={hit.entity} style={{ height: '100%' }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }} data-testid="directory-result-title">
          {hit.title}
        </Typography.Text>
        {hit.entity === 'VOLUNTEER' ? (
          hit.vetted ? (
            <Tag color="green">{t('directory.vetted')}</Tag>
          ) : (
            <Tag color="orange">{t('directory.notVetted')}</Tag>
          )
        ) : null}
      </Flex>
      {hit.organisationName ? (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {hit.organisationName}
        </Typography.Text>
      ) : null}
      {hit.summary ? (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
          {hit.summary}
        </Typography.Paragraph>
      ) : null}
      <CategoryTags categories={hit.categories} />
      <Space direction="vertical" size={2} style={{ marginTop: 6 }}>
        {hit.entity !== 'VOLUNTEER' ? (
          <Typography.Text type="secondary">{formatAgeRange(t, hit.minAge, hit.maxAge)}</Typography.Text>
        ) : null}
        {hit.startsAt && hit.endsAt ? (
          <Typography.Text data-testid="directory-result-time">{formatSpan(hit.startsAt, hit.endsAt)}</Typography.Text>
        ) : null}
        {hit.areas.length > 0 ? (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {hit.areas.map((a) => areaName(i18n, a)).join('、')}
          </Typography.Text>
        ) : null}
        {hit.languages.length > 0 ? (
          <Typography.Text type="secondary">
            {t('common.labelValue', { label: t('directory.languages'), value: hit.languages.join('、') })}
          </Typography.Text>
        ) : null}
        {hit.distanceKm != null ? (
          <Typography.Text type="secondary" data-testid="directory-result-distance">
            {t('directory.distance', { km: hit.distanceKm.toFixed(1) })}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}

export default function DirectoryPage() {
  const { t } = useTranslation();
  const { roles } = useSession();
  const client = useClient();
  const [form] = Form.useForm<Filters>();
  const mayFindVolunteers = volunteerSearchRoles.some((r) => roles.includes(r));
  const [entity, setEntity] = useState<SearchEntity>('SERVICE');
  const [filters, setFilters] = useState<Filters>({});
  const [hits, setHits] = useState<Hit[]>([]);
  const [page, setPage] = useState<{ total: number; hasNext: boolean; endCursor: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [nearProblem, setNearProblem] = useState(false);
  // Answers to superseded searches are dropped.
  const generation = useRef(0);

  const run = useCallback(
    async (input: SearchInput, after: string | null) => {
      const mine = after ? generation.current : ++generation.current;
      setLoading(true);
      setError(null);
      const result = await client
        .query(DirectorySearchQuery, { input, first: pageSize, after }, { requestPolicy: 'network-only' })
        .toPromise();
      if (mine !== generation.current) return;
      setLoading(false);
      if (result.error || !result.data) {
        setError(result.error ?? null);
        if (!after) setHits([]);
        return;
      }
      const conn = result.data.search;
      const nodes = conn.edges.map((e) => e.node);
      setHits((prev) => (after ? [...prev, ...nodes] : nodes));
      setPage({ total: conn.totalCount, hasNext: conn.pageInfo.hasNextPage, endCursor: conn.pageInfo.endCursor ?? null });
    },
    [client],
  );

  useEffect(() => {
    void run(toSearchInput(entity, filters), null);
  }, [entity, filters, run]);

  const onSearch = (values: Filters) => {
    setNearProblem(!!values.near && (values.near.latitude == null || values.near.longitude == null));
    setFilters({ ...values });
  };

  const timed = entity === 'SLOT' || entity === 'EVENT';
  const entities: { value: SearchEntity; label: string }[] = [
    { value: 'SERVICE', label: t('directory.entity.SERVICE') },
    { value: 'SLOT', label: t('directory.entity.SLOT') },
    { value: 'EVENT', label: t('directory.entity.EVENT') },
    ...(mayFindVolunteers ? [{ value: 'VOLUNTEER' as const, label: t('directory.entity.VOLUNTEER') }] : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('directory.title')}>
        <Segmented<SearchEntity>
          options={entities}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setHits([]);
            setPage(null);
          }}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
          data-testid="directory-entity"
        />
        <Form<Filters> form={form} layout="vertical" onFinish={onSearch} initialValues={{ radiusKm: 5 }}>
          <Row gutter={12}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="text" label={t('directory.text')}>
                <Input
                  allowClear
                  placeholder={t('directory.textPlaceholder')}
                  onPressEnter={() => form.submit()}
                  data-testid="directory-text"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="categories" label={t(entity === 'VOLUNTEER' ? 'directory.skills' : 'directory.categories')}>
                <CategorySelect />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="areaId" label={t('directory.district')}>
                <DistrictSelect allowClear />
              </Form.Item>
            </Col>
            {entity !== 'VOLUNTEER' ? (
              <Col xs={12} md={6} lg={4}>
                <Form.Item name="age" label={t('directory.childAge')}>
                  <InputNumber min={0} max={18} precision={0} style={{ width: '100%' }} data-testid="directory-age" />
                </Form.Item>
              </Col>
            ) : null}
            {timed ? (
              <Col xs={24} md={12} lg={8}>
                <Form.Item name="dates" label={t('directory.dates')}>
                  <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={16} md={8} lg={6}>
              <Form.Item name="near" label={t('directory.near')}>
                <NearPicker />
              </Form.Item>
            </Col>
            <Col xs={8} md={4} lg={3}>
              <Form.Item name="radiusKm" label={t('directory.radiusKm')}>
                <InputNumber min={0.5} max={100} step={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={5}>
              <Form.Item name="language" label={t('directory.language')}>
                <Input allowClear placeholder={t('directory.languagePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="directory-search">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setNearProblem(false);
                setFilters({});
              }}
            >
              {t('directory.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {nearProblem ? <Alert type="warning" showIcon message={t('directory.nearNoCoordinates')} /> : null}
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} role="alert" /> : null}
      <Typography.Text type="secondary" data-testid="directory-total">
        {page ? t('common.total', { count: page.total }) : null}
      </Typography.Text>
      {loading && hits.length === 0 ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : hits.length === 0 && !error ? (
        <Card>
          <Empty description={t('directory.empty')} data-testid="directory-empty" />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          {hits.map((hit) => (
            <Col key={`${hit.entity}:${hit.id}`} xs={24} md={12} xl={8}>
              <ResultCard hit={hit} />
            </Col>
          ))}
        </Row>
      )}
      {page?.hasNext ? (
        <Flex justify="center">
          <Button
            loading={loading}
            onClick={() => void run(toSearchInput(entity, filters), page.endCursor)}
            data-testid="directory-load-more"
          >
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : hits.length > 0 ? (
        <Typography.Text type="secondary" style={{ textAlign: 'center', display: 'block' }}>
          {t('common.noMore')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
