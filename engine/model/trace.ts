/** A control-plane or session event, for the event log (never every data packet). */
export interface TraceEvent {
  /** Virtual time, µs. */
  tUs: number;
  /** Node id where it happened. */
  node: string;
  /** What happened, e.g. `enable-metadata-sent`, `health-check-timeout`, `bfd-down`. */
  kind: string;
  /** Emulator session id (metrics only), -1 when none. */
  session: number;
  /** Packet attributes and the rule that fired. */
  detail: Record<string, string | number | boolean>;
}
