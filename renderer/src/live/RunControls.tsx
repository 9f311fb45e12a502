/** STUB — owned by the live-run helper. */
export function RunControls() {
  return null;
}
