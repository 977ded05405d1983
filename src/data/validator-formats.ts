// The string formats of the device schema, for the validator compiled at build time
// (scripts/build-validator.mjs): it is given them from here (validatorRuntime in validate.ts).
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { DATE_OR_MONTH_FORMAT, isDateOrMonth } from '../contract/date-format.js';

export const formats = { ...fullFormats, [DATE_OR_MONTH_FORMAT]: { type: 'string', validate: isDateOrMonth } };
