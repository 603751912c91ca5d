export * from './column-parsers';
export * from './row-errors';
export * from './row.validation';
export * from './table-reader';
export * from './table.types';
export * from './import-limits';
