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

/** The picture's size in CSS pixels: as drawn on screen, else its viewBox. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) return { width: Math.round(box.width), height: Math.round(box.height) };
  const vb = svg.viewBox.baseVal;
  return { width: vb?.width || 600, height: vb?.height || 400 };
}

/** A copy of `svg` with every element's computed style inlined, sized, on the page's background. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
  originals.forEach((el, i) => {
    const style = getComputedStyle(el);
    const inline = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    copies[i].setAttribute('style', inline);
    copies[i].removeAttribute('class');
  });
  const { width, height } = sizeOf(svg);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // the page's background behind the picture, so light strokes stay visible on any slide
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  const vb = svg.viewBox.baseVal;
  background.setAttribute('x', String(vb?.x ?? 0));
  background.setAttribute('y', String(vb?.y ?? 0));
  background.setAttribute('width', String(vb?.width || width));
  background.setAttribute('height', String(vb?.height || height));
  background.setAttribute('fill', pageBackground(svg));
  copy.insertBefore(background, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
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
  const { width, height } = sizeOf(svg);
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
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
