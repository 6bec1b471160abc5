#!/bin/sh
# Runs every test layer and ends with one line "N passed, N failed".
#  1. unit tests: each $BUILD/tests/test_* prints its own "N passed, N failed"
#  2. golden end-to-end tests: tests/golden/NAME.{txt,jsonl,html,...} run through
#     `dyad code` (extra options in NAME.args) and compared with NAME.expected;
#     the exit status must equal NAME.status (default 0)
#  3. CLI robustness checks: tests/cli.sh
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
export BUILD DATA
passed=0
failed=0
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d|*.o) continue ;; esac
    out=$("$t" 2>&1)
    rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out"
        echo "CRASH $(basename "$t") (exit $rc)"
        failed=$((failed + 1))
        continue
    fi
    p=${line%% passed*}
    f=${line#*passed, }
    f=${f%% failed*}
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then printf '%s\n' "$out"; [ "$f" -eq 0 ] && failed=$((failed + 1)); fi
    echo "$(basename "$t"): $line"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
g_pass=0
g_fail=0
for exp in tests/golden/*.expected; do
    [ -e "$exp" ] || continue
    name=${exp%.expected}
    input=$(ls "$name".* | grep -v -E '\.(expected|args|status)$' | head -1)
    args=""
    [ -f "$name.args" ] && args=$(cat "$name.args")
    want=0
    [ -f "$name.status" ] && want=$(cat "$name.status")
    # shellcheck disable=SC2086
    "$BUILD"/dyad code -j 1 $args "$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL golden $(basename "$name"): exit $rc, expected $want"; cat "$tmp/err"
        g_fail=$((g_fail + 1))
    elif ! cmp -s "$tmp/out" "$exp"; then
        echo "FAIL golden $(basename "$name"): output differs"
        diff "$exp" "$tmp/out" | head -20
        g_fail=$((g_fail + 1))
    else
        g_pass=$((g_pass + 1))
    fi
done
echo "golden: $g_pass passed, $g_fail failed"
passed=$((passed + g_pass))
failed=$((failed + g_fail))

if [ -f tests/cli.sh ]; then
    out=$(sh tests/cli.sh 2>&1)
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out"; echo "CRASH tests/cli.sh"; failed=$((failed + 1))
    else
        p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
        passed=$((passed + p)); failed=$((failed + f))
        [ "$f" -ne 0 ] && printf '%s\n' "$out"
        echo "cli: $line"
    fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
