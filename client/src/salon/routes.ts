/** Pages of the salon subpackage (app.config.ts); the home card, 我的 and the admin pages link here. */
export const SALON_LIST_PAGE = '/salon/list/index';
export const salonPageUrl = (salonId: string): string => `/salon/detail/index?id=${encodeURIComponent(salonId)}`;
/** S2's archive of past salons (minutes, photos, search). */
export const SALON_ARCHIVE_PAGE = '/salon/archive/index';
