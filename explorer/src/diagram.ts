/**
 * Pathway diagrams: credentials as boxes, laid out by dagre (a layered graph layout), drawn as SVG.
 * Every box is a link to the credential's own view, so the diagram is walked by keyboard; the
 * views list the same facts as text beside it.
 */
import dagre from '@dagrejs/dagre';
import { h, s } from './dom';

export interface DiagramNode {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly href: string;
  /** Fill of the band on the left: the provider's colour. */
  readonly colour: string;
  /** The credential the diagram is about, drawn heavier. */
  readonly emphasis?: boolean;
  /** A short mark in the corner, e.g. the step number. */
  readonly badge?: string;
}

/** `prerequisite`: from must come before to. `part`: from is part of to. `order`: to comes next. */
export type EdgeKind = 'prerequisite' | 'part' | 'order';

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

const NODE_WIDTH = 230;
const NODE_HEIGHT = 82;
const LINE = 29;

/** Okabe and Ito's palette, told apart with most colour-vision deficiencies. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#8C6D1F',
  '#6A3D9A',
  '#F0E442',
  '#555555',
];

/** One colour per key (provider id), in the order keys are first asked for. */
export class Colours {
  private readonly given = new Map<string, string>();

  of(key: string): string {
    let colour = this.given.get(key);
    if (!colour) {
      colour = PALETTE[this.given.size % PALETTE.length] ?? 'currentColor';
      this.given.set(key, colour);
    }
    return colour;
  }
}

/**
 * Cuts a title into at most three lines of about `width` characters, at word ends; a longer title
 * ends in an ellipsis.
 */
function lines(text: string, width: number): string[] {
  const out: string[] = [''];
  for (const word of text.split(/\s+/)) {
    const current = out[out.length - 1] ?? '';
    if (current === '' || current.length + 1 + word.length <= width) {
      out[out.length - 1] = current === '' ? word : `${current} ${word}`;
    } else if (out.length < 3) {
      out.push(word);
    } else {
      out[2] = `${(out[2] ?? '').slice(0, width - 1)}…`;
      break;
    }
  }
  return out.map((line) => (line.length > width + 1 ? `${line.slice(0, width - 1)}…` : line));
}

function defs(): SVGElement {
  const marker = (id: string, shape: SVGElement) =>
    s(
      'marker',
      {
        id,
        viewBox: '0 0 12 12',
        refX: 11,
        refY: 6,
        markerWidth: 9,
        markerHeight: 9,
        orient: 'auto-start-reverse',
      },
      shape,
    );
  return s(
    'defs',
    {},
    marker(
      'arrow-prerequisite',
      s('path', { d: 'M0,0 L12,6 L0,12 z', class: 'head-prerequisite' }),
    ),
    marker('arrow-part', s('path', { d: 'M0,6 L6,0 L12,6 L6,12 z', class: 'head-part' })),
    marker('arrow-order', s('path', { d: 'M0,0 L12,6 L0,12', class: 'head-order' })),
  );
}

/**
 * Lays out and draws a diagram. `direction` is dagre's rankdir: TB puts the first step on top, BT
 * puts foundations at the bottom and what they stack into above.
 */
export function diagram(
  label: string,
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  direction: 'TB' | 'BT' | 'LR' = 'TB',
): HTMLElement {
  const graph = new dagre.graphlib.Graph<
    {
      rankdir: string;
      nodesep: number;
      ranksep: number;
      marginx: number;
      marginy: number;
      width?: number;
      height?: number;
    },
    { width: number; height: number; x: number; y: number },
    { weight: number; points?: { x: number; y: number }[] }
  >({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: 24, ranksep: 46, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({ weight: 1 }));
  for (const node of nodes)
    graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT, x: 0, y: 0 });
  for (const edge of edges) {
    // An order edge only places boxes; it weighs less so prerequisite arrows stay short.
    graph.setEdge(edge.from, edge.to, { weight: edge.kind === 'order' ? 1 : 2 }, edge.kind);
  }
  dagre.layout(graph);
  const { width = NODE_WIDTH, height = NODE_HEIGHT } = graph.graph();

  const drawnEdges = edges.map((edge) => {
    const points: { x: number; y: number }[] =
      graph.edge({ v: edge.from, w: edge.to, name: edge.kind })?.points ?? [];
    const d = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(' ');
    return s('path', {
      d,
      class: `edge edge-${edge.kind}`,
      'marker-end': `url(#arrow-${edge.kind})`,
      'data-from': edge.from,
      'data-to': edge.to,
      'data-kind': edge.kind,
    });
  });

  const drawnNodes = nodes.map((node) => {
    const box = graph.node(node.id);
    const x = box.x - NODE_WIDTH / 2;
    const y = box.y - NODE_HEIGHT / 2;
    // A numbered box keeps the top right corner for its number.
    const title = lines(node.title, node.badge ? LINE - 4 : LINE);
    const subtitle = node.subtitle.length > 34 ? `${node.subtitle.slice(0, 33)}…` : node.subtitle;
    // Named by exactly the text it shows (a title of over three lines is cut).
    const shown = [node.badge, ...title, subtitle].filter(Boolean).join(' ');
    return s(
      'a',
      {
        href: node.href,
        class: `node${node.emphasis ? ' node-start' : ''}`,
        'data-id': node.id,
        'aria-label': shown,
      },
      s('rect', { x, y, width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6, class: 'node-box' }),
      s('rect', {
        x,
        y,
        width: 9,
        height: NODE_HEIGHT,
        rx: 3,
        fill: node.colour,
        class: 'node-band',
      }),
      // One text, lines as tspans ending in a space, so the shown text reads as words in order.
      s(
        'text',
        {},
        node.badge
          ? s(
              'tspan',
              { x: x + NODE_WIDTH - 8, y: y + 16, class: 'node-badge', 'text-anchor': 'end' },
              `${node.badge} `,
            )
          : null,
        title.map((line, i) =>
          s('tspan', { x: x + 18, y: y + 20 + i * 17, class: 'node-title' }, `${line} `),
        ),
        s('tspan', { x: x + 18, y: y + NODE_HEIGHT - 9, class: 'node-subtitle' }, subtitle),
      ),
    );
  });

  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
      width: Math.ceil(width),
      class: 'diagram-svg',
      role: 'group',
      'aria-label': label,
    },
    defs(),
    s('g', { class: 'edges' }, drawnEdges),
    s('g', { class: 'nodes' }, drawnNodes),
  );
  return h('figure', { class: 'diagram' }, svg);
}

/** The key to a diagram: edge kinds present and providers' colours. */
export function legend(
  kinds: readonly EdgeKind[],
  providers: readonly { name: string; colour: string }[],
): HTMLElement {
  const kindText: Record<EdgeKind, string> = {
    prerequisite: 'solid arrow: prerequisite (take the first before the second)',
    part: 'dashed line with a diamond: part of (the first is part of the second)',
    order: 'thin line: the next step of the plan',
  };
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Key to the diagram' },
    kinds.map((kind) =>
      h(
        'li',
        {},
        h('span', { class: `swatch-edge swatch-${kind}`, 'aria-hidden': 'true' }),
        kindText[kind],
      ),
    ),
    providers.map((p) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = p.colour;
      return h('li', {}, swatch, p.name);
    }),
  );
}
