/** The one export of Prisma's WebAssembly query compiler glue that lib/db/planCache.ts wraps. */
declare module '@prisma/client/runtime/query_compiler_bg.postgresql.js' {
  export const QueryCompiler: { prototype: { compile(request: string): unknown } };
}
