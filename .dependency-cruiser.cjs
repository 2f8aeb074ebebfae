/**
 * The layering the code keeps (docs/ARCHITECTURE.md, "Layers"), checked by `npm run check`:
 *   index.ts -> app.ts -> server/ -> services.ts -> domain folders -> auth/ db/ lib/
 * Imports run downwards only; no import circles, type-only ones included. The explorer page
 * (explorer/) stands apart: it reaches the registry over HTTP only.
 */
const DOMAINS =
  '(provider|credential|skill|job-role|learner|pathway|analytics|standards|search|registry|import)';
const TOP = '^src/(index|app|services)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: the layers no longer read from the top down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-not-to-server',
      severity: 'error',
      comment:
        'A domain imports the server. The request Context is a leaf type (src/context.ts) below the domains.',
      from: { path: `^src/${DOMAINS}/` },
      to: { path: '^src/server/' },
    },
    {
      name: 'domain-not-to-top',
      severity: 'error',
      comment:
        'A domain imports the boot code or the composition root (the import CLI is an entry point).',
      from: { path: `^src/${DOMAINS}/`, pathNot: '^src/import/cli[.]ts$' },
      to: { path: TOP },
    },
    {
      name: 'server-not-to-boot',
      severity: 'error',
      comment: 'The server imports the boot code; only types of the composition root are allowed.',
      from: { path: '^src/server/' },
      to: { path: TOP, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ground-floor-stays-down',
      severity: 'error',
      comment:
        'auth/, db/ and lib/ are the ground floor: they never import a domain or the server.',
      from: { path: '^src/(auth|db|lib)/' },
      to: { path: [`^src/${DOMAINS}/`, '^src/server/', TOP, '^src/context[.]ts$'] },
    },
    {
      name: 'context-is-a-leaf',
      severity: 'error',
      comment:
        'src/context.ts is the request Context every resolver names: it imports only the ground floor.',
      from: { path: '^src/context[.]ts$' },
      to: { path: [`^src/${DOMAINS}/`, '^src/server/', TOP] },
    },
    {
      name: 'lib-is-the-bottom',
      severity: 'error',
      comment: 'lib/ holds small helpers that depend on nothing else of the registry.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'db-below-auth',
      severity: 'error',
      comment: 'db/ runs queries; it knows nothing of keys and viewers.',
      from: { path: '^src/db/' },
      to: { path: '^src/auth/' },
    },
    {
      name: 'src-not-to-tools',
      severity: 'error',
      comment: 'The registry never imports its tests or benchmark.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'explorer-uses-the-public-api',
      severity: 'error',
      comment:
        'The explorer page talks to the registry through its public GraphQL API only; it never imports the server code.',
      from: { path: '^explorer/' },
      to: { path: '^(src|seed|bench|test)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
