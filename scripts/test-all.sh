#!/usr/bin/env bash
# The whole test suite from a fresh clone: system packages, npm ci, static checks, unit tests,
# the production build, browser tests, the real-tool checks of generated bundles and real runs.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { printf '\n=== %s\n' "$*"; }

stage "system packages"
bash scripts/setup-system.sh
stage "npm ci"
npm ci --no-audit --no-fund
stage "typecheck"
npm run typecheck
stage "lint"
npm run lint
stage "format"
npm run format:check
stage "unit tests"
npm run test:unit
stage "build"
npm run build
stage "browser tests"
npm run test:e2e
stage "bundle checks with the real tools"
npm run test:bundle
stage "done"
echo "every stage passed"
