import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../index.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_notifications.js';
import * as m0003 from './0003_sla.js';
import * as m0004 from './0004_rules.js';
import * as m0005 from './0005_cadences.js';
import * as m0006 from './0006_appointments.js';
import * as m0007 from './0007_leads.js';
import * as m0008 from './0008_digests.js';
import * as m0009 from './0009_list_indexes.js';
import * as m0011 from './0011_time_engine.js';
import * as m0012 from './0012_hardening.js';
import * as m0013 from './0013_search_and_board.js';
import * as m0016 from './0016_approvals.js';
import * as m0015 from './0015_work_orders.js';
import * as m0018 from './0018_frontline.js';
import * as m0017 from './0017_imports.js';
import * as m0019 from './0019_insight_indexes.js';
import * as m0023 from './0023_health.js';
import * as m0024 from './0024_field_logging.js';
import * as m0022 from './0022_money.js';
import * as m0026 from './0026_predictive.js';
import * as m0025 from './0025_platforms.js';
import * as m0030 from './0030_dashboard_subscriptions.js';

/** One migration set for both databases; a migration may branch on the dialect only for a column type. */
const all: Record<string, { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> }> = {
  '0001_foundation': m0001,
  '0002_notifications': m0002,
  '0003_sla': m0003,
  '0004_rules': m0004,
  '0005_cadences': m0005,
  '0006_appointments': m0006,
  '0007_leads': m0007,
  '0008_digests': m0008,
  '0009_list_indexes': m0009,
  '0011_time_engine': m0011,
  '0012_hardening': m0012,
  '0013_search_and_board': m0013,
  '0016_approvals': m0016,
  '0015_work_orders': m0015,
  '0018_frontline': m0018,
  '0017_imports': m0017,
  '0019_insight_indexes': m0019,
  '0023_health': m0023,
  '0024_field_logging': m0024,
  '0022_money': m0022,
  '0026_predictive': m0026,
  '0025_platforms': m0025,
  '0030_dashboard_subscriptions': m0030,
};

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(all).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, dialect) }]),
  );
}
