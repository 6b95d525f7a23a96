import { type Page, expect, test } from '@playwright/test';
import { watchPageErrors } from './helpers';

/**
 * Read a snippet the way a course page's browser will: through the HTML parser. In a blank page of
 * its own: parsed in the app's page, the snippet's style="border:0" would count against the app's
 * CSP (Chromium reports inline style attributes even in a DOMParser or <template> document).
 */
function parseSnippet(reader: Page, html: string) {
  return reader.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const attrs = (selector: string) => {
      const el = doc.querySelector(selector);
      return el ? Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])) : null;
    };
    return { iframe: attrs('iframe'), script: attrs('script'), element: attrs('vi-playground') };
  }, html);
}

test('the Embed dialog writes snippets of the current comparison, copies them, and gives focus back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The preview loads embed.html, whose own console is not this test's business: page errors only.
  const errors = watchPageErrors(page);
  // The dialog lives under the site's strict policy too (its preview sizes go through the CSSOM).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto('./#target=banana&family=mean-field,full-rank');
  const site = new URL('.', page.url()).href;
  const reader = await context.newPage();

  const opener = page.getByRole('button', { name: 'Embed', exact: true });
  await expect(page.getByTestId('embed-preview')).toHaveCount(0);
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this demo' });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('checkbox', { name: /^transport\b/ }).check();
  await dialog.getByRole('checkbox', { name: /^engine\b/ }).check();
  const iframeBox = dialog.getByRole('textbox', { name: 'iframe', exact: true });
  const elementBox = dialog.getByRole('textbox', { name: '<vi-playground> element' });
  await expect(iframeBox).toHaveValue(/hide=transport,engine/);

  const iframeText = await iframeBox.inputValue();
  const elementText = await elementBox.inputValue();
  for (const text of [iframeText, elementText]) expect(text).toContain('family=mean-field,full-rank');
  expect(iframeText).toContain('embed.html#');
  const { iframe } = await parseSnippet(reader, iframeText);
  expect(iframe?.src.startsWith(`${site}embed.html#`)).toBe(true);
  expect(iframe?.src).toContain('family=mean-field,full-rank');
  expect(iframe?.src.endsWith('&hide=transport,engine')).toBe(true);
  expect(iframe).toMatchObject({ width: '100%', title: 'VI Playground', style: 'border:0' });
  // The preview shows exactly what the snippet embeds.
  await expect(dialog.getByTestId('embed-preview')).toHaveAttribute('src', iframe?.src ?? '');

  const parsed = await parseSnippet(reader, elementText);
  expect(parsed.script?.src).toBe(`${site}embed.js`);
  expect(parsed.element?.config.startsWith('#target=banana&')).toBe(true);
  expect(parsed.element?.config).toContain('family=mean-field,full-rank');
  expect(parsed.element?.hide).toBe('transport,engine');

  // Size and autoplay reach the snippets; the preview follows the new URL.
  await dialog.getByLabel('Height (px)').fill('500');
  await dialog.getByRole('checkbox', { name: /^autoplay\b/ }).check();
  await expect(iframeBox).toHaveValue(/height="500"/);
  await expect(iframeBox).toHaveValue(/&amp;hide=transport,engine&amp;autoplay=1"/);
  const withAutoplay = (await parseSnippet(reader, await iframeBox.inputValue())).iframe?.src ?? '';
  await expect(dialog.getByTestId('embed-preview')).toHaveAttribute('src', withAutoplay);
  await expect(elementBox).toHaveValue(/ autoplay="1" height="500"/);

  await page.screenshot({ path: '.shots/embed-dialog.png' });

  await dialog.getByRole('button', { name: 'Copy the iframe snippet' }).click();
  await expect(dialog.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await iframeBox.inputValue());
  await dialog.getByRole('button', { name: 'Copy the element snippet' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await elementBox.inputValue());

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // Closed, the preview (and its engine) is gone.
  await expect(page.getByTestId('embed-preview')).toHaveCount(0);

  // Opening again keeps the choices.
  await opener.click();
  await expect(dialog.getByRole('checkbox', { name: /^transport\b/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
