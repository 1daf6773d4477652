import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { AnyActor } from '../../core/policy.js';
import { renderMarkdown, withoutAmounts, type DigestContent } from './content.js';
import { digestContentSchema } from './schema.js';

const deliverySchema = z.object({
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

const markdownSchema = z.object({ title: z.string(), body: z.string() });

export const digestSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    date: z.string(),
    slot: z.string(),
    scheduledFor: z.string(),
    sentAt: z.string(),
    late: z.boolean(),
    status: z.enum(['sent', 'late']),
    content: digestContentSchema,
    markdown: z.object({ 'zh-CN': markdownSchema, en: markdownSchema }).partial(),
    deliveries: z.array(deliverySchema),
  })
  .meta({ id: 'Digest' });

export const digestListSchema = z.object({ team: z.object({ id: z.string(), name: z.string() }), items: z.array(digestSchema) });

export function presentDigest(
  r: { id: string; team_id: string; date: string; slot: string; scheduled_for: string; created_at: string; late: number; content: string; markdown: string },
  sends: { key: string; channelId: string | null; channelName: string | null; kind: string; status: string; sentAt: string | null; lastError: string | null }[],
  reader: AnyActor,
) {
  const stored = parseJson<DigestContent>(r.content, {} as DigestContent);
  // The markdown went to the team's robots with amounts; a reader who may not see them gets it rendered again without.
  const content = withoutAmounts(stored, reader);
  const markdown = content === stored
    ? parseJson<Record<'zh-CN' | 'en', { title: string; body: string }>>(r.markdown, {} as never)
    : { 'zh-CN': renderMarkdown(content, 'zh-CN'), en: renderMarkdown(content, 'en') };
  return {
    id: r.id,
    teamId: r.team_id,
    date: r.date,
    slot: r.slot,
    scheduledFor: r.scheduled_for,
    sentAt: r.created_at,
    late: r.late === 1,
    status: r.late === 1 ? ('late' as const) : ('sent' as const),
    content,
    markdown,
    deliveries: sends
      .filter((d) => d.key.startsWith(`digest#${r.id}#`))
      .map((d) => ({ channelId: d.channelId, channelName: d.channelName, kind: d.kind, status: d.status, sentAt: d.sentAt, lastError: d.lastError })),
  };
}
