/**
 * The one place the look is set. Keys are NutUI theme variables in camelCase; ConfigProvider turns them into
 * CSS variables (`nutuiColorPrimary` → `--nutui-color-primary`) on the page root, and our own styles read the
 * `--yz-*` ones. Party-building red with gold accents on white; body text never below 16px, so the pages stay
 * readable when WeChat's large-font setting (关怀模式) scales them further.
 */
export const BRAND = {
  red: '#C8161D',
  redDeep: '#A01117',
  redLight: '#FCEDEE',
  gold: '#D4A437',
  goldLight: '#FFF7E0',
  ink: '#1F1F1F',
  text: '#3A3A3A',
  muted: '#6B6B6B',
  background: '#F7F4F2',
  white: '#FFFFFF',
} as const;

const PX_THEME_VARS: Record<string, string> = {
  nutuiColorPrimary: BRAND.red,
  nutuiColorPrimaryStop1: '#E0383E',
  nutuiColorPrimaryStop2: BRAND.red,
  nutuiColorPrimaryPressed: BRAND.redDeep,
  nutuiColorPrimaryIcon: BRAND.red,
  nutuiColorPrimaryLight: BRAND.redLight,
  nutuiColorTitle: BRAND.ink,
  nutuiColorText: BRAND.text,
  nutuiColorTextHelp: BRAND.muted,
  nutuiColorBackground: BRAND.background,
  nutuiFontSizeS: '14px',
  nutuiFontSizeBase: '16px',
  nutuiFontSizeL: '17px',
  nutuiFontSizeXl: '19px',
  nutuiCellTitleFontSize: '16px',
  nutuiCellDescriptionFontSize: '16px',
  nutuiButtonDefaultFontSize: '16px',
  nutuiButtonLargeFontSize: '18px',
  // NutUI's buttons are 32/40px high; 44px is the smallest target older residents hit reliably.
  nutuiButtonDefaultHeight: '44px',
  nutuiButtonLargeHeight: '48px',
  nutuiButtonDefaultPadding: '0px 16px',
  nutuiButtonNormalPadding: '0px 16px',
  nutuiCellLineHeight: '24px',
  nutuiCellDescriptionColor: BRAND.muted,
  nutuiCellGroupTitleColor: BRAND.muted,
  nutuiCellExtraFontSize: '16px',
  nutuiCellGroupTitleFontSize: '16px',
  nutuiTagFontSize: '14px',
  nutuiTagHeight: '24px',
  nutuiTagPadding: '0px 8px',
  nutuiTagBorderRadius: '4px',
  yzColorRed: BRAND.red,
  yzColorRedDeep: BRAND.redDeep,
  yzColorRedLight: BRAND.redLight,
  yzColorGold: BRAND.gold,
  yzColorGoldLight: BRAND.goldLight,
  yzColorInk: BRAND.ink,
  yzColorText: BRAND.text,
  yzColorMuted: BRAND.muted,
  yzColorBackground: BRAND.background,
};

/**
 * Taro's H5 runtime sets the root font size to 20px on a 375px-wide phone and turns our stylesheets' sizes into
 * rem; these variables are set inline, past that transform. In H5 they become rem too, so NutUI's text and
 * buttons grow with the root font size like the rest of the page (the large-font check scales it).
 */
const H5_ROOT_FONT_PX = 20;

function inRem(vars: Record<string, string>): Record<string, string> {
  const rem = (value: string) => value.replace(/(\d+(?:\.\d+)?)px/g, (_, n: string) => `${Number(n) / H5_ROOT_FONT_PX}rem`);
  return Object.fromEntries(Object.entries(vars).map(([key, value]) => [key, rem(value)]));
}

export const THEME_VARS: Record<string, string> = process.env.TARO_ENV === 'h5' ? inRem(PX_THEME_VARS) : PX_THEME_VARS;
