import { expect, test } from 'vitest';
import { defaultConfig } from '../config';
import { makeGrid } from '../exact/grid';
import { targetSpecs } from '../targets/resolveSpec';
import { tf } from '../tf';
import { evaluateField } from './field';

// The field is evaluated in plain JS where the target has it: it must be the tfjs one to float32 precision.
test('the plot grid’s log p̃ from the plain-JS density equals the tfjs one, for every target', () => {
  for (const target of targetSpecs) {
    const params = defaultConfig(target.id, 'mean-field').target.params;
    const grid = makeGrid(target.domain(params), target.dim);
    const points = tf.tensor2d(grid.points, [grid.points.length / target.dim, target.dim]);
    const { field } = evaluateField(target, params, grid, 1);
    const reference = tf.tidy(() => target.logDensity(tf, points, params).dataSync());
    for (let i = 0; i < reference.length; i++) {
      if (!Number.isFinite(reference[i])) continue;
      expect(Math.abs(field.logp[i] - reference[i]), `${target.id} at point ${i}`).toBeLessThan(1e-5 * (1 + Math.abs(reference[i])));
    }
    points.dispose();
  }
});
