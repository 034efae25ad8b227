import { Aggregator } from 'mingo';
import { assert } from '../errors';
import type { AdminParams } from '../types';
import { decodeWireParam, encodeDoc, isPlainObject, type Doc } from './ejson';
import { collectionOf, type OpContext } from './operations';
import { compileFilter } from './session';
import type { Collection } from './store';

/**
 * `database.aggregateDocuments`: stages arrive as `[{stageKey:'$match', stageValue:'<EJSON>'}, …]` and
 * run in mingo. A leading `$match` is answered through the index planner instead of a collection scan;
 * `$lookup` reads the other collection (which must exist) through the same session.
 */

interface WireStage {
  stageKey: string;
  stageValue: unknown;
}

export function aggregateDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  assert(Array.isArray(params.stages), 'INVALID_PARAM', 'stages must be an array');
  const pipeline = (params.stages as WireStage[]).map((stage): Doc => {
    assert(typeof stage?.stageKey === 'string' && stage.stageKey.startsWith('$'), 'INVALID_PARAM', 'each stage needs a stageKey like $match');
    return { [stage.stageKey]: decodeWireParam(stage.stageValue, ctx.session.now) };
  });

  const first = pipeline[0];
  let source: Doc[];
  if (first && isPlainObject(first.$match)) {
    source = [...ctx.session.find(c, compileFilter(first.$match))].map((l) => l.doc);
    pipeline.shift();
  } else {
    source = [...ctx.session.find(c, compileFilter({}))].map((l) => l.doc);
  }

  const joined = new Map<string, Doc[]>();
  const collectionResolver = (name: string): Doc[] => {
    let docs = joined.get(name);
    if (!docs) {
      const other = collectionOf(ctx.store, { collectionName: name });
      docs = [...ctx.session.find(other, compileFilter({}))].map((l) => l.doc);
      joined.set(name, docs);
    }
    return docs;
  };
  const list = new Aggregator(pipeline, { collectionResolver }).run(source) as Doc[];
  return { data: { list: list.map(encodeDoc) } };
}
