import { bool, date, enumOf, obj, records, ref, str, strList, url, type Props, type Schema } from '../build.js';
import { aiDatasets, aiTechdoc } from './ai-techdoc.js';

function disclosure(what: string, textLabel: string, extra: Record<string, Schema> = {}): Schema {
  return obj(
    {
      applies: bool(`true if the obligation to ${what} applies to this system.`, 'applicability'),
      text: str(`Wording of the notice (${textLabel}).`, 'notice text'),
      ...extra,
    },
    `AI Act Art. 50 obligation to ${what}.`,
  );
}

function oversight(): Schema {
  return obj(
    {
      measures: strList(
        'Human-oversight measures (AI Act Art. 14) in plain words.',
        'oversight measures',
        'One measure.',
      ),
      built_in: strList(
        'Oversight measures built into the system by the provider.',
        'built-in oversight measures',
        'One measure.',
      ),
      deployer_measures: strList(
        'Oversight measures the deployer must implement (competent overseers, training, workflow checkpoints).',
        'deployer oversight measures',
        'One measure.',
      ),
      hmi_tools: strList(
        'Human-machine interface tools that let persons oversee the system.',
        'HMI tools',
        'One tool.',
      ),
      interpretation_tools: strList(
        'Technical measures that help deployers interpret outputs.',
        'interpretation tools',
        'One tool.',
      ),
      risks_addressed: strList(
        'Risks to health, safety or fundamental rights that oversight prevents or minimises.',
        'risks addressed by oversight',
        'One risk.',
      ),
      monitoring_guidance: str(
        'How overseers understand capacities and limitations and monitor operation, detecting anomalies and unexpected performance.',
        'monitoring guidance',
      ),
      automation_bias_warning: str(
        'Warning about automation bias (over-reliance on outputs).',
        'automation bias warning',
      ),
      override_procedure: str(
        'How overseers decide not to use the system or disregard, override or reverse its output.',
        'override procedure',
      ),
      stop_procedure: str(
        'How overseers interrupt the system (stop button or similar) to bring it to a safe state.',
        'stop procedure',
      ),
      dual_verification: str(
        'For remote biometric identification: how an identification is verified by two competent persons before action.',
        'dual verification',
      ),
      assessment_ref: ref('Reference to the assessment of the human-oversight measures.', 'oversight assessment'),
    },
    'Human oversight (AI Act Art. 14).',
    'human oversight',
  );
}

function performance(): Props {
  return {
    performance: obj(
      {
        capabilities: strList('Capabilities of the system, in plain words.', 'capabilities', 'One capability.'),
        limitations: strList('Limitations of performance, in plain words.', 'limitations', 'One limitation.'),
        degrading_circumstances: strList(
          'Circumstances that may degrade accuracy, robustness or cybersecurity.',
          'degrading circumstances',
          'One circumstance.',
        ),
      },
      'Characteristics, capabilities and limitations of performance.',
      'performance',
    ),
    accuracy_metrics: records(
      {
        metric: str('Metric (e.g. "sensitivity", "MARD").'),
        value: str('Value achieved (e.g. "0.94").'),
        confidence_interval: str('95 % confidence interval (e.g. "0.91-0.96").', 'confidence interval'),
        test_dataset: str('Test data set the value was measured on.', 'test data set'),
        reference_standard: str('Reference standard (ground truth).', 'reference standard'),
      },
      'Declared accuracy metrics and their levels.',
      { title: 'accuracy metrics', itemTitle: 'accuracy metric' },
    ),
    subgroup_performance: records(
      {
        group: str('Group of persons (age band, sex, skin tone, site).'),
        cases: str('Number of cases.', 'number of cases'),
        metric: str('Metric.'),
        value: str('Value.'),
        confidence_interval: str('Confidence interval.', 'confidence interval'),
      },
      'Performance for specific persons or groups on whom the system is intended to be used.',
      { title: 'subgroup performance', itemTitle: 'subgroup' },
    ),
    robustness_results: str('Robustness tested and validated, and its results.', 'robustness results'),
    cybersecurity_level: str('Level of cybersecurity tested and validated.', 'cybersecurity level'),
  };
}

export function aiSection(): Props {
  return {
    ai: obj(
      {
        is_ai_system: bool(
          'true if the product is or contains an AI system (AI Act Art. 3(1)); see also `regulatory.ai_act.ai_system`.',
          'product is an AI system',
        ),
        high_risk: bool('true if the AI system is high-risk under the AI Act.', 'high-risk AI system'),
        high_risk_basis: enumOf(
          ['annex-I', 'annex-III'],
          'Basis of the high-risk classification: annex-I or annex-III; see also `regulatory.ai_act.high_risk_basis`.',
          'high-risk basis',
        ),
        intended_purpose: str('Intended purpose of the AI system.', 'intended purpose of the AI system'),
        version_history: records(
          {
            version: str('System version.'),
            date: date('Release date, YYYY-MM-DD.', 'release date'),
            changes: str('Changes from the previous version.'),
            affects_conformity: bool('true if the change affects conformity.', 'affects conformity'),
          },
          'Versions of the system and their relation to previous versions.',
          { title: 'version history', itemTitle: 'system version' },
        ),
        ...performance(),
        risk_circumstances: strList(
          'Known or foreseeable circumstances that may lead to risks to health, safety or fundamental rights.',
          'risk circumstances',
          'One circumstance.',
        ),
        foreseeable_misuse: strList('Reasonably foreseeable misuse.', 'foreseeable misuse', 'One misuse.'),
        explainability: obj(
          {
            capabilities: strList(
              'Technical capabilities that help explain the output.',
              'explainability capabilities',
              'One capability.',
            ),
          },
          'Explainability of outputs.',
          'explainability',
        ),
        output_interpretation: str(
          'How deployers interpret the output and use it appropriately.',
          'output interpretation',
        ),
        input_data_spec: str('Specifications for input data.', 'input data specification'),
        deployer_input_control: str(
          'Which input data the deployer controls (e.g. which studies its PACS routes to the system) and what it checks so that they stay relevant and sufficiently representative for the intended purpose (AI Act Art. 26(4)).',
          "input data under the deployer's control",
        ),
        datasets: aiDatasets(),
        predetermined_changes: strList(
          'Changes to the system and its performance pre-determined at the initial conformity assessment.',
          'pre-determined changes',
          'One change.',
        ),
        continuous_learning: obj(
          {
            enabled: bool(
              'true if the system keeps learning after being placed on the market.',
              'continuous learning enabled',
            ),
            feedback_loop_mitigation: str(
              'How biased feedback loops are eliminated or reduced.',
              'feedback loop mitigation',
            ),
          },
          'Learning after placing on the market.',
          'continuous learning',
        ),
        human_oversight: oversight(),
        compute_requirements: str('Computational and hardware resources needed.', 'compute requirements'),
        expected_lifetime: str('Expected lifetime of the system.', 'expected lifetime'),
        maintenance: records(
          {
            task: str('Maintenance or care task (including model and software updates).'),
            frequency: str('How often.'),
            who: str('Who performs it.'),
          },
          'Maintenance and care measures with their frequency.',
          { title: 'maintenance measures', itemTitle: 'maintenance task' },
        ),
        log_mechanism: str('Mechanisms that let deployers collect, store and interpret the logs.', 'log mechanism'),
        external_interactions: strList(
          'How the system interacts with hardware or software outside itself, including other AI systems.',
          'external interactions',
          'One interaction.',
        ),
        user_interface_description: str(
          'Basic description of the user interface provided to the deployer.',
          'user interface description',
        ),
        fault_tolerance: obj(
          {
            redundancy: str('Technical redundancy solutions.'),
            failsafe_plan: str('Fail-safe plans.', 'fail-safe plan'),
          },
          'Resilience to errors, faults and inconsistencies.',
          'fault tolerance',
        ),
        safe_state_description: str('The safe state the system reaches when stopped.', 'safe state'),
        security_measures: obj(
          {
            data_poisoning: str('Measures against data poisoning.', 'data poisoning'),
            model_poisoning: str('Measures against model poisoning.', 'model poisoning'),
            adversarial_inputs: str('Measures against adversarial examples or model evasion.', 'adversarial inputs'),
            confidentiality_attacks: str(
              'Measures against confidentiality attacks (model inversion, membership inference).',
              'confidentiality attacks',
            ),
            model_flaws: str('Measures against model flaws.', 'model flaws'),
          },
          'AI-specific security measures.',
          'AI security measures',
        ),
        ifu: obj(
          {
            document_ref: ref('Reference to the instructions for use for the deployer.', 'instructions for use'),
            format: str('Format of the instructions (e.g. "PDF and in-app help").'),
            languages: strList('Languages of the instructions.', 'languages', 'One language.'),
            url: url('Where the instructions are available.', 'instructions address'),
            version: str('Version of the instructions.'),
          },
          'Instructions for use for the deployer.',
          'AI instructions for use',
        ),
        interaction_disclosure: disclosure(
          'tell persons that they are interacting with an AI system',
          'shown to persons interacting with the system',
          {
            placement: str('Where the notice is shown.'),
            timing: str('When the notice is shown (at the latest at first interaction).'),
            accessibility: str('How the notice meets accessibility requirements.'),
          },
        ),
        synthetic_content_marking: disclosure(
          'mark synthetic output as artificially generated',
          'for human readers, if any',
          {
            method: str('Marking technique (watermark, metadata).'),
            standard: str('Standard followed for marking (e.g. "C2PA").'),
          },
        ),
        emotion_or_biometric: obj(
          {
            applies: bool(
              'true if the system performs emotion recognition or biometric categorisation.',
              'applicability',
            ),
            notice_text: str('Wording of the notice to exposed persons.', 'notice text'),
          },
          'AI Act Art. 50(3) notice on emotion recognition or biometric categorisation.',
          'emotion recognition or biometric categorisation',
        ),
        deepfake_disclosure: disclosure(
          'disclose deep fakes as artificially generated or manipulated',
          'shown with the content',
        ),
        text_disclosure: disclosure('disclose AI-generated text published to inform the public', 'shown with the text'),
        pms: obj(
          {
            plan_ref: ref('Reference to the post-market monitoring plan.', 'post-market monitoring plan'),
            template_version: str('Version of the Commission template the plan follows.', 'template version'),
            data_sources: strList(
              'Sources of performance data (deployers, registries, complaints).',
              'data sources',
              'One source.',
            ),
            analysis_methods: str('How the collected data are analysed.', 'analysis methods'),
            deployer_feedback_channel: str(
              'How deployers send performance data and feedback.',
              'deployer feedback channel',
            ),
            interaction_analysis: str('Analysis of interaction with other AI systems.', 'interaction analysis'),
            mdr_pms_integration: str(
              'How AI monitoring is integrated into the MDR/IVDR post-market surveillance system.',
              'integration with MDR post-market surveillance',
            ),
          },
          'Post-market monitoring of the AI system.',
          'AI post-market monitoring',
        ),
        techdoc: aiTechdoc(),
      },
      'AI system facts for the AI Act (Art. 13, 14, 15, 50 and Annex IV).',
      'AI system',
    ),
  };
}
