/** What a phone may upload as a photo, before the server re-encodes it (client-safe: the picker checks it too). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
