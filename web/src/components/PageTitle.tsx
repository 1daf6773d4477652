import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={4}>{title}</Typography.Title>
      <div style={{ flex: 1 }} />
      {extra}
    </div>
  );
}
