"""Direct-quote extraction on PolNeAR: recall, precision, speaker accuracy (EVALUATION.md).

    python bench/eval_quotes.py [--data ../shared/data] [--split train dev] [--errors N [--kind NA WS FP FN]]
                                [--withhold RULE ...]

Gold direct quotes are attributions whose Content has >= 4 words and >= 80% of its letters
inside quotation marks (any kind; see quote_mask); gold speaker = the Source mention text.
Documents with several annotators are scored against the first annotator's file (sorted
name) only, so no document counts twice. Speaker correct = the system speaker or
speaker_mention shares a content word (not a stop word or title) with the Source;
attribution = attributed / matched gold quotes with a Source; wrong = attributed but not
correct / attributed.

Pronouns: by default a personal pronoun Source ("he", 27% of the Sources) can be matched
by a system speaker_mention "he". The issue's reference points need this reading: the
Gender Gap Tracker scores 81% "with pronouns unresolved", impossible if pronoun Sources
could never match (the ceiling would be ~72%). ``--pronoun-stopwords`` gives the literal
stop-word reading. Sources with no content word at all ("the president", "who", "said")
can never be correct: the ``unwinnable`` column counts them, ``ceiling`` is the best
reachable speaker score, ``wrong(winnable)`` the wrong rate without them. ``doc speakers``
counts system quotes whose speaker is a document ("the statement", "A message").
Calls the public API (briefgen.extract_participants, briefgen.extract_quotes), one process, no network.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import briefgen

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# Words that never decide whether two speaker names agree. Pronouns are not among them by
# default (see the module docstring).
STOP = frozenset(
    """a an the of and or for to in on at by with from as is was were be been being his her hers
    their its our my your this that these those who whom whose which what said says say told tell
    mr mrs ms dr also but not than then there here one some any all both each other such
    s jr sr""".split()
)
# Titles and the words of titles ("vice", "general"). Party adjectives ("Republican",
# "Democratic"), "presidential" and "former" are not titles: EVALUATION.md excludes only stop
# words and titles, so "the Republican nominee" shares a content word with itself.
TITLES = frozenset(
    """president prime minister senator sen sen. rep rep. gov gov. governor secretary chief
    executive spokesman spokeswoman spokesperson chairman director candidate nominee vice deputy
    mayor judge attorney general official officials congressman congresswoman representative
    leader""".split()
)


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: str | None


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    current: str | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if re.match(r"T\d+\t", line):
            tid, rest, *txt = line.split("\t")
            label, _, offs = rest.partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
            spans[tid] = (label, pieces, "\t".join(txt))  # type: ignore[assignment]
            current = tid
        elif re.match(r"E\d+\t", line):
            eid, rest = line.split("\t", 1)
            events.append(dict(part.split(":", 1) for part in rest.split()))
            current = None
        elif current is not None and line:
            label, pieces, txt = spans[current]
            spans[current] = (label, pieces, txt + "\n" + line)
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        source = spans[ev["Source"]][2] if ev.get("Source") in spans else None
        out.append(Attribution(content=spans[ev["Content"]][1], source=source))
    return out


_MARKS = re.compile(r"``|''(?!')|[“”„«»\"‘’']")


def quote_mask(text: str) -> list[bool]:
    """True for characters inside quotation marks, line by line.

    Every kind of quotation mark counts (EVALUATION.md says "quotation marks"): curly and
    straight doubles, the ASCII pair ``…'' and NYT's ''…'', guillemets, and single quotes
    outside double ones. A single straight or curly mark between two letters, or after a
    letter and before a space (the players' union), is an apostrophe. The state resets at
    every line break: multi-paragraph quotes reopen each paragraph, and an unbalanced mark
    must not swallow the rest of the article.
    """
    mask = [False] * len(text)
    pos = 0
    for line in text.split("\n"):
        double = single = False
        last = pos
        for m in _MARKS.finditer(line):
            a, b = pos + m.start(), pos + m.end()
            if double or single:
                for i in range(last, a):
                    mask[i] = True
            last = b
            ch = m.group()
            before = line[m.start() - 1] if m.start() else " "
            after = line[m.end()] if m.end() < len(line) else " "
            if ch in ("“", "„", "«", "``"):
                double, single = True, False
            elif ch in ("”", "»"):
                double = single = False
            elif ch in ('"', "''"):
                double, single = not double, False
            elif double:
                continue  # single marks inside a double quote change nothing
            elif before.isalnum() and after.isalnum():
                continue  # don't, O'Neil
            elif ch != "’" and not single and not before.isalnum() and after.isalnum():
                single = True
            elif ch != "‘" and single and not before.isspace():
                single = False
        if double or single:
            for i in range(last, pos + len(line)):
                mask[i] = True
        pos += len(line) + 1
    return mask


def is_direct(text: str, mask: list[bool], att: Attribution) -> bool:
    content = " ".join(text[s:e] for s, e in att.content)
    if len(content.split()) < 4:
        return False
    letters = [i for s, e in att.content for i in range(s, e) if text[i].isalpha()]
    return bool(letters) and sum(mask[i] for i in letters) >= 0.8 * len(letters)


def overlap(a: list[tuple[int, int]], b: tuple[int, int]) -> int:
    return sum(max(0, min(e, b[1]) - max(s, b[0])) for s, e in a)


def words(s: str | None) -> set[str]:
    # "Trump's" is the word "trump": a possessive "s" must not match every other possessive.
    s = re.sub(r"['’]s\b", "", (s or "").lower())
    return set(re.findall(r"[a-z0-9]+", s))


# Personal pronouns. By default they count as content words (see the module docstring);
# --pronoun-stopwords makes them stop words, the most literal reading of the definition.
PRONOUNS = frozenset("he she they we i it you him her them us me".split())
_extra_stop: frozenset[str] = frozenset()


# --titles honorific: only words used as a form of address before a name ("President",
# "Sen."), not role nouns ("candidate", "official", "leader") or party words: a narrower
# reading of "title" under which "the candidate" is a content word.
HONORIFICS = frozenset("president prime minister senator sen rep gov governor secretary mayor judge vice".split())
_titles: frozenset[str] = TITLES
# --withhold: rules whose speakers are dropped, to measure what leaving their quotes
# unattributed would do to the speaker and wrong-speaker rates.
_withhold: frozenset[str] = frozenset()


def content_words(s: str | None) -> set[str]:
    return words(s) - STOP - _titles - _extra_stop


def speaker_ok(source: str, speaker: str | None, mention: str | None) -> bool:
    # Strictly as defined: a Source made only of stop words and titles ("the president")
    # has no content word, so no system speaker can be counted correct for it.
    return bool(content_words(source) & (words(speaker) | words(mention)))


# A speaker that is only a document ("the statement", "A message"): the metric's own fixed
# list, so growing the product's vocabulary cannot move the goalposts.
DOCUMENT_NOUNS = frozenset(
    "statement statements message post report website site release tweet letter email memo note".split()
)


def is_document_speaker(speaker: str | None) -> bool:
    words = (speaker or "").lower().split()
    return 1 <= len(words) <= 3 and words[-1] in DOCUMENT_NOUNS and (len(words) == 1 or words[0] in STOP_DET)


STOP_DET = frozenset("a an the this that one its their his her".split())


def evaluate(
    data: Path,
    split: str,
    errors: int = 0,
    limit: int | None = None,
    by_rule: dict[str, list[int]] | None = None,
    kinds: frozenset[str] = frozenset({"FP", "FN", "NA", "WS"}),
    half: int | None = None,
) -> dict[str, float]:
    """Scores for one split; up to ``errors`` misses of the given ``kinds`` go to stderr
    (FP false quote, FN missed quote, NA empty speaker, WS wrong speaker)."""
    root = data / "quotes" / "polnear" / split
    n_gold = n_gold_src = matched = matched_src = correct = attributed = wrong = 0
    unwinnable = wrong_winnable = attributed_winnable = 0
    n_sys = n_sys_ok = doc_speakers = 0
    shown = 0
    docs = sorted((root / "text").glob("*.txt"))[:limit]
    if half is not None:
        # Cross-validation on one split: every other document (sorted name), so a rule can
        # be checked on two disjoint halves before it is trusted.
        docs = docs[half::2]
    t0 = time.perf_counter()
    for doc in docs:
        anns = sorted((root / "attributions").glob(doc.stem + "_*.ann"))
        if not anns:
            continue
        text = doc.read_text(encoding="utf-8")
        atts = read_ann(anns[0])  # several annotators on a few docs: use the first
        mask = quote_mask(text)
        gold = [a for a in atts if is_direct(text, mask, a)]
        quotes = briefgen.extract_quotes(text, briefgen.extract_participants(text))
        if _withhold:
            quotes = tuple(
                dataclasses.replace(q, speaker=None, speaker_mention=None) if q.rule.split("+")[0] in _withhold else q
                for q in quotes
            )
        n_sys += len(quotes)
        doc_speakers += sum(1 for q in quotes if is_document_speaker(q.speaker))
        for q in quotes:
            span = (q.start, q.end)
            if any(overlap(a.content, span) * 2 > (q.end - q.start) for a in atts):
                n_sys_ok += 1
            elif shown < errors and "FP" in kinds:
                shown += 1
                print(f"FP {doc.name}: {q.text[:100]!r} [{q.rule}]", file=sys.stderr)
        for g in gold:
            n_gold += 1
            glen = sum(e - s for s, e in g.content)
            best, best_ov = None, 0
            for q in quotes:
                ov = overlap(g.content, (q.start, q.end))
                if ov * 2 > min(glen, q.end - q.start) and ov > best_ov:
                    best, best_ov = q, ov
            if g.source is not None:
                n_gold_src += 1
                # No content word in the Source: no system answer can ever count as correct.
                unwinnable += not content_words(g.source)
            if best is None:
                if shown < errors and "FN" in kinds:
                    shown += 1
                    print(f"FN {doc.name}: {text[g.content[0][0]:g.content[-1][1]][:100]!r}", file=sys.stderr)
                continue
            matched += 1
            if g.source is None:
                continue
            matched_src += 1
            if best.speaker or best.speaker_mention:
                attributed += 1
                if content_words(g.source):
                    attributed_winnable += 1
                    wrong_winnable += not speaker_ok(g.source, best.speaker, best.speaker_mention)
            if by_rule is not None:
                tally = by_rule.setdefault(best.rule if (best.speaker or best.speaker_mention) else "(empty)", [0, 0])
                tally[0 if speaker_ok(g.source, best.speaker, best.speaker_mention) else 1] += 1
            if speaker_ok(g.source, best.speaker, best.speaker_mention):
                correct += 1
            elif not (best.speaker or best.speaker_mention) and shown < errors and "NA" in kinds:
                shown += 1
                print(f"NA {doc.name}: gold={g.source!r} {text[max(0, best.start - 120):best.start]!r} "
                      f"|| {text[best.end:best.end + 80]!r}", file=sys.stderr)
            elif best.speaker or best.speaker_mention:
                wrong += 1
                if shown < errors and "WS" in kinds:
                    shown += 1
                    print(f"WS {doc.name}: gold={g.source!r} sys={best.speaker!r}/{best.speaker_mention!r} "
                          f"[{best.rule}] {best.text[:60]!r} ctx={text[max(0, best.start - 90):best.start]!r} "
                          f"|| {text[best.end:best.end + 60]!r}", file=sys.stderr)
    elapsed = time.perf_counter() - t0
    return {
        "docs": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "recall": matched / n_gold if n_gold else 0.0,
        "precision": n_sys_ok / n_sys if n_sys else 0.0,
        "speaker": correct / n_gold_src if n_gold_src else 0.0,
        "attribution": attributed / matched_src if matched_src else 0.0,
        "wrong": wrong / attributed if attributed else 0.0,
        "unwinnable": unwinnable,
        "ceiling": 1 - unwinnable / n_gold_src if n_gold_src else 0.0,
        "wrong(winnable)": wrong_winnable / attributed_winnable if attributed_winnable else 0.0,
        "doc speakers": doc_speakers,
        "correct n": correct,
        "wrong n": wrong,
        "empty n": matched_src - attributed,
        "docs/s": len(docs) / elapsed if elapsed else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", nargs="+", default=["train", "dev"])
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses to stderr")
    ap.add_argument("--kind", nargs="+", choices=["FP", "FN", "NA", "WS"], default=["FP", "FN", "NA", "WS"],
                    help="which misses --errors prints: false/missed quote, empty/wrong speaker")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--by-rule", action="store_true", help="print correct/incorrect speakers per rule")
    ap.add_argument("--half", type=int, choices=[0, 1], default=None,
                    help="only every other document (sorted name), starting at 0 or 1")
    ap.add_argument("--counts", action="store_true", help="also print the counts behind the rates")
    ap.add_argument("--pronoun-stopwords", action="store_true",
                    help="personal pronouns are stop words (literal reading)")
    ap.add_argument("--titles", choices=["broad", "honorific"], default="broad",
                    help="which words count as titles (default: the broad list)")
    ap.add_argument("--withhold", nargs="+", default=[], metavar="RULE",
                    help="score as if quotes from these rules (name before '+') had no speaker")
    args = ap.parse_args(argv)
    global _extra_stop, _titles, _withhold
    _withhold = frozenset(args.withhold)
    _extra_stop = PRONOUNS if args.pronoun_stopwords else frozenset()
    _titles = HONORIFICS if args.titles == "honorific" else TITLES
    if not (args.data / "quotes" / "polnear").is_dir():
        print(f"no PolNeAR data under {args.data}", file=sys.stderr)
        return 2
    cols = ["docs", "gold", "system", "recall", "precision", "speaker", "attribution", "wrong", "unwinnable", "ceiling",
            "wrong(winnable)", "doc speakers", "docs/s"]
    if args.counts:
        cols[-1:-1] = ["correct n", "wrong n", "empty n"]
    print("| split | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for split in args.split:
        rules: dict[str, list[int]] | None = {} if args.by_rule else None
        r = evaluate(args.data, split, args.errors, args.limit, rules, frozenset(args.kind), args.half)
        cells = [f"{r[c]:.0f}" if c in ("docs", "gold", "system", "unwinnable", "doc speakers") or c.endswith(" n")
                 else f"{r[c]:.1f}" if c == "docs/s" else f"{100 * r[c]:.1f}%" for c in cols]
        print(f"| {split} | " + " | ".join(cells) + " |", flush=True)
        for rule, (ok, bad) in sorted((rules or {}).items(), key=lambda kv: -sum(kv[1])):
            print(f"    {rule:40s} correct {ok:5d}  incorrect {bad:4d}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
