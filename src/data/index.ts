// Public surface of device-data loading (used by the CLI and the generate pipeline).
export type { SourceFile } from './load.js';
export { loadSource } from './load.js';
export type { InheritHost } from './inherit.js';
export { resolveInheritance } from './inherit.js';
export type { ResolvedData } from './provenance.js';
export type { DeviceData, DeviceSchema } from './validate.js';
export { validateDevice } from './validate.js';
export type { LoadedDevice } from './device.js';
export { loadDevice } from './device.js';
export type { FieldPath, PathSegment } from '../source/field-path.js';
export { formatPath, parsePath, getAt } from '../source/field-path.js';
export { nodeHost } from './node-host.js';
export type { SchemaSet, SchemaProblem } from './json-schema.js';
export { validateJson } from './json-schema.js';
