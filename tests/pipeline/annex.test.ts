import { describe, expect, it } from 'vitest';
import { itAnnexDecision } from '../../src/pipeline/annex.js';

describe('itAnnexDecision: the IT and security annex of a lay guide', () => {
  const lay = (extra: Record<string, unknown> = {}, users: string[] = ['Consumers aged 16 and older (lay users)']) => ({
    product: { lay_users: true, intended_users: users },
    ...extra,
  });

  it('is not produced for a product without lay users: its manual is written for organisations already', () => {
    expect(
      itAnnexDecision({ product: { lay_users: false, intended_users: ['Hospital IT administrators'] } }).applies,
    ).toBe(false);
  });

  it('is not produced when only lay users set up and use the product', () => {
    const d = itAnnexDecision(lay({}, ['Patients aged 6 and older', 'Parents and caregivers of children (lay users)']));
    expect(d.applies).toBe(false);
  });

  it('counts owners, tenants and guests as lay users, but not professionals who visit patients', () => {
    expect(
      itAnnexDecision(lay({}, ['Home owners and tenants (lay users)', 'Guests who receive a digital key'])).applies,
    ).toBe(false);
    const d = itAnnexDecision(lay({}, ['Patients at home', 'Service technicians who visit patients']));
    expect(d.applies).toBe(true);
    expect(d.reason).toContain('Service technicians who visit patients');
    expect(itAnnexDecision(lay({}, ['Patients', 'Practice IT contacts'])).applies).toBe(true);
    // An entry that names nobody recognisable counts as organisational.
    expect(itAnnexDecision(lay({}, ['Patients', 'Research sites'])).applies).toBe(true);
  });

  it('is produced for an intended user who is not a lay user, and names that user', () => {
    const d = itAnnexDecision(
      lay({}, ['Persons with diabetes (lay users)', 'Healthcare professionals who set clinical limits']),
    );
    expect(d.applies).toBe(true);
    expect(d.reason).toContain('Healthcare professionals who set clinical limits');
  });

  it('is produced when remote service exists or the product is meant for integration', () => {
    expect(itAnnexDecision(lay({ remote_service: { enabled: true } })).applies).toBe(true);
    expect(itAnnexDecision(lay({ integration: { intended_for_integration: true } })).applies).toBe(true);
    expect(
      itAnnexDecision(lay({ remote_service: { enabled: false }, integration: { intended_for_integration: false } }))
        .applies,
    ).toBe(false);
  });
});
