/** The chart's canvas colours from the page's theme variables (theme.css), re-read when
 * lib/theme.ts switches `data-theme` on <html>: a canvas cannot use CSS variables itself. */
import { useEffect, useState } from 'react';

export interface ChartColours {
  background: string;
  text: string;
  grid: string;
  border: string;
}

const DARK: ChartColours = { background: '#0d1117', text: '#9aa4b2', grid: '#161b22', border: '#21262d' };

function readColours(): ChartColours {
  if (typeof document === 'undefined') return DARK;
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--bg', DARK.background),
    text: read('--muted', DARK.text),
    grid: read('--bg-2', DARK.grid),
    border: read('--line', DARK.border),
  };
}

function same(a: ChartColours, b: ChartColours): boolean {
  return a.background === b.background && a.text === b.text && a.grid === b.grid && a.border === b.border;
}

export function useChartColours(): ChartColours {
  const [colours, setColours] = useState(readColours);
  useEffect(() => {
    const observer = new MutationObserver(() => {
      const next = readColours();
      setColours((current) => (same(current, next) ? current : next));
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => observer.disconnect();
  }, []);
  return colours;
}
