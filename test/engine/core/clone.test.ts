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

  it('copies typed arrays of every size and kind, views too, into copies that share nothing with the original or each other', () => {
    const backing = new Float64Array([9, 8, 7, 6]);
    const shared = new Int32Array([5, 6, 7]);
    const root = {
      odd: new Uint8Array([1, 2, 3]),
      doubles: new Float64Array([0.1, 0.2]),
      empty: new Int16Array(0),
      view: backing.subarray(1, 3), // a view at an offset of a bigger buffer
      twice: [shared, shared],
      floats: new Float32Array([1.5]),
      u32: new Uint32Array([2 ** 32 - 1]),
    };
    const frozen = new FrozenGraph(root);
    root.odd[0] = 100;
    backing[1] = 100;
    shared[0] = 100;
    const a = frozen.thaw();
    const b = frozen.thaw();
    for (const c of [a, b]) {
      expect(c.odd).toBeInstanceOf(Uint8Array);
      expect([...c.odd]).toEqual([1, 2, 3]);
      expect([...c.doubles]).toEqual([0.1, 0.2]);
      expect(c.empty).toBeInstanceOf(Int16Array);
      expect(c.empty.length).toBe(0);
      expect(c.view).toBeInstanceOf(Float64Array);
      expect([...c.view]).toEqual([8, 7]);
      expect(c.twice[0]).toBe(c.twice[1]);
      expect([...c.twice[0]!]).toEqual([5, 6, 7]);
      expect([...c.floats]).toEqual([1.5]);
      expect([...c.u32]).toEqual([2 ** 32 - 1]);
    }
    a.doubles[1] = -1;
    a.view[0] = -1;
    a.twice[0]![2] = -1;
    expect([...b.doubles]).toEqual([0.1, 0.2]);
    expect([...b.view]).toEqual([8, 7]);
    expect([...b.twice[1]!]).toEqual([5, 6, 7]);
    expect([...frozen.thaw().twice[1]!]).toEqual([5, 6, 7]);
    expect(backing[1]).toBe(100);
  });
});
