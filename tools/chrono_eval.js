// chrono_eval.js -- the chrono-node side of the date evaluation.
//
//   build/tools/evaldate --dump GUMDIR | node tools/chrono_eval.js > chrono.tsv
//   build/tools/evaldate --system chrono.tsv GUMDIR
//
// Reads the JSON lines written by `evaldate --dump` ({"doc","split","ref",
// "text"}: the same rebuilt texts and document dates dyad is scored on),
// runs chrono-node's casual English parser on each text with the document
// date as the reference (local noon, so no time zone moves the day), and
// writes one TSV line per result: doc, start byte, end byte, value.
// Values follow SPEC.md at the granularity chrono is certain of: a day when
// the day (or weekday) is certain, a month when only the month is, a year
// when only the year is, and "start/end" days for results with an end.
// Offsets are converted from UTF-16 code units to UTF-8 bytes.
'use strict';
const path = require('path');
const readline = require('readline');
const chrono = require(path.join(__dirname, '..', 'node_modules', 'chrono-node'));

function pad(n, w) { return String(n).padStart(w, '0'); }

function value(comp) {
    const y = comp.get('year'), m = comp.get('month'), d = comp.get('day');
    if (comp.isCertain('day') || comp.isCertain('weekday') || !comp.isCertain('year') && !comp.isCertain('month'))
        return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    if (comp.isCertain('month')) return `${pad(y, 4)}-${pad(m, 2)}`;
    return pad(y, 4);
}

function day(comp) {
    return `${pad(comp.get('year'), 4)}-${pad(comp.get('month'), 2)}-${pad(comp.get('day'), 2)}`;
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line);
    let ref = new Date();
    if (/^\d{4}-\d{2}-\d{2}/.test(doc.ref || '')) {
        const [y, m, d] = doc.ref.slice(0, 10).split('-').map(Number);
        ref = new Date(y, m - 1, d, 12, 0, 0);
    }
    const text = doc.text;
    const results = chrono.parse(text, ref);
    for (const r of results) {
        const start = Buffer.byteLength(text.slice(0, r.index), 'utf8');
        const end = start + Buffer.byteLength(r.text, 'utf8');
        const v = r.end ? `${day(r.start)}/${day(r.end)}` : value(r.start);
        out.push(`${doc.doc}\t${start}\t${end}\t${v}`);
    }
});
rl.on('close', () => { process.stdout.write(out.join('\n') + (out.length ? '\n' : '')); });
