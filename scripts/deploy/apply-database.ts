import type CloudBase from '@cloudbase/manager-node';
import type { CollectionDecl, IndexDecl } from './validate';

/**
 * Applies `cloudfunctions/database.json` to the cloud environment with CloudBase's manager SDK: creates missing
 * collections, adds missing indexes (incl. 2dsphere), sets each collection's permission. Never drops anything:
 * an index that exists online but is not declared, or is declared with other keys, is reported for a person to
 * decide (dropping an index on a live collection is not something a deploy should do silently).
 */
type Manager = InstanceType<typeof CloudBase>;

function toCreateIndex(index: IndexDecl) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
      MgoIsUnique: index.unique,
    },
  };
}

const sameKeys = (index: IndexDecl, online: { Name: string; Direction: string }[] | undefined) =>
  JSON.stringify(index.keys.map((k) => [k.field, String(k.direction)])) === JSON.stringify((online ?? []).map((k) => [k.Name, String(k.Direction)]));

async function setPermission(app: Manager, envId: string, c: CollectionDecl): Promise<void> {
  try {
    await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.permission });
  } catch (err) {
    // Environments on the older permission model answer only the database ACL action.
    console.warn(`  ${c.name}: ModifyResourcePermission failed (${(err as Error).message}); trying ModifyDatabaseACL`);
    await app.commonService('tcb', '2018-06-08').call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: c.name, AclTag: c.permission } });
  }
}

export async function applyDatabase(app: Manager, envId: string, collections: CollectionDecl[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const c of collections) {
    const created = await app.database.createCollectionIfNotExists(c.name);
    const info = await app.database.describeCollection(c.name);
    const online = new Map((info.Indexes ?? []).map((i) => [i.Name, i]));
    const missing = c.indexes.filter((i) => !online.has(i.name));
    if (missing.length > 0) await app.database.updateCollection(c.name, { CreateIndexes: missing.map(toCreateIndex) });
    for (const index of c.indexes) {
      const existing = online.get(index.name);
      if (existing && !sameKeys(index, existing.Keys as { Name: string; Direction: string }[])) {
        warnings.push(`${c.name}.${index.name} exists online with other keys: drop it in the console (数据库 → 索引管理) and deploy again`);
      }
    }
    for (const name of online.keys()) {
      if (name !== '_id_' && !c.indexes.some((i) => i.name === name)) warnings.push(`${c.name}.${name} exists online but is not declared (left as is)`);
    }
    await setPermission(app, envId, c);
    console.log(`  ${c.name}: ${created.IsCreated ? 'created' : 'exists'}, ${missing.length} index(es) added, permission ${c.permission}`);
  }
  return warnings;
}
