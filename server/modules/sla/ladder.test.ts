import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../calendar/china.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../calendar/workdays.js';
import { BusinessCalendar } from '../calendar/hours.js';
import { listTemplates, loadTemplate } from '../pipelines/templates.js';
import { DEFAULT_TASK_LADDER, expandLadder, ladderSchedule, slaSpecSchema } from './ladder.js';

const china = new BusinessCalendar(new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource));
const shanghai = (local: string) => new Date(`${local}+08:00`).toISOString();

const seedLadder = {
  idle: true,
  ladder: [
    { after: '7wd', colour: 'red', notify: ['owner', 'owner.lead'] },
    { after: '14wd', notify: ['owner.regional_manager'], require: 'intervention' },
    { after: '48h', since: 'previous_level', notify: ['next_up'] },
  ],
};

describe('SLA ladder specification', () => {
  it('parses the seed ladder and expands next_up to the step above the previous level', () => {
    const spec = slaSpecSchema.parse(seedLadder);
    expect(spec.idle).toBe(true);
    expect(spec.ladder[0].since).toBe('entry');
    const stored = expandLadder(spec.ladder);
    expect(stored.map((l) => l.notify)).toEqual([['owner', 'owner.lead'], ['owner.regional_manager'], ['owner.director']]);
    expect(stored[1].require).toBe('intervention');
  });

  it('keeps next_up at the director once the top is reached', () => {
    const spec = slaSpecSchema.parse({ ladder: [{ after: '1wd', notify: ['owner.director'] }, { after: '2h', since: 'previous_level', notify: ['next_up', 'role:finance'] }] });
    expect(expandLadder(spec.ladder)[1].notify).toEqual(['owner.director', 'role:finance']);
  });

  it('names the exact field of a bad ladder', () => {
    const bad = slaSpecSchema.safeParse({
      ladder: [
        { after: '7 days', notify: ['owner'] },
        { after: '2wd', notify: ['boss'], colour: 'green' },
        { after: '1h', notify: [], require: 'approval', extra: 1 },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['ladder.0.after', 'ladder.1.notify.0', 'ladder.1.colour', 'ladder.2.notify', 'ladder.2.require', 'ladder.2']));
  });

  it('rejects next_up on the first level and a level that is not later than the previous one', () => {
    const bad = slaSpecSchema.safeParse({ ladder: [{ after: '3d', notify: ['next_up'] }, { after: '48h', notify: ['owner'] }] });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['ladder.0.notify', 'next_up needs a previous level'],
      ['ladder.1.after', 'must be later than the previous level (3d)'],
    ]);
  });

  it('schedules working-day levels across National Day and hour levels from the previous deadline', () => {
    // Entered Tue 2026-09-29 10:00: 7 working days = 9-30, 10-08, 10-09, Sat 10-10 (make-up), 10-12, 10-13, 10-14.
    const stored = expandLadder(slaSpecSchema.parse(seedLadder).ladder);
    const [l1, l2, l3] = ladderSchedule(china, stored, new Date(shanghai('2026-09-29T10:00:00'))).map((d) => d.toISOString());
    expect(l1).toBe(shanghai('2026-10-14T10:00:00'));
    // 14 working days: … 10-14 (7), 10-15, 10-16, 10-19, 10-20, 10-21, 10-22, 10-23 (14).
    expect(l2).toBe(shanghai('2026-10-23T10:00:00'));
    expect(l3).toBe(shanghai('2026-10-25T10:00:00'));
  });

  it('escalates a task to the lead one working day after its due time (Friday → Monday)', () => {
    const [due, lead] = ladderSchedule(china, DEFAULT_TASK_LADDER, new Date(shanghai('2026-11-06T18:00:00')));
    expect(due.toISOString()).toBe(shanghai('2026-11-06T18:00:00'));
    expect(lead.toISOString()).toBe(shanghai('2026-11-09T18:00:00'));
  });

  it('ships a ladder on every open stage of every template, from the seeds', () => {
    for (const { key } of listTemplates()) {
      for (const stage of loadTemplate(key)!.stages) expect(Boolean(stage.sla), `${key}.${stage.key}`).toBe(!stage.terminal);
    }
    // 康捷医疗: more than 5 working days without an update → red, pushed to the regional manager on WeCom.
    const hospital = loadTemplate('hospital_seven_step')!.stages.find((s) => s.key === 'department_needs')!.sla!;
    expect(hospital.idle).toBe(true);
    // The seller's direct lead is asked to intervene at red; the regional manager is told an hour later (issue 15 point 3).
    expect(hospital.ladder[0]).toMatchObject({ after: '5wd', colour: 'red', notify: ['owner', 'owner.lead'], channels: ['inapp', 'wecom'], require: 'intervention' });
    expect(hospital.ladder[1]).toMatchObject({ after: '1h', since: 'previous_level', notify: ['owner.regional_manager'], channels: ['inapp', 'wecom'] });
    expect(hospital.ladder[1].require).toBeUndefined();
    // On every shipped ladder, the first red level asks the owner's lead to intervene.
    for (const { key } of listTemplates()) {
      for (const stage of loadTemplate(key)!.stages.filter((s) => s.sla)) {
        const red = expandLadder(stage.sla!.ladder).find((l) => l.colour === 'red');
        expect(red, `${key}.${stage.key}`).toMatchObject({ require: 'intervention' });
        expect(red!.notify, `${key}.${stage.key}`).toContain('owner.lead');
      }
    }
    // 7 days without interaction → red to seller and lead, and the lead must intervene (issue 15 point 3);
    // 14 days → the regional manager intervenes.
    const b2b = expandLadder(loadTemplate('b2b_six_step')!.stages.find((s) => s.key === 'needs_diagnosis')!.sla!.ladder);
    expect(b2b.map((l) => [l.after, l.notify, l.require ?? null])).toEqual([
      ['7wd', ['owner', 'owner.lead'], 'intervention'],
      ['14wd', ['owner.regional_manager'], 'intervention'],
      ['48h', ['owner.director'], null],
    ]);
  });
});
