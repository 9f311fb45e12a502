/** STUB — owned by the design helper. */
export function useDesignShortcuts() {
  return null;
}
