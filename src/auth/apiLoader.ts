// The HTTP and validation code (undici, zod) loads here, on the first request, not at activation.
// esbuild keeps a dynamically imported module's body unevaluated until this import runs.
export type ApiModule = typeof import('../api/index');

let loading: Promise<ApiModule> | undefined;

export function loadApi(): Promise<ApiModule> {
  loading ??= import('../api/index');
  return loading;
}
