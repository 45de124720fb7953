"""Role recall and precision on hand-annotated Wikinews articles (bench/roles, CC BY 2.5: see
ATTRIBUTION.md), on a tune split (the 94 MultiLing articles), a fresh held-out split (7 GUM
Wikinews articles, annotated before any rule was changed for them, never read for misses) and an
invented held-out split (20 news articles written for briefgen, annotated before a rule change) and
a second invented split (16 more, written and annotated on the `roles` branch before briefgen ran on
them and before its rule changes).

    python bench/eval_roles.py [--split tune|heldout|invented|invented2|both|all] [--errors]

``both`` is tune and held-out; ``all`` adds both invented splits.

Gold (``roles.yaml`` = tune, ``roles_heldout.yaml`` = held-out, ``roles_invented.yaml`` =
invented, its articles in ``invented/``): every person an article's body
names, with the role as written (``~`` when the text gives none). A gold person is found when a
person entry's name or an alias equals the gold name, or one's words contain the other's
(case-insensitive). Its role counts:
- ``full`` when the entry's role holds every word of the gold role in order (articles,
  possessive marks and case ignored: "the UN's chief of emergency relief" for "UN's
  chief of emergency relief");
- ``partial`` when it shares a word that is no article or preposition (a truncated role);
- ``missing`` when the person has no role or another one; ``unfound`` when no entry is
  the person.
``a|b`` in the gold accepts either reading. Role recall = full / gold roles.
Role precision = correct / roles given to gold persons, where a role is correct when it is
``full`` with at most two words more than the gold reading; a role given to a person the text
gives none, a truncated or other role, and a role padded with more words all count against it.
``--errors`` prints the tune split's misses only: the held-out splits are scored, never read.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import briefgen

ROOT = Path(__file__).resolve().parent / "roles"
SPLITS = {"tune": ("roles.yaml", "articles"), "heldout": ("roles_heldout.yaml", "articles"),
          "invented": ("roles_invented.yaml", "invented"),
          "invented2": ("roles_invented2.yaml", "invented2")}
GROUPS = {"both": ("tune", "heldout"), "all": ("tune", "heldout", "invented", "invented2")}
_SMALL = frozenset("a an the of for and to in at on by".split())
_PADDING = 2  # words a found role may hold beyond the gold reading and still count as correct


def words(s: str) -> list[str]:
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s?\b", "", s)
    return [w for w in re.findall(r"[\w.#-]+", s) if w not in ("a", "an", "the")]


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4 :] if end > 0 else text
    return text.lstrip("\n")


def same_person(gold: str, names: list[str]) -> bool:
    g = set(words(gold))
    return any(g <= set(words(n)) or (set(words(n)) <= g and len(words(n)) >= 1) for n in names if words(n))


def role_score(gold: str, role: str | None) -> str:
    """``full``, ``padded`` (full, but with more than _PADDING words besides), ``partial`` or ``missing``."""
    if not role:
        return "missing"
    best = "missing"
    have = words(role)
    for option in gold.split("|"):
        want = words(option)
        if want and _in_order(want, have):
            if len(have) - len(want) <= _PADDING:
                return "full"
            best = "padded"
        elif best == "missing" and set(want) - _SMALL & set(have):
            best = "partial"
    return best


def _in_order(want: list[str], have: list[str]) -> bool:
    n = len(want)
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))


@dataclass
class Score:
    docs: int = 0
    gold: int = 0  # gold persons with a stated role
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("full", "padded", "partial", "missing", "unfound"), 0))
    given: int = 0  # roles the system gives to gold persons
    correct: int = 0
    spurious: int = 0  # roles given to persons the text gives none
    seconds: float = 0.0


def _entry(name: str, parts: list[briefgen.Participant]) -> briefgen.Participant | None:
    exact = [p for p in parts if name.lower() in (n.lower() for n in (p.name, *p.aliases))]
    return exact[0] if exact else next((p for p in parts if same_person(name, [p.name, *p.aliases])), None)


def score_split(gold_file: Path, articles: Path, errors: bool) -> Score:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    s = Score(docs=len(gold))
    t0 = time.process_time()
    for doc, people in gold.items():
        parts = [p for p in briefgen.extract_participants(body(articles / f"{doc}.txt"))
                 if p.kind == "person"]
        for name, role in people.items():
            entry = _entry(name, parts)
            got = entry.role if entry is not None else None
            if got:
                s.given += 1
            if role is None:
                s.spurious += bool(got)
                if errors and got:
                    print(f"spurious {doc} {name!r}: gold none got {got!r}", file=sys.stderr)
                continue
            s.gold += 1
            kind = "unfound" if entry is None else role_score(str(role), got)
            s.counts["full" if kind in ("full", "padded") else kind] += 1
            s.counts["padded"] += kind == "padded"
            s.correct += kind == "full"
            if errors and kind != "full":
                print(f"{kind:8s} {doc} {name!r}: gold {role!r} got {None if entry is None else (entry.name, got)!r}",
                      file=sys.stderr)
    s.seconds = time.process_time() - t0
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--split", choices=(*SPLITS, *GROUPS), default="both")
    ap.add_argument("--errors", action="store_true", help="print the tune split's gold roles not found in full")
    args = ap.parse_args(argv)
    splits = GROUPS.get(args.split, (args.split,))
    print("| split | docs | gold roles | full | of which padded | partial | missing | unfound "
          "| role recall (full) | roles given | correct | spurious | role precision | docs/CPU-s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for split in splits:
        gold_name, folder = SPLITS[split]
        gold_file = args.root / gold_name
        if not gold_file.is_file():
            print(f"no role gold at {gold_file}", file=sys.stderr)
            return 2
        s = score_split(gold_file, args.root / folder, args.errors and split == "tune")
        c = s.counts
        print(f"| {split} | {s.docs} | {s.gold} | {c['full']} | {c['padded']} | {c['partial']} | {c['missing']} "
              f"| {c['unfound']} | {100 * c['full'] / max(s.gold, 1):.1f}% | {s.given} | {s.correct} | {s.spurious} "
              f"| {100 * s.correct / max(s.given, 1):.1f}% | {s.docs / max(s.seconds, 1e-9):.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
