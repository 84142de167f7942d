/** What a field helper returns when its field is absent: one shared empty object, as most fields are absent. */
export const ABSENT: Readonly<Record<string, never>> = Object.freeze({});
