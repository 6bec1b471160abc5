#!/bin/sh
# make demo: code the sample articles into dyad.db and show what was found.
set -e
BUILD=${1:-build}
DB=dyad.db
echo "== coding samples/ into $DB"
"$BUILD"/dyad code --db "$DB" samples/articles.jsonl >"$BUILD"/demo.jsonl
"$BUILD"/dyad code --db "$DB" --date 2024-03-04 samples/brief.txt >>"$BUILD"/demo.jsonl
"$BUILD"/dyad code --db "$DB" samples/page.html >>"$BUILD"/demo.jsonl
echo "== JSON records: $BUILD/demo.jsonl ($(wc -l <"$BUILD"/demo.jsonl) lines); first record:"
head -1 "$BUILD"/demo.jsonl | cut -c1-400
echo "..."
echo "== documents in $DB"
sqlite3 -header -column "$DB" "
  SELECT d.doc_id AS id, d.date, substr(d.title, 1, 40) AS title,
         (SELECT count(*) FROM sentences s WHERE s.doc = d.rowid) AS sentences,
         (SELECT count(*) FROM boilerplate b WHERE b.doc = d.rowid) AS boilerplate,
         round(d.tone, 1) AS tone
  FROM documents d ORDER BY d.doc_id;"
echo "== dates resolved against each document's date"
sqlite3 -header -column "$DB" "
  SELECT d.doc_id AS id, d.date AS doc_date, t.text, t.value FROM dates t JOIN documents d ON d.rowid = t.doc
  ORDER BY d.doc_id, t.idx;"
echo "== places"
sqlite3 -header -column "$DB" "
  SELECT d.doc_id AS id, p.text, p.name, p.country, p.feature, round(p.lat, 2) AS lat, round(p.lon, 2) AS lon
  FROM places p JOIN documents d ON d.rowid = p.doc ORDER BY d.doc_id, p.idx;"
echo "== boilerplate found (not coded by later stages)"
sqlite3 "$DB" "
  SELECT d.doc_id || ': ' || replace(CAST(substr(CAST(d.text AS BLOB), b.start + 1, b.end - b.start) AS TEXT), char(10), ' ')
  FROM boilerplate b JOIN documents d ON d.rowid = b.doc ORDER BY d.doc_id, b.start;"
echo "== a sentence tagged, lemmatized and parsed (dyad parse, CoNLL-U)"
echo 'Brazilian President Luiz Inacio Lula da Silva met South African President Cyril Ramaphosa in Pretoria on Tuesday.' |
    "$BUILD"/dyad parse -q | cut -f1-8
echo "== first sentences"
sqlite3 "$DB" "
  SELECT d.doc_id || ': ' || replace(CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT), char(10), ' ')
  FROM sentences s JOIN documents d ON d.rowid = s.doc WHERE s.idx < 2 ORDER BY d.doc_id, s.idx;"
