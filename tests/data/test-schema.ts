import type { DeviceSchema } from '../../src/data/validate.js';

/**
 * A small stand-in for the real device schema (src/schema, written separately): the same
 * conventions (draft 2020-12, additionalProperties false, descriptions), few fields.
 */
const date = { type: 'string', format: 'date', description: 'ISO 8601 date.' };
const text = { type: 'string', minLength: 1, description: 'Text.' };

export const testSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { type: 'string', description: 'Parent file.' },
    abstract: { type: 'boolean', description: 'Product-line parent.' },
    product: {
      type: 'object',
      additionalProperties: false,
      description: 'The product.',
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Identifier.' },
        name: text,
        version: { type: 'string', description: 'Version.' },
        software_only: { type: 'boolean', description: 'Software only.' },
        intended_users: { type: 'array', items: { type: 'string' }, description: 'Users.' },
      },
    },
    manufacturer: {
      type: 'object',
      additionalProperties: false,
      description: 'Manufacturer.',
      required: ['name'],
      properties: { name: text, email: { type: 'string', format: 'email', description: 'E-mail.' } },
    },
    regulatory: {
      type: 'object',
      additionalProperties: false,
      description: 'Regulatory.',
      properties: {
        markets: { type: 'array', items: { enum: ['EU', 'US', 'UK'] }, description: 'Markets.' },
        legal_basis: {
          type: 'array',
          items: { enum: ['MDR', 'IVDR', 'CRA', 'AI-Act', 'NIS2'] },
          description: 'Legal basis.',
        },
        placed_on_market: date,
        medical_device: {
          type: 'object',
          additionalProperties: false,
          description: 'Medical device.',
          properties: {
            regulation: { enum: ['MDR', 'IVDR', 'none'], description: 'Regulation.' },
            class: { type: 'string', description: 'Class.' },
          },
        },
        ai_act: {
          type: 'object',
          additionalProperties: false,
          description: 'AI Act.',
          properties: { risk_class: { enum: ['high', 'limited', 'minimal'], description: 'Risk class.' } },
        },
      },
    },
    support_period: {
      type: 'object',
      additionalProperties: false,
      description: 'Support period.',
      properties: { start_date: date, end_date: date },
    },
    network: {
      type: 'object',
      additionalProperties: false,
      description: 'Network.',
      properties: {
        ports: {
          type: 'array',
          description: 'Ports.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'port'],
            properties: {
              id: { type: 'string', description: 'Id.' },
              port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Port.' },
              protocol: { anyOf: [{ enum: ['TCP', 'UDP'] }, { type: 'null' }], description: 'Protocol.' },
              purpose: text,
            },
          },
        },
      },
    },
    ai: { type: 'object', description: 'AI.', properties: { intended_purpose: text } },
  },
};

export const testSchema: DeviceSchema = {
  schema: testSchemaObject,
  fieldLabel: (path) => (path === 'product.name' ? 'Product name' : path),
};
