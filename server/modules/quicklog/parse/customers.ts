/**
 * Which of the seller's customers a sentence names: by full name, by an alias (浙一 → 浙江大学医学院附属第一医院) or by
 * a short name derived from the full one (杭州康捷医疗科技有限公司 → 康捷医疗, 康捷). The longest match wins; two
 * customers matched equally long are reported as ambiguous, never picked.
 */
import { matchKey } from './text.js';

export interface CustomerCandidate {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface CustomerMatch {
  customer: { id: string; name: string } | null;
  /** The matched words in the sentence (for the summary's mention and the UI chip). */
  matched: string | null;
  via: 'name' | 'alias' | 'short' | null;
  candidates: Array<{ id: string; name: string }>;
}

const LEGAL = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|集团|总公司|分公司|事务所|工作室|合作社|厂)$/;
const TRADE = /(医疗器械|医疗|医药|器械|生物|科技|信息|技术|网络|软件|电子|贸易|实业|发展|咨询|服务|制药|药业|控股|工程|建设|投资|管理|商贸|股份)$/;
const REGIONS =
  /^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|杭州|宁波|温州|绍兴|嘉兴|湖州|金华|台州|南京|苏州|无锡|常州|合肥|福州|厦门|济南|青岛|郑州|武汉|长沙|广州|深圳|东莞|佛山|成都|西安|昆明|贵阳|南宁|沈阳|大连|长春|哈尔滨|石家庄|太原|南昌|兰州)(省|市|自治区)?/;
/** Words too general to name one customer on their own. */
const GENERIC = new Set(['医院', '公司', '中心', '诊所', '人民医院', '中医院', '第一医院', '附属医院', '大学', '科技', '医疗', '集团']);

/** Short names of a full customer name, longest first (at least 2 characters, none too general). */
export function shortNames(name: string): string[] {
  const out = new Set<string>();
  let core = matchKey(name);
  for (let i = 0; i < 3 && LEGAL.test(core); i++) core = core.replace(LEGAL, '');
  const variants = [core];
  const noRegion = core.replace(REGIONS, '');
  if (noRegion !== core) variants.push(noRegion);
  for (const v of variants) {
    let cur = v;
    out.add(cur);
    for (let i = 0; i < 3 && TRADE.test(cur); i++) {
      cur = cur.replace(TRADE, '');
      out.add(cur);
    }
  }
  const full = matchKey(name);
  return [...out].filter((s) => s.length >= 2 && s !== full && !GENERIC.has(s)).sort((a, b) => b.length - a.length);
}

export function matchCustomer(text: string, customers: readonly CustomerCandidate[]): CustomerMatch {
  const key = matchKey(text);
  let best: { length: number; rank: number; hits: Map<string, { customer: CustomerCandidate; word: string; via: CustomerMatch['via'] }> } = { length: 0, rank: 0, hits: new Map() };
  const consider = (customer: CustomerCandidate, word: string, via: NonNullable<CustomerMatch['via']>) => {
    const k = matchKey(word);
    if (k.length < 2 || !key.includes(k)) return;
    // A full name or an alias someone entered beats a derived short name of the same length.
    const rank = via === 'short' ? 0 : 1;
    if (k.length > best.length || (k.length === best.length && rank > best.rank)) best = { length: k.length, rank, hits: new Map() };
    if (k.length === best.length && rank === best.rank && !best.hits.has(customer.id)) best.hits.set(customer.id, { customer, word, via });
  };
  for (const c of customers) {
    consider(c, c.name, 'name');
    for (const a of c.aliases) consider(c, a, 'alias');
    for (const s of shortNames(c.name)) consider(c, s, 'short');
  }
  const hits = [...best.hits.values()];
  if (hits.length === 1) {
    const [{ customer, word, via }] = hits;
    return { customer: { id: customer.id, name: customer.name }, matched: word, via, candidates: [] };
  }
  return { customer: null, matched: null, via: null, candidates: hits.map((h) => ({ id: h.customer.id, name: h.customer.name })).sort((a, b) => a.name.localeCompare(b.name)) };
}
