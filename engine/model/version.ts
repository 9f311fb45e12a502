/** Whether a `MAJOR.MINOR.PATCH` version is 6.1.0 or later (the recovery feature's release). */
export function isAtLeast610(v: string): boolean {
  const [maj = 0, min = 0] = v.split('.').map((x) => Number.parseInt(x, 10) || 0);
  return maj > 6 || (maj === 6 && min >= 1);
}
