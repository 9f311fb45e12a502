/**
 * The app's theme colours for charts, read from the CSS variables (app.css) so charts follow
 * light/dark with the rest of the app; re-read when the OS switches.
 */
import { useEffect, useState } from 'react';

/** Colours a chart needs. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  panel: string;
  danger: string;
  isDark: boolean;
}

const FALLBACK: ChartTheme = { text: '#1c2230', muted: '#5b6577', border: '#d9dde3', panel: '#ffffff', danger: '#c0392b', isDark: false };

function readTheme(): ChartTheme {
  if (typeof window === 'undefined' || typeof getComputedStyle !== 'function') return FALLBACK;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, dflt: string) => css.getPropertyValue(name).trim() || dflt;
  const isDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    text: v('--text', FALLBACK.text),
    muted: v('--muted', FALLBACK.muted),
    border: v('--border', FALLBACK.border),
    panel: v('--panel', FALLBACK.panel),
    danger: v('--danger', FALLBACK.danger),
    isDark,
  };
}

/** The current chart theme. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setTheme(readTheme());
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return theme;
}
