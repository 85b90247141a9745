import { useCallback, useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

// Cursor pagination for tables: remembers the `after` of every page visited so "previous" can go back.
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const reset = useCallback(() => setCursors([null]), []);
  return {
    after: cursors[cursors.length - 1],
    canPrev: cursors.length > 1,
    prev: () => setCursors((c) => c.slice(0, -1)),
    next: (cursor: string | null | undefined) => {
      if (cursor) setCursors((c) => [...c, cursor]);
    },
    reset,
  };
}

interface PagerProps {
  pages: ReturnType<typeof useCursorPages>;
  conn?: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | null;
  fetching: boolean;
  testId?: string;
}

export default function CursorPager({ pages, conn, fetching, testId }: PagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
      <Typography.Text type="secondary" data-testid={testId}>
        {conn ? t('common.total', { count: conn.totalCount }) : null}
      </Typography.Text>
      <Space>
        <Button disabled={!pages.canPrev || fetching} onClick={pages.prev}>
          {t('common.prevPage')}
        </Button>
        <Button disabled={!conn?.pageInfo.hasNextPage || fetching} onClick={() => pages.next(conn?.pageInfo.endCursor)}>
          {t('common.nextPage')}
        </Button>
      </Space>
    </Flex>
  );
}
