/** Any JSON value, as it travels between states. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object. Keys such as `__proto__` are ordinary keys here (build with `Object.create(null)` or define). */
export interface JsonObject {
  [key: string]: JsonValue;
}
