/**
 * Builds the demo company's rows in memory (pure apart from the seeded PRNG), so the loader only has to insert them.
 * Every instant is relative to `now`; the same seed and `now` give the same data.
 */
import type { ActivitiesTable, ContactsTable, CustomersTable, DealStageHistoryTable, DealsTable, TasksTable } from '../db/schema.js';
import { newCustomerRow } from '../modules/customers/write.js';
import { creditCode, mobile, type Random } from './random.js';
import type { RegionKey } from './org.js';
import { buildDeals } from './deals.js';
import { DAY, iso, shanghaiMidnight } from './time.js';
import { buildActivities, buildTasks } from './work.js';
import * as V from './vocab.js';

export interface DemoSizes {
  customers: number;
  deals: number;
  activities: number;
}

export interface SellerRef {
  id: string;
  teamPath: string;
  region: RegionKey;
  leadId: string;
}

export interface PipelineRef {
  id: string;
  templateKey: string;
  stages: Array<{ key: string; terminal?: 'won' | 'lost'; checklist: string[]; requiredFields: string[] }>;
}

export interface CustomFieldRef {
  key: string;
  type: string;
  options: string[];
}

export interface DemoRows {
  customers: CustomersTable[];
  contacts: ContactsTable[];
  deals: DealsTable[];
  history: DealStageHistoryTable[];
  activities: ActivitiesTable[];
  tasks: TasksTable[];
}

export interface CustomerDraft {
  row: CustomersTable;
  type: V.CustomerType;
  weight: number;
  contacts: ContactsTable[];
  deals: DealsTable[];
  seller: SellerRef;
}

export function generateDemoRows(
  random: Random,
  nowMs: number,
  sizes: DemoSizes,
  sellers: SellerRef[],
  pipelines: PipelineRef[],
  dealFields: CustomFieldRef[],
): DemoRows {
  const customers = buildCustomers(random, nowMs, sizes.customers, sellers);
  const { deals, history } = buildDeals(random, nowMs, sizes.deals, customers, pipelines, dealFields);
  const activities = buildActivities(random, nowMs, sizes.activities, customers);
  const tasks = buildTasks(random, nowMs, customers, sellers);
  return {
    customers: customers.map((c) => c.row),
    contacts: customers.flatMap((c) => c.contacts),
    deals,
    history,
    activities,
    tasks,
  };
}

/** 浙江省杭州市; municipalities are their own province (北京市). */
function regionLabel(city: V.City): string {
  return city.province.endsWith('市') ? city.province : `${city.province}${city.city}市`;
}

function personName(random: Random): string {
  return random.pick(V.SURNAMES) + random.pick(V.GIVEN);
}

function customerName(random: Random, type: V.CustomerType, city: V.City, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const district = random.pick(city.districts);
    const brand = random.pick(V.BRANDS);
    const name = {
      hospital: () =>
        random.weighted<() => string>([
          [() => `${city.city}市第${'一二三四五六七八九'[random.int(0, 8)]}人民医院`, 4],
          [() => `${city.city}市${district}区人民医院`, 3],
          [() => `${city.city}市中医院`, 1],
          [() => `${city.city}市${district}区中医院`, 1],
          [() => `${city.city}市妇幼保健院`, 1],
          [() => `${city.city}${brand}骨科医院`, 2],
          [() => `${city.province.replace(/省|市|壮族自治区/, '')}省立${brand}医院`, 1],
        ])(),
      clinic: () =>
        random.weighted<() => string>([
          [() => `${city.city}${district}区${random.pick(['东', '西', '南', '北', '城关', '新区'])}街道社区卫生服务中心`, 3],
          [() => `${city.city}${brand}骨科诊所`, 2],
          [() => `${city.city}${brand}康复医学门诊部`, 2],
        ])(),
      distributor: () => `${city.city}${brand}${random.pick(['医疗器械', '医药科技', '医疗科技', '生物医疗'])}有限公司`,
      checkup: () => `${city.city}${brand}健康体检中心`,
      eldercare: () => `${city.city}${district}${brand}颐养院`,
      person: () => personName(random),
    }[type]();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  // Person names may repeat in real life; organisation names must not, so number the rare leftover.
  const fallback = `${city.city}${random.pick(V.BRANDS)}医疗器械有限公司（${taken.size}）`;
  taken.add(fallback);
  return fallback;
}

function buildCustomers(random: Random, nowMs: number, count: number, sellers: SellerRef[]): CustomerDraft[] {
  const taken = new Set<string>();
  const drafts: CustomerDraft[] = [];
  for (let i = 0; i < count; i++) {
    // Round-robin keeps every seller's book about the same size; randomness goes into what the customers are.
    const seller = sellers[i % sellers.length];
    const city = random.pick(V.CITIES[seller.region]);
    const type = random.weighted<V.CustomerType>([
      ['hospital', 45],
      ['clinic', 18],
      ['distributor', 20],
      ['checkup', 6],
      ['eldercare', 5],
      ['person', 6],
    ]);
    const level = type === 'hospital' ? random.weighted([['A', 3], ['B', 4], ['C', 2]] as const) : random.weighted([['A', 1], ['B', 3], ['C', 5]] as const);
    const createdMs = shanghaiMidnight(nowMs - random.int(20, 720) * DAY) + random.int(9 * 60, 18 * 60) * 60_000;
    const id = random.uuid();
    const phone = mobile(random);
    // The same row builder (and phone normalisation) as every other write path; only the insert is bulk.
    const row: CustomersTable = newCustomerRow(
      id,
      {
        kind: type === 'person' ? 'person' : 'company',
        name: customerName(random, type, city, taken),
        phone,
        region: regionLabel(city),
        industry: V.INDUSTRY[type],
        source: random.pick(V.SOURCES),
        level,
        creditCode: type !== 'person' && random.chance(0.36) ? creditCode(random, city.area) : null,
        owner: { id: seller.id, teamPath: seller.teamPath },
        // Hospitals carry the two customer custom fields the demo company defined (grade, beds).
        custom:
          type === 'hospital' ? { hospital_grade: random.weighted(V.HOSPITAL_GRADES.map((g, i): [string, number] => [g.value, [3, 2, 4, 1][i]])), beds: random.int(15, 160) * 10 } : {},
      },
      iso(createdMs),
    );
    const contactCount = type === 'person' ? 1 : random.weighted([[1, 3], [2, 4], [3, 3]] as const);
    const titles = random.sample(V.TITLES[type], contactCount);
    const contacts: ContactsTable[] = titles.map(([title, power]) => ({
      id: random.uuid(),
      customer_id: id,
      name: type === 'person' ? row.name : personName(random),
      title,
      decision_power: power,
      phone: type === 'person' ? phone : mobile(random),
      email: random.chance(0.3) ? `${random.pick(['zhang', 'li', 'wang', 'chen', 'liu', 'zhao'])}${random.int(10, 999)}@${random.pick(['163.com', 'qq.com', '126.com'])}` : null,
      created_at: row.created_at,
      updated_at: row.created_at,
    }));
    const weight = { A: 4, B: 2, C: 1 }[level] * (type === 'person' ? 0.5 : 1);
    drafts.push({ row, type, weight, contacts, deals: [], seller });
  }
  return drafts;
}
