/**
 * Loads the office module once: the same API as the main module (its own `Dataset` class),
 * built with XLSX reading (`Dataset.fromXlsx`) and writing (`ds.toXlsx()`, `writeTables`).
 */
export function loadOffice(): Promise<typeof import('./index.js')>;
