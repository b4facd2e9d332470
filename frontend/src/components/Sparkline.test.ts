import { describe, expect, it } from 'vitest';
import { sparklinePath } from './Sparkline';

describe('sparklinePath', () => {
  it('starts at 0 and spaces the points evenly across the width', () => {
    const { coords, zero } = sparklinePath(
      [
        [1_000, 1],
        [9_000, 3],
      ],
      104,
      24,
    );
    expect(coords.map(([x]) => x)).toEqual([2, 52, 102]);
    // All at or above 0: the zero line is the bottom edge, the highest point the top.
    expect(zero).toBe(22);
    expect(coords[0]?.[1]).toBe(22);
    expect(coords[2]?.[1]).toBe(2);
  });
  it('draws a single outcome as a segment from 0', () => {
    const { coords, zero } = sparklinePath([[5, -1]], 96, 24);
    expect(coords).toHaveLength(2);
    expect(zero).toBe(2);
    expect(coords[1]?.[1]).toBe(22);
  });
});
