/** Shapes shared by the emulator's services. Each service folder exports its `/admin` actions as a map. */

/** Parameters of one `/admin` request: the SDK's JSON body less transport fields. */
export type AdminParams = Record<string, unknown>;

export interface AdminRequest {
  action: string;
  params: AdminParams;
  /** Raw body for multipart requests (`wx.openApi`). */
  raw?: Buffer;
  contentType?: string;
  requestId: string;
}

/**
 * A handler answers the reply body the SDK expects (e.g. `{ data: { list } }`). It throws an
 * `EmulatorError` for a CloudBase error; the server turns that into `{ code, message, requestId }`.
 * A handler may return a `RawReply` when the answer is not JSON (protobuf for `wx.openApi`).
 */
/** Answers synchronously or with a promise (`unknown` covers both). */
export type AdminHandler = (req: AdminRequest) => unknown;

export interface RawReply {
  raw: true;
  status: number;
  contentType: string;
  body: Buffer;
}

export type AdminHandlers = Record<string, AdminHandler>;

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  dataDir: string;
  envId: string;
  /** Folder with one deployed function per subfolder (`index.js` + `package.json`). */
  functionsDir: string;
  /** Folder served at `/` (the H5 build); absent folder → a short notice. */
  staticDir: string;
  /** `cloudfunctions/database.json`: declared collections and indexes. */
  databaseSpecPath: string;
  /** `cloudbaserc.json`: per-function timeout etc. */
  functionsConfigPath: string;
  /** `emulator/local.env.json`: local values that override every function's `envVariables`. */
  localEnvPath: string;
  /** The mini-program's AppID that functions see as `APPID` (from project.config.json). */
  appId: string;
  /** Where function console output and emulator notices go (default: stdout/stderr). */
  log: LogSink;
}

/** One line of output: `source` is e.g. `user 1f2e…` for a function invocation. */
export type LogSink = (level: 'log' | 'info' | 'warn' | 'error' | 'debug', source: string, text: string) => void;

/** The caller of a function: who `cloud.getWXContext()` reports inside it. */
export interface CallerIdentity {
  openId: string;
  appId: string;
  unionId?: string;
  clientIp?: string;
  /** `TCB_SOURCE` seen by the function (`wx_client` for a user, `wx_server` for a call from a function). */
  source: string;
}
