/**
 * Space runs or pauses the lab. Not while the user types (inputs, selects, text areas, editable
 * text) and not on a focused button, link or tab, where Space already means "press this".
 */
import { useEffect } from 'react';
import { useRunActions } from './useRunActions.ts';

const OWN_SPACE = 'input, select, textarea, button, a[href], summary, [contenteditable=""], [contenteditable="true"], [role="tab"], [role="button"], [role="checkbox"], [role="option"]';

/** Whether a key event's target uses Space itself. */
export function isSpaceTaken(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWN_SPACE) !== null;
}

/** Installs the Space shortcut for the app's lifetime. */
export function useRunShortcuts(): void {
  const actions = useRunActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'Space' && e.key !== ' ') return;
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (isSpaceTaken(e.target)) return;
      e.preventDefault();
      void actions.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
