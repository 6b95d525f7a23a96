import { useLayoutEffect, useRef, useState } from 'react';

type Renderer = (tex: string, into: HTMLElement, displayMode: boolean) => void;

let loading: Promise<Renderer> | null = null;
/** One dynamic import for the whole page: KaTeX (~75 kB gzip with its CSS) loads when math is first shown. */
function loadRenderer(): Promise<Renderer> {
  loading ??= import('./katexRender').then((m) => m.renderTex);
  return loading;
}

/**
 * TeX typeset by KaTeX with trust: false. The TeX comes from the specs (our own strings) and from
 * tex.ts (which prints only fixed strings and digits), never from what a user typed. Until KaTeX
 * has loaded the element shows nothing (no raw TeX flashes on screen); `label` is read by screen
 * readers meanwhile, and KaTeX's MathML takes over once it is there.
 */
export function Tex({ tex, display = false, label, testId }: { tex: string; display?: boolean; label?: string; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  useLayoutEffect(() => {
    let live = true;
    void loadRenderer().then((r) => {
      if (live) setRenderer(() => r);
    });
    return () => {
      live = false;
    };
  }, []);
  useLayoutEffect(() => {
    if (renderer && ref.current) renderer(tex, ref.current, display);
  }, [renderer, tex, display]);
  // KaTeX owns the inner span's children (React renders none there); the label stands in while it loads.
  return (
    <span className={display ? 'tex tex-display' : 'tex'} data-testid={testId}>
      {!renderer && label && <span className="visually-hidden">{label}</span>}
      <span ref={ref} />
    </span>
  );
}
