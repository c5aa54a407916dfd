import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// The Prisma CLI's migrate commands download a native schema engine, which cannot
// be fetched on every machine. The same engine ships as WebAssembly on npm; this
// module loads it and talks to the database through the pg driver adapter.

// Node has WebAssembly; its types live in the DOM lib, which server code does not load.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmFile = path.join(path.dirname(bindingsFile), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Runs `work` with a schema engine bound to `databaseUrl`, then frees it.
 * A datamodel-only diff needs no database; pass any URL (nothing connects).
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: SchemaFile,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  // Our own pool, so that its connections are closed when the work is done.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engineLog: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => engineLog.push(line),
    adapterFactory,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

export const noFilters = { externalTables: [], externalEnums: [] };
