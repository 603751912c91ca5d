import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_FILE, schemaSdl } from '../../../src/server/schema-sdl';

describe('schema/schema.graphql', () => {
  it('is the SDL the code emits (run `npm run schema:emit` when this fails)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../..', SCHEMA_FILE), 'utf8');
    expect(committed).toBe(await schemaSdl());
  });
});
