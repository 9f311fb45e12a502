/** STUB — owned by the design helper. */
export function Inspector() {
  return null;
}
