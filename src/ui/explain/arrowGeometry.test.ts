import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { arrowPath, arrowSet } from './arrowGeometry';

describe('gradient arrows', () => {
  const sx = scaleLinear([-4, 4], [0, 400]);
  const sy = scaleLinear([-2, 2], [400, 0]); // y up, and twice the pixels per unit of x

  it('points where the sample would move, on unequal axes with y flipped', () => {
    const { arrows } = arrowSet([0, 0, 1, 1], [1, 0, 0, 1], 2, sx, sy);
    expect(arrows).toHaveLength(2);
    // +x: rightwards; +y: upwards on screen (smaller y pixel).
    expect(arrows[0].x2).toBeGreaterThan(arrows[0].x1);
    expect(arrows[0].y2).toBeCloseTo(arrows[0].y1, 9);
    expect(arrows[1].y2).toBeLessThan(arrows[1].y1);
    expect(arrows[1].x2).toBeCloseTo(arrows[1].x1, 9);
  });

  it('scales one factor for all, so the 90th percentile is typical pixels and lengths keep their ratios', () => {
    const n = 10;
    const points = new Array(2 * n).fill(0);
    const vectors = Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? (i / 2 + 1) * 0.1 : 0));
    const { arrows, unit } = arrowSet(points, vectors, 2, sx, sy, 30);
    const len = arrows.map((a) => Math.hypot(a.x2 - a.x1, a.y2 - a.y1));
    expect(len[9]).toBeCloseTo(30, 9); // the 90th percentile of 10 is the largest here
    expect(len[4] / len[9]).toBeCloseTo(0.5, 9);
    // 30 px stands for the largest gradient magnitude, 1.0.
    expect(unit).toBeCloseTo(1, 9);
  });

  it('caps an outlier at twice the typical length', () => {
    const vectors = [...new Array(38).fill(0).map((_, i) => (i % 2 === 0 ? 0.1 : 0)), 100, 0];
    const { arrows } = arrowSet(new Array(40).fill(0), vectors, 2, sx, sy, 20);
    expect(Math.hypot(arrows[0].x2 - arrows[0].x1, arrows[0].y2 - arrows[0].y1)).toBeCloseTo(20, 9);
    expect(Math.hypot(arrows[19].x2 - arrows[19].x1, arrows[19].y2 - arrows[19].y1)).toBeCloseTo(40, 9);
  });

  it('draws 1D arrows horizontally at the given rows', () => {
    const { arrows } = arrowSet([0, 1], [-1, 2], 1, sx, (i) => 100 + i * 5);
    expect(arrows[0].x2).toBeLessThan(arrows[0].x1);
    expect(arrows[1].y1).toBe(105);
    expect(arrows[1].y2).toBe(105);
  });

  it('has nothing to draw when every gradient vanishes, and one path for the rest', () => {
    expect(arrowSet([0, 0], [0, 0], 2, sx, sy).arrows).toEqual([]);
    expect(arrowPath([{ x1: 0, y1: 0, x2: 10, y2: 0 }])).toMatch(/^M0\.0,0\.0L10\.0,0\.0M/);
  });
});
