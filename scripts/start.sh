#!/usr/bin/env bash
# Starts the designer: installs npm dependencies when needed, then the Vite dev server.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci; fi
exec npx vite --host 127.0.0.1 --port "${PORT:-5173}" "$@"
