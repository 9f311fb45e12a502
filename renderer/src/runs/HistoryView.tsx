/** STUB — owned by the live-run helper. */
export function HistoryView() {
  return null;
}
