/** STUB — owned by the design helper. */
export function Palette() {
  return null;
}
