import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Radio, Result, Row, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { ChildImportFieldsFragment, ImportLineFieldsFragment, ImportOutcome, ImportSource, PreviewChildImportMutation as PreviewResult } from '../../gql/graphql';
import { ApplyChildImportMutation, ChildImportsQuery, PreviewChildImportMutation } from '../../graphql/care';
import { errorMessage } from '../../graphql/errors';
import { allImportSources, formatTime, importOutcomeColor, importOutcomeLabel, importSourceLabel } from '../../labels';
import { downloadImportTemplate, importFileProblem, importMaxMiB, importMaxRows, importOptionalColumns, importRequiredColumns } from './importFile';

type Preview = PreviewResult['previewChildImport'];

export function OutcomeTag({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={importOutcomeColor[outcome]} data-testid="outcome-tag">
      {importOutcomeLabel(t, outcome)}
    </Tag>
  );
}

function PastImports() {
  const { t } = useTranslation();
  const context = useMemo(() => ({ additionalTypenames: ['ChildImport'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: ChildImportsQuery, variables: { first: 20 }, context });
  return (
    <Card title={t('import.past')} size="small">
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<ChildImportFieldsFragment>
        rowKey="id"
        size="small"
        dataSource={data?.childImports ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('import.noPast') }}
        data-testid="past-imports"
        columns={[
          { title: t('import.importedAt'), dataIndex: 'importedAt', render: (v: string) => formatTime(t, v) },
          { title: t('import.source'), key: 'source', render: (_, i) => importSourceLabel(t, i.source) },
          { title: t('import.fileName'), dataIndex: 'fileName' },
          { title: t('import.rows'), dataIndex: 'rows' },
          { title: t('import.created'), dataIndex: 'created' },
          { title: t('import.updated'), dataIndex: 'updated' },
          { title: t('import.conflicts'), dataIndex: 'conflicts' },
          { title: t('import.invalid'), dataIndex: 'invalid' },
          { title: t('import.importedBy'), dataIndex: 'importedBy', render: (v: string | null) => v || '—' },
        ]}
      />
    </Card>
  );
}

function PreviewCounts({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const items: [string, number, string | undefined][] = [
    ['new', preview.new, '#389e0d'],
    ['matched', preview.matched, '#1677ff'],
    ['conflicts', preview.conflicts, preview.conflicts ? '#d46b08' : undefined],
    ['invalid', preview.invalid, preview.invalid ? '#cf1322' : undefined],
  ];
  return (
    <Row gutter={[16, 16]} data-testid="preview-counts">
      <Col xs={12} md={4}>
        <Statistic title={t('import.rows')} value={preview.rows} />
      </Col>
      {items.map(([key, value, color]) => (
        <Col xs={12} md={5} key={key}>
          <div data-testid={`count-${key}`} data-value={value}>
            <Statistic title={t(`import.count.${key}`)} value={value} valueStyle={color ? { color } : undefined} />
          </div>
        </Col>
      ))}
    </Row>
  );
}

// Importing a list: choose the source and file, preview (writes nothing), then confirm.
export default function ChildImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [source, setSource] = useState<ImportSource>('EDUCATION');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ChildImportFieldsFragment | null>(null);
  const [previewState, runPreview] = useMutation(PreviewChildImportMutation);
  const [applyState, runApply] = useMutation(ApplyChildImportMutation);

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
  };

  const choose = (f: File) => {
    setFailure(null);
    setPreview(null);
    const problem = importFileProblem(f);
    if (problem) {
      setFile(null);
      setFileProblem(
        problem === 'tooLarge' ? t('import.tooLarge', { size: importMaxMiB }) : problem === 'empty' ? t('import.emptyFile') : t('import.wrongType'),
      );
      return;
    }
    setFileProblem(null);
    setFile(f);
  };

  const onPreview = async () => {
    if (!file) return;
    setFailure(null);
    const r = await runPreview({ source, file });
    if (r.error || !r.data) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    setPreview(r.data.previewChildImport);
    setStep(1);
  };

  const onApply = async () => {
    if (!file || !preview) return;
    setFailure(null);
    const r = await runApply(
      { source, file },
      // Imported children show up in lists; past imports list the new one.
      { additionalTypenames: ['Child', 'ChildImport'] },
    );
    if (r.error || !r.data) {
      setFailure(errorMessage(r.error, t));
      return;
    }
    setResult(r.data.applyChildImport);
    setStep(2);
  };

  const writable = preview ? preview.new + preview.matched : 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/children')} aria-label={t('common.back')} />
            {t('import.title')}
          </Space>
        }
        data-testid="child-import"
      >
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.step.choose') }, { title: t('import.step.preview') }, { title: t('import.step.done') }]}
        />
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" data-testid="import-error" /> : null}

        {step === 0 ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <div>
              <Typography.Text strong>{t('import.source')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={source}
                  onChange={(e) => {
                    setSource(e.target.value as ImportSource);
                    setPreview(null);
                  }}
                  options={allImportSources.map((s) => ({ value: s, label: importSourceLabel(t, s) }))}
                  data-testid="import-source"
                />
              </div>
            </div>
            <Descriptions size="small" bordered column={1} data-testid="import-columns">
              <Descriptions.Item label={t('import.requiredColumns')}>
                <Flex gap={4} wrap>
                  {importRequiredColumns.map((c) => (
                    <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
                      {c}
                    </Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('import.optionalColumns')}>
                <Flex gap={4} wrap>
                  {importOptionalColumns.map((c) => (
                    <Tag key={c} style={{ marginInlineEnd: 0 }}>
                      {c}
                    </Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('import.formats')}>{t('import.formatsHint')}</Descriptions.Item>
              <Descriptions.Item label={t('import.limits')}>
                <span data-testid="import-limits">
                  {t('import.limitsHint', { rows: importMaxRows.toLocaleString('en-US'), size: importMaxMiB })}
                </span>
              </Descriptions.Item>
            </Descriptions>
            <div>
              <Button icon={<DownloadOutlined />} onClick={() => downloadImportTemplate(t('import.templateFile'))} data-testid="download-template">
                {t('import.template')}
              </Button>
            </div>
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(f) => {
                choose(f);
                // Kept here and sent with the preview, never uploaded on its own.
                return Upload.LIST_IGNORE;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.dropFile')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            {fileProblem ? <Alert type="warning" showIcon message={fileProblem} role="alert" /> : null}
            {file ? (
              <Typography.Text data-testid="chosen-file">
                {t('import.chosen', { name: file.name, size: Math.max(1, Math.round(file.size / 1024)) })}
              </Typography.Text>
            ) : null}
            <Button type="primary" disabled={!file} loading={previewState.fetching} onClick={() => void onPreview()} data-testid="import-preview">
              {t('import.preview')}
            </Button>
          </Space>
        ) : null}

        {step === 1 && preview ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={t('import.previewNote', { name: file?.name, source: importSourceLabel(t, source) })} />
            <PreviewCounts preview={preview} />
            <Table<ImportLineFieldsFragment>
              rowKey={(l) => String(l.line)}
              size="small"
              dataSource={preview.lines}
              pagination={preview.lines.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('import.noLines') }}
              data-testid="preview-lines"
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 80 },
                { title: t('import.outcome'), key: 'outcome', render: (_, l) => <OutcomeTag outcome={l.outcome} /> },
                { title: t('child.name'), dataIndex: 'name', render: (v: string) => v || '—' },
                { title: t('import.reason'), dataIndex: 'reason', render: (v: string | null) => (v ? <span data-testid="line-reason">{v}</span> : '—') },
              ]}
            />
            {preview.lines.length < preview.rows ? (
              <Typography.Text type="secondary">{t('import.linesShown', { shown: preview.lines.length, rows: preview.rows })}</Typography.Text>
            ) : null}
            <Flex gap={8} wrap>
              <Button onClick={() => setStep(0)} data-testid="import-back">
                {t('import.back')}
              </Button>
              <Button type="primary" disabled={writable === 0} loading={applyState.fetching} onClick={() => void onApply()} data-testid="import-apply">
                {t('import.apply', { count: writable })}
              </Button>
            </Flex>
            {writable === 0 ? <Typography.Text type="secondary">{t('import.nothingToWrite')}</Typography.Text> : null}
          </Space>
        ) : null}

        {step === 2 && result ? (
          <div data-testid="import-result">
          <Result
            status="success"
            title={t('import.doneTitle')}
            subTitle={t('import.doneSummary', {
              created: result.created,
              updated: result.updated,
              conflicts: result.conflicts,
              invalid: result.invalid,
            })}
            extra={[
              <Button type="primary" key="list" onClick={() => navigate('/children')} data-testid="import-to-list">
                {t('import.toList')}
              </Button>,
              <Button key="again" onClick={restart}>
                {t('import.again')}
              </Button>,
            ]}
          >
            <div data-testid="import-created" data-value={result.created} />
          </Result>
          </div>
        ) : null}
      </Card>
      <PastImports />
    </Space>
  );
}
