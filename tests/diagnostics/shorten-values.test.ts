import { describe, expect, it } from 'vitest';
import { shortenValues, VALUE_WIDTH } from '../../src/diagnostics/terminal.js';

/** Long quoted values are cut in a printed message; the words around short ones never are. */
describe('shortenValues', () => {
  it('leaves the text between two short code spans alone, however long it is', () => {
    const between =
      ' is listed, but the product is placed on the market in the Union and its legal basis does not name ';
    const message = `\`regulatory.legal_basis\`${between.repeat(2)}\`CRA\`: add it or state why it does not apply`;
    expect(message.length).toBeGreaterThan(VALUE_WIDTH * 2);
    expect(shortenValues(message)).toBe(message);
  });

  it('cuts a long value to the value width and says how long it was', () => {
    const value = 'x'.repeat(300);
    const message = `\`a\` is \`${value}\`, which is not an accepted value for \`b\``;
    expect(shortenValues(message)).toBe(
      `\`a\` is \`${'x'.repeat(VALUE_WIDTH - 1)}…\` (300 characters), which is not an accepted value for \`b\``,
    );
  });
});
