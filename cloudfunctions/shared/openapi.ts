import { cloud } from './cloud';

/**
 * The WeChat open APIs the functions call (cloud call, 云调用), typed: the SDK declares `cloud.openapi` as
 * `Record<string, any>`, so a misspelt API or a missing field would otherwise reach WeChat unnoticed.
 * Answers stay `unknown`: each caller reads only the fields it checks.
 */
export interface OpenApi {
  security: {
    msgSecCheck(req: { openid: string; scene: 1 | 2 | 3 | 4; version: 2; content: string }): Promise<unknown>;
    mediaCheckAsync(req: { mediaUrl?: string; mediaType: 1 | 2; version: 2; scene: 1 | 2 | 3 | 4; openid: string }): Promise<unknown>;
  };
  wxacode: {
    getUnlimited(req: { scene: string; page?: string; checkPath?: boolean; width?: number }): Promise<unknown>;
  };
}

/** `cloud.openapi`, read when called (the SDK builds it on `init`), through the typed view above. */
export const openapi = (): OpenApi => cloud.openapi as OpenApi;
