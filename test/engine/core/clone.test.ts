import { describe, expect, it } from 'vitest';
import { FrozenGraph } from '../../../engine/core/clone.ts';

class Node {
  next: Node | null = null;
  seen = new Set<Node>();
  constructor(
    readonly id: number,
    public weight: number,
  ) {}
  label(): string {
    return `n${this.id}`;
  }
}

class Graph {
  nodes: Node[] = [];
  byKey = new Map<string | Node, Node | number>();
  times = new Float64Array([1.5, 2.5]);
  input: { name: string };
  constructor(input: { name: string }) {
    this.input = input;
  }
}

function build(): Graph {
  const input = { name: 'shared input' };
  const g = new Graph(input);
  const a = new Node(1, 0.5);
  const b = new Node(2, 1.5);
  a.next = b;
  b.next = a; // a cycle
  a.seen.add(b);
  g.nodes.push(a, b, a); // a shared reference
  g.byKey.set('a', a).set(b, 7).set('count', 2);
  return g;
}

describe('world copies', () => {
  for (const [name, copy] of [
    ['FrozenGraph.thaw', (g: Graph, shared: Set<object>) => new FrozenGraph(g, { shared }).thaw()],
    ['FrozenGraph.thaw of a graph it owns', (g: Graph, shared: Set<object>) => new FrozenGraph(g, { shared }, true).thaw()],
  ] as const) {
    it(`${name} copies every object once, keeping cycles, shared references, classes, maps, sets and typed arrays`, () => {
      const g = build();
      const c = copy(g, new Set([g.input]));
      expect(c).not.toBe(g);
      expect(c).toBeInstanceOf(Graph);
      const [a, b, a2] = c.nodes;
      expect(a).toBeInstanceOf(Node);
      expect(a).not.toBe(g.nodes[0]);
      expect(a2).toBe(a);
      expect(a!.next).toBe(b);
      expect(b!.next).toBe(a);
      expect([...a!.seen]).toEqual([b]);
      expect(a!.label()).toBe('n1');
      expect(c.byKey.get('a')).toBe(a);
      expect(c.byKey.get(b!)).toBe(7);
      expect([...c.byKey.keys()]).toEqual(['a', b, 'count']);
      expect(c.times).not.toBe(g.times);
      expect([...c.times]).toEqual([1.5, 2.5]);
      expect(c.input).toBe(g.input);
    });
  }

  it('thaws independent copies as often as asked, unchanged by changes to the original or to other copies', () => {
    const g = build();
    const frozen = new FrozenGraph(g);
    const first = frozen.thaw();
    first.nodes[0]!.weight = 99;
    first.times[0] = 99;
    first.byKey.set('extra', 1);
    g.nodes[1]!.weight = 42;
    g.nodes.push(new Node(3, 0));
    const second = frozen.thaw();
    expect(second.nodes.map((n) => n.weight)).toEqual([0.5, 1.5, 0.5]);
    expect(second.times[0]).toBe(1.5);
    expect(second.byKey.has('extra')).toBe(false);
    expect(second.nodes[0]).not.toBe(first.nodes[0]);
  });
});
