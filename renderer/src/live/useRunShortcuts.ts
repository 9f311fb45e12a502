/** STUB — owned by the live-run helper. */
export function useRunShortcuts() {
  return null;
}
