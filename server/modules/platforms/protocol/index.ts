/** The three platforms behind one interface; the use cases never branch on the platform. */
import type { AppMessage, ExternalDept, ExternalUser, LoadedConnection, Platform } from '../types.js';
import { dingtalkApi } from './dingtalk.js';
import { feishuApi } from './feishu.js';
import type { ApiCtx, Protocol } from './http.js';
import { wecomApi } from './wecom.js';

export interface PlatformApi {
  protocol: Protocol;
  /** Where the browser goes to sign in; `inClient` for the page opened inside the platform's own client (免登). */
  authorizeUrl(conn: LoadedConnection, redirectUri: string, state: string, inClient: boolean): string;
  /** The member a sign-in code belongs to; null when the code names someone outside the organisation. */
  userByCode(ctx: ApiCtx, code: string, mode: 'web' | 'in_client'): Promise<ExternalUser | null>;
  departments(ctx: ApiCtx, rootId: string | undefined): Promise<ExternalDept[]>;
  members(ctx: ApiCtx, deptIds: string[]): Promise<ExternalUser[]>;
  send(ctx: ApiCtx, externalUserId: string, msg: AppMessage): Promise<{ ref: string | null }>;
  /** Shows the outcome on a sent card (WeCom: by the button event's response code; Feishu: by message id; DingTalk: by outTrackId, our card id). */
  updateCard?(ctx: ApiCtx, card: { id: string; ref: string | null; externalUserId: string; responseCode?: string }, text: string, msg: AppMessage): Promise<void>;
}

export const APIS: Record<Platform, PlatformApi> = { wecom: wecomApi, dingtalk: dingtalkApi, feishu: feishuApi };
export const ROOT_DEPT: Record<Platform, string> = { wecom: '1', dingtalk: '1', feishu: '0' };
