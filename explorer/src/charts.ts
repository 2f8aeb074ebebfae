/** Charts of distributions and shares, drawn as SVG; the views give the figures as tables too. */
import { h, num, percent, s } from './dom';
import { ticks } from './format';

export interface Distribution {
  n: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  cv: number | null;
}

/**
 * Where things go in a chart `width` wide: labels left of the rows, or above them when the chart is
 * narrow (a phone), so the text keeps its size instead of shrinking with the drawing.
 */
class Frame {
  readonly narrow: boolean;
  readonly left: number;
  readonly plot: number;
  readonly row: number;

  constructor(
    readonly width: number,
    readonly rows: number,
  ) {
    this.narrow = width < 520;
    this.left = this.narrow ? 10 : 200;
    this.plot = width - this.left - 24;
    this.row = this.narrow ? 46 : 34;
  }

  /** The vertical middle of row i's mark. */
  mid(i: number): number {
    return i * this.row + (this.narrow ? 31 : this.row / 2);
  }

  get axisTop(): number {
    return this.rows * this.row;
  }

  get height(): number {
    return this.axisTop + 30;
  }

  label(text: string, i: number): SVGElement {
    const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
    return this.narrow
      ? s('text', { x: this.left, y: i * this.row + 14, class: 'chart-label' }, shown)
      : s(
          'text',
          { x: this.left - 10, y: this.mid(i) + 4, 'text-anchor': 'end', class: 'chart-label' },
          shown.length > 24 ? `${shown.slice(0, 23)}…` : shown,
        );
  }
}

function axis(frame: Frame, scaleMax: number, unit: string): SVGElement {
  const x = (v: number) => frame.left + (v / scaleMax) * frame.plot;
  const top = frame.axisTop;
  const marks = ticks(scaleMax);
  return s(
    'g',
    { class: 'axis', 'aria-hidden': 'true' },
    s('line', { x1: frame.left, x2: frame.left + frame.plot, y1: top, y2: top }),
    // On a narrow chart every other tick is labelled, so the figures do not run together.
    marks.map((t, i) =>
      s(
        'g',
        {},
        s('line', { x1: x(t), x2: x(t), y1: top, y2: top + 5 }),
        frame.narrow && i % 2 === 1
          ? null
          : s('text', { x: x(t), y: top + 18, 'text-anchor': 'middle' }, num(t, 2)),
      ),
    ),
    s(
      'text',
      { x: frame.left + frame.plot, y: top + 29, 'text-anchor': 'end', class: 'axis-unit' },
      unit,
    ),
  );
}

function chart(
  frame: Frame,
  label: string,
  content: SVGElement[],
  axisMark: SVGElement,
): HTMLElement {
  return h(
    'figure',
    { class: 'chart' },
    s(
      'svg',
      {
        viewBox: `0 0 ${frame.width} ${frame.height}`,
        width: frame.width,
        role: 'img',
        'aria-label': label,
        class: 'chart-svg',
      },
      s('g', {}, content),
      axisMark,
    ),
    h('figcaption', {}, label),
  );
}

/**
 * One box plot per row (minimum, quartiles, median, maximum) on a shared axis from 0; rows without
 * figures say so. `width` is the width available, in CSS pixels.
 */
export function boxPlots(
  label: string,
  rows: readonly { label: string; stats: Distribution }[],
  unit: string,
  width: number,
): HTMLElement {
  const frame = new Frame(width, rows.length);
  const top = Math.max(1, ...rows.map((r) => r.stats.max ?? 0));
  // One far outlier would squeeze every box to a line: the axis then stops at twice the largest
  // third quartile, and longer whiskers end in an arrow labelled with their maximum.
  const cap = 2 * Math.max(0, ...rows.map((r) => r.stats.q3 ?? 0));
  const scaleMax = ticks(cap > 0 && top > cap ? cap : top).at(-1) ?? 1;
  const x = (v: number) => frame.left + (Math.min(v, scaleMax) / scaleMax) * frame.plot;
  const drawn = rows.map((row, i) => {
    const { min, q1, median, q3, max, n } = row.stats;
    const mid = frame.mid(i);
    if (median === null || min === null || max === null || q1 === null || q3 === null) {
      return s(
        'g',
        { class: 'row', 'data-label': row.label },
        s('title', {}, `${row.label}: no figures`),
        frame.label(row.label, i),
        s(
          'text',
          { x: frame.narrow ? frame.left : frame.left + 4, y: mid + 4, class: 'chart-empty' },
          'no figures',
        ),
      );
    }
    return s(
      'g',
      { class: 'row', 'data-label': row.label, 'data-median': median },
      s(
        'title',
        {},
        `${row.label}: ${n} credentials, median ${num(median)} ${unit}, from ${num(min)} to ${num(max)}`,
      ),
      frame.label(row.label, i),
      s('line', { x1: x(min), x2: x(max), y1: mid, y2: mid, class: 'whisker' }),
      s('line', { x1: x(min), x2: x(min), y1: mid - 7, y2: mid + 7, class: 'whisker' }),
      max > scaleMax
        ? [
            s('path', {
              d: `M${x(max) - 7},${mid - 5} L${x(max)},${mid} L${x(max) - 7},${mid + 5}`,
              class: 'whisker',
            }),
            s(
              'text',
              { x: x(max) - 10, y: mid - 8, 'text-anchor': 'end', class: 'chart-clipped' },
              `max ${num(max)}`,
            ),
          ]
        : s('line', { x1: x(max), x2: x(max), y1: mid - 7, y2: mid + 7, class: 'whisker' }),
      s('rect', {
        x: x(q1),
        y: mid - 9,
        width: Math.max(1.5, x(q3) - x(q1)),
        height: 18,
        class: 'box',
      }),
      s('line', { x1: x(median), x2: x(median), y1: mid - 9, y2: mid + 9, class: 'median' }),
    );
  });
  return chart(frame, label, drawn, axis(frame, scaleMax, unit));
}

/** One horizontal bar per row for a share 0..1. */
export function shareBars(
  label: string,
  rows: readonly { label: string; share: number }[],
  width: number,
): HTMLElement {
  const frame = new Frame(width, rows.length);
  const x = (v: number) => frame.left + v * frame.plot;
  const drawn = rows.map((row, i) => {
    const mid = frame.mid(i);
    return s(
      'g',
      { class: 'row', 'data-label': row.label, 'data-share': row.share },
      s('title', {}, `${row.label}: ${percent(row.share)}`),
      frame.label(row.label, i),
      s('rect', {
        x: frame.left,
        y: mid - 9,
        width: Math.max(1, x(row.share) - frame.left),
        height: 18,
        class: 'bar',
      }),
      // Long bars carry their figure inside, in white; short ones just after their end.
      row.share > 0.85
        ? s(
            'text',
            { x: x(row.share) - 6, y: mid + 4, 'text-anchor': 'end', class: 'bar-value inside' },
            percent(row.share),
          )
        : s('text', { x: x(row.share) + 6, y: mid + 4, class: 'bar-value' }, percent(row.share)),
    );
  });
  return chart(frame, label, drawn, axis(frame, 1, 'share'));
}
