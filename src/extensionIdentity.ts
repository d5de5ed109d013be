/**
 * Who this extension is, as VS Code names it (`publisher.name` of package.json; a unit test keeps
 * the two in step). Here rather than read from the manifest so that error toasts, which have no
 * extension context at hand, can point at this extension's settings and issue reporter.
 */
export const EXTENSION_ID = 'scalingo-community.scalingo-scm';

/** The Settings editor's filter that shows this extension's settings and nothing else. */
export const SETTINGS_FILTER = `@ext:${EXTENSION_ID}`;
