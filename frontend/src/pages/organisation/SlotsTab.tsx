import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Empty, Flex, Grid, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { OrganisationProfileFragment, SlotCardFragment as SlotCardData } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { dayLabel, formatAgeRange, slotStatusLabel, statusColor, weekDays } from '../../labels';
import { VerificationBanner } from './ProfileTab';
import SlotForm from './SlotForm';

const SlotsQuery = graphql(`
  query Slots($venueId: ID!, $from: Time, $to: Time, $first: Int!) {
    slots(venueId: $venueId, from: $from, to: $to, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SlotCard
        }
      }
    }
  }
`);

// What the week view shows (kept small: the complexity limit counts every field of every slot).
export const SlotCardFragment = graphql(`
  fragment SlotCard on Slot {
    id
    seriesId
    title
    startsAt
    endsAt
    capacity
    minAge
    maxAge
    status
    canEdit
  }
`);

const CancelSlotMutation = graphql(`
  mutation CancelSlot($id: ID!) {
    cancelSlot(id: $id) {
      ...SlotFields
    }
  }
`);

// More slots than this in one week is not expected; if it happens the page says so.
const weekPageSize = 40;

// Monday 00:00 of the week containing d.
export function weekStart(d: Dayjs): Dayjs {
  const offset = (d.day() + 6) % 7;
  return d.startOf('day').subtract(offset, 'day');
}

function SlotCard({ slot }: { slot: SlotCardData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, cancel] = useMutation(CancelSlotMutation);
  const onCancel = async () => {
    const r = await cancel({ id: slot.id });
    if (r.error) message.error(errorMessage(r.error, t));
    else message.success(t('slots.cancelled'));
  };
  const cancelled = slot.status === 'CANCELLED';
  return (
    <Card size="small" data-testid="slot-card" data-title={slot.title} style={{ marginBottom: 8, opacity: cancelled ? 0.6 : 1 }}>
      <Typography.Text strong style={{ display: 'block' }}>
        {dayjs(slot.startsAt).format('HH:mm')}–{dayjs(slot.endsAt).format('HH:mm')}
      </Typography.Text>
      <Typography.Text style={{ display: 'block' }} delete={cancelled}>
        {slot.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('slots.capacityShort', { n: slot.capacity })} · {formatAgeRange(t, slot.minAge, slot.maxAge)}
      </Typography.Text>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        <Tag color={statusColor[slot.status]}>{slotStatusLabel(t, slot.status)}</Tag>
        {slot.seriesId ? <Tag>{t('slots.series')}</Tag> : null}
      </Space>
      {slot.canEdit && !cancelled ? (
        <Popconfirm
          title={t('slots.cancelConfirm')}
          onConfirm={() => onCancel()}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
        >
          <Button size="small" type="link" danger loading={fetching} style={{ padding: 0, display: 'block' }} data-testid="slot-cancel">
            {t('slots.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
    </Card>
  );
}

export default function SlotsTab({ org }: { org: OrganisationProfileFragment }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [week, setWeek] = useState(() => weekStart(dayjs()));
  const [publishing, setPublishing] = useState(false);
  const context = useMemo(() => ({ additionalTypenames: ['Slot'] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: SlotsQuery,
    variables: { venueId: org.id, from: week.format(), to: week.add(7, 'day').format(), first: weekPageSize },
    context,
  });
  const slots = useMemo(
    () => [...(data?.slots.edges.map((e) => e.node) ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    [data],
  );
  const byDay = weekDays.map((d) => ({
    day: d,
    date: week.add(d - 1, 'day'),
    slots: slots.filter((s) => dayjs(s.startsAt).isSame(week.add(d - 1, 'day'), 'day')),
  }));

  return (
    <>
      <VerificationBanner org={org} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Button icon={<LeftOutlined />} onClick={() => setWeek((w) => w.subtract(7, 'day'))} aria-label={t('slots.prevWeek')} data-testid="week-prev" />
          <Typography.Text strong data-testid="week-label">
            {t('slots.weekOf', { from: week.format('YYYY-MM-DD'), to: week.add(6, 'day').format('MM-DD') })}
          </Typography.Text>
          <Button icon={<RightOutlined />} onClick={() => setWeek((w) => w.add(7, 'day'))} aria-label={t('slots.nextWeek')} data-testid="week-next" />
          <Button onClick={() => setWeek(weekStart(dayjs()))}>{t('slots.thisWeek')}</Button>
        </Space>
        {org.canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)} data-testid="publish-slot">
            {t('slots.publish')}
          </Button>
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} /> : null}
      {data?.slots.pageInfo.hasNextPage ? (
        <Alert type="info" showIcon message={t('slots.tooMany', { shown: slots.length, total: data.slots.totalCount })} style={{ marginBottom: 12 }} />
      ) : null}
      <Spin spinning={fetching}>
        <div
          data-testid="slot-week"
          style={
            isPhone
              ? { display: 'block' }
              : { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(130px, 1fr))', gap: 8, overflowX: 'auto' }
          }
        >
          {byDay.map(({ day, date, slots: daySlots }) =>
            isPhone && daySlots.length === 0 ? null : (
              <div key={day} data-testid="slot-day" data-date={date.format('YYYY-MM-DD')}>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
                  {dayLabel(t, day)} {date.format('MM-DD')}
                </Typography.Text>
                {daySlots.map((s) => (
                  <SlotCard key={s.id} slot={s} />
                ))}
              </div>
            ),
          )}
        </div>
        {!fetching && slots.length === 0 ? <Empty description={t('slots.emptyWeek')} /> : null}
      </Spin>
      <Drawer
        title={t('slots.publishTitle')}
        open={publishing}
        onClose={() => setPublishing(false)}
        width={560}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        <SlotForm
          venueId={org.id}
          onPublished={(first) => {
            setPublishing(false);
            if (first) setWeek(weekStart(dayjs(first)));
          }}
        />
      </Drawer>
    </>
  );
}
