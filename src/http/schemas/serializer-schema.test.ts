import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { serializerSchema } from './serializer-schema.js';

describe('serializerSchema', () => {
  it('writes a union of a typed schema with null as that schema, nullable, keeping its own keywords first', () => {
    const schema = Type.Object({
      comment: Type.Union([Type.String(), Type.Null()], { description: 'd' }),
      lastSync: Type.Union([Type.Object({ at: Type.String() }), Type.Null()]),
      tags: Type.Array(Type.Object({ value: Type.Union([Type.String(), Type.Null()]) })),
    });
    const rewritten = serializerSchema(schema) as any;
    expect(rewritten.properties.comment).toEqual({ description: 'd', type: 'string', nullable: true });
    expect(Object.keys(rewritten.properties.comment)).toEqual(['description', 'type', 'nullable']);
    expect(rewritten.properties.lastSync).toEqual({ type: 'object', properties: { at: { type: 'string' } }, required: ['at'], nullable: true });
    expect(rewritten.properties.tags.items.properties.value).toEqual({ type: 'string', nullable: true });
  });

  it('leaves other unions alone: references, literals, and members whose keywords the union has too', () => {
    const ref = Type.Union([Type.Ref('Job'), Type.Null()]);
    const literals = Type.Union([Type.Literal('a'), Type.Literal('b')]);
    const clash = Type.Union([Type.String({ description: 'inner' }), Type.Null()], { description: 'outer' });
    for (const schema of [ref, literals, clash]) expect(serializerSchema(schema)).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('does not change the schema it is given', () => {
    const schema = Type.Object({ comment: Type.Union([Type.String(), Type.Null()]) });
    const before = JSON.stringify(schema);
    serializerSchema(schema);
    expect(JSON.stringify(schema)).toBe(before);
  });
});
