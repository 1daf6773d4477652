/**
 * The gate item "contract registered" on a signing stage, on both databases: a deal cannot leave the stage until it
 * has a registered contract carrying its signed scan (an attachment of kind signed_contract on the contract); the
 * unmet item says which of the two is missing. The contract itself is created from the deal (POST /api/contracts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { multipart } from '../support/imports.js';

const pipelineYaml = `key: signing_gate
name: 签约闸口
stages:
  - key: signing
    name: 合同签订
    probability: 90
    gate:
      contract:
        label: 合同已登记
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('gate item: contract registered (signed scan as evidence)', () => {
  let t: TestContext;
  let dealId: string;

  beforeAll(async () => {
    t = await setupTestApp();
    await importPipelineYaml(t.db, t.clock, systemActor('cli'), pipelineYaml);
    const seller = await t.as('seller_a');
    const customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '温州医科大学附属医院' } })).json().id;
    const deal = await seller({ method: 'POST', url: '/api/deals', payload: { title: 'MRI 采购', customerId, pipelineId: 'signing_gate', amountFen: 500_000 } });
    expect(deal.statusCode, deal.body).toBe(201);
    dealId = deal.json().id;
  });
  afterAll(async () => t?.close());

  const move = async () => (await t.as('seller_a'))({ method: 'POST', url: `/api/deals/${dealId}/move`, payload: { toStage: 'won' } });

  it('no contract: the move is refused, naming the contract item', async () => {
    const res = await move();
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'GATE_UNMET', unmet: [{ code: 'CONTRACT_REQUIRED', label: '合同已登记', requirement: { kind: 'contract', evidenceKind: 'signed_contract', contractId: null } }] });
  });

  it('a contract without its signed scan is still unmet; with the scan the deal moves on', async () => {
    const seller = await t.as('seller_a');
    const contract = await seller({ method: 'POST', url: '/api/contracts', payload: { dealId, signedAt: '2026-11-01', amountFen: 500_000, split: { parts: 2, firstDueDate: '2026-12-01', intervalMonths: 3, method: 'wire' } } });
    expect(contract.statusCode, contract.body).toBe(201);
    const contractId = contract.json().id;
    const half = await move();
    expect(half.statusCode).toBe(422);
    expect(half.json().error.unmet[0]).toMatchObject({ code: 'CONTRACT_REQUIRED', requirement: { contractId } });
    expect(half.json().error.unmet[0].hint).toContain(contract.json().number);
    // An attachment of another kind does not count.
    const other = await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'contract', entityId: contractId, kind: 'other' }, { name: '报价.pdf', content: Buffer.from('%PDF-1.4\n%a\n%%EOF\n') }) });
    expect(other.statusCode, other.body).toBe(201);
    expect((await move()).statusCode).toBe(422);
    const scan = await seller({ method: 'POST', url: '/api/attachments', ...multipart({ entity: 'contract', entityId: contractId, kind: 'signed_contract' }, { name: '合同扫描件.pdf', content: Buffer.from('%PDF-1.4\n%b\n%%EOF\n') }) });
    expect(scan.statusCode, scan.body).toBe(201);
    const ok = await move();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stageKey: 'won', status: 'won' });
  });
});
