/** STUB — owned by the design helper. */
export function DesignToolbar() {
  return null;
}
