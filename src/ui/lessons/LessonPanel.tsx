import { useMemo } from 'react';
import { findLesson, lessons, neighbourLesson } from '../../core/lessons/registry';
import { claimHolds, readClaim } from '../../core/lessons/readings';
import type { LessonSpec } from '../../core/lessons/types';
import { resolveTarget } from '../../core/targets/resolve';
import { actions } from '../../state/controller';
import { type PlaygroundState, usePlayground } from '../../state/store';
import { formatValue } from '../format';
import { useThrottled } from '../useThrottled';
import { claimLabel, claimStated } from './claimWords';

/**
 * The lesson above the workspace (docs/lessons.md): its text, what to watch, a question, its
 * "try this" buttons, previous/next, and the numbers its text states beside what the page shows.
 */
export function LessonPanel() {
  const id = usePlayground((s) => s.view.lesson);
  const lesson = id === null ? undefined : findLesson(id);
  if (!lesson) return null;
  const index = lessons.indexOf(lesson);
  const previous = neighbourLesson(lesson.id, -1);
  const next = neighbourLesson(lesson.id, 1);
  return (
    <section className="panel lesson-panel" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson-panel">
      <header className="lesson-head">
        <h2>
          <span className="lesson-count">
            Lesson {index + 1} of {lessons.length}:
          </span>{' '}
          {lesson.title}
        </h2>
        <nav className="lesson-nav" aria-label="Lessons">
          <button type="button" disabled={!previous} onClick={() => previous && actions.startLesson(previous.id)}>
            ← previous
          </button>
          <button type="button" disabled={!next} onClick={() => next && actions.startLesson(next.id)}>
            next →
          </button>
          <button type="button" className="icon" aria-label="Leave the lesson" title="Leave the lesson (the settings stay)" onClick={() => actions.startLesson(null)}>
            ×
          </button>
        </nav>
      </header>
      <div className="lesson-body">
        <div className="lesson-text" data-testid="lesson-text">
          {lesson.text.split('\n').map((p) => (
            <p key={p.slice(0, 24)}>{p}</p>
          ))}
          <p>
            <strong>Watch:</strong> {lesson.watch}
          </p>
          <p>
            <strong>Think:</strong> {lesson.question}
          </p>
          {lesson.source && <p className="fineprint">Source: {lesson.source}.</p>}
        </div>
        <div className="lesson-side">
          <div className="lesson-tries">
            {lesson.tries.map((t) => (
              <button key={t.label} type="button" onClick={() => actions.tryThis(t.change)}>
                Try: {t.label}
              </button>
            ))}
            <button type="button" onClick={() => actions.startLesson(lesson.id)} title="Back to the lesson's own settings, from step 0">
              Restart the lesson
            </button>
          </div>
          <Claims lesson={lesson} />
        </div>
      </div>
    </section>
  );
}

const selectSource = (s: PlaygroundState) => ({ runs: s.runs, target: s.session.target });

/** The numbers the text states, each beside what the page shows now (data-testid lesson-claim-i). */
function Claims({ lesson }: { lesson: LessonSpec }) {
  // Read like the comparison table: a few updates a second are plenty to read.
  const { runs, target } = useThrottled(selectSource, 200);
  const constraint = useMemo(() => resolveTarget(target)?.constraint, [target]);
  const snapshots = runs.map((r) => r.snapshot);
  return (
    <table className="lesson-claims">
      <caption>The text’s numbers on this page</caption>
      <thead>
        <tr>
          <th scope="col">read-out</th>
          <th scope="col">text</th>
          <th scope="col">page</th>
        </tr>
      </thead>
      <tbody>
        {lesson.claims.map((c, i) => {
          const value = readClaim(c, { snapshots, targetParams: target.params, constraint });
          const holds = claimHolds(c, value);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a lesson's claims are a fixed list
            <tr key={i}>
              <th scope="row">{claimLabel(c, runs.length)}</th>
              <td>{claimStated(c)}</td>
              <td data-testid={`lesson-claim-${i}`} data-holds={holds ? 'yes' : 'no'}>
                {value === null ? '—' : formatValue(value)} <span className={holds ? 'ok' : 'pending'}>{holds ? '✓' : '…'}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
