import { api } from '../../api/client';
import { SDK_SCRIPTS, type ClientPlatform } from './sdkScripts';

export { SDK_SCRIPTS, type ClientPlatform };

/**
 * The platforms' JS-SDKs, loaded only when the page runs inside their client (told by the user agent) — in a plain
 * browser nothing is fetched and the pages use their URL parameters. Documents followed: WeCom JS-SDK (doc 90514:
 * wx.config + wx.agentConfig, then wx.invoke('getCurExternalContact'), 2024-03), DingTalk JSAPI
 * (dd.runtime.permission.requestAuthCode, 2024-05), Feishu H5 JS-SDK (window.h5sdk.ready + tt.requestAuthCode,
 * 2024-06). The server's CSP allows exactly these script hosts.
 */

export function clientPlatform(userAgent = navigator.userAgent): ClientPlatform | null {
  if (/wxwork/i.test(userAgent)) return 'wecom';
  if (/DingTalk/i.test(userAgent)) return 'dingtalk';
  if (/Lark|Feishu/i.test(userAgent)) return 'feishu';
  return null;
}


const loading = new Map<string, Promise<void>>();

function loadScript(src: string): Promise<void> {
  let p = loading.get(src);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.async = false;
      el.onload = () => resolve();
      el.onerror = () => reject(new Error(`script ${src} did not load`));
      document.head.appendChild(el);
    });
    loading.set(src, p);
  }
  return p;
}

async function loadSdk(platform: ClientPlatform): Promise<boolean> {
  try {
    // In order: jwxwork extends the wx object of jweixin.
    for (const src of SDK_SCRIPTS[platform]) await loadScript(src);
    return true;
  } catch {
    return false;
  }
}

/** A client call that never answers (an old client, a denied permission) must not hold the page: null after a while. */
function withTimeout<T>(work: (resolve: (v: T | null) => void) => void, ms = 8000): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    try {
      work((v) => {
        clearTimeout(timer);
        resolve(v);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

interface Sdks {
  wx?: {
    config(c: Record<string, unknown>): void;
    agentConfig(c: Record<string, unknown>): void;
    invoke(name: string, args: Record<string, unknown>, cb: (res: { err_msg?: string; userId?: string }) => void): void;
    error?(cb: () => void): void;
  };
  dd?: { runtime: { permission: { requestAuthCode(o: { corpId: string; onSuccess(r: { code: string }): void; onFail(e: unknown): void }): void } } };
  h5sdk?: { ready(cb: () => void): void; error?(cb: (e: unknown) => void): void };
  tt?: { requestAuthCode(o: { appId: string; success(r: { code: string }): void; fail(e: unknown): void }): void };
}
const sdks = () => window as unknown as Sdks;

/** The 免登 code of the member using the DingTalk / Feishu client (corp id / app id of the connection); null otherwise. */
export async function inClientAuthCode(platform: ClientPlatform, clientId: string): Promise<string | null> {
  if (platform === 'wecom' || !clientId || !(await loadSdk(platform))) return null;
  if (platform === 'dingtalk') {
    return withTimeout<string>((done) => sdks().dd!.runtime.permission.requestAuthCode({ corpId: clientId, onSuccess: (r) => done(r.code), onFail: () => done(null) }));
  }
  return withTimeout<string>((done) => sdks().h5sdk!.ready(() => sdks().tt!.requestAuthCode({ appId: clientId, success: (r) => done(r.code), fail: () => done(null) })));
}

interface JsapiConfig {
  corpId: string;
  agentId: string;
  config: { timestamp: number; nonceStr: string; signature: string };
  agentConfig: { timestamp: number; nonceStr: string; signature: string };
}

/**
 * The external contact the WeCom sidebar is open on (getCurExternalContact, needs the app's agentConfig signed by the
 * server for this page); null outside WeCom or when the client says no.
 */
export async function currentExternalContact(connectionId: string): Promise<string | null> {
  if (clientPlatform() !== 'wecom' || !(await loadSdk('wecom'))) return null;
  let cfg: JsapiConfig;
  try {
    cfg = await api.get<JsapiConfig>(`/api/platforms/${connectionId}/jsapi-config`, { url: window.location.href.split('#')[0] });
  } catch {
    return null;
  }
  const wx = sdks().wx;
  if (!wx) return null;
  const jsApiList = ['getCurExternalContact'];
  return withTimeout<string>((done) => {
    wx.config({ beta: true, debug: false, appId: cfg.corpId, ...cfg.config, jsApiList });
    wx.agentConfig({
      corpid: cfg.corpId,
      agentid: cfg.agentId,
      ...cfg.agentConfig,
      jsApiList,
      success: () => wx.invoke('getCurExternalContact', {}, (res) => done(res.err_msg === 'getCurExternalContact:ok' && res.userId ? res.userId : null)),
      fail: () => done(null),
    });
  });
}
