import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Grid, Input, Modal, Row, Space, Statistic, Tag, Tree, Typography, Upload } from 'antd';
import type { TreeDataNode } from 'antd';
import { EnvironmentOutlined, UploadOutlined } from '@ant-design/icons';
import { useClient, useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AreaFieldsFragment, ImportAreasMutation as ImportAreasResult } from '../gql/graphql';
import { AreaTreeQuery, ImportAreasMutation } from '../graphql/areas';
import { errorMessage } from '../graphql/errors';
import { useSession } from '../auth/session';
import { areaName, levelLabel } from '../labels';
import AreaDetails, { type AreaInfo } from './areas/AreaDetails';

export const areaCsvHeader = 'code,parent_code,level,name,name_en,latitude,longitude';

interface AreaNode extends TreeDataNode {
  key: string;
  area: AreaInfo;
  children?: AreaNode[];
}

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
  const { t } = useTranslation();
  const client = useClient();
  const { roles } = useSession();
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint is empty; treat that as desktop.
  const narrow = screens.lg === false;
  const [tree, setTree] = useState<AreaNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const fetchChildren = useCallback(
    async (parentId: string | null) => {
      const result = await client
        .query(AreaTreeQuery, { parentId }, { requestPolicy: version > 0 ? 'network-only' : 'cache-first' })
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
  }, [fetchChildren, t]);

  const loadData = async (node: AreaNode) => {
    if (node.children) return;
    try {
      const children = (await fetchChildren(node.key)).map(toNode);
      setTree((prev) => attach(prev, node.key, children));
    } catch (e) {
      setFailure(errorMessage(e, t));
    }
  };

  // The saved area replaces its node's copy, so the tree's marker and the
  // details show the new point without reloading (and collapsing) the tree.
  const onSaved = (saved: AreaFieldsFragment) => setTree((prev) => update(prev, saved));

  const selected = selectedId ? find(tree, selectedId)?.area : undefined;

  const treeView = loading ? null : tree.length === 0 ? (
    <Typography.Text type="secondary">{t('areas.empty')}</Typography.Text>
  ) : (
    <Tree<AreaNode>
      key={version}
      treeData={tree}
      loadData={loadData}
      defaultExpandedKeys={tree.length === 1 ? [tree[0].key] : []}
      selectedKeys={selectedId ? [selectedId] : []}
      // A second click on the selected area keeps it selected rather than emptying the details.
      onSelect={(keys) => {
        if (keys.length) setSelectedId(String(keys[0]));
      }}
      titleRender={(node) => <AreaTitle area={node.area} showCode={!narrow} />}
      showLine
      blockNode
      data-testid="area-tree"
    />
  );

  return (
    <Card title={t('areas.title')} extra={roles.includes('ADMIN') ? <ImportAreasButton onImported={() => setVersion((v) => v + 1)} /> : null}>
      <Typography.Paragraph type="secondary">{t('areas.hint')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          {/* On a phone the details stack under the tree; the tree scrolls in its own box so they stay in reach. */}
          <div style={narrow ? { maxHeight: '50vh', overflow: 'auto' } : undefined} data-testid="area-tree-box">
            {treeView}
            {loading ? <Card loading bordered={false} /> : null}
          </div>
        </Col>
        <Col xs={24} lg={10} style={narrow ? undefined : { position: 'sticky', top: 16, alignSelf: 'flex-start' }}>
          {selected ? (
            <AreaDetails area={selected} onSaved={onSaved} />
          ) : (
            <Card size="small" data-testid="area-details-empty">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('areas.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </Card>
  );
}

const levelColor: Record<string, string> = { CITY: 'magenta', DISTRICT: 'blue', STREET: 'cyan', COMMUNITY: 'green' };

// On a phone the code would wrap every title onto three lines; the details show it.
function AreaTitle({ area, showCode }: { area: AreaInfo; showCode: boolean }) {
  const { t, i18n } = useTranslation();
  const hasPoint = area.latitude != null && area.longitude != null;
  return (
    <Space size={4} data-testid="area-node" data-area-id={area.id} data-level={area.level} data-parent={area.parent?.id ?? ''}>
      <span data-testid="area-node-name" style={{ whiteSpace: 'nowrap' }}>
        {areaName(i18n, area)}
      </span>
      <Tag color={levelColor[area.level]} bordered={false}>
        {levelLabel(t, area.level)}
      </Tag>
      {showCode ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {area.id}
        </Typography.Text>
      ) : null}
      {hasPoint ? <EnvironmentOutlined title={t('areas.hasPoint')} aria-label={t('areas.hasPoint')} data-testid="area-node-point" /> : null}
    </Space>
  );
}

function toNode(area: AreaInfo): AreaNode {
  return { key: area.id, area, isLeaf: area.level === 'COMMUNITY' };
}

function find(nodes: AreaNode[], key: string): AreaNode | undefined {
  for (const n of nodes) {
    if (n.key === key) return n;
    const hit = n.children && find(n.children, key);
    if (hit) return hit;
  }
  return undefined;
}

function update(nodes: AreaNode[], saved: AreaFieldsFragment): AreaNode[] {
  return nodes.map((n) => {
    if (n.key === saved.id) return { ...n, area: { ...n.area, ...saved } };
    if (n.children) return { ...n, children: update(n.children, saved) };
    return n;
  });
}

function attach(nodes: AreaNode[], key: string, children: AreaNode[]): AreaNode[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: attach(n.children, key, children) };
    return n;
  });
}
