#!/bin/sh
# make eval: accuracy figures on ../shared/data (read in place).
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
NLP=$DATA/nlp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== tagger, lemmatizer, parser on gold tokenization (dyad parse --input conllu, then evalud)"
for f in "$NLP/ud_english_ewt/en_ewt-ud-test.conllu:EWT-test" "$NLP/ud_english_ewt/en_ewt-ud-dev.conllu:EWT-dev"; do
    "$BUILD"/dyad parse -q --input conllu "${f%%:*}" >"$tmp/sys.conllu"
    "$BUILD"/tools/evalud --name "${f##*:}" "${f%%:*}" "$tmp/sys.conllu"
done
# Robustness to all-caps wire headlines: the same dev set with every word in capitals.
awk -F'\t' 'BEGIN { OFS = "\t" } NF == 10 && $1 !~ /^#/ { $2 = toupper($2) } { print }' \
    "$NLP/ud_english_ewt/en_ewt-ud-dev.conllu" >"$tmp/caps.conllu"
"$BUILD"/dyad parse -q --input conllu "$tmp/caps.conllu" >"$tmp/sys.conllu"
"$BUILD"/tools/evalud --name EWT-dev-ALL-CAPS "$NLP/ud_english_ewt/en_ewt-ud-dev.conllu" "$tmp/sys.conllu" 2>/dev/null
# The tagger and parser train on GUM's train documents (scripts/train.sh):
# tagging and parsing are measured on its dev and test documents only.
GD=$NLP/gum_news_interview/dep
GUM_NEWS_HELD="$GD/GUM_news_nasa.conllu $GD/GUM_news_sensitive.conllu $GD/GUM_news_homeopathic.conllu $GD/GUM_news_iodine.conllu"
GUM_INT_HELD="$GD/GUM_interview_hill.conllu $GD/GUM_interview_libertarian.conllu $GD/GUM_interview_cyclone.conllu $GD/GUM_interview_gaming.conllu"
# shellcheck disable=SC2086
cat $GUM_NEWS_HELD >"$tmp/gum.conllu"
"$BUILD"/dyad parse -q --input conllu "$tmp/gum.conllu" >"$tmp/sys.conllu"
"$BUILD"/tools/evalud --name GUM-news-dev+test "$tmp/gum.conllu" "$tmp/sys.conllu"
# shellcheck disable=SC2086
cat $GUM_INT_HELD >"$tmp/gum.conllu"
"$BUILD"/dyad parse -q --input conllu "$tmp/gum.conllu" >"$tmp/sys.conllu"
"$BUILD"/tools/evalud --name GUM-interview-dev+test "$tmp/gum.conllu" "$tmp/sys.conllu"
echo "== segmentation (and, on aligned words, tagging and parsing) from raw text (P R F1 in %)"
echo "   (segmentation is not trained: all GUM documents; tags and trees: held-out documents only)"
"$BUILD"/tools/evalseg --name "EWT-test" "$NLP/ud_english_ewt/en_ewt-ud-test.conllu"
"$BUILD"/tools/evalseg --name "GUM-news" "$NLP"/gum_news_interview/dep/GUM_news_*.conllu
"$BUILD"/tools/evalseg --name "GUM-interview" "$NLP"/gum_news_interview/dep/GUM_interview_*.conllu
# shellcheck disable=SC2086
"$BUILD"/tools/evalseg --name "GUM-news-dev+test" $GUM_NEWS_HELD
echo "== GUM rebuilt from its XML layout (every head/p/caption/item its own paragraph)"
"$BUILD"/tools/evalseg --name "GUM-news-xml" --gum-xml "$NLP"/gum_news_interview/xml/GUM_news_*.xml
"$BUILD"/tools/evalseg --name "GUM-interview-xml" --gum-xml "$NLP"/gum_news_interview/xml/GUM_interview_*.xml
G=$DATA/nlp/gum_news_interview
echo "== dates on GUM news + interview (value accuracy / span recall / accuracy without bare years)"
echo "dyad:"
"$BUILD"/tools/evaldate "$G"
if [ -d node_modules/chrono-node ]; then
    echo "chrono-node (npm), same texts, same reference dates, same metric:"
    "$BUILD"/tools/evaldate --dump "$G" | node tools/chrono_eval.js | "$BUILD"/tools/evaldate --system - "$G"
fi
echo "== tone: Pearson r against human ratings (VADER gold: NYT editorial snippets, tweets)"
"$BUILD"/tools/evaltone "$DATA"/tone/vader_icwsm2014/nytEditorialSnippets_GroundTruth.txt "$DATA"/tone/vader_icwsm2014/tweets_GroundTruth.txt
echo "== geoparsing end to end from raw text (GeoWebNews, LGL): recall, precision, within 161 km, country"
"$BUILD"/tools/evalgeo "$DATA"/geo/gritta/GWN.xml "$DATA"/geo/gritta/lgl.xml
echo "== geoparsing given the gold toponym spans"
"$BUILD"/tools/evalgeo --gold "$DATA"/geo/gritta/GWN.xml "$DATA"/geo/gritta/lgl.xml
echo "== named entities: the NER model on gold tokens (span F1; UNER EWT test, wikigold, GUM news test)"
"$BUILD"/tools/evalner --model models/ner.bin --tagger models/tagger.bin \
    --uner "$NLP/uner_english_ewt/en_ewt-ud-test.iob2" --wikigold "$NLP/wikigold/wikigold.conll.txt" --gum "$G"
echo "== named entities end to end from raw text, dictionaries and typing included (UNER EWT test)"
"$BUILD"/tools/evalent --uner "$NLP/uner_english_ewt/en_ewt-ud-test.iob2"
echo "== actor coding on the project's hand-coded PolNeAR dev mentions (tests/gold/polnear_actors.tsv)"
"$BUILD"/tools/evalactor tests/gold/polnear_actors.tsv "$DATA/news/polnear.jsonl"
echo "== actor coding on the project's hand-coded PolNeAR train mentions (tests/gold/polnear_actors_train.tsv, held out)"
"$BUILD"/tools/evalactor tests/gold/polnear_actors_train.tsv "$DATA/news/polnear.jsonl" | tail -1
echo "== actor coding on the project's hand-coded Reuters-21578 mentions (tests/gold/reuters_actors.tsv, held out)"
"$BUILD"/tools/evalactor tests/gold/reuters_actors.tsv "$DATA/news/reuters.jsonl" | tail -1
echo "== quotations on PolNeAR dev (content overlap P/R/F1, speaker and cue accuracy)"
"$BUILD"/tools/evalquote --split dev "$DATA/quotes/polnear/data" "$DATA/news/polnear.jsonl"
echo "== events: PLOVER gold sentences (event type of the first event; source/target country)"
"$BUILD"/tools/evalevent "$DATA/events/plover/PLOVER_GSR_CAMEO.txt"
echo "== events: the project's hand-coded PolNeAR news sentences (tests/gold/EVENTS.md; root-code P/R/F1)"
echo "set C (held out: never developed on):"
"$BUILD"/tools/evalevent --news-gold tests/gold/polnear_events_c.tsv --news "$DATA/news/polnear.jsonl"
echo "set D (a development set: read for rules, so not an honest figure):"
"$BUILD"/tools/evalevent --news-gold tests/gold/polnear_events_d.tsv --news "$DATA/news/polnear.jsonl"
for h in dev test; do
    echo "sets A+B, $h halves:"
    "$BUILD"/tools/evalevent --news-gold tests/gold/polnear_events.tsv --news-gold tests/gold/polnear_events_b.tsv \
        --half $h --news "$DATA/news/polnear.jsonl"
done
echo "== events: the third-party verb dictionaries on the same gold (beside dyad's patterns, then alone): PLOVER first event, held-out set C root"
for v in "$DATA/events/tabari-dictionaries/CAMEO.080612.verbs" "$DATA/events/petrarch2/CAMEO.2.0.txt"; do
    for alone in "" --no-default-events; do
        printf '%s %s: PLOVER' "${v##*/}" "${alone:-beside}"
        "$BUILD"/tools/evalevent --verbs "$v" $alone "$DATA/events/plover/PLOVER_GSR_CAMEO.txt" | grep "first event" | sed 's/ *event type (first event) */ /'
        printf '%s %s: set C' "${v##*/}" "${alone:-beside}"
        "$BUILD"/tools/evalevent --verbs "$v" $alone --news-gold tests/gold/polnear_events_c.tsv --news "$DATA/news/polnear.jsonl" |
            grep "root code" | sed 's/ *root code */ /'
    done
done
echo "== events on unseen news: mode and attributed_to of every event dyad emits (tests/gold/MODE.md)"
"$BUILD"/tools/evalevent --mode-gold tests/gold/news_mode.tsv --mode-news "$DATA/news"
echo "== events on news: events per sentence, root histogram, modes"
"$BUILD"/tools/evalevent --corpus "$DATA/news/polnear.jsonl" --corpus "$DATA/news/reuters.jsonl"
echo "== TABARI and PETRARCH validation suites with their own dictionaries (dyad validate; totals)"
for f in "$DATA/events/tabari/Validate.project" "$DATA/events/petrarch2/PETR.UnitTest.records.xml" \
    "$DATA/events/universalpetrarch/PETR_Validate_records_2_02.xml"; do
    echo "${f#"$DATA"/events/}:"
    "$BUILD"/dyad validate "$f" 2>&1 | tail -3
done
