"""Role recall on hand-annotated Wikinews articles (bench/roles, CC BY 2.5: see ATTRIBUTION.md).

    python bench/eval_roles.py [--gold roles.yaml | roles_heldout.yaml] [--errors]

Gold (``roles.yaml``): every person an article gives a role, with the role as written.
A gold person is found when a person entry's name or an alias equals the gold name, or
one's words contain the other's (case-insensitive). Its role counts:
- ``full`` when the entry's role holds every word of the gold role in order (articles,
  possessive marks and case ignored: "the UN's chief of emergency relief" for "UN's
  chief of emergency relief");
- ``partial`` when it shares a word that is no article or preposition;
- ``missing`` when the person has no role or another one; ``unfound`` when no entry is
  the person.
``a|b`` in the gold accepts either reading. Role recall = full / gold persons.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import yaml

import briefgen

ROOT = Path(__file__).resolve().parent / "roles"
_SMALL = frozenset("a an the of for and to in at on by".split())


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
    if not role:
        return "missing"
    best = "missing"
    have = words(role)
    for option in gold.split("|"):
        want = words(option)
        if want and " ".join(want) in " ".join(have) and _in_order(want, have):
            return "full"
        if set(want) - _SMALL & set(have):
            best = "partial"
    return best


def _in_order(want: list[str], have: list[str]) -> bool:
    n = len(want)
    return any(have[i : i + n] == want for i in range(len(have) - n + 1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--gold", default="roles.yaml",
                    help="gold file under --root: roles.yaml (rules written while reading its misses) or "
                         "roles_heldout.yaml (annotated afterwards, never tuned on)")
    ap.add_argument("--errors", action="store_true", help="print every gold role not found in full to stderr")
    args = ap.parse_args(argv)
    gold_file = args.root / args.gold
    if not gold_file.is_file():
        print(f"no role gold at {gold_file}", file=sys.stderr)
        return 2
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    counts = {"full": 0, "partial": 0, "missing": 0, "unfound": 0}
    t0 = time.perf_counter()
    for doc, people in gold.items():
        parts = [p for p in briefgen.extract_participants(body(args.root / "articles" / f"{doc}.txt"))
                 if p.kind == "person"]
        for name, role in people.items():
            entry = next((p for p in parts if same_person(name, [p.name, *p.aliases])), None)
            kind = "unfound" if entry is None else role_score(str(role), entry.role)
            counts[kind] += 1
            if args.errors and kind != "full":
                got = None if entry is None else (entry.name, entry.role)
                print(f"{kind:8s} {doc} {name!r}: gold {role!r} got {got!r}", file=sys.stderr)
    n = sum(counts.values())
    elapsed = time.perf_counter() - t0
    print("| docs | gold roles | full | partial | missing | unfound | role recall (full) | docs/s |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {len(gold)} | {n} | {counts['full']} | {counts['partial']} | {counts['missing']} | {counts['unfound']} "
          f"| {100 * counts['full'] / n:.1f}% | {len(gold) / elapsed:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
