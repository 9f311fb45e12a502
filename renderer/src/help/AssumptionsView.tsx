/** STUB — owned by the live-run helper. */
export function AssumptionsView() {
  return null;
}
