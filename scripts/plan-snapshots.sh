#!/usr/bin/env bash
# Writes the offline plan of every stack × cloud × variant CI checks (the same matrix as
# .ci/run) as JSON into OUTDIR, one file per combination. Run it before and after a
# refactor, then `node scripts/diff-plan-snapshots.mjs BEFORE AFTER` shows what changed.
set -euo pipefail
out="${1:?usage: scripts/plan-snapshots.sh OUTDIR}"
mkdir -p "$out"
cd "$(dirname "$0")/.."
npm run --silent build
cli=$(ls dist/*/cli/plan.js | head -1)
for stack in staging prod; do
  for cloud in aws gcp azure; do
    for variant in native databaseEngine=atlas edgeProvider=cloudflare; do
      args=(--stack "$stack" --cloud "$cloud")
      [ "$variant" != native ] && args+=(--set "$variant")
      if [ "$variant" = "databaseEngine=atlas" ] && [ "$cloud" = azure ]; then
        args+=(--set atlasAzureServicePrincipalId=00000000-0000-0000-0000-000000000000)
      fi
      node "$cli" "${args[@]}" --json "$out/$stack-$cloud-${variant%%=*}.json" >/dev/null
    done
  done
done
ls "$out" | wc -l
