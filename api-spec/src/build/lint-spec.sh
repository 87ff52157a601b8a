#!/usr/bin/env bash
# Lints the OpenAPI description with Spectral's OpenAPI ruleset and fails on any error or
# warning. Spectral's version is pinned in package-lock.json; `npm ci` runs only when that file
# differs from the one of the last install, so repeated builds reuse node_modules.
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly SPEC=src/main/resources/openapi/customer-api.yaml
readonly STAMP=node_modules/.installed-package-lock.json
readonly NODE_HELP="The spec lint runs Spectral on Node.js 18.18 or newer with npm. Install them,
for example with: apt-get install -y --no-install-recommends nodejs npm"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "ERROR: '$tool' was not found on PATH. $NODE_HELP" >&2
    exit 1
  fi
done

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then
  echo "ERROR: Node.js $(node --version) is too old. $NODE_HELP" >&2
  exit 1
fi

if ! cmp -s package-lock.json "$STAMP"; then
  # --ignore-scripts: Spectral needs no install scripts, so none of its dependencies run one.
  npm ci --ignore-scripts --no-audit --no-fund
  cp package-lock.json "$STAMP"
fi

node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity warn "$SPEC"
