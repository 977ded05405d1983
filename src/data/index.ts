// Public surface of device-data loading (used by the CLI and the generate pipeline).
export type { InheritHost } from './inherit.js';
export type { ResolvedData } from './provenance.js';
export type { DeviceData, DeviceSchema } from './validate.js';
export type { LoadedDevice } from './device.js';
export { loadDevice } from './device.js';
export { nodeHost } from './node-host.js';
