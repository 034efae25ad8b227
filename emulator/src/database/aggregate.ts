import { Aggregator } from 'mingo';
import { assert } from '../errors';
import type { AdminParams } from '../types';
import { decodeWireParam, encodeDoc, isPlainObject, type Doc } from './ejson';
import { geoNearStage, mentionsNear } from './geo-query';
import { collectionOf, type OpContext } from './operations';
import { withQueryErrors } from './operators';
import { compileFilter } from './session';
import type { Collection } from './store';

/**
 * `database.aggregateDocuments`: stages arrive as `[{stageKey:'$match', stageValue:'<EJSON>'}, …]` and
 * run in mingo. A leading `$match` is answered through the index planner instead of a collection scan;
 * `$lookup` reads the other collection (which must exist) through the same session. A leading
 * `$geoNear` (geo-query.ts) is run here too, since it needs the collection's 2dsphere index.
 *
 * Without any `$limit` stage the result is cut to 20 rows: the platform notes say `aggregate()…end()`
 * returns 20 rows unless `.limit(n)` is set, even in a function (unconfirmed; being stricter than
 * CloudBase only makes code that forgets `.limit()` fail here rather than in production).
 */

export const AGGREGATE_DEFAULT_LIMIT = 20;

interface WireStage {
  stageKey: string;
  stageValue: unknown;
}

export function aggregateDocuments(ctx: OpContext, c: Collection, params: AdminParams): unknown {
  return withQueryErrors(() => {
    assert(Array.isArray(params.stages), 'INVALID_PARAM', 'stages must be an array');
    const pipeline = (params.stages as WireStage[]).map((stage): Doc => {
      assert(typeof stage?.stageKey === 'string' && stage.stageKey.startsWith('$'), 'INVALID_PARAM', 'each stage needs a stageKey like $match');
      return { [stage.stageKey]: decodeWireParam(stage.stageValue, ctx.session.now) };
    });
    pipeline.forEach((stage, i) => {
      assert(stage.$geoNear === undefined || i === 0, 'DATABASE_REQUEST_FAILED', '$geoNear is only valid as the first stage in a pipeline');
      assert(stage.$match === undefined || !mentionsNear(stage.$match), 'DATABASE_REQUEST_FAILED', '$geoNear, $near, and $nearSphere are not allowed in this context ($match); use the $geoNear stage');
    });
    if (!pipeline.some((stage) => stage.$limit !== undefined)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });

    const first = pipeline[0];
    let source: Doc[];
    if (first && first.$geoNear !== undefined) {
      const stage = geoNearStage(first.$geoNear, c.indexes, c.name);
      source = stage.run([...ctx.session.find(c, compileFilter(stage.query))].map((l) => l.doc));
      pipeline.shift();
    } else if (first && isPlainObject(first.$match)) {
      source = [...ctx.session.find(c, compileFilter(first.$match))].map((l) => l.doc);
      pipeline.shift();
    } else {
      source = [...ctx.session.find(c, compileFilter({}))].map((l) => l.doc);
    }

    const joined = narrowLookup(ctx, pipeline, source);
    const collectionResolver = (name: string): Doc[] => {
      let docs = joined.get(name);
      if (!docs) {
        const other = collectionOf(ctx.store, { collectionName: name });
        docs = [...ctx.session.find(other, compileFilter({}))].map((l) => l.doc);
        joined.set(name, docs);
      }
      return docs;
    };
    const list = new Aggregator(pipeline, { collectionResolver }).run<Doc>(source);
    return { data: { list: list.map(encodeDoc) } };
  });
}

/** A value at a dotted path of a plain document (undefined when any step is missing). */
function valueAt(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) value = isPlainObject(value) ? value[key] : undefined;
  return value;
}

const JOINING_STAGES = ['$lookup', '$graphLookup', '$unionWith', '$facet'];

/**
 * When the first remaining stage is a plain `$lookup` (as in "candidate joined to its contest" on every
 * vote), read only the foreign documents it can match — `{foreignField: {$in: local values}}`, which the
 * index planner answers — instead of the whole foreign collection, so its cost does not grow with that
 * collection. Falls back to the whole collection (an empty map) whenever that could change the answer:
 * another joining stage later, a pipeline form, or local values that are missing, null or not scalars
 * (those match by MongoDB's array and null rules).
 */
function narrowLookup(ctx: OpContext, pipeline: Doc[], source: Doc[]): Map<string, Doc[]> {
  const narrowed = new Map<string, Doc[]>();
  const lookup = pipeline[0]?.$lookup as Doc | undefined;
  if (!isPlainObject(lookup) || lookup.pipeline !== undefined || lookup.let !== undefined) return narrowed;
  const { from, localField, foreignField } = lookup;
  if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string') return narrowed;
  if (pipeline.slice(1).some((stage) => Object.keys(stage).some((key) => JOINING_STAGES.includes(key)))) return narrowed;
  const values = source.map((doc) => valueAt(doc, localField));
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) return narrowed;
  const other = collectionOf(ctx.store, { collectionName: from });
  narrowed.set(from, [...ctx.session.find(other, compileFilter({ [foreignField]: { $in: [...new Set(values)] } }))].map((l) => l.doc));
  return narrowed;
}
