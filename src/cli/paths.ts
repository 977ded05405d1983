// Path handling moved to the library (device discovery is a library function); the CLI
// keeps importing it from here.
export { displayPath, expandInputs } from '../pipeline/discover.js';
