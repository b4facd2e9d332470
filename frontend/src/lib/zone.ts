/** "UTC+1", "UTC-3:30" or "UTC": the zone's offset at `at`, as the chip beside times shows it. */
export function zoneOffsetLabel(zone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((item) => item.type === 'timeZoneName');
    // Engines differ on zero: "GMT" or "GMT+0".
    return (part?.value ?? 'GMT').replace(/^GMT([+-]0)?$/, 'GMT').replace(/^GMT/, 'UTC');
  } catch {
    return zone; // an unknown zone: show its name
  }
}
