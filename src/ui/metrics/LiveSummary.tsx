import { findFamilyInfo } from '../../core/families/registry';
import { type PlaygroundState, selectStep } from '../../state/store';
import { formatCount, formatValue } from '../format';
import { type CatalogueWords, useCatalogueWords } from '../i18n/catalogue';
import { type Words, useWords } from '../i18n/words';
import { useThrottled } from '../useThrottled';

/** How often a screen reader hears the fit's progress: often enough to follow, never a flood. */
const SUMMARY_MS = 8000;

interface SummaryRun {
  readonly family: string;
  readonly kl: number | null;
}

interface Summary {
  readonly step: number;
  readonly playing: boolean;
  readonly runs: readonly SummaryRun[];
}

function summaryOf(s: PlaygroundState): Summary {
  return {
    step: selectStep(s),
    playing: s.playing,
    runs: s.runs.map((r, i) => ({ family: s.session.runs[i]?.family.id ?? '', kl: r.snapshot?.klQP ?? null })),
  };
}

function sentence(x: Summary, w: Words, cat: CatalogueWords): string {
  if (x.step === 0) return '';
  const runs = x.runs.map((r, i) => {
    const kl = r.kl === null || !Number.isFinite(r.kl) ? w.summaryUnknown : w.summaryKl(formatValue(r.kl));
    const family = findFamilyInfo(r.family);
    return `${x.runs.length > 1 ? `${w.runN(i + 1)}, ` : ''}${family ? cat.familyName(family) : r.family}: ${kl}`;
  });
  return `${w.summaryAt(x.playing ? w.summaryRunning : w.summaryPaused, formatCount(x.step))} ${runs.join('; ')}.`;
}

/**
 * The read-outs for a screen reader: one polite sentence at most every few seconds (the visible
 * numbers change 30 times a second and are not live regions, or they would never stop talking).
 */
export function LiveSummary() {
  const summary = useThrottled(summaryOf, SUMMARY_MS);
  const w = useWords();
  const cat = useCatalogueWords();
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="live-summary">
      {sentence(summary, w, cat)}
    </p>
  );
}
