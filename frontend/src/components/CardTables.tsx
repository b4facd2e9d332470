import { useEffect } from 'react';

/** Tables with at least this many columns become cards on a phone (phone.css); narrower ones fit. */
const CARD_COLUMNS = 4;

/** Copies each column's header text onto its cells as data-label, which phone.css shows beside
 * the value when the table is a card, and marks the table with data-cards. */
export function labelTable(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])].map((cell) => ({
    text: (cell.textContent ?? '').trim(),
    span: cell.colSpan || 1,
  }));
  const labels = headers.flatMap((header) => Array.from({ length: header.span }, () => header.text));
  if (labels.length < CARD_COLUMNS) {
    table.removeAttribute('data-cards');
    return;
  }
  table.setAttribute('data-cards', '');
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const label = labels[column] ?? '';
        if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
        column += cell.colSpan || 1;
      }
    }
  }
}

/** Labels every `.table` under #main, again whenever React changes rows (a MutationObserver on
 * child lists only, so the labels it writes do not wake it). */
export function CardTables() {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    let frame = 0;
    const run = () => {
      frame = 0;
      for (const table of main.querySelectorAll<HTMLTableElement>('table.table')) labelTable(table);
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(run);
    });
    observer.observe(main, { childList: true, subtree: true });
    run();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  return null;
}
