/**
 * Imported first by every command. tsx turns on Node's source-map support, which makes Node
 * read and parse the .js.map of every SDK module it loads and map every stack trace Pulumi
 * captures per resource: measured at about a fifth of a plan's wall time. Our own
 * TypeScript keeps its line numbers through esbuild, so traces stay readable without it.
 */
process.setSourceMapsEnabled(false);
