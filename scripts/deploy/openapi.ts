/**
 * Cloud-call (云调用) permissions. CloudBase lets a function call a WeChat open API only when its folder's
 * `config.json` lists the API under `permissions.openapi`; without it the call fails with -604101. The list is
 * derived from the bundle itself, so it cannot drift from the code: minification keeps property names, so a call
 * `….security.msgSecCheck(` survives as written.
 */
export const OPENAPI_NAMESPACES = [
  'security',
  'wxacode',
  'subscribeMessage',
  'customerServiceMessage',
  'uniformMessage',
  'templateMessage',
  'urlscheme',
  'urllink',
  'phonenumber',
  'wxaapi',
] as const;

const CALL = new RegExp(`\\.(${OPENAPI_NAMESPACES.join('|')})\\.([A-Za-z][A-Za-z0-9]*)\\s*\\(`, 'g');

/** The open APIs a bundle calls, as `namespace.method`, sorted. */
export function openApiCalls(bundle: string): string[] {
  const found = new Set<string>();
  for (const m of bundle.matchAll(CALL)) found.add(`${m[1]}.${m[2]}`);
  return [...found].sort();
}

/** The `config.json` a function folder carries to the cloud. */
export function functionConfigJson(apis: string[]): string {
  return `${JSON.stringify({ permissions: { openapi: apis } }, null, 2)}\n`;
}
