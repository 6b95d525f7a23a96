import { lazy, Suspense, useRef } from 'react';
import { usePlayground } from '../../state/store';
import { ExplainBar } from '../explain/ExplainBar';
import { formatValue } from '../format';
import { useWords } from '../i18n/words';
import { resolveTargetInfo } from '../../core/targets/resolve';
import { useLessonPath } from '../lessons/useLessonPath';
import { ConstrainedPlot1D, DensityPlot1D } from './DensityPlot1D';
import { DensityPlot2D } from './DensityPlot2D';
import { SIZE } from './plotGeometry';
import { CURVE_H, CURVE_W } from './CurvePlot1D';
import { runColour } from '../runs/colours';
import { outsideNoteShown } from './outsideNote';

// The teaching overlays load when first switched on (issue 9's page-JS budget).
const Overlay2D = lazy(() => import('../explain/overlays').then((m) => ({ default: m.Overlay2D })));
const Overlay1D = lazy(() => import('../explain/overlays').then((m) => ({ default: m.Overlay1D })));

/**
 * p and run i's q drawn together, with a legend and quadrature caveats: the centre of the screen
 * for one run, one of the small multiples (same axes, same p) when runs are compared.
 */
export function PlotPanel({ run, compact = false }: { run: number; compact?: boolean }) {
  const field = usePlayground((s) => s.field);
  const snapshot = usePlayground((s) => s.runs[run]?.snapshot ?? null);
  const colour = runColour(usePlayground((s) => s.runs[run]?.colour ?? 0));
  const target = usePlayground((s) => s.session.target);
  const params = target.params;
  const info = resolveTargetInfo(target);
  const constraint = info?.constraint;
  const lessonPath = useLessonPath();
  const w = useWords();
  const Frame = compact ? 'div' : 'section';
  // Run 0's plot in the single-run layout carries the gradient arrows and the step-through.
  const explainOn = usePlayground((s) => !compact && run === 0 && (s.explain.gradients || s.explain.stage !== null));
  const hideSamples = usePlayground((s) => !compact && run === 0 && s.explain.stage === 'noise');
  const overlay1D =
    explainOn && field
      ? (g: { sx: (v: number) => number; sy: (v: number) => number; baseY: number }) => (
          <Suspense fallback={null}>
            <Overlay1D field={field} snapshot={snapshot} sx={g.sx} sy={g.sy} baseY={g.baseY} colour={colour} />
          </Suspense>
        )
      : undefined;
  const outside = snapshot?.qMassInside != null ? 1 - snapshot.qMassInside : null;
  const outsideSaid = useRef(false);
  const showOutside = outsideNoteShown(outside, outsideSaid.current);
  outsideSaid.current = showOutside;
  return (
    <Frame className={compact ? 'plot-panel compact' : 'panel plot-panel'} aria-label={compact ? undefined : w.plotsLabel} data-part="plot">
      {!compact && <div className="legend">
        <span className="key p-key">{w.legendP}</span>
        <span className="key q-key">
          q(θ)
          {snapshot && snapshot.density !== 'anywhere'
            ? snapshot.density === 'none'
              ? w.legendQPoints
              : w.legendQSamplesOnly
            : field?.dim === 2
              ? w.legendQRegions
              : w.legendQAndSamples}
        </span>
      </div>}
      {field === null ? (
        <PlotPlaceholder dim={info?.dim ?? 2} text={w.preparingTarget} />
      ) : field.dim === 2 ? (
        <DensityPlot2D
          field={field}
          snapshot={snapshot}
          colour={colour}
          hideSamples={hideSamples}
          lessonPath={lessonPath}
          overlay={
            explainOn
              ? (g) => (
                  <Suspense fallback={null}>
                    <Overlay2D field={field} snapshot={snapshot} sx={g.sx} sy={g.sy} path={g.path} colour={colour} />
                  </Suspense>
                )
              : undefined
          }
        />
      ) : constraint ? (
        <div className="constrained-pair">
          <figure>
            <figcaption>{w.whereViRuns(constraint.unconstrainedNames[0])}</figcaption>
            <DensityPlot1D field={field} snapshot={snapshot} axisName={constraint.unconstrainedNames[0]} colour={colour} hideRug={hideSamples} overlay={overlay1D} />
          </figure>
          <figure>
            <figcaption>{w.inModelSpace(constraint.names[0])}</figcaption>
            <ConstrainedPlot1D field={field} snapshot={snapshot} constraint={constraint} params={params} colour={colour} />
          </figure>
        </div>
      ) : (
        <DensityPlot1D field={field} snapshot={snapshot} colour={colour} hideRug={hideSamples} overlay={overlay1D} />
      )}
      {!compact && run === 0 && <ExplainBar />}
      {!compact && field && field.edgeMass > 1e-3 && (
        <p className="caveat" role="note">
          {w.edgeMass(formatValue(field.edgeMass * 100))}
        </p>
      )}
      {!compact && field && field.invalidFraction > 0.01 && (
        <p className="caveat" role="note">
          {w.invalidFraction(formatValue(field.invalidFraction * 100))}
        </p>
      )}
      {showOutside && outside !== null && (
        <p className={compact ? 'caveat floating' : 'caveat'} role="note">
          {/* Beyond 1 % outside the engine reads KL(q‖p) as log Z − ELBO (docs/math.md), which covers all of q. */}
          {snapshot?.klMethod === 'elbo-gap' ? w.qOutsideGap(formatValue(outside * 100)) : w.qOutside(formatValue(outside * 100))}
        </p>
      )}
    </Frame>
  );
}

/**
 * Until the target's grid arrives, an empty plot of the size the plot will have (the same viewBox
 * and styles), so the page does not move when it is drawn (issue 9: layout shift).
 */
function PlotPlaceholder({ dim, text }: { dim: 1 | 2; text: string }) {
  const [w, h] = dim === 2 ? [SIZE, SIZE] : [CURVE_W, CURVE_H];
  // The words are HTML over the empty plot, so they keep the page's type size however small the plot is drawn.
  return (
    <div className="plot-placeholder">
      <svg className="density-plot" viewBox={`0 0 ${w} ${h}`} aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
