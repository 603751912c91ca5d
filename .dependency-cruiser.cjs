/**
 * Imports point down (DESIGN.md "Layout"), checked by `npm run lint:deps` (part of `npm run check`).
 *
 * LAYERS runs from the top down. A module may import its own layer and any layer below it,
 * never one above; a module in no layer is refused (add the folder to a layer first). Every
 * feature is its own layer, so two features never import each other both ways. Cycles are
 * refused between modules too, type-only imports included (tsPreCompilationDeps). A feature's
 * `*.doc.ts` is private to its folder (`doc-private`): other features read the owner through its
 * service methods, typed with its public `*.types.ts` (CONTRIBUTING.md "Each collection has one
 * owner").
 *
 * Paths are relative to the folder depcruise runs in (the repository root, or the fixture of
 * tests/unit/architecture/dependency-rules.test.ts).
 */
const LAYERS = [
  { name: 'entry', path: '^src/(main\\.ts$|cli/)' },
  // the seed runner and the command-line runtime: compose services, then call features
  { name: 'seed', path: '^src/seed/' },
  { name: 'server', path: '^src/server/' },
  // features, in dependency order
  { name: 'ranking', path: '^src/ranking/' },
  { name: 'rostering', path: '^src/rostering/' },
  { name: 'staffing', path: '^src/staffing/' },
  { name: 'forecasting', path: '^src/forecasting/' },
  { name: 'holidays', path: '^src/holidays/' },
  { name: 'volumes', path: '^src/volumes/' },
  { name: 'staff', path: '^src/staff/' },
  { name: 'channels', path: '^src/channels/' },
  // download routes declare their access rule (auth's roles) and are offered by features
  { name: 'export', path: '^src/export/' },
  // users, roles and the request's viewer: every feature checks access with them
  { name: 'auth', path: '^src/auth/' },
  // infrastructure
  { name: 'import', path: '^src/import/' },
  { name: 'jobs', path: '^src/jobs/' },
  { name: 'events', path: '^src/events/' },
  { name: 'workers', path: '^src/workers/' },
  // configuration is parsed (with common's validators) and logged once at start
  { name: 'config', path: '^src/(config|logger)\\.ts$' },
  { name: 'common', path: '^src/common/' },
  { name: 'store', path: '^src/store/' },
  { name: 'root', path: '^src/(errors|paths|time-slicer|version)\\.ts$' },
];

/** The one module of src/ that may read seeds/ (demo data and generators). */
const SEED_DATA_LOADER = '^src/seed/seed-data\\.ts$';

const upwardRules = LAYERS.slice(1).map((layer, i) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `${layer.name} may import only itself and the layers below it (.dependency-cruiser.cjs LAYERS)`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(0, i + 1).map((above) => `(${above.path})`).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Imports point down: no cycle, not even through an `import type`',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upwardRules,
    {
      name: 'no-unlayered-module',
      comment: 'Every module of src/ belongs to a layer of .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map((l) => `(${l.path})`).join('|') },
      to: {},
    },
    {
      name: 'pure-core',
      comment: 'A *.core.ts is pure (STYLE 3): no GraphQL, store, events, jobs, workers or Node I/O',
      severity: 'error',
      from: { path: '\\.core\\.ts$' },
      to: {
        path: [
          '^src/(server|store|events|jobs|workers)/',
          '^node_modules/(graphql|type-graphql|@apollo|mongodb|ioredis|bullmq|express|piscina)/',
          '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|dgram|tls)$',
        ],
      },
    },
    {
      name: 'doc-private',
      comment: 'A *.doc.ts is private to its feature: others read the owner through its services, typed by its *.types.ts',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '\\.doc\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'seeds-through-loader',
      comment: `src/ reads seeds/ only through ${SEED_DATA_LOADER}`,
      severity: 'error',
      from: { path: '^src/', pathNot: SEED_DATA_LOADER },
      to: { path: '^seeds/' },
    },
    {
      name: 'seeds-import-low-layers',
      comment: 'seed data and generators may use pure helpers, never the seed runner, server or CLI',
      severity: 'error',
      from: { path: '^seeds/' },
      to: { path: '^src/(main\\.ts$|cli/|seed/|server/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(node_modules|dist)/' },
    reporterOptions: {
      dot: {
        collapsePattern: '^(src/[^/]+/|src/[^/]+\\.ts$|seeds/)',
        theme: { graph: { rankdir: 'TB', splines: 'ortho' } },
      },
    },
  },
};
