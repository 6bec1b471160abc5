#!/usr/bin/env python3
"""sample_events_gold.py -- the sentence sample of tests/gold/polnear_events.tsv.

    python3 scripts/sample_events_gold.py [--data ../shared/data] [--dyad build/dyad] > sample.tsv
    python3 scripts/sample_events_gold.py --seed 20261130 --n 400 \
        --exclude tests/gold/polnear_events.tsv > sample_b.tsv      (set B)

Picks 250 sentences from PolNeAR *train* articles, deterministically (seed
below), and prints one line per sentence: doc_id, start, end (byte offsets
into the UTF-8 record text, dyad's own sentence boundaries from
`dyad code --segment-only`), then the sentence text with line breaks made
spaces (for the annotator to read; that text is never committed).

The choice: the train ids of metadata.tsv that are in polnear.jsonl, sorted,
shuffled with random.Random(SEED); for each article in that order, the
candidate sentences (below) are shuffled with the same generator and one or
two (a coin flip) are taken, in text order, until 250 are chosen.  A
candidate is any sentence of the segmenter but the first (the headline),
one that overlaps no boilerplate span dyad found, 40 to 600 bytes long, of
at least six words, with a lower-case letter, and not looking like a
byline, credit, link or sign-up line (BOILER below).

The defaults (seed 20250605, 250 sentences) give set A.  --seed, --n and
--exclude GOLD.tsv (every doc_id of an existing gold file is left out
before the shuffle; may be repeated) give a fresh set: set B is
--seed 20261130 --n 400 --exclude tests/gold/polnear_events.tsv.

--resolve DRAFT --sample SAMPLE reads the annotator's draft (see tests/gold/EVENTS.md) and
prints the gold TSV: it only turns the hand-picked strings into byte
offsets and checks them; it codes nothing.
"""
import json
import random
import re
import subprocess
import sys

SEED = 20250605
N = 250
BOILER = re.compile(
    r"(sign up|subscribe|newsletter|follow (him|her|us|them|@)|@\w|https?://|www\.|\.com\b|"
    r"^by [A-Z]|^\(?(reporting|writing|editing|additional reporting) by|photo|image|getty|"
    r"click here|read more|related:|copyright|©|all rights reserved|contributed to this report|"
    r"^watch|^video|^listen|^advertisement|email|e-mail)",
    re.I,
)


def args():
    a = {"data": "../shared/data", "dyad": "build/dyad", "resolve": None, "sample": None,
         "seed": str(SEED), "n": str(N), "exclude": []}
    i = 1
    while i < len(sys.argv):
        k = sys.argv[i].lstrip("-")
        if k == "exclude" and i + 1 < len(sys.argv):
            a[k].append(sys.argv[i + 1])
            i += 2
        elif k in a and i + 1 < len(sys.argv):
            a[k] = sys.argv[i + 1]
            i += 2
        else:
            sys.exit("usage: sample_events_gold.py [--data DIR] [--dyad BIN] [--seed N] [--n N] [--exclude GOLD.tsv]..."
                     " [--resolve DRAFT --sample SAMPLE]")
    return a


def records(path, keep):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in keep:
                out[r["id"]] = r
    return out


def segment(dyad, recs):
    """Sentence and boilerplate byte spans of each record, from dyad itself."""
    inp = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs.values())
    p = subprocess.run([dyad, "code", "--segment-only", "-q", "-j", "1", "-"], input=inp.encode(),
                       stdout=subprocess.PIPE, check=True)
    seg = {}
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        seg[o["id"]] = (o["sentences"], [(b["start"], b["end"]) if isinstance(b, dict) else tuple(b[:2])
                                         for b in o.get("boilerplate", [])])
    return seg


def sample(a):
    meta = a["data"] + "/quotes/polnear/data/metadata.tsv"
    train = set()
    with open(meta, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if c[0] == "train":
                train.add("polnear-" + c[1])
    for g in a["exclude"]:  # articles of an earlier gold set are not drawn again
        with open(g, encoding="utf-8") as f:
            train -= {line.split("\t", 1)[0] for line in f if not line.startswith("#")}
    n = int(a["n"])
    recs = records(a["data"] + "/news/polnear.jsonl", train)
    seg = segment(a["dyad"], recs)
    rng = random.Random(int(a["seed"]))
    ids = sorted(recs)
    rng.shuffle(ids)
    picked = []
    for did in ids:
        if len(picked) >= n:
            break
        b = recs[did]["text"].encode("utf-8")
        sents, boiler = seg[did]
        cand = []
        for s, e in sents[1:]:
            t = b[s:e].decode("utf-8", "replace")
            if any(s < be and bs < e for bs, be in boiler):
                continue
            if not 40 <= e - s <= 600 or len(t.split()) < 6 or not re.search("[a-z]", t):
                continue
            if BOILER.search(t):
                continue
            cand.append((s, e))
        if not cand:
            continue
        k = rng.choice((1, 2))
        rng.shuffle(cand)
        for s, e in sorted(cand[:k])[: n - len(picked)]:
            picked.append((did, s, e, b[s:e].decode("utf-8").replace("\n", " ").replace("\t", " ")))
    if len(picked) < n:  # set D: the train articles ran out
        sys.stderr.write("sample_events_gold.py: only %d of %d sentences: the %d articles left ran out\n"
                         % (len(picked), n, len(ids)))
    for p in picked:
        print("%s\t%d\t%d\t%s" % p)


def find(sent, s, what, where):
    if not what:
        return "", ""
    occ = 1
    m = re.match(r"^(.*)#(\d+)$", what)
    if m:
        what, occ = m.group(1), int(m.group(2))
    # whole words only: "he" must not match inside "the"
    pat = re.compile((r"\b" if re.match(r"\w", what) else "") + re.escape(what.encode("utf-8")).decode("latin-1")
                     + (r"\b" if re.search(r"\w$", what) else ""), re.ASCII)
    hits = list(pat.finditer(sent.decode("latin-1")))  # latin-1: one char per byte, offsets stay bytes
    if len(hits) < occ:
        sys.exit("not found: %r (occurrence %d) in %s" % (what, occ, where))
    return str(s + hits[occ - 1].start()), str(s + hits[occ - 1].end())


def resolve_draft(a):
    smp = {}
    with open(a["sample"], encoding="utf-8") as f:
        for line in f:
            did, s, e, _ = line.rstrip("\n").split("\t", 3)
            smp[(did, int(s))] = int(e)
    texts = records(a["data"] + "/news/polnear.jsonl", {k[0] for k in smp})
    rows, seen = [], set()
    with open(a["resolve"], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            c = (line.split("\t") + [""] * 8)[:8]
            did, s, code, mode, src, tgt, anc, note = c
            s = int(s)
            if (did, s) not in smp:
                sys.exit("line %d: no sampled sentence %s %d" % (n, did, s))
            e = smp[(did, s)]
            sent = texts[did]["text"].encode("utf-8")[s:e]
            where = "line %d" % n
            ss, se = find(sent, s, src, where)
            ts, te = find(sent, s, tgt, where)
            as_, ae = find(sent, s, anc, where)
            strip = lambda x: re.sub(r"#\d+$", "", x)
            if code != "-" and not re.fullmatch(r"(0[1-9]|1[0-9]|20)\d{0,2}", code):
                sys.exit("line %d: bad code %s" % (n, code))
            if mode not in ("asserted", "negated", "hypothetical", "-"):
                sys.exit("line %d: bad mode %s" % (n, mode))
            seen.add((did, s))
            rows.append((did, s, e, code, mode, ss, se, strip(src), ts, te, strip(tgt), as_, ae, strip(anc), note))
    missing = set(smp) - seen
    if missing:
        sys.exit("sentences without a row: %d, e.g. %s" % (len(missing), sorted(missing)[0]))
    rows.sort(key=lambda r: (r[0], r[1], int(r[11] or r[1])))
    print("# doc_id\tsent_start\tsent_end\tcode\tmode\tsrc_start\tsrc_end\tsource\ttgt_start\ttgt_end\ttarget"
          "\tanchor_start\tanchor_end\tanchor\tnote")
    for r in rows:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    a = args()
    if a["resolve"]:
        if not a["sample"]:
            sys.exit("--resolve needs --sample SAMPLE (this script's own output)")
        resolve_draft(a)
    else:
        sample(a)
