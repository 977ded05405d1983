// Path handling moved to the library (device discovery is a library function); the CLI
// keeps importing it from here.
export type { DeviceInput } from '../pipeline/discover.js';
export { DEVICE_EXTENSIONS, displayPath, expandInputs } from '../pipeline/discover.js';
