/** STUB — owned by the live-run helper. */
export function LivePanels() {
  return null;
}
