import { useId } from 'react';
import { HIDE_PARTS, type HidePart } from '../../state/embed/embedApi';
import { useWords, type Words } from '../i18n/words';
import { choicesOf, type EmbedForm } from './embedForm';
import { clampWidth, HEIGHT_RANGE, WIDTH_RANGE } from './embedSnippets';

/** What each part of `hide=` is, in the language on screen (the part's own name stays, in code). */
const partWords = (w: Words): Record<HidePart, string> => ({
  header: w.embedHideHeader,
  transport: w.embedHideTransport,
  engine: w.embedHideEngine,
  target: w.embedHideTarget,
  sliders: w.embedHideSliders,
  family: w.embedHideFamily,
  objective: w.embedHideObjective,
  plot: w.embedHidePlot,
  chart: w.embedHideChart,
  metrics: w.embedHideMetrics,
  notices: w.embedHideNotices,
});

export function EmbedOptions(props: { form: EmbedForm; onChange: (form: EmbedForm) => void }) {
  const { form, onChange } = props;
  const id = useId();
  const set = (patch: Partial<EmbedForm>) => onChange({ ...form, ...patch });
  const toggle = (part: HidePart, on: boolean) => set({ hide: on ? [...form.hide, part] : form.hide.filter((p) => p !== part) });
  const choices = choicesOf(form);
  const w = useWords();
  const parts = partWords(w);
  return (
    <div className="embed-options">
      <fieldset>
        <legend>{w.embedHide}</legend>
        {HIDE_PARTS.map((part) => (
          <label key={part} className="embed-check">
            <input type="checkbox" checked={form.hide.includes(part)} onChange={(e) => toggle(part, e.currentTarget.checked)} />
            <span>
              <code>{part}</code> <span className="embed-part-label">{parts[part]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{w.embedStartAndSize}</legend>
        <label className="embed-check">
          <input type="checkbox" checked={form.autoplay} onChange={(e) => set({ autoplay: e.currentTarget.checked })} />
          <span>
            <code>autoplay</code> <span className="embed-part-label">{w.embedAutoplay}</span>
          </span>
        </label>
        <div className="embed-size">
          <label htmlFor={`${id}-wmode`}>{w.embedWidth}</label>
          <select id={`${id}-wmode`} className="embed-field embed-width-mode" value={form.fixedWidth ? 'fixed' : 'full'} onChange={(e) => set({ fixedWidth: e.currentTarget.value === 'fixed' })}>
            <option value="full">{w.embedWidthFull}</option>
            <option value="fixed">{w.embedWidthFixed}</option>
          </select>
          <input
            type="number"
            className="embed-field embed-width-px"
            aria-label={w.embedWidthPx}
            aria-describedby={`${id}-wrange`}
            min={WIDTH_RANGE.min}
            max={WIDTH_RANGE.max}
            step={10}
            disabled={!form.fixedWidth}
            value={form.widthText}
            onChange={(e) => set({ widthText: e.currentTarget.value })}
            onBlur={() => set({ widthText: String(clampWidth(Number(form.widthText))) })}
          />
          <span id={`${id}-wrange`} className="embed-range">
            {WIDTH_RANGE.min}–{WIDTH_RANGE.max}
          </span>
          <label htmlFor={`${id}-h`}>{w.embedHeight}</label>
          <input
            id={`${id}-h`}
            className="embed-field"
            type="number"
            aria-describedby={`${id}-hrange`}
            min={HEIGHT_RANGE.min}
            max={HEIGHT_RANGE.max}
            step={10}
            value={form.heightText}
            onChange={(e) => set({ heightText: e.currentTarget.value })}
            onBlur={() => set({ heightText: String(choices.height) })}
          />
          <span id={`${id}-hrange`} className="embed-range">
            {HEIGHT_RANGE.min}–{HEIGHT_RANGE.max}
          </span>
        </div>
      </fieldset>
    </div>
  );
}
