import { englishNoteWords } from '../../../core/flatNotes';
import { englishNoticeWords } from '../../../words/notices';
import { englishProblemWords } from '../../../words/problems';

/**
 * English words for the notices' texts: the link reader's notes, the rules' problems, the
 * engine's messages (docs/i18n.md). They are the tables the CLI and the embed API speak with
 * (core/flatNotes.ts, src/words/), so the page and they say the same thing in English.
 */
export const enNotices = { ...englishNoteWords, ...englishProblemWords, ...englishNoticeWords };
