import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../server/db/schema.js';

// The policy seam of docs/architecture.md: who may do what is decided in server/core/policy.ts only (named role
// groups, can/authorize, roleIn), and routes never call the policy (services do). This scans server/ for role
// names written as literals in a decision — `role === 'admin'`, `['admin', 'director'].includes(actor.role)`,
// `switch (role) { case 'admin': … }`, `.where('role', 'in', ['lead', …])`, a hand-written role list — and for
// routes files importing core/policy. tests/fixtures/policy-seams/ plants each kind, so a check that stops matching
// fails here instead of passing silently.
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/policy-seams/', import.meta.url));

/** Where role literals are the data itself, not a decision (paths relative to the scanned root). */
const EXEMPT: { path: RegExp; why: string }[] = [
  { path: /^server\/core\/policy\.ts$/, why: 'the one policy layer: role groups are named here' },
  { path: /^server\/db\/schema\.ts$/, why: 'the role enum itself (ROLES)' },
  { path: /^server\/db\/migrations\//, why: 'frozen: a migration means the same thing forever and imports no live code' },
  { path: /^server\/demo\//, why: 'demo seed data: picks its sample users by role, decides no permission' },
];

const ROLE_NAMES = new Set<string>(ROLES);
const isRoleLiteral = (n: ts.Node): boolean => ts.isStringLiteralLike(n) && ROLE_NAMES.has(n.text);
const isRoleList = (n: ts.Node, min = 1): boolean => ts.isArrayLiteralExpression(n) && n.elements.length >= min && n.elements.every(isRoleLiteral);
/** `role`, `actor.role`, `user?.role`, `targetRole`: an expression that names a role. */
function isRoleValue(n: ts.Node): boolean {
  const e = ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n) ? n.expression : n;
  const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
  return /(^r|R)ole$/.test(name);
}
const COMPARISONS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
const WHERE_METHODS = new Set(['where', 'orWhere', 'having']);
const isRoutesFile = (path: string) => /^server\/modules\/[^/]+\/[^/]*routes[^/]*\.ts$/.test(path);

/** Only routes files and files that mention a role name as a string are parsed (most of server/ is skipped unread). */
const mayViolate = (path: string, text: string) => isRoutesFile(path) || ROLES.some((r) => text.includes(`'${r}'`) || text.includes(`"${r}"`) || text.includes(`\`${r}\``));

function violationsIn(path: string, text: string): string[] {
  if (!mayViolate(path, text)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, kind: string) => found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${kind}`);
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (isRoutesFile(path) && /(^|\/)core\/policy(\.js|\.ts)?$/.test(node.moduleSpecifier.text)) report(node, 'routes-import-policy');
    } else if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
      if ((isRoleLiteral(node.left) && isRoleValue(node.right)) || (isRoleLiteral(node.right) && isRoleValue(node.left))) report(node, 'role-comparison');
    } else if (ts.isSwitchStatement(node) && isRoleValue(node.expression)) {
      if (node.caseBlock.clauses.some((c) => ts.isCaseClause(c) && isRoleLiteral(c.expression))) report(node, 'role-switch');
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [column, , value] = node.arguments;
      if (WHERE_METHODS.has(method) && column && ts.isStringLiteralLike(column) && /(^|\.)role$/.test(column.text) && value && (isRoleLiteral(value) || isRoleList(value))) {
        report(node, 'role-sql-filter');
        return;
      }
    } else if (isRoleList(node, 1)) {
      // Any list of role names (`['admin', 'director'].includes(…)`, `new Set([...])`, a constant): a role group in hiding.
      report(node, 'role-list');
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function scan(base: string): string[] {
  const files = (readdirSync(join(base, 'server'), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts'))
    .map((d) => join(d.parentPath, d.name));
  return files
    .map((file) => relative(base, file).split(sep).join('/'))
    .filter((path) => !EXEMPT.some((e) => e.path.test(path)))
    .flatMap((path) => violationsIn(path, readFileSync(join(base, path), 'utf8')))
    .sort();
}

describe('policy seams: role decisions live in core/policy.ts, routes do not call the policy', () => {
  it('catches every planted violation, and nothing that is allowed', () => {
    expect(scan(fixture)).toEqual(
      [
        'server/modules/deals/routes.ts:2 routes-import-policy',
        'server/modules/deals/admin-routes.ts:2 routes-import-policy',
        'server/modules/deals/service.ts:6 role-comparison',
        'server/modules/deals/service.ts:7 role-comparison',
        'server/modules/deals/service.ts:8 role-comparison',
        'server/modules/deals/service.ts:9 role-list',
        'server/modules/deals/service.ts:10 role-list',
        'server/modules/deals/service.ts:11 role-list',
        'server/modules/deals/service.ts:17 role-switch',
        'server/modules/deals/repo.ts:4 role-sql-filter',
        'server/modules/deals/repo.ts:5 role-sql-filter',
      ].sort(),
    );
  });

  it('finds none in server/', () => {
    expect(scan(root)).toEqual([]);
  });
});
