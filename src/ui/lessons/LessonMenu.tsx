import { lessons } from '../../core/lessons/registry';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';
import { useLang, useWords } from '../i18n/words';

/** The lesson menu in the top bar: picking one loads its configuration (docs/lessons.md). Titles are in the specs, so it needs no fetch. */
export function LessonMenu() {
  const lesson = usePlayground((s) => s.view.lesson);
  const w = useWords();
  const lang = useLang();
  return (
    <label className="lesson-menu">
      <span className="visually-hidden">{w.lessonMenu}</span>
      <select aria-label={w.lessonMenuLabel} value={lesson ?? ''} onChange={(e) => actions.startLesson(e.currentTarget.value || null)}>
        <option value="">{w.lessonMenuNone}</option>
        {lessons.map((l, i) => (
          <option key={l.id} value={l.id}>
            {i + 1}. {l.title[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
