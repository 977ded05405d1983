// The document types `generate` can make (the CLI's `--doc` choices), from a module light
// enough for `generate --help` to load without the renderers or the rest of the pipeline.
export { DOC_TYPES } from '../regulatory/catalogue.js';
