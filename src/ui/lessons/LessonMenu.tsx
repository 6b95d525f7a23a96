import { lessons } from '../../core/lessons/registry';
import { actions } from '../../state/controller';
import { usePlayground } from '../../state/store';

/** The lesson menu in the top bar: picking one loads its configuration (docs/lessons.md). */
export function LessonMenu() {
  const lesson = usePlayground((s) => s.view.lesson);
  return (
    <label className="lesson-menu">
      <span className="visually-hidden">Lesson</span>
      <select aria-label="lesson" value={lesson ?? ''} onChange={(e) => actions.startLesson(e.currentTarget.value || null)}>
        <option value="">Lessons…</option>
        {lessons.map((l, i) => (
          <option key={l.id} value={l.id}>
            {i + 1}. {l.title}
          </option>
        ))}
      </select>
    </label>
  );
}
