/**
 * Keyboard shortcuts of the design view: Delete/Backspace deletes the selection (not while
 * typing), Ctrl/Cmd+Z undo, Ctrl/Cmd+Y and Ctrl/Cmd+Shift+Z redo, Ctrl/Cmd+S save,
 * Ctrl/Cmd+O open, Ctrl/Cmd+C and Ctrl/Cmd+V copy and paste nodes (not while typing).
 */
import { useEffect } from 'react';
import { openPicked, saveDoc } from '../design/doc-files.ts';
import { useLabStore } from '../store/context.tsx';

/** True when keys go to a text control (or a select) rather than the canvas. */
function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (t as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(type);
}

/** Installs the design shortcuts on the window. */
export function useDesignShortcuts(): void {
  const store = useLabStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      const s = store.getState();
      if (s.view !== 'lab') return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const typing = isTyping(e.target);
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        if (typing || s.selectedNodes.length + s.selectedLinks.length === 0) return;
        e.preventDefault();
        s.deleteSelection();
        return;
      }
      if (!mod) return;
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        // A field being typed in first gives its text back to the document (and seals its step).
        if (typing && e.target instanceof HTMLElement) e.target.blur();
        const redo = key === 'y' || (key === 'z' && e.shiftKey);
        if (redo) store.getState().redo();
        else store.getState().undo();
      } else if (key === 's') {
        e.preventDefault();
        void saveDoc(store);
      } else if (key === 'o') {
        e.preventDefault();
        void openPicked(store);
      } else if ((key === 'c' || key === 'v') && !typing && !hasTextSelection()) {
        e.preventDefault();
        if (key === 'c') s.copySelection();
        else s.paste();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

function hasTextSelection(): boolean {
  const sel = window.getSelection();
  return sel !== null && !sel.isCollapsed && sel.toString().length > 0;
}
