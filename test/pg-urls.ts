/** Helpers shared by the vitest globalSetup and the per-file test databases (Postgres mode). */

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Only names we generate ourselves reach SQL, but quote them anyway. */
export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name) || name.length > 63) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

/** Per-file databases are named `<template>_f<random>`, so the teardown can find and drop them all. */
export function fileDatabasePrefix(template: string): string {
  return `${template}_f`;
}
