import { bool, obj, records, ref, str, strList, type Schema } from '../build.js';

/** AI Act Annex IV technical documentation facts (ai.techdoc.*) and data sets (ai.datasets.*). */
export function aiTechdoc(): Schema {
  return obj(
    {
      version: str('Version of the AI technical documentation.'),
      mdr_techdoc_ref: ref(
        'Reference to the technical documentation of the device, under the MDR or the IVDR (whichever the device is under), that contains the AI Act Annex IV content (one set of documentation, AI Act Art. 11(2)).',
        // The label is printed in TBD markers of both MDR and IVDR documents, so it names neither.
        'device technical documentation',
      ),
      simplified_form_used: bool(
        'true if the simplified technical documentation form for SMEs is used.',
        'simplified form used',
      ),
      development_methods: str(
        'Development methods and steps, including use of pre-trained systems or third-party tools.',
        'development methods',
      ),
      pretrained_components: records(
        {
          name: str('Component or tool name.'),
          source: str('Source and version.'),
          use: str('How it was used.'),
          modification: str('How it was modified (fine-tuning, none).'),
          assessment: str('How it was assessed.'),
        },
        'Pre-trained models and third-party tools used.',
        { title: 'pre-trained components', itemTitle: 'pre-trained component' },
      ),
      design_logic: str('General logic of the system and its algorithms.', 'design logic'),
      key_design_choices: records(
        {
          choice: str('The design choice.'),
          rationale: str('Why it was made.'),
          assumptions: str('Assumptions made, including about the persons or groups the system is used on.'),
        },
        'Key design choices with their rationale and assumptions.',
        { title: 'key design choices', itemTitle: 'design choice' },
      ),
      optimisation_objective: str(
        'What the system is designed to optimise for, and the relevance of its parameters.',
        'optimisation objective',
      ),
      expected_output_quality: str('Description of the expected output and output quality.', 'expected output quality'),
      tradeoffs: strList(
        'Trade-offs made in technical solutions to meet the requirements.',
        'trade-offs',
        'One trade-off.',
      ),
      training_compute: str(
        'Computational resources used to develop, train, test and validate the system.',
        'training compute',
      ),
      data_cleaning: str('Data cleaning methods (e.g. outlier detection).', 'data cleaning'),
      labelling_procedure: str('Labelling procedures.', 'labelling procedure'),
      validation_procedures: str(
        'Validation and testing procedures, test data and their characteristics.',
        'validation procedures',
      ),
      bias_metrics: records(
        {
          metric: str('Metric measuring bias or discriminatory impact.'),
          groups: str('Groups compared.'),
          value: str('Result.'),
          acceptance_criterion: str('Acceptance criterion.', 'acceptance criterion'),
        },
        'Metrics used to measure potentially discriminatory impacts.',
        { title: 'bias metrics', itemTitle: 'bias metric' },
      ),
      metric_rationale: str('Why the chosen performance metrics are appropriate for this system.', 'metric rationale'),
      change_control_solution: str(
        'Technical solutions that keep the system compliant through pre-determined changes.',
        'change control solution',
      ),
    },
    'AI Act Annex IV technical documentation.',
    'AI technical documentation',
  );
}

function dataset(title: string, extra: Record<string, Schema> = {}): Schema {
  return obj(
    {
      summary: str(`Summary of the ${title}: source, size, population, collection period.`),
      ...extra,
    },
    `The ${title}.`,
    title,
  );
}

export function aiDatasets(): Schema {
  return obj(
    {
      training: dataset('training data set', {
        provenance: str('Provenance of the training data: where, when and how they were collected.'),
        datasheet_ref: ref('Reference to the datasheet of the training data.', 'datasheet'),
      }),
      validation: dataset('validation data set'),
      testing: dataset('test data set'),
    },
    'Data sets used to train, validate and test the AI system.',
    'data sets',
  );
}
