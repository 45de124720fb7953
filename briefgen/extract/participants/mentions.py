"""Body text and its shared tokens -> candidate name mentions: each capitalised run is
trimmed of words that only describe ("Outspoken", "Top-seeded"), cut into a role and a name
("Elbonian Prime Minister | Ana Ruiz"), and scored by the context table in ``evidence``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from briefgen.extract.participants import vocab
from briefgen.extract.participants.acronyms import spelled_names
from briefgen.extract.participants.evidence import Site, score
from briefgen.extract.participants.gazetteer import kind_of
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.names import (
    HYPHEN_TAIL_RE,
    INITIALISM_RE,
    demonym_len,
    is_title,
    sentence_initial,
    strip_possessive,
)
from briefgen.extract.participants.roles import (
    STYLE_END_RE,
    apposition_after,
    comma_role_before,
    is_person_noun,
    left_role,
    phrase_role_before,
    post_nominal,
    predicate_role,
    rank_prefix,
    role_with_object_before,
    shared_role_before,
    split_role,
    square_role_before,
    title_of_before,
    title_of_org_before,
)
from briefgen.extract.participants.runs import Run, runs, split_org_person
from briefgen.text import lexicon
from briefgen.text.spans import ABBREVIATIONS, Token

_GERUND_RE = re.compile(r"^[A-Z][a-z]{3,}ing$")
_VERB_FORM_RE = re.compile(r"(ing|ly|ed)$")
_AGENT_TAIL_RE = re.compile(r"-" + vocab.alternation("agent_tails") + r"$")
_HYPHEN_HEAD_RE = re.compile(r"^[A-Z][a-z]*-[a-z]+(?:ed|born|run|made|style)$")
_INITIAL_RE = re.compile(r"[A-Z]\.?")
_FLIGHT_NUMBER_RE = re.compile(r"\s+[A-Z]{0,3}\d")
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|one)\s+$", re.IGNORECASE)
_PUNCT_AFTER_RE = re.compile(r"[,.;:!?”\"]")
_WORD_AFTER_RE = re.compile(r"\s+([a-z]+)")
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class _Text:
    """The body text and what every run of it shares."""

    text: str
    tokens: list[Token]
    index_of: dict[int, int]  # id(token) -> its index
    lower_vocab: frozenset[str]  # the words this text writes in lower case
    spelled: frozenset[str]  # capitals that spell a closed-class word ("US", "WHO")


def collect_plain(text: str, tokens: list[Token]) -> list[Mention]:
    """Mentions of ``text`` (headlines already blanked) from its tokens, in text order."""
    index_of = {id(t): i for i, t in enumerate(tokens)}
    spelled = spelled_names(text)
    ctx = _Text(text, tokens, index_of, frozenset(t.text for t in tokens if t.text.islower()), spelled)
    out: list[Mention] = []
    for run in split_org_person(text, tokens, runs(text, tokens, spelled), index_of):
        run = _trim(ctx, run, out)
        if run:
            _add_mention(ctx, run, out)
    return out


# ----------------------------------------------------------------------------- trimming


def _trim(ctx: _Text, run: Run, out: list[Mention]) -> Run:
    """The run without the words before its name that only describe it; [] when nothing
    is left or the whole run describes ("a Booker Prize-winner")."""
    run = _drop_ordinary_openers(ctx, run)
    if not run:
        return []
    if len(run) > 1 and _opens_with_verb_form(run):
        run = run[1:]  # "Debating Ruiz", "Going Viral": a verb form opens the run
    if _AGENT_TAIL_RE.search(run[-1].text):
        return []  # "a Booker Prize-winner", "Nobel Prize-winning author": a description
    if len(run) > 1 and _HYPHEN_HEAD_RE.match(run[0].text):
        run = run[1:]  # "Top-seeded Ana Ruiz", "Family-controlled Veltra"
    run = _split_based(ctx, run, out)
    if not run:
        return []
    if _opens_with_adjective(ctx, run):
        run = run[1:]
    if _opens_with_description(ctx, run) or _opens_with_occupation(ctx, run):
        run = run[1:]
    return run


def _opens_with_occupation(ctx: _Text, run: Run) -> bool:
    """"Policeman José Arévalo warned …": a person noun opening the sentence before a given name
    and a surname is the person's role (phrase_role_before reads it), even when the given name is
    one the name list does not hold."""
    first = run[0]
    return (
        len(run) == 3
        and sentence_initial(ctx.text, first.start)
        and first.text[1:].islower()
        and is_person_noun(first.lower)
        and first.text not in lexicon.first_names()
        and first.text not in lexicon.places()
        and all(t.text[:1].isupper() and t.text[1:2].islower() for t in run[1:])
    )


def _drop_ordinary_openers(ctx: _Text, run: Run) -> Run:
    """Drop closed-class words and sentence-initial ordinary words ("Addressing"), unless the
    run is a known place ("NEW YORK" in a dateline)."""
    if len(run) > 1 and _known_place(ctx.text[run[0].start : run[-1].end]):
        return run
    while run and (_closed_class(ctx, run) or _ordinary_sentence_opener(ctx, run)):
        run = run[1:]
    return run


def _known_place(phrase: str) -> bool:
    return phrase in lexicon.places() or phrase.isupper() and phrase.title() in lexicon.places()


def _closed_class(ctx: _Text, run: Run) -> bool:
    t = run[0]
    return (
        t.lower in lexicon.NON_NAMES
        and not (t.lower in vocab.MONTH_ABBREVIATIONS and len(run) > 1)
        and t.text not in ctx.spelled
    )


def _ordinary_sentence_opener(ctx: _Text, run: Run) -> bool:
    t = run[0]
    return (
        sentence_initial(ctx.text, t.start)
        and (t.lower in ctx.lower_vocab or (len(run) == 1 and bool(_VERB_FORM_RE.search(t.text))))
        and t.text not in lexicon.places()
        # "ELBURY -- President Ruiz" after a dateline: a title before a name is a role even
        # when the article also writes "the president".
        and not (len(run) > 1 and is_title(t.text) and t.lower not in vocab.ROLE_MODIFIERS)
        and not (t.text == "Team" and len(run) > 1 and run[1].text in lexicon.places())  # "Team Elbonia"
    )


def _opens_with_verb_form(run: Run) -> bool:
    return (
        bool(_GERUND_RE.match(run[0].text))
        and run[0].text not in lexicon.first_names()
        and run[0].text not in lexicon.places()
        # "Downing Street", "Reading Station": a head word alone is no name; "Rolling Stone
        # Magazine": the verb form is part of an organisation's name
        and not (run[-1].text in vocab.PLACE_HEADS or run[-1].text in lexicon.org_cues()[0])
    )


def _split_based(ctx: _Text, run: Run, out: list[Mention]) -> Run:
    # "Elbury-based Veltra": a place, then the name.
    based = next((k for k, t in enumerate(run) if HYPHEN_TAIL_RE.search(t.text)), None)
    if based is None:
        return run
    head_end = run[based].start + run[based].text.index("-")
    place = ctx.text[run[0].start : head_end]
    if place in lexicon.places() or place.split()[-1] in lexicon.places():
        m = Mention(name=place, start=run[0].start, end=head_end, ntokens=based + 1)
        m.add("place before -based", "place", 2.0)
        out.append(m)
    return run[based + 1 :]


def _opens_with_adjective(ctx: _Text, run: Run) -> bool:
    # "Controversial Elbonian Ana Ruiz": an ordinary word opening the sentence before a
    # nationality or title.
    return (
        len(run) > 2
        and sentence_initial(ctx.text, run[0].start)
        and bool(demonym_len(run, 1) or is_title(run[1].text))
        and not demonym_len(run, 0)
        and not is_title(run[0].text)
        and run[0].lower not in vocab.ROLE_MODIFIERS  # "Prime Minister Ana Ruiz", "Former President …"
        and not rank_prefix(run, 0)  # "Staff Sgt. Ana Ruiz"
        # "UN Secretary-General Ana Ruiz": a body, no adjective
        and not (run[0].text.isupper() and len(run[0].text) > 1 and not run[1].text.isupper())
        # "House Speaker Ana Ruiz", "Police Commissioner Ana Ruiz": a body before the title, no adjective
        and not (any(run[0].text in cues for cues in lexicon.org_cues()[:2]) and run[0].text[1:].islower())
        and run[0].text not in lexicon.places()
        and run[0].text not in lexicon.first_names()
        and not _capitalised_inside(ctx, run[0])  # "Elbury Mayor Ana Ruiz", with "in Elbury" later
    )


def _capitalised_inside(ctx: _Text, word: Token) -> bool:
    """Does the text write ``word`` capitalised inside a sentence too (a name, no adjective)?"""
    return word.text not in ctx.lower_vocab and any(
        t.text == word.text and t.start != word.start and not sentence_initial(ctx.text, t.start) for t in ctx.tokens
    )


def _opens_with_description(ctx: _Text, run: Run) -> bool:
    # "Frenchman Ana Ruiz", "Oriole Ana Ruiz": a capitalised word before a given name and a
    # surname describes the person ...
    first = run[0].text
    return (
        len(run) >= 3
        and run[1].text in lexicon.first_names()
        and first not in lexicon.first_names()
        and first not in lexicon.places()
        and ctx.text[run[0].start : run[1].end] not in lexicon.places()  # "San Marino", "St. Ives"
        and first.rstrip(".") not in vocab.PLACE_PREFIXES
        and not _INITIAL_RE.fullmatch(first)  # "L. Ron Vale"
        and not run[2].text[:1].islower()
        and not is_title(first)
        and first not in lexicon.PARTY_WORDS  # "Democrat Ana Ruiz": a role
        # ... but "Ana Maria Ruiz" has two given names: only a word that can describe someone
        # (nationality, team member, agent noun) is cut.
        and (sentence_initial(ctx.text, run[0].start) or _describes(first, ctx.lower_vocab))
    )


def _describes(word: str, lower_vocab: frozenset[str]) -> bool:
    """Can a capitalised word before a full name, inside a sentence, describe the person
    ("Frenchman", "Oriole", "Ex-Yankee")? Given names cannot."""
    nicknames = lexicon.teams()[0]
    return (
        word in lexicon.demonyms()
        or word[:-1] in lexicon.demonyms()  # "Elbonians Ana Ruiz and Tomas Feld"
        or "-" in word  # "Ex-Yankee", "Elbonian-born"
        or word in nicknames
        or word + "s" in nicknames
        or word.lower() in lower_vocab
        or word.endswith(vocab.DESCRIBING_SUFFIXES)
    )


# ----------------------------------------------------------------------------- role and name


class _Cut(NamedTuple):
    name_tokens: Run
    role: str | None = None
    cut: int = 0  # index in the run where the name starts after a role


def _cut_role(ctx: _Text, run: Run, out: list[Mention]) -> _Cut | None:
    """Where the run's name is, and its role; None when the run names nobody."""
    text = ctx.text
    if post_nominal(run):
        # "Ana Ruiz QC": the letters after the name are its role.
        inner = _cut_role(ctx, run[:-1], out)
        if inner is None:
            return None
        role = f"{inner.role} {run[-1].text}" if inner.role else run[-1].text
        return _Cut(inner.name_tokens, role, inner.cut)
    cut = split_role(run)
    if not cut:
        of = title_of_before(text, run)
        if of is not None:
            # "Minister for the Olympics Ana Ruiz": the title's earlier words were a run of
            # their own ("Minister"), no participant.
            role_start, at = of
            opens = next((k for k, t in enumerate(ctx.tokens) if t.start == role_start), None)
            left = left_role(text, ctx.tokens, opens) if opens else None
            if left and left[0].islower():
                role_start = left[1]  # "the former | Minister for Ports Ana Ruiz": its modifiers too
            out[:] = [m for m in out if not (role_start <= m.start and m.end <= run[0].start)]
            return _Cut(run[at:], text[role_start : run[at - 1].end], at)
        served = _body_then_person(ctx, run, out)
        if served is not None:
            return served
    if cut:
        rest = run[cut:]
        if not rest:
            return None
        # "President Elbury Park": the whole is a name; but "Director Helen Park" is a
        # title and a person whose surname is a place word.
        person_after_title = rest[0].text in lexicon.first_names() and 2 <= len(rest) <= 3
        if kind_of(strip_possessive(text[rest[0].start : rest[-1].end])) is not None and not person_after_title:
            return _Cut(run, None, cut)
        _country_opening_role(text, run[: cut - 1], out)
        role_end = run[cut - 1].end
        if text[role_end : role_end + 1] == "." and run[cut - 1].lower in ABBREVIATIONS:
            role_end += 1  # "Vermont Sen.", "Elbury Gov.": the abbreviation's period
        # "Foreign Office Minister Lord Vale": the peer's style is no part of the role.
        return _Cut(rest, STYLE_END_RE.sub("", text[run[0].start : role_end]) or None, cut)
    if len(run) >= 2 and run[-1].text == "Flight" and _FLIGHT_NUMBER_RE.match(text[run[-1].end : run[-1].end + 6]):
        # "Air Elbonia Flight 447": the airline is a participant, the flight is not.
        m = Mention(name=text[run[0].start : run[-2].end], start=run[0].start, end=run[-2].end, ntokens=len(run) - 1)
        m.add("airline before a flight number", "organization", 2.0)
        out.append(m)
        return None
    if (
        len(run) > 2
        and run[0].text in vocab.COUNTRY_SHORT
        and (run[-1].text in vocab.GOVERNMENT_HEADS or run[-1].text == "Department")
    ):
        # "The US State Department", "the U.K. Trade Department": the country, then its body.
        m = Mention(name=run[0].text, start=run[0].start, end=run[0].end, ntokens=1)
        m.add("country before its body", "place", 1.0)
        out.append(m)
        return _Cut(run[1:])
    d = demonym_len(run, 0)
    if d and len(run) > d:
        return _Cut(run[d:] if _nation_not_in_name(text, run, run[d:]) else run)
    if d:
        return _Cut(run) if _nationality_as_surname(text, run) else None
    return _Cut(run)


def _body_then_person(ctx: _Text, run: Run, out: list[Mention]) -> _Cut | None:
    """"Executive director of the Elbury chapter of the Coastal Society Ana Ruiz": a run that
    ends in a given name and a surname after a role phrase that opens the sentence and names the
    body it serves; the body is a participant of its own and the whole phrase is the role."""
    text = ctx.text
    for at in range(1, len(run) - 1):
        if run[at].text in lexicon.first_names() and 2 <= len(run) - at <= 3 and not any(
            is_title(t.text) for t in run[at:]
        ):
            start = role_with_object_before(text, run[0].start)
            if start is None:
                return None
            _add_mention(ctx, run[:at], out)
            return _Cut(run[at:], text[start : run[at - 1].end], at)
    return None


def _served_body_before(text: str, run: Run, start: int) -> str | None:
    """"History student at Elbury University | Ana Ruiz": the run is the person, already cut from
    the body's name before it, and the phrase up to the name opens with a role noun."""
    if not 2 <= len(run) <= 3 or any(is_title(t.text) or not t.text[1:2].islower() for t in run):
        return None  # a person's given name and surname, not another body's name
    at = role_with_object_before(text, start)
    before = text[at:start].split() if at is not None else []
    # The body's name ends right before the person's ("… at Elbury University | Ana Ruiz"), not
    # a preposition ("the daughter of | Ana Ruiz" is the other person's role, not hers).
    return " ".join(before) if before and before[-1][:1].isupper() else None


def _country_opening_role(text: str, role: Run, out: list[Mention]) -> None:
    """"U.S. President Ana Ruiz", "Elbonia Prime Minister …": a country opening the role is a
    place the text names (the role keeps it too)."""
    for k in range(min(3, len(role)), 0, -1):
        end = role[k - 1].end
        if INITIALISM_RE.fullmatch(role[k - 1].text) and text[end : end + 1] == ".":
            end += 1  # "U.S." keeps its last period
        name = text[role[0].start : end]
        if name in lexicon.countries() or name in vocab.COUNTRY_SHORT:
            m = Mention(name=name, start=role[0].start, end=end, ntokens=k)
            m.add("country opening a role", "place", 1.0)
            out.append(m)
            return


def _nation_not_in_name(text: str, run: Run, rest: Run) -> bool:
    """"Elbonian Foreign Ministry": the nationality is not part of the name, but it is in
    "European Union", "Elbonian Broadcasting Corporation" and "Scottish National Party"."""
    suffixes, _, orgs = lexicon.org_cues()
    whole = strip_possessive(text[run[0].start : run[-1].end])
    # A party takes its nation into its name; a body named only by its portfolio does not
    # ("Interior Ministry").
    # The head is the word before "of" or "for" ("Elbonian Academy of Sciences"), else the last.
    head_at = next((i for i, t in enumerate(rest) if i and t.lower in ("of", "for")), len(rest)) - 1
    head = rest[head_at]
    portfolio = head_at > 0 and all(strip_possessive(t.text).lower() in vocab.ROLE_MODIFIERS for t in rest[:head_at])
    org_name = head.text in suffixes and (
        head.text in vocab.PARTY_HEADS
        or (not portfolio and (head.text not in vocab.GOVERNMENT_HEADS or "People" in rest[0].text))
    )
    # "the Elbonian Red Cross": a national society of a known organisation keeps its name;
    # so does a building ("the Elbonian Museum Hall").
    keeps = " ".join(t.text for t in rest) in orgs and rest[0].text not in vocab.GOVERNMENT_HEADS and len(rest) > 1
    keeps = keeps or (rest[-1].text in vocab.PLACE_HEADS and len(rest) > 1)
    # "Western Elbonia": a direction word before a known place names a region of it.
    rest_name = strip_possessive(text[rest[0].start : rest[-1].end])
    keeps = keeps or (run[0].text in vocab.COMPASS_WORDS and rest_name in lexicon.places())
    return (
        not (len(rest) == 1 and rest[0].text in suffixes)
        and not org_name
        and not keeps
        and whole not in orgs
        and whole not in lexicon.places()
    )


def _nationality_as_surname(text: str, run: Run) -> bool:
    """"Cuban said", "…, Cuban.": a lone nationality word used as a noun may be the surname
    of a person named in full elsewhere (kept only if it is, see ``merge``)."""
    if _ARTICLE_BEFORE_RE.search(text[max(0, run[0].start - 6) : run[0].start]):
        return False  # "a Cuban": a nationality noun
    after = text[run[-1].end : run[-1].end + 12]
    nxt_word = _WORD_AFTER_RE.match(after)
    return len(run) == 1 and bool(
        _PUNCT_AFTER_RE.match(after) or nxt_word and nxt_word.group(1) in lexicon.SPEECH_FORMS
    )


def _add_mention(ctx: _Text, run: Run, out: list[Mention]) -> None:
    """The mention of the name in ``run`` (trimmed), scored, appended to ``out``."""
    text, tokens = ctx.text, ctx.tokens
    cut = _cut_role(ctx, run, out)
    if cut is None:
        return
    role, first_idx = cut.role, ctx.index_of[id(run[0])]
    left = left_role(text, tokens, first_idx)
    phrase = phrase_role_before(text, tokens, first_idx)
    if phrase and (not left or len(phrase[0]) > len(left[0])):
        left = phrase  # "TV presenter Ana Ruiz", "five time gold medal winner Tom Vale"
        # "Army Spc. Ana Ruiz": a run of the role that ends in a title is no participant.
        out[:] = [m for m in out if not (phrase[1] <= m.start and m.end <= run[0].start and is_title(
            m.name.split()[-1]))]
    if left:
        role = f"{left[0]} {role}" if role else left[0]
    if not role and not cut.cut:
        start0 = cut.name_tokens[0].start
        role = comma_role_before(text, start0) or shared_role_before(text, tokens, first_idx) or title_of_org_before(
            text, start0
        ) or _served_body_before(text, run, start0) or square_role_before(text, start0)
    start, end = cut.name_tokens[0].start, cut.name_tokens[-1].end
    if INITIALISM_RE.fullmatch(cut.name_tokens[-1].text) and text[end : end + 1] == ".":
        end += 1  # "U.S." and "Elbury D.C." keep their last period
    raw = text[start:end]
    name = strip_possessive(raw)
    end = start + len(name)
    if not _LETTER_RE.search(name) or name.lower() in lexicon.NON_NAMES and name not in ctx.spelled:
        return
    m = Mention(name=name, start=start, end=end, ntokens=len(cut.name_tokens))
    styled = bool(cut.cut) and not role and run[cut.cut - 1].text in vocab.STYLES
    if styled or (role and cut.cut):
        m.surface = strip_possessive(text[run[cut.cut - 1].start : end])  # "Lady Vale", "President Ruiz"
    m.role = STYLE_END_RE.sub("", role) or None if role else None  # "Mr Vale": evidence, but no role
    after = end + (len(raw) - len(name))  # past a possessive the name dropped
    app = apposition_after(text, after)
    if app and (not m.role or len(app.split()) > len(m.role.split())):
        m.role = app  # the most specific: "Doctor" < ", chairman of the Elbury Institute,"
    if not m.role:
        m.role = predicate_role(text, after)  # "Vale is a spokesperson for …": no evidence, only the role
    last_idx = ctx.index_of[id(cut.name_tokens[-1])]
    titled = bool(
        role
        and (is_title(run[cut.cut - 1].text if cut.cut else "") or role.split()[-1].lower() in lexicon.title_words())
    )
    site = Site(
        text=text, name=name, raw=raw, start=start, end=end, after=after, role=role, titled=titled,
        styled=styled, appositive=app is not None, tokens=tokens, last=last_idx,
        prv=tokens[first_idx - 1] if first_idx > 0 else None,
        nxt=tokens[last_idx + 1] if last_idx + 1 < len(tokens) else None,
    )
    score(m, site)
    out.append(m)
