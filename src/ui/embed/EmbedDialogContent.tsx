import { usePlayground } from '../../state/store';
import { formatHash } from '../../state/url';
import { EmbedPreview } from './EmbedPreview';
import { EmbedOptions } from './EmbedOptions';
import { choicesOf, type EmbedForm } from './embedForm';
import { embedSnippets } from './embedSnippets';
import { SnippetBox } from './SnippetBox';

/** The current configuration's snippets, live: the store's session as the link writes it. */
export default function EmbedDialogContent(props: { form: EmbedForm; onChange: (form: EmbedForm) => void }) {
  const { form, onChange } = props;
  const session = usePlayground((s) => s.session);
  const view = usePlayground((s) => s.view);
  const choices = choicesOf(form);
  // Cheap strings: this renders only when the session or a choice changes, not per snapshot.
  const snippets = embedSnippets(formatHash(session, view), choices, new URL('.', window.location.href));
  return (
    <div className="embed-dialog-grid">
      <EmbedOptions form={form} onChange={onChange} />
      <div className="embed-dialog-main">
        <EmbedPreview url={snippets.url} width={choices.width} height={choices.height} />
        <div className="embed-snippets">
          <SnippetBox
            label="iframe"
            copyLabel="Copy the iframe snippet"
            hint="Works anywhere HTML is allowed; the height stays as set."
            text={snippets.iframe}
          />
          <SnippetBox
            label="<vi-playground> element"
            copyLabel="Copy the element snippet"
            hint="One script line; the frame then follows its content's height."
            text={snippets.element}
          />
        </div>
      </div>
    </div>
  );
}
