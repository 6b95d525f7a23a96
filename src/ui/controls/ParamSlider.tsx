import { useId } from 'react';
import type { ParamSpec } from '../../core/params';
import { formatValue } from '../format';

const LOG_STEPS = 1000;

function toPosition(spec: ParamSpec, value: number): number {
  if (spec.scale !== 'log') return value;
  const t = (Math.log(value) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min));
  return Math.round(t * LOG_STEPS);
}

function fromPosition(spec: ParamSpec, position: number): number {
  if (spec.scale !== 'log') return position;
  const v = Math.exp(Math.log(spec.min) + (position / LOG_STEPS) * (Math.log(spec.max) - Math.log(spec.min)));
  if (spec.integer) return Math.round(v);
  // Keep three significant digits so the URL stays readable.
  return Number(v.toPrecision(3));
}

/** A slider generated from a ParamSpec: bounds, step and scale come from the spec, never from here. */
export function ParamSlider(props: {
  spec: ParamSpec;
  value: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** How the value reads next to the label (default: 4 significant digits). */
  display?: (value: number) => string;
}) {
  const { spec, value, onChange, disabled, display = formatValue } = props;
  const id = useId();
  const log = spec.scale === 'log';
  return (
    <div className="param" data-part="sliders">
      <label htmlFor={id}>
        <span className="param-label">{spec.label}</span>
        <output htmlFor={id} className="param-value">
          {display(value)}
        </output>
      </label>
      <input
        id={id}
        type="range"
        aria-label={spec.label}
        title={spec.help}
        min={log ? 0 : spec.min}
        max={log ? LOG_STEPS : spec.max}
        step={log ? 1 : spec.step}
        value={toPosition(spec, value)}
        disabled={disabled}
        onChange={(e) => onChange(fromPosition(spec, Number(e.currentTarget.value)))}
      />
    </div>
  );
}
