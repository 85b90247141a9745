import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

// The half-yearly monitoring report (XLSX) of an area, default the viewer's own.
// A plain same-origin link: the session cookie goes with it and the server sends the file.
export function monitoringReportUrl(areaId?: string | null): string {
  return areaId ? `/reports/monitoring.xlsx?areaId=${encodeURIComponent(areaId)}` : '/reports/monitoring.xlsx';
}

export default function MonitoringExportButton({ areaId }: { areaId?: string | null }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={monitoringReportUrl(areaId)} data-testid="export-monitoring">
      {t('overview.export')}
    </Button>
  );
}
