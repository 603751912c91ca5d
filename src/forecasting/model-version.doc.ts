import type { ModelDoc } from './forecast.doc';

/** A model version before the registry stores it: the document without the id and version it is given. */
export type NewModelVersion = Omit<ModelDoc, '_id' | 'version'>;
