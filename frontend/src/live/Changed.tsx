/** List rows that light up for a few seconds when the stream brought them (live/highlights.ts). */
import type { ReactNode } from 'react';
import { changedProps, useChangedUntil } from './highlights';
import './live.css';

export function ChangedLi({ changeKey, children }: { changeKey: string; children: ReactNode }) {
  const { className, ...data } = changedProps(useChangedUntil(changeKey));
  return (
    <li className={className.trim() || undefined} {...data}>
      {children}
    </li>
  );
}

export function ChangedTr({ changeKey, children }: { changeKey: string; children: ReactNode }) {
  const { className, ...data } = changedProps(useChangedUntil(changeKey));
  return (
    <tr className={className.trim() || undefined} {...data}>
      {children}
    </tr>
  );
}
