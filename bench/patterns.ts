/**
 * Patterns bench: mining time and backtest figures on a generated history. Loads the demo company (which plants the
 * predictive history in the hospital pipeline), adds `--repeat` more copies of the planted groups (each with its own
 * seed, so outcomes shuffle differently), then mines the pipeline as `POST /api/patterns/mine` does and prints the
 * seconds, the candidates tried, the surfaced patterns, the time split (surfacing is decided on its training part
 * only), each training pick's out-of-time precision, how many lost test deals a pattern flagged beforehand and the
 * median (and mean) days before the loss, and the secondary risk score's out-of-time AUC and Brier score against the
 * Brier score of always answering the training base rate.
 *
 *   npx tsx bench/patterns.ts [--repeat 4]
 *
 * Database: DATABASE_URL (PostgreSQL, schema BENCH_SCHEMA, default actionflow_bench_patterns) or
 * sqlite:./data/bench-patterns.db. It replaces what that database held.
 */
import { parseArgs } from 'node:util';
import { ManualClock } from '../server/core/clock.js';
import { openDatabase } from '../server/db/index.js';
import { loadDemoData, resetDatabase } from '../server/demo/load.js';
import { writeHistory } from '../server/demo/history.js';
import { DEMO_PATTERN_GROUPS } from '../server/demo/predictive.js';
import { loadWorkCalendar } from '../server/modules/calendar/settings.js';
import { minePipeline } from '../server/modules/patterns/mine.js';
import type { RiskScoreCard } from '../server/modules/patterns/score.js';
import { composeModules } from '../server/modules/index.js';

const { values } = parseArgs({ options: { repeat: { type: 'string' } } });
const repeat = Number(values.repeat ?? 4);
const url = process.env.DATABASE_URL ?? 'sqlite:./data/bench-patterns.db';
const handle = openDatabase(url, url.startsWith('postgres') ? { schema: process.env.BENCH_SCHEMA ?? 'actionflow_bench_patterns' } : {});
const db = handle.db;
await handle.migrate();
await resetDatabase(db);
composeModules();
const clock = new ManualClock('2026-11-02T02:00:00.000Z');
await loadDemoData(db, clock, {});
const pipeline = await db.selectFrom('pipelines').select('id').where('key', '=', 'hospital_seven_step').executeTakeFirstOrThrow();
const owners = (await db.selectFrom('customers').innerJoin('users', 'users.id', 'customers.owner_id').select(['customers.id as customerId', 'users.id as id', 'users.team_path as teamPath']).where('users.role', '=', 'seller').limit(12).execute());
for (let r = 0; r < repeat; r++) {
  await writeHistory(db, {
    pipelineId: pipeline.id,
    stages: { open: 'access_evaluation', work: 'tender_preparation', won: 'first_shipment', lost: 'lost' },
    owners,
    start: new Date(Date.parse('2025-01-06T02:00:00.000Z') + r * 80 * 86_400_000),
    spacingDays: 0.2,
    groups: DEMO_PATTERN_GROUPS,
    seed: 100 + r,
    titlePrefix: '基准商机',
  });
}
const closed = await db.selectFrom('deals').select(db.fn.countAll<number>().as('n')).where('pipeline_id', '=', pipeline.id).where('status', 'in', ['won', 'lost']).executeTakeFirstOrThrow();
const calendar = await loadWorkCalendar(db, 'Asia/Shanghai');
const started = process.hrtime.bigint();
const result = await db.transaction().execute((trx) => minePipeline({ db: trx, clock, calendar }, pipeline.id, { trigger: 'manual', slot: null }));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const card = result!.card!;
console.log(`patterns bench (${url.startsWith('postgres') ? 'postgres' : 'sqlite'}): ${Number(closed.n)} closed deals in the pipeline`);
console.log(`mining: ${seconds.toFixed(2)} s, ${result!.tried} candidates tried, ${result!.surfaced} surfaced, ${result!.candidates} candidates kept`);
console.log(`split: ${card.split.trainDeals} train / ${card.split.testDeals} test (by close instant; train until ${card.split.trainUntil}, test from ${card.split.testFrom})`);
for (const p of card.patterns) {
  console.log(`- ${p.kind} ${p.description}: train ${p.trainSupport} deals, rate ${(p.trainRate * 100).toFixed(0)} %, surfaced ${p.surfaced}; test precision ${p.testPrecision === null ? '—' : `${(p.testPrecision * 100).toFixed(1)} %`} (${p.testHits}/${p.testSupport})`);
}
console.log(`lost test deals flagged beforehand by a pattern: ${card.flaggedLostDeals} of ${card.testLostDeals}; flag first appeared ${card.medianDaysBeforeLoss ?? '—'} days (median), ${card.avgDaysBeforeLoss ?? '—'} days (mean) before the loss`);
const run = await db.selectFrom('pattern_runs').select('card').where('id', '=', result!.runId).executeTakeFirstOrThrow();
const score = (JSON.parse(run.card) as { riskScore: RiskScoreCard }).riskScore;
if (score.available) {
  console.log(`risk score (logistic L2, λ ${score.lambda}): out-of-time AUC ${score.auc}, Brier ${score.brier} vs ${score.baseBrier} for the training base rate ${score.trainLossRate}; flagged ${score.flaggedLost} of ${score.testLost} lost test deals (and ${score.flaggedWon} won), ${score.medianDaysBeforeLoss ?? '—'} days (median) before the loss`);
} else {
  console.log(`risk score: not offered (${score.reasonEn})`);
}
await handle.close();
