#!/usr/bin/env bash
# The whole test suite: C unit tests (under AddressSanitizer and
# UndefinedBehaviorSanitizer), pg_regress against a real throwaway server,
# and, where ../shared/corpus exists, the conformance score on real reports.
# Ends with "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash test/setup.sh || exit 1

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

echo "== C unit tests (ASan + UBSan)"
mkdir -p test/unit/build
for unit in test/unit/test_*.c; do
    name=$(basename "$unit" .c)
    if cc -std=c11 -Wall -Wextra -Werror -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
          -o "test/unit/build/$name" "$unit" src/gd_*.c src/readers/*.c; then
        out=$("test/unit/build/$name"); status=$?
        echo "$out"
        ok=$(grep -c '^ok ' <<<"$out"); bad=$(grep -c '^not ok ' <<<"$out")
        [ "$status" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
        count "$ok" "$bad"
    else
        count 0 1
    fi
done

echo "== fuzz harnesses: replay every saved input, then fuzz the parser for ${GD_FUZZ_SECONDS:=60} s and the rules for a quarter of it"
replay() {  # replay HARNESS INPUT...
    local harness=$1 input; shift
    for input in "$@"; do
        if test/fuzz/build/"$harness" "$input" >/dev/null 2>&1; then
            echo "ok replay $harness $(basename "$input")"; count 1 0
        else
            echo "not ok replay $harness $(basename "$input")"; count 0 1
        fi
    done
}
fuzz() {  # fuzz HARNESS SECONDS
    if bash test/fuzz/run.sh "$2" "$1" >"test/fuzz/build/$1.log" 2>&1; then
        echo "ok fuzzing $1: $(grep -E '^#[0-9]+.*DONE' "test/fuzz/build/$1.log" | tail -1)"; count 1 0
    else
        tail -40 "test/fuzz/build/$1.log"
        echo "not ok fuzzing $1 found an input that breaks the core (saved in test/fuzz/build/)"; count 0 1
    fi
}
if bash test/fuzz/build.sh; then
    replay fuzz_parse test/fuzz/regressions/*.txt
    replay fuzz_check test/fuzz/regressions/check/*
    fuzz fuzz_parse "$GD_FUZZ_SECONDS"
    fuzz fuzz_check $(( GD_FUZZ_SECONDS / 4 > 2 ? GD_FUZZ_SECONDS / 4 : 2 ))
else
    count 0 1
fi

echo "== core stays free of PostgreSQL headers"
if grep -l 'include.*postgres\|palloc\|ereport' src/gd_*.c src/gd_*.h src/readers/*.c src/readers/*.h; then count 0 1; else echo ok; count 1 0; fi

echo "== pg_regress against a throwaway server"
regress() {
    make -s installcheck >"$1/installcheck.out" 2>&1
    local status=$?
    bash test/concurrent_load.sh >"$1/concurrent.out" 2>&1
    psql -Xqc 'CREATE EXTENSION IF NOT EXISTS govdisclose' >/dev/null
    python3 test/fixtures/check_matrix.py --known-gaps test/fixtures/matrix/known-gaps.txt >"$1/matrix.out" 2>&1
    echo "matrix exit $?" >>"$1/matrix.out"
    python3 test/fixtures/check_matrix.py --matrix test/fixtures/randrep \
        --known-gaps test/fixtures/randrep/known-gaps.txt >"$1/randrep.out" 2>&1
    echo "randrep exit $?" >>"$1/randrep.out"
    python3 test/fixtures/randrep.py --seeds 1-20 --paths quick >"$1/randquick.out" 2>&1
    echo "randquick exit $?" >>"$1/randquick.out"
    if [ -n "${GD_CORPUS:-}" ]; then
        for dir in "$GD_CORPUS" "$GD_CORPUS/realworld"; do
            python3 "$GD_CORPUS/../tools/conformance.py" "$dir" --min 0.995 >"$1/conformance.$(basename "$dir").out" 2>&1
            echo "conformance $(basename "$dir") exit $?" >>"$1/conformance.out"
        done
    fi
    return $status
}
export -f regress
results=$(mktemp -d)
chmod 777 "$results"
# empty until the cluster step writes them: a cluster that never starts counts as a failure
touch "$results/installcheck.out" "$results/matrix.out" "$results/randrep.out" "$results/randquick.out" &&
    chmod 666 "$results"/*.out
corpus=$(cd .. && pwd)/shared/corpus
[ -d "$corpus/seeds" ] && export GD_CORPUS="$corpus"
test/with-cluster.sh bash -c "regress $results"
cat "$results/installcheck.out"
ok=$(grep -cE '\.\.\. ok|^ok [0-9]' "$results/installcheck.out")
bad=$(grep -cE '\.\.\. FAILED|^not ok [0-9]' "$results/installcheck.out")
[ "$ok" -eq 0 ] && [ "$bad" -eq 0 ] && bad=1
count "$ok" "$bad"
if [ -f regression.diffs ]; then cat regression.diffs; fi

echo "== two sessions loading at once (test/concurrent_load.sh)"
cat "$results/concurrent.out"
ok=$(grep -c '^ok [0-9]' "$results/concurrent.out")
bad=$(grep -c '^not ok [0-9]' "$results/concurrent.out")
[ "$ok" -eq 0 ] && [ "$bad" -eq 0 ] && bad=1
count "$ok" "$bad"

echo "== fixture matrix: every converter path of every report (test/fixtures/matrix)"
grep -E '^(ok|not ok|gap) ' "$results/matrix.out"
grep -E '^paths compared|^psql failed|^matrix exit' "$results/matrix.out"
ok=$(grep -c '^ok ' "$results/matrix.out"); bad=$(grep -c '^not ok ' "$results/matrix.out")
# the checker's own verdict counts too: it also fails when the database cannot be asked
grep -q '^matrix exit 0$' "$results/matrix.out" || [ "$bad" -gt 0 ] || bad=1
echo "matrix: $ok passed, $bad failed, $(grep -c '^gap ' "$results/matrix.out") known gaps (not counted)"
count "$ok" "$bad"

echo "== randrep regressions: converter outputs of random reports that once gave wrong numbers (test/fixtures/randrep)"
grep -E '^(ok|not ok|gap) |^paths compared|^psql failed|^randrep exit' "$results/randrep.out"
# a gap there is a row the text cannot decide: NULL and no wrong number, which the checker asserts
ok=$(grep -cE '^(ok|gap) ' "$results/randrep.out"); bad=$(grep -c '^not ok ' "$results/randrep.out")
grep -q '^randrep exit 0$' "$results/randrep.out" || [ "$bad" -gt 0 ] || bad=1
count "$ok" "$bad"

echo "== randrep quick run: 20 random reports through the converter-free paths, no wrong number"
grep -E '^WRONG|^UNEXPLAINED|^reports |^psql failed|^randquick exit' "$results/randquick.out"
if grep -q '^randquick exit 0$' "$results/randquick.out" && grep -q '^reports 20, ' "$results/randquick.out"; then
    echo "ok randrep quick run"; count 1 0
else
    echo "not ok randrep quick run"; count 0 1
fi

echo "== gdload: every format of one report into a real server, bad files, COPY escaping, exit codes"
gdload_out=$(mktemp)
test/with-cluster.sh bash test/gdload/run.sh >"$gdload_out" 2>&1
cat "$gdload_out"
ok=$(grep -c '^ok ' "$gdload_out"); bad=$(grep -c '^not ok ' "$gdload_out")
[ "$ok" -eq 0 ] && [ "$bad" -eq 0 ] && bad=1
count "$ok" "$bad"
rm -f "$gdload_out"

if [ -d ../shared/vendor ]; then
    echo "== Citus: a coordinator and two workers give the single node's rows (test/citus/run.sh)"
    citus_out=$(mktemp)
    bash test/citus/run.sh >"$citus_out" 2>&1
    status=$?
    cat "$citus_out"
    # its closing line counts; a run that ends without one, or exits non-zero with
    # no failure counted, counts as one failure
    ok=0; bad=1
    read -r ok bad < <(tail -1 "$citus_out" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p')
    [ "$status" -ne 0 ] && [ "${bad:-0}" -eq 0 ] && bad=1
    count "${ok:-0}" "${bad:-1}"
    rm -f "$citus_out"
else
    echo "== Citus test skipped: ../shared/vendor is not here (not counted)"
fi

if [ -n "${GD_CORPUS:-}" ]; then
    echo "== conformance on ../shared/corpus (real reports)"
    for f in "$results"/conformance.*.out; do echo "$(basename "$f"): $(tail -1 "$f")"; done
    count "$(grep -c 'exit 0' "$results/conformance.out")" "$(grep -vc 'exit 0' "$results/conformance.out")"
else
    echo "== conformance skipped: ../shared/corpus is not here (not counted)"
fi
rm -rf "$results"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
