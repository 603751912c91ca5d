export * from './opening-hours-mask';
export * from './robust-stats';
export * from './volume-timestamp-parser';
export * from './volume-calendar';
export * from './volume-parser';
export * from './volume-summary';
export * from './volume.types';
export * from './volume.validation';
