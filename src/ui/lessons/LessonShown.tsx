import { useMemo } from 'react';
import { lessons, neighbourLesson } from '../../core/lessons/registry';
import { claimHolds, readClaim } from '../../core/lessons/readings';
import type { LessonSpec } from '../../core/lessons/types';
import { resolveTargetInfo } from '../../core/targets/resolve';
import { actions } from '../../state/controller';
import type { PlaygroundState } from '../../state/store';
import { formatValue } from '../format';
import { useLang, useWords, type Words } from '../i18n/words';
import { useThrottled } from '../useThrottled';
import { claimLabel, claimStated } from './claimWords';
import { useLessonProse } from './useLessonProse';

/**
 * The lesson above the workspace (docs/lessons.md): its text, what to watch, a question, its
 * "try this" buttons, previous/next, and the numbers its text states beside what the page shows.
 * The title, the buttons and the claims come from the spec; the prose (the text, what to
 * watch, the question, the tries' labels) when its chunk has loaded, in the language on screen.
 */
export default function LessonShown({ lesson }: { lesson: LessonSpec }) {
  const w = useWords();
  const lang = useLang();
  const prose = useLessonProse(lesson);
  const words = prose?.[lang];
  const title = lesson.title[lang];
  const index = lessons.indexOf(lesson);
  const previous = neighbourLesson(lesson.id, -1);
  const next = neighbourLesson(lesson.id, 1);
  return (
    <section className="panel lesson-panel" aria-label={w.lessonPanel(title)} data-testid="lesson-panel" data-prose={words ? 'loaded' : 'loading'}>
      <header className="lesson-head">
        <h2>
          <span className="lesson-count">{w.lessonCount(String(index + 1), String(lessons.length))}</span> {title}
        </h2>
        <nav className="lesson-nav" aria-label={w.lessonNav}>
          <button type="button" disabled={!previous} onClick={() => previous && actions.startLesson(previous.id)}>
            {w.lessonPrevious}
          </button>
          <button type="button" disabled={!next} onClick={() => next && actions.startLesson(next.id)}>
            {w.lessonNext}
          </button>
          <button type="button" className="icon" aria-label={w.lessonLeave} title={w.lessonLeaveTitle} onClick={() => actions.startLesson(null)}>
            ×
          </button>
        </nav>
      </header>
      <div className="lesson-body">
        <div className="lesson-text" data-testid="lesson-text" lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
          {words ? (
            <>
              {words.text.split('\n').map((p) => (
                <p key={p.slice(0, 24)}>{p}</p>
              ))}
              <p>
                <strong>{w.lessonWatch}</strong> {words.watch}
              </p>
              <p>
                <strong>{w.lessonThink}</strong> {words.question}
              </p>
              {prose?.source && <p className="fineprint">{w.lessonSource(prose.source)}</p>}
            </>
          ) : (
            <p className="fineprint">{w.lessonLoading}</p>
          )}
        </div>
        <div className="lesson-side">
          <div className="lesson-tries">
            {words &&
              lesson.tries.map((t, i) => (
                <button key={words.tries[i]} type="button" onClick={() => actions.tryThis(t.change)}>
                  {w.lessonTry(words.tries[i])}
                </button>
              ))}
            <button type="button" onClick={() => actions.startLesson(lesson.id)} title={w.lessonRestartTitle}>
              {w.lessonRestart}
            </button>
          </div>
          <Claims lesson={lesson} w={w} />
        </div>
      </div>
    </section>
  );
}

const selectSource = (s: PlaygroundState) => ({ runs: s.runs, target: s.session.target });

/** The numbers the text states, each beside what the page shows now (data-testid lesson-claim-i). */
function Claims({ lesson, w }: { lesson: LessonSpec; w: Words }) {
  // Read like the comparison table: a few updates a second are plenty to read.
  const { runs, target } = useThrottled(selectSource, 200);
  const constraint = useMemo(() => resolveTargetInfo(target)?.constraint, [target]);
  const snapshots = runs.map((r) => r.snapshot);
  return (
    <table className="lesson-claims">
      <caption>{w.claimsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{w.claimsReadout}</th>
          <th scope="col">{w.claimsText}</th>
          <th scope="col">{w.claimsPage}</th>
        </tr>
      </thead>
      <tbody>
        {lesson.claims.map((c, i) => {
          const value = readClaim(c, { snapshots, targetParams: target.params, constraint });
          const holds = claimHolds(c, value);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a lesson's claims are a fixed list
            <tr key={i}>
              <th scope="row">{claimLabel(c, runs.length, w)}</th>
              <td>{claimStated(c, w)}</td>
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
