/**
 * The model's stated assumptions: where public documentation of the real router is silent,
 * this is what the emulator does. Shown in the app's help, in every report and by
 * `srlab assumptions`. `source: 'spec'` items come from the model contract (ssr-model.md);
 * `source: 'engine'` items are decisions the engine had to make where the contract is thin.
 */
export interface Assumption {
  id: string;
  /** Section of ssr-model.md it belongs to. */
  section: string;
  title: string;
  text: string;
  /** A scenario setting that changes it, if any. */
  knob?: string;
  source: 'spec' | 'engine';
}

/** Every assumption, in model order. */
export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'metadata-sizes',
    section: '§3',
    source: 'spec',
    title: 'Metadata sizes',
    text: 'Metadata header 12 bytes; session metadata 100 bytes in all; a session-health-check attribute 5 bytes (17 when it is the only attribute); a generated control packet (enable-metadata, acknowledgement, disable-forward-metadata) 60 bytes on the wire. BFD packets are counted as 60 bytes too.',
  },
  {
    id: 'disable-forward-rate',
    section: '§3',
    source: 'spec',
    title: 'disable-forward-metadata rate',
    text: 'A side that keeps receiving metadata with nothing to send back (one-way traffic) generates at most one disable-forward-metadata per session per 100 ms. It sends one when a second metadata-carrying packet arrives with no packet sent back in between; the reverse metadata that completes a handshake is not counted, however many packets follow it in one burst. Whoever receives disable-forward-metadata stops adding metadata on that hop.',
  },
  {
    id: 'either-direction-rebuild',
    section: '§3',
    source: 'spec',
    title: 'Sessions rebuild from metadata in either direction',
    text: 'Session metadata carries both the forward and reverse keys, so a router that receives it on an unknown outer tuple creates the session whichever direction the packet travels. A session with the same inner tuple is replaced only when it was learned from that same peer on that side; a session this router opened, or learned from its other side, is kept and re-attached. A router in the middle of a path that rebuilds a session from one side opens a new hop only towards the side whose state it lost, once, and never tears down a session it learned from another peer.',
  },
  {
    id: 'handshake-by-direction',
    section: '§3',
    source: 'spec',
    title: 'Metadata handshake, by direction',
    text: 'Forward packets (client to server) carry session metadata until a reverse packet arrives with metadata; reverse packets carry metadata until a forward packet arrives without it: the absence of metadata is the acknowledgement. Stated by direction rather than by who opened the hop, it completes even when both ends re-open a hop at once (after a restart seen by BFD, or both ends losing state).',
  },
  {
    id: 're-attach',
    section: '§3',
    source: 'engine',
    title: 'Re-attaching a hop re-opened on another tuple',
    text: "When the two ends of a hop re-open it at once, each may pick its own outer tuple. A side that is still announcing its own tuple (its metadata is on the way) keeps sending on it and also answers to the peer's, so the peer learns it; a side whose tuple the peer evidently lost (the peer re-opened on a tuple of its own) sends on the peer's tuple from then on and still answers to its old one. A side answers to at most four extra tuples; all of them go when the session does. Outside a NAT, metadata on the same wayport from a new public port is taken as the NAT rebinding: the side moves to the new port.",
  },
  {
    id: 'wayport-allocation',
    section: '§3',
    source: 'engine',
    title: 'Wayport allocation',
    text: 'Towards each peer a router hands out wayport pairs it has never used first, then freed ones oldest first, so a pair a peer may still hold for an old session comes back as late as possible. A pair named by metadata the router learns a session from (a hop it once opened itself) is taken off the free list while that session lives. The allocation survives session-loss and node-restart.',
  },
  {
    id: 'misdelivery',
    section: '§3',
    source: 'spec',
    title: 'Delivery is end to end',
    text: 'Routers translate by outer tuple. A stale tuple that now belongs to another session carries a packet into that session (and possibly to another host): it counts as lost, cause misdelivered, at the host it reached, and the session that sent it is in outage.',
  },
  {
    id: 'session-timeouts',
    section: '§3',
    source: 'spec',
    knob: 'authority.sessionTimeouts',
    title: 'Session timeouts',
    text: 'Idle sessions expire after TCP 1 900 s (10 s before the first reply) and UDP 180 s.',
  },
  {
    id: 'health-check-ack-timeout',
    section: '§4.4',
    source: 'spec',
    knob: 'authority.healthCheckAckTimeoutMs',
    title: 'Health-check acknowledgement deadline',
    text: 'A session-health-check must be acknowledged within 1 000 ms; otherwise session-health-check-timeout counts.',
  },
  {
    id: 'probe-rides-real-packet',
    section: '§4.4',
    source: 'spec',
    title: 'Probes ride real packets',
    text: 'No packet is generated just to probe: the health-check attribute is added to the next real packet of the session sent to the silent peer. A session with no traffic at all is never probed.',
  },
  {
    id: 'only-ack-settles',
    section: '§4.4',
    source: 'spec',
    title: 'Only an acknowledgement or enable-metadata settles a check',
    text: 'Ordinary packets from the peer do not clear an outstanding health check.',
  },
  { id: 'check-backoff', section: '§4.4', source: 'spec', title: 'After a timeout', text: 'The next health check may go out no sooner than inactivity-timeout after the one that timed out.' },
  {
    id: 'per-router-override',
    section: '§4.4',
    source: 'engine',
    title: 'Per-router recovery settings',
    text: 'The real product configures session-recovery-detection once per authority. Per-router overrides exist here only for what-if work (a half-upgraded network, a mixed configuration). A router older than 6.1.0 always behaves as packet-based and never probes or acknowledges.',
  },
  {
    id: 'no-other-path',
    section: '§4.5',
    source: 'spec',
    title: 'No other path',
    text: 'When BFD marks a path down and no other path reaches the destination, the router keeps using the path it has. New sessions likewise use the best path that is down when none is up.',
  },
  {
    id: 'loop-free-alternates',
    section: '§2',
    source: 'engine',
    title: 'Loop-free next hops',
    text: 'A router chooses among neighbours closer to the destination than itself (by configured latencies) only, so a failover never sends a session back the way it came. An alternative that is farther away, as in a ring, is not used.',
  },
  {
    id: 'bfd-timing',
    section: '§4.5',
    source: 'engine',
    knob: 'authority.bfd',
    title: 'BFD detection timing',
    text: 'Each router checks its peer paths at its own transmit ticks, so a path is declared down between multiplier×interval and (multiplier+1)×interval after the last packet heard, and up at the first tick after the hold-down. A restarted router starts with every path down and brings each up after the hold-down once it hears the peer.',
  },
  {
    id: 'stuck-pinhole',
    section: '§4.6',
    source: 'engine',
    title: 'Stuck pinhole sessions',
    text: "A hub-side (NAT outside) pinhole session is stuck when a health check on it timed out; every packet arriving from the hub's LAN side for it counts reverse-packets-for-stuck-pinhole-session until an acknowledgement or enable-metadata settles it. A pinhole session replaced by a newer one from the same peer is removed rather than kept as stuck (the spec allows both): the newer session holds the same inner tuple, so LAN packets find the newer one, and counting them against the old one would count healthy traffic.",
  },
  {
    id: 'nat-binding',
    section: '§2',
    source: 'engine',
    knob: 'links[].nat.bindingTimeoutMs',
    title: 'NAT bindings and pinholes',
    text: "A binding is created and refreshed by outbound packets only (from the inside router) and forgotten after bindingTimeoutMs without outbound traffic or at a nat-rebind; inbound packets for a forgotten binding are dropped (loss cause nat). The outside router opens a new hop across the NAT only through the pinhole the inside router's BFD keeps open: it sends to the public address and port of that BFD binding, and the inside router answers from its BFD port. Before the first BFD packet there is no way in (loss cause no-flow at the outside router).",
  },
  {
    id: 'links-fifo',
    section: '§2',
    source: 'engine',
    title: 'Links keep packet order',
    text: 'Jitter is drawn uniformly in ±jitter around the latency, but a link never reorders packets: a packet never arrives before the one sent ahead of it. Packets in flight when a link goes down are lost on arrival.',
  },
  {
    id: 'control-budget',
    section: '§6',
    source: 'spec',
    knob: 'authority.controlPacketsPerSec',
    title: 'Control-packet budget',
    text: "Each router generates at most controlPacketsPerSec control packets per second (token bucket holding one second's worth). When empty, generation fails: session-health-check-buffer-allocation for acknowledgements and enable-metadata answering a probe; emulator/enable-metadata-buffer-allocation and emulator/disable-forward-metadata-buffer-allocation for the others.",
  },
  {
    id: 'scanner',
    section: '§4.2',
    source: 'engine',
    title: 'Scanners',
    text: "A scan sends probes from outside addresses (never a node's or a NAT's) to random wayports of the target router's WAN side. A packet-based router answers each with enable-metadata (exposure, the behaviour scanners flag); an inactivity-based router drops them silently. A router whose every peer path is behind NAT has no public address: the probes meet the NAT first and end there unless they hit a live binding.",
  },
  {
    id: 'tcp-model',
    section: '§5',
    source: 'engine',
    title: 'TCP behaviour',
    text: 'Request-response over TCP: one request outstanding at a time, retransmitted after 1 s doubling up to 60 s; nothing back within appTimeoutMs of the first unanswered request ⇒ the application gives up and reconnects from a new source port. Streams over TCP keep their rate; the receiver acknowledges every second packet and the client gives up when no acknowledgement (or, downstream, no data) arrives for appTimeoutMs. The server stops sending for a session its client gave up.',
  },
  {
    id: 'session-start',
    section: '§5',
    source: 'engine',
    title: 'Session start times',
    text: 'The sessions of a traffic definition start at random offsets spread over one request interval or packet period (at most 1 s) after startMs, so they do not all send at the same instant.',
  },
  {
    id: 'outage',
    section: '§7',
    source: 'engine',
    title: 'Outage measurement',
    text: 'An outage runs from the send time of the first application packet lost to the delivery of the next packet sent after it in the same direction; when both directions are affected, until both have recovered. An outage still open at the end of the run counts up to the end, and the session counts as failed.',
  },
  {
    id: 'recovered-by',
    section: '§7',
    source: 'engine',
    title: 'Recovered-by attribution',
    text: "The first mechanism that acts during an outage is credited (enable-metadata answering a plain packet: packet-based; answering a probe: health-check; a peer's new BFD epoch: bfd; moving to another path: failover). Re-creating the session from metadata the opener was still sending is credited as metadata only when nothing else acted. An outage that healed without any of these (packets lost in transit, a link that came back) counts as none. recoveredBy counts only affected sessions.",
  },
  {
    id: 'exposure',
    section: '§4.2',
    source: 'engine',
    title: 'Exposure',
    text: 'Exposure counts enable-metadata answers to packets of no live session: scanner probes, and packets of a session that every router has let go and whose application has ended. Answering a packet of a session the application still runs is recovery, never exposure, even when no router holds that session any more. Summaries split exposure into scanner and lost-session; enable-metadata is also counted by what it answered (a plain packet, a health check, a scanner probe).',
  },
  {
    id: 'series-links',
    section: '§7',
    source: 'engine',
    title: 'Per-link series',
    text: 'Per-link throughput and utilisation series are kept for at most 256 links (WAN links first) to bound memory; utilisation is the busier direction against the link bandwidth.',
  },
];
