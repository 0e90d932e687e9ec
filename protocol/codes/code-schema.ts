import { z } from 'zod';
import type { Code } from './coded-error';
import { HOST_CODES } from './host-codes';
import { WIRE_ERROR_CODE_VALUES } from './wire-error-codes';

/** Every code of the table, wire and host, as a tuple for `z.enum`. */
export const CODE_VALUES = [...WIRE_ERROR_CODE_VALUES, ...HOST_CODES.map((row) => row.code)] as [
  Code,
  ...Code[],
];

/** A code crossing a seam (bridge, worker port, hub child process) must be one of the table's. */
export const codeSchema = z.enum(CODE_VALUES);
