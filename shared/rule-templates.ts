/**
 * Template names people naturally write in rule messages (issue 15 point 6), shared by the server (which renders
 * and validates templates) and the rule editor (which checks them before saving). Each maps to the context path it
 * means; money comes out in yuan.
 */
export const TEMPLATE_ALIASES: Record<string, { path: string; filter?: string }> = Object.fromEntries(
  (
    [
      [['金额', '商机金额', 'amount', 'deal.amount', 'record.amount', 'amountYuan', 'record.amountYuan'], 'record.amountFen', 'yuan'],
      [['标题', '商机', '商机名称', 'title', 'deal.title', 'deal.name', 'task.title'], 'record.title'],
      [['客户名称', 'customer.name'], 'record.name'],
      [['负责人', '销售', 'owner', 'owner.name', 'deal.owner'], 'record.owner.displayName'],
      [['阶段', 'stage', 'deal.stage'], 'record.stageKey'],
      [['预计成交日期', 'closeDate', 'deal.closeDate'], 'record.expectedCloseDate'],
      [['等级', '客户等级', 'level'], 'record.level'],
      [['地区', 'region'], 'record.region'],
      [['行业', 'industry'], 'record.industry'],
      [['操作人', 'actor', 'actor.name'], 'actor.displayName'],
      [['规则', 'rule'], 'rule.name'],
    ] as Array<[string[], string, string?]>
  ).flatMap(([names, path, filter]) => names.map((n) => [n, filter ? { path, filter } : { path }])),
);

/** The path and filter a written placeholder means: an alias, or itself. */
export function resolveTemplateName(path: string, filter?: string): { path: string; filter?: string } {
  const alias = TEMPLATE_ALIASES[path];
  return alias ? { path: alias.path, filter: filter ?? alias.filter } : { path, filter };
}

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

/** The placeholders of a template that are neither an alias nor a path under one of `roots` (client-side check). */
export function unknownTemplateNames(template: string, roots: readonly string[]): string[] {
  const bad: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const { path } = resolveTemplateName(match[1]);
    if (!PATH.test(path) || !roots.includes(path.split('.')[0])) bad.push(match[0]);
  }
  return bad;
}
