/** Thrown when an event pattern would be rejected by EventBridge's PutRule (aws/event-ruler's rule compiler). */
export class InvalidPatternError extends Error {
  /** Dotted path of the field the problem was found at ('' for the pattern itself). */
  readonly path: string;

  constructor(message: string, path: readonly string[] = []) {
    const where = path.length > 0 ? ` at "${path.join('.')}"` : '';
    super(`Invalid event pattern${where}: ${message}`);
    this.name = 'InvalidPatternError';
    this.path = path.join('.');
  }
}
