const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route params are user input: a malformed id is a 404, not a database error. */
export function isUuid(value: string) {
  return UUID.test(value);
}
