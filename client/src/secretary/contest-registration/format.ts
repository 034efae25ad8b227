import { inChina } from '@yanzhen/domain';

/** `11月29日` in China time: the days of a registration window. */
export const formatDay = (value: string | Date | null | undefined): string => (value ? inChina(value).format('M月D日') : '');
/** `11月29日 14:03` in China time. */
export const formatMoment = (value: string | Date | null | undefined): string => (value ? inChina(value).format('M月D日 HH:mm') : '');
