import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WardenError } from '../../errors.js';

/**
 * Refuses, with a 400 naming the field, input that passes the schemas but that nothing behind
 * them can hold:
 * - a NUL character (U+0000, `%00` in a URL, `\u0000` in JSON) in any string: PostgreSQL text
 *   cannot store or compare it (and no platform's names contain it), so a lookup would fail
 *   inside the store, or a sync of such a path inside the run;
 * - a number that is not finite: JSON cannot carry one, but ajv's type coercion turns the
 *   strings "Infinity" and "1e400" into Infinity and then skips `minimum`/`maximum`.
 *
 * One check, run twice: in `onRequest` on what the URL carries (registered before access
 * control, which looks the URL's object path up), and in `preHandler` once the body is parsed
 * and the input validated and coerced (a JSON `objectPath` query is parsed by then too).
 */
export function registerInputGuard(app: FastifyInstance): void {
  const guard = async (request: FastifyRequest) => {
    for (const [part, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const problem = firstUnholdable(value, part);
      if (problem) throw new WardenError('VALIDATION_FAILED', { detail: problem });
    }
  };
  app.addHook('onRequest', guard);
  app.addHook('preHandler', guard);
}

function firstUnholdable(value: unknown, field: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? `${field} must not contain a NUL character (U+0000, %00)` : null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${field} must be a finite number`;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    // The wildcard parameter of the `…/{objectPath*}` routes is the object path.
    const problem = firstUnholdable(inner, `${field}.${key === '*' ? 'objectPath' : key}`);
    if (problem) return problem;
  }
  return null;
}
