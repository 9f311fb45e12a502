/**
 * The palette: the four node kinds — drag one onto the canvas, or press it (click, Enter or
 * Space) to add it at a free spot — and the templates shipped with the app.
 */
import type { DragEvent } from 'react';
import type { NodeKind } from '../../../engine/index.ts';
import { KIND_NAMES } from '../design/doc-model.ts';
import { useLab } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';
import { KIND_MIME } from './LabCanvas.tsx';
import { KindIcon } from './node-icons.tsx';
import { Templates } from './Templates.tsx';
import '../design.css';

const PALETTE: readonly NodeKind[] = ['client', 'spoke', 'hub', 'server'];

function onDragStart(kind: NodeKind, e: DragEvent) {
  e.dataTransfer.setData(KIND_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/** The palette column. */
export function Palette() {
  const addNode = useLab((s) => s.addNode);
  const isLocked = useLab((s) => isRunLive(s.live));
  return (
    <div className="palette-body">
      <h2 className="pane-title">Add to the lab</h2>
      <div className="palette-items">
        {PALETTE.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`palette-item kind-${kind}`}
            draggable={!isLocked}
            disabled={isLocked}
            onDragStart={(e) => onDragStart(kind, e)}
            onClick={() => addNode(kind)}
            title={isLocked ? 'Stop the run to edit the lab' : `Drag onto the canvas, or press to add a ${kind}`}
          >
            <span className="lab-node-icon">
              <KindIcon kind={kind} />
            </span>
            {KIND_NAMES[kind]}
          </button>
        ))}
      </div>
      <p className="pane-hint">Drag from a node's edge to another node to link them.</p>
      <Templates />
    </div>
  );
}
