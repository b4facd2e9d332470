import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import './comfort.css';
import { ntfyLinks } from '../lib/ntfy';

/** The dark modules of a QR code as one SVG path (a 1-unit square per module). */
function qrPath(text: string): { size: number; path: string } {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (code.isDark(row, col)) path += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { size, path };
}

/** A QR code of the topic's https link (the ntfy app and any camera open it), with both links. */
export function NtfyQr({ server, topic }: { server: string; topic: string }) {
  const links = ntfyLinks(server, topic);
  const { size, path } = useMemo(() => qrPath(links.https), [links.https]);
  const margin = 2;
  const box = size + margin * 2;
  return (
    <div className="ntfy-qr" data-testid="ntfy-qr">
      <svg
        className="qr"
        viewBox={`${-margin} ${-margin} ${box} ${box}`}
        width={168}
        height={168}
        role="img"
        aria-label={`QR code of ${links.https}`}
        shapeRendering="crispEdges"
      >
        <rect x={-margin} y={-margin} width={box} height={box} fill="#ffffff" />
        <path d={path} fill="#000000" />
      </svg>
      <div className="ntfy-links">
        <a className="btn btn-primary" href={links.app} data-testid="ntfy-open-app">
          Open in ntfy
        </a>
        <a href={links.https} target="_blank" rel="noreferrer">
          {links.https}
        </a>
      </div>
    </div>
  );
}
