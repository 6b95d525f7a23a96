import { expect, test } from 'vitest';
import { Pacer } from './pacer';

test('after Play the first slice takes a step at once, then the speed limit paces the rest', () => {
  const pacer = new Pacer();
  pacer.restart();
  pacer.begin(1000, 2000);
  // No time has passed since Play, yet one step is due: a link that plays at once shows step 1 in its first frame.
  expect(pacer.next(false)).toBe(1);
  pacer.took(1, 0.5);
  expect(pacer.next(false)).toBe(0);
  expect(pacer.delay(2000, false)).toBeGreaterThan(0);
  // 10 ms later at 2,000 steps/s: 20 more steps are allowed.
  pacer.begin(1010, 2000);
  pacer.took(pacer.next(false), 0.5);
  expect(pacer.next(false)).toBeLessThanOrEqual(20);
});

test('a pause banks no burst: Play again starts from one step', () => {
  const pacer = new Pacer();
  pacer.restart();
  pacer.begin(0, 100_000);
  pacer.begin(5_000, 100_000);
  pacer.restart();
  pacer.begin(60_000, 100_000);
  expect(pacer.next(false)).toBe(1);
});
