/**
 * L2-regularised logistic regression and its out-of-time measures (AUC, Brier score). Pure, plain TypeScript: with
 * a dozen dimensions each fit step is one 13 × 13 Newton system solved by Cholesky — a few dozen lines, tested here,
 * where a numerics dependency would add far more code than it saves.
 *
 * Features are standardised on the training data (mean 0, scale 1) so one penalty λ means the same for every
 * dimension; the intercept is not penalised. The penalty keeps the weights finite on separable data, where the
 * unpenalised maximum-likelihood estimate runs off to infinity (a planted 100 % pattern would do exactly that).
 */

export interface LogisticModel {
  intercept: number;
  /** Weights on the standardised features. */
  weights: number[];
  means: number[];
  scales: number[];
  lambda: number;
  iterations: number;
  converged: boolean;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A x = b for a symmetric positive-definite A (Cholesky). */
export function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (s <= 0) throw new Error('matrix is not positive definite');
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

function standardise(x: number[][]): { means: number[]; scales: number[] } {
  const d = x[0]?.length ?? 0;
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(1);
  for (let j = 0; j < d; j++) {
    const col = x.map((r) => r[j]);
    const m = col.reduce((s, v) => s + v, 0) / col.length;
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - m) ** 2, 0) / col.length);
    means[j] = m;
    // A constant dimension (e.g. a tag nobody uses) centres to 0 and carries no weight.
    scales[j] = sd > 1e-12 ? sd : 1;
  }
  return { means, scales };
}

/** Penalised negative log-likelihood: −Σ [y log p + (1 − y) log(1 − p)] + λ/2 ‖w‖². */
export function objective(z: number[][], y: number[], beta: number[], lambda: number): number {
  let nll = 0;
  for (let i = 0; i < z.length; i++) {
    let eta = beta[0];
    for (let j = 0; j < z[i].length; j++) eta += beta[j + 1] * z[i][j];
    // log(1 + e^η) − y η, computed without overflow.
    nll += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - y[i] * eta;
  }
  let pen = 0;
  for (let j = 1; j < beta.length; j++) pen += beta[j] ** 2;
  return nll + (lambda / 2) * pen;
}

/** Fits by Newton's method with step halving (the penalised objective is strictly convex: one optimum). */
export function fitLogistic(x: number[][], y: number[], options: { lambda?: number; maxIter?: number; tol?: number } = {}): LogisticModel {
  const lambda = options.lambda ?? 1;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-9;
  if (x.length === 0 || x.length !== y.length) throw new Error('fitLogistic needs as many labels as rows, at least one');
  const { means, scales } = standardise(x);
  const z = x.map((r) => r.map((v, j) => (v - means[j]) / scales[j]));
  const p = means.length + 1;
  let beta = new Array<number>(p).fill(0);
  let current = objective(z, y, beta, lambda);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter && !converged) {
    iterations++;
    const grad = new Array<number>(p).fill(0);
    const hess = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < z.length; i++) {
      const row = [1, ...z[i]];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j] * row[j];
      const mu = sigmoid(eta);
      const w = mu * (1 - mu);
      for (let j = 0; j < p; j++) {
        grad[j] += (mu - y[i]) * row[j];
        for (let k = 0; k <= j; k++) hess[j][k] += w * row[j] * row[k];
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) hess[k][j] = hess[j][k];
      // The intercept is unpenalised; a tiny ridge keeps its pivot positive when every prediction saturates.
      hess[j][j] += j === 0 ? 1e-10 : lambda;
      if (j > 0) grad[j] += lambda * beta[j];
    }
    const step = solveSpd(hess, grad);
    let t = 1;
    let next = beta.map((b, j) => b - t * step[j]);
    let value = objective(z, y, next, lambda);
    while (value > current && t > 1e-8) {
      t /= 2;
      next = beta.map((b, j) => b - t * step[j]);
      value = objective(z, y, next, lambda);
    }
    converged = Math.max(...step.map((s) => Math.abs(s * t))) < tol;
    beta = next;
    current = value;
  }
  return { intercept: beta[0], weights: beta.slice(1), means, scales, lambda, iterations, converged };
}

export function predict(model: LogisticModel, features: number[]): number {
  let eta = model.intercept;
  for (let j = 0; j < features.length; j++) eta += model.weights[j] * ((features[j] - model.means[j]) / model.scales[j]);
  return sigmoid(eta);
}

/** The weights on the original (unstandardised) features: intercept first. */
export function rawCoefficients(model: LogisticModel): number[] {
  const w = model.weights.map((v, j) => v / model.scales[j]);
  return [model.intercept - w.reduce((s, v, j) => s + v * model.means[j], 0), ...w];
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative (ties count
 * half), from the rank sum (Mann–Whitney U). Null without at least one of each class.
 */
export function auc(scores: number[], labels: number[]): number | null {
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  const order = scores.map((s, i) => ({ s, l: labels[i] })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].s === order[i].s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k].l === 1) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean squared error of probabilities against 0/1 outcomes (lower is better; 0.25 is a coin at 50 %). */
export function brier(probabilities: number[], labels: number[]): number | null {
  if (labels.length === 0) return null;
  return probabilities.reduce((s, p, i) => s + (p - labels[i]) ** 2, 0) / labels.length;
}
