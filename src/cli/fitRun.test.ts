import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { fitRun, resolveCliConfig } from './fitRun';

/**
 * PRML §10.1.2 (Bishop 2006, eqs. 10.12–10.13): for a Gaussian p with precision Λ, the
 * mean-field reverse-KL optimum has q_i = N(μ_i, 1/Λ_ii), and then
 *   KL(q‖p) = ½ [Σ_i log Λ_ii − log det Λ].
 * The case: Σ = [[2, 1.2], [1.2, 1.5]], so 1/Λ_ii = 1.040, 0.780 and KL = ½ log(3/1.56).
 */
describe('the CLI reports the optimum, not a noisy iterate', () => {
  const S = [
    [2, 1.2],
    [1.2, 1.5],
  ];
  const det = S[0][0] * S[1][1] - S[0][1] * S[1][0];
  const precision = [
    [S[1][1] / det, -S[0][1] / det],
    [-S[1][0] / det, S[0][0] / det],
  ];
  const variances = [1 / precision[0][0], 1 / precision[1][1]];
  const exactKl = 0.5 * (Math.log(precision[0][0]) + Math.log(precision[1][1]) - Math.log(1 / det));
  // log p = −½ xᵀΛx, written out: −(Σ₂₂x² − 2Σ₁₂xy + Σ₁₁y²) / (2 det Σ)
  const formula = `-(${S[1][1]}*x^2 - ${2 * S[0][1]}*x*y + ${S[0][0]}*y^2) / ${2 * det}`;

  it('PRML Gaussian, mean-field, default CLI settings: variances within 2 % of 1/Λii, KL within 0.001 nats', () => {
    expect(variances[0]).toBeCloseTo(1.04, 10);
    expect(variances[1]).toBeCloseTo(0.78, 10);
    const req = parseArgs(['--formula', formula, '--domain', '-6,6,-6,6', '--family', 'mean-field', '--json']);
    const { config, errors } = resolveCliConfig(req.flat);
    expect(errors).toEqual([]);
    expect(config.averaging).toBe(true);
    const r = fitRun(config, req.steps);
    expect(r.steps).toBe(req.steps);
    expect(r.averagedOver).toBe(req.steps);
    expect(r.klMethod).toBe('quadrature');
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(r.cov[i][i] / variances[i] - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.mean[i])).toBeLessThan(0.02);
    }
    expect(Math.abs((r.klQP as number) - exactKl)).toBeLessThan(0.001);
    expect(r.warnings).toEqual([]);
  });
});
