#!/usr/bin/env bash
# Regenerate the gqlgen code and fail if it differs from what is committed.
set -euo pipefail
go generate ./graph/...
if ! git diff --quiet -- graph/ schema.graphqls gqlgen.yml; then
  echo "generated code is out of date: run 'make generate' and commit the result" >&2
  git --no-pager diff --stat -- graph/ >&2
  exit 1
fi
echo "generated code is up to date"
