/** The topic's https link and the ntfy app's deep link (ntfy://host/topic subscribes in one tap). */
export function ntfyLinks(server: string, topic: string): { https: string; app: string } {
  const base = server.replace(/\/+$/, '');
  const host = base.replace(/^https?:\/\//, '');
  return { https: `${base}/${topic}`, app: `ntfy://${host}/${topic}` };
}
