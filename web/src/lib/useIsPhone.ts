import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px): lists become card lists and wide controls compact (issue 15 point 11). */
export function useIsPhone(): boolean {
  return !Grid.useBreakpoint().md;
}
