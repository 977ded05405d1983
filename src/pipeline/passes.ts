import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';

/**
 * One step of building a document: reads what the earlier passes produced (`S`) and adds its
 * own part (`A`), or undefined to stop the build (its diagnostics say why).
 */
export interface Pass<S, A extends object> {
  readonly name: string;
  readonly run: (state: S) => Result<A | undefined>;
}

interface Step {
  readonly pass: Pass<never, object>;
  /** Stop after this pass when any pass so far reported an error. */
  readonly haltOnErrors: boolean;
}

/**
 * A declared, typed list of passes, each run once, in order: the state a pass sees is the
 * request plus everything the passes before it added, checked by the compiler. `names` lists
 * the passes for documentation and tests.
 */
export class PassList<I extends object, S extends object> {
  private constructor(private readonly steps: readonly Step[]) {}

  static start<I extends object>(): PassList<I, I> {
    return new PassList<I, I>([]);
  }

  then<A extends object>(pass: Pass<S, A>, options: { readonly haltOnErrors?: boolean } = {}): PassList<I, S & A> {
    return new PassList<I, S & A>([...this.steps, { pass: pass, haltOnErrors: options.haltOnErrors === true }]);
  }

  get names(): readonly string[] {
    return this.steps.map((s) => s.pass.name);
  }

  /** Runs every pass once; `onPass` hears each pass's name as it starts (for tests and tracing). */
  run(input: I, onPass?: (name: string) => void): Result<S | undefined> {
    const diagnostics: Diagnostic[] = [];
    let state: object = input;
    for (const { pass, haltOnErrors } of this.steps) {
      onPass?.(pass.name);
      const out = (pass.run as (s: object) => Result<object | undefined>)(state);
      diagnostics.push(...out.diagnostics);
      if (out.value === undefined) return { value: undefined, diagnostics };
      state = { ...state, ...out.value };
      if (haltOnErrors && hasErrors(diagnostics)) return { value: undefined, diagnostics };
    }
    return { value: state as S, diagnostics };
  }
}
