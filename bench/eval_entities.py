"""Participant extraction: document-level P/R/F1 per type on CoNLL-2003 and GUM news.

    python bench/eval_entities.py [--data ../shared/data] [--sets conll-train conll-testa gum gum-proper]

Sets: CoNLL-2003 train/testa; ``gum`` = GUM news names (proper mentions and names after a
common-noun head, without groups and nested names: see ``read_gum``); ``gum-proper`` = only
the mentions GUM marks proper (``gum-named`` is an old alias of ``gum``). All 20 local GUM
documents are GUM's official train split, so for tuning they are halved once, here, before
any error of them was read: ``gum-tune`` (errors may be read) and ``gum-held`` (scores only;
see ``GUM_TUNE``).

Definitions (EVALUATION.md): the unique people, organizations and places of each
document; a system participant matches a gold one of the same type when the names are
equal after lower-casing and removing titles and possessives (strict), or when one
name's tokens are a subset of the other's (relaxed). Micro-averaged over documents.

Participants are entries (a canonical name and its aliases): an entry is right when its
name (or an alias, strictly) is a gold entity no earlier entry took, so a second entry for
one entity counts wrong; a gold entity is found when any entry names it. ``entries/gold``
(over-split) = entries naming a found gold entity / found gold entities (strict; 1.0 = one
entry per entity).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import briefgen

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TYPES = ("person", "organization", "place")
CONLL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}

# A gold entity is a set of name variants (aliases merged by the gold annotation).
Gold = dict[str, list[set[str]]]


# Titles are removed with the metric's own fixed list, not briefgen's lexicon, so that
# growing the product's word lists cannot move the goalposts.
EVAL_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady rev father sister brother pope king queen prince
    princess sheikh emir sultan president vice-president president-elect premier chancellor minister
    secretary secretary-general senator sen rep representative congressman congresswoman governor
    gov mayor ambassador envoy general gen colonel col major maj captain capt lieutenant lt sergeant
    sgt admiral commander chief judge justice prosecutor attorney spokesman spokeswoman spokesperson
    chairman chairwoman chair director coach manager deputy foreign prime professor emeritus""".split()
)


def normalize(name: str, person: bool = False) -> str:
    """Lower-case, drop possessives, a leading article and titles.

    For people a title is the whole role before the name ("U.S. President Donald Trump",
    "Afghan Ambassador to the United States Hamdullah Mohib" -> the words after the last
    title word), which is how GUM spans include roles; elsewhere only title words go.
    """
    s = name.lower().replace("’", "'")
    s = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", s)
    words = [w.strip(".,;:!?\"'()") for w in s.split()]
    words = [w for w in words if w]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if person:
        last = max((i for i, w in enumerate(words) if w.rstrip(".") in EVAL_TITLES), default=-1)
        if 0 <= last < len(words) - 1:
            words = words[last + 1 :]
    kept = [w for w in words if w.rstrip(".") not in EVAL_TITLES]
    return " ".join(kept or words)


# --------------------------------------------------------------------------- CoNLL


def detokenize(tokens: list[str]) -> str:
    out = ""
    quote_open = False
    for t in tokens:
        if t == '"':
            if quote_open:
                out += '"'
            else:
                out += (" " if out else "") + '"'
            quote_open = not quote_open
            continue
        no_space = (
            not out
            or t in {",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
                     "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
            or out.endswith(("(", "[", "$"))
            or (out.endswith('"') and quote_open)
        )
        out += t if no_space else " " + t
    return out


def prose(tokens: list[str]) -> bool:
    words = [t for t in tokens if re.search(r"[A-Za-z]", t)]
    lower = sum(1 for w in words if w[:1].islower())
    return len(tokens) >= 6 and lower >= 3 and tokens[-1] in {".", "?", "!", '"', "'"}


def read_conll(path: Path, join: str = "\n") -> Iterator[tuple[str, Gold]]:
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sent and docs:
                docs[-1].append(sent)
            sent = []
            continue
        parts = line.split()
        sent.append((parts[0], parts[-1]))
    if sent and docs:
        docs[-1].append(sent)
    for sents in docs:
        if sum(1 for s in sents if prose([t for t, _ in s])) < 5:
            continue
        text = join.join(detokenize([t for t, _ in s]) for s in sents)
        names: dict[str, set[str]] = {t: set() for t in TYPES}
        for s in sents:
            cur: list[str] = []
            cur_type = None
            for tok, tag in s + [("", "O")]:
                typ = tag[2:] if tag != "O" else None
                if cur and (typ != cur_type or tag.startswith("B-")):
                    if cur_type in CONLL_TYPES:
                        names[CONLL_TYPES[cur_type]].add(detokenize(cur))
                    cur = []
                if typ:
                    cur.append(tok)
                    cur_type = typ
                else:
                    cur_type = None
        gold: Gold = {t: [] for t in TYPES}
        for t in TYPES:
            full = sorted(names[t], key=lambda n: -len(n.split()))
            for n in full:
                # A one-word person mention inside a longer person name is that person.
                if t == "person" and len(n.split()) == 1:
                    owner = next((g for g in gold[t] if any(n.lower() in v.lower().split() for v in g)), None)
                    if owner is not None:
                        owner.add(n)
                        continue
                gold[t].append({n})
        yield text, gold


# --------------------------------------------------------------------------- GUM


_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "de", "&"})


def name_spans(text: str, start: int, end: int, head: int) -> tuple[set[str], tuple[int, int] | None]:
    """The proper name inside a GUM mention span and its widest extent: the run of
    capitalised words around the head ("Claudia Mo of the Civic Party" -> "Claudia Mo"),
    and the same run allowed to cross "of/the/and/for" ("University of Texas Arlington").
    GUM spans are whole noun phrases with their modifiers; the name is the proper-noun
    part of it. A run never crosses punctuation: "Michael Tien, DAB's Ben Chan" is a list."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s,;:()/]+", text[start:end])]
    words = [(a + start, b + start, w) for a, b, w in words]
    idx = next((i for i, (a, b, _) in enumerate(words) if a <= head < b), None)
    if idx is None or not words[idx][2][:1].isupper():
        return set(), None

    def cap(w: str) -> bool:
        # "Suleiman al-Amr", "Omar el-Bashir": a lower-case particle joined to a capital.
        return w[:1].isupper() or w[:1].isdigit() or bool(re.match(r"(?:al|el|ad|ash|as|bin|ibn)-[A-Z]", w))

    def joined(i: int, j: int) -> bool:  # words i and j (= i + 1) separated by spaces only
        return not text[words[i][1] : words[j][0]].strip()

    out = set()
    extent = None
    for allow in (False, True):
        i = j = idx
        # A possessive before the name is its organisation ("FTU's Alice Mak"), not part of it.
        while i > 0 and joined(i - 1, i) and not re.search(r"['’]s?$", words[i - 1][2]) and (
            cap(words[i - 1][2])
            or allow and words[i - 1][2].lower() in _CONNECTORS and i - 2 >= 0 and joined(i - 2, i - 1)
            and cap(words[i - 2][2])
        ):
            i -= 1
        while j + 1 < len(words) and joined(j, j + 1) and (
            cap(words[j + 1][2])
            or allow and words[j + 1][2].lower() in _CONNECTORS and j + 2 < len(words) and joined(j + 1, j + 2)
            and cap(words[j + 2][2])
        ):
            j += 1
        while i < idx and not cap(words[i][2]):
            i += 1
        out.add(text[words[i][0] : words[j][1]])
        extent = (words[i][0], words[j][1])
    return out, extent


def appositive_name(text: str, start: int, end: int, head_end: int) -> str | None:
    """The name right after a common-noun head ("Facebook creator Mark Zuckerberg",
    "veteran politician Raymond Wong of the ..."): GUM marks such mentions not proper."""
    m = re.match(r" ((?:[A-Z][\w.'’-]*)(?: (?:[A-Z]|(?:al|el|bin|ibn)-[A-Z])[\w.'’-]*)*)", text[head_end:end])
    return m.group(1) if m else None


def plural_heads(conllu: Path, text: str) -> set[int]:
    """Start offsets in ``text`` of the tokens tagged NNPS (plural proper nouns, such as
    "Muslims", "Afghans"), found by walking the CoNLL-U word forms through the text."""
    out: set[int] = set()
    pos = 0
    for line in conllu.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 5 or not cols[0].isdigit():
            continue
        at = text.find(cols[1], pos)
        if at < 0:
            continue
        pos = at + len(cols[1])
        if cols[4] == "NNPS":
            out.add(at)
    return out


def coordinations(text: str, entities: list[dict]) -> set[str]:
    """Entities that are coordinations of others of their type ("DAB's Ben Chan and Leung
    Che-cheung", head "Ben"): GUM annotates the group and each member. The group is no
    participant of its own, and reading its head's name would duplicate one member and
    hide the others as nested names."""
    out = set()
    by_eid: dict[str, list[dict]] = {}
    for e in entities:
        by_eid.setdefault(e["eid"], []).append(e)
    for eid, ms in by_eid.items():
        if all(re.search(r"\band\b|&", text[m["start"] : m["end"]]) and _members_inside(m, eid, entities) >= 2
               for m in ms):
            out.add(eid)
    return out


def _members_inside(m: dict, eid: str, entities: list[dict]) -> int:
    """How many other entities of m's type lie inside mention m (of entity eid)."""
    return len({
        o["eid"] for o in entities
        if o["eid"] != eid and o["type"] == m["type"] and m["start"] <= o["start"] and o["end"] <= m["end"]
    })


def unique(entities: list[set[str]], person: bool) -> list[set[str]]:
    """One gold participant per name. GUM's coreference sometimes leaves two mentions of one
    name in separate entities ("Indonesia" twice, "Michael Tien" and "Michael Tien of NPP");
    the metric counts unique names, so an entity whose names are all another's, or that
    shares a name of two or more words with it, is the same participant. A shared one-word
    name is not enough: "Man" (of the Match) is a variant of several players."""
    return _joined(sorted(entities, key=len, reverse=True), person,
                   lambda norm, have: norm <= have or any(len(n.split()) > 1 for n in norm & have))


def _joined(groups, person: bool, joins) -> list[set[str]]:
    """Name sets merged into the first earlier set whose normalised names ``joins`` accepts."""
    out: list[tuple[set[str], set[str]]] = []
    for vs in groups:
        norm = {normalize(v, person) for v in vs}
        owner = next((o for o in out if joins(norm, o[1])), None)
        if owner is None:
            out.append((set(vs), norm))
        else:
            owner[0].update(vs)
            owner[1].update(norm)
    return [o[0] for o in out]


# Declared before tuning (issue 17): every other document in name order. Errors of
# ``gum-tune`` may be read to find causes; ``gum-held`` is only scored.
GUM_TUNE = frozenset(
    "afghan clock defector expo hackers imprisoned lanterns soccer taxes warming".split()
)
GUM_HELD = frozenset(
    "asylum crane election flag ie9 korea questionnaire stampede warhol worship".split()
)


def read_gum(root: Path, named: bool = True, only: frozenset[str] | None = None) -> Iterator[tuple[str, Gold]]:
    """Gold participants of the GUM news documents: an entity is gold when it has a name mention,
    that is a mention with a proper-noun head or (``named``) a common-noun head followed by a name ("team member
    Rodaba Noori"). Not gold, because a reader would not call them a participant's name
    and CoNLL (flat, PER/ORG/LOC only) would not annotate them either:
    - person entities whose every proper head is a plural proper noun (NNPS): groups
      named by nationality or creed ("Muslims", "Afghans"), which CoNLL tags MISC;
    - entities whose every name lies inside another entity's name ("Volgograd" in
      "Volgograd Arena", "Immigrants" in "Joint Council for the Welfare of Immigrants"):
      CoNLL annotates only the outer name.
    Then, as for CoNLL, a one-word person name that is a token of a longer person name
    in the document is merged into it."""
    for jpath in sorted(root.glob("*.gold.json")):
        if only is not None and jpath.name.removeprefix("GUM_news_").removesuffix(".gold.json") not in only:
            continue
        doc = json.loads(jpath.read_text(encoding="utf-8"))
        text = jpath.with_name(jpath.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        conllu = root.parent / "dep" / jpath.name.replace(".gold.json", ".conllu")
        plural = plural_heads(conllu, text) if conllu.is_file() else set()
        variants: dict[str, set[str]] = {}
        types: dict[str, str] = {}
        extents: dict[str, list[tuple[int, int]]] = {}
        singular: set[str] = set()
        groups = coordinations(text, doc["entities"])
        for e in doc["entities"]:
            if e["eid"] in groups:
                continue
            if e["proper"]:
                names, extent = name_spans(text, e["start"], e["end"], e["head_start"])
                if extent is None:
                    continue
                if e["type"] == "person":
                    # A person's name does not run across "of": "Frederick Fung of ADPL"
                    # must not hide ADPL as a nested name.
                    narrow = min(names, key=len)
                    at = text.find(narrow, e["start"], e["end"])
                    extent = (at, at + len(narrow))
                    if at < e["head_start"] < at + len(narrow) and " of " in text[e["start"] : e["head_start"]]:
                        # A person's name starts at its head; capitalised words before it end
                        # a role: "Minister of Education Stefania Giannini".
                        names = names | {text[e["head_start"] : at + len(narrow)]}
                variants.setdefault(e["eid"], set()).update(names)
                extents.setdefault(e["eid"], []).append(extent)
                types[e["eid"]] = e["type"]
                if e["head_start"] not in plural:
                    singular.add(e["eid"])
            elif named and not e["pronoun"]:
                name = appositive_name(text, e["start"], e["end"], e["head_end"])
                if name:
                    at = text.find(name, e["head_end"], e["end"])
                    variants.setdefault(e["eid"], set()).add(name)
                    extents.setdefault(e["eid"], []).append((at, at + len(name)))
                    types[e["eid"]] = e["type"]
                    singular.add(e["eid"])

        gold: Gold = {t: [] for t in TYPES}
        for eid, vs in variants.items():
            if types[eid] == "person" and eid not in singular:
                continue
            if _nested(eid, text, types, extents):
                continue
            gold[types[eid]].append(vs)
        for t in TYPES:
            gold[t] = unique(gold[t], t == "person")
        merged: list[set[str]] = []
        for vs in sorted(gold["person"], key=lambda g: -max(len(v.split()) for v in g)):
            if all(len(v.split()) == 1 for v in vs):
                owner = next((g for g in merged if any(w.lower() in v.lower().split() for v in g for w in vs)), None)
                if owner is not None:
                    owner.update(vs)
                    continue
            merged.append(vs)
        gold["person"] = merged
        yield text, gold


def _nested(eid: str, text: str, types: dict[str, str], extents: dict[str, list[tuple[int, int]]]) -> bool:
    """Every name of eid lies inside a wider name, and not merely after its "and" ("Kwok
    Wai-keung and DAB's Horace Cheung" read across the connector is a coordination, not one name)."""
    return all(
        any(
            o != eid and a <= s and t <= b and (b - a) > (t - s)
            and not (types[o] == types[eid] and re.search(r"\band\b|&", text[a:s]))
            for o, spans in extents.items()
            for a, b in spans
        )
        for s, t in extents[eid]
    )


# --------------------------------------------------------------------------- scoring


def match(system: list[str], gold: list[set[str]], relaxed: bool, person: bool = False) -> int:
    """One-to-one matches between system names and gold entities."""
    used: set[int] = set()
    tp = 0
    gnorm = [{normalize(v, person) for v in g} for g in gold]
    for name in system:
        n = normalize(name, person)
        for i, vs in enumerate(gnorm):
            if i in used:
                continue
            if _name_matches(n, vs, relaxed):
                used.add(i)
                tp += 1
                break
    return tp


def _name_matches(n: str, variants: set[str], relaxed: bool) -> bool:
    nt = set(n.split())
    return n in variants or relaxed and bool(nt) and any(
        (set(v.split()) <= nt or nt <= set(v.split())) and v for v in variants
    )


def score_entries(
    entries: list[tuple[str, tuple[str, ...]]], gold: list[set[str]], relaxed: bool, person: bool = False
) -> tuple[int, int, list[int]]:
    """Entries (canonical name, aliases) against gold entities.

    An entry is right (precision) when its name, or one of its aliases read strictly, is a
    gold entity no earlier entry took: a second entry for one entity is a duplicate and
    counts wrong. A gold entity is found (recall) when any entry names it, so one entry
    that rightly joins "EU" and "European Union" (two names CoNLL keeps apart) finds both.
    Relaxed, the entry's name may instead take one gold entity it shares all the words of.
    Returns (right entries, found gold entities, entries per found gold entity)."""
    gnorm = [{normalize(v, person) for v in g} for g in gold]
    used: set[int] = set()
    per_gold = [0] * len(gold)
    right = 0
    for name, aliases in entries:
        n = normalize(name, person)
        names = {n} | {normalize(a, person) for a in aliases}
        hits = [i for i, vs in enumerate(gnorm) if names & vs]
        for i in hits:
            per_gold[i] += 1
        if any(i not in used for i in hits):
            right += 1
            used.update(hits)
        elif relaxed:
            near = next((i for i, vs in enumerate(gnorm) if i not in used and _name_matches(n, vs, True)), None)
            if near is not None:
                right += 1
                used.add(near)
                per_gold[near] += 1
    found = [c for c in per_gold if c]
    return right, len(found), found


def same_names(gold: list[set[str]], person: bool) -> list[set[str]]:
    """Gold entities whose names are equal once normalised are one: CoNLL's gold lists
    "LONDON" (a dateline) and "London" apart, but to a reader they are one place."""
    return _joined(gold, person, lambda norm, have: bool(have & norm))


def evaluate(
    docs: Iterator[tuple[str, Gold]], errors: int = 0
) -> tuple[dict[str, dict[str, float]], int, float, dict[str, float]]:
    counts = {(t, mode): [0, 0, 0, 0] for t in TYPES for mode in ("strict", "relaxed")}  # right, found, sys, gold
    split = {t: [0, 0] for t in TYPES}  # entries matching found gold entities, found gold entities (strict)
    n = 0
    shown = 0
    elapsed = 0.0
    for text, gold in docs:
        n += 1
        gold = {t: same_names(gs, t == "person") for t, gs in gold.items()}
        t0 = time.perf_counter()
        parts = briefgen.extract_participants(text)
        elapsed += time.perf_counter() - t0
        for t in TYPES:
            entries = list({p.name: (p.name, p.aliases) for p in parts if p.kind == t}.values())
            system = [e[0] for e in entries]
            for mode in ("strict", "relaxed"):
                c = counts[(t, mode)]
                right, found, per = score_entries(entries, gold[t], mode == "relaxed", t == "person")
                c[0] += right
                c[1] += found
                c[2] += len(entries)
                c[3] += len(gold[t])
                if mode == "strict":
                    split[t][0] += sum(per)
                    split[t][1] += len(per)
            if shown < errors:
                pn = t == "person"
                gnorm = {normalize(v, pn) for g in gold[t] for v in g}
                fp = [s for s in system if normalize(s, pn) not in gnorm]
                found_names = {normalize(x, pn) for e in entries for x in (e[0], *e[1])}
                fn = [sorted(g)[0] for g in gold[t] if not any(normalize(v, pn) in found_names for v in g)]
                if fp or fn:
                    shown += 1
                    print(f"{t}: FP {fp} FN {fn}", file=sys.stderr)
    scores: dict[str, dict[str, float]] = {}
    for (t, mode), (right, found, ns, ng) in counts.items():
        p = right / ns if ns else 0.0
        r = found / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores[f"{t}/{mode}"] = {"P": p, "R": r, "F1": f}
    oversplit = {t: (a / b if b else 0.0) for t, (a, b) in split.items()}
    return scores, n, n / elapsed if elapsed else 0.0, oversplit


def measure_speed(path: Path, repeats: int = 3) -> int:
    """Articles per second on one core, median of ``repeats`` passes, model load excluded
    (reported apart): participants alone, then the whole per-article analysis."""
    from briefgen.extract import ner  # not public: which NER mode is on, and whether its model is installed

    if not path.is_file():
        print(f"missing {path}", file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    mode = "spacy" if ner.wanted() else "rules"
    t0 = time.perf_counter()
    if mode == "spacy" and not ner.available():
        print("BRIEFGEN_NER=spacy but the model is not installed", file=sys.stderr)
        return 2
    load = time.perf_counter() - t0
    briefgen.extract_participants(texts[0])  # warm caches (word lists)
    articles = [briefgen.Article(path=f"cnndm/{i:03d}.txt", title="", text=t) for i, t in enumerate(texts)]
    rates = {"participants": [], "analysis": []}
    for _ in range(repeats):
        t0 = time.perf_counter()
        for t in texts:
            briefgen.extract_participants(t)
        rates["participants"].append(len(texts) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for a in articles:
            briefgen.analyze(a)
        rates["analysis"].append(len(texts) / (time.perf_counter() - t0))
    print(f"mode={mode} articles={len(texts)} model_load_s={load:.2f}")
    for k, v in rates.items():
        print(f"{k}: {statistics.median(v):.1f} articles/s (median of {repeats})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", nargs="+", default=["conll-train", "conll-testa", "gum"])
    ap.add_argument("--errors", type=int, default=0, help="print up to N documents' misses to stderr")
    ap.add_argument("--speed", action="store_true",
                    help="instead: articles/s on inputs/cnndm-qags.jsonl (participants alone and the whole analysis)")
    ap.add_argument("--ner", choices=["rules", "spacy"], default=None,
                    help="participant mode (default: BRIEFGEN_NER from the environment)")
    ap.add_argument("--join", choices=["line", "space"], default="line",
                    help="CoNLL: one sentence per line (Reuters paragraphs are mostly one sentence) or all on one line")
    args = ap.parse_args(argv)
    if args.ner:
        os.environ["BRIEFGEN_NER"] = args.ner
    if args.speed:
        return measure_speed(args.data / "inputs" / "cnndm-qags.jsonl")
    ent = args.data / "entities"
    if not ent.is_dir():
        print(f"no entity data under {args.data}", file=sys.stderr)
        return 2
    joiner = "\n" if args.join == "line" else " "
    sources = {
        "conll-train": lambda: read_conll(ent / "conll2003" / "eng.train", joiner),
        "conll-testa": lambda: read_conll(ent / "conll2003" / "eng.testa", joiner),
        # Names of GUM entities, including names after a common-noun head ("Facebook
        # creator Mark Zuckerberg"); see read_gum for what is and is not gold.
        "gum": lambda: read_gum(ent / "gum-news" / "gold"),
        "gum-named": lambda: read_gum(ent / "gum-news" / "gold"),  # old name of "gum"
        "gum-tune": lambda: read_gum(ent / "gum-news" / "gold", only=GUM_TUNE),
        "gum-held": lambda: read_gum(ent / "gum-news" / "gold", only=GUM_HELD),
        # Only mentions GUM marks proper (head PROPN), same exclusions.
        "gum-proper": lambda: read_gum(ent / "gum-news" / "gold", named=False),
    }
    print("| set | docs | type | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
          "| entries/gold | docs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        scores, n, speed, oversplit = evaluate(sources[name](), args.errors)
        for t in TYPES:
            s, r = scores[f"{t}/strict"], scores[f"{t}/relaxed"]
            print(f"| {name} | {n} | {t} | {100 * s['P']:.1f} | {100 * s['R']:.1f} | {100 * s['F1']:.1f} "
                  f"| {100 * r['P']:.1f} | {100 * r['R']:.1f} | {100 * r['F1']:.1f} | {oversplit[t]:.3f} "
                  f"| {speed:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
