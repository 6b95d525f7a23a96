import type { Grid } from '../exact/grid';
import { needTf } from '../tfRuntime';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import type { PWeights } from './field';

/**
 * The plot grid and p's quadrature weights as tensors, for the tfjs path only: made on first use
 * (a run on the fast path never asks, so it needs no tfjs: docs/architecture.md#lazy-tfjs) and
 * kept, since the first use is often inside a step's tidy, which would dispose them at its end.
 */
export class GridTensors {
  private grid: Tensor2D | null = null;
  private p: { readonly points: Tensor2D; readonly weights: Tensor1D } | null = null;

  constructor(private readonly dim: number) {}

  gridPoints(grid: Grid): Tensor2D {
    const tf = needTf();
    this.grid ??= tf.keep(tf.tensor2d(grid.points, [grid.points.length / this.dim, this.dim]));
    return this.grid;
  }

  /** The points where p has weight [n, dim] and p's normalised weights there [n]. */
  pWeights(p: PWeights): { readonly points: Tensor2D; readonly weights: Tensor1D } {
    const tf = needTf();
    this.p ??= { points: tf.keep(tf.tensor2d(p.points, [p.weights.length, this.dim])), weights: tf.keep(tf.tensor1d(p.weights)) };
    return this.p;
  }

  /** The grid moved (another domain): made again now if it was in use (the tensor count stays put), else at first use. */
  gridChanged(grid: Grid): void {
    const used = this.grid !== null;
    this.disposeGrid();
    if (used) this.gridPoints(grid);
  }

  /** p's weights changed (a new field): made again now if they were in use, else at first use. */
  pChanged(p: PWeights): void {
    const used = this.p !== null;
    this.disposeP();
    if (used) this.pWeights(p);
  }

  dispose(): void {
    this.disposeGrid();
    this.disposeP();
  }

  private disposeGrid(): void {
    this.grid?.dispose();
    this.grid = null;
  }

  private disposeP(): void {
    this.p?.points.dispose();
    this.p?.weights.dispose();
    this.p = null;
  }
}
