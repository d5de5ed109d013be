// The HTTP and validation code (undici, zod) loads here, on the first request, not at activation.
// esbuild.mjs builds src/api/index.ts as its own file, dist/api.js, and points this import at it,
// so activation neither evaluates nor even parses it.
export type ApiModule = typeof import('../api/index');

let loading: Promise<ApiModule> | undefined;

export function loadApi(): Promise<ApiModule> {
  // `require`, not `import()`: both bundles are CommonJS, and a real dynamic import would go
  // through Node's ESM loader for nothing.
  loading ??= Promise.resolve().then(() => require('../api/index') as ApiModule);
  return loading;
}
