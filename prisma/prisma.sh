#!/bin/sh
# Runs the Prisma CLI without the native engines it would otherwise download (unreachable on
# our machines and behind many farm firewalls): the client uses driver adapters and the CLI the
# bundled WebAssembly schema engine (prisma.config.ts). The engine variables only need to name
# an existing file that is not an engine, so that the CLI does not try to fetch one.
here=$(cd "$(dirname "$0")" && pwd)
export PRISMA_SCHEMA_ENGINE_BINARY="$here/prisma.sh"
export PRISMA_QUERY_ENGINE_LIBRARY="$here/prisma.sh"
export PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1
export PRISMA_HIDE_UPDATE_MESSAGE=1
# generate and diff never connect; any postgresql:// URL satisfies the schema's validation.
export DATABASE_URL="${DATABASE_URL:-postgresql://offline@127.0.0.1:5432/offline}"
exec "$here/../node_modules/.bin/prisma" "$@"
