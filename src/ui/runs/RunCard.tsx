import type { CSSProperties } from 'react';
import { findFamilyInfo } from '../../core/families/registry';
import { findObjectiveInfo } from '../../core/objectives/registry';
import { MAX_RUNS } from '../../core/rules';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { FamilyDetails, FamilyPicker, RunSettings } from '../controls/FamilyPanel';
import { formatCount, formatError, formatValue } from '../format';
import { type CatalogueWords, useCatalogueWords } from '../i18n/catalogue';
import { type Words, useWords } from '../i18n/words';
import { MathPanel } from '../math/MathPanel';
import { freshness, klPQNote, klQPNote } from '../metrics/wording';
import { PlotPanel } from '../plots/PlotPanel';
import { runColour } from './colours';

/**
 * One run of a comparison: its plot (same axes and p as the others), its family in place, its
 * numbers (data-testid run-N holds metric-kl, metric-elbo, metric-klpq, metric-khat), and its
 * settings folded away. Its colour is the same in its plot, the charts and the table.
 */
export function RunCard({ run }: { run: number }) {
  // The run's colour, not its view: the view changes with every snapshot, and the card's settings
  // and math need not re-render with it (its plot and read-outs select what they draw).
  const colourIndex = usePlayground((s) => s.runs[run]?.colour);
  const spec = usePlayground((s) => s.session.runs[run]);
  const count = usePlayground((s) => s.runs.length);
  const w = useWords();
  const cat = useCatalogueWords();
  if (colourIndex === undefined || !spec) return null;
  const n = String(run + 1);
  const colour = runColour(colourIndex);
  const family = findFamilyInfo(spec.family.id);
  const name = family ? cat.familyName(family) : spec.family.id;
  return (
    <article className="panel run-card" tabIndex={-1} data-testid={`run-${run}`} style={{ '--run': colour } as CSSProperties} aria-label={w.runCardLabel(n, name)}>
      <header className="run-head">
        <strong className="run-badge" title={w.runBadgeTitle(n)}>
          <span className="visually-hidden">{w.runBadgeHidden}</span>
          {run + 1}
        </strong>
        <FamilyPicker run={run} compact />
        <button type="button" className="icon" data-part="family" onClick={() => actions.duplicateRun(run)} disabled={count >= MAX_RUNS} aria-label={w.copyRun(n)} title={w.copyRunTitle}>
          {w.copyRunButton}
        </button>
        <button type="button" className="icon" data-part="family" onClick={() => actions.removeRun(run)} disabled={count <= 1} aria-label={w.removeRun(n)} title={w.removeRunTitle}>
          ×
        </button>
      </header>
      <PlotPanel run={run} compact />
      <RunReadouts run={run} />
      <details className="run-settings" data-part="family">
        <summary>{settingsLine(spec, w, cat)}</summary>
        <FamilyDetails run={run} describe={false} />
        <RunSettings run={run} />
      </details>
      <MathPanel run={run} withGap className="run-math" />
    </article>
  );
}

function settingsLine(spec: { objective: { id: string }; estimator: string; optimizer: string; lr: number; samples: number }, w: Words, cat: CatalogueWords): string {
  const found = findObjectiveInfo(spec.objective.id);
  const objective = found ? cat.objectiveName(found) : spec.objective.id;
  return w.runSettingsLine(objective, spec.estimator, spec.optimizer, formatValue(spec.lr), formatCount(spec.samples));
}

/** The four numbers a comparison is about, each with how it was obtained. */
function RunReadouts({ run }: { run: number }) {
  const snapshot = usePlayground((s) => s.runs[run]?.snapshot ?? null);
  const diverged = usePlayground((s) => s.runs[run]?.diverged ?? null);
  const w = useWords();
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatValue(v));
  return (
    <dl className="run-readouts" title={snapshot ? freshness(snapshot, w) : undefined} data-part="metrics">
      <div>
        <dt>KL(q‖p)</dt>
        <dd data-testid="metric-kl" className="kl">
          {value(snapshot?.klQP)}
        </dd>
        <dd className="unit">{snapshot ? klQPNote(snapshot, w) : ''}</dd>
      </div>
      <div>
        <dt>ELBO</dt>
        <dd data-testid="metric-elbo">{value(snapshot?.elbo)}</dd>
        <dd className="unit">{snapshot?.elboStdErr != null ? `± ${formatError(snapshot.elboStdErr)}` : ''}</dd>
      </div>
      <div>
        <dt>KL(p‖q)</dt>
        <dd data-testid="metric-klpq">{value(snapshot?.klPQ)}</dd>
        <dd className="unit">{snapshot ? (snapshot.klPQMethod === 'quadrature' ? w.klPQByQuadratureShort : klPQNote(snapshot, w)) : ''}</dd>
      </div>
      <div>
        <dt>PSIS k̂</dt>
        <dd data-testid="metric-khat">{value(snapshot?.khat)}</dd>
        {/* The run's own step: a run added later counts from 0 while the session's counter shows the furthest. */}
        <dd className="unit">
          {diverged ? (
            <span className="halted">{w.runHalted}</span>
          ) : snapshot ? (
            // Read-outs refresh within their time budget: say when they trail the run's step.
            `${w.runAtStep(formatCount(snapshot.step))}${snapshot.readoutStep < snapshot.step ? w.runReadAt(formatCount(snapshot.readoutStep)) : ''}`
          ) : (
            ''
          )}
        </dd>
      </div>
    </dl>
  );
}
