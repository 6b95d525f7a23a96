import { beforeEach, expect, test, vi } from 'vitest';
import { DEFAULT_VIEW, initialState, usePlayground } from '../store';
import { defaultSession } from '../../core/session';

// Play and Pause as the controller does them, without an engine: the store's flag only.
vi.mock('../controller', () => ({
  actions: {
    play: () => usePlayground.setState({ playing: true }),
    pause: () => usePlayground.setState({ playing: false }),
  },
}));
const { quietWhenUnseen } = await import('./quietWhenUnseen');

/** The browser's side: the newest IntersectionObserver, driven by hand, and the tab (a fresh one a test). */
let look: (inView: boolean) => void = () => undefined;
type Tab = EventTarget & { visibilityState: 'visible' | 'hidden' };
let tab: Tab;
vi.stubGlobal(
  'IntersectionObserver',
  class {
    constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
      look = (inView) => callback([{ isIntersecting: inView }]);
    }
    observe(): void {}
  },
);

const start = (autoplay: boolean) => {
  usePlayground.setState(initialState(defaultSession(), { ...DEFAULT_VIEW, autoplay }, []));
  return quietWhenUnseen({} as Element);
};
const playing = () => usePlayground.getState().playing;

beforeEach(() => {
  // An earlier test's intent listens to its own tab, not this one.
  tab = Object.assign(new EventTarget(), { visibilityState: 'visible' as const }) as Tab;
  vi.stubGlobal('document', tab);
});

test('autoplay=1 waits for the first look, and for the embed to be in view', () => {
  const intent = start(true);
  // Nothing is known to be seen before the browser's first answer: the play waits.
  expect([intent.playWhenSeen(), playing()]).toEqual([true, false]);
  look(false);
  expect([intent.playWhenSeen(), playing()]).toEqual([true, false]);
  look(true);
  expect([intent.playWhenSeen(), playing()]).toEqual([false, true]);
});

test('out of view it pauses and the play waits; a host’s play while unseen waits too; a Pause drops it', () => {
  const intent = start(false);
  look(true);
  expect(intent.playWhenSeen()).toBe(false);
  intent.play();
  look(false);
  expect([intent.playWhenSeen(), playing()]).toEqual([true, false]);
  intent.pause();
  expect(intent.playWhenSeen()).toBe(false);
  intent.play();
  expect([intent.playWhenSeen(), playing()]).toEqual([true, false]);
  look(true);
  expect([intent.playWhenSeen(), playing()]).toEqual([false, true]);
});

test('a hidden tab holds the play back until the tab is visible again', () => {
  const intent = start(false);
  look(true);
  intent.play();
  tab.visibilityState = 'hidden';
  tab.dispatchEvent(new Event('visibilitychange'));
  expect([intent.playWhenSeen(), playing()]).toEqual([true, false]);
  tab.visibilityState = 'visible';
  tab.dispatchEvent(new Event('visibilitychange'));
  expect([intent.playWhenSeen(), playing()]).toEqual([false, true]);
});
