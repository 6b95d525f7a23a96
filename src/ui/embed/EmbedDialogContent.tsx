import { usePlayground } from '../../state/store';
import { useWords } from '../i18n/words';
import { formatHash } from '../../state/url';
import { EmbedPreview } from './EmbedPreview';
import { EmbedOptions } from './EmbedOptions';
import { DEFAULT_FORM, choicesOf, type EmbedForm } from './embedForm';
import { embedSnippets } from './embedSnippets';
import { SnippetBox } from './SnippetBox';

/** The current configuration's snippets, live: the store's session as the link writes it. */
export default function EmbedDialogContent(props: { form: EmbedForm | null; onChange: (form: EmbedForm) => void }) {
  const form = props.form ?? DEFAULT_FORM;
  const { onChange } = props;
  const session = usePlayground((s) => s.session);
  const view = usePlayground((s) => s.view);
  const w = useWords();
  const choices = choicesOf(form);
  // Cheap strings: this renders only when the session or a choice changes, not per snapshot.
  const snippets = embedSnippets(formatHash(session, view), choices, new URL('.', window.location.href));
  return (
    <div className="embed-dialog-grid">
      <EmbedOptions form={form} onChange={onChange} />
      <div className="embed-dialog-main">
        <EmbedPreview url={snippets.url} width={choices.width} height={choices.height} />
        <div className="embed-snippets">
          <SnippetBox label={w.embedIframe} copyLabel={w.embedIframeCopy} hint={w.embedIframeHint} text={snippets.iframe} />
          <SnippetBox label={w.embedElement} copyLabel={w.embedElementCopy} hint={w.embedElementHint} text={snippets.element} />
        </div>
      </div>
    </div>
  );
}
