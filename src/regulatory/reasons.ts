/**
 * A decision's reason followed by the writer's own rationale from the data. The rationale is
 * the manufacturer's reasoning (why the product is important class I, why a feature is not an
 * AI system): the reader of the technical documentation needs it beside the legal reason.
 */
export function withRationale(reason: string, rationale: string | undefined): string {
  if (!rationale) return reason;
  const r = rationale.trim();
  return `${reason}. Rationale: ${r}${/[.!?]$/.test(r) ? '' : '.'}`;
}
