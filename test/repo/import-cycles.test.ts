import { describe, expect, it } from 'vitest';
import { cycles, importGraph, sourceFiles } from './import-graph.ts';

const graph = importGraph(sourceFiles(['engine', 'electron', 'renderer/src', 'build', 'test']));

describe('import graph', () => {
  it('has no import cycles anywhere in the tree (counting `import type` and re-exports)', () => {
    const found = cycles(graph);
    expect(found, `import cycles:\n${found.map((c) => `  ${c.join(' ↔ ')}`).join('\n')}`).toEqual([]);
  });

  it('finds cycles, including type-only ones and ones through re-exports', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    expect(graph.get('engine/index.ts')).toContain('engine/contract/api.ts'); // `export * from`
    expect(graph.get('renderer/src/store/context.tsx')).toContain('renderer/src/store/index.ts'); // `import type`
  });
});
