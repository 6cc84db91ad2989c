#!/usr/bin/env bash
# Copy the browser assets Minzheng serves from node_modules (npm, pinned by package-lock.json) into
# src/minzheng/web/static/vendor/, each with its licence. The copies are committed: a government
# intranet deployment serves them from the project, never from a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/minzheng/web/static/vendor
mkdir -p "$dest/htmx" "$dest/echarts" "$dest/axe-core"
cp node_modules/htmx.org/dist/htmx.min.js "$dest/htmx/"
cp node_modules/htmx.org/LICENSE "$dest/htmx/LICENSE"
cp node_modules/echarts/dist/echarts.min.js "$dest/echarts/"
cp node_modules/echarts/LICENSE "$dest/echarts/LICENSE"
cp node_modules/echarts/NOTICE "$dest/echarts/NOTICE" 2>/dev/null || true
# axe-core: for the browser tests only (injected by Playwright); no template links it, so no page ships it.
cp node_modules/axe-core/axe.min.js "$dest/axe-core/"
cp node_modules/axe-core/LICENSE "$dest/axe-core/LICENSE"
cp node_modules/axe-core/LICENSE-3RD-PARTY.txt "$dest/axe-core/LICENSE-3RD-PARTY.txt"
{
  echo "# Vendored browser assets"
  echo
  echo "Copied by scripts/vendor-assets.sh from npm (versions pinned in package-lock.json)."
  echo
  echo "| asset | version | licence |"
  echo "|---|---|---|"
  for pkg in htmx.org echarts axe-core; do
    node -e "const p=require('./node_modules/$pkg/package.json');console.log('| '+p.name+' | '+p.version+' | '+p.license+' |')"
  done
} > "$dest/README.md"
echo "vendored into $dest"
