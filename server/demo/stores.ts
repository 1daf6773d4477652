/**
 * Demo store chain (门店, issue 15 point 12): a small branch of two rehabilitation stores next to the sales org — a
 * store manager over both, three consultants, walk-in customers, yesterday's and today's appointments. Appointments
 * past their 30-minute grace without a check-in are marked by the real no-show pass (`detectNoShows`), so the store
 * manager's notices and the no-show board are what the running system makes; the worker then files the follow-up
 * calls. Kept apart from org.ts so the sales org keeps its documented size.
 */
import { SqliteAdapter } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { AppConfig } from '../core/config.js';
import type { Db } from '../db/index.js';
import type { AppointmentsTable, CustomersTable, Role } from '../db/schema.js';
import { detectNoShows } from '../modules/appointments/job.js';
import { noShowDueAt } from '../modules/appointments/rules.js';
import { insertCustomerRows } from '../modules/customers/repo.js';
import { newCustomerRow } from '../modules/customers/write.js';
import { insertTaskRows } from '../modules/tasks/repo.js';
import type { CustomerDraft, SellerRef } from './generate.js';
import { buildTasks } from './work.js';
import { mobile, type Random } from './random.js';
import { DAY, iso, shanghaiMidnight } from './time.js';

export const DEMO_STORE_BRANCH = '康捷康复门店（杭州）';

const STORES = [
  { key: 'xihu', name: '西湖店' },
  { key: 'binjiang', name: '滨江店' },
] as const;

/** The store people: the manager sits on the branch (both stores in scope), consultants in their store. */
export const DEMO_STORE_USERS: Array<{ username: string; displayName: string; role: Role; store: (typeof STORES)[number]['key'] | null }> = [
  { username: 'store_manager', displayName: '门店经理 沈丽', role: 'lead', store: null },
  { username: 'consultant_xihu1', displayName: '顾问 周雨', role: 'seller', store: 'xihu' },
  { username: 'consultant_xihu2', displayName: '顾问 钱程', role: 'seller', store: 'xihu' },
  { username: 'consultant_binjiang1', displayName: '顾问 潘悦', role: 'seller', store: 'binjiang' },
];

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '吴', '孙', '朱', '胡'];
/** Minutes after midnight (Shanghai) of each consultant's slots; the last two are in the evening. */
const SLOTS = [10 * 60, 11 * 60 + 30, 14 * 60, 15 * 60 + 30, 17 * 60, 19 * 60];

export interface DemoStoreSummary {
  stores: number;
  users: number;
  appointments: number;
  noShows: number;
}

export async function loadDemoStores(db: Db, clock: Clock, random: Random, passwordHash: string, config: Pick<AppConfig, 'timeZone'>): Promise<DemoStoreSummary> {
  const nowMs = clock.now().getTime();
  const now = clock.now().toISOString();
  const company = await db.selectFrom('teams').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const branchId = random.uuid();
  const branch = { id: branchId, path: `${company.path}${branchId}/` };
  await db.insertInto('teams').values({ id: branch.id, parent_id: company.id, name: DEMO_STORE_BRANCH, kind: 'region', path: branch.path, created_at: now }).execute();
  const stores = new Map<string, { id: string; path: string; name: string }>();
  for (const s of STORES) {
    const id = random.uuid();
    stores.set(s.key, { id, path: `${branch.path}${id}/`, name: s.name });
    await db.insertInto('teams').values({ id, parent_id: branch.id, name: s.name, kind: 'store', path: `${branch.path}${id}/`, created_at: now }).execute();
  }
  const people = new Map<string, SellerRef>();
  for (const u of DEMO_STORE_USERS) {
    const team = u.store ? stores.get(u.store)! : branch;
    const id = random.uuid();
    await db
      .insertInto('users')
      .values({ id, username: u.username, display_name: u.displayName, password_hash: passwordHash, role: u.role, team_id: team.id, team_path: team.path, phone: null, email: `${u.username}@kangjie-demo.cn`, active: 1, created_at: now, updated_at: now })
      .execute();
    people.set(u.username, { id, teamPath: team.path, region: 'east', leadId: '' });
  }
  const managerId = people.get('store_manager')!.id;

  // Walk-in customers: six per consultant, booked by phone (named 张女士 / 王先生 like the booking form asks).
  const drafts: CustomerDraft[] = [];
  const appointments: AppointmentsTable[] = [];
  const today = shanghaiMidnight(nowMs);
  for (const u of DEMO_STORE_USERS.filter((x) => x.store)) {
    const consultant = { ...people.get(u.username)!, leadId: managerId };
    const store = stores.get(u.store!)!;
    const book: CustomersTable[] = [];
    for (let i = 0; i < 6; i++) {
      const phone = mobile(random);
      const name = `${random.pick(SURNAMES)}${random.chance(0.7) ? '女士' : '先生'}`;
      const createdMs = nowMs - random.int(3, 40) * DAY;
      const row = newCustomerRow(random.uuid(), { kind: 'person', name, phone, region: '浙江省杭州市', source: '门店到访', owner: { id: consultant.id, teamPath: consultant.teamPath } }, iso(createdMs));
      book.push(row);
      drafts.push({ row, type: 'person', weight: 1, contacts: [], deals: [], seller: consultant });
    }
    // Yesterday: three visits (one no-show); today: a slot per customer, the past ones mostly arrived.
    const plan = [
      ...[0, 2, 4].map((s, i) => ({ at: today - DAY + SLOTS[s] * 60_000, customer: book[i], arrives: i !== 1 })),
      ...SLOTS.map((m, i) => ({ at: today + m * 60_000, customer: book[i], arrives: i % 3 !== 1 })),
    ];
    for (const p of plan) {
      const at = iso(p.at);
      const past = p.at + 30 * 60_000 <= nowMs;
      const arrived = past && p.arrives;
      const checkedIn = arrived ? iso(p.at + random.int(-10, 15) * 60_000) : null;
      appointments.push({
        id: random.uuid(),
        customer_id: p.customer.id,
        phone: p.customer.phone!,
        phone_normalized: p.customer.phone_normalized!,
        store_id: store.id,
        team_path: store.path,
        consultant_id: consultant.id,
        at,
        duration_minutes: 60,
        note: random.chance(0.5) ? random.pick(['膝关节术后康复评估', '肩颈理疗体验', '步态分析复查', '首次到店咨询']) : null,
        status: arrived ? 'arrived' : 'booked',
        no_show_due_at: noShowDueAt(at),
        no_show_at: null,
        late: 0,
        checked_in_at: checkedIn,
        checked_in_by: arrived ? consultant.id : null,
        cancelled_at: null,
        cancelled_by: null,
        followup_user_id: null,
        followup_task_id: null,
        reassigned_at: null,
        reassigned_by: null,
        created_by: consultant.id,
        created_at: iso(Math.min(nowMs, p.at - random.int(1, 4) * DAY)),
        updated_at: checkedIn ?? iso(Math.min(nowMs, p.at - DAY)),
      });
    }
  }
  const consultants = DEMO_STORE_USERS.filter((x) => x.store).map((u) => ({ ...people.get(u.username)!, leadId: managerId }));
  await db.transaction().execute(async (trx) => {
    await insertCustomerRows(trx, drafts.map((d) => d.row));
    await trx.insertInto('appointments').values(appointments).execute();
    // Call-backs and visits of the consultants' own book: due today, overdue and upcoming, like every seller's.
    await insertTaskRows(trx, buildTasks(random, nowMs, drafts, consultants));
  });
  // Past their grace: marked by the no-show pass itself, with the store manager's notices and events.
  const dialect = db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
  let noShows = 0;
  for (;;) {
    const marked = await detectNoShows({ db, dialect, clock, config: config as AppConfig });
    noShows += marked.length;
    if (marked.length === 0) break;
  }
  return { stores: stores.size, users: DEMO_STORE_USERS.length, appointments: appointments.length, noShows };
}
