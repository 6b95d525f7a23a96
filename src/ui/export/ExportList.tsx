import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../state/store';
import { useWords, type Words } from '../i18n/words';

// The writers load when the menu first opens, not with the page (its first JS stays within budget).
const loadWriters = () => Promise.all([import('./exportFiles'), import('./svgExport')]).then(([files, svg]) => ({ ...files, ...svg }));
type Writers = Awaited<ReturnType<typeof loadWriters>>;

/** A picture on screen the menu can save: its svg, what it is (worded when shown) and a file-name slug. */
interface Picture {
  readonly svg: SVGSVGElement;
  readonly kind: 'plot' | 'kl' | 'elbo';
  /** 1-based among several density plots, else 0. */
  readonly n: number;
  readonly slug: string;
}

/** The plots and charts on screen now, named by their panel (density plots per run, then charts). */
function picturesOnScreen(): Picture[] {
  const found: Picture[] = [];
  const plots = Array.from(document.querySelectorAll<SVGSVGElement>('svg.density-plot'));
  plots.forEach((svg, i) => {
    found.push({ svg, kind: 'plot', n: plots.length === 1 ? 0 : i + 1, slug: `plot${plots.length === 1 ? '' : i + 1}` });
  });
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
    // The notation KL stays in every language's label (docs/i18n.md).
    const isKl = /KL/.test(svg.getAttribute('aria-label') ?? '');
    found.push({ svg, kind: isKl ? 'kl' : 'elbo', n: 0, slug: isKl ? 'kl-chart' : 'elbo-chart' });
  }
  return found;
}

function pictureLabel(p: Picture, w: Words): string {
  if (p.kind === 'kl') return w.exportKlChart;
  if (p.kind === 'elbo') return w.exportElboChart;
  return p.n === 0 ? w.exportDensityPlot : w.exportDensityPlotN(String(p.n));
}

/**
 * The Export menu's items (ExportMenu.tsx): a chunk of its own, loaded when the menu first opens,
 * with the pictures on screen at that moment. `close` closes the menu before a file is written.
 */
export function ExportList({ close }: { close: () => void }) {
  const [pictures] = useState<Picture[]>(picturesOnScreen);
  useEffect(() => void loadWriters(), []);
  const keys = usePlayground(useShallow((s) => s.runs.map((r) => r.key)));
  const runs = keys.length;
  const started = usePlayground((s) => s.runs.some((r) => r.snapshot !== null));
  const w = useWords();
  const save = (make: (w: Writers) => void | Promise<void>) => async () => {
    close();
    await make(await loadWriters());
  };
  const state = () => usePlayground.getState();
  return (
    <div className="export-list" role="menu" aria-label={w.exportMenu}>
      <p className="export-group">{w.exportPictures}</p>
      {pictures.map((p) => (
        <div className="export-row" key={p.slug}>
          <span>{pictureLabel(p, w)}</span>
          <button type="button" role="menuitem" onClick={save(async (w) => w.download(`${w.fileStem(state())}-${p.slug}.png`, await w.svgToPng(p.svg, 2)))}>
            PNG 2×
          </button>
          <button type="button" role="menuitem" onClick={save((w) => w.download(`${w.fileStem(state())}-${p.slug}.svg`, w.standaloneSvg(p.svg), 'image/svg+xml'))}>
            SVG
          </button>
        </div>
      ))}
      <p className="export-group">{w.exportData}</p>
      <div className="export-row">
        <span>{w.exportHistory}</span>
        <button type="button" role="menuitem" onClick={save((w) => w.download(`${w.fileStem(state())}-history.csv`, w.metricsCsv(state()), 'text/csv'))}>
          CSV
        </button>
        <button type="button" role="menuitem" onClick={save((w) => w.download(`${w.fileStem(state())}-history.json`, w.metricsJson(state()), 'application/json'))}>
          JSON
        </button>
      </div>
      <div className="export-row">
        <span>{w.exportSummary}</span>
        <button type="button" role="menuitem" disabled={!started} onClick={save((w) => w.download(`${w.fileStem(state())}-summary.json`, w.summaryJson(state()), 'application/json'))}>
          JSON
        </button>
      </div>
      <p className="export-group">{w.exportCode}</p>
      {keys.map((key, i) => (
        <div className="export-row" key={key}>
          <span>{runs === 1 ? w.exportThisRun : w.exportRunN(String(i + 1))}</span>
          <button type="button" role="menuitem" onClick={save((w) => w.download(`${w.fileStem(state(), i)}-numpyro.py`, w.script(state(), i, 'numpyro'), 'text/x-python'))}>
            NumPyro
          </button>
          <button type="button" role="menuitem" onClick={save((w) => w.download(`${w.fileStem(state(), i)}-pymc.py`, w.script(state(), i, 'pymc'), 'text/x-python'))}>
            PyMC
          </button>
        </div>
      ))}
    </div>
  );
}
