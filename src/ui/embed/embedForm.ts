import { type EmbedChoices, clampHeight, clampWidth, DEFAULT_CHOICES } from './embedSnippets';
import type { HidePart } from '../../state/embed/embedApi';

/**
 * The Embed dialog's form as typed (kept across openings by EmbedButton): sizes stay text while
 * the author types ("6" on the way to "640"), and are read through the clamps, then written back
 * clamped when the field is left.
 */
export interface EmbedForm {
  readonly hide: readonly HidePart[];
  readonly autoplay: boolean;
  readonly fixedWidth: boolean;
  readonly widthText: string;
  readonly heightText: string;
}

export const DEFAULT_FORM: EmbedForm = {
  hide: DEFAULT_CHOICES.hide,
  autoplay: DEFAULT_CHOICES.autoplay,
  fixedWidth: false,
  widthText: '640',
  heightText: String(DEFAULT_CHOICES.height),
};

export const choicesOf = (form: EmbedForm): EmbedChoices => ({
  hide: form.hide,
  autoplay: form.autoplay,
  width: form.fixedWidth ? clampWidth(Number(form.widthText)) : '100%',
  height: clampHeight(Number(form.heightText)),
});

/** Which parts to hide, whether it starts by itself, and its size. */
