import { useEffect, useRef, useState } from 'react';
import { useWords } from '../i18n/words';
import type { EmbedWidth } from './embedSnippets';

/** A 100%-wide embed is previewed at the width of a typical course page's text column. */
export const FULL_WIDTH_PREVIEW = 800;

/**
 * The embed as the host page will show it: at its own size, scaled down to fit the box, so the
 * layout inside is the one a reader gets (a 640 px embed shrunk, not re-laid out at 400 px).
 * A new URL gets a new iframe (its `key`): a hash change alone would not reload the page.
 */
export function EmbedPreview(props: { url: string; width: EmbedWidth; height: number }) {
  const { url, width, height } = props;
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<{ width: number; height: number } | null>(null);
  const w = useWords();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setRoom({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const frameWidth = width === '100%' ? FULL_WIDTH_PREVIEW : width;
  const shownWidth = width === '100%' ? w.embedPreviewFullWidth(String(FULL_WIDTH_PREVIEW)) : `${width} px`;
  const scale = room ? Math.min(1, room.width / frameWidth, room.height / height) : 0;
  return (
    <figure className="embed-preview">
      <div className="embed-preview-box" ref={box}>
        {room && scale > 0 && (
          // The wrapper takes the scaled size, so the box lays out what is seen; the transform only paints.
          <div className="embed-preview-frame" style={{ width: frameWidth * scale, height: height * scale }}>
            <iframe
              key={url}
              src={url}
              width={frameWidth}
              height={height}
              title={w.embedPreviewTitle}
              data-testid="embed-preview"
              style={{ transform: `scale(${scale})` }}
            />
          </div>
        )}
      </div>
      <figcaption>{scale > 0 && scale < 1 ? w.embedPreviewScaled(shownWidth, String(height), String(Math.round(scale * 100))) : w.embedPreview(shownWidth, String(height))}</figcaption>
    </figure>
  );
}
