import { date, list, obj, str, type Props, type Schema } from '../build.js';

/** The document types techfile generates; one optional metadata block each. */
export const GENERATED_DOC_TYPES = ['cyber-techdoc', 'secure-operation', 'decommissioning', 'ai-transparency'] as const;

function revision(): Schema {
  const scope = 'Decides a row of the revision history table.';
  return obj(
    {
      version: str(`Version of the document this revision produced (e.g. "0.1"). ${scope}`),
      date: date(`Date of the revision, YYYY-MM-DD. ${scope}`, 'revision date'),
      author: str(`Who made the revision. ${scope}`),
      description: str(`What changed (e.g. "First draft"). ${scope}`),
    },
    'One entry of the revision history.',
    'revision',
  );
}

/** Fields shared by `documents.defaults` and each per-document block (document control, ISO 13485 4.2.4). */
function control(scope: string): Props {
  return {
    version: str(`Document version (e.g. "1.0"), written in quotes so YAML keeps it as text. ${scope}`),
    status: str(`Document status shown on the title page (e.g. "Draft", "In review", "Released"). ${scope}`),
    date: date(
      `Date of issue, YYYY-MM-DD; also the timestamp written into the DOCX and PDF files. ${scope}`,
      'date of issue',
    ),
    author: str(`Name (and function) of the author. ${scope}`),
    approver: str(`Name (and function) of the person who approves the document. ${scope}`),
  };
}

function docBlock(type: string): Schema {
  const scope = `Decides the document control table of the ${type} document.`;
  return obj(
    {
      number: str(
        `Document number (e.g. "GF-SO-001"); when absent the template's default number is used. ${scope}`,
        'document number',
      ),
      short_title: str(
        `Short title for the running header of the ${type} document (e.g. "AI transparency information"), used when the product name and full title do not fit on one line; otherwise the title is shortened with an ellipsis. Decides the running header.`,
        'short title',
      ),
      ...control(scope),
      revisions: list(revision(), `Revision history, oldest first. ${scope}`, 'revision history'),
    },
    `Document control metadata of the ${type} document; each key overrides \`documents.defaults\`.`,
    `${type} document control`,
  );
}

export function documentsSection(): Props {
  const perType: Props = {};
  for (const t of GENERATED_DOC_TYPES) perType[t] = docBlock(t);
  return {
    documents: obj(
      {
        language: {
          type: 'string',
          pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$',
          description:
            'Language of the generated documents as a BCP 47 tag (e.g. "en", "de-AT"); also the locale of long dates. Decides document language, CRA Art. 13(18).',
        },
        defaults: obj(
          control(
            "Decides the document control table of every generated document unless the document's own block overrides it.",
          ),
          'Document control metadata shared by all generated documents.',
          'document defaults',
        ),
        ...perType,
      },
      'Metadata of the generated documents (document control). Not a catalogue field.',
      'document metadata',
    ),
  };
}
