import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCHEMA_FILE, schemaSdl } from '../server/schema-sdl';

/** `schema.cli --write` emits schema/schema.graphql; `--check` exits 1 when it is stale. */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { write: { type: 'boolean' }, check: { type: 'boolean' } } });
  if (!values.write && !values.check) {
    console.error('usage: schema.cli --write | --check');
    return 2;
  }
  const file = path.resolve(SCHEMA_FILE);
  const sdl = await schemaSdl();
  if (values.write) {
    fs.writeFileSync(file, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
    return 0;
  }
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== sdl) {
    console.error(`${SCHEMA_FILE} is stale: run \`npm run schema:emit\` and commit it`);
    return 1;
  }
  console.log(`${SCHEMA_FILE} is current`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
