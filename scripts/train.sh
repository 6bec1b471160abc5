#!/bin/sh
# make train: retrain the tagger and the parser from ../shared/data, exactly
# as the committed models were made (models/TAGGER.md, models/PARSER.md).
# Deterministic; about 5 minutes on the 2-core machine.  The parser learns
# from jackknifed tags: ten fold taggers, fold k trained without the train
# sentences i with i mod 10 == k, which it then tags.
set -e
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
D=$DATA/nlp/ud_english_ewt
N=$DATA/news
OUT=${OUT:-models}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
UNL="--unlabeled $N/reuters.jsonl --unlabeled $N/polnear.jsonl"
# Training sentences: EWT train and the GUM news and interview documents of
# GUM's train split (splits.md), for news; GUM's dev and test documents are
# never trained on.
G=$DATA/nlp/gum_news_interview
TRAIN=$tmp/train.conllu
cat "$D/en_ewt-ud-train.conllu" >"$TRAIN"
awk '/^## /{s=$2} s=="train" && $1=="*" {print $2}' "$G/splits.md" | while read -r doc; do
    if [ -f "$G/dep/$doc.conllu" ]; then printf '\n' >>"$TRAIN"; cat "$G/dep/$doc.conllu" >>"$TRAIN"; fi
done
# one blank line between sentences, whatever the files end with
awk 'BEGIN{RS="";ORS="\n\n"} {print}' "$TRAIN" >"$TRAIN.tmp" && mv "$TRAIN.tmp" "$TRAIN"
echo "== tagger"
# shellcheck disable=SC2086
"$BUILD"/tools/train_tagger --train "$TRAIN" --dev "$D/en_ewt-ud-dev.conllu" $UNL \
    --out "$OUT/tagger.bin" --iters 12 --seed 1
echo "== ten fold taggers for the parser's training tags"
awk -v dir="$tmp" 'BEGIN{RS="";ORS="\n\n"} {print > (dir "/part" (NR-1)%10 ".conllu")}' "$TRAIN"
fold() {
    k=$1
    for j in 0 1 2 3 4 5 6 7 8 9; do [ "$j" != "$k" ] && cat "$tmp/part$j.conllu"; done >"$tmp/train$k.conllu"
    # shellcheck disable=SC2086
    "$BUILD"/tools/train_tagger --train "$tmp/train$k.conllu" --dev "$D/en_ewt-ud-dev.conllu" $UNL \
        --out "$tmp/tagger$k.bin" --iters 12 --seed 1 >"$tmp/fold$k.log"
}
for k in 0 2 4 6 8; do
    fold "$k" &
    fold $((k + 1))
    wait
done
echo "== parser"
"$BUILD"/tools/train_parser --train "$TRAIN" --dev "$D/en_ewt-ud-dev.conllu" \
    --out "$OUT/parser.bin" --iters 15 --seed 1 --tagger "$OUT/tagger.bin" \
    --train-taggers "$(ls "$tmp"/tagger?.bin | paste -sd, -)"
