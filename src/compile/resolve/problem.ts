// What resolution reports when it meets something the checks should have rejected (a safety net).

/** A reference that could not be resolved, at a JSON pointer of the package's YAML. */
export interface ResolveProblem {
  /** Where, inside the package. */
  pointer: string;
  /** What is missing. */
  message: string;
}
