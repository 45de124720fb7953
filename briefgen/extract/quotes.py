"""Direct quotes: article text (+ its participants) -> quotes with cue and speaker.

Quotes are found on character spans from the quotation marks themselves (curly, straight,
single, guillemets, ``backtick'' pairs), never from sentences, because sentence
splitters cut quotes apart. Each quote is attributed by a cascade of rules (cue after the
quote, cue before it, continuation of a split quote, floating paragraph), the speaker
mention is resolved to a participant (pronouns, titles, surnames), and the rule that fired
is kept with a confidence. A weak guess leaves the speaker empty. Never raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.text import lexicon
from briefgen.model import Participant, Quote, Sentence
from briefgen.text.spans import ABBREVIATIONS, SpanIndex, Token, paragraph_bounds, sentence_bounds, spaced_pattern, tokenize

MIN_WORDS = 4  # shorter quoted phrases are scare quotes unless a cue sits right next to them

_DOUBLE_OPEN = {"“": "double", "«": "guillemet", "„": "double", "``": "double"}
# '' is ambiguous like a straight double quote: NYT writes ''quoted words'' with it.
_DOUBLE_CLOSE = {"”": "double", "»": "guillemet"}
_MARK_RE = re.compile(r"``|''(?!')|[“”«»„\"]")
_SINGLE_RE = re.compile(r"[‘’']")
_DASHES = "—–―-"  # em, en, horizontal bar (vox-pop signatures), hyphen
_OPENERS_BEFORE = set(" \t\n\u00a0([{/:;," + _DASHES)  # a quote opens after these
_CLOSERS_AFTER = set(" \t\n\u00a0)]}.,;:!?/…" + _DASHES)  # a quote closes before these

# Words allowed between a speaker and the speech verb ("he further added", "was quoted as saying").
_AUX = frozenset(
    """further also later then once previously earlier simply quickly recently repeatedly
    reportedly has had have would will now was were is are been being quoted as again just
    subsequently finally then-and already even still often flatly publicly privately
    angrily bluntly calmly proudly tearfully told""".split()
)
_DETERMINERS = frozenset("a an the one another some two three several many his her its their our my your this these".split())
# Lower-case words ending in -ly that are nouns, not adverbs between a speaker and a verb.
_LY_NOUNS = frozenset("family ally rally assembly supply reply monopoly anomaly butterfly".split())


def _is_aux(tok: Token) -> bool:
    """Words allowed between a speaker and the verb: auxiliaries and -ly adverbs ("jokingly")."""
    low = tok.lower
    return low in _AUX or (low.endswith("ly") and len(low) > 4 and not tok.is_cap and low not in _LY_NOUNS)
# Head nouns of descriptive speakers ("a police spokesperson", "the company's chief executive").
_SPEAKER_NOUNS = frozenset(
    """aide aides adviser advisers advisor spokesman spokeswoman spokesperson spokespeople official
    officials source sources resident residents witness witnesses voter voters supporter supporters
    member members worker workers student students man woman men women father mother son daughter
    wife husband brother sister friend friends neighbor neighbour neighbors officer officers
    campaign statement report memo letter email spokesmen representative representatives staffer
    staffers strategist strategists operative consultant pollster expert experts analyst analysts
    critic critics veteran veterans organizer organizers activist activists protester protesters
    lawmaker lawmakers legislator legislators candidate nominee senator congressman congresswoman
    governor mayor president minister premier chancellor secretary director chairman chairwoman
    chair leader leaders executive ceo founder owner judge lawyer attorney prosecutor detective
    sheriff coach manager player players doctor nurse professor teacher scientist researcher
    economist author writer reporter journalist editor host anchor commentator ambassador envoy
    diplomat diplomats group groups organization agency ministry department company firm police
    team office party committee people person everyone parent parents mom dad employee employees
    resident leader observer observers insider insiders partner lawsuit release ad ads
    complaint filing petition ruling order survey poll study indictment tweet post website
    poster blogger commenter note sign banner headline caption""".split()
) | lexicon.ROLE_NOUNS
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
# Verbs that give something a name: a colon after them introduces the name, not speech
# ("Ingram dubbed the conflict: “Scientology vs. the Internet”").
_NAMING_VERBS = frozenset("dubbed dubs nicknamed titled labelled labeled branded".split())
_NAMED_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(sorted(_NAMING_VERBS))})\b[^.,;!?“”\"]{{0,60}}?:\s*$")
_STRONG_CUES = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "stated", "wrote", "writes", "asked", "explained", "continued", "according"})


@dataclass
class _Raw:
    start: int  # offsets of the quoted words
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset just after the closing mark (== end when unclosed)
    closed: bool = True
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    rule: str = ""
    confidence: float = 0.0
    cue_at: int = -1
    mention_span: tuple[int, int] = (-1, -1)  # where the speaker is named
    # "“…” He added, “…”": the cue belongs to the next quote, but "added" says the same
    # person spoke before; used only when nothing else attributes this quote.
    added_by: tuple[tuple[int, int], Token] | None = None


def extract_quotes(
    text: str, participants: Sequence[Participant] = (), sentences: Sequence[Sentence] | None = None
) -> tuple[Quote, ...]:
    """Direct quotes of ``text`` in order of appearance."""
    try:
        return tuple(_extract(text or "", tuple(participants)))
    except Exception:  # pragma: no cover - a bad quote is never worth a crash
        return ()


# --------------------------------------------------------------------------- finding spans


def _double_marks(text: str) -> list[tuple[int, int, str]]:
    """(offset, length, 'open'|'close'|'either') for each double quotation mark."""
    marks = []
    for m in _MARK_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if ch in _DOUBLE_OPEN:
            role = "open"
        elif ch in _DOUBLE_CLOSE:
            role = "close"
        else:
            before = text[pos - 1] if pos else " "
            after = text[pos + len(ch)] if pos + len(ch) < len(text) else " "
            if before in _OPENERS_BEFORE and after not in _CLOSERS_AFTER:
                role = "open"
            elif after in _CLOSERS_AFTER or after in "\"'’”":
                role = "close"
            else:
                role = "either"
        marks.append((pos, len(ch), role))
    return marks


def _find_double(text: str, paras: SpanIndex) -> list[_Raw]:
    found: list[_Raw] = []
    open_at: tuple[int, int] | None = None

    def flush_unclosed(pos: int, length: int) -> None:
        # An unclosed quote runs to the end of its paragraph (multi-paragraph quotes
        # leave the closing mark off every paragraph but the last).
        _, pend = paras.span_of(pos)
        start = pos + length
        found.append(_Raw(start=start, end=pend, open_at=pos, close_at=pend, closed=False))

    for pos, length, role in _double_marks(text):
        if open_at is not None and paras.index_of(pos) != paras.index_of(open_at[0]):
            flush_unclosed(*open_at)
            open_at = None
        if open_at is None:
            if role in ("open", "either"):
                open_at = (pos, length)
            continue
        if role in ("close", "either"):
            found.append(_Raw(start=open_at[0] + open_at[1], end=pos, open_at=open_at[0], close_at=pos + length))
            open_at = None
        else:  # a second opening mark: the first one was never closed
            flush_unclosed(*open_at) if _para_start(text, open_at[0], paras) else None
            open_at = (pos, length)
    if open_at is not None:
        flush_unclosed(*open_at)
    return found


# Words Title Case leaves in lower case ("Gone With the Wind").
_TITLE_SMALL = frozenset("a an the of in on at to for and or by with from as vs".split())


def _in_headline(ctx: "_Context", q: _Raw) -> bool:
    """Is the quote on a Title Case line ("Ryan: ‘Anti-Semitic Images’ Have ‘No Place …’"),
    where every quote looks like a title?"""
    ps, pe = ctx.paras.span_of(q.open_at)
    outside = ctx.text[ps : q.open_at] + " " + ctx.text[q.close_at : pe]
    words = re.findall(r"[^\W\d_][\w’'-]*", outside)
    caps = [w for w in words if w.lower() not in _TITLE_SMALL]
    return len(caps) >= 2 and all(w[:1].isupper() for w in caps)


def _show_slot(text: str, open_at: int) -> bool:
    """Is the quote in the slot of a programme or publication name ("on CNN’s “…”",
    "appeared on “…”", "an interview with “…”")?"""
    return bool(re.search(r"(?:[’']s|\b(?:on|in|with|to|from|at))\s*$", text[max(0, open_at - 30) : open_at]))


# "his 2012 book, “An American Son.”", "the podcast “Here’s the Thing.”", "host of “…”": a
# work's name, even when a speaker is near.
_WORK_SLOT_RE = re.compile(
    r"\b(?:book|autobiography|memoir|novel|show|program|programme|podcast|movie|film|sitcom|"
    r"documentary|album|song|column|host of|hosts of|revival of|co-editor of|editor of|founder of)"
    r",?\s*$"
)


def _para_start(text: str, pos: int, paras: SpanIndex) -> bool:
    return paras.span_of(pos)[0] == pos


def _find_single(text: str, taken: list[tuple[int, int]], paras: SpanIndex) -> list[_Raw]:
    """Single-quoted spans outside double quotes; apostrophes are not quote marks."""
    found = []
    pending: int | None = None
    for m in _SINGLE_RE.finditer(text):
        pos = m.start()
        if any(a <= pos < b for a, b in taken):
            continue
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        is_open = m.group() != "’" and before in _OPENERS_BEFORE | {"“", '"'} and after.isalnum()
        is_close = m.group() != "‘" and not before.isspace() and (after in _CLOSERS_AFTER or after in "”\"")
        if before.isalpha() and after.isalpha():
            continue  # don't, O’Neil
        if pending is not None and paras.index_of(pos) != paras.index_of(pending):
            pending = None
        if pending is None:
            if is_open:
                pending = pos
        elif is_close and not (before == "s" and after == " " and _looks_possessive(text, pos)):
            found.append(_Raw(start=pending + 1, end=pos, open_at=pending, close_at=pos + 1))
            pending = None
    return found


def _looks_possessive(text: str, pos: int) -> bool:
    # "the players' union": a plural possessive followed by a lower-case noun.
    nxt = re.match(r" ([a-z]+)", text[pos + 1 : pos + 20])
    return bool(nxt) and nxt.group(1) not in lexicon.SPEECH_FORMS and nxt.group(1) not in _SUBJECT_PRONOUNS


def _is_title_like(words: list[str], content: str) -> bool:
    """ "Gone With the Wind", "Hannity": capitalised words with no sentence punctuation."""
    if re.search(r"[.!?,;:]\s*$", content.strip()):
        return False
    caps = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(caps) and all(w[:1].isupper() or not w[:1].isalpha() for w in caps) and len(words) <= 10


# --------------------------------------------------------------------------- attribution


@dataclass
class _Person:
    name: str
    role: str | None
    patterns: list[str]


def _mention_re(participants: Sequence[Participant]) -> tuple[re.Pattern[str] | None, dict[str, Participant]]:
    forms: dict[str, Participant] = {}
    for p in participants:
        if p.kind != "person":
            continue
        for form in (p.name, *p.aliases):
            forms.setdefault(form, p)
    if not forms:
        return None, forms
    alternation = "|".join(spaced_pattern(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])"), forms


class _Context:
    """What the attribution rules need to know about the article."""

    def __init__(self, text: str, participants: Sequence[Participant], quotes: list[_Raw]):
        self.text = text
        self.participants = participants
        self.sentences = SpanIndex(sentence_bounds(text))
        self.paras = SpanIndex(paragraph_bounds(text))
        self.quote_spans = [(q.open_at, q.close_at) for q in quotes]
        pattern, self.forms = _mention_re(participants)
        self.person_mentions: list[tuple[int, int, Participant]] = []
        if pattern is not None:
            for m in pattern.finditer(text):
                if not self.inside_quote(m.start()):
                    self.person_mentions.append((m.start(), m.end(), self.forms[" ".join(m.group().split())]))
        # Where each person mention that starts at an offset ends; the subject rules ask often.
        self.mention_ends = {a: b for a, b, _ in self.person_mentions}
        # Speakers already attributed, as (cue offset, name), for pronoun chains.
        self.speaker_marks: list[tuple[int, str]] = []
        self._genders: dict[str, str | None] = {}

    def inside_quote(self, pos: int) -> bool:
        return any(a < pos < b for a, b in self.quote_spans)

    def resolve_name(self, mention: str) -> tuple[str | None, str]:
        """Canonical participant name for a name mention, and the rule used."""
        mention = re.sub(r"[’']s$", "", " ".join(mention.split()))
        if mention in self.forms:
            return self.forms[mention].name, "name"
        words = mention.split()
        # Drop leading titles: "President Lee" -> "Lee".
        while len(words) > 1 and words[0].lower().rstrip(".") in lexicon.title_words() | lexicon.demonyms().keys():
            words = words[1:]
        core = " ".join(words)
        if core in self.forms:
            return self.forms[core].name, "name"
        for p in self.participants:
            if p.kind == "person" and words and words[-1] in p.name.split():
                return p.name, "name"
        if words and words[0][:1].isupper():
            return core, "name-unlisted"
        return None, "name"

    def gender(self, name: str) -> str | None:
        """'m', 'f' or None for a person, from evidence in the article itself."""
        if name not in self._genders:
            self._genders[name] = _gender_of(self, name)
        return self._genders[name]

    def resolve_pronoun(self, pos: int, pronoun: str = "") -> str | None:
        """Most salient person before ``pos`` who agrees with ``pronoun`` ("he"/"she"):
        the first named in the nearest sentence; a person of the other gender is skipped."""
        want = {"he": "m", "she": "f"}.get(pronoun.lower())
        si = self.sentences.index_of(pos)
        for back in range(0, 5):
            k = si - back
            if k < 0:
                break
            s, e = self.sentences.spans[k] if self.sentences.spans else (0, 0)
            limit = min(e, pos)
            cands = [(a, p.name) for a, _, p in self.person_mentions if s <= a < limit]
            cands += [(a, name) for a, name in self.speaker_marks if s <= a < limit]
            if want:
                cands = [(a, n) for a, n in cands if self.gender(n) in (want, None)]
            # A name after a preposition is rarely the one who speaks next: "Asked about
            # Sullivan, Feinstein said ... she said" is Feinstein.
            cands = [c for c in cands if not self.after_preposition(c[0])] or cands
            if cands:
                return min(cands)[1]
        return None

    def after_preposition(self, pos: int) -> bool:
        # Titles between do not count: "the murder of Father Jacques Hamel". Unlike
        # _after_preposition (one clause's tokens), this looks back over raw text from any
        # sentence, so it skips only titles: skipping every capitalised word reached back
        # into the previous sentence ("… about Trump. Wisconsin Gov. Scott Walker").
        before = self.text[max(0, pos - 40) : pos]
        while (m := re.search(r"\s([A-Z][\w.]*)\s+$", before)) and _is_title_word(m.group(1)):
            before = before[: m.start() + 1]
        m = re.search(r"(\w+)\s+$", before)
        return bool(m) and m.group(1).lower() in _PREPOSITIONS and m.group(1).lower() != "by"

    def resolve_role(self, phrase: str, pos: int) -> str | None:
        """ "the minister" -> the last-mentioned person whose role says minister."""
        words = phrase.lower().split()
        head = words[-1]
        # "the Florida senator" is a senator whose role says Florida, not any senator.
        places = [w.lower() for w in phrase.split()[1:-1] if w in lexicon.places()]

        def fits(role: str | None) -> bool:
            r = [_TITLE_ABBREVIATIONS.get(w, w) for w in role.lower().split()] if role else []
            if head not in r or any(w not in r for w in places):
                return False
            k, j = r.index(head), words.index(head)
            mine = r[k - 1] if k else ""
            theirs = words[j - 1] if j else ""
            # "the president" is not the Vice President nor a former one, and "the vice
            # president" not the President; but "the former president" may be "President
            # George W. Bush": articles give a past office its bare title too.
            return not (mine in _LESSER_ROLES and mine not in words or theirs in _LESSER_ROLES - {"former", "ex"} and theirs not in r)

        # Only someone named before: "Speaking later on the same show, Sen. Claire McCaskill"
        # is not "the senator" who spoke first.
        best = None
        for a, _, p in self.person_mentions:
            if a < pos and fits(p.role):
                best = p.name
        return best


# "Vermont Sen. Bernie Sanders" is the one "the senator" refers to.
_TITLE_ABBREVIATIONS = {
    "sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor", "gov": "governor",
    "pres.": "president", "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant",
    "capt.": "captain", "cmdr.": "commander", "adm.": "admiral", "supt.": "superintendent", "atty.": "attorney",
}
_LESSER_ROLES = frozenset("vice deputy assistant associate former ex under".split())


# Gender evidence for "he"/"she". Short, common lists: a name not listed gets its gender
# from honorifics, gendered role nouns or the pronoun that follows it, or stays unknown.
_MALE_WORDS = frozenset(
    """mr mr. he his him himself man men father son husband brother king prince spokesman
    chairman congressman businessman sir uncle nephew grandfather boyfriend actor""".split()
)
_FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss she her hers herself woman women mother daughter wife sister queen
    princess spokeswoman chairwoman congresswoman businesswoman madam aunt niece grandmother
    girlfriend actress""".split()
)
_MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
    tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold
    keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
    bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny bernie barack bill ted
    marco jeb ben chris mike mitt newt rand rick lindsey""".split()
) - {"lindsey"}
_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea carly sarah elizabeth nikki hope huma
    kellyanne donna debbie nancy condoleezza madeleine""".split()
)


def _gender_of(ctx: "_Context", name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    first = words[0].lower().rstrip(".")
    if first in _MALE_NAMES:
        return "m"
    if first in _FEMALE_NAMES:
        return "f"
    last = re.escape(words[-1])
    male = female = 0
    # "Mr. Lee", "Ms. Cole"; "Lee said ... his", "Cole, a spokeswoman,".
    for m in re.finditer(rf"(?:\b(\w+\.?)\s+)?{last}\b(?=(.{{0,60}}))", ctx.text):
        before = (m.group(1) or "").lower()
        # The evidence stops at a quote mark: in '"... about Jake Sullivan," she said' the
        # pronoun is the speaker's.
        after = [w.lower() for w in re.findall(r"[\w.]+", re.split(r"[“”\"«»]", m.group(2))[0])[:8]]
        if before in _MALE_WORDS:
            male += 2
        elif before in _FEMALE_WORDS:
            female += 2
        for w in after:
            # Not "him": "McCaskill scolded him" is about someone else.
            if w in ("he", "his", "himself", "spokesman", "chairman", "congressman"):
                male += 1
                break
            if w in ("she", "her", "herself", "spokeswoman", "chairwoman", "congresswoman"):
                female += 1
                break
    if male > female:
        return "m"
    if female > male:
        return "f"
    return None


def _window_tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(t.text, t.start + start, t.end + start) for t in tokenize(text[start:end])]


def _speaker_after(ctx: _Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """Span of a speaker noun phrase starting at toks[i], or None."""
    text = ctx.text
    if i >= len(toks):
        return None
    t = toks[i]
    if t.lower in _SUBJECT_PRONOUNS:
        return t.start, t.end
    if t.lower in _DETERMINERS:
        j = i + 1
        if t.lower in _QUANTIFIERS and j + 1 < len(toks) and toks[j].lower == "of" and toks[j + 1].lower in _DETERMINERS | {"those", "the"}:
            j += 2  # "one of those advisers", "two of his aides": the head comes after "of"
        # "a Democratic strategist who spoke …", "one source familiar with": the phrase
        # ends before a relative pronoun or a preposition.
        while (
            j < len(toks)
            and j - i <= 6
            and toks[j].lower not in lexicon.SPEECH_FORMS
            # "The U.S. Department of Agriculture notes": "of" inside a capitalised name
            and (toks[j].lower not in _REL_BREAKS or toks[j].lower == "of" and toks[j - 1].is_cap and j + 1 < len(toks) and toks[j + 1].is_cap)
            and not (_is_aux(toks[j]) and j + 1 < len(toks) and toks[j + 1].lower in lexicon.SPEECH_FORMS)
            # "The Republican candidate appeared to …": a past verb after the head noun
            and not (toks[j].lower.endswith("ed") and (toks[j - 1].lower in _SPEAKER_NOUNS or toks[j - 1].is_cap and toks[j].text.islower()))
            # "Her campaign quickly blasted out …": an adverb after the head noun
            and not (toks[j].lower.endswith("ly") and toks[j].lower not in _LY_NOUNS and toks[j - 1].lower in _SPEAKER_NOUNS)
            and (text[toks[j - 1].end : toks[j].start] in (" ", "’s ", "'s ") or text[toks[j - 1].end : toks[j].start] == ". " and _is_abbrev(toks[j - 1]))
        ):
            j += 1
        if j > i + 1:
            return t.start, toks[j - 1].end
        return None
    if t.is_cap:
        j = i + 1
        while j < len(toks) and (toks[j].is_cap or toks[j].lower in {"of", "de", "van", "von", "bin", "al"}) and text[toks[j - 1].end : toks[j].start] in (" ", ". "):
            j += 1
        return t.start, toks[j - 1].end
    return None


_PP_HEADS = frozenset("for of at in from with on".split())
_QUANTIFIERS = frozenset("one two three several some many another".split())
_NP_BREAKS = frozenset("of at for in from who whose which on to during after before with when while about as".split())
_COPULAS = frozenset("is was 's has had seems seemed appears appeared will would may might could".split())
_COMPLEMENTIZERS = frozenset("that how why what whether if".split())
_REL_BREAKS = frozenset("who whom whose which that of at for in from on to with about as familiar involved close".split())


def _inverted_subject(ctx: _Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The subject after an inverted cue: "said Republican pollster Daron Shaw of Texas".

    The noun phrase runs to the first comma, bracket or preposition. Its head is its last
    word: a capitalised head is a name (a known person inside the phrase wins), a lower-case
    head is a description kept as written ("said Trump spokeswoman" is not Trump).
    """
    text = ctx.text
    if i >= len(toks) or toks[i].lower in _COMPLEMENTIZERS:
        return None  # "…,” adding that it’s why Donald Trump …": no subject follows
    if toks[i].lower in _SUBJECT_PRONOUNS or toks[i].lower in _DETERMINERS:
        return _speaker_after(ctx, toks, i)
    j = i
    while j < len(toks) and j - i < 12:
        if j > i:
            gap = text[toks[j - 1].end : toks[j].start]
            if gap not in (" ", ". ", "\u00a0") or (gap == ". " and not _is_abbrev(toks[j - 1])):
                break
            if toks[j].lower in _NP_BREAKS or toks[j].lower in lexicon.SPEECH_FORMS:
                break
            if toks[j].lower == "and" and not (j + 1 < len(toks) and toks[j + 1].is_cap):
                break
        j += 1
    np = toks[i:j]
    if np and not toks[i].is_cap:
        # "said former secretary of state Hillary Clinton, who …", "said master of
        # ceremonies Asab Al-Tabchi,": a known person before the first comma.
        clause_end = text.find(",", toks[i].start, toks[min(len(toks), i + 9) - 1].end + 1)
        limit = clause_end if clause_end >= 0 else toks[min(len(toks), i + 9) - 1].end
        named = [(a, b) for a, b, _ in ctx.person_mentions if toks[i].start <= a and b <= limit]
        if named and not re.search(r"[.;:]\s", text[toks[i].start : named[0][0]]):
            return named[0]
    if np and len(np) > 1 and re.search(r"[’']s$", np[0].text) and np[-1].lower in _SPEAKER_NOUNS:
        # "said Rubio’s deputy campaign manager, Rich Beeson, who …": the name in apposition,
        # else the description as written.
        return _apposed_name(ctx, np[-1].end) or (np[0].start, np[-1].end)
    if not np or not np[-1].is_cap or np[-1].lower in lexicon.NON_NAMES:
        if np and toks[i].is_cap:
            return _speaker_after(ctx, toks, i)
        return None
    lo, hi = np[0].start, np[-1].end
    named = [(a, b) for a, b, _ in ctx.person_mentions if lo <= a and b <= hi]
    if named:
        return named[-1]
    a = len(np) - 1
    while a > 0 and np[a - 1].is_cap and not _is_title_word(np[a - 1].text) and text[np[a - 1].end : np[a].start] == " ":
        a -= 1
    return np[a].start, np[-1].end


def _apposed_name(ctx: _Context, end: int) -> tuple[int, int] | None:
    """The known person named in apposition right after ``end`` (", Rich Beeson,"), or None."""
    app = re.match(r",\s+", ctx.text[end : end + 3])
    return next(((a, b) for a, b, _ in ctx.person_mentions if app and a == end + app.end()), None)


def _is_abbrev(tok: Token) -> bool:
    return tok.lower in ABBREVIATIONS or len(tok.text) == 1


_PP_TAIL_RE = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w.’'&-]*)*")


def _speaker_before(ctx: _Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    """Span of the speaker noun phrase ending at toks[k] (walking left), or None."""
    text = ctx.text
    if k < 0:
        return None
    t = toks[k]
    if t.lower in _SUBJECT_PRONOUNS:
        return t.start, t.end
    if t.lower in _REL_BREAKS:
        return None  # "… Rikkie Wells who tweeted": the relative pronoun is no speaker
    if t.is_cap:
        j = k
        while j - 1 >= 0 and (toks[j - 1].is_cap or toks[j - 1].lower in {"of", "de", "van", "von", "bin", "al"} | lexicon.title_words()) and text[toks[j - 1].end : toks[j].start] in (" ", ". "):
            if toks[j - 1].lower in lexicon.NON_NAMES and not toks[j - 1].lower in lexicon.title_words():
                break
            if not toks[j - 1].is_cap and toks[j - 1].lower not in {"of", "de", "van", "von", "bin", "al"}:
                break  # "Clinton spokesman Jesse Ferguson": the name, not the description
            j -= 1
        # "Bishop Karl Meyer of the Northern Diocese told": the person, not the place he
        # is of (a known person, then only "of/at/from [the]" and capitalised words).
        for a, b, who in ctx.person_mentions:
            if b <= toks[j].start and toks[j].start - b < 60 and who.kind == "person" and _PP_TAIL_RE.fullmatch(text, b, t.end):
                return a, b
        p = j - 1
        if p > 0 and toks[p].lower in {"the", "a", "an", "his", "her", "their", "its"} and text[toks[p].end : toks[j].start] == " ":
            p -= 1  # "obtained by The Associated Press", "on his Facebook page"
        titled = p > 0 and toks[p].lower == "of" and _is_title_word(toks[p - 1].text)  # "Speaker of the House Rep. Paul Ryan"
        if p >= 0 and toks[p].lower in _PREPOSITIONS and text[toks[p].end : toks[p + 1].start] == " " and not titled:
            # "wrote on Facebook", "speaking to Fox News": not the subject; but "footage of
            # Hillary Clinton asking": the participle's subject follows "of".
            participle = k + 1 < len(toks) and toks[k + 1].lower.endswith("ing") and toks[k + 1].lower in lexicon.SPEECH_FORMS
            if not (toks[p].lower == "of" and participle and text[t.end : toks[k + 1].start] == " "):
                return None
        # "the Foreign Ministry", "a Reuters reporter" keep their determiner
        return toks[j].start, t.end
    # "the minister", "a police spokesperson", "the company's chief executive"
    j = k
    while j >= 0 and k - j <= 6:
        # "the 34-year-old mother of three replied": a number after "of" ends the phrase.
        if toks[j].lower in _DETERMINERS and not (j == k and j > 0 and toks[j - 1].lower == "of"):
            if j == k:
                return None
            p = j - 1
            if p >= 0 and toks[p].lower in _PREPOSITIONS and text[toks[p].end : toks[j].start] == " ":
                # "PC World's analysis of its own statistics concluded", "leads in the polls,
                # telling": the object of a preposition is not the subject, unless a
                # participle follows ("footage of a guard saying", "with one poster writing").
                participle = k + 1 < len(toks) and toks[k + 1].lower.endswith("ing") and toks[k + 1].lower in lexicon.SPEECH_FORMS
                if not (toks[p].lower in {"of", "with"} and participle):
                    return None
            return toks[j].start, t.end
        if text[toks[j].end : toks[min(j + 1, k)].start].strip(" ’'s") and j != k:
            return None
        j -= 1
    if t.lower in lexicon.ROLE_NOUNS and t.lower.endswith("s"):
        return t.start, t.end  # "officials said"
    return None


def _plural_speaker(word: str) -> bool:
    """A plural noun for people who speak ("prosecutors", "officials")."""
    return word.endswith("s") and (word in _SPEAKER_NOUNS or word[:-1] in _SPEAKER_NOUNS)


def _plausible(ctx: _Context, phrase: str) -> bool:
    """Is this noun phrase something that can speak?"""
    words = phrase.split()
    low = phrase.lower()
    if low in _SUBJECT_PRONOUNS:
        return True
    if 1 < len(words) <= 5 and re.search(r"[’']s$", words[0]) and words[-1].lower() in _SPEAKER_NOUNS:
        return True  # "Rubio’s deputy campaign manager"
    if 1 < len(words) <= 4 and phrase.islower() and _plural_speaker(words[-1]):
        return True  # "federal prosecutors", "senior officials"
    if words[0].lower() in _DETERMINERS:
        # "Another source familiar with Cruz’s thinking": the head comes before its modifier.
        cut = next((n for n in range(2, len(words)) if words[n].lower() in _REL_BREAKS), len(words))
        head = re.sub(r"[’']s?$", "", words[cut - 1].lower())
        if re.fullmatch(r"\d{1,3}-year-old", head):
            return True  # "the 46-year-old"
        # Any noun head can speak after a determiner ("one Trump confidant", "this source"),
        # but not a function word or a verb form.
        return head in _SPEAKER_NOUNS or (
            len(words) > 1
            and head.isalpha()
            and head not in lexicon.NON_NAMES
            and head not in lexicon.SPEECH_FORMS
            and not head.endswith(("ing", "ed"))
        )
    if phrase.isupper() and len(phrase) > 4:
        return False  # "WASHINGTON —" datelines
    if re.search(r"[’']s$", phrase):
        return False  # "Trump's campaign said": the possessor is not the speaker
    if len(words) == 1 and (low in _PARTY_WORDS or phrase in lexicon.demonyms()) and not _is_surname(ctx, phrase):
        return False  # "Republican", "French" alone are adjectives of a longer subject
    core = [w for w in words if w.lower().rstrip(".") not in lexicon.title_words()] or words
    # "Speaking", "Following" open clauses; "Sperling" and "King" are names.
    if (core[0].lower() in lexicon.NON_NAMES or core[0].lower() in lexicon.SPEECH_FORMS or core[0].lower() in _ING_NON_NAMES) and not (
        len(core) == 1 and _is_surname(ctx, core[0])
    ):
        return False  # but "Read said", "Will wrote" when the article names Steve Read
    return all(w[:1].isupper() or w in {"of", "de", "van", "von", "bin", "al"} for w in words)


def _is_surname(ctx: _Context, word: str) -> bool:
    """Is ``word`` the last name of a person in the article ("Mark Cuban" -> "Cuban")?"""
    return any(p.kind == "person" and len(p.name.split()) > 1 and p.name.split()[-1] == word for p in ctx.participants)


def _attribute(ctx: _Context, q: _Raw, mention: tuple[int, int], cue: Token, rule: str) -> bool:
    text = ctx.text
    ms, me = mention
    phrase = re.sub(r"[,\s]+$", "", text[ms:me])
    if not phrase or not _plausible(ctx, phrase):
        return False
    low = phrase.lower()
    q.mention, q.cue, q.cue_at, q.mention_span = phrase, cue.text, cue.start, (ms, me)
    if low in {"he", "she"}:
        q.speaker = ctx.resolve_pronoun(ms, low)
        q.rule, q.confidence = f"{rule}+pronoun", 0.8 if q.speaker else 0.3
    elif low in _SUBJECT_PRONOUNS:
        # "they", "we", "I", "it": kept as the mention, never resolved to a name
        kind = "plural" if low in {"they", "we"} else "unresolved"
        q.speaker, q.rule, q.confidence = None, f"{rule}+pronoun-{kind}", 0.3
    elif re.search(r"[’']s$", phrase.split()[0]) and phrase.split()[-1][:1].isupper() and ctx.resolve_name(phrase)[1] == "name":
        # "Labour's Shadow Home Secretary Yvette Cooper": a known person after the possessor
        q.speaker, _ = ctx.resolve_name(phrase)
        q.rule, q.confidence = f"{rule}+name", 0.95
    elif _adjective_and_name(ctx, phrase.split()):
        # "an angry Hollande": a known person with an adjective
        q.speaker, q.rule, q.confidence = ctx.forms[phrase.split()[-1]].name, f"{rule}+name", 0.9
    elif phrase.split()[0].lower() in _DETERMINERS or phrase.islower() or re.search(r"[’']s$", phrase.split()[0]):
        # a description: "the minister", "federal prosecutors", "Rubio’s campaign manager"
        resolved = ctx.resolve_role(phrase, ms) if phrase.split()[0].lower() == "the" else None
        if resolved:
            q.speaker, q.rule, q.confidence = resolved, f"{rule}+title", 0.75
        else:
            # Anonymous sources are kept as written ("a police spokesperson").
            q.speaker, q.rule, q.confidence = phrase, f"{rule}+description", 0.7
    else:
        q.speaker, how = ctx.resolve_name(phrase)
        q.rule, q.confidence = f"{rule}+{how}", 0.95 if how == "name" else 0.85
    if q.speaker:
        ctx.speaker_marks.append((ms, q.speaker))
    return True


# Adjectives that tell one person from another of the same name ("the younger Mr. Trump").
_KIN_ADJECTIVES = frozenset("younger elder older other senior junior late former".split())


def _adjective_and_name(ctx: _Context, words: list[str]) -> bool:
    return (
        len(words) == 3
        and words[0].lower() in {"a", "an", "the"}
        and words[1].isalpha() and words[1].islower()
        and words[1] not in _KIN_ADJECTIVES
        and words[1] not in _PREPOSITIONS
        and words[2] in ctx.forms
    )


def _after_window(text: str, q: _Raw, next_open: int) -> tuple[int, int]:
    end = min(len(text), q.close_at + 220, next_open)
    for m in re.finditer(r"[.!?](?=\s)|\n", text[q.close_at : end]):
        pos = q.close_at + m.start()
        word = re.search(r"([\w.]+)$", text[max(0, pos - 10) : pos])
        w = word.group(1).lower() if word else ""
        # "said Sen. Patty Murray", "said Rep. Bobby Scott (D-Va.)" go on past the period.
        if m.group() == "." and (w in ABBREVIATIONS or len(w) == 1 or "." in w):
            continue
        return q.close_at, q.close_at + m.end()
    return q.close_at, end


def _before_window(ctx: _Context, q: _Raw, prev_close: int) -> tuple[int, int]:
    text = ctx.text
    pstart = ctx.paras.span_of(q.open_at)[0]
    if pstart == q.open_at and pstart > 0:
        # A quote paragraph introduced by the paragraph before it ("Cruz continued:").
        k = ctx.paras.index_of(q.open_at)
        if k > 0:
            ps, pe = ctx.paras.spans[k - 1]
            if text[ps:pe].rstrip().endswith(":") and prev_close <= ps:
                start = max(ps, pe - 300)
                seg = text[start:pe]
                m = None
                for m in re.finditer(r"[.!?][”\"’']?\s+(?=[A-Z“\"])", seg):
                    pass
                return (start + m.end() if m else start), pe
    start = max(prev_close, q.open_at - 300, pstart)
    s_start = ctx.sentences.span_of(q.open_at)[0]
    if s_start < q.open_at:
        start = max(start, s_start)
    # Do not reach back over a sentence end ("Mr. Putin" is not one).
    seg = text[start : q.open_at]
    last = None
    for m in re.finditer(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘«]|$)", seg):
        if m.group().startswith(".") and _abbrev_before(seg, m.start()):
            continue
        last = m
    if last:
        start = start + last.end()
    return start, q.open_at


def _abbrev_before(text: str, pos: int) -> bool:
    """Is the period at ``pos`` the end of an abbreviation or an initial ("Sen.", "B.")?"""
    word = re.search(r"([\w.]+)$", text[max(0, pos - 12) : pos])
    w = word.group(1).lower() if word else ""
    return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w


# "“…” Mr. Zahed said: “…”", "“…!” She replied to him that …", "“…?” Mills writes back,
# “…”": after a quote that closed its sentence, a cue followed by a colon, "that" or a new
# quote introduces what follows, not the quote before it.
_INTRODUCES_RE = re.compile(
    r"(?:\s+(?:back|on|out|up|in|again|then|later))?(?:\s+(?:to|at)\s+\w+)?\s*(?::|,?\s*[“\"‘«]\s*[A-Z]|\s+that\b"
    # "“….” Ohio Gov. John Kasich said he would have fired him": reported speech of its own
    r"|\s+(?:he|she|they|we|it)\s+(?:would|will|was|is|were|are|had|has|have|did|does|could|should|might|may|can|wanted|thought|believed|expected)\b)"
)


def _attribute_after(ctx: _Context, q: _Raw, mention: tuple[int, int], cue: Token, rule: str) -> bool:
    text = ctx.text
    if re.search(r"[.!?…]$", text[q.start : q.end].rstrip()) and _INTRODUCES_RE.match(text, cue.end):
        if cue.lower in _GOES_ON_CUES:
            q.added_by = (mention, cue)
        return False
    return _attribute(ctx, q, mention, cue, rule)


_GOES_ON_CUES = frozenset("added adds continued continues".split())


def _try_added(ctx: _Context, q: _Raw) -> bool:
    if q.added_by is None or not _attribute(ctx, q, q.added_by[0], q.added_by[1], "added-next"):
        return False
    q.confidence = min(q.confidence, 0.6)
    return True


def _try_after(ctx: _Context, q: _Raw, window: tuple[int, int]) -> bool:
    text = ctx.text
    toks = _window_tokens(text, *window)
    if not toks:
        return False
    lead = text[window[0] : toks[0].start]
    if lead.strip(" ,\u00a0" + _DASHES) or "\n" in lead:
        return False
    first = toks[0]
    # ", said Lee" / ", says the minister"
    if first.lower in lexicon.SPEECH_FORMS:
        span = _inverted_subject(ctx, toks, 1)
        return bool(span) and _attribute_after(ctx, q, span, first, "cue-after-inverted")
    # ", according to Reuters"
    if first.lower == "according" and len(toks) > 2 and toks[1].lower == "to":
        span = _speaker_after(ctx, toks, 2)
        if span and _attribute_after(ctx, q, span, first, "according-to"):
            return True
    span = _speaker_after(ctx, toks, 0)
    if span:
        k = next((i for i, t in enumerate(toks) if t.start >= span[1]), len(toks))
        if first.lower in _DETERMINERS and k < len(toks) and toks[k].lower in _PP_HEADS:
            # "a spokesman for committee Democrats said", "a staffer in the room wondered":
            # the description keeps its short prepositional tail.
            m = next((m for m in range(k + 1, min(len(toks), k + 7)) if toks[m].lower in lexicon.SPEECH_FORMS or _verb_like(toks[m])), None)
            if m is not None and not re.search(r"[^\w\s’'-]", text[span[1] : toks[m].start]):
                span, k = (span[0], toks[m - 1].end), m
        # "Smith, 53, told reporters", "Smith, a spokesman for the ministry, said"
        rest = text[span[1] : window[1]]
        # "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said": up to five
        # comma segments before the verb.
        app = re.match(r"\.?(?:\s*\([^()]{1,40}\))?(?:(?:,\s+(?:\d{1,3}|[^,“”\"\n]{2,150})){1,5},)?\s+", rest)
        if app and (app.end() > 180 or (app.group().count(",") > 2 and not re.search(r"[,?!]$", text[q.start : q.end].rstrip()))):
            app = None  # a long appositive only after a quote that ends its clause ("…,” Bond, 30, of …, said)
        if app:
            while k < len(toks) and toks[k].start < span[1] + app.end():
                k += 1
        while k < len(toks) and _is_aux(toks[k]) and toks[k].lower not in lexicon.SPEECH_FORMS:
            k += 1
        long_app = bool(app) and app.group().count(",") > 2
        if k < len(toks) and toks[k].lower in (_STRONG_CUES if long_app else lexicon.SPEECH_FORMS) and _attribute_after(ctx, q, span, toks[k], "cue-after"):
            return True
        # "“…” Oliver barked." / "“…,” the note says.": subject + one unknown verb that ends
        # the clause is a cue too; no other reading fits a quote followed by that shape.
        # A quote that ends its sentence ("…”) may be followed by a new sentence; but not by a
        # lower-case "he" ("“…” he points out."), and a phrasal speech verb is speech anyway
        # ("“…” Bennett shot back with a laugh.").
        open_end = re.search(r"[,?!]$", text[q.start : q.end].rstrip()) or text[span[0] : span[1]] in ("he", "she")
        if k < len(toks) and (open_end or _phrasal(toks, k)):
            # "“…?” Trump shot back.", "“…,” he went on."
            verb_end = toks[k + 1].end if _phrasal(toks, k) else toks[k].end if _verb_like(toks[k]) else -1
            if verb_end > 0 and re.match(r"[.,;]| and\b| with\b", text[verb_end : verb_end + 5]) and _attribute_after(ctx, q, span, toks[k], "cue-after-verb"):
                q.confidence = min(q.confidence, 0.6)
                return True
    # "“…,” declares Stephanie Acs, 27." the same with the subject inverted
    if _verb_like(first) and len(toks) > 1 and toks[1].is_cap and re.search(r"[,?!]$", text[q.start : q.end].rstrip()):
        span = _inverted_subject(ctx, toks, 1)
        if span and _attribute_after(ctx, q, span, first, "cue-after-verb"):
            q.confidence = min(q.confidence, 0.6)
            return True
    # A longer subject before the verb: "Republican candidate Donald Trump said",
    # "the bespectacled, 71-year-old diplomat said", "Rep. Jim McDermott (D-Wash.) said",
    # "Ms. Merkel's spokesman, Steffen Seibert, wrote".
    for k in range(1, min(len(toks), 14)):
        if toks[k].lower not in lexicon.SPEECH_FORMS:
            continue
        j = k - 1
        while j > 0 and _is_aux(toks[j]):
            j -= 1
        np_start, np_end = toks[0].start, toks[j].end
        if text[np_end : np_end + 1] == ")":
            np_end += 1  # "state Sen. Jason Holsman (D) said"
        if re.search(r"[.!?;:()\[\]“”\"]", _np_clean(text[np_start:np_end])):
            return False
        span = _subject_np(ctx, np_start, np_end, text[np_end : toks[k].start].strip() == ",")
        if span is None and text[toks[k - 1].end : toks[k].start].strip() == ",":
            # "“…” in the 2008 primary, said professor Paul Beck": a phrase, then the
            # inverted cue.
            span = _inverted_subject(ctx, toks, k + 1)
            return bool(span) and _attribute_after(ctx, q, span, toks[k], "cue-after-inverted")
        return bool(span) and _attribute_after(ctx, q, span, toks[k], "cue-after")
    return False


def _np_clean(phrase: str) -> str:
    """The phrase without short parentheticals and abbreviation periods ("Sen.", "(D-Va.)"),
    so that what is left shows real sentence punctuation only."""
    phrase = re.sub(r"\s*\([^()]{1,40}\)", "", phrase)
    return re.sub(r"\b([\w.]+)\.(?=\s|$)", lambda m: m.group(1) if _abbrev_before(m.group(0), len(m.group(0)) - 1) else m.group(0), phrase)


def _subject_np(ctx: _Context, start: int, end: int, appositive: bool) -> tuple[int, int] | None:
    """The speaker inside a subject noun phrase text[start:end] that precedes its verb.

    With ``appositive`` (a comma before the verb: "Levine, who gave money to Rubio, said")
    the subject is the first comma segment, or the name right after a descriptive one
    ("Ms. Merkel's spokesman, Steffen Seibert,"). Otherwise a comma ends an introductory
    phrase ("as his father dreamed, Mr. Turry said") and the last segment is the subject.
    """
    text = ctx.text
    cuts = [start] + [start + m.end() for m in re.finditer(r",\s*", text[start:end])]
    segs = [(a, b) for a, b in zip(cuts, [c - 1 for c in cuts[1:]] + [end])]
    segs = [(a, len(text[:b].rstrip(" ,")) ) for a, b in segs]
    segs = [(a, b) for a, b in segs if b > a]
    if not segs:
        return None
    if appositive and len(segs) > 1:
        first = _np_speaker(ctx, *segs[0], possessive_ok=False)
        if first:
            return first
        if re.search(r"[’']s\b", text[segs[0][0] : segs[0][1]]) or text[segs[0][0] : segs[0][1]].split()[0].lower() in _DETERMINERS:
            second = _np_speaker(ctx, *segs[1], possessive_ok=False)
            if second and text[second[0]][:1].isupper():
                return second
        return _np_speaker(ctx, *segs[0], possessive_ok=True, description=True)
    if len(segs) > 1 and not appositive:
        last = _np_speaker(ctx, *segs[-1], possessive_ok=False)
        if last:
            return last
    return _np_speaker(ctx, start, end, possessive_ok=True, description=True)


def _np_speaker(ctx: _Context, start: int, end: int, possessive_ok: bool, description: bool = False) -> tuple[int, int] | None:
    """A pronoun, known person, capitalised name or (with ``description``) determiner +
    speaker noun that makes up the phrase text[start:end]."""
    text = ctx.text
    toks = _window_tokens(text, start, end)
    if not toks:
        return None
    if len(toks) == 1 and toks[0].lower in {"he", "she"}:
        return toks[0].start, toks[0].end
    named = [(a, b) for a, b, _ in ctx.person_mentions if start <= a and b <= end]
    if not possessive_ok:
        named = [(a, b) for a, b in named if not re.match(r"[’']s\b", text[b : b + 3])]
    last = toks[-1]
    head = re.sub(r"[’']s?$", "", last.lower)
    # "Obama's former campaign strategist said": the possessor's speaker, kept as written.
    owner = next((i for i, t in enumerate(toks) if re.search(r"[’']s$", t.text) and t.is_cap), None)
    if description and owner is not None and owner < len(toks) - 1 and all(t.text.islower() for t in toks[owner + 1 :]) and head in _SPEAKER_NOUNS:
        return toks[owner].start, end
    if named:
        return named[-1]
    if description and toks[0].lower in _DETERMINERS and (head in _SPEAKER_NOUNS or last.text in lexicon.demonyms()):
        return start, end
    if description and len(toks) <= 4 and all(t.text.islower() for t in toks) and _plural_speaker(head):
        return start, end  # "federal prosecutors wrote"
    if last.is_cap and last.lower not in lexicon.NON_NAMES and (possessive_ok or not re.search(r"[’']s$", last.text)):
        a = len(toks) - 1
        while a > 0 and toks[a - 1].is_cap and text[toks[a - 1].end : toks[a].start] in (" ", ". ", "\u00a0"):
            a -= 1
        return toks[a].start, last.end
    return None


_PHRASAL_VERBS = frozenset(
    """went goes go shot shoots fired fires cut cuts chimed chimes pointed points piped pipes
    snapped snaps lashed lashes weighed weighs spoke speaks summed sums wrapped""".split()
)
_PARTICLES = frozenset("on out back in up off".split())


def _phrasal(toks: list[Token], k: int) -> bool:
    """A two-word speech verb: "went on", "shot back", "pointed out", "chimed in"."""
    return k + 1 < len(toks) and toks[k].lower in _PHRASAL_VERBS and toks[k + 1].lower in _PARTICLES


def _verb_like(tok: Token) -> bool:
    """A lower-case past or present verb form ("barked", "opines"), not a function word."""
    low = tok.text
    return (
        low.islower()
        and len(low) > 3
        and low.endswith(("ed", "es", "s"))
        and not low.endswith(("ss", "us", "is"))
        and low not in lexicon.NON_NAMES
    )


_DASH_NAME_RE = re.compile(rf"[ \u00a0]*[{_DASHES}]{{1,2}}[ \u00a0]*((?:[A-Z][\w.’'-]*[ \u00a0]?){{1,5}})(?:,[^\n“”\"]{{1,80}})?[.\s]*$")


def _try_dash_line(ctx: _Context, q: _Raw) -> bool:
    """A quote signed after a dash, on its own line ("“…” ― Sonya Herridge", vox pops
    and epigraphs) or on the next one ("“…”" then "- Hillary Clinton.")."""
    text = ctx.text
    k = ctx.paras.index_of(q.open_at)
    pe = ctx.paras.spans[k][1] if ctx.paras.spans else len(text)
    m = _DASH_NAME_RE.match(text, q.close_at, pe)
    if not m:
        if k + 1 >= len(ctx.paras.spans) or text[q.close_at : pe].strip():
            return False
        ps, pe = ctx.paras.spans[k + 1]
        m = _DASH_NAME_RE.match(text, ps, pe)
        if not m:
            return False
    toks = _window_tokens(text, m.start(1), m.end(1))
    span = _inverted_subject(ctx, toks, 0)
    if not span or not _attribute(ctx, q, span, toks[0], "dash-line"):
        return False
    q.cue, q.confidence = None, min(q.confidence, 0.7)
    return True


_SIGNATURE_RE = re.compile(r"\s*((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*)(?:,\s*[^\n“”\"]{2,80})?\.?[”\"]\s*$")


def _try_signature(ctx: _Context, q: _Raw) -> bool:
    """An unclosed quote paragraph whose closing mark ends a short signature line below
    it: "“…" then "Josh Bivens, Economic Policy Institute.”" (op-ed round-ups)."""
    text = ctx.text
    k = ctx.paras.index_of(q.open_at)
    if q.closed or k + 1 >= len(ctx.paras.spans):
        return False
    ps, pe = ctx.paras.spans[k + 1]
    m = _SIGNATURE_RE.match(text, ps, pe)
    if not m or len(text[ps:pe].split()) > 14:
        return False
    toks = _window_tokens(text, m.start(1), m.end(1))
    span = _inverted_subject(ctx, toks, 0)
    if not span or not _attribute(ctx, q, span, toks[0], "signature"):
        return False
    q.cue, q.confidence = None, min(q.confidence, 0.7)
    return True


def _inverted_before(ctx: _Context, toks: list[Token], vi: int, window: tuple[int, int], q: _Raw) -> bool:
    """An inverted cue that opens its clause and introduces the quote: "Said Dorothy
    Poynter, who grew up with Ali, “…”", "…, explained Rosenberg, “…”"."""
    text = ctx.text
    v = toks[vi]
    if vi + 1 >= len(toks) or not toks[vi + 1].is_cap or v.lower.endswith("ing"):
        return False
    if vi > 0 and text[toks[vi - 1].end : v.start].strip() != ",":
        return False
    span = _inverted_subject(ctx, toks, vi + 1)
    if not span or not re.fullmatch(r"(?:,[^“”\"]{0,120})?\s*[,:]\s*", text[span[1] : window[1]]):
        return False
    return _attribute(ctx, q, span, v, "cue-before-inverted")


_STATEMENT_RE = re.compile(
    r"\b(issued|released|put out|sent out|posted|tweeted|published)\s+(?:a|an|the|this)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:statement|tweet|message|email|e-mail|letter|note|post)(?:\s+(?:to|on)\s+[^,:“”\"]{1,40})?\s*[,:]\s*$"
)


def _try_before(ctx: _Context, q: _Raw, window: tuple[int, int]) -> bool:
    text = ctx.text
    toks = _window_tokens(text, *window)
    if not toks:
        return False
    if toks[0].lower in lexicon.SPEECH_FORMS and _inverted_before(ctx, toks, 0, window, q):
        return True  # "Said Dorothy Poynter, who grew up with Ali in the neighborhood, “…”"
    # The cue must be close to the quote: at most 8 words between verb and quote.
    for vi in range(len(toks) - 1, max(-1, len(toks) - 10), -1):
        v = toks[vi]
        if v.lower == "according" and vi + 1 < len(toks) and toks[vi + 1].lower == "to":
            span = _speaker_after(ctx, toks, vi + 2)
            if span and re.fullmatch(r"[\s,:—–-]*", text[span[1] : window[1]]) and _attribute(ctx, q, span, v, "according-to"):
                return True
            continue
        if v.lower not in lexicon.SPEECH_FORMS:
            continue
        if v.is_cap and vi > 0 and f"{toks[vi - 1].text} {v.text}" in lexicon.places():
            continue  # "the United States": a name, not "states"
        if _inverted_before(ctx, toks, vi, window, q):
            return True
        k = vi - 1
        while k >= 0 and _is_aux(toks[k]) and toks[k].lower not in _SUBJECT_PRONOUNS:
            k -= 1
        k = _skip_to_infinitive(text, toks, k)
        if k >= 0 and re.fullmatch(r"\)\s*,?\s*", text[toks[k].end : v.start]):
            # "Gov. John Kasich (R-OH), said": step over the parenthesis
            paren = text.rfind("(", toks[0].start, toks[k].end)
            while k >= 0 and toks[k].start > paren:
                k -= 1
            if k >= 0 and text[toks[k].end : paren].strip():
                k = -1
        span = None
        if k >= 0 and toks[k].lower in {"and", "but", "then"}:
            # "Trump called on her to resign and said, “…”": the subject opens the clause.
            span = _clause_subject(ctx, toks[:k])
        elif k >= 0 and not re.search(r"[^\w\s-]", re.sub(r"\s*\([^()]{1,40}\),?", "", text[toks[k].end : v.start])):
            span = _speaker_before(ctx, toks, k)
            if span and text[span[0] : span[1]].split()[0].lower() in _DETERMINERS:
                # "Trump issued a statement saying": a description that is the object of
                # a verb is what carried the words; the clause's subject spoke them.
                d = next(i for i, t in enumerate(toks) if t.start == span[0])
                if d > 1 and toks[d - 1].lower in _PARTICLES and (_verb_like(toks[d - 2]) or toks[d - 2].lower in _OBJECT_VERBS):
                    d -= 1  # "His office put out a statement saying", "sent out an email"
                if d > 0 and (_verb_like(toks[d - 1]) or toks[d - 1].lower in _OBJECT_VERBS) and text[toks[d - 1].end : toks[d].start] == " ":
                    span = _clause_subject(ctx, toks[: d - 1])
        if span is None and v.lower.endswith("ing") and k >= 1 and toks[k].lower in lexicon.SPEECH_FORMS and text[toks[k].end : v.start].strip() == ",":
            # "Nefzi said, adding": the subject of the first verb.
            j = k - 1
            while j >= 0 and _is_aux(toks[j]):
                j -= 1
            # ... but "Trump’s comments, telling": a possessor before a noun is no subject.
            if j >= 0 and not text[toks[j].end : toks[k].start].strip() and not re.search(r"[’']s$", toks[j].text):
                span = _speaker_before(ctx, toks, j)
        # "…, adding: “…”" and "Lee spoke at the summit, saying “…”": the subject
        # of the clause is further left.
        if span is None and v.lower.endswith("ing") and k >= 0:
            span = _clause_subject(ctx, toks[: k + 1])
        if span is None and k >= 0 and (re.sub(r"\s*\([^()]{1,40}\)", "", text[toks[k].end : toks[k + 1].start]).strip() == "," or toks[k].lower in {"and", "but", "then"}):
            # "Lee, who is on a trip, said", "Carson ... but told his supporters"
            span = _clause_subject(ctx, toks[: k + 1])
        if span is None and k >= 1 and toks[k].lower == "who":
            # "this tweet from Rikkie Wells who tweeted, “…”": the person the clause is about
            named = [(a, b) for a, b, _ in ctx.person_mentions if b == toks[k - 1].end]
            j = k - 1
            while j > 0 and toks[j - 1].is_cap and text[toks[j - 1].end : toks[j].start] == " ":
                j -= 1
            if not named and toks[k - 1].is_cap and k - j >= 2 and _plausible(ctx, text[toks[j].start : toks[k - 1].end]):
                named = [(toks[j].start, toks[k - 1].end)]  # a full name the list missed
            span = named[0] if named else None
        if k >= 1 and (span is None or span[0] > toks[0].end):
            # "Anthony Anton, president and CEO of the association stated, “…”": an
            # appositive whose closing comma was left out, after the clause's first name.
            # "Beck, who has in the past described Trump as “…”": a relative clause the same way.
            named = [(a, b) for a, b, _ in ctx.person_mentions if a == toks[0].start]
            if named and re.fullmatch(r",\s+(?:[^,.;:“”\"]|(?<=[A-Z])\.){3,80}\s+", text[named[0][1] : v.start]) and (
                any(_is_title_word(t.text) or t.lower in _SPEAKER_NOUNS for t in toks[1 : k + 1])
                or re.match(r",\s+who\b", text[named[0][1] :])
            ):
                span = named[0]
        if span is None:
            continue
        if _attribute(ctx, q, span, v, "cue-before"):
            return True
    if _try_put_it(ctx, q, window):
        return True
    # "Trump issued a statement, “…”", "his campaign sent out an email: “…”": the words
    # are the statement's; its sender is the clause's subject.
    m = _STATEMENT_RE.search(text, window[0], window[1])
    if m:
        head = [t for t in toks if t.end <= m.start()]
        span = _clause_subject(ctx, head) if head else None
        if span and _attribute(ctx, q, span, Token(m.group(1), m.start(1), m.end(1)), "statement"):
            q.confidence = min(q.confidence, 0.7)
            return True
    # "Hillary Clinton cracked, “…”": a name or he/she, one unknown verb, a comma or
    # colon, the quote. The mirror image of cue-after-verb.
    phrasal = len(toks) >= 3 and _phrasal(toks, len(toks) - 2)  # "Hillary shot back, “…”"
    if len(toks) >= 2 and (_verb_like(toks[-1]) or phrasal) and re.fullmatch(r"\s*[,:]\s*", text[toks[-1].end : window[1]]):
        subj = toks[-3] if phrasal else toks[-2]
        named = [(a, b) for a, b, _ in ctx.person_mentions if b == subj.end]
        span = (subj.start, subj.end) if subj.lower in {"he", "she"} else named[0] if named else None
        if span is None and phrasal and subj.is_cap and _plausible(ctx, subj.text):
            span = (subj.start, subj.end)  # "shot back", "fired back" are speech whoever the subject
        if span and not re.match(r"[’']s\b", text[span[1] : span[1] + 3]) and _attribute(ctx, q, span, toks[-1], "cue-before-verb"):
            q.confidence = min(q.confidence, 0.6)
            return True
    # "…, as Joel Pollak observed, the stage itself:" and other colon introductions, but not
    # a name given to something ("Ingram dubbed the conflict: “Scientology vs. the Internet”").
    if text[window[0] : window[1]].rstrip().endswith(":") and not any(t.lower in _NAMING_VERBS for t in toks):
        span = _clause_subject(ctx, toks, names=False)
        # Only the clause's subject introduces the quote: a name deep inside the clause
        # ("a poll that put Sanders ahead:") is usually what the quote is about.
        commas = [m.end() for m in re.finditer("[,—–]", text[window[0] : span[0] if span else 0])]
        clause_start = window[0] + commas[-1] if commas else window[0]
        lead = [t for t in toks if span and clause_start <= t.start < span[0]]
        if span and len(lead) > 8:
            span = None
        if span is None:
            # "… doesn’t surprise Republican pollster Daron Shaw: “…”": a person named right
            # before the colon (not after a preposition: "… for Trump:") introduces it.
            colon = text.rindex(":", window[0], window[1])
            named = [(a, b) for a, b, _ in ctx.person_mentions if window[0] <= a and b == colon]
            n = next((i for i, t in enumerate(toks) if named and t.start == named[0][0]), None)
            if named and n is not None and not _after_preposition(ctx, toks, n):
                span = named[0]
        if span and _attribute(ctx, q, span, toks[-1], "colon"):
            q.cue, q.confidence = None, min(q.confidence, 0.6)
            return True
    return False


# Verbs that take "to say": "went on to say", "was prompted to say", "continued to argue".
_TO_VERBS = frozenset("went goes go continued continues proceeded proceeds decided prompted moved rushed hastened".split())


def _skip_to_infinitive(text: str, toks: list[Token], k: int) -> int:
    """Index of the last subject word before "went on to say" / "was prompted to say",
    or ``k`` unchanged when toks[k] is not such a "to"."""
    if k < 1 or toks[k].lower != "to":
        return k
    j = k - 1
    if toks[j].lower in _PARTICLES and j >= 1:
        j -= 1  # "went on to say"
    if toks[j].lower not in _TO_VERBS or not re.fullmatch(r"[\w\s]*", text[toks[j].end : toks[k].start]):
        return k
    j -= 1
    while j >= 0 and _is_aux(toks[j]) and toks[j].lower not in _SUBJECT_PRONOUNS:
        j -= 1
    return j if j >= 0 and not text[toks[j].end : toks[j + 1].start].strip() else k


_PUT_IT_RE = re.compile(r"\b[Aa]s\s+(?P<np>[^;:!?“”\"]{2,160}?)\s+(?:once\s+|has\s+|had\s+|memorably\s+|recently\s+)?put\s+it(?:\s+\w+){0,3}\s*[,:—–-]?\s*$")


def _try_put_it(ctx: _Context, q: _Raw, window: tuple[int, int]) -> bool:
    """"As Sen. John Cornyn, the No. 2 in the GOP leadership, put it: “…”": the phrase
    between "as" and "put it" is the speaker, appositives and all."""
    m = _PUT_IT_RE.search(ctx.text, window[0], window[1])
    if not m:
        return False
    start, end = m.start("np"), m.end("np")
    span = _subject_np(ctx, start, len(ctx.text[:end].rstrip(" ,")), ctx.text[:end].rstrip().endswith(","))
    toks = _window_tokens(ctx.text, end, window[1])
    return bool(span) and bool(toks) and _attribute(ctx, q, span, toks[0], "put-it")


_ING_NON_NAMES = frozenset("including following regarding during concerning considering citing quoting".split())
_PARTY_WORDS = frozenset("republican republicans democrat democrats democratic gop conservative liberal".split())
_CONNECTIVES = frozenset("but and so yet still then instead meanwhile later earlier now also even".split())


def _try_subject(ctx: _Context, q: _Raw) -> bool:
    """A quote inside a sentence with no cue next to it belongs to the sentence's subject:
    "Cruz himself said Tuesday that “…”", "Trump launched an attack, calling him “…”".

    Only a subject that opens the sentence (after connectives, titles and an introductory
    phrase) and is a known person, "he"/"she" or a determiner + speaker noun counts, and
    only when no other quote precedes this one in the sentence. Weak evidence: low
    confidence.
    """
    text = ctx.text
    s = ctx.sentences.span_of(q.open_at)[0]
    head = text[s : q.open_at]
    if not head.strip() or _MARK_RE.search(head) or re.search(r"[‘’']\s|\s[‘’']|^[‘']", head):
        return False
    if re.search(r",\s+who\s+(?:\w+\s+){0,2}?(?:" + "|".join(sorted(_RELATIVE_CUES)) + r")\b", head):
        return False  # "…, from Mike Lee, who declared “…”": the relative clause's subject speaks
    found = _sentence_subject(ctx, s, q.open_at)
    if not found or not _attribute(ctx, q, found[0], found[1], "subject"):
        return False
    q.cue = found[1].text if found[1].text in lexicon.SPEECH_FORMS else None
    q.confidence = min(q.confidence, 0.5)
    return True


_ROLE_LINKS = frozenset("of on for and".split())
_RELATIVE_CUES = frozenset("said says declared wrote tweeted told added argued explained noted insisted".split())


def _sentence_subject(ctx: _Context, s: int, end: int) -> tuple[tuple[int, int], Token] | None:
    """The subject that opens text[s:end] and the word after it (its verb), or None."""
    text = ctx.text
    toks = _window_tokens(text, s, end)
    i = _skip_intro(ctx, toks)
    while i < len(toks) and (toks[i].lower in _CONNECTIVES or _is_title_word(toks[i].text)):
        i += 1
    if i >= len(toks) - 1:
        return None
    starts = ctx.mention_ends
    # "Interim DNC Chairwoman Donna Brazile said", "The Council on American-Islamic Relations
    # National Executive Director Nihad Awad says": a capitalised role with a title in it
    # before a known person.
    j = i + (toks[i].text == "The")
    while j < min(len(toks) - 1, i + 10) and toks[j].start not in starts and (toks[j].is_cap or toks[j].lower in _ROLE_LINKS) and text[toks[j].end : toks[j + 1].start] in (" ", "-"):
        j += 1
    if j > i and toks[j].start in starts and any(_is_title_word(toks[m].text) for m in range(i, j)):
        i = j
    t = toks[i]
    if t.lower in {"he", "she"}:
        span = (t.start, t.end)
    elif t.start in starts:
        span = _person_after_role(ctx, (t.start, starts[t.start]))
    elif t.is_cap and (owner := _possessive_owner(ctx, toks, i, starts)):
        span = owner  # "Iowa State University's Dianne Bystrom agreed."
    elif t.lower in {"the", "a", "an"}:
        span = _speaker_after(ctx, toks, i)
        words = text[span[0] : span[1]].split()[1:] if span else []
        # "The U.S. Department of Agriculture notes": an organisation's name speaks too.
        proper = bool(words) and t.lower == "the" and all(w[:1].isupper() or w in ("of", "and") for w in words) and words[-1][:1].isupper()
        if not span or re.sub(r"[’']s?$", "", text[span[0] : span[1]].split()[-1].lower()) not in _SPEAKER_NOUNS and not proper:
            return None
    else:
        return None
    rest = text[span[1] : end]
    if re.match(r"[’']s\b", rest):
        return None  # "Trump's plan to ..." is not Trump speaking
    rest = re.sub(r"^\s*(?:\([^)]{1,30}\)|,[^,“”\"]{1,80},)", "", rest)  # "(R-Tex.)", ", 53,"
    # "Sam Lau, the communications director for the party said": the closing comma left out
    rest = re.sub(r"^,\s+(?:the|a|an|his|her|its|their)\s[^,“”\"]{1,80}?(?=\s+(?:said|says|told|added|wrote|stated)\b)", "", rest)
    verb = re.match(r"\s+(?:(?:has|had|have|also|then|later|once|would|will|now|[a-z]{3,}ly)\s+)*([a-z]+)", rest)
    if not verb:
        return None
    vs = text.find(verb.group(1), span[1])
    return span, Token(verb.group(1), vs, vs + len(verb.group(1)))


def _person_after_role(ctx: _Context, span: tuple[int, int]) -> tuple[int, int]:
    """ "Clinton spokesman Jesse Lehrich said": the person named after a role that opens
    with another person's name speaks, not the first name."""
    role: list[str] = []
    for m in re.finditer(r" ([A-Za-z]+)(?= )", ctx.text[span[1] : span[1] + 60]):
        if m.start() != sum(len(w) + 1 for w in role) or len(role) == 3:
            break  # one to three words, single-spaced, right after the name
        role.append(m.group(1))
        if not (m.group(1)[:1].isupper() or m.group(1) in _SPEAKER_NOUNS or _is_title_word(m.group(1))):
            break  # "Frank quotes former Carter adviser": a verb, no role
        after = span[1] + m.end() + 1
        if after in ctx.mention_ends and (role[-1].lower() in _SPEAKER_NOUNS or _is_title_word(role[-1])):
            return after, ctx.mention_ends[after]
    return span


def _possessive_owner(ctx: _Context, toks: list[Token], i: int, starts: dict[int, int]) -> tuple[int, int] | None:
    """The person after a capitalised possessive subject that opens at toks[i] ("Iowa State
    University's Dianne Bystrom", "Breitbart’s John Smith"), or None."""
    for k in range(i, min(len(toks) - 1, i + 5)):
        if not toks[k].is_cap or ctx.text[toks[k].end : toks[k + 1].start] != " ":
            return None
        if toks[k].text.endswith(("’s", "'s")):
            nxt = toks[k + 1]
            return (nxt.start, starts[nxt.start]) if nxt.start in starts else None
    return None


_LABEL_RE = re.compile(
    r"(?:^|\s[-–—]\s*|[.!?\]]\s+)(?:(?P<verb>More from|From|Continued|Added|Said|Concluded|Explained)\s+)?"
    r"(?P<name>(?:the\s+[a-z]+|(?:the\s+)?(?:[A-Z][\w.’'-]*|and|of|the)(?:\s+(?:[A-Z][\w.’'-]*|and|of|the)){0,5})):\s*$",
    re.M,
)


def _try_label(ctx: _Context, q: _Raw) -> bool:
    """A quote labelled with its source before a colon, as digests and newsletters do:
    "… - Philip Bump: “…”", "More from Jones: “…”", "Continued Stone: “…”"."""
    text = ctx.text
    line_start = max(text.rfind("\n", 0, q.open_at) + 1, q.open_at - 200)
    m = _LABEL_RE.search(text, line_start, q.open_at)
    if not m:
        return False
    name = m.group("name")
    if name.startswith("the ") and not m.group("verb"):
        return False
    words = [w for w in name.split() if w not in {"and", "of", "the"}]
    if not words or name.isupper() or len(name) < 3:
        return False  # "TOP STORIES:" headlines are not sources
    if not m.group("verb") and not any(_is_surname(ctx, w) or w in ctx.forms for w in words) and len(words) < 2:
        return False  # a bare single word ("Update:") needs a known person behind it
    if not m.group("verb") and words[0].lower() in lexicon.NON_NAMES | _TRANSCRIPT_NON_NAMES:
        return False
    cue = Token(m.group("verb") or ":", m.start("name"), m.start("name"))
    # "Frank Newport and Jim Harter:" the first author stands for the pair
    end = m.start("name") + name.index(" and ") if " and " in name else m.end("name")
    if not _attribute(ctx, q, (m.start("name"), end), cue, "label"):
        return False
    q.cue = None
    q.confidence = min(q.confidence, 0.6)
    return True


def _try_previous_sentence(ctx: _Context, q: _Raw) -> bool:
    """A quote that opens a sentence right after a quote-free sentence of the same
    paragraph belongs to that sentence's subject: "Clinton touted her credentials as a
    co-sponsor of the bill. “…”", "Bystrom agreed. “…”". Weak evidence: low confidence."""
    text = ctx.text
    si = ctx.sentences.index_of(q.open_at)
    s0 = ctx.sentences.spans[si][0] if ctx.sentences.spans else 0
    ps = ctx.paras.span_of(q.open_at)[0]
    if si <= 0 or text[s0 : q.open_at].strip() or ps >= s0:
        return False
    prev_s, prev_e = ctx.sentences.spans[si - 1]
    prev_s = max(prev_s, ps)
    sentence = text[prev_s:prev_e]
    if prev_s >= prev_e or _MARK_RE.search(sentence) or any(prev_s <= a < prev_e for a, _ in ctx.quote_spans):
        return False
    found = _sentence_subject(ctx, prev_s, prev_e)
    if not found or not _attribute(ctx, q, found[0], found[1], "previous-sentence"):
        return False
    q.cue = None
    q.confidence = min(q.confidence, 0.5)
    return True


def _try_reported_paragraph(ctx: _Context, q: _Raw) -> bool:
    """A quote paragraph right after a quote-free paragraph whose last sentence reports
    speech ("Then, in 2017, Kerry said that 100,000 would be accepted." then "“…”")
    belongs to that sentence's subject. Weak evidence: low confidence."""
    text = ctx.text
    k = ctx.paras.index_of(q.open_at)
    if k <= 0 or ctx.paras.spans[k][0] != q.open_at:
        return False
    ps, pe = ctx.paras.spans[k - 1]
    if _MARK_RE.search(text[ps:pe]) or any(ps <= a < pe for a, _ in ctx.quote_spans):
        return False
    si = ctx.sentences.index_of(max(ps, pe - 1))
    ss, se = ctx.sentences.spans[si] if ctx.sentences.spans else (ps, pe)
    ss, se = max(ss, ps), min(se, pe)
    found = _sentence_subject(ctx, ss, se)
    if not found or found[1].text not in lexicon.SPEECH_FORMS:
        return False
    if not _attribute(ctx, q, found[0], found[1], "reported-paragraph"):
        return False
    q.cue = None  # the verb reports other words; a short fragment here is no quote
    q.confidence = min(q.confidence, 0.5)
    return True


_INTRO_WORDS = frozenset(
    """in on at after before during earlier later last this on when while as since with
    speaking asked addressing""".split()
)


def _skip_intro(ctx: _Context, toks: list[Token]) -> int:
    """Index of the first token after an introductory phrase ("In December,", "After
    Brown criticized him during a debate,"), or 0 when the sentence has none. The phrase
    must open the sentence and end at a comma within 20 words."""
    i = 0
    while i < len(toks) and toks[i].lower in _CONNECTIVES:
        i += 1
    # "Filling in for Sanders at the event, West landed …": a participle opens a phrase too.
    if i >= len(toks) or toks[i].lower not in _INTRO_WORDS and not (toks[i].is_cap and toks[i].lower.endswith("ing") and len(toks[i].text) > 5):
        return 0
    for n in range(i, min(len(toks) - 1, i + 20)):
        gap = ctx.text[toks[n].end : toks[n + 1].start]
        if gap.strip() == ",":
            return n + 1
        if gap.strip():
            return 0
    return 0


_SUBORDINATORS = frozenset("when as after before while since because although though if once until whenever".split())
_OBJECT_VERBS = frozenset("put sent issued released posted did made has had have gave give gives".split())
_PREPOSITIONS = frozenset(
    """to of in on at by with from for about against via through toward towards under over
    like than between among into onto upon""".split()
)


def _after_preposition(ctx: _Context, toks: list[Token], i: int) -> bool:
    """Is toks[i] inside a prepositional phrase ("with journalist Matei Rosca", "on
    Facebook")? Looks back over capitalised words, titles and role nouns."""
    j = i - 1
    while j >= 0 and i - j <= 6:
        if re.search(r"[,;:]", ctx.text[toks[j].end : toks[j + 1].start]):
            return False  # "Here in Columbia, Sanders": the phrase ended at the comma
        if (toks[j].is_cap and toks[j].lower not in _PREPOSITIONS) or toks[j].lower in lexicon.ROLE_NOUNS or _is_title_word(toks[j].text):
            j -= 1  # but "Of Carson, Levine said": a capitalised preposition opens the phrase
        elif toks[j].lower == "of" and j > 0 and (toks[j - 1].is_cap or _is_title_word(toks[j - 1].text)):
            j -= 1  # "Secretary of State Madeleine Albright": "of" inside a title
        else:
            break
    return j >= 0 and toks[j].lower in _PREPOSITIONS and not re.search(r"[,;:]", ctx.text[toks[j].end : toks[j + 1].start])


def _clause_subject(ctx: _Context, toks: list[Token], names: bool = True) -> tuple[int, int] | None:
    """The first pronoun or known person in the clause (its likely subject); a person
    named as a possessor ("Trump’s proposal") or after a preposition is not a subject."""
    text = ctx.text
    starts = ctx.mention_ends
    i = 0
    while i < len(toks) and toks[i].lower in _CONNECTIVES:
        i += 1
    k = _skip_intro(ctx, toks)
    if k and k < len(toks) and toks[k].lower in _SUBORDINATORS:
        toks, i = toks[k:], 0  # "In June 2009, after Clinton …, Axelrod emailed"
    for _ in range(2):
        # "When Trump suggested that …, Rubio fired back:" the main clause follows the comma
        # that closes the subordinate clause ("Once, when my mother …, I laughed").
        sub = next((n for n in range(i, min(len(toks), i + 3)) if toks[n].lower in _SUBORDINATORS), None)
        if sub is None:
            break
        for n in range(sub, min(len(toks) - 1, sub + 25)):
            # "As Mitchell tried to discuss … — Sanders responded": a dash ends it too.
            if text[toks[n].end : toks[n + 1].start].strip() in (",", "—", "–", "--"):
                break
        else:
            break
        if toks[sub].lower == "as" and any(t.lower in lexicon.SPEECH_FORMS for t in toks[sub + 1 : n + 1]):
            break  # "as Joel Pollak observed, …:": that clause is the attribution
        toks, i = toks[n + 1 :], 0
    if i < len(toks) and toks[i].lower in _DETERMINERS:
        # "The lawmaker, who represents a district, said"
        span = _speaker_after(ctx, toks, i)
        if span and re.sub(r"[’']s?$", "", text[span[0] : span[1]].split()[-1].lower()) in _SPEAKER_NOUNS:
            return _apposed_name(ctx, span[1]) or span  # "her senior policy adviser, Jake Sullivan, said"
        # "One poster admitted to …, writing": the noun phrase ends before the clause's verb.
        for n in range(i + 1, min(len(toks) - 1, i + 4)):
            if _verb_like(toks[n + 1]) and toks[n].text.islower() and not _verb_like(toks[n]) and text[toks[n].end : toks[n + 1].start] == " ":
                phrase = text[toks[i].start : toks[n].end]
                if toks[n].lower in _SPEAKER_NOUNS or n == i + 1 and _plausible(ctx, phrase):
                    return toks[i].start, toks[n].end
                break
    for n, t in enumerate(toks[:20]):
        # "I laughed and said, “…”", "Meanwhile, it attacked Trump, saying"; but not the
        # empty "It was a potent punch …, as Mrs. Clinton echoed it, saying".
        dummy = t.lower == "it" and n + 1 < len(toks) and toks[n + 1].lower in _COPULAS
        if t.lower in {"he", "she"} or n == i and t.lower in {"i", "we", "they", "it"} and not dummy:
            return t.start, t.end
        if t.start in starts:
            end = starts[t.start]
            if re.match(r"[’']s\b", text[end : end + 3]):
                # "Ryan’s campaign shrugged off …, telling reporters": the possessed speaker
                # noun opening the clause is its subject.
                m, head = n + 1, None
                while m < len(toks) and toks[m].text.islower() and text[toks[m - 1].end : toks[m].start] == " " and m - n <= 3:
                    head = m if toks[m].lower in _SPEAKER_NOUNS else head
                    m += 1
                m = head + 1 if head else n
                if n == i and m > n + 1:
                    # "Clinton's campaign chairman, John Podesta, said": the name in apposition.
                    return _apposed_name(ctx, toks[m - 1].end) or (t.start, toks[m - 1].end)
                continue
            if _after_preposition(ctx, toks, n):
                continue
            return _person_after_role(ctx, (t.start, end))
    if names:
        places = {w for p in ctx.participants if p.kind == "place" for f in (p.name, *p.aliases) for w in f.split()}
        for i, t in enumerate(toks[:8]):
            if t.is_cap and t.lower not in lexicon.NON_NAMES and not _is_title_word(t.text):
                if t.text in places or _after_preposition(ctx, toks, i):
                    continue  # "after winning Ohio", "in Washington"
                span = _speaker_after(ctx, toks, i)
                if span and _plausible(ctx, re.sub(r"[,\s]+$", "", text[span[0] : span[1]])):
                    return span  # "Here in Columbia, Sanders stepped up …": not "Here"
    return None


def _is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in lexicon.title_words()


def _extract(text: str, participants: tuple[Participant, ...]) -> list[Quote]:
    if not text.strip():
        return []
    if not participants:
        from briefgen.extract.participants import extract_participants

        participants = extract_participants(text)
    paras = SpanIndex(paragraph_bounds(text))
    raws = _find_double(text, paras)
    raws += _find_single(text, [(r.open_at, r.close_at) for r in raws], paras)
    raws.sort(key=lambda r: r.start)
    ctx = _Context(text, participants, raws)

    kept: list[_Raw] = []
    anchors: list[_Raw] = []
    for i, q in enumerate(raws):
        content = text[q.start : q.end]
        words = content.split()
        next_open = raws[i + 1].open_at if i + 1 < len(raws) else len(text)
        prev_close = raws[i - 1].close_at if i else 0
        # "… addressing her as “Hillary” and telling her, “…”": a quoted word or two earlier
        # in the sentence does not hide the sentence's subject.
        # Only mid-sentence ones: a short quote opening the sentence has its own cue.
        j, (s_start, _) = i - 1, ctx.sentences.span_of(q.open_at)
        while (
            j >= 0
            and len(text[raws[j].start : raws[j].end].split()) < MIN_WORDS
            and ctx.sentences.span_of(raws[j].open_at)[0] == s_start
            and re.search(r"[^\W\d_]", text[s_start : raws[j].open_at])
        ):
            prev_close = raws[j - 1].close_at if j else 0
            j -= 1
        if not words or not re.search(r"[^\W\d_]", content):
            continue
        after_w, before_w = _after_window(text, q, next_open), _before_window(ctx, q, prev_close)
        # A quote introduced by a cue ("asserted that “…”") that ends its sentence inside the
        # marks is not attributed by the next sentence's cue ("…” Clinton said she, too").
        before_first = _cue_right_before(ctx, before_w) and not re.search(r"[,?!—–-]$", content.rstrip())
        # "… dubbed the conflict: “Scientology vs. the Internet”": a name given, nobody's words.
        named = _NAMED_BEFORE_RE.search(text, before_w[0], before_w[1])
        attributed = not named and (
            _try_transcript(ctx, q)
            or (before_first and _try_before(ctx, q, before_w))
            or _try_after(ctx, q, after_w)
            or _try_before(ctx, q, before_w)
            or _try_label(ctx, q)
            or _try_subject(ctx, q)
            or _try_previous_sentence(ctx, q)
            or _try_reported_paragraph(ctx, q)
            or _try_dash_line(ctx, q)
            or _try_signature(ctx, q)
            or _try_added(ctx, q)
        )
        if len(words) < MIN_WORDS and not (attributed and q.cue and q.cue.lower() in _STRONG_CUES and re.search(r"[.!?,]$", content.strip())):
            if attributed:
                anchors.append(q)  # not a quote, but its speaker carries on to the next one
            continue
        # "Tales From the Crypt," and "13 Hours: The Secret Soldiers of Benghazi,": American
        # style puts the comma inside the marks of a title too.
        if not attributed and _is_title_like(words, re.sub(r",$", "", content.rstrip())) and not _in_headline(ctx, q):
            continue
        if len(words) <= 6 and _is_title_like(words, re.sub(r"[.,]+$", "", content.rstrip())) and _show_slot(text, q.open_at):
            continue  # "told ABC’s “This Week.”": American style puts the period inside a title
        if len(words) <= 8 and _is_title_like(words, re.sub(r"[.,!?]+$", "", content.rstrip())) and _WORK_SLOT_RE.search(text, max(0, q.open_at - 30), q.open_at):
            continue
        if not q.closed and len(words) < 8:
            continue
        kept.append(q)

    _continue_speakers(ctx, sorted(kept + anchors, key=lambda r: r.start))
    out = []
    for q in kept:
        s, e = q.start, q.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append(Quote(text=text[s:e], start=s, end=e, speaker=q.speaker, speaker_mention=q.mention, cue=q.cue, rule=q.rule or "none", confidence=q.confidence))
    return out


def _continue_speakers(ctx: _Context, quotes: list[_Raw]) -> None:
    """Split quotes and floating quote paragraphs continue the last speaker."""
    last: _Raw | None = None
    for q in quotes:
        if q.rule:
            last = q
            continue
        if last is None or (not last.speaker and not last.mention):
            continue
        if not last.speaker and ctx.paras.index_of(q.open_at) != ctx.paras.index_of(last.open_at):
            continue  # only an unresolved "it"/"they" to carry over: too weak across paragraphs
        same_para = ctx.paras.index_of(q.open_at) == ctx.paras.index_of(last.open_at)
        next_para = ctx.paras.index_of(q.open_at) == ctx.paras.index_of(last.open_at) + 1
        starts_para = ctx.paras.span_of(q.open_at)[0] == q.open_at
        # Another person named between the two quotes breaks the chain.
        # People named in the cue's own sentence ("…,” Farage told BBC Radio Four.") are
        # its objects, not new speakers.
        cue_end = ctx.sentences.span_of(last.cue_at)[1] if last.cue_at >= last.close_at else last.close_at
        named_between = any(
            max(last.close_at, cue_end) <= a < q.open_at and p.name != last.speaker and not _inside(a, last.mention_span)
            for a, _, p in ctx.person_mentions
        )
        if named_between and not same_para:
            continue
        if not same_para and _has_own_cue(ctx, q):
            continue  # the paragraph names its own speaker in a way no rule understood
        if same_para and named_between and _speech_between(ctx, last, q):
            continue  # "…,” Axelrod tweeted after Clinton argued that “…”
        if same_para and not _continues_sentence(ctx, last, q):
            continue  # "… thanked Obama for “…”": the quote has its own introduction
        if same_para:
            q.rule, q.confidence = "continuation", 0.75
        elif next_para and starts_para:
            q.rule, q.confidence = "floating", 0.6
        else:
            continue
        q.speaker, q.mention, q.cue, q.mention_span = last.speaker, last.mention, last.cue, last.mention_span
        last = q


def _inside(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def _cue_right_before(ctx: _Context, window: tuple[int, int]) -> bool:
    """Does a speech verb sit among the last four words before the quote?"""
    toks = _window_tokens(ctx.text, *window)[-4:]
    return any(t.lower in lexicon.SPEECH_FORMS for t in toks)


def _continues_sentence(ctx: _Context, last: _Raw, q: _Raw) -> bool:
    """Does ``q`` follow ``last`` as a split quote ("“…,” he said, “…”") or open the next
    sentence ("“…,” he said. But “…”")? A new sentence with a longer introduction of its
    own ("The piece goes on to slam … for implying “…”") is someone else's."""
    between = ctx.text[last.close_at : q.open_at]
    ends = [m.end() for m in re.finditer(r"[.!?]\s", between) if not _abbrev_before(between, m.start())]
    return not ends or len(between[ends[-1] :].split()) <= 3


def _speech_between(ctx: _Context, last: _Raw, q: _Raw) -> bool:
    """Is another person the subject of a speech verb between the two quotes ("Clinton
    argued that")? ``last``'s own cue does not count."""
    others = [b for a, b, p in ctx.person_mentions if last.close_at < a < q.open_at and p.name != last.speaker and not _inside(a, last.mention_span)]
    for t in _window_tokens(ctx.text, last.close_at, q.open_at):
        if t.start != last.cue_at and not ctx.inside_quote(t.start) and (t.lower in lexicon.SPEECH_FORMS or t.lower in _PHRASAL_VERBS):
            if any(0 <= t.start - b <= 30 for b in others):
                return True
    return False


_TRANSCRIPT_RE = re.compile(r"\s*((?:[A-Z][A-Z.’'-]+ ){0,3}[A-Z][A-Z.’'-]+):\s")


def _try_transcript(ctx: _Context, q: _Raw) -> bool:
    """A quoted transcript turn names its speaker in capitals: "“PENCE: Well, …”"."""
    m = _TRANSCRIPT_RE.match(ctx.text, q.start, q.end)
    if not m or len(m.group(1)) < 3 or m.group(1).lower() in _TRANSCRIPT_NON_NAMES:
        return False
    name = m.group(1)
    speaker, _ = ctx.resolve_name(" ".join(w.capitalize() for w in name.split()))
    q.speaker, q.mention, q.cue, q.cue_at = speaker, name, None, q.start + m.start(1)
    q.rule, q.confidence = "transcript", 0.8
    return True


_TRANSCRIPT_NON_NAMES = frozenset("note update editor's note correction breaking watch read more".split())


def _has_own_cue(ctx: _Context, q: _Raw) -> bool:
    """Does the quote's paragraph hold a speech verb outside quotation marks?"""
    ps, pe = ctx.paras.span_of(q.open_at)
    for t in _window_tokens(ctx.text, ps, pe):
        if t.lower in lexicon.SPEECH_FORMS and not ctx.inside_quote(t.start):
            return True
    return False


# --------------------------------------------------------------------------- ranking

RANK_MIN_WORDS = 10
RANK_MAX_WORDS = 60
RANK_PER_SPEAKER = 2


def rank_quotes(quotes: Sequence[Quote], limit: int | None = None, per_speaker: int = RANK_PER_SPEAKER) -> tuple[Quote, ...]:
    """Key quotes for a brief: attributed, substantive (10-60 words), at most
    ``per_speaker`` per speaker, best first (confidence, then length near 30 words,
    then position in the article)."""

    def score(q: Quote) -> tuple[float, int]:
        n = len(q.text.split())
        return (q.confidence - abs(n - 30) / 200.0, -q.start)

    eligible = [
        q
        for q in quotes
        if q.speaker
        and RANK_MIN_WORDS <= len(q.text.split()) <= RANK_MAX_WORDS
        and not _is_title_like(q.text.split(), q.text)
    ]
    per: dict[str, int] = {}
    out: list[Quote] = []
    for q in sorted(eligible, key=score, reverse=True):
        key = q.speaker or ""
        if per.get(key, 0) >= per_speaker:
            continue
        per[key] = per.get(key, 0) + 1
        out.append(q)
        if limit is not None and len(out) >= limit:
            break
    return tuple(out)
