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

/** A value met on the walk, with the way back to name its field only when it is refused. */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

/**
 * The first string with a NUL or non-finite number in `value`, depth first in key order. A walk
 * with its own stack, not recursion: a valid JSON body nested 50,000 deep (100 kB, under the body
 * limit) reaches a route without a body schema and overflowed the call stack, a 500.
 */
function firstUnholdable(value: unknown, field: string): string | null {
  const pending: Visit[] = [{ value, key: field, parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const current = visit.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return `${fieldName(visit)} must not contain a NUL character (U+0000, %00)`;
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) return `${fieldName(visit)} must be a finite number`;
    } else if (current !== null && typeof current === 'object') {
      const children = Object.entries(current);
      for (let i = children.length - 1; i >= 0; i -= 1) pending.push({ value: children[i]![1], key: children[i]![0], parent: visit });
    }
  }
  return null;
}

function fieldName(visit: Visit): string {
  const keys: string[] = [];
  // The wildcard parameter of the `…/{objectPath*}` routes is the object path.
  for (let v: Visit | null = visit; v; v = v.parent) keys.push(v.parent && v.key === '*' ? 'objectPath' : v.key);
  return keys.reverse().join('.');
}
