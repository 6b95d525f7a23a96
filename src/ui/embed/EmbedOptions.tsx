import { useId } from 'react';
import { HIDE_PART_LABELS, HIDE_PARTS, type HidePart } from '../../state/embed/embedApi';
import { choicesOf, type EmbedForm } from './embedForm';
import { clampWidth, HEIGHT_RANGE, WIDTH_RANGE } from './embedSnippets';

export function EmbedOptions(props: { form: EmbedForm; onChange: (form: EmbedForm) => void }) {
  const { form, onChange } = props;
  const id = useId();
  const set = (patch: Partial<EmbedForm>) => onChange({ ...form, ...patch });
  const toggle = (part: HidePart, on: boolean) => set({ hide: on ? [...form.hide, part] : form.hide.filter((p) => p !== part) });
  const choices = choicesOf(form);
  return (
    <div className="embed-options">
      <fieldset>
        <legend>Hide</legend>
        {HIDE_PARTS.map((part) => (
          <label key={part} className="embed-check">
            <input type="checkbox" checked={form.hide.includes(part)} onChange={(e) => toggle(part, e.currentTarget.checked)} />
            <span>
              <code>{part}</code> <span className="embed-part-label">{HIDE_PART_LABELS[part]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Start and size</legend>
        <label className="embed-check">
          <input type="checkbox" checked={form.autoplay} onChange={(e) => set({ autoplay: e.currentTarget.checked })} />
          <span>
            <code>autoplay</code> <span className="embed-part-label">start fitting as soon as it is ready</span>
          </span>
        </label>
        <div className="embed-size">
          <label htmlFor={`${id}-wmode`}>Width</label>
          <select id={`${id}-wmode`} className="embed-field embed-width-mode" value={form.fixedWidth ? 'fixed' : 'full'} onChange={(e) => set({ fixedWidth: e.currentTarget.value === 'fixed' })}>
            <option value="full">100% of the column</option>
            <option value="fixed">fixed, in px</option>
          </select>
          <input
            type="number"
            className="embed-field embed-width-px"
            aria-label="Width in pixels"
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
          <label htmlFor={`${id}-h`}>Height (px)</label>
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
