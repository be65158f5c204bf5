/** Replaced at bundle time from package.json; the fallback serves runs from source. */
declare const __QFI_VERSION__: string | undefined;
export const qfiVersion: string = typeof __QFI_VERSION__ === 'string' ? __QFI_VERSION__ : '0.0.0-dev';
