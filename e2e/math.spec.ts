import { expect, type Page, test } from '@playwright/test';
import { metric, pauseSettled, stepsSettled, waitReady, watchErrors } from './helpers';

/**
 * The math on screen (docs/math.md#the-math-on-screen): KaTeX typesets the target, q with its
 * current values, the objective and the estimator, under the site's CSP; the log Z bar's numbers
 * add up. Screenshots go to .shots/ for a person to look at.
 */

/** CSP violations in the page (the securitypolicyviolation event), as e2e/csp.spec.ts collects them. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.slice());
}

const read = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));
/** Half a unit in the last shown digit of a 4-significant-digit number. */
const halfUlp = (v: number) => (v === 0 ? 0 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - 3));

async function gapNumbers(page: Page): Promise<{ logZ: number; elbo: number; kl: number }> {
  const [logZ, elbo, kl] = await Promise.all(['gap-logz', 'gap-elbo', 'gap-kl'].map(async (id) => read((await page.getByTestId(id).first().textContent()) ?? '')));
  return { logZ, elbo, kl };
}

test('KaTeX typesets the math, with no raw TeX on screen and no CSP violation', async ({ page }) => {
  const errors = watchErrors(page);
  const csp = await watchCsp(page);
  await page.goto('./#target=banana&family=full-rank&objective=reverse-kl&estimator=reparam&speed=200');
  await waitReady(page);
  const math = page.getByTestId('math-0');
  await math.locator('summary').click();
  for (const id of ['math-target', 'math-family', 'math-objective', 'math-estimator']) {
    const tex = math.getByTestId(id);
    await expect(tex.locator('.katex')).toHaveCount(1);
    await expect(tex.locator('math')).toHaveCount(1);
  }
  // No TeX source is visible as text (KaTeX keeps it only inside MathML's hidden annotation).
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point (textContent would include the hidden annotation)
  const visible = await math.innerText();
  for (const raw of ['\\mathcal', '\\frac', '\\log', '\\mathrm', '\\begin', '\\big']) expect(visible).not.toContain(raw);
  // The family's line carries its current values: after steps they change.
  const before = await math.getByTestId('math-family').locator('annotation').textContent();
  expect(before).toMatch(/\\mu = \(/);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => metric(page, 'metric-step')).toBeGreaterThan(0);
  await expect.poll(() => math.getByTestId('math-family').locator('annotation').textContent()).not.toBe(before);
  // KaTeX's fonts are files of the site: they load under font-src 'self'.
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  await math.screenshot({ path: '.shots/math-panel.png' });
  // Other objectives and estimators, and a MAP family, typeset too.
  await page.getByRole('combobox', { name: 'objective' }).selectOption('iwae');
  await waitReady(page);
  await expect(math.getByTestId('math-objective')).toContainText('IWAE');
  await page.getByRole('combobox', { name: 'variational family' }).selectOption('mixture');
  await waitReady(page);
  await expect(math.getByTestId('math-family').locator('.katex')).toHaveCount(1);
  await math.screenshot({ path: '.shots/math-panel-mixture.png' });
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
});

test('the log Z bar: log Z = ELBO + KL(q‖p) in its labelled numbers, the gap closing as q fits', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=banana&family=full-rank&speed=150');
  await waitReady(page);
  const first = await gapNumbers(page);
  expect(Math.abs(first.logZ - (first.elbo + first.kl))).toBeLessThanOrEqual(halfUlp(first.logZ) + halfUlp(first.elbo) + halfUlp(first.kl) + 1e-9);
  expect(first.kl).toBeGreaterThan(0);
  await expect(page.getByTestId('gap-method')).toContainText('quadrature');
  await page.getByTestId('gap-bar').screenshot({ path: '.shots/gap-bar-start.png' });
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 90_000 }).toBeGreaterThan(150);
  await pauseSettled(page);
  const later = await gapNumbers(page);
  expect(Math.abs(later.logZ - (later.elbo + later.kl))).toBeLessThanOrEqual(halfUlp(later.logZ) + halfUlp(later.elbo) + halfUlp(later.kl) + 1e-9);
  expect(later.kl).toBeLessThan(first.kl);
  // The bar's KL is the metrics panel's KL.
  expect(later.kl).toBeCloseTo(await metric(page, 'metric-kl'), 3);
  await page.getByTestId('gap-bar').screenshot({ path: '.shots/gap-bar-fitted.png' });
  await page.locator('.metrics-panel').screenshot({ path: '.shots/metrics-with-gap.png' });
  // A flow knows log q only at its samples: KL is log Z − ELBO, and the bar says so.
  await page.getByRole('combobox', { name: 'variational family' }).selectOption('planar-flow');
  await waitReady(page);
  await expect(page.getByTestId('gap-method')).toContainText('log Z − ELBO');
  const flow = await gapNumbers(page);
  expect(Math.abs(flow.logZ - (flow.elbo + flow.kl))).toBeLessThanOrEqual(halfUlp(flow.logZ) + halfUlp(flow.elbo) + halfUlp(flow.kl) + 1e-9);
  expect(errors).toEqual([]);
});

test('gradient arrows: one per display sample, on a 2D and a 1D plot', async ({ page }) => {
  const errors = watchErrors(page);
  const csp = await watchCsp(page);
  await page.goto('./#target=banana&family=full-rank&speed=200');
  await waitReady(page);
  await expect(page.getByTestId('gradient-arrows')).toHaveCount(0);
  await page.getByTestId('show-gradients').check();
  const arrows = page.getByTestId('gradient-arrows');
  await expect(arrows).toHaveCount(1);
  // One arrow per display sample (300), less any that vanish.
  const count = Number(await arrows.getAttribute('data-count'));
  expect(count).toBeGreaterThan(290);
  expect(count).toBeLessThanOrEqual(300);
  // A Gaussian q: the pathwise gradient ∇θ[log p̃ − log q], and the key says so.
  await expect(page.locator('.explain-key')).toContainText('∇θ[log p̃ − log q]');
  await page.locator('.plot-panel').screenshot({ path: '.shots/arrows-2d.png' });
  // A mixture: log q is not known in closed form here, so the arrows are ∇log p̃, said so.
  await page.getByRole('combobox', { name: 'variational family' }).selectOption('mixture');
  await waitReady(page);
  await expect(page.locator('.explain-key')).toContainText('∇θ log p̃');
  // 1D.
  await page.getByRole('combobox', { name: 'target distribution' }).selectOption('bimodal-1d');
  await waitReady(page);
  await expect(page.getByTestId('gradient-arrows')).toHaveCount(1);
  expect(Number(await page.getByTestId('gradient-arrows').getAttribute('data-count'))).toBeGreaterThan(290);
  await page.locator('.plot-panel').screenshot({ path: '.shots/arrows-1d.png' });
  await page.getByTestId('show-gradients').uncheck();
  await expect(page.getByTestId('gradient-arrows')).toHaveCount(0);
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
});

test('step-through: draw ε, push through q, score, move — and the step counter goes up by one', async ({ page }) => {
  const errors = watchErrors(page);
  const csp = await watchCsp(page);
  await page.goto('./#target=banana&family=full-rank&speed=200');
  await waitReady(page);
  // Some steps first, so q is somewhere interesting.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => metric(page, 'metric-step'), { timeout: 60_000 }).toBeGreaterThan(30);
  await page.getByTestId('step-through').click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Steps taken before the pause reached the worker still land: count from where they stop.
  await stepsSettled(page);
  const stepper = page.getByTestId('stepper');
  const start = await metric(page, 'metric-step');
  const stages = [
    ['noise', 'stage-noise'],
    ['push', 'stage-push'],
    ['score', 'stage-score'],
  ] as const;
  for (const [stage, layer] of stages) {
    await expect(stepper).toHaveAttribute('data-stage', stage);
    await expect(page.getByTestId(layer)).toHaveAttribute('data-count', '300');
    await page.locator('.plot-panel').screenshot({ path: `.shots/step-${stage}.png` });
    // Paused: the step has not been taken yet.
    expect(await metric(page, 'metric-step')).toBe(start);
    await page.getByTestId('next-stage').click();
  }
  await expect(stepper).toHaveAttribute('data-stage', 'move');
  await expect.poll(() => metric(page, 'metric-step')).toBe(start + 1);
  const move = page.getByTestId('stage-move');
  await expect(move).toHaveAttribute('data-to', String(start + 1));
  await expect(move).toHaveAttribute('data-from', String(start));
  await expect(move.locator('.old-q')).not.toHaveCount(0);
  await page.locator('.plot-panel').screenshot({ path: '.shots/step-move.png' });
  // The next press begins the next step's walk; "done" ends it.
  await page.getByTestId('next-stage').click();
  await expect(stepper).toHaveAttribute('data-stage', 'noise');
  expect(await metric(page, 'metric-step')).toBe(start + 1);
  await page.getByRole('button', { name: 'done' }).click();
  await expect(stepper).toHaveCount(0);
  expect(await csp()).toEqual([]);
  expect(errors).toEqual([]);
});

test('step-through on a 1D target', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#target=bimodal-1d&family=mean-field');
  await waitReady(page);
  await page.getByTestId('show-gradients').check();
  await page.getByTestId('step-through').click();
  const start = await metric(page, 'metric-step');
  for (const stage of ['noise', 'push', 'score']) {
    await expect(page.getByTestId('stepper')).toHaveAttribute('data-stage', stage);
    await expect(page.getByTestId(`stage-${stage}`)).toHaveCount(1);
    await page.locator('.plot-panel').screenshot({ path: `.shots/step1d-${stage}.png` });
    await page.getByTestId('next-stage').click();
  }
  await expect.poll(() => metric(page, 'metric-step')).toBe(start + 1);
  await expect(page.getByTestId('stage-move')).toHaveAttribute('data-to', String(start + 1));
  await page.locator('.plot-panel').screenshot({ path: '.shots/step1d-move.png' });
  expect(errors).toEqual([]);
});
