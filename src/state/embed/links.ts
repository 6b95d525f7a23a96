import type { SessionConfig } from '../../core/session';
import { DEFAULT_VIEW } from '../store';
import { formatHash } from '../url';

/**
 * The full playground (index.html beside embed.html) with this session: the embed's "open in
 * the full playground" link and the `url` of its `state` events. The view keys (hide, origin,
 * autoplay) stay behind: they are the embed's, not the session's.
 */
export function fullPlaygroundLink(session: SessionConfig, base: string = window.location.href): string {
  return new URL(`./${formatHash(session, DEFAULT_VIEW)}`, base).href;
}
