import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs/minimal';

/**
 * The `wx.openApi` protobuf messages, taken from wx-server-sdk itself rather than re-derived: the
 * published package ships them only as the protobufjs static module `src/protobuf/openapi.js` inside
 * its webpack bundle (no .proto file), so we cut that module out of `index.js` and evaluate it against
 * our protobufjs/minimal, with a private `roots` so it cannot collide with other protobuf users.
 */
export interface KeyValuePair {
  key: string;
  value: Uint8Array;
  contenttype: string;
  filename: string;
}

export interface CommApiDataMessage {
  apiType: number;
  openapiData?: { pairs: KeyValuePair[] } | null;
  appid: string;
}

export interface CommOpenApiRespFields {
  respData: Uint8Array;
  contentType: string;
  errorCode: number;
  httpCode: number;
}

interface StaticMessage<T> {
  decode(data: Uint8Array): T;
  encode(message: Partial<T>): { finish(): Uint8Array };
}

export interface OpenApiSchema {
  CommApiData: StaticMessage<CommApiDataMessage> & { ApiType: Record<string, number> };
  CommOpenApiResp: StaticMessage<CommOpenApiRespFields>;
}

const MODULE_START = '"./src/protobuf/openapi.js":';
const CODE_START = '// Common aliases';
const CODE_END = 'module.exports = $root;';

export function extractSchemaSource(bundle: string): string {
  const moduleAt = bundle.indexOf(MODULE_START);
  const start = bundle.indexOf(CODE_START, moduleAt);
  const end = bundle.indexOf(CODE_END, start);
  if (moduleAt < 0 || start < 0 || end < 0) throw new Error('wx-server-sdk no longer bundles src/protobuf/openapi.js where expected');
  return bundle.slice(start, end);
}

let cached: OpenApiSchema | undefined;

export function openApiSchema(): OpenApiSchema {
  if (cached) return cached;
  const bundle = readFileSync(require.resolve('wx-server-sdk'), 'utf8');
  const source = extractSchemaSource(bundle);
  const isolated = { ...protobuf, roots: {} as Record<string, unknown> };
  // The source is generated protobufjs code from the pinned SDK (4.0.2); evaluating it is how that
  // package itself uses it. new Function keeps it out of our module scope.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate, as said above
  const factory = new Function('$protobuf', `${source}\nreturn $root;`) as (pb: typeof isolated) => OpenApiSchema;
  cached = factory(isolated);
  return cached;
}
