import { AUDIT_ACTION_LABELS, inChina, userHandle } from '@yanzhen/domain';

export { userHandle };

/** `2025-11-25 14:03` in China time, whatever the device's zone; empty for a missing time. */
export const formatTime = (value: string | Date | null | undefined): string => (value ? inChina(value).format('YYYY-MM-DD HH:mm') : '');

/** The audited operations admins filter by, with the words they would use. */
export const AUDIT_OPERATIONS: { key: string; label: string }[] = Object.entries(AUDIT_ACTION_LABELS).map(([key, label]) => ({ key, label }));
