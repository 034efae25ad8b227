/**
 * Which secretary the page shows: `?sid=<secretaryId>` from a link or share card, or `scene` from a
 * mini-program code (`wxacode.getUnlimited` scene `sid=<id>`, which WeChat hands over URL-encoded).
 */
export function secretaryIdFrom(params: Record<string, string | undefined>): string | null {
  if (params.sid) return decodeURIComponent(params.sid);
  if (params.scene) {
    const scene = decodeURIComponent(params.scene);
    for (const pair of scene.split('&')) {
      const [key, value] = pair.split('=');
      if (key === 'sid' && value) return value;
    }
  }
  return null;
}
