#!/bin/sh
# Regenerates the data files converted from third-party resources (data/identifiers.tsv,
# data/actors/, data/role_nouns.tsv, data/non_actors.tsv) and their review reports under
# scripts/data/, from ../shared/resources/ (override with ACTORGRAPH_SHARED).
#
#   scripts/data/regenerate.sh           rewrite the files (only those whose bytes change)
#   scripts/data/regenerate.sh --check   write nothing; exit 1 if any file is stale
#
# Python 3.11 standard library only. The converters are deterministic: a second run
# changes nothing. Order matters: convert_discards.py reads data/actors/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export PYTHONDONTWRITEBYTECODE=1
check=""
case "${1:-}" in
  --check) check="--check" ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac
status=0
for converter in convert_identifiers convert_actors convert_agents convert_discards; do
  python3 "$here/$converter.py" $check || status=1
done
if [ -n "$check" ] && [ "$status" -eq 0 ]; then
  echo "data/ is up to date"
fi
exit "$status"
