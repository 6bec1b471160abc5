#!/bin/sh
# CLI robustness tests: bad input of every kind SPEC and the foundation issue
# name, exit statuses, thread ordering, the SQLite store's idempotence and
# kill-safety.  Ends with "N passed, N failed".
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
DYAD="$BUILD/dyad"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL cli: $1"; }
# expect DESC COND... : run the test command, count it
expect() { d=$1; shift; if "$@"; then ok; else bad "$d"; fi; }
lines() { wc -l <"$1" | tr -d ' '; }
has() { grep -q -- "$2" "$1"; }

# -- every input document yields one line, errors in order, status 1 ------
printf '{"id":"a","text":"One. Two."}\n{"id":"b","text":"broken"\n{"id":"c"}\n{"id":"d","text":42}\nnot json at all\n\n{"id":"e","text":"Fine again."}\n' >"$T/mixed.jsonl"
"$DYAD" code -q "$T/mixed.jsonl" >"$T/out" 2>"$T/err"; rc=$?
expect "mixed: exit 1 when some documents fail" [ "$rc" -eq 1 ]
expect "mixed: one line per non-blank input line" [ "$(lines "$T/out")" -eq 6 ]
expect "mixed: bad_json names file and line" has "$T/out" '"line":2,"error":{"code":"bad_json","message":"[^"]*mixed.jsonl line 2: expected'
expect "mixed: no_text for a record without text" has "$T/out" '"id":"c".*"code":"no_text"'
expect "mixed: no_text for non-string text" has "$T/out" '"id":"d".*"code":"no_text"'
expect "mixed: coding continues after errors" has "$T/out" '"id":"e","date":null'
expect "mixed: order kept" [ "$(sed -n 6p "$T/out" | grep -c '"id":"e"')" -eq 1 ]
"$DYAD" code -q -j 2 "$T/mixed.jsonl" >"$T/out2" 2>/dev/null
expect "mixed: -j 2 output identical to -j 1" cmp -s "$T/out" "$T/out2"

# -- invalid UTF-8 is repaired (Windows-1252), text written out -----------
printf '{"id":"u","text":"caf\351 cr\350me \223quoted\224"}\n' >"$T/latin.jsonl"
"$DYAD" code -q "$T/latin.jsonl" >"$T/out"; rc=$?
expect "utf8: repaired, exit 0" [ "$rc" -eq 0 ]
expect "utf8: repaired text carried in output" has "$T/out" '"text":"café crème “quoted”"'
head -c 3000 /dev/urandom >"$T/binary.txt"
printf '\000\001\002\003\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >>"$T/binary.txt"
"$DYAD" code -q "$T/binary.txt" >"$T/out"; rc=$?
expect "binary: one error line" [ "$(lines "$T/out")" -eq 1 ]
expect "binary: code binary or bad_utf8, exit 1" sh -c "[ $rc -eq 1 ] && grep -q -E '\"code\":\"(binary|bad_utf8)\"' '$T/out'"

# -- NUL bytes, BOM, CRLF ---------------------------------------------------
printf 'Stray\000NUL here. And more text follows in this sentence.\n' >"$T/nul.txt"
"$DYAD" code -q --with-text "$T/nul.txt" >"$T/out"; rc=$?
expect "nul: a stray NUL is blanked, exit 0" [ "$rc" -eq 0 ]
expect "nul: offsets kept (NUL became a space)" has "$T/out" '"text":"Stray NUL here.'
printf '\357\273\277{"id":"bom","text":"Hello."}\r\n{"id":"crlf","text":"World."}\r\n' >"$T/bom.jsonl"
"$DYAD" code -q "$T/bom.jsonl" >"$T/out"; rc=$?
expect "bom+crlf: both records fine" sh -c "[ $rc -eq 0 ] && [ \$(grep -c '\"sentences\":\\[\\[0,6\\]\\]' '$T/out') -eq 2 ]"
printf '\357\273\277Hello there.\r\nSecond line.\r\n' >"$T/bom.txt"
"$DYAD" code -q --tokens "$T/bom.txt" >"$T/out"
expect "bom text: BOM stripped, offsets from the first letter" has "$T/out" '"tokens":\[\[0,5\]'

# -- empty inputs -----------------------------------------------------------
: >"$T/empty.txt"
: >"$T/empty.jsonl"
"$DYAD" code -q "$T/empty.txt" >"$T/out"; rc=$?
expect "empty text file: one no_text record, exit 1" sh -c "[ $rc -eq 1 ] && grep -q '\"code\":\"no_text\"' '$T/out'"
"$DYAD" code -q "$T/empty.jsonl" >"$T/out"; rc=$?
expect "empty jsonl file: no records, exit 0" sh -c "[ $rc -eq 0 ] && [ ! -s '$T/out' ]"

# -- size limit: a 100 MB single line, refused without reading it whole ---
{ printf '{"id":"huge","text":"'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"}\n{"id":"after","text":"Small."}\n'; } |
    /usr/bin/time -f "%M" -o "$T/rss" "$DYAD" code -q -j 1 --segment-only --format jsonl >"$T/out"; rc=$?
expect "huge line: too_large then the next record" sh -c "[ $rc -eq 1 ] && [ \$(wc -l <'$T/out') -eq 2 ] && grep -q '\"code\":\"too_large\"' '$T/out' && grep -q '\"id\":\"after\"' '$T/out'"
expect "huge line: peak RSS under 64 MB" [ "$(tail -1 "$T/rss")" -lt 65536 ]
printf 'A short text that is longer than twenty bytes.\n' >"$T/small.txt"
"$DYAD" code -q --max-doc-bytes 20 "$T/small.txt" >"$T/out"; rc=$?
expect "max-doc-bytes applies to text files" sh -c "[ $rc -eq 1 ] && grep -q '\"code\":\"too_large\"' '$T/out'"

# -- compressed input ---------------------------------------------------------
printf '{"id":"g1","text":"One sentence."}\n{"id":"g2","text":"Another one."}\n' >"$T/c.jsonl"
gzip -c "$T/c.jsonl" >"$T/c.jsonl.gz"
zstd -q -c "$T/c.jsonl" >"$T/c.jsonl.zst"
"$DYAD" code -q "$T/c.jsonl" >"$T/plain.out"
"$DYAD" code -q "$T/c.jsonl.gz" >"$T/gz.out"; rc1=$?
"$DYAD" code -q "$T/c.jsonl.zst" >"$T/zst.out"; rc2=$?
expect "gz: same output as plain" sh -c "[ $rc1 -eq 0 ] && cmp -s '$T/plain.out' '$T/gz.out'"
expect "zst: same output as plain" sh -c "[ $rc2 -eq 0 ] && cmp -s '$T/plain.out' '$T/zst.out'"
cat "$T/c.jsonl.gz" "$T/c.jsonl.gz" >"$T/two.jsonl.gz"
"$DYAD" code -q "$T/two.jsonl.gz" >"$T/out"
expect "gz: concatenated members read" [ "$(lines "$T/out")" -eq 4 ]
seq 1 3000 | sed 's/.*/{"id":"n&","text":"Sentence number &. Another one here."}/' | gzip -c >"$T/big.jsonl.gz"
size=$(stat -c %s "$T/big.jsonl.gz")
head -c $((size / 2)) "$T/big.jsonl.gz" >"$T/trunc.jsonl.gz"
"$DYAD" code -q "$T/trunc.jsonl.gz" >"$T/out" 2>"$T/err"; rc=$?
expect "truncated gz: exit 1, last record says truncated" sh -c "[ $rc -eq 1 ] && tail -1 '$T/out' | grep -q '\"code\":\"truncated\"'"
expect "truncated gz: the complete records before it are coded" [ "$(grep -c '"sentences"' "$T/out")" -gt 100 ]
seq 1 3000 | sed 's/.*/{"id":"n&","text":"Sentence number &."}/' | zstd -q -c >"$T/big.jsonl.zst"
size=$(stat -c %s "$T/big.jsonl.zst")
head -c $((size / 2)) "$T/big.jsonl.zst" >"$T/trunc.jsonl.zst"
"$DYAD" code -q "$T/trunc.jsonl.zst" >"$T/out"; rc=$?
expect "truncated zst: exit 1, truncated record" sh -c "[ $rc -eq 1 ] && tail -1 '$T/out' | grep -q '\"code\":\"truncated\"'"
# corrupt deflate data in the middle (found by fuzzing: once an endless loop)
printf '\037\213\010\000\000\000\000\000\000\003\253V\312LQ\260RJW\322Q*I\255(\0011\253\224j\271\000t\012&\330\027\000\000\000' >"$T/corrupt.jsonl.gz"
timeout 10 "$DYAD" code -q "$T/corrupt.jsonl.gz" >"$T/out"; rc=$?
expect "corrupt gz: exit 1 with a truncated record, no hang" sh -c "[ $rc -eq 1 ] && grep -q '\"code\":\"truncated\"' '$T/out'"
printf 'Plain text document.\n' | gzip -c >"$T/t.txt.gz"
head -c 12 "$T/t.txt.gz" >"$T/tt.txt.gz"
"$DYAD" code -q "$T/tt.txt.gz" >"$T/out"; rc=$?
expect "truncated gz text: one truncated record" sh -c "[ $rc -eq 1 ] && [ \$(wc -l <'$T/out') -eq 1 ] && grep -q '\"code\":\"truncated\"' '$T/out'"

# -- usage errors and unreadable files: exit 2 ------------------------------
"$DYAD" code -q "$T/does-not-exist.txt" >/dev/null 2>"$T/err"; rc=$?
expect "missing file: exit 2 with its name" sh -c "[ $rc -eq 2 ] && grep -q 'does-not-exist.txt' '$T/err'"
"$DYAD" code --bogus >/dev/null 2>&1; rc=$?
expect "unknown option: exit 2" [ "$rc" -eq 2 ]
"$DYAD" code --date 2023-13-45 "$T/small.txt" >/dev/null 2>&1; rc=$?
expect "bad --date: exit 2" [ "$rc" -eq 2 ]
"$DYAD" code -j 0 "$T/small.txt" >/dev/null 2>&1; rc=$?
expect "bad -j: exit 2" [ "$rc" -eq 2 ]
"$DYAD" version | grep -q '^dyad [0-9]'; expect "version prints" [ $? -eq 0 ]

# -- dates and metadata -------------------------------------------------------
printf '{"id":7,"date":"2023-03-02T10:00:00Z","title":"T","url":"u","source":"s","lang":"en","tags":["a",{"b":1}],"text":"Hi."}\n{"id":"x","date":"March 3","text":"Hi."}\n' >"$T/meta.jsonl"
"$DYAD" code -q "$T/meta.jsonl" >"$T/out"; rc=$?
expect "meta: numeric id, date cut to the day, unknown fields in meta" has "$T/out" '"id":"7","date":"2023-03-02","title":"T","url":"u","source":"s","meta":{"lang":"en","tags":\["a",{"b":1}\]}'
expect "meta: a bad date is a warning, not an error" sh -c "[ $rc -eq 0 ] && grep -q '\"warnings\":\\[\"date' '$T/out'"
printf 'Some text.\n' >"$T/d.txt"
"$DYAD" code -q --date 2024-05-06 "$T/d.txt" >"$T/out"
expect "--date sets a text document's date, id is the file name" has "$T/out" '"id":"d.txt","date":"2024-05-06"'
expect "stdin: jsonl sniffed" sh -c "printf '{\"id\":\"s1\",\"text\":\"Hi.\"}\n' | '$DYAD' code -q | grep -q '\"id\":\"s1\"'"

# -- deep nesting and hostile JSON ------------------------------------------
{ printf '{"id":"deep","x":'; head -c 100000 /dev/zero | tr '\0' '['; printf ',"text":"a"}\n'; } >"$T/deep.jsonl"
"$DYAD" code -q "$T/deep.jsonl" >"$T/out"; rc=$?
expect "deep nesting: bad_json, no crash" sh -c "[ $rc -eq 1 ] && grep -q '\"code\":\"bad_json\"' '$T/out'"
printf '{"id":"esc","text":"a\\ud800b \\u00e9 \\ud83d\\ude00"}\n' >"$T/esc.jsonl"
"$DYAD" code -q --with-text "$T/esc.jsonl" >"$T/out"
expect "escapes: lone surrogate to U+FFFD, pairs decoded" has "$T/out" '"text":"a�b é 😀"'

# -- dyad parse --input conllu keeps the given words and sentences -----------
cat >"$T/g.conllu" <<'CONLLU'
# newdoc id = d1
# text = They don't know.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# newpar
# text = Yes.
1	Yes	yes	INTJ	UH	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

# newdoc id = d2
# text = Second document
1	Second	second	ADJ	JJ	_	2	amod	_	_
2	document	document	NOUN	NN	_	0	root	_	_

CONLLU
"$DYAD" parse -q --input conllu "$T/g.conllu" >"$T/out"; rc=$?
expect "parse conllu: exit 0, two documents" sh -c "[ $rc -eq 0 ] && [ \$(grep -c '^# newdoc' '$T/out') -eq 2 ]"
expect "parse conllu: the same words, sentence by sentence" [ "$(grep -c "$(printf '^[0-9]*\t')" "$T/out")" -eq 9 ]
expect "parse conllu: text rebuilt with the multiword token joined" has "$T/out" '^# text = They don.t know.$'
expect "parse conllu: SpaceAfter=No kept" sh -c "grep -q \"$(printf '^4\tknow\t')\" '$T/out' && grep \"$(printf '^4\tknow\t')\" '$T/out' | grep -q 'SpaceAfter=No'"
"$DYAD" code -q --format conllu --with-text "$T/g.conllu" >"$T/out"
expect "code --format conllu: text and sentences from the words" has "$T/out" '"id":"d1".*"text":"They don.t know.\\n\\nYes.","sentences":\[\[0,16\],\[18,22\]\]'
printf '1\tbad\n\n' >"$T/bad.conllu"
"$DYAD" parse -q --input conllu "$T/bad.conllu" >"$T/out"; rc=$?
expect "parse conllu: a malformed line is an error record naming it" sh -c "[ $rc -eq 1 ] && grep -q 'line 1: 2 fields, expected 10' '$T/out'"

# -- threads keep input order on a real corpus --------------------------------
if [ -f "$DATA/news/polnear.jsonl" ]; then
    # The first 200 documents through the whole pipeline, all of them segmented only.
    head -200 "$DATA/news/polnear.jsonl" >"$T/p200.jsonl"
    "$DYAD" code -q -j 1 "$T/p200.jsonl" >"$T/j1"
    "$DYAD" code -q -j 2 "$T/p200.jsonl" >"$T/j2"
    expect "threads: -j 2 equals -j 1 through the whole pipeline" cmp -s "$T/j1" "$T/j2"
    "$DYAD" code -q --segment-only -j 1 "$DATA/news/polnear.jsonl" >"$T/j1"
    "$DYAD" code -q --segment-only -j 7 "$DATA/news/polnear.jsonl" >"$T/j7"
    expect "threads: -j 7 equals -j 1 on polnear" cmp -s "$T/j1" "$T/j7"
    expect "threads: one line per polnear document" [ "$(lines "$T/j1")" -eq "$(lines "$DATA/news/polnear.jsonl")" ]
fi

# -- SQLite store: idempotent, replaces changed documents, survives kill -9 --
"$DYAD" code -q --db "$T/t.db" "$T/c.jsonl" >/dev/null
"$DYAD" code --db "$T/t.db" "$T/c.jsonl" >/dev/null 2>"$T/err"
expect "db: re-coding the same input adds nothing" has "$T/err" '0 added, 2 unchanged, 0 replaced'
sed 's/One sentence/One changed sentence/' "$T/c.jsonl" >"$T/c2.jsonl"
"$DYAD" code --db "$T/t.db" "$T/c2.jsonl" >/dev/null 2>"$T/err"
expect "db: changed text replaces" has "$T/err" '0 added, 1 unchanged, 1 replaced'
expect "db: two documents" [ "$(sqlite3 "$T/t.db" 'select count(*) from documents')" -eq 2 ]
"$DYAD" code -q --db "$T/notdb.txt" "$T/c.jsonl" >/dev/null 2>"$T/err"; rc=$?
printf 'this is not a database, just text long enough to be read as a header.........................\n' >"$T/notdb.txt"
"$DYAD" code -q --db "$T/notdb.txt" "$T/c.jsonl" >/dev/null 2>"$T/err"; rc=$?
expect "db: a non-database file is refused with exit 2" sh -c "[ $rc -eq 2 ] && grep -q 'notdb.txt' '$T/err'"
if [ -f "$DATA/news/reuters.jsonl" ]; then
    n=$(lines "$DATA/news/reuters.jsonl")
    "$DYAD" code -q --segment-only -j 2 --db "$T/k.db" "$DATA/news/reuters.jsonl" >/dev/null &
    pid=$!
    sleep 1
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    expect "kill -9: database intact" [ "$(sqlite3 "$T/k.db" 'pragma integrity_check')" = ok ]
    "$DYAD" code -q --segment-only -j 2 --db "$T/k.db" "$DATA/news/reuters.jsonl" >/dev/null
    expect "kill -9: the next run completes the set" [ "$(sqlite3 "$T/k.db" 'select count(*) from documents')" -eq "$n" ]
fi

# -- actor dictionaries: TABARI/PETRARCH import, bad lines, defaults off ----
cat >"$T/my.actors" <<'EOD'
# a user's actor file in TABARI/PETRARCH syntax
GONDORIAN_ARMY_ [GONMIL]
ARAGORN_ [GONGOV >291231] [GONELI <300101]
+KING_ELESSAR_
BROKEN_LINE [NOCLOSE
EOD
printf 'OFFICIALS_ [~GOV]\nRIDERS_ [MIL~]\n' >"$T/my.agents"
printf '{"id":"g","date":"2031-05-01","text":"King Elessar met the Gondorian Army in Minas Tirith. Aragorn said officials agreed."}\n' >"$T/g.jsonl"
"$DYAD" code -q --actors "$T/my.actors" --agents "$T/my.agents" "$T/g.jsonl" >"$T/out" 2>"$T/err"; rc=$?
expect "actors: a malformed line does not stop coding" [ "$rc" -eq 0 ]
expect "actors: the malformed line is named by file and line" has "$T/err" "my.actors:5:"
expect "actors: a dated code from an imported file" has "$T/out" '"name":"[^"]*","code":"GONGOV"'
expect "actors: an imported synonym is the same actor" has "$T/out" '"code":"GONGOV","country":"GON","type":"PERSON","roles":\[\],"mentions":\[\[0,12\],\[53,60\]\]'
expect "actors: an imported agent with the home country" has "$T/out" '"name":"officials","code":"GONGOV"'
expect "actors: an imported organisation" has "$T/out" '"code":"GONMIL"'
printf '{"id":"g","date":"2029-05-01","text":"Aragorn spoke."}\n' | "$DYAD" code -q --actors "$T/my.actors" >"$T/out" 2>/dev/null
expect "actors: the code valid on the document date" has "$T/out" '"code":"GONELI"'
"$DYAD" code -q --actors "$T/missing.actors" "$T/g.jsonl" >/dev/null 2>"$T/err"; rc=$?
expect "actors: an unreadable dictionary is exit 2 naming it" sh -c "[ $rc -eq 2 ] && grep -q 'missing.actors' '$T/err'"
printf '{"id":"f","date":"2023-05-01","text":"French President Emmanuel Macron met Turkish police."}\n' >"$T/f.jsonl"
"$DYAD" code -q "$T/f.jsonl" >"$T/out"
expect "actors: default dictionaries code a head of state" has "$T/out" '"code":"FRAGOV"'
"$DYAD" code -q --db "$T/a.db" "$T/f.jsonl" >/dev/null
expect "actors: stored, searchable by code" [ "$(sqlite3 "$T/a.db" "select name from actors where code = 'FRAGOV'")" = "Emmanuel Macron" ]
expect "actors: entities stored with their actor" [ "$(sqlite3 "$T/a.db" "select count(*) from entities e join actors a on a.doc = e.doc and a.idx = e.actor where e.type = 'PERSON'")" -ge 1 ]
"$DYAD" code -q --no-default-dicts "$T/f.jsonl" >"$T/out"
expect "actors: --no-default-dicts drops them" sh -c "! grep -q '\"code\":\"FRAGOV\"' '$T/out'"
P=$DATA/events/petrarch2
if [ -f "$P/Phoenix.Countries.actors.txt" ]; then
    printf '{"id":"p","date":"2014-03-01","text":"Russian troops moved into Crimea as Barack Obama warned Vladimir Putin."}\n' >"$T/p.jsonl"
    "$DYAD" code -q --no-default-dicts --actors "$P/Phoenix.Countries.actors.txt" --actors "$P/Phoenix.International.actors.txt" \
        --agents "$P/Phoenix.agents.txt" "$T/p.jsonl" >"$T/out" 2>"$T/err"
    expect "actors: Phoenix dictionaries code Obama in 2014" has "$T/out" '"code":"USAGOV"'
    expect "actors: Phoenix dictionaries code Russian troops" has "$T/out" '"code":"RUSMIL"'
fi

# -- output formats: TSV, PETRARCH, the PLOVER ontology ------------------------
printf 'Russia condemned Ukraine.\n' >"$T/ru.txt"
"$DYAD" code -q --date 2024-02-03 --format tsv "$T/ru.txt" >"$T/out"; rc=$?
expect "tsv: exit 0, a header and one row" sh -c "[ $rc -eq 0 ] && [ \$(wc -l <'$T/out') -eq 2 ]"
expect "tsv: the header" [ "$(head -1 "$T/out" | cut -f1-3,9,23)" = "$(printf 'event_id\tdate\tactor1_code\tevent_code\tsentence')" ]
expect "tsv: the row" [ "$(sed -n 2p "$T/out" | cut -f1-14,20,23)" = "$(printf 'ru.txt-0\t20240203\tRUS\tRussia\tRUS\tUKR\tUkraine\tUKR\t111\t111\t11\t3\t-2.0\tasserted\tru.txt\t0')" ]
expect "tsv: 23 columns in every line" [ "$(awk -F'\t' '{print NF}' "$T/out" | sort -u)" = 23 ]
"$DYAD" code -q --date 2024-02-03 --output-format tsv "$T/ru.txt" >"$T/out2"
expect "tsv: --output-format tsv is --format tsv" cmp -s "$T/out" "$T/out2"
printf '{"id":"r1","date":"2024-02-03","url":"http://e/1","source":"Wire","text":"Russia condemned Ukraine."}\n' >"$T/ru.jsonl"
cp "$T/ru.jsonl" "$T/ru.dat"
"$DYAD" code -q --format tsv --format jsonl "$T/ru.dat" >"$T/out"; rc=$?
expect "formats: --format jsonl --format tsv is jsonl in, TSV out" sh -c "[ $rc -eq 0 ] && sed -n 2p '$T/out' | grep -q \"^r1-0$(printf '\t')20240203.*$(printf '\t')r1$(printf '\t')http://e/1$(printf '\t')Wire$(printf '\t')0\$\""
"$DYAD" code -q --format petrarch "$T/ru.jsonl" >"$T/out"; rc=$?
expect "petrarch: one line, PETRARCH2's columns" sh -c "[ $rc -eq 0 ] && [ \"\$(cat '$T/out')\" = \"$(printf '20240203\tRUS\tUKR\t111\t\tr1_0\thttp://e/1\tWire')\" ]"
"$DYAD" code -q --ontology plover "$T/ru.jsonl" >"$T/out"; rc=$?
expect "plover json: PLOVER event, mode and context, CAMEO kept" sh -c "[ $rc -eq 0 ] && grep -q '\"event\":\"ACCUSE\",\"event_mode\":\"disapprove\",\"context\":\[\],\"code\":\"111\"' '$T/out'"
expect "plover json: SPEC's mode untouched" has "$T/out" '"mode":"asserted"'
"$DYAD" code -q --ontology plover --format tsv "$T/ru.jsonl" >"$T/out"
expect "plover tsv: PLOVER columns" [ "$(cut -f9-11 "$T/out" | tr '\t' ' ')" = "$(printf 'event_type event_mode event_context\nACCUSE disapprove ')" ]
"$DYAD" code -q --ontology plover --format petrarch "$T/ru.jsonl" >"$T/out"
expect "plover petrarch: the PLOVER type in the code column" [ "$(cut -f4 "$T/out")" = ACCUSE ]
"$DYAD" code -q --format xml "$T/ru.txt" >/dev/null 2>"$T/err"; rc=$?
expect "bad --format: exit 2 naming both sets" sh -c "[ $rc -eq 2 ] && grep -q \"unknown format 'xml'.*petrarch\" '$T/err'"
"$DYAD" code -q --output-format jsonl "$T/ru.txt" >/dev/null 2>"$T/err"; rc=$?
expect "bad --output-format: exit 2" sh -c "[ $rc -eq 2 ] && grep -q \"unknown output format 'jsonl'\" '$T/err'"
"$DYAD" code -q --ontology gdelt "$T/ru.txt" >/dev/null 2>"$T/err"; rc=$?
expect "bad --ontology: exit 2 with a message" sh -c "[ $rc -eq 2 ] && grep -q \"unknown ontology 'gdelt'\" '$T/err'"
"$DYAD" code -q --format tsv "$T/mixed.jsonl" >"$T/out" 2>"$T/err"; rc=$?
expect "tsv errors: exit 1" [ "$rc" -eq 1 ]
expect "tsv errors: each failed document reported on stderr" [ "$(grep -c -E '(bad_json|no_text)' "$T/err")" -eq 4 ]
expect "tsv errors: the report names the line" has "$T/err" 'bad_json: .*mixed.jsonl line 2'
expect "tsv errors: no row for them, the header kept" [ "$(head -1 "$T/out" | cut -f1)" = event_id ]
"$DYAD" code --format tsv "$T/mixed.jsonl" >/dev/null 2>"$T/err"
expect "tsv errors: counted in the summary" has "$T/err" '6 documents, 4 failed'
"$DYAD" code -q --format petrarch --db "$T/f.db" "$T/ru.jsonl" >/dev/null
expect "petrarch + --db: the whole document stored" [ "$(sqlite3 "$T/f.db" 'select count(*) from documents')" -eq 1 ]
: >"$T/empty.verbs"
"$DYAD" code -q --verbs "$T/empty.verbs" --discards "$T/empty.verbs" --no-default-events "$T/ru.txt" >/dev/null 2>&1; rc=$?
expect "--verbs, --discards, --no-default-events accepted" [ "$rc" -eq 0 ]
if [ -f "$T/p200.jsonl" ]; then
    "$DYAD" code -q -j 1 --format tsv "$T/p200.jsonl" >"$T/t1"
    "$DYAD" code -q -j 2 --format tsv "$T/p200.jsonl" >"$T/t2"
    expect "tsv: -j 2 equals -j 1 on real news, rows present" sh -c "cmp -s '$T/t1' '$T/t2' && [ \$(wc -l <'$T/t1') -gt 10 ]"
    expect "tsv: 23 columns on real news" [ "$(awk -F'\t' '{print NF}' "$T/t1" | sort -u)" = 23 ]
    "$DYAD" code -q -j 2 --ontology plover --format petrarch "$T/p200.jsonl" >"$T/t2"
    expect "petrarch: 8 columns on real news" [ "$(awk -F'\t' '{print NF}' "$T/t2" | sort -u)" = 8 ]
fi


# ---- TABARI / PETRARCH verb dictionaries and validation suites -------------
"$DYAD" validate >/dev/null 2>&1; rc=$?
expect "validate: no file is a usage error" [ "$rc" -eq 2 ]
"$DYAD" validate /nonexistent.project >/dev/null 2>&1; rc=$?
expect "validate: unreadable file exits 2" [ "$rc" -eq 2 ]
V=$T/vt
mkdir -p "$V"
printf 'FREEDONIA_ [FRD]\nSYLVANIA_ [SYL]\n' >"$V/t.actors"
printf 'MINISTER_ [~GOV]\n' >"$V/t.agents"
printf 'PRAISE [051]\nVISIT_ [042:043]\n' >"$V/t.verbs"
printf 'SET: MINIMUM WORDS = 0\n' >"$V/t.options"
printf '<actorsfile> t.actors\n<agentsfile> t.agents\n<verbsfile> t.verbs\n<optionsfile> t.options\n<textfile> t.text\n' >"$V/t.project"
cat >"$V/t.text" <<'REC'
010101 T-1
Freedonia praised Sylvania.
/* { FRD / SYL / 051 } */

010102 T-2
Freedonia visited Sylvania.
/* { FRD / SYL / 042 }
{ SYL / FRD / 043 } */

010103 T-3
The weather was fine.
/* {---} */

010104 END
This is the end of the standard validation records.
REC
"$DYAD" validate "$V/t.project" >"$T/out" 2>&1; rc=$?
expect "validate: a passing TABARI project exits 0" [ "$rc" -eq 0 ]
expect "validate: totals printed" has "$T/out" 'exactly right: 3 (100.0%)'
sed 's|FRD / SYL / 051|FRD / SYL / 052|' "$V/t.text" >"$V/t2.text"
sed 's|t.text|t2.text|' "$V/t.project" >"$V/t2.project"
"$DYAD" validate "$V/t2.project" >"$T/out" 2>&1; rc=$?
expect "validate: a wrong expectation fails the record and exits 1" sh -c "[ $rc -eq 1 ] && grep -q '^FAIL T-1' '$T/out'"
printf 'PRAISE [051]\nBAD LINE\n- * X [052]\n' >"$T/b.verbs"
echo "Freedonia praised Sylvania." >"$T/fs.txt"
"$DYAD" code -q --no-default-dicts --actors "$V/t.actors" --verbs "$T/b.verbs" "$T/fs.txt" >"$T/out" 2>"$T/err"; rc=$?
expect "--verbs: a bad line is reported with file:line" sh -c "[ $rc -eq 0 ] && grep -q 'b.verbs:2:' '$T/err'"
expect "--verbs: its patterns code events" has "$T/out" '"code":"051"'
"$DYAD" code -q --verbs /nonexistent.verbs "$T/fs.txt" >/dev/null 2>"$T/err"; rc=$?
expect "--verbs: an unreadable file exits 2 naming it" sh -c "[ $rc -eq 2 ] && grep -q nonexistent.verbs '$T/err'"

mkdir -p "$T/ev"
cp data/events/cameo.tsv data/events/plover.tsv "$T/ev/"
printf '[verb]\n111    SRC condemn TGT\n' >"$T/ev/only.events"
echo "Russia condemned Ukraine. Russia praised Ukraine." >"$T/ev.txt"
"$DYAD" code -q --event-dir "$T/ev" --date 2024-01-01 "$T/ev.txt" >"$T/out"
expect "--event-dir: the patterns of that directory only" sh -c "grep -q '\"code\":\"111\"' '$T/out' && ! grep -q '\"code\":\"051\"' '$T/out'"
"$DYAD" code -q --event-dir /nonexistent "$T/ev.txt" >/dev/null 2>"$T/err"; rc=$?
expect "--event-dir: a missing directory exits 2 naming it" sh -c "[ $rc -eq 2 ] && grep -q nonexistent '$T/err'"

# -- the default dictionaries: a region word is CAMEO's region code --------
echo "European farmers protested in Brussels. African leaders met in Addis Ababa." >"$T/reg.txt"
"$DYAD" code -q --date 2024-01-01 "$T/reg.txt" >"$T/out"
expect "regions: European farmers are EUR, not the home country" has "$T/out" '"name":"European farmers","code":"EUR[A-Z]*"'
expect "regions: African leaders are AFRGOV" has "$T/out" '"code":"AFRGOV"'

echo "$pass passed, $fail failed"
