import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Empty, Skeleton, Typography } from 'antd';
import { DndContext, KeyboardSensor, PointerSensor, TouchSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { errorMessage } from '../../api/client';
import type { Board, BoardColumn, Deal, SlaState } from '../../api/types';
import { Money } from '../../components/Money';
import { userName } from '../../components/userName';
import { useI18n } from '../../i18n';
import { dayjs } from '../../lib/format';
import { boardColumnMore, stagesOf, useBoard, type BoardFilters } from './api';
import { SlaTag } from '../sla/SlaTag';
import { useSlaStates } from '../sla/api';
import { useStageName } from './stageName';
import { useDealMove } from './useDealMove';
import { queryKeys } from '../../api/queryKeys';

// A drop ends with a pointer-up on the dragged card, which the browser turns into a click: ignore clicks right after a drag.
let lastDragAt = 0;

/**
 * Kanban of one pipeline: drag a card to another column to move the deal; a refused gate opens the fix-it drawer.
 * Owner/team filters narrow it within the viewer's scope; `compact` shows narrow columns of one-line cards.
 */
export function KanbanBoard({ pipelineId, filters = {}, compact = false }: { pipelineId: string; filters?: BoardFilters; compact?: boolean }) {
  const client = useQueryClient();
  const board = useBoard(pipelineId, filters);
  const stages = stagesOf(board.data?.pipeline);
  const stageName = useStageName(stages);
  const key = queryKeys.board(pipelineId, filters.ownerId ?? '', filters.teamId ?? '');
  const mover = useDealMove({
    stages,
    onChanged: () => client.invalidateQueries({ queryKey: queryKeys.board(pipelineId) }),
    optimistic: (deal, toStage) => {
      const previous = client.getQueryData<Board>(key);
      if (previous) client.setQueryData(key, moveLocally(previous, deal.id, deal.stageKey, toStage));
      return () => previous && client.setQueryData(key, previous);
    },
  });
  const sla = useSlaStates('deal', board.data?.columns.flatMap((c) => c.deals.map((d) => d.id)) ?? []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  if (board.error) return <Typography.Text type="danger">{errorMessage(board.error)}</Typography.Text>;
  if (!board.data) return <Skeleton active />;

  function onDragEnd(event: DragEndEvent) {
    lastDragAt = Date.now();
    const deal = event.active.data.current?.deal as Deal | undefined;
    const toStage = event.over?.id as string | undefined;
    if (deal && toStage) mover.request(deal, toStage);
  }

  const columns = stages.map((s) => board.data!.columns.find((c) => c.stageKey === s.key) ?? { stageKey: s.key, count: 0, deals: [], nextCursor: null });
  // "Load more" appends the column's next cards to the cached board; a refetch starts again from the first cards.
  async function loadMore(column: BoardColumn) {
    if (!column.nextCursor) return;
    const more = await boardColumnMore(pipelineId, column.stageKey, column.nextCursor, filters);
    client.setQueryData<Board>(key, (b) =>
      b && { ...b, columns: b.columns.map((c) => (c.stageKey === column.stageKey ? { ...c, deals: [...c.deals, ...more.deals.filter((d) => !c.deals.some((x) => x.id === d.id))], nextCursor: more.nextCursor } : c)) },
    );
  }
  return (
    <>
      <DndContext sensors={sensors} onDragStart={() => (lastDragAt = Date.now())} onDragEnd={onDragEnd} onDragCancel={() => (lastDragAt = Date.now())}>
        <div className={compact ? 'kanban compact' : 'kanban'} data-testid="kanban">
          {columns.map((column) => (
            <Column key={column.stageKey} column={column} title={stageName(column.stageKey)} sla={sla.data} compact={compact} onMore={() => void loadMore(column)} />
          ))}
        </div>
      </DndContext>
      {mover.ui}
    </>
  );
}

function moveLocally(board: Board, dealId: string, fromStage: string, toStage: string): Board {
  const deal = board.columns.flatMap((c) => c.deals).find((d) => d.id === dealId);
  if (!deal) return board;
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.stageKey === fromStage) return { ...c, count: c.count - 1, deals: c.deals.filter((d) => d.id !== dealId) };
      if (c.stageKey === toStage) return { ...c, count: c.count + 1, deals: [{ ...deal, stageKey: toStage }, ...c.deals] };
      return c;
    }),
  };
}

function Column({ column, title, sla, compact, onMore }: { column: BoardColumn; title: string; sla?: Map<string, SlaState>; compact: boolean; onMore: () => void }) {
  const { t } = useI18n();
  const { isOver, setNodeRef } = useDroppable({ id: column.stageKey });
  return (
    <div ref={setNodeRef} className={isOver ? 'kanban-column over' : 'kanban-column'} data-testid={`column-${column.stageKey}`} data-stage={column.stageKey}>
      <div className="kanban-column-head">
        <span>
          {title} <span className="meta">{column.count}</span>
        </span>
        {column.amountFen !== undefined && (
          <span className="meta">
            <Money fen={column.amountFen} />
          </span>
        )}
      </div>
      {column.deals.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />}
      {column.deals.map((deal) => (
        <DealCard key={deal.id} deal={deal} sla={sla?.get(deal.id)} compact={compact} />
      ))}
      {column.nextCursor && (
        <Button type="link" size="small" block onClick={onMore} data-testid={`more-${column.stageKey}`}>
          {t('common.loadMore')} ({column.deals.length}/{column.count})
        </Button>
      )}
    </div>
  );
}

function DealCard({ deal, sla, compact }: { deal: Deal; sla?: SlaState; compact: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: deal.id, data: { deal } });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10, position: 'relative' as const } : undefined;
  const days = dayjs().diff(dayjs(deal.stageEnteredAt), 'day');
  return (
    <div
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'deal-card dragging' : 'deal-card'}
      {...listeners}
      {...attributes}
      onClick={() => Date.now() - lastDragAt > 400 && navigate(`/deals/${deal.id}`)}
      data-testid="deal-card"
      data-deal-id={deal.id}
    >
      <div className="title">{deal.title}</div>
      <div className="sub">
        <span>{compact ? userName(deal.owner) : (deal.customer?.name ?? '')}</span>
        {deal.amountFen !== undefined && <Money fen={deal.amountFen} />}
      </div>
      {!compact && (
      <div className="sub">
        <span>{userName(deal.owner)}</span>
        <span>{t('deals.dwell', { d: days })}</span>
      </div>
      )}
      {sla && (sla.state !== 'on_time' || sla.dueAt) && (
        <div className="sla">
          <SlaTag sla={sla} />
        </div>
      )}
    </div>
  );
}
