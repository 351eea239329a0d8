#!/usr/bin/env bash
# Byte-for-byte check that a change kept the output: writes every export of a fixed set of
# runs (the seed, the first 50 articles of ../shared/bench/wikinews.jsonl, a selection, the
# bad-input fixtures with their messages and exit codes, `render` from a saved graph) into
# a directory, and with --against compares that directory with one written earlier.
#
#   scripts/compare-exports.sh save /tmp/arch-before          # before the change
#   scripts/compare-exports.sh check /tmp/arch-before         # after: diff -r, exit 1 on a difference
#
# Images use the layout engine ENGINE (auto, graphviz or builtin; default auto, which picks
# Graphviz when it is installed): give the same one to both halves.
# WIDE=FILE.jsonl adds json and tsv of that corpus and of the whole wikinews file, the dev
# gold and the PLOVER gold sentences: more text on which to see a change of behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: compare-exports.sh save|check DIR}
ref=${2:?usage: compare-exports.sh save|check DIR}
bin=${ACTORGRAPH:-target/release/actorgraph}
[ -x "$bin" ] || cargo build --release --quiet
corpus=${TMPDIR:-/tmp}/arch-50.jsonl
head -n 50 ../shared/bench/wikinews.jsonl > "$corpus"

case "$mode" in
  save) out=$ref; rm -rf "$out" ;;
  check) out=$(mktemp -d) ;;
  *) echo "usage: compare-exports.sh save|check DIR" >&2; exit 2 ;;
esac
mkdir -p "$out"

# one run: NAME, then the arguments; its stderr and exit code are kept beside its files
run() {
  local name=$1; shift
  local code=0
  "$bin" "$@" --engine "${ENGINE:-auto}" > "$out/$name.stdout" 2> "$out/$name.stderr" || code=$?
  echo "$code" > "$out/$name.exit"
}

run seed build data/seed.txt -f all -o "$out/seed" -q
run corpus50 build "$corpus" -f all -o "$out/corpus50" -q
run focus build "$corpus" -f all -o "$out/focus" --name focus -q \
  --focus "Donald Trump" --depth 2 --min-weight 1
run bad-relation build "$corpus" -f json -o "$out/bad-relation" -q --relations MAKE_STATEMENT
run focus-missing build "$corpus" -f json -o "$out/focus-missing" -q --focus "Nobody Atall"
run types build "$corpus" -f json,tsv -o "$out/types" -q --types Person,Country --relations CONSULT,ACCUSE,HOLDS_OFFICE --max-nodes 20
run tsv-stdout build data/seed.txt -f tsv -o - -q
run bad build tests/fixtures/bad -f json,tsv -o "$out/bad" -q
run strict build tests/fixtures/bad -f json -o "$out/strict" -q --strict
# user knowledge files: a good gazetteer and verb lexicon, and a bad lexicon line
user=$(mktemp -d); trap 'rm -rf "$user"; [ "$mode" = check ] && rm -rf "$out"' EXIT
printf '# test gazetteer\nname\ttype\taliases\tcountry\nAdiala Tribunal\tGovernmentBody\tAT\tPakistan\n' > "$user/gaz.tsv"
printf '# test verbs\nlemma\tpos\tobject\ttarget\trelation\texample\nhug\tVERB\t\tobj\tSUPPORT\tX hugged Y.\n' > "$user/verbs.tsv"
printf '# bad\nlemma\tpos\tobject\ttarget\trelation\texample\nhug\tVERB\t\tobj\tHUG\tX hugged Y.\n' > "$user/bad.tsv"
run user build "$corpus" -f json,tsv -o "$out/user" -q --gazetteer "$user/gaz.tsv" --lexicon "$user/verbs.tsv"
run user-bad build data/seed.txt -f json -o "$out/user-bad" -q --lexicon "$user/bad.tsv"
run render render "$out/corpus50/arch-50.json" -o "$out/render-focus.svg" --focus "Donald Trump"
run render-png render "$out/seed/seed.json" -o "$out/render-seed.png"
if [ -n "${WIDE:-}" ]; then
  run wide build "$WIDE" ../shared/bench/wikinews.jsonl -f json,tsv -o "$out/wide" -q --name wide
  run gold build ../shared/gold ../shared/gold-plover -f json,tsv -o "$out/gold" -q --name gold
fi
# messages name paths: make them independent of where the outputs went
sed -i -e "s#$out#OUT#g" -e "s#$user#USER#g" "$out"/*.stderr

if [ "$mode" = check ]; then
  # without WIDE, the wide runs saved in the reference are not compared
  skip=(); [ -n "${WIDE:-}" ] || skip=(-x 'wide*' -x 'gold*')
  if diff -r "${skip[@]}" "$ref" "$out"; then
    echo "identical: $(find "$out" -type f | wc -l) files"
  else
    echo "exports differ from $ref" >&2
    exit 1
  fi
else
  echo "saved $(find "$out" -type f | wc -l) files into $out"
fi
