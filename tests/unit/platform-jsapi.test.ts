/** The JS-SDK permission signature against the documented example (WeCom doc 90506 / the WeChat JS-SDK appendix). */
import { describe, expect, it } from 'vitest';
import { jsapiSignature } from '../../server/modules/platforms/protocol/crypto.js';

describe('jsapiSignature', () => {
  const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

  it('gives the documented signature for the documented ticket, nonce, timestamp and URL', () => {
    expect(jsapiSignature(ticket, 'Wm3WZYTPz0wzccnW', 1414587457, 'http://mp.weixin.qq.com?params=value')).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('signs the URL without its #fragment, and any other input changes it', () => {
    const base = jsapiSignature(ticket, 'Wm3WZYTPz0wzccnW', '1414587457', 'http://mp.weixin.qq.com?params=value');
    expect(jsapiSignature(ticket, 'Wm3WZYTPz0wzccnW', '1414587457', 'http://mp.weixin.qq.com?params=value#/sidebar')).toBe(base);
    expect(jsapiSignature(ticket, 'Wm3WZYTPz0wzccnX', '1414587457', 'http://mp.weixin.qq.com?params=value')).not.toBe(base);
    expect(jsapiSignature(`${ticket}x`, 'Wm3WZYTPz0wzccnW', '1414587457', 'http://mp.weixin.qq.com?params=value')).not.toBe(base);
  });
});
