import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { THEME_VARS } from '../theme';
import { ConfigProvider } from '../ui/nutui';
import { IdentitySwitcher } from './IdentitySwitcher';
import './PageShell.scss';

/**
 * Every page renders inside this shell: it applies the theme (NutUI and our own CSS variables) and, in the H5
 * preview only, the identity switcher that stands in for WeChat login.
 */
export function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  return (
    <ConfigProvider theme={THEME_VARS} direction='ltr' className='yz-shell'>
      {process.env.TARO_ENV === 'h5' ? <IdentitySwitcher /> : null}
      <View className={className ? `yz-page ${className}` : 'yz-page'}>{children}</View>
    </ConfigProvider>
  );
}
