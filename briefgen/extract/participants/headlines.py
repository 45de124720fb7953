"""Headlines, datelines and mastheads: text and its shared tokens -> mentions, where
capitalisation says nothing about names. Title Case and ALL-CAPS lines are blanked for
run-finding; the body's names are then found in them case-blind, and known places and clubs
in capitals ("ELBURY 1996-08-22") are added."""

from __future__ import annotations

import re

from briefgen.extract.participants import vocab
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.mentions import collect_plain
from briefgen.text import lexicon
from briefgen.text.spans import Token

_LINE_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
_NUMBER_RE = re.compile(r"\d+")
_SCORE_AFTER_BRACKET_RE = re.compile(r"\([A-Z][^()\n]{1,30}\)\s+\d{1,2}\b")
_ENDS_SENTENCE_RE = re.compile(r"[.!?][”\"’']?\s*$")
_DIGEST_RE = re.compile(r"PRESS DIGEST|[Pp]ress [Dd]igest|leading stories in the [\w ,-]{0,40}(?:press|newspapers)")
_MASTHEAD_RE = re.compile(r"^[ \t]*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,4})[ \t]*(?: [-–—] .*)?$", re.MULTILINE)
_GIVEN_NAME_RE = r"(?<![\w-])([A-Z][a-z]+) ("


def collect(text: str, tokens: list[Token]) -> list[Mention]:
    """Every mention of ``text`` (``tokens`` = its shared tokenization), in text order."""
    mentions = _collect_cased(text, tokens)
    for s, e in _mastheads(text):
        inside = [m for m in mentions if s <= m.start < e]
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (s, e):
            inside[0].add("masthead of a press digest", "organization", 3)
        elif not inside:
            m = Mention(name=text[s:e], start=s, end=e, ntokens=len(text[s:e].split()))
            m.add("masthead of a press digest", "organization", 3.0)
            mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    return mentions


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case ("Minister May Not Have Signed The Bill"): every word is
    capitalised there, so capitalisation says nothing about names."""
    spans = []
    first_line = len(text) - len(text.lstrip())
    for m in _LINE_RE.finditer(text):
        if _is_headline(m.group(), first=m.start() == first_line):
            spans.append(m.span())
    return spans


def _is_headline(line: str, first: bool) -> bool:
    words = _WORD_RE.findall(line)
    # Result tables ("A. Vale 4-42, T. Feld 3-21") capitalise names, not every word; so do
    # lists ("Goalkeepers - Ana Ruiz, Tomas Feld, Ines Darrow").
    if (len(_NUMBER_RE.findall(line)) >= 3 or line.count(",") >= 2 or _SCORE_AFTER_BRACKET_RE.search(line)) and (
        not line.isupper()
    ):
        return False  # also "In Elbury: Eastfield Rovers (Elbonia) 2 Westport (Norway) 1"
    if len(words) < 4:
        return False
    small = sum(1 for w in words if w.lower() in vocab.HEADLINE_SMALL)
    caps = sum(1 for w in words if w[:1].isupper())
    ends = _ENDS_SENTENCE_RE.search(line)
    upper = sum(1 for w in words if w.isupper()) >= 0.6 * len(words)
    # A line of names ending in a full stop ("Ana Ruiz, Tomas Feld.") is a list, not a
    # headline; ALL-CAPS lines are headlines whatever their ending, and so is the first line
    # (the title). Capitalised small words ("Put On The Defensive Over") make a headline
    # even with a full stop at its end.
    small_caps = sum(1 for w in words if w.lower() in vocab.HEADLINE_SMALL and w[:1].isupper())
    return (caps >= len(words) - small and (not ends or upper or first)) or (
        caps == len(words) and (not ends or small_caps >= 2)
    )


def _mastheads(text: str) -> list[tuple[int, int]]:
    """Newspaper names heading the sections of a press digest (an outlet's name alone on a
    line, then its stories): in a digest an ALL-CAPS line without digits is a masthead."""
    if not _DIGEST_RE.search(text[:600]):
        return []
    return [m.span(1) for m in _MASTHEAD_RE.finditer(text) if "DIGEST" not in m.group(1) and len(m.group(1)) > 2]


def _inside(tokens: list[Token], spans: list[tuple[int, int]]) -> tuple[list[Token], list[list[Token]]]:
    """(tokens outside every span, the tokens of each span); spans are whole lines in order."""
    body: list[Token] = []
    per_span: list[list[Token]] = [[] for _ in spans]
    k = 0
    for t in tokens:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k < len(spans) and spans[k][0] <= t.start:
            per_span[k].append(t)
        else:
            body.append(t)
    return body, per_span


def _collect_cased(text: str, tokens: list[Token]) -> list[Mention]:
    headlines = headline_spans(text)
    if not headlines:
        return collect_plain(text, tokens)
    # Blank out headline lines for run-finding; their names are counted below.
    chars = list(text)
    for s, e in headlines:
        chars[s:e] = " " * (e - s)
    body_tokens, headline_tokens = _inside(tokens, headlines)
    mentions = collect_plain("".join(chars), body_tokens)
    # Headlines are often ALL CAPS ("RUIZ WINS"): match body names case-blind and keep the
    # body's spelling so the forms merge. One spelling per upper-cased form, the same in
    # every run (a set's order changes with the hash seed); mixed case wins ("Veltra" over
    # "VELTRA").
    known = {n.upper(): n for n in sorted({m.name for m in mentions}, key=lambda n: (len(n), not n.isupper(), n))}
    # Offsets inside a headline name already found: a set, as long texts have thousands.
    taken: set[int] = set()
    mentions.extend(_full_names_in_headlines(text, headlines, known, taken))
    mentions.extend(_body_names_in_headlines(text, headlines, known, taken))
    # Datelines and headlines name places in capitals ("ELBURY 1996-08-22").
    for toks in headline_tokens:
        mentions.extend(_caps_gazetteer_mentions(text, toks, taken))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _full_names_in_headlines(
    text: str, headlines: list[tuple[int, int]], known: dict[str, str], taken: set[int]
) -> list[Mention]:
    # "Ana Ruiz: I'm Sick Of …" above a body that says "Ruiz": a given name before a body
    # surname is the full name, though the headline capitalises everything.
    surnames = {n for n in known.values() if " " not in n and n[:1].isupper() and not n.isupper()}
    if not surnames:
        return []
    full = re.compile(
        _GIVEN_NAME_RE + "|".join(re.escape(n) for n in sorted(surnames, key=len, reverse=True)) + r")(?![\w-])"
    )
    out = []
    for s, e in headlines:
        for m in full.finditer(text, s, e):
            if m.group(1) in lexicon.first_names() and m.group(1) not in vocab.WORDLIKE_GIVEN_NAMES:
                out.append(Mention(name=m.group(), start=m.start(), end=m.end(), ntokens=2))
                taken.update(range(*m.span()))
    return out


def _body_names_in_headlines(
    text: str, headlines: list[tuple[int, int]], known: dict[str, str], taken: set[int]
) -> list[Mention]:
    if not known:
        return []
    spellings = set(known.values())
    pat = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True)) + r")(?![\w])",
        re.IGNORECASE,
    )
    out = []
    for s, e in headlines:
        for m in pat.finditer(text, s, e):
            if m.start() in taken:
                continue
            name = m.group() if m.group() in spellings else known.get(m.group().upper(), m.group())
            out.append(Mention(name=name, start=m.start(), end=m.end(), ntokens=len(name.split())))
            taken.update(range(*m.span()))
    return out


def _caps_gazetteer_mentions(text: str, toks: list[Token], taken: set[int]) -> list[Mention]:
    """Known places, clubs and team nicknames written in capitals inside one headline line (``toks``);
    ``taken`` holds the offsets already inside a name."""
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        found = 0 if toks[i].start in taken else _caps_name_at(text, toks, i, out)
        i += found or 1
    return out


def _caps_name_at(text: str, toks: list[Token], i: int, out: list[Mention]) -> int:
    """Tokens of the longest known name (up to four words) starting at toks[i], or 0."""
    for j in range(min(len(toks), i + 4), i, -1):
        start, end = toks[i].start, toks[j - 1].end
        phrase = text[start:end]
        if not phrase.isupper():
            # A Title Case line ("In Elbury: Eastfield (Elbonia) 0 ..."): only a known place,
            # written exactly, counts.
            if phrase in lexicon.places() and not vocab.HEADLINE_SMALL.intersection(phrase.lower().split()):
                out.append(Mention(name=phrase, start=start, end=end, ntokens=j - i))
                return j - i
            continue
        title = " ".join(
            w.capitalize() if "-" not in w else "-".join(x.capitalize() for x in w.split("-")) for w in phrase.split()
        )
        # "ORIOLES", "NEW YORK YANKEES": a team's nickname in capitals is the team too.
        if title in lexicon.places() or title in lexicon.org_cues()[2] or any(title in t for t in lexicon.teams()):
            out.append(Mention(name=phrase, start=start, end=end, ntokens=j - i))
            return j - i
    return 0
