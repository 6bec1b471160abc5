#!/bin/sh
# make bench: throughput of `dyad code` on the news corpora, beside `wc -w`.
# Prints MB/s of input, documents/s, sentences/s and peak RSS for -j 1 and
# -j 2, each the best of 3 runs, and the ratio to wc -w on the same file.
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
TIME=/usr/bin/time
runs=${RUNS:-5}
best() { # best wall time of $runs runs of "$@": sets T (s), M (peak KiB); stderr of the last run in $tmp/err
    T=""; M=0
    i=0
    while [ $i -lt $runs ]; do
        t0=$(date +%s%N)
        $TIME -f "%M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err"
        t1=$(date +%s%N)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
        m=$(tail -1 "$tmp/time")
        if [ -z "$T" ] || [ "$(awk "BEGIN{print ($t < $T)}")" = 1 ]; then T=$t; fi
        [ "$m" -gt "$M" ] && M=$m
        i=$((i + 1))
    done
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$DATA/news/reuters.jsonl" "$DATA/news/polnear.jsonl"; do
    [ -f "$f" ] || { echo "bench: $f missing"; continue; }
    size=$(stat -c %s "$f")
    cat "$f" >/dev/null # warm the page cache
    best wc -w "$f"
    wc_t=$T
    echo "== $(basename "$f"): $(awk "BEGIN{printf \"%.1f\", $size/1048576}") MB; wc -w: ${wc_t}s ($(awk "BEGIN{printf \"%.0f\", $size/1048576/($wc_t>0?$wc_t:0.001)}") MB/s)"
    for j in 1 2; do
        best "$BUILD"/dyad code --segment-only -j $j "$f"
        summary=$(tail -1 "$tmp/err")
        docs=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) documents.*/\1/p')
        sents=$(echo "$summary" | sed -n 's/.* \([0-9]*\) sentences.*/\1/p')
        awk -v t="$T" -v s="$size" -v d="$docs" -v n="$sents" -v m="$M" -v w="$wc_t" -v j="$j" 'BEGIN {
            if (t <= 0) t = 0.001;
            printf "dyad code --segment-only -j %d: %.2fs  %.1f MB/s  %.0f docs/s  %.0f sentences/s  peak RSS %.1f MB  (%.2fx the time of wc -w)\n",
                   j, t, s / 1048576 / t, d / t, n / t, m / 1024, t / (w > 0 ? w : 0.001) }'
        eval "t_j$j=$T"
    done
    awk -v a="$t_j1" -v b="$t_j2" 'BEGIN { printf "speed-up -j 2 / -j 1: %.2fx\n", (b > 0 ? a / b : 0) }'
    # The whole pipeline as it stands: segmentation, tagging, parsing and the later stages.
    for j in 1 2; do
        best "$BUILD"/dyad code -j $j "$f"
        summary=$(tail -1 "$tmp/err")
        sents=$(echo "$summary" | sed -n 's/.* \([0-9]*\) sentences.*/\1/p')
        awk -v t="$T" -v s="$size" -v n="$sents" -v m="$M" -v j="$j" 'BEGIN {
            if (t <= 0) t = 0.001;
            printf "dyad code -j %d (full pipeline): %.2fs  %.1f MB/s  %.0f sentences/s  peak RSS %.1f MB\n",
                   j, t, s / 1048576 / t, n / t, m / 1024 }'
    done
    # With the SQLite store: a fresh database each run, then a re-run that skips everything.
    rm -f "$tmp"/b.db*
    t0=$(date +%s%N); "$BUILD"/dyad code -q -j 2 --db "$tmp/b.db" "$f" >/dev/null; t1=$(date +%s%N)
    "$BUILD"/dyad code -q -j 2 --db "$tmp/b.db" "$f" >/dev/null; t2=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" -v c="$t2" -v s="$size" 'BEGIN {
        printf "dyad code -j 2 --db: %.2fs  %.1f MB/s into a new database; re-run (all unchanged) %.2fs\n",
               (b - a) / 1e9, s / 1048576 / ((b - a) / 1e9), (c - b) / 1e9 }'
done
if [ -x "$BUILD"/tools/evalseg ] && [ -f "$DATA/news/reuters.jsonl" ]; then
    echo "== tokenizer + sentence splitter alone (tok_run + sent_run), one core"
    "$BUILD"/tools/evalseg --bench "$DATA/news/reuters.jsonl" --repeat 5
fi
# One huge document (invented text, repeated): the pipeline must stay
# linear in the number of toponyms, quotes and events of one document.
if [ -x "$BUILD"/dyad ]; then
    echo "== one huge document: the same two invented sentences repeated (quotes, places, events)"
    for n in 12000 48000; do
        awk -v n="$n" 'BEGIN {
            s = "\\\"Iran attacked Iraq,\\\" a spokesman for the ministry said by phone. According to officials, Egypt met Israel and it urged Syria to resume talks.";
            printf "{\"id\":\"huge\",\"text\":\"";
            for (i = 0; i < n; i++) printf "%s%s", (i ? " " : ""), s;
            printf "\"}\n" }' >"$tmp/huge.jsonl"
        size=$(stat -c %s "$tmp/huge.jsonl")
        best "$BUILD"/dyad code -q -j 1 "$tmp/huge.jsonl"
        awk -v t="$T" -v s="$size" -v m="$M" 'BEGIN {
            printf "%.1f MB in one document: %.2fs  peak RSS %.0f MB\n", s / 1048576, t, m / 1024 }'
    done
fi
