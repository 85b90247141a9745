import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Statistic, Tag, Tree, Typography, Upload } from 'antd';
import type { TreeDataNode } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useClient, useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { AreaChildrenQuery as AreaChildrenResult, ImportAreasMutation as ImportAreasResult } from '../gql/graphql';
import { AreaChildrenQuery } from '../graphql/areas';
import { errorMessage } from '../graphql/errors';
import { useSession } from '../auth/session';
import { areaName, levelLabel } from '../labels';

const ImportAreasMutation = graphql(`
  mutation ImportAreas($csv: String!) {
    importAreas(csv: $csv) {
      created
      updated
    }
  }
`);

export const areaCsvHeader = 'code,parent_code,level,name,name_en,latitude,longitude';

type Area = AreaChildrenResult['areas'][number];

interface AreaNode extends TreeDataNode {
  key: string;
  children?: AreaNode[];
}

const levelColor: Record<string, string> = { CITY: 'magenta', DISTRICT: 'blue', STREET: 'cyan', COMMUNITY: 'green' };

function ImportAreasButton({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportAreasResult['importAreas'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, importAreas] = useMutation(ImportAreasMutation);

  const submit = async () => {
    setFailure(null);
    setResult(null);
    if (!csv.trim()) {
      setFailure(t('areas.importRequired'));
      return;
    }
    const res = await importAreas({ csv });
    if (res.error || !res.data) {
      setFailure(res.error ? errorMessage(res.error, t) : t('error.unknown'));
      return;
    }
    setResult(res.data.importAreas);
    message.success(t('areas.importDone', res.data.importAreas));
    onImported();
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="import-areas">
        {t('areas.import')}
      </Button>
      <Modal
        title={t('areas.importTitle')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okText={t('areas.importSubmit')}
        cancelText={t('common.cancel')}
        confirmLoading={fetching}
        width={640}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('areas.importHint')}</Typography.Paragraph>
        <Typography.Paragraph code copyable>
          {areaCsvHeader}
        </Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setCsv);
              // Read locally; the content goes through the GraphQL mutation, not an upload endpoint.
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('areas.importUpload')}</Button>
          </Upload>
          <Input.TextArea
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            rows={8}
            placeholder={`${t('areas.importPaste')}\n${areaCsvHeader}`}
            style={{ fontFamily: 'monospace' }}
          />
          {failure ? <Alert type="error" showIcon message={failure} role="alert" /> : null}
          {result ? (
            <Space size="large">
              <Statistic title={t('areas.created')} value={result.created} />
              <Statistic title={t('areas.updated')} value={result.updated} />
            </Space>
          ) : null}
        </Space>
      </Modal>
    </>
  );
}

export default function AreasPage() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { roles } = useSession();
  const [tree, setTree] = useState<AreaNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const toNode = useCallback(
    (a: Area): AreaNode => ({
      key: a.id,
      title: (
        <Space size={4}>
          <span>{areaName(i18n, a)}</span>
          <Tag color={levelColor[a.level]} bordered={false}>
            {levelLabel(t, a.level)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.id}
          </Typography.Text>
        </Space>
      ),
      isLeaf: a.level === 'COMMUNITY',
    }),
    [i18n, t],
  );

  const fetchChildren = useCallback(
    async (parentId: string | null) => {
      const result = await client
        .query(AreaChildrenQuery, { parentId }, { requestPolicy: version > 0 ? 'network-only' : 'cache-first' })
        .toPromise();
      if (result.error) throw result.error;
      return result.data?.areas ?? [];
    },
    [client, version],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    fetchChildren(null)
      .then((top) => {
        if (!live) return;
        const city = top.find((a) => a.level === 'CITY') ?? top.find((a) => a.parent?.level === 'CITY')?.parent;
        const districts = top.filter((a) => a.level === 'DISTRICT').map(toNode);
        setTree(city ? [{ ...toNode({ ...city, parent: null }), children: districts }] : districts);
        setFailure(null);
      })
      .catch((e) => live && setFailure(errorMessage(e, t)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [fetchChildren, toNode, t]);

  const loadData = async (node: AreaNode) => {
    if (node.children) return;
    try {
      const children = (await fetchChildren(node.key)).map(toNode);
      setTree((prev) => attach(prev, node.key, children));
    } catch (e) {
      setFailure(errorMessage(e, t));
    }
  };

  return (
    <Card title={t('areas.title')} extra={roles.includes('ADMIN') ? <ImportAreasButton onImported={() => setVersion((v) => v + 1)} /> : null}>
      <Typography.Paragraph type="secondary">{t('areas.hint')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      {loading ? null : tree.length === 0 ? (
        <Typography.Text type="secondary">{t('areas.empty')}</Typography.Text>
      ) : (
        <Tree<AreaNode>
          key={version}
          treeData={tree}
          loadData={loadData}
          defaultExpandedKeys={tree.length === 1 ? [tree[0].key] : []}
          showLine
          blockNode
          data-testid="area-tree"
        />
      )}
      {loading ? <Card loading bordered={false} /> : null}
    </Card>
  );
}

function attach(nodes: AreaNode[], key: string, children: AreaNode[]): AreaNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: attach(n.children, key, children) };
    return n;
  });
}
