"""Participants: article text -> people, organizations and places, ranked by importance.

Rule-based and offline: capitalised word runs are cut into a role part ("Japanese Prime
Minister") and a name part ("Sanae Takaichi"), classified from gazetteers and context
(titles, speech verbs, prepositions, organisation head words), then merged within the
article (surname-only and title forms become aliases of the full name). Never raises.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefgen import lexicon
from briefgen.model import Participant, Sentence
from briefgen.textspan import Token, tokenize

_POSSESSIVE_RE = re.compile(r"[’']s?$")
# Lower-case words that can sit inside a role before a name ("former foreign minister").
_ROLE_MODIFIERS = frozenset(
    """former acting deputy assistant senior junior chief vice foreign finance defence defense
    interior justice health trade economy education state national security top press campaign
    communications general prime executive managing principal lead head opposition party
    federal regional local district county city public military army police fire
    environment energy labor labour home culture transport transportation treasury
    then new longtime long-time veteran outgoing incoming interim current retired
    presidential republican democratic""".split()
)
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "dos", "del", "le", "la", "du"})
_OF_HEADS = frozenset(
    """Bank University Ministry Department Secretary Minister Republic Kingdom State States
    Institute Council Board Office House Church Court Museum School College Gulf Sea Isle
    Isles City Province Duke Prince Princess Governor Chamber Federation Union League
    Association Society Academy Commission Committee Party Army Friends Sisters Daughters
    Sons People Bishop Archbishop Mayor Speaker Attorney Chief Director Head""".split()
)
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "across", "throughout", "outside", "inside", "around", "into", "toward", "towards"})
_ORDINALS_RE = re.compile(r"^\d")


@dataclass
class _Mention:
    name: str
    start: int
    end: int
    ntokens: int
    role: str | None = None
    surface: str = ""  # title form as written ("President Lee"), when a title preceded it
    person: float = 0.0
    place: float = 0.0
    org: float = 0.0


@dataclass
class _Entity:
    name: str
    kind: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    first: int = 0


def extract_participants(text: str, sentences: Sequence[Sentence] | None = None) -> tuple[Participant, ...]:
    """People, organizations and places of ``text``, most mentioned first."""
    try:
        return tuple(_extract(text or ""))
    except Exception:  # pragma: no cover - a participant list is never worth a crash
        return ()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0:
        return True
    # After an opening quote or bracket, look further back.
    if text[i] in "“\"‘'«([—–-":
        j = i - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        return j < 0 or text[j] in ".!?:\n,“\"”'’—–-" or text[i] in "“\"‘«("
    return text[i] in ".!?\n:;…"


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    if gap == " " or gap == "\u00a0":
        return True
    # "Mr. Lee", "George W. Bush", "J.K. Rowling", "St. Louis"
    if gap == ". " and (a.lower.rstrip(".") in {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "prof", "rev", "jr", "sr", "mt", "ft", "adm", "pres"} or len(a.text) == 1 or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", a.text)):
        return True
    return False


def _runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised tokens (with "of" and name particles inside)."""
    runs: list[list[Token]] = []
    i, n = 0, len(tokens)
    non_names = lexicon.NON_NAMES
    while i < n:
        t = tokens[i]
        if not t.is_cap or t.lower in non_names:
            i += 1
            continue
        run = [t]
        j = i + 1
        while j < n:
            prev = run[-1]
            if _POSSESSIVE_RE.search(prev.text) and prev.text[-2:] in ("’s", "'s"):
                break
            nxt = tokens[j]
            if nxt.is_cap and _gap_ok(text, prev, nxt) and nxt.lower not in _RUN_BREAKERS:
                run.append(nxt)
                j += 1
                continue
            # "Bank of England", "Secretary of State", "Osama bin Laden"
            if (
                j + 1 < n
                and (nxt.lower == "of" and prev.text in _OF_HEADS or nxt.lower in _NAME_PARTICLES)
                and tokens[j + 1].is_cap
                and _gap_ok(text, prev, nxt)
                and text[nxt.end : tokens[j + 1].start] == " "
            ):
                run.extend([nxt, tokens[j + 1]])
                j += 2
                continue
            break
        runs.append(run)
        i = j
    return runs


_RUN_BREAKERS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday i
    january february march april june july august september october november december""".split()
)


def _strip_possessive(s: str) -> str:
    if s.endswith(("’s", "'s")):
        return s[:-2]
    if s.endswith(("s’", "s'")):
        return s[:-1]
    return s


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in lexicon.title_words()


def _demonym_len(run: list[Token], k: int) -> int:
    """Number of tokens at run[k:] that form a demonym ("South Korean" -> 2)."""
    dem = lexicon.demonyms()
    if k + 1 < len(run) and f"{run[k].text} {run[k + 1].text}" in dem:
        return 2
    return 1 if run[k].text in dem else 0


def _split_role(run: list[Token]) -> int:
    """Index where the name starts after a leading role ("South Korean President | Lee",
    "EU Farm Commissioner | Franz Fischler"); 0 when there is no role."""
    k, cut = 0, 0
    while k < len(run):
        d = _demonym_len(run, k)
        if d:
            k += d
            continue
        if _is_title(run[k].text) or run[k].lower in _ROLE_MODIFIERS:
            k += 1
            if _is_title(run[k - 1].text):
                cut = k
            # "Secretary of State John Kerry"
            if k + 1 < len(run) and run[k].lower == "of":
                k += 2
                cut = k
            continue
        break
    if cut:
        return cut
    # A title after an organisation or place: the last title word before 1-3 name words.
    for i in range(len(run) - 2, 0, -1):
        if _is_title(run[i].text) and run[i].text[:1].isupper() and 1 <= len(run) - i - 1 <= 3:
            if not any(_is_title(t.text) for t in run[i + 1 :]):
                return i + 1
    return 0


_PLACE_HEADS = frozenset(
    """Strait Straits Heights Bridge Mount Mountain Mountains River Sea Lake Island Islands Bay
    Valley County Street Avenue Square Airport Park Province State City Gulf Ocean Canal Peninsula
    Desert Coast Road Harbour Harbor Port Beach Hill Hills Village Town Region Republic Kingdom""".split()
)


def _classify_string(name: str) -> str | None:
    """Kind from the name alone (gazetteers and head words), or None."""
    suffixes, prefixes, orgs = lexicon.org_cues()
    if name in orgs:
        return "organization"
    if name in lexicon.places() or name.isupper() and name.title() in lexicon.places():
        return "place"
    words = name.split()
    if words[-1] in _PLACE_HEADS or words[0] in {"Mount", "Lake", "Port", "Cape", "Fort", "Gulf"} and len(words) > 1:
        return "place"
    if words[-1] in suffixes or words[0] in prefixes and len(words) > 1:
        return "organization"
    if re.fullmatch(r"[A-Z][A-Z&.]{1,4}", name):
        return "organization"
    return None


def _left_role(text: str, tokens: list[Token], idx: int) -> tuple[str, int] | None:
    """Lower-case role words right before token ``idx`` ("former", "Tesla chief executive")."""
    j = idx - 1
    start = None
    has_title = False
    while j >= 0 and text[tokens[j].end : tokens[j + 1].start] == " ":
        t = tokens[j]
        if t.text.islower() and (t.lower in lexicon.title_words() or t.lower in _ROLE_MODIFIERS):
            has_title = has_title or t.lower in lexicon.title_words()
            start = j
            j -= 1
            continue
        break
    if start is None:
        return None
    # "Tesla chief executive", "Apple’s chief executive", "Japanese foreign minister"
    if j >= 0 and tokens[j].is_cap and text[tokens[j].end : tokens[start].start] == " " and has_title:
        if not _sentence_initial(text, tokens[j].start) or tokens[j].text in lexicon.demonyms() or _classify_string(_strip_possessive(tokens[j].text)):
            start = j
    return text[tokens[start].start : tokens[idx].start].strip(), tokens[start].start


_APPOSITIVE_RE = re.compile(r",\s+(?:\d{1,3},\s+)?((?:a|an|the|his|her|its|their)\s+[^,.;:“”\"()\n]{2,70}?)(?=[,.;])")


def _appositive_role(text: str, end: int) -> str | None:
    m = _APPOSITIVE_RE.match(text, end)
    if not m:
        return None
    phrase = m.group(1)
    words = [w.strip("’'").lower() for w in phrase.split()]
    if any(w in lexicon.title_words() or w in lexicon.ROLE_NOUNS for w in words[1:]):
        return phrase
    return None


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case ("Trump May Not Have Suggested A Registry"): every word is
    capitalised there, so capitalisation says nothing about names."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[^\W\d_][\w’'-]*", m.group())
        if len(words) >= 4:
            small = sum(1 for w in words if w.lower() in _HEADLINE_SMALL)
            caps = sum(1 for w in words if w[:1].isupper())
            if caps >= 0.8 * (len(words) - small) and caps >= len(words) - small and not re.search(r"[.!?][”\"’']?\s*$", m.group()) or caps == len(words):
                spans.append(m.span())
    return spans


_HEADLINE_SMALL = frozenset("a an the of in on at to for and or but by with from as is vs via".split())


def _collect_mentions(text: str) -> list[_Mention]:
    headlines = _headline_spans(text)
    if headlines:
        # Blank out headline lines for run-finding; their names are counted below.
        chars = list(text)
        for s, e in headlines:
            chars[s:e] = " " * (e - s)
        body = "".join(chars)
        mentions = _collect_mentions_plain(body)
        known = sorted({m.name for m in mentions}, key=len, reverse=True)
        if known:
            pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in known) + r")(?![\w])")
            for s, e in headlines:
                for m in pat.finditer(text, s, e):
                    mentions.append(_Mention(name=m.group(), start=m.start(), end=m.end(), ntokens=len(m.group().split())))
        mentions.sort(key=lambda m: m.start)
        return mentions
    return _collect_mentions_plain(text)


def _collect_mentions_plain(text: str) -> list[_Mention]:
    tokens = tokenize(text)
    index_of = {id(t): i for i, t in enumerate(tokens)}
    lower_vocab = {t.text for t in tokens if t.text.islower()}
    mentions: list[_Mention] = []
    speech = lexicon.SPEECH_FORMS
    for run in _runs(text, tokens):
        first_idx = index_of[id(run[0])]
        # Drop closed-class words and sentence-initial ordinary words ("Addressing").
        while run and (run[0].lower in lexicon.NON_NAMES or (
            _sentence_initial(text, run[0].start)
            and (run[0].lower in lower_vocab or (len(run) == 1 and re.search(r"(ing|ly|ed)$", run[0].text)))
            and run[0].text not in lexicon.places()
        )):
            run = run[1:]
            first_idx += 1
        if not run:
            continue
        cut = _split_role(run)
        role = None
        name_tokens = run
        if cut:
            rest = run[cut:]
            rest_name = _strip_possessive(text[rest[0].start : rest[-1].end]) if rest else ""
            if rest and _classify_string(rest_name) is None:
                role = text[run[0].start : run[cut - 1].end]
                name_tokens = rest
            elif not rest:
                continue
        elif _demonym_len(run, 0) and len(run) > _demonym_len(run, 0):
            # "Chinese Foreign Ministry": the nationality is not part of the name, but
            # it is in "European Union" and "South African Airways".
            rest = run[_demonym_len(run, 0) :]
            suffixes = lexicon.org_cues()[0]
            if not (len(rest) == 1 and rest[0].text in suffixes):
                name_tokens = rest
        elif _demonym_len(run, 0):
            continue
        left = _left_role(text, tokens, index_of[id(run[0])])
        if left:
            role = f"{left[0]} {role}" if role else left[0]
        start, end = name_tokens[0].start, name_tokens[-1].end
        if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", text[start:end]) and text[end : end + 1] == ".":
            end += 1  # "U.S." keeps its last period
        raw = text[start:end]
        name = _strip_possessive(raw)
        end = start + len(name)
        if not re.search(r"[^\W\d_]", name) or name.lower() in lexicon.NON_NAMES:
            continue
        m = _Mention(name=name, start=start, end=end, ntokens=len(name_tokens))
        if role:
            m.role = role
            if _is_title(run[cut - 1].text if cut else "") or role.split()[-1].lower() in lexicon.title_words():
                m.person += 2
            if cut:
                m.surface = _strip_possessive(text[run[cut - 1].start : end])
        app = _appositive_role(text, end + (len(raw) - len(name)))
        if app:
            m.role = m.role or app
            m.person += 2
        last_idx = index_of[id(name_tokens[-1])]
        nxt = tokens[last_idx + 1] if last_idx + 1 < len(tokens) else None
        prv = tokens[first_idx - 1] if first_idx > 0 else None
        if nxt is not None and nxt.lower in speech and text[end : nxt.start].strip(" ,") == "":
            m.person += 1.5
        if prv is not None and prv.lower in speech and text[prv.end : start] == " ":
            m.person += 1
        if re.match(r",\s+\d{1,3},", text[end : end + 8]):
            m.person += 2  # "Smith, 53, said"
        if prv is not None and prv.lower in _PLACE_PREPOSITIONS and text[prv.end : start] == " ":
            m.place += 1
        if re.match(r"-based\b", text[end : end + 7]):
            m.place += 2
        mentions.append(m)
    return mentions


def _split_compounds(mentions: list[_Mention]) -> list[_Mention]:
    """Cut "Takaichi-Lee" and "Nara-Takaichi" into known names; keep "Rolls-Royce"."""
    known = {m.name for m in mentions if "-" not in m.name}
    out: list[_Mention] = []
    for m in mentions:
        if m.ntokens == 1 and "-" in m.name:
            parts = m.name.split("-")
            if any(p in known or p in lexicon.places() for p in parts):
                pos = m.start
                for p in parts:
                    if p[:1].isupper() and (p in known or p in lexicon.places()):
                        out.append(_Mention(name=p, start=pos, end=pos + len(p), ntokens=1))
                    pos += len(p) + 1
                continue
            if not all(p[:1].isupper() for p in parts):
                continue  # "Nara-based", "Lee-led": drop unless the part is known
        out.append(m)
    return out


def _looks_like_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them a place, organisation word or nationality."""
    words = name.split()
    if not 2 <= len(words) <= 4 or name.isupper():
        return False
    suffixes, prefixes, orgs = lexicon.org_cues()
    for w in words:
        if not (w[:1].isupper() or w in _NAME_PARTICLES):
            return False
        if w in lexicon.places() or w in suffixes or w in prefixes or w in lexicon.demonyms() or w in orgs:
            return False
        if w.isupper() and len(w) > 1 or any(c.isdigit() for c in w):
            return False
    return True


def _extract(text: str) -> list[Participant]:
    mentions = _split_compounds(_collect_mentions(text))
    by_name: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.name].append(m)

    kinds: dict[str, str] = {}
    for name, ms in by_name.items():
        kind = _classify_string(name)
        person = sum(m.person for m in ms)
        place = sum(m.place for m in ms)
        org = sum(m.org for m in ms)
        if kind == "place" and person >= 2 and place == 0 and name not in lexicon.places():
            kind = "person"
        if kind is None:
            if person > 0 and person >= place:
                kind = "person"
            elif place > 0:
                kind = "place"
            elif org > 0:
                kind = "organization"
            elif _looks_like_person_name(name):
                kind = "person"
        if kind:
            kinds[name] = kind

    # Merge shorter person names into the longer person name that contains them.
    persons = sorted((n for n, k in kinds.items() if k == "person"), key=lambda n: (-len(n.split()), by_name[n][0].start))
    canonical: dict[str, str] = {}
    for n in persons:
        words = set(n.split())
        for longer in persons:
            if longer == n or len(longer.split()) <= len(n.split()):
                continue
            if words <= set(longer.split()):
                canonical[n] = canonical.get(longer, longer)
                break
        else:
            canonical[n] = n
    # Single unknown words that are part of a known person's name ("Takaichi").
    for n in list(by_name):
        if n not in kinds and len(n.split()) == 1:
            owner = next((p for p in persons if n in p.split() and canonical[p] == p), None)
            if owner:
                kinds[n] = "person"
                canonical[n] = owner
    # Places and organisations that are exactly a person's name part are aliases
    # of that person, unless they are in a gazetteer.
    for n, k in list(kinds.items()):
        if k != "person" and len(n.split()) == 1 and _classify_string(n) is None:
            owner = next((p for p in persons if n in p.split() and canonical[p] == p), None)
            if owner:
                kinds[n] = "person"
                canonical[n] = owner

    entities: dict[str, _Entity] = {}
    for n, kind in kinds.items():
        canon = canonical.get(n, n) if kind == "person" else n
        ent = entities.get(canon)
        if ent is None:
            ent = entities[canon] = _Entity(name=canon, kind=kind, first=by_name[n][0].start)
        ent.first = min(ent.first, by_name[n][0].start)
        for m in by_name[n]:
            ent.mentions += 1
            if m.role and (ent.role is None or canonical.get(n, n) == n and m.name == canon and ent.role is None):
                ent.role = m.role
            # A title form is worth keeping only when the name in it is short ("President Lee").
            for alias in (m.name, m.surface if m.name != canon else ""):
                if alias and alias != canon and alias not in ent.aliases:
                    ent.aliases.append(alias)
    ranked = sorted(entities.values(), key=lambda e: (-e.mentions, e.first))
    return [Participant(name=e.name, kind=e.kind, role=e.role, aliases=tuple(e.aliases), mentions=e.mentions) for e in ranked]  # type: ignore[arg-type]
