/** STUB — owned by the live-run helper. */
export function CompareView() {
  return null;
}
