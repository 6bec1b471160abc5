#!/usr/bin/env python3
"""sample_mode_gold.py -- the event sample of tests/gold/news_mode.tsv.

    python3 scripts/sample_mode_gold.py [--data ../shared/data] [--dyad build/dyad] > sample.tsv
    python3 scripts/sample_mode_gold.py --resolve DRAFT --sample sample.tsv > tests/gold/news_mode.tsv

Draws news articles that no tests/gold/*.tsv file holds, deterministically
(seed below), codes them with `dyad code`, and prints one line per event
dyad emits for the annotator: n, corpus, doc_id, sentence start and end,
event start and end (byte offsets into the UTF-8 record text), code, the
source and target words, the event's words, and the sentence text with line
breaks made spaces (for reading; that output is never committed).  The
event's mode and attributed_to are NOT printed, nor dyad's quotes: the
annotation is blind to them (only the fields named above are read from
dyad's record).

The choice, per corpus (polnear.jsonl first, then reuters.jsonl): the ids
of the file that are in no gold TSV, sorted, shuffled with the generator
random.Random(SEED); for each article in that order, dyad's events whose
span overlaps no boilerplate span, at most CAP of them (a random choice by
the same generator when there are more, kept in text order), until PER
events of the corpus are taken.  The cap keeps one long article from
making up the sample.  PolNeAR has no cap and no limit: its articles run
out first.

--resolve DRAFT --sample SAMPLE turns the annotator's draft (MODE.md) into
the gold TSV: it only turns the speaker strings into byte offsets and
checks them; it codes nothing.
"""
import glob
import json
import random
import re
import subprocess
import sys

SEED = 20261201
# Events per corpus and per article (0: no limit).  Only 36 PolNeAR
# articles are in no gold file (sets A-D used up the train articles), so
# every event of every one of them is taken; Reuters has thousands left.
PER = {"polnear": 0, "reuters": 150}
CAP = {"polnear": 0, "reuters": 4}
CORPORA = ("polnear", "reuters")


def args():
    a = {"data": "../shared/data", "dyad": "build/dyad", "gold": "tests/gold", "resolve": None,
         "sample": None, "seed": str(SEED)}
    i = 1
    while i < len(sys.argv):
        k = sys.argv[i].lstrip("-")
        if k in a and i + 1 < len(sys.argv):
            a[k] = sys.argv[i + 1]
            i += 2
        else:
            sys.exit("usage: sample_mode_gold.py [--data DIR] [--dyad BIN] [--gold DIR] [--seed N]"
                     " [--resolve DRAFT --sample SAMPLE]")
    return a


def gold_ids(d):
    """The doc ids of every gold TSV but this sample's own (news_mode.tsv),
    so the sample can be drawn again."""
    ids = set()
    for g in sorted(glob.glob(d + "/*.tsv")):
        if g.endswith("/news_mode.tsv"):
            continue
        with open(g, encoding="utf-8") as f:
            ids |= {line.split("\t", 1)[0] for line in f if not line.startswith("#")}
    return ids


def records(path, keep=None):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if keep is None or r["id"] in keep:
                out[r["id"]] = r
    return out


def code(dyad, recs):
    """The sentence spans, boilerplate spans and events of each record, with
    only the fields the annotator may see."""
    inp = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    p = subprocess.run([dyad, "code", "-q", "-j", "2", "-"], input=inp.encode(), stdout=subprocess.PIPE, check=True)
    out = {}
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        if "error" in o:
            continue
        boiler = [(b["start"], b["end"]) if isinstance(b, dict) else tuple(b[:2]) for b in o.get("boilerplate", [])]
        evs = []
        for e in o.get("events", []):
            side = lambda s: re.sub(r"\s", " ", (s or {}).get("text") or "")
            evs.append({"sentence": e["sentence"], "start": e["start"], "end": e["end"], "code": e["code"],
                        "source": side(e.get("source")), "target": side(e.get("target"))})
        out[o["id"]] = (o["sentences"], boiler, evs)
    return out


def flat(b):
    return b.decode("utf-8", "replace").replace("\n", " ").replace("\t", " ").replace("\r", " ")


def sample(a):
    excl = gold_ids(a["gold"])
    rng = random.Random(int(a["seed"]))
    n = 0
    for corpus in CORPORA:
        per, cap = PER[corpus] or 1 << 30, CAP[corpus] or 1 << 30
        recs = records("%s/news/%s.jsonl" % (a["data"], corpus))
        ids = sorted(set(recs) - excl)
        rng.shuffle(ids)
        taken, narts, i = 0, 0, 0
        while taken < per and i < len(ids):
            batch = ids[i:i + 50]
            i += 50
            coded = code(a["dyad"], [recs[x] for x in batch])
            for did in batch:
                if taken >= per or did not in coded:
                    continue
                sents, boiler, evs = coded[did]
                evs = [e for e in evs if not any(e["start"] < be and bs < e["end"] for bs, be in boiler)]
                if not evs:
                    continue
                if len(evs) > cap:
                    keep = sorted(rng.sample(range(len(evs)), cap))
                    evs = [evs[k] for k in keep]
                evs = evs[: per - taken]
                b = recs[did]["text"].encode("utf-8")
                narts += 1
                for e in evs:
                    s0, s1 = sents[e["sentence"]]
                    n += 1
                    print("\t".join(str(x) for x in (n, corpus, did, s0, s1, e["start"], e["end"], e["code"],
                                                     e["source"], e["target"], flat(b[e["start"]:e["end"]]),
                                                     flat(b[s0:s1]))))
                taken += len(evs)
        sys.stderr.write("sample_mode_gold.py: %s: %d events from %d articles (%d articles not in a gold file)\n"
                         % (corpus, taken, narts, len(ids)))


def find(text, s0, s1, what, where):
    """Byte span of what (whole words, '#N' the N-th; a space matches any
    white space): in the sentence
    [s0,s1) if it is there, else its last occurrence before the sentence,
    else its first one after it."""
    occ = 1
    m = re.match(r"^(.*)#(\d+)$", what)
    if m:
        what, occ = m.group(1), int(m.group(2))
    # a space matches any run of white space: Reuters texts break lines mid-name
    words = [re.escape(w.encode("utf-8")).decode("latin-1") for w in what.split(" ")]
    pat = re.compile((r"\b" if re.match(r"\w", what) else "") + r"\s+".join(words)
                     + (r"\b" if re.search(r"\w$", what) else ""), re.ASCII)
    lat = text.decode("latin-1")  # one char per byte: offsets stay bytes
    inside = [h for h in pat.finditer(lat, s0, s1)]
    if len(inside) >= occ:
        h = inside[occ - 1]
    else:
        before = [h for h in pat.finditer(lat, 0, s0)]
        after = [h for h in pat.finditer(lat, s1)]
        if before:
            h = before[-1]
        elif after:
            h = after[0]
        else:
            sys.exit("not found: %r in %s" % (what, where))
    return h.start(), h.end(), what


def resolve_draft(a):
    smp = {}
    with open(a["sample"], encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            smp[int(c[0])] = c[1:8]
    texts = {}
    for corpus in CORPORA:
        texts.update({k: v["text"].encode("utf-8") for k, v in
                      records("%s/news/%s.jsonl" % (a["data"], corpus), {v[1] for v in smp.values()}).items()})
    rows, seen = [], set()
    with open(a["resolve"], encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            c = (line.split("\t") + [""] * 4)[:4]
            n, mode, spk, note = int(c[0]), c[1], c[2], c[3]
            if n not in smp or n in seen:
                sys.exit("line %d: no sampled event %d, or a second row for it" % (ln, n))
            seen.add(n)
            corpus, did, s0, s1, e0, e1, code_ = smp[n]
            s0, s1 = int(s0), int(s1)
            mode = {"a": "asserted", "n": "negated", "h": "hypothetical", "x": "x"}.get(mode)
            if not mode:
                sys.exit("line %d: bad mode %s" % (ln, c[1]))
            a0 = a1 = ""
            if spk in ("", "-") or mode == "x":
                spk = "-"
            else:
                a0, a1, spk = find(texts[did], s0, s1, spk, "line %d" % ln)
                assert " ".join(texts[did][a0:a1].decode("utf-8").split()) == spk
            rows.append((did, s0, s1, e0, e1, code_, mode, a0, a1, spk, corpus, note))
    if set(smp) - seen:
        sys.exit("events without a row: %d, e.g. %d" % (len(set(smp) - seen), min(set(smp) - seen)))
    rows.sort(key=lambda r: (r[10], r[0], int(r[3]), int(r[4])))
    print("# doc_id\tsent_start\tsent_end\tev_start\tev_end\tcode\tmode\tattr_start\tattr_end\tattributed_to"
          "\tcorpus\tnote")
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
