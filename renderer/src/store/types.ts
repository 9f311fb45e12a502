/**
 * The store's shared types: every slice's state and actions, the whole state and the slice
 * creator type. Slices import their types from here (never from index.ts, which imports the
 * slices), so the store has no import cycle.
 */
import type { StateCreator } from 'zustand';
import type { Events, FaultType, LiveSnapshot, NodeKind, PacketDot, Position, RunRow, ScenarioInput, TraceEvent } from '../../../engine/index.ts';
import type { Cascade, DocFault, DocLink, DocNode, DocTraffic } from '../design/doc-model.ts';
import type { DocPath, Patch } from '../design/patch.ts';
import type { SeriesBuffer } from '../live/series-buffer.ts';

/** Everything the renderer keeps. */
export type LabState = GraphSlice & SelectionSlice & HistorySlice & UiSlice & SimSlice & RunsSlice & TravelSlice;

/** A slice creator over the whole state. */
export type Slice<T> = StateCreator<LabState, [], [], T>;

/** Changes to one entity's fields: a value sets a field, `undefined` removes it. */
export type FieldEdits<T> = T extends unknown ? { [K in keyof T]?: T[K] | undefined } : never;

/** The lab's own top-level fields (name, description, seed, durationMs, settings), not its lists. */
export type LabFields = Omit<ScenarioInput, 'format' | 'formatVersion' | 'nodes' | 'links' | 'traffic' | 'faults'>;

/** How an edit joins the undo history. */
export interface EditOptions {
  /** Edits with the same key coalesce into one undo step until `sealHistory()`. */
  key?: string;
}

/** Graph slice. */
export interface GraphSlice {
  doc: ScenarioInput;
  fileName: string | null;
  dirty: boolean;
  /** Counts loads (templates, files, New); 0 until the first. */
  docLoads: number;
  /** Bumped when the canvas should fit its view (a load, a layout). */
  fitViewSeq: number;
  /** Replaces the document; clears history and selection. */
  loadDoc(doc: ScenarioInput, fileName: string | null): void;
  /** An empty lab. */
  newLab(): void;
  /** The document was written to `fileName`: not dirty any more. */
  markSaved(fileName: string | null): void;
  /** The one mutation path. Returns false when the recipe changed nothing. */
  edit(recipe: (draft: ScenarioInput) => void, opts?: EditOptions): boolean;
  /** Sets (or, with undefined, removes) one field; emptied override objects go too. */
  setField(path: DocPath, value: unknown, opts?: EditOptions): void;
  addNode(kind: NodeKind, position?: Position): string;
  moveNodes(positions: Record<string, Position>, opts?: EditOptions): void;
  /** Deletes the selected nodes and links with their links, traffic and faults; tells the user. */
  deleteSelection(): Cascade | null;
  deleteItems(nodeIds: readonly string[], linkIds: readonly string[]): Cascade | null;
  /** Adds a link, or refuses with the reason (as an error notice) and returns null. */
  addLink(a: string, b: string): string | null;
  updateNode(id: string, fields: FieldEdits<DocNode>, opts?: EditOptions): void;
  updateLink(id: string, fields: FieldEdits<DocLink>, opts?: EditOptions): void;
  /** Top-level fields: name, description, seed, durationMs. */
  updateLab(fields: FieldEdits<LabFields>, opts?: EditOptions): void;
  addTraffic(): string | null;
  updateTraffic(id: string, fields: FieldEdits<DocTraffic>, opts?: EditOptions): void;
  deleteTraffic(id: string): void;
  addFault(type?: FaultType, atMs?: number): number | null;
  updateFault(index: number, fields: FieldEdits<DocFault>, opts?: EditOptions): void;
  /** Changes a fault's type, keeping its time and (where it fits) its target. */
  setFaultType(index: number, type: FaultType): void;
  deleteFault(index: number): void;
  copySelection(): void;
  paste(): void;
  /** Lays the lab out left to right (clients, spokes, hubs, servers) as one undo step. */
  autoLayout(): Promise<void>;
}

/** One undo step. */
export interface HistoryEntry {
  id: number;
  forward: Patch[];
  inverse: Patch[];
}

/** An open coalescing group: edits with this key merge into the top entry, measured from `base`. */
export interface OpenGroup {
  key: string;
  base: ScenarioInput;
}

/** History slice. */
export interface HistorySlice {
  /** The id the next undo step gets (ids are never reused within a store). */
  nextHistoryId: number;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  canUndo: boolean;
  canRedo: boolean;
  /** The entry id the saved file corresponds to (0: the document as loaded). */
  savedEntryId: number;
  historyGroup: OpenGroup | null;
  historyBatchKey: string | null;
  undo(): void;
  redo(): void;
  /** Closes the open group: the next edit starts a new undo step. */
  sealHistory(): void;
  /** Runs `fn`; every edit it makes becomes one undo step. */
  batch(fn: () => void): void;
  /** Forgets every step (after loading a document). */
  clearHistory(): void;
}

/** The inspector's tabs. */
export type InspectorTab = 'properties' | 'traffic' | 'faults' | 'objectives';

/** Copied nodes and the links among them. */
export interface Clipboard {
  nodes: DocNode[];
  links: DocLink[];
  /** How many times it was pasted (each paste lands a step further away). */
  pastes: number;
}

/** Selection slice. */
export interface SelectionSlice {
  selectedNodes: string[];
  selectedLinks: string[];
  /** Replaces the canvas selection (and shows its properties). */
  select(nodes: string[], links: string[]): void;
  clearSelection(): void;
  /** Id of the traffic definition open in the traffic editor. */
  selectedTraffic: string | null;
  selectTraffic(id: string | null): void;
  /** Index (into `doc.faults`) of the fault open in the fault editor. */
  selectedFault: number | null;
  selectFault(index: number | null): void;
  inspectorTab: InspectorTab;
  setInspectorTab(tab: InspectorTab): void;
  clipboard: Clipboard | null;
  /** The selection changes needed once `doc` replaces the document (drops what is gone). */
  pruneSelection(doc: ScenarioInput): Partial<LabState>;
}

/** A log entry with a sequence number (a stable key and selection id). */
export interface LogEntry extends TraceEvent {
  seq: number;
}

/** Sim slice. */
export interface SimSlice {
  /** The newest snapshot (its `counters` hold only that snapshot's changes; see liveCounters). */
  live: LiveSnapshot | null;
  /** Every router's counters so far: router → path → value. */
  liveCounters: Record<string, Record<string, number>>;
  /** When each counter last changed (performance.now() ms), to highlight it briefly. */
  counterChangedAt: Record<string, Record<string, number>>;
  liveSeries: SeriesBuffer;
  /** The newest {@link LOG_CAP} log entries, oldest first. */
  liveLog: LogEntry[];
  /** Entries the host or this ring dropped. */
  logDropped: number;
  /** Faults injected live into this run so far, in the order they were applied (for the charts' marks). */
  liveInjected: LiveSnapshot['injected'];
  /** The next log entry's sequence number (per store, so a fresh store starts at 1). */
  logSeq: number;
  lastEnded: Events['sim:ended'] | null;
  /**
   * The newest snapshot's packets in flight, grouped by link once per snapshot: each of the
   * canvas's edges reads its own group instead of filtering every packet on every update.
   */
  dotsByLink: Record<string, PacketDot[]>;
  /** The Seed field ('' = the scenario's own seed). */
  runSeed: string;
  runSpeed: number | 'max';
  /** A start/stop request is on its way (keeps the buttons from firing twice). */
  isBusy: boolean;
  /**
   * Who started the run shown: this window ('here'), another window or tab on the same host
   * ('elsewhere'; the run controls then act on that run), or nobody yet (null).
   */
  runOwner: 'here' | 'elsewhere' | null;
  /** This window asked for a run that has not sent its first snapshot yet. */
  isStartPending: boolean;
  /** Marks that this window is starting a run (its snapshots will be this window's). */
  setStartPending(isPending: boolean): void;
  /**
   * Joins a run already live: `full` is the host's whole picture of it (every counter and series
   * point, the log so far), `later` the snapshots that arrived while it was asked for.
   */
  joinLive(full: LiveSnapshot, later: readonly LiveSnapshot[], now?: number): void;
  applySnapshots(batch: readonly LiveSnapshot[], now?: number): void;
  /** Forgets the previous run's picture (a new run is starting). */
  resetLive(): void;
  /** Marks the state the host just confirmed (pause/resume answer before the next snapshot). */
  setLiveState(state: LiveSnapshot['state']): void;
  endLive(e: Events['sim:ended']): void;
  setRunSeed(seed: string): void;
  setRunSpeed(speed: number | 'max'): void;
  setBusy(isBusy: boolean): void;
}

/** Top-level views. */
export type View = 'lab' | 'history' | 'compare' | 'whatif' | 'assumptions' | 'timetravel';

/** A message shown to the user (errors, confirmations). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Details, e.g. one line per scenario problem. */
  lines?: string[];
}

/** UI slice. */
export interface UiSlice {
  view: View;
  setView(v: View): void;
  /** Assumption to scroll to when the assumptions view opens. */
  assumptionFocus: string | null;
  showAssumption(id: string | null): void;
  notices: Notice[];
  notify(kind: Notice['kind'], text: string, lines?: string[]): void;
  dismiss(id: number): void;
}

/** History's filters (applied to the list in the renderer). */
export interface RunsFilter {
  /** Text matched against scenario name, label and run id. */
  text: string;
  /** A run status, or '' for any. */
  status: string;
}

/** Runs slice. */
export interface RunsSlice {
  runs: RunRow[];
  runsFilter: RunsFilter;
  /** The run whose results are open in History (null: the list). */
  openRunId: string | null;
  /** Runs ticked for comparison, in the order ticked (the first is the baseline). */
  compareIds: string[];
  setRuns(runs: RunRow[]): void;
  setRunsFilter(f: Partial<RunsFilter>): void;
  openRun(id: string | null): void;
  toggleCompare(id: string): void;
  setCompareIds(ids: string[]): void;
}

/** The run time travel shows: the paused live run, or a stored run. */
export type TravelSource = { kind: 'live' } | { kind: 'run'; runId: string };

/** Travel slice. */
export interface TravelSlice {
  travel: TravelSource | null;
  /** Opens the time-travel view on a run. */
  openTravel(source: TravelSource): void;
  /** Back to where it was opened from (the lab, or the stored run's page). */
  closeTravel(): void;
}
