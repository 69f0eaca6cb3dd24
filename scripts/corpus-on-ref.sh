#!/bin/sh
# Corpus figures of another commit's checker with this branch's corpus (e.g. BEFORE = main):
#   sh scripts/corpus-on-ref.sh main 300
set -e
REF=${1:-main}
N=${2:-300}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(mktemp -d /tmp/cdppe-corpus-XXXXXX)
trap 'rm -rf "$DIR"' EXIT
git -C "$ROOT" archive "$REF" src | tar -x -C "$DIR"
mkdir -p "$DIR/tests/support" "$DIR/scripts"
cp -r "$ROOT/tests/support/corpus" "$DIR/tests/support/"
cp "$ROOT/scripts/corpus-report.ts" "$DIR/scripts/"
cp "$ROOT/tsconfig.json" "$ROOT/tsconfig.corpus.json" "$DIR/"
ln -s "$ROOT/node_modules" "$DIR/node_modules"
cd "$DIR"
npx tsc -p tsconfig.corpus.json
echo "checker of $REF ($(git -C "$ROOT" rev-parse --short "$REF")):"
node build/corpus/scripts/corpus-report.js "$N"
