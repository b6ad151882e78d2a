// The indexed documents behind the public SpecSet interface.
import { SchemaCompiler } from './compiler';
import { listOperations, readDocuments, type OperationEntry } from './documents';
import { validateParameters } from './parameters';
import { validateRequestBody } from './requestBody';
import { documentedStatuses, validateResponse } from './response';
import { Router } from './router';
import { schemasOf } from './warmUp';
import type {
  ApiVersion,
  MatchedOperation,
  RequestInput,
  ResponseInput,
  SpecSet,
  Violation,
} from './types';

export interface IndexedSpecSet extends SpecSet {
  /** Every operation the documents define, after preferring sendcloud-dev over the merged bundles. */
  operations(): MatchedOperation[];
  /** The response statuses the operation documents, e.g. ["201", "400", "404"] (or "2XX", "default"). */
  documentedStatuses(op: MatchedOperation): string[];
  /** Compiles every schema of every operation now rather than on first use; returns how many. */
  warmUp(): number;
}

export function createSpecSet(dir: string): IndexedSpecSet {
  const router = new Router();
  const entries = new Map<string, OperationEntry>();
  for (const document of readDocuments(dir)) {
    for (const entry of listOperations(document)) router.add(entry);
  }
  for (const entry of router.entries()) {
    entries.set(keyOf(entry.version, entry.method, entry.pathTemplate), entry);
  }
  const compiler = new SchemaCompiler();

  const toMatched = (
    entry: OperationEntry,
    pathParams: Record<string, string>,
  ): MatchedOperation => ({
    version: entry.version,
    method: entry.method,
    pathTemplate: entry.pathTemplate,
    operationId: entry.operationId,
    pathParams,
    source: entry.document.source,
  });

  const entryOf = (op: MatchedOperation): OperationEntry => {
    const entry = entries.get(keyOf(op.version, op.method, op.pathTemplate));
    if (!entry)
      throw new Error(`Not an operation from this spec set: ${op.method} ${op.pathTemplate}`);
    return entry;
  };

  return {
    match(version, method, path) {
      const found = router.match(version, method, path);
      return found ? toMatched(found.entry, found.pathParams) : null;
    },
    pathExists: (version, path) => router.pathExists(version, path),
    validateRequest(op: MatchedOperation, req: RequestInput): Violation[] {
      const entry = entryOf(op);
      return [
        ...validateParameters(compiler, entry, { ...req, pathParams: op.pathParams }),
        ...validateRequestBody(compiler, entry, req.body, req.contentType),
      ];
    },
    validateResponse: (op: MatchedOperation, res: ResponseInput) =>
      validateResponse(compiler, entryOf(op), res),
    operations: () => router.entries().map((entry) => toMatched(entry, {})),
    documentedStatuses: (op) => documentedStatuses(entryOf(op)),
    warmUp() {
      let count = 0;
      for (const entry of router.entries()) {
        for (const { schema, direction } of schemasOf(entry)) {
          compiler.forSchema(entry.document, schema, direction);
          count += 1;
        }
      }
      return count;
    },
  };
}

function keyOf(version: ApiVersion, method: string, pathTemplate: string): string {
  return `${version} ${method.toUpperCase()} ${pathTemplate}`;
}
