import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';
import { calendarDate } from '../calendar/schema.js';
import { METRIC_NAMES } from '../metrics/schema.js';

const id = z.string({ error: 'must be an id' }).min(1, 'must be an id').max(64, 'must be an id');
const segmentValue = z.string({ error: 'must be text' }).min(1, 'must not be empty').max(100, 'at most 100 characters');

export const teamQuery = z.object({ team: id });

export const settingsBody = z.strictObject({
  /** Five cron fields in the org time zone; checked against it in the service (the zone is an org setting). */
  cron: z.string({ error: 'must be text such as "0 18 * * *"' }).trim().min(1, 'must not be empty').max(100, 'at most 100 characters').optional(),
  /** The daily send time HH:mm in the org time zone, instead of a cron expression. */
  time: z.string({ error: 'must be a time such as "18:00"' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, formatMessage('invalid_time')).optional(),
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  /** Robot channel ids to push to; null = the robots serving the team (its own, a parent team's, or company-wide). */
  channels: z.array(id, { error: 'must be a list of channel ids or null' }).max(10, 'at most 10 channels').nullable().optional(),
});
export type SettingsBody = z.infer<typeof settingsBody>;

export const digestsQuery = z.object({
  team: id,
  /** Local date (org time zone); without it the latest 30 digests. */
  date: calendarDate.optional(),
});

const channelRef = z.object({ id: z.string(), kind: z.string(), name: z.string() });

export const settingsResponse = z.object({
  teamId: z.string(),
  teamName: z.string(),
  cron: z.string(),
  time: z.string().nullable().describe('The daily send time HH:mm when the cron is a daily one, else null'),
  timeZone: z.string(),
  enabled: z.boolean(),
  /** As configured: null = default robots. */
  channels: z.array(z.string()).nullable(),
  /** The robots a digest would go to now. */
  targets: z.array(channelRef),
  nextRunAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

const subscriptionFields = {
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'at most 100 characters'),
  metrics: z.array(z.enum(METRIC_NAMES)).min(1, 'pick at least one metric').max(METRIC_NAMES.length),
  /** The dashboard's filters, counted in the subscriber's scope. */
  filters: z.strictObject({
    pipelineId: id.optional(),
    teamId: id.optional(),
    ownerId: id.optional(),
    industry: segmentValue.optional(),
    level: segmentValue.optional(),
    region: segmentValue.optional(),
    source: segmentValue.optional(),
  }),
  cron: z.string({ error: 'must be text such as "0 9 * * 1"' }).trim().min(1, 'must not be empty').max(100, 'at most 100 characters'),
  channels: z.array(id, { error: 'must be a list of channel ids' }).min(1, 'pick at least one robot').max(10, 'at most 10 channels'),
  enabled: z.boolean({ error: 'must be true or false' }),
};

export const subscriptionBody = z.strictObject({
  ...subscriptionFields,
  metrics: subscriptionFields.metrics.default(['funnel', 'stalled', 'saturation', 'idi']),
  filters: subscriptionFields.filters.default({}),
  cron: subscriptionFields.cron.default('0 9 * * 1'),
  enabled: subscriptionFields.enabled.default(true),
});
export type SubscriptionBody = z.infer<typeof subscriptionBody>;
export const subscriptionPatch = z.strictObject(subscriptionFields).partial();
export type SubscriptionPatch = z.infer<typeof subscriptionPatch>;

export const subscriptionSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    metrics: z.array(z.enum(METRIC_NAMES)),
    filters: z.object({
      pipelineId: z.string().optional(),
      teamId: z.string().optional(),
      ownerId: z.string().optional(),
      industry: z.string().optional(),
      level: z.string().optional(),
      region: z.string().optional(),
      source: z.string().optional(),
    }),
    cron: z.string(),
    timeZone: z.string(),
    channels: z.array(z.string()),
    enabled: z.boolean(),
    nextRunAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DashboardSubscription' });

const markdown = z.object({ title: z.string(), body: z.string() });
export const previewSchema = z.object({ 'zh-CN': markdown, en: markdown });
export const unitsResponse = z.object({
  default: z.string().nullable().describe("The caller's own team, or their region's roll-up"),
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), rollUp: z.boolean(), figures: z.enum(['store', 'b2b']) })),
});

const metricKey = z.enum(['arrivals', 'dealsWon', 'noShows', 'newContacts', 'overdueTasks', 'pipelineValue', 'stageMoves', 'amountWon']);
const linkedRecord = z.object({ type: z.enum(['customer', 'deal', 'task']), id: z.string(), label: z.string(), url: z.string() });

/** The figures of a day as the app shows them (DigestContent in content.ts); amounts absent for readers who may not see them. */
export const digestContentSchema = z
  .object({
    teamId: z.string(),
    teamName: z.string(),
    date: z.string(),
    slot: z.string(),
    late: z.boolean(),
    url: z.string(),
    kind: z.enum(['store', 'b2b']).optional(),
    lines: z.array(
      z.object({ key: metricKey, label: z.string(), labelEn: z.string(), count: z.number(), amountFen: z.number().optional(), url: z.string(), records: z.array(linkedRecord) }),
    ),
    topSellers: z.array(
      z.object({ rank: z.number(), userId: z.string(), name: z.string(), dealsWon: z.number(), effectiveActivities: z.number(), records: z.array(linkedRecord) }),
    ),
  })
  .meta({ id: 'DigestContent' });

export const previewResponse = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  content: digestContentSchema.describe('As of now (not stored, not sent)'),
  markdown: z.object({ 'zh-CN': z.object({ title: z.string(), body: z.string() }), en: z.object({ title: z.string(), body: z.string() }) }),
});
