import { describe, expect, it } from 'vitest';
import { Random } from '../../demo/random.js';
import { auc, brier, fitLogistic, objective, predict, rawCoefficients, solveSpd } from './logistic.js';

/** A standard normal draw (Box–Muller) from the seeded generator. */
const normal = (rng: Random) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

describe('L2 logistic regression', () => {
  it('solves a positive-definite system exactly', () => {
    const x = solveSpd([[4, 2], [2, 3]], [2, 5]);
    // 4a + 2b = 2, 2a + 3b = 5 → a = −0.5, b = 2.
    expect(x[0]).toBeCloseTo(-0.5, 12);
    expect(x[1]).toBeCloseTo(2, 12);
  });

  it('recovers the coefficients of noisy data drawn from a known model', () => {
    const rng = new Random(7);
    const truth = [-0.5, 1.5, -1.0];
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 6000; i++) {
      const row = [normal(rng) * 2 + 1, normal(rng)];
      const p = 1 / (1 + Math.exp(-(truth[0] + truth[1] * row[0] + truth[2] * row[1])));
      x.push(row);
      y.push(rng.next() < p ? 1 : 0);
    }
    const model = fitLogistic(x, y, { lambda: 1e-6 });
    expect(model.converged).toBe(true);
    const raw = rawCoefficients(model);
    // Standard errors at n = 6,000 are about 0.04–0.05: 0.15 is three of them.
    raw.forEach((b, j) => expect(Math.abs(b - truth[j]), `coefficient ${j}: ${b}`).toBeLessThan(0.15));
  });

  it('stays finite on separable data and sits at the zero of the penalised gradient', () => {
    // x < 0 always 0, x > 0 always 1: the unpenalised weight would grow without bound.
    const x = [-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3].map((v) => [v]);
    const y = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const model = fitLogistic(x, y, { lambda: 0.1 });
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.weights[0])).toBe(true);
    expect(predict(model, [-2])).toBeLessThan(0.1);
    expect(predict(model, [2])).toBeGreaterThan(0.9);
    // First-order condition, computed here independently: Σ (p − y) z + λ w = 0, Σ (p − y) = 0.
    const z = x.map((r) => (r[0] - model.means[0]) / model.scales[0]);
    const residual = x.map((r, i) => predict(model, r) - y[i]);
    expect(residual.reduce((s, r) => s + r, 0)).toBeCloseTo(0, 6);
    expect(residual.reduce((s, r, i) => s + r * z[i], 0) + model.lambda * model.weights[0]).toBeCloseTo(0, 6);
    // And it is the minimum: nudging the weight either way costs.
    const beta = [model.intercept, model.weights[0]];
    const at = objective(z.map((v) => [v]), y, beta, 0.1);
    expect(objective(z.map((v) => [v]), y, [beta[0], beta[1] + 0.01], 0.1)).toBeGreaterThan(at);
    expect(objective(z.map((v) => [v]), y, [beta[0], beta[1] - 0.01], 0.1)).toBeGreaterThan(at);
  });

  it('shrinks weights as the penalty grows and leaves a constant dimension at zero', () => {
    const rng = new Random(3);
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const v = normal(rng);
      x.push([v, 5]);
      y.push(rng.next() < 1 / (1 + Math.exp(-2 * v)) ? 1 : 0);
    }
    const weak = fitLogistic(x, y, { lambda: 0.01 });
    const strong = fitLogistic(x, y, { lambda: 200 });
    expect(Math.abs(strong.weights[0])).toBeLessThan(Math.abs(weak.weights[0]));
    expect(weak.weights[1]).toBe(0);
  });
});

describe('AUC and Brier score', () => {
  it('AUC: perfect, reversed, ties and a worked example', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    // Pairs (pos, neg): (0.35, 0.1) ✓ (0.35, 0.4) ✗ (0.8, 0.1) ✓ (0.8, 0.4) ✓ → 3 / 4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    // A tie between a positive and a negative counts half: (0.4, 0.4) ½, (0.4, 0.1) 1 → 0.75.
    expect(auc([0.1, 0.4, 0.4], [0, 0, 1])).toBe(0.75);
    expect(auc([0.3, 0.6], [1, 1])).toBeNull();
  });

  it('Brier: the mean squared error, and a constant base rate scores p(1 − p)', () => {
    expect(brier([1, 0, 1], [1, 0, 1])).toBe(0);
    expect(brier([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    const labels = [1, 1, 0, 0, 0];
    expect(brier(labels.map(() => 0.4), labels)).toBeCloseTo(0.4 * 0.6, 12);
    expect(brier([], [])).toBeNull();
  });
});
