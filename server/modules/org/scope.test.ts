import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.js';
import { canSeeAmounts, childPath, inScope, scopeOf, subtreeUpperBound, type Actor } from './scope.js';

const company = '/c/';
const east = childPath(company, 'east');
const eastTeam1 = childPath(east, 't1');
const eastTeam10 = childPath(east, 't10');
const south = childPath(company, 'south');

const actor = (role: Role, teamPath: string, id = `${role}-1`): Actor => ({
  id,
  username: id,
  displayName: id,
  role,
  teamId: teamPath.split('/').at(-2)!,
  teamPath,
});

describe('scope resolution on the team tree', () => {
  it('gives sellers their own records only', () => {
    const seller = actor('seller', eastTeam1, 'sa');
    expect(scopeOf(seller)).toEqual({ kind: 'own', userId: 'sa' });
    expect(inScope(scopeOf(seller), { ownerId: 'sa', teamPath: eastTeam1 })).toBe(true);
    expect(inScope(scopeOf(seller), { ownerId: 'sa2', teamPath: eastTeam1 })).toBe(false);
  });

  it('gives leads and regional managers their team subtree', () => {
    const lead = scopeOf(actor('lead', eastTeam1));
    expect(inScope(lead, { ownerId: 'x', teamPath: eastTeam1 })).toBe(true);
    expect(inScope(lead, { ownerId: 'x', teamPath: east })).toBe(false);
    const rm = scopeOf(actor('regional_manager', east));
    expect(inScope(rm, { ownerId: 'x', teamPath: eastTeam1 })).toBe(true);
    expect(inScope(rm, { ownerId: 'x', teamPath: south })).toBe(false);
  });

  it('does not let a path that merely starts with the same characters into the subtree', () => {
    // "/c/east/t1/" must not cover "/c/east/t10/": paths end with "/" so prefixes are whole segments.
    const lead = scopeOf(actor('lead', eastTeam1));
    expect(inScope(lead, { ownerId: 'x', teamPath: eastTeam10 })).toBe(false);
  });

  it('gives director, admin, finance and support everything', () => {
    for (const role of ['director', 'admin', 'finance', 'support'] as const) {
      expect(scopeOf(actor(role, company))).toEqual({ kind: 'all' });
    }
  });

  it('bounds the SQL prefix range above every child path', () => {
    const upper = subtreeUpperBound(east);
    for (const path of [east, eastTeam1, eastTeam10, childPath(eastTeam1, 'zzzz-9999')]) {
      expect(path >= east && path < upper).toBe(true);
    }
    expect(south >= east && south < upper).toBe(false);
    expect(eastTeam10 >= eastTeam1 && eastTeam10 < subtreeUpperBound(eastTeam1)).toBe(false);
  });

  it('hides amounts from support only', () => {
    expect(canSeeAmounts(actor('support', company))).toBe(false);
    expect(canSeeAmounts(actor('seller', eastTeam1))).toBe(true);
  });
});
