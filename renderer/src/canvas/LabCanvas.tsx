/** STUB — owned by the design helper. */
export function LabCanvas() {
  return null;
}
