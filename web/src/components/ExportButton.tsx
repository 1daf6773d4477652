import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { withQuery, type Query } from '../api/client';
import { useI18n } from '../i18n';

/**
 * Downloads a list as .xlsx with the filters on screen (`GET /api/exports/{list}`: the same scope, search and filters
 * as the list, hidden fields dropped, streamed by the server whatever the row count).
 */
export function ExportButton({ list, query }: { list: 'customers' | 'deals' | 'activities' | 'tasks'; query: Query }) {
  const { t } = useI18n();
  return (
    <Button icon={<DownloadOutlined />} href={withQuery(`/api/exports/${list}`, query)} data-testid={`export-${list}`}>
      {t('common.exportExcel')}
    </Button>
  );
}
