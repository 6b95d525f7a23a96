/**
 * A plot or chart on screen as a standalone picture (docs/export.md#pictures): the SVG with its
 * computed styles written onto every element (so it looks the same outside the page's
 * stylesheet, in any viewer or slide tool), and a PNG rasterised from that at 2×.
 */

/** The presentation properties the page's stylesheet sets on plot elements. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

/**
 * The picture's size in CSS pixels: as drawn on screen, cropped to its viewBox's aspect (the page
 * letterboxes a square plot in a wide panel; the file should not carry the bars).
 */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  if (!vb || !(vb.width > 0 && vb.height > 0)) return { width: Math.round(box.width) || 600, height: Math.round(box.height) || 400 };
  const scale = box.width > 0 && box.height > 0 ? Math.min(box.width / vb.width, box.height / vb.height) : 1;
  return { width: Math.round(vb.width * scale), height: Math.round(vb.height * scale) };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

const escapeXml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One element as XML, its computed style written into a style attribute. Written as text, not by
 * setting attributes on a clone: the page's CSP (style-src 'self') refuses style attributes set
 * through the DOM, and this needs no exception to it.
 */
function elementXml(el: Element, extra: Record<string, string> = {}, first = ''): string {
  const style = getComputedStyle(el);
  const attrs: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) if (a.name !== 'class' && a.name !== 'style') attrs[a.name] = a.value;
  Object.assign(attrs, extra);
  attrs.style = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  const open = `<${el.tagName}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('')}>`;
  const inner = Array.from(el.childNodes)
    .map((n) => (n.nodeType === Node.ELEMENT_NODE ? elementXml(n as Element) : n.nodeType === Node.TEXT_NODE ? escapeXml(n.textContent ?? '') : ''))
    .join('');
  return `${open}${first}${inner}</${el.tagName}>`;
}

/**
 * The drawing's extent in user units: its viewBox grown to hold everything drawn (tick labels at
 * the edges overflow the viewBox on the page, which shows overflow; a file would clip them).
 */
function extentOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const vb = svg.viewBox.baseVal;
  const bb = svg.getBBox();
  if (!vb || !(vb.width > 0 && vb.height > 0)) return { x: bb.x, y: bb.y, width: bb.width, height: bb.height };
  const x0 = Math.floor(Math.min(vb.x, bb.x));
  const y0 = Math.floor(Math.min(vb.y, bb.y));
  const x1 = Math.ceil(Math.max(vb.x + vb.width, bb.x + bb.width));
  const y1 = Math.ceil(Math.max(vb.y + vb.height, bb.y + bb.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** `svg` as a standalone file: every element's computed style inlined, sized, on the page's background. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const { width } = sizeOf(svg);
  const vb = svg.viewBox.baseVal;
  const e = extentOf(svg);
  // on-screen pixels per user unit, kept for the grown extent
  const scale = vb && vb.width > 0 ? width / vb.width : 1;
  const size = { width: String(Math.round(e.width * scale)), height: String(Math.round(e.height * scale)) };
  // the page's background behind the picture, so light strokes stay visible on any slide
  const background = `<rect x="${e.x}" y="${e.y}" width="${e.width}" height="${e.height}" fill="${escapeXml(pageBackground(svg))}"/>`;
  const root = elementXml(svg, { xmlns: SVG_NS, viewBox: `${e.x} ${e.y} ${e.width} ${e.height}`, ...size }, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
}

/** The first opaque background colour behind the element (white if none). */
function pageBackground(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/**
 * The standalone SVG drawn onto a canvas at `scale`× its on-screen size, as PNG. The SVG is
 * loaded as an image from a blob: URL, which the page's img-src allows for this (vite.config.ts).
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = standaloneSvg(svg);
  const width = Number(text.match(/<svg[^>]* width="(\d+)"/)?.[1] ?? 600);
  const height = Number(text.match(/<svg[^>]* height="(\d+)"/)?.[1] ?? 400);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `data` as a file named `name` (an <a download> of a blob: URL). */
export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has its own reference to the blob once started
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
