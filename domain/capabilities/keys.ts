/**
 * What the stack's keys share on every cloud. Not a config key: the composition passes it to
 * every Keys component (program/platform.ts), which checks it against its cloud's range.
 */

/** Days between automatic key rotations: the one period inside every cloud's range as the
 * Keys components allow it (AWS KMS 90-2560, Azure Key Vault 14-90, Cloud KMS 2-90). */
export const KEY_ROTATION_DAYS = 90;
