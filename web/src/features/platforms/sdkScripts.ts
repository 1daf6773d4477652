/** The platforms' JS-SDK script URLs (the documented releases; the server's CSP allows exactly these hosts). Kept apart from clientSdk.ts so the browser tests can stub the same URLs. */
export type ClientPlatform = 'wecom' | 'dingtalk' | 'feishu';

export const SDK_SCRIPTS: Record<ClientPlatform, string[]> = {
  wecom: ['https://res.wx.qq.com/open/js/jweixin-1.2.0.js', 'https://open.work.weixin.qq.com/wwopen/js/jwxwork-1.0.0.js'],
  dingtalk: ['https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js'],
  feishu: ['https://lf1-cdn-tos.bytegoofy.com/goofy/lark/op/h5-js-sdk-1.5.26.js'],
};
