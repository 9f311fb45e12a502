/**
 * Wall-clock pacing of a run (the engine core never reads a clock): how far virtual time may
 * advance in one tick at a given speed, within a work budget so the worker stays responsive.
 * When the engine cannot keep up, the pacer re-anchors instead of trying to catch up later.
 */
export class Pacer {
  private anchorWall = 0;
  private anchorVirtUs = 0;
  /** Virtual µs one tick may cover at "max" (adapts to the budget). */
  private chunkUs = 10_000;
  private histWall: number[] = [];
  private histVirt: number[] = [];

  constructor(
    public speed: number | 'max',
    /** Wall ms of engine work per tick. */
    readonly budgetMs = 35,
  ) {}

  /** Restarts the clock at (wall, virtual) — after a pause, a step or a speed change. */
  anchor(wallMs: number, virtUs: number): void {
    this.anchorWall = wallMs;
    this.anchorVirtUs = virtUs;
  }

  /** The virtual time to run to now. */
  target(wallMs: number, nowUs: number): number {
    if (this.speed === 'max') return nowUs + this.chunkUs;
    const wanted = this.anchorVirtUs + (wallMs - this.anchorWall) * 1000 * this.speed;
    return Math.max(nowUs, Math.min(wanted, nowUs + this.chunkUs * 4));
  }

  /** Feeds back how long running to the target took; adapts the chunk and re-anchors when behind. */
  done(startWall: number, endWall: number, nowUs: number): void {
    const spent = endWall - startWall;
    if (spent < this.budgetMs / 2) this.chunkUs = Math.min(this.chunkUs * 1.5, 3_600_000_000);
    else if (spent > this.budgetMs) this.chunkUs = Math.max(100, this.chunkUs / 2);
    if (this.speed !== 'max') {
      const wanted = this.anchorVirtUs + (endWall - this.anchorWall) * 1000 * this.speed;
      if (wanted - nowUs > 500_000 * this.speed) this.anchor(endWall, nowUs); // fell behind: do not race later
    }
    this.histWall.push(endWall);
    this.histVirt.push(nowUs);
    while (this.histWall.length > 2 && endWall - this.histWall[0]! > 1000) {
      this.histWall.shift();
      this.histVirt.shift();
    }
  }

  /** Virtual ÷ wall time over about the last second. */
  achieved(): number {
    const n = this.histWall.length;
    if (n < 2) return 0;
    const dw = this.histWall[n - 1]! - this.histWall[0]!;
    return dw > 0 ? (this.histVirt[n - 1]! - this.histVirt[0]!) / 1000 / dw : 0;
  }
}
