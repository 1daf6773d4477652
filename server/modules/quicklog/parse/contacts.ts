/**
 * Who was met: "王主任" → the customer's contact surnamed 王 whose title says 主任; a full contact name in the sentence
 * → that contact; otherwise a new-contact suggestion. Several equally good contacts are reported, not picked.
 */
import { matchKey } from './text.js';

export interface ContactCandidate {
  id: string;
  name: string;
  title: string | null;
}

export interface ContactProposal {
  /** null: a new contact is suggested (not saved). */
  id: string | null;
  name: string;
  title: string | null;
  isNew: boolean;
}

const COMPOUND = '欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|司徒|夏侯|尉迟|长孙';
const SINGLE = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤柳鲍殷温';
const TITLES = '副主任|主任|副院长|院长|科长|副处长|处长|总经理|经理|总监|主管|老师|医生|大夫|教授|护士长|部长|局长|书记|董事长|工|总(?![结是共体部额计数之的价])';
const ADDRESS = new RegExp(`(${COMPOUND}|[${SINGLE}])(${TITLES})`, 'g');

/** The core of a spoken title to look for in a stored one (副主任 → 主任, 王总 → 总). */
const titleCore = (t: string) => t.replace(/^副/, '');

export interface ContactScan {
  proposal: ContactProposal | null;
  ambiguous: ContactCandidate[];
  /** The words that named the contact. */
  matched: string | null;
}

export function matchContact(text: string, contacts: readonly ContactCandidate[]): ContactScan {
  const key = matchKey(text);
  // A full name (2+ characters) said outright.
  const named = contacts.filter((c) => c.name.length >= 2 && key.includes(matchKey(c.name)));
  if (named.length === 1) return { proposal: { id: named[0].id, name: named[0].name, title: named[0].title, isNew: false }, ambiguous: [], matched: named[0].name };
  for (const m of text.matchAll(ADDRESS)) {
    const [words, surname, title] = m;
    // 主任 is not 任 + 医生: the surname must not be the end of a title word.
    if (surname === '任' && text[m.index - 1] === '主') continue;
    const sameName = contacts.filter((c) => c.name.startsWith(surname));
    const sameTitle = sameName.filter((c) => (c.title ?? '').includes(titleCore(title)));
    const pick = sameTitle.length === 1 ? sameTitle[0] : sameTitle.length === 0 && sameName.length === 1 ? sameName[0] : null;
    if (pick) return { proposal: { id: pick.id, name: pick.name, title: pick.title, isNew: false }, ambiguous: [], matched: words };
    if (sameTitle.length > 1 || sameName.length > 1) return { proposal: null, ambiguous: sameTitle.length > 1 ? sameTitle : sameName, matched: words };
    return { proposal: { id: null, name: words, title: titleCore(title) === '总' ? '总经理' : title, isNew: true }, ambiguous: [], matched: words };
  }
  return { proposal: null, ambiguous: named, matched: null };
}
