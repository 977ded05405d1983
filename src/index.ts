// The public library API of techfile: what a program embedding it needs, re-exported from
// the modules that own it. No logic lives here, so the library and the CLI cannot drift apart.

// Document model: what templates produce and renderers consume.
export type {
  Admonition,
  Align,
  Block,
  Break,
  CodeBlock,
  Document,
  DocumentMeta,
  Emphasis,
  Heading,
  Image,
  Inline,
  InlineCode,
  Link,
  List,
  ListItem,
  Node,
  PageBreak,
  Paragraph,
  Placeholder,
  Revision,
  Strong,
  Table,
  TableCell,
  TableColumn,
  TableRow,
  Text,
  ThematicBreak,
  Toc,
} from './model/nodes.js';

// Diagnostics: errors are data.
export type { Diagnostic, Result, Severity } from './diagnostics/diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export { diagnosticsToJson, formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export type { Point, Range, SourceRef } from './source/position.js';

// The library: every function takes paths or a loaded device and options that all have
// defaults (README "Library"), and returns { value, diagnostics }.
export type {
  BuildOptions,
  Coverage,
  CoverageOptions,
  DeviceLike,
  DocumentCoverage,
  FileValidation,
  Generation,
  LibraryGenerateOptions,
  LoadDeviceOptions,
  Validation,
} from './pipeline/library.js';
export { coverage, generate, loadDevice, validate } from './pipeline/library.js';
export type { DeviceInput, DeviceSummary, DiscoveredDevice, DiscoverOptions, Discovery } from './pipeline/discover.js';
export { discoverDevices } from './pipeline/discover.js';

// Device data: load → inherit → validate.
export type { DeviceData, DeviceSchema, InheritHost, LoadedDevice, ResolvedData } from './data/index.js';
export { nodeHost } from './data/index.js';
export { defaultDeviceSchema } from './pipeline/default-schema.js';
export { deviceSchema } from './pipeline/device-schema.js';
export type { Limits } from './data/limits.js';
export { DEFAULT_LIMITS } from './data/limits.js';
export { fieldLabel } from './schema/device-schema.js';

// Regulatory catalogue, applicability and coverage.
export type { Catalogue, Clause, DocType, Instrument } from './regulatory/catalogue.js';
export { DOC_TYPES } from './regulatory/catalogue.js';
export { loadCatalogue } from './pipeline/catalogue.js';
export type { Applicability } from './regulatory/applicability.js';
export { decideApplicability, describeDecision } from './regulatory/applicability.js';
export type { Decision, InstrumentId } from './regulatory/instruments.js';
export { INSTRUMENT_IDS } from './regulatory/instruments.js';
export type {
  ClauseStatus,
  CoverageEntry,
  CoverageReport,
  CoverageSummary,
  ReferenceToConfirm,
  SectionRef,
} from './regulatory/coverage.js';
export { computeCoverage, referencesToConfirm } from './regulatory/coverage.js';
export type { Data } from './regulatory/data-path.js';

// Templates.
export type { TemplateSet } from './templates/load.js';
export type { LoadOptions } from './pipeline/template-set.js';
export { loadTemplates } from './pipeline/template-set.js';
export { defaultTemplatesDir } from './pipeline/templates-dir.js';

// Building, rendering and writing documents.
export type { BuildRequest, BuiltDocument } from './pipeline/build-document.js';
export { buildDocument } from './pipeline/build-document.js';
export type { Format, GeneratedFile, GenerateOptions, ProductInput, ProductResult } from './pipeline/generate.js';
export { FORMATS, generateProduct } from './pipeline/generate.js';
export type { AssetSearch } from './pipeline/assets.js';
export { loadAssets } from './pipeline/assets.js';
export type { RenderOptions } from './render/options.js';
export { renderDocx } from './render/docx/index.js';
export { renderPdf } from './render/pdf/index.js';
export { writeFileAtomic } from './pipeline/write-atomic.js';

// The command line, for running it in-process.
export type { CliIO } from './cli/context.js';
export { ExitCode } from './cli/exit-codes.js';
export { runCli } from './cli/program.js';
