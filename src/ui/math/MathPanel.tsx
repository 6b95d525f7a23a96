import { lazy, Suspense, useState } from 'react';
import { useWords } from '../i18n/words';

const MathBody = lazy(() => import('./MathBody'));

/**
 * "The math": what run i computes, in TeX (docs/math.md#the-math-on-screen): the target's log p̃,
 * q with its current parameter values, the objective and the gradient estimator. Folded by
 * default; its content and KaTeX load when it is first opened (issue 9's page-JS budget).
 * `withGap` adds the log Z bar (the run cards of a comparison have no metrics panel to carry it).
 */
export function MathPanel({ run, withGap = false, className = 'panel math-panel' }: { run: number; withGap?: boolean; className?: string }) {
  const [open, setOpen] = useState(false);
  const w = useWords();
  return (
    <details className={className} data-testid={`math-${run}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{w.mathSummary}</summary>
      {open && (
        <Suspense fallback={<p className="fineprint">{w.mathLoading}</p>}>
          <MathBody run={run} withGap={withGap} />
        </Suspense>
      )}
    </details>
  );
}
