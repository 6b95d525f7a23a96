import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * KaTeX and its stylesheet, loaded on first use (Tex.tsx imports this module dynamically, so the
 * page's first JS stays within its budget; docs/math.md#the-math-on-screen).
 *
 * katex.render builds DOM nodes and sets their styles through the CSSOM (element.style), which
 * the site's Content-Security-Policy allows; renderToString + innerHTML would make inline style
 * attributes, which `style-src 'self'` blocks. trust: false refuses \href, \url, \htmlClass and
 * the like; throwOnError: false prints a bad fragment in red rather than throwing.
 */
export function renderTex(tex: string, into: HTMLElement, displayMode: boolean): void {
  katex.render(tex, into, { trust: false, throwOnError: false, output: 'htmlAndMathml', displayMode, strict: 'ignore' });
}
