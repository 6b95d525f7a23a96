import type { CSSProperties } from 'react';
import { findFamilyInfo } from '../../core/families/registry';
import { findObjectiveInfo } from '../../core/objectives/registry';
import type { PlaygroundState } from '../../state/store';
import { formatCount, formatError, formatValue } from '../format';
import { useWords } from '../i18n/words';
import { useThrottled } from '../useThrottled';
import { runColour } from './colours';
import { useCatalogueWords } from '../i18n/catalogue';

/** Views and specs from the same state, so a removed run never pairs one run's numbers with another's name. */
const selectRows = (s: PlaygroundState) => ({ runs: s.runs, specs: s.session.runs });

const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatValue(v));

/** Every run in one table: its family and settings, both KLs, the ELBO ± s.e., k̂ and speed. */
export function CompareTable() {
  // Numbers a reader compares: five updates a second are plenty (the cards show them live).
  const { runs, specs } = useThrottled(selectRows, 200);
  const w = useWords();
  const cat = useCatalogueWords();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on a phone, and a scrolling region must take focus to scroll by keyboard (WCAG 2.1.1)
    <section className="panel compare-table-panel" aria-label={w.compareLabel} data-part="metrics" tabIndex={0}>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{w.colRun}</th>
            <th scope="col">{w.colFamily}</th>
            <th scope="col">KL(q‖p)</th>
            <th scope="col">KL(p‖q)</th>
            <th scope="col">{w.colElbo}</th>
            <th scope="col">k̂</th>
            <th scope="col">{w.colSpeed}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => {
            const spec = specs[i];
            if (!spec) return null;
            const s = r.snapshot;
            return (
              <tr key={r.key} style={{ '--run': runColour(r.colour) } as CSSProperties}>
                <th scope="row">
                  <span className="swatch" aria-hidden="true" /> {i + 1}
                </th>
                <td>
                  <strong>{nameOf(findFamilyInfo(spec.family.id), cat.familyName, spec.family.id)}</strong>
                  <span className="settings">
                    {' '}
                    {nameOf(findObjectiveInfo(spec.objective.id), cat.objectiveName, spec.objective.id)}, {spec.estimator}, {spec.optimizer} {formatValue(spec.lr)}, {formatCount(spec.samples)}
                  </span>
                </td>
                <td className="num">
                  {show(s?.klQP)}
                  {s?.klMethod === 'elbo-gap' && <span className="unit">{w.gapMark}</span>}
                </td>
                <td className="num">{show(s?.klPQ)}</td>
                <td className="num">
                  {show(s?.elbo)}
                  {s?.elboStdErr != null && <span className="unit"> ± {formatError(s.elboStdErr)}</span>}
                </td>
                <td className="num">{show(s?.khat)}</td>
                <td className="num">{r.diverged ? w.runHalted : formatCount(r.stepsPerSecond)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="fineprint">{w.compareFineprint}</p>
    </section>
  );
}

/** A spec's name in the language on screen, or its id when the registry has no such spec. */
function nameOf<S>(spec: S | undefined, word: (s: S) => string, id: string): string {
  return spec ? word(spec) : id;
}
