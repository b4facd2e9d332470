import { describe, expect, it } from 'vitest';
import { zoneOffsetLabel } from './zone';

describe('zone offset label', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');

  it('names the offset from UTC, daylight saving included', () => {
    expect(zoneOffsetLabel('UTC', winter)).toBe('UTC');
    expect(zoneOffsetLabel('Europe/Berlin', winter)).toBe('UTC+1');
    expect(zoneOffsetLabel('Europe/Berlin', summer)).toBe('UTC+2');
    expect(zoneOffsetLabel('Asia/Tokyo', winter)).toBe('UTC+9');
    expect(zoneOffsetLabel('America/St_Johns', winter)).toBe('UTC-3:30');
  });

  it('falls back to the name for a zone the browser does not know', () => {
    expect(zoneOffsetLabel('Mars/Olympus', winter)).toBe('Mars/Olympus');
  });
});
