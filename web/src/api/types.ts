/**
 * Shapes of the public API as the web app reads them — aliases of the generated OpenAPI types
 * (`schema.d.ts`, `npm run gen:api`), never written by hand: a server change that alters an answer changes these
 * types, and the compiler shows every page it breaks. The names stay so pages import them as before. Input shapes
 * are request bodies of the same document. Add no hand-written shape here (COMMON rules); alias the schema instead.
 */
import type { components, paths } from './schema';

type Schemas = components['schemas'];
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body of the 200 answer of `GET path`. */
export type GetAnswer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;
type Ok<R> = R extends { 200: infer A } ? Json<A> : R extends { 201: infer A } ? Json<A> : never;
/** The JSON body of the 200 (or 201) answer of `POST path`, `PUT path`, `PATCH path`. */
export type PostAnswer<P extends keyof paths> = paths[P] extends { post: { responses: infer R } } ? Ok<R> : never;
export type PutAnswer<P extends keyof paths> = paths[P] extends { put: { responses: infer R } } ? Ok<R> : never;
export type PatchAnswer<P extends keyof paths> = paths[P] extends { patch: { responses: infer R } } ? Ok<R> : never;
/** The JSON request body of `method path`. */
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P] extends { [K in M]: { requestBody?: infer B } } ? Json<NonNullable<B>> : never;

export type Role = Schemas['Role'];
export const ROLES: Role[] = ['seller', 'lead', 'regional_manager', 'director', 'finance', 'support', 'admin'];

/** The signed-in user (`GET /api/me`). */
export type Me = GetAnswer<'/api/me'>;
export type UserRow = Schemas['User'];
export type Team = Schemas['Team'];
export type UserRef = Schemas['UserRef'];
export type Contact = Schemas['Contact'];

/** A customer in lists; the detail answer adds its contacts and counts. */
export type Customer = Schemas['Customer'] & Partial<Pick<Schemas['CustomerDetail'], 'contacts' | 'counts'>>;

/** A stage as a pipeline's full definition holds it (with its gate, SLA and cadences), in the editable input shape. */
type DefinitionStage = Omit<Schemas['PipelineDefinitionInput']['stages'][number], 'sla'> & { sla?: SlaSpec };
/** Exit requirements of a stage. `requiredFields` are deal fields (title, amountFen, expectedCloseDate) or `custom.<key>`. */
export type StageGate = Schemas['PipelineDefinition']['stages'][number]['gate'];
export type GateChecklistItem = StageGate['checklist'][number];
export type GateEvidence = StageGate['evidence'][number];
/**
 * A stage wherever the web app shows one: in a full definition (with `gate`), in a board (`BoardStage`) or in a
 * pipeline's `stages` summary (no gate). Optional members are the ones only some of those answers carry.
 */
export type Stage = Omit<DefinitionStage, 'gate' | 'nameEn' | 'terminal'> & {
  nameEn?: string;
  terminal?: Schemas['StageSummary']['terminal'];
  gate?: StageGate;
};
/** A definition as answers carry it and the editor sends it back (the input shape: defaults may be left out). */
export type PipelineDefinition = Omit<Schemas['PipelineDefinitionInput'], 'stages'> & { stages: Stage[] };
export type Pipeline = Schemas['Pipeline'];
export type PipelineTemplate = Schemas['PipelineTemplate'];

/** The requirement kinds the web app knows how to fix in place; the schema also admits future kinds (`kind: string`). */
export type Requirement = Extract<Schemas['UnmetItem']['requirement'], { kind: 'field' | 'evidence' | 'checklist' }>;
/** One unmet exit requirement as the 422 GATE_UNMET body (and `deal.gate.unmet`) lists it. */
export type UnmetItem = Schemas['UnmetItem'];
/** The requirement of an unmet item if it is one of the known kinds. */
export function knownRequirement(item: UnmetItem): Requirement | undefined {
  const r = item.requirement as Requirement | { kind: string } | undefined;
  return r && (r.kind === 'field' || r.kind === 'evidence' || r.kind === 'checklist') ? (r as Requirement) : undefined;
}
export type ChecklistState = Schemas['ChecklistState'];
export type StageHistoryRow = Schemas['StageHistory'];

/** A deal in lists and boards; the detail answer adds history, gate and evidence. */
export type Deal = Schemas['Deal'] & Partial<Pick<Schemas['DealDetail'], 'history' | 'gate' | 'evidence'>>;
export type DealDetail = Schemas['DealDetail'];
export type Board = Schemas['Board'];
export type BoardColumn = Board['columns'][number];
export type BoardColumnPage = Schemas['BoardColumnPage'];

export type Activity = Schemas['Activity'];
export type Task = Schemas['Task'];
export type Attachment = Schemas['Attachment'];
export type AuditEntry = Schemas['AuditEntry'];
export type CustomFieldDef = Schemas['CustomField'];
export type ApiToken = Schemas['ApiToken'];

/* ---- Event and time engine (notifications, SLA, channels, calendar, rules) ---- */

export type AppNotification = Schemas['Notification'];
export type Inbox = Schemas['Inbox'];

/** A deal's SLA state (`GET /api/sla/state`). */
type SlaAnswer = GetAnswer<'/api/sla/state'>;
export type SlaState = SlaAnswer[keyof SlaAnswer] extends Array<{ sla: infer S }> ? S : never;
export type SlaColour = SlaState extends { state: infer C } ? C : never;
type SchemaSla = NonNullable<Schemas['PipelineDefinitionInput']['stages'][number]['sla']>;
type SchemaSlaLevel = SchemaSla['ladder'][number];
/** One ladder level as the editor sends it: `since` has a server default (`entry`) and may be left out. */
export type SlaLevel = Omit<SchemaSlaLevel, 'since'> & { since?: SchemaSlaLevel['since'] };
/** A stage's SLA ladder as the pipeline editor sends it. */
export type SlaSpec = Omit<SchemaSla, 'ladder' | 'idle'> & { idle?: boolean; ladder: SlaLevel[] };
export type SlaUnit = 'wd' | 'bh' | 'h' | 'd';

export type Intervention = Schemas['Intervention'];
export type Channel = Schemas['Channel'];
export type ChannelKind = Channel['kind'];
export type ChannelTestResult = Schemas['ChannelTestResult'];
export type OutboxItem = Schemas['OutboxItem'];

export type CalendarSettings = GetAnswer<'/api/calendar/settings'>;
export type WorkingDays = GetAnswer<'/api/calendar/working-days'>;
export type CalendarDay = WorkingDays['days'][number];

export type RuleTrigger = Schemas['RuleTrigger'];
export type RuleTriggerType = RuleTrigger['type'];
export type RuleAction = Schemas['RuleAction'];
export type RuleActionType = RuleAction['type'];
/**
 * A rule as the editor drafts it: the `POST /api/rules` body, with trigger and actions in their answer shape (one
 * record per trigger/action type, checked by the server) so the editor can switch types in place.
 */
export type RuleDefinitionInput = Omit<Body<'/api/rules', 'post'>, 'trigger' | 'actions'> & { trigger: RuleTrigger; actions: RuleAction[] };
export type Rule = Schemas['Rule'];
export type RuleRun = Schemas['RuleRun'];
export type DealAttention = Schemas['DealAttention'];

/** Platform apps (WeCom / DingTalk / Feishu): connections, sync runs, the sidebar. */
export type PlatformConnection = Schemas['PlatformConnection'];
export type PlatformConnectionInput = Body<'/api/platforms', 'post'>;
/** The settings as the connection routes take them (the answer types them loosely as a record). */
export type PlatformConnectionSettings = NonNullable<PlatformConnectionInput['settings']>;
export type PlatformNotificationKind = NonNullable<NonNullable<PlatformConnectionSettings['notify']>['kinds']>[number];
export type PlatformTestResult = Schemas['PlatformTestResult'];
export type PlatformSyncRun = Schemas['PlatformSyncRun'];
export type PlatformSignInOptions = GetAnswer<'/api/platforms/sign-in/options'>;
export type PlatformSidebar = GetAnswer<'/api/platforms/sidebar'>;
export type PlatformContactLinkInput = Body<'/api/platforms/sidebar/link', 'post'>;
/** My personal platform messages: the mode and the platform accounts bound to me. */
export type PlatformMessagePrefs = GetAnswer<'/api/me/platform-messages'>;
export type PlatformMessageMode = PlatformMessagePrefs['mode'];
