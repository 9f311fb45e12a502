/**
 * The model, rule by rule (engine/MODEL.md, the same text the README points to), shown on the
 * Assumptions page behind a disclosure so the assumptions stay one click away.
 */
import { useMemo } from 'react';
import { marked } from 'marked';
// The engine's model document (text, not code), bundled as a string by Vite.
// eslint-disable-next-line import-x/no-restricted-paths -- a document, not the engine's code
import modelText from '../../../engine/MODEL.md?raw';

/** The rendered model document. Its source is our own file, shipped with the app. */
export function ModelRules() {
  const html = useMemo(() => marked.parse(modelText, { async: false }), []);
  return (
    <details className="model-rules">
      <summary>The model, rule by rule (what the engine does, section by section)</summary>
      <div className="model-text" dangerouslySetInnerHTML={{ __html: html }} />
    </details>
  );
}
