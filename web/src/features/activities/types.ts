import type { MessageKey } from '../../i18n/zh';

export const ACTIVITY_TYPES = ['call', 'visit', 'wechat', 'email', 'demo', 'materials', 'other'] as const;
export const activityLabel = (type: string) => `activity.${type}` as MessageKey;
