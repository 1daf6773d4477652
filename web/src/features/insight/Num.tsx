import { Button } from 'antd';
import type { Cell } from './api';

/** A countable figure: clicking it opens its records (the same query). */
export function Num({ c, onDrill, title, testId }: { c: Cell | undefined; onDrill: (cell: string, title: string) => void; title: string; testId?: string }) {
  if (!c) return <span>–</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0 }} data-testid={testId} data-cell={c.cell} disabled={c.value === 0} onClick={() => onDrill(c.cell, title)}>
      {c.value}
    </Button>
  );
}

export const pctText = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v}%`);
