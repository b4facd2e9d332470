import { describe, expect, it } from 'vitest';
import { ntfyLinks } from './ntfy';

describe('ntfy links', () => {
  it('builds the https link and the app deep link from the server and topic', () => {
    expect(ntfyLinks('https://ntfy.sh/', 'cl-abc123')).toEqual({ https: 'https://ntfy.sh/cl-abc123', app: 'ntfy://ntfy.sh/cl-abc123' });
    expect(ntfyLinks('http://10.0.0.5:8080', 't')).toEqual({ https: 'http://10.0.0.5:8080/t', app: 'ntfy://10.0.0.5:8080/t' });
  });
});
