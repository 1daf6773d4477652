/** Shapes shared by the platform protocol files and the module's use cases. */
import type { Role } from '../../db/schema.js';

export const PLATFORMS = ['wecom', 'dingtalk', 'feishu'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const NOTIFY_MODES = ['off', 'also', 'instead'] as const;
export type NotifyMode = (typeof NOTIFY_MODES)[number];
/** The notification kinds admins may name in `notify.kinds`: a closed list, so a typo is refused, not silently never matched. */
export const NOTIFICATION_KINDS = ['sla', 'no_show', 'approval', 'work_order', 'rule', 'import', 'health', 'risk', 'receivable'] as const;

export interface ConnectionSettings {
  /** WeCom 企业ID (also the callback receive id). */
  corpId?: string;
  /** WeCom AgentId / DingTalk AgentId. */
  agentId?: string;
  /** DingTalk AppKey (Client ID). */
  appKey?: string;
  /** DingTalk 互动卡片 template (卡片搭建平台) for approval and work-order cards; without it they go as action cards that open the record. */
  cardTemplateId?: string;
  /** Feishu App ID. */
  appId?: string;
  /** Overrides of the documented API hosts (private deployments, and the fake platforms of the tests). */
  baseUrl?: string;
  /** DingTalk's new-style API host (api.dingtalk.com) used by the web OAuth login. */
  apiBaseUrl?: string;
  /** Where the browser is sent to sign in (the platform's login page host). */
  loginBaseUrl?: string;
  signIn?: boolean;
  /** Create an actionflow user for a platform member nobody matches (off by default: such members are refused). */
  autoCreate?: boolean;
  autoCreateRole?: Role;
  autoCreateTeamId?: string;
  /** Personal app messages: off, in addition to the group robots, or instead of them; for these notification kinds (all when empty). */
  notify?: { mode: NotifyMode; kinds?: string[] };
  /** Lower than the documented per-member limit if wanted. */
  ratePerMinute?: number | null;
  sync?: {
    nightly?: boolean;
    /** The department the sync starts from (WeCom 1, DingTalk 1, Feishu 0 by default). */
    rootDeptId?: string;
    /** Department id → existing team id; unmapped departments become new teams under their parent's team. */
    deptTeams?: Record<string, string>;
    /** The team new top-level departments go under (default: the company team, the tree's root). */
    parentTeamId?: string;
    /** Role of users the sync creates; roles of existing users are never changed by a sync. */
    defaultRole?: Role;
    deactivateLeavers?: boolean;
  };
}

export interface ConnectionSecrets {
  /** WeCom Secret / DingTalk AppSecret / Feishu App Secret. */
  secret?: string;
  /** WeCom/DingTalk callback Token and EncodingAESKey. */
  callbackToken?: string;
  encodingAesKey?: string;
  /** Feishu Verification Token and Encrypt Key. */
  verificationToken?: string;
  encryptKey?: string;
  /** DingTalk: the apiSecret registered with the 互动卡片 callback address; card presses are signed with it. */
  cardApiSecret?: string;
}

export const SECRET_FIELDS = ['secret', 'callbackToken', 'encodingAesKey', 'verificationToken', 'encryptKey', 'cardApiSecret'] as const;

export interface LoadedConnection {
  id: string;
  platform: Platform;
  name: string;
  settings: ConnectionSettings;
  secrets: ConnectionSecrets;
  secretsError: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A platform member as the sign-in and contact APIs describe them. */
export interface ExternalUser {
  externalId: string;
  name: string;
  mobile: string | null;
  email: string | null;
  deptIds: string[];
  active: boolean;
}

export interface ExternalDept {
  id: string;
  name: string;
  parentId: string | null;
}

/** A message for one member: a text card, or a card with buttons that call back. */
export interface AppMessage {
  title: string;
  body: string;
  url: string;
  /** Buttons of an interactive card; `key` comes back in the callback. */
  buttons?: Array<{ text: string; key: string; primary?: boolean }>;
  /** Our card id (WeCom task_id, Feishu button value), so a callback finds its card. */
  cardId?: string;
}
