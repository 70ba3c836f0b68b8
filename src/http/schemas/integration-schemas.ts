import { Type } from 'typebox';
import { INTEGRATION_STATUSES, type IntegrationStatus } from '../../store/repositories/integration-repository.js';

/** Ids are store integers; the bound keeps a huge one a 404 rather than a driver error. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const Config = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'The connection fields of the technology (as POST /data/connection documents them for `connection`, without `technology`; `authenticationType` defaults to its first); secrets are write-only, shown as [REDACTED]',
});
const ValidationTest = Type.Object({ name: Type.String(), status: Type.Union([Type.Literal('passed'), Type.Literal('failed')]), result: Type.Optional(Type.String()) });
export const Integration = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  status: Type.Unsafe<IntegrationStatus>(Type.Union(INTEGRATION_STATUSES.map((status) => Type.Literal(status)))),
  autoBootstrap: Type.Literal(false),
  config: Config,
  validationResults: Type.Union([
    Type.Object({ status: Type.Union([Type.Literal('passed'), Type.Literal('failed')]), validationTests: Type.Array(ValidationTest) }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
});
