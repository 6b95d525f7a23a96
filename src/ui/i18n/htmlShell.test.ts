import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enChrome } from './en/chrome';

// index.html draws the header before any script (issue 9, docs/architecture.md): it must be the
// header React then draws in English, or the page's first text is stale and React's commit moves it.
describe('the header in index.html', () => {
  it('is the app’s English title and tagline', () => {
    const html = readFileSync('index.html', 'utf8');
    expect(html).toContain(`<h1>${enChrome.title} <span class="tagline">${enChrome.tagline}</span></h1>`);
  });
});
