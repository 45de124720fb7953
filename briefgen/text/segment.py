"""Paragraphs, sentences and words as character spans, offline and rule-based.

``split_paragraphs(text) -> [(start, end)]``, ``split_sentences(text) -> [Sentence]`` (offsets into
``text``, whitespace trimmed, never crossing a paragraph), ``tokenize_words(text) -> [str]`` and
``SumyTokenizer`` (the same rules behind sumy's tokenizer interface, so sumy never needs NLTK data).
Nothing here raises on any string; everything is one pass of compiled regexes plus local look-ups.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from briefgen.model import Sentence

__all__ = ["split_paragraphs", "split_sentences", "tokenize_words", "SumyTokenizer"]

# --- paragraphs ----------------------------------------------------------------------------------

# A blank line (possibly holding spaces) always ends a paragraph.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# "\r" alone is a line break too (old Mac files, some CMS exports).
_LINE_OR_CR = re.compile(r"[^\n\r]+")
_LINE_END_TERMINAL = re.compile(r"""[.!?…:;"”’'»)\]]\s*$""")


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block's single newlines look like a fixed-width wrap, not paragraph breaks.

    One-paragraph-per-line text (the seed articles) has lines of very different lengths that end
    in sentence punctuation; wrapped prose has lines of nearly equal width that mostly end mid-clause.
    """
    body = [ln.strip() for ln in lines[:-1]]
    if not body:
        return False
    if len(body) == 1:
        # two lines are too few to judge widths: join only a clause broken before a lower-case word
        nxt = lines[-1].lstrip()
        return (len(body[0]) >= 30 and not _LINE_END_TERMINAL.search(body[0])
                and nxt[:1].islower())
    widest = max(len(ln) for ln in body)
    if not 30 <= widest <= 120:
        return False
    even = sum(1 for ln in body if len(ln) >= 0.6 * widest)
    open_ended = sum(1 for ln in body if not _LINE_END_TERMINAL.search(ln))
    return even >= 0.75 * len(body) and open_ended >= 0.6 * len(body)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``, trimmed of whitespace, in order and never empty.

    Blank lines separate paragraphs. Inside a block, each line is its own paragraph unless the
    block looks hard-wrapped (see ``_is_hard_wrapped``), in which case the block is one paragraph.
    """
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int]] = []
    block_start = 0
    breaks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)] + [(len(text), len(text))]
    for b_start, b_end in breaks:
        lines = _lines(text, block_start, b_start)
        if len(lines) > 1 and _is_hard_wrapped([text[s:e] for s, e in lines]):
            lines = [(lines[0][0], lines[-1][1])]
        for s, e in lines:
            s, e = _trimmed(text, s, e)
            if s < e:
                spans.append((s, e))
        block_start = b_end
    return spans


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _LINE_OR_CR.finditer(text, start, end):
        if not text[m.start():m.end()].isspace():
            out.append((m.start(), m.end()))
    return out

# --- sentences: vocabulary -------------------------------------------------------------------------

# Abbreviations after which a capitalised word or a number never starts a new sentence.
_TITLES = frozenset("""
mr mrs ms messrs mmes mme mlle dr drs prof profs rev revd fr hon pres gov govs sen sens rep reps
gen lt col maj capt cpt cmdr cdr adm sgt cpl pvt brig supt insp det amb atty asst assoc
st ste mt ft e.g i.e cf viz vs v
""".split())

# Abbreviations that are followed by a number ("No. 5", "p. 55", "Jan. 20", "Rs. 3520").
_BEFORE_NUMBER = frozenset("""
no nos nr n° num p pp vol vols fig figs ch chap sec sect art arts para op eq eqs ex tel ext ph
rs ref pg pgs approx ca c est
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

# Abbreviations that often end a sentence but usually do not: a sentence break follows them only
# when the next word is a typical sentence opener ("& Co. It closed" vs "Apple Inc. Chief").
_SUFFIXES = frozenset("""
inc co corp cos ltd llc plc bros jr sr esq assn univ dept govt intl natl al ave blvd rd hwy
lbs lb oz yds yd mi sq
""".split())
# US state abbreviations; case-sensitive because several are also words ("ill", "miss").
_STATES = frozenset("""
Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
Neb Nebr Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo
""".split())

# Words that begin sentences far more often than they follow an abbreviation.
_STARTERS = frozenset("""
the a an he she it they we i you this that these those there his her their its our my your
in on at but and or so yet if when while after before as since although though however meanwhile
also then now today yesterday tomorrow what why how who where which whose did do does is are was
were will would can could should may might must not no all some many most one both each every
according despite during under with by from for to instead still even only such another more other
several here thus hence later earlier last next first finally overall once i'm i've i'd it's he's
she's there's that's we're they're we've they've let let's please nor
""".split())

_OPENERS = "\"'`“‘«„‚([{¿¡"
_CLOSERS = "\"'”’»)]}"
_CJK_TERMINAL = "。．！？"

# A run of terminal punctuation (with spaced ellipses ". . ."), then closing quotes, brackets and
# footnote markers such as "[7][8]".
_TERM = re.compile(
    r"(?P<run>[.!?…‽。．！？]+(?:[ ][.…]+)*)"
    r"(?P<close>(?:[\"'”’»)\]}]|\[\d{1,3}(?:[–-]\d{1,3})?\])*(?: [\"”](?=\s|$))?)"
)
_NUMBER = re.compile(r"[$£€¥%]?\d[\d.,:/%]*")
_URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|gov|edu|int|io|co|uk|de|fr|html?|php|aspx?)\b", re.I)
_MARKER_WORD = re.compile(r"[•⁃▪‣◦·*–-]?\s*\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5}|[IVXLC]{1,5})")

# List items: "1.", "2)", "a.", "(iv)", "• 9.", "⁃10." at the start or after whitespace.
_MARKER = re.compile(
    r"(?<!\S)(?P<bullet>[•⁃▪‣◦·*][^\S\n]*)?(?P<open>\()?"
    r"(?P<val>\d{1,2}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})(?P<close>\.\)|\.|\))(?=\s)"
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

_DOUBLE_QUOTES = re.compile(r"[\"“”„«»]|``|''")
_SINGLE_MARKS = re.compile(r"['‘’`]")

# Reference numbers glued to a full stop, before a capitalised word.
_FOOTNOTE = re.compile(r"\d{1,3}(?: \d{1,3})*(?=\s+[A-Z][a-z])")

_SCAN_LIMIT = 48  # how far to look for a neighbouring word; keeps junk input linear


# --- sentences: quotations ----------------------------------------------------------------------


def _quote_spans(para: str) -> list[tuple[int, int]]:
    """Balanced quotations in one paragraph as (opening index, closing index).

    An opening mark without a partner inside the paragraph is ignored, so a stray quote never
    protects the rest of the text.
    """
    spans: list[tuple[int, int]] = []
    opened = -1
    for m in _DOUBLE_QUOTES.finditer(para):
        i, q = m.start(), m.group()
        if q in "“„«" or q == "``":
            opened = i
        elif q in "”»" or q == "''":
            if opened >= 0:
                spans.append((opened, m.end() - 1))
                opened = -1
        elif opened >= 0:  # straight quote closing an open one
            spans.append((opened, i))
            opened = -1
        elif i == 0 or para[i - 1].isspace() or para[i - 1] in "([{—–-:/":
            opened = i
    # Single marks double as apostrophes, so a quotation opens only before a word and closes only
    # after one; whichever comes next wins, which keeps every span short and local.
    opened = -1
    n = len(para)
    for m in _SINGLE_MARKS.finditer(para):
        i = m.start()
        before = para[i - 1] if i else " "
        after = para[i + 1] if i + 1 < n else " "
        if before == "`" or after == "`":
            continue  # part of a ``double'' quote
        if (after.isalnum() or after == "_") and not (before.isalnum() or before in "'’`"):
            if para[i] != "’":
                opened = i
        elif opened >= 0 and not before.isspace() and before not in "'‘`" and \
                not (after.isalnum() or after in "'’"):
            if para[i] in "'’":
                spans.append((opened, i))
                opened = -1
    spans.sort()
    return spans


def _continues_after(para: str, pos: int) -> bool:
    """True when the text after ``pos`` carries on the same sentence (lower case or a comma)."""
    n = len(para)
    j = pos
    while j < n and para[j].isspace():
        j += 1
    if j >= n:
        return False
    c = para[j]
    return c.islower() or c in ",;:–—"


def _protected_spans(para: str, whole_quotes: bool) -> list[tuple[int, int]]:
    """Quotations whose inner sentence punctuation must not split the sentence.

    A quotation followed by lower case or a comma ("“… future.” he added", "“… must,” said Lee")
    is part of one longer sentence. Other quotations are split at their own sentence ends, as
    news treebanks (GUM) do; ``whole_quotes`` keeps every balanced quotation whole instead.
    """
    spans = _quote_spans(para)
    if whole_quotes:
        return spans
    return [(o, c) for o, c in spans if _continues_after(para, c + 1)]


# --- sentences: list items ----------------------------------------------------------------------


def _roman(s: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(s.lower()):
        v = _ROMAN.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


# Picture credits ("... Ahmed Mohamed Image: Twitter") and datelines ("Thursday, May 7, 2015 On
# Tuesday, ...") start a new sentence even though nothing punctuates the end of the previous one.
_CREDIT = re.compile(r"(?<=[^\s:])[^\S\n]+(?P<cut>(?:Image|Photo|Photograph|Picture)s?:[^\S\n])")
_DATELINE = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[^\S\n]+[A-Z][a-z]+\.?[^\S\n]+\d{1,2},[^\S\n]+\d{4}"
    r"[^\S\n]+(?P<cut>[A-Z])"
)


def _unpunctuated_cuts(para: str) -> list[int]:
    cuts = [m.start("cut") for m in _CREDIT.finditer(para)]
    m = _DATELINE.match(para)
    if m:
        cuts.append(m.start("cut"))
    return cuts


def _list_cuts(para: str) -> list[int]:
    """Start offsets of list items that run on inside one paragraph ("1. A 2. B", "a) x b) y").

    A marker counts only as part of a sequence (1, 2 or a, b, c), because a lone "I." or "2." is
    usually a pronoun, an initial or a number.
    """
    found: list[tuple[str, int, int, bool]] = []  # kind, value, start, next-is-upper
    for m in _MARKER.finditer(para):
        val = m.group("val")
        # bullets make any sequence a list ("• 9. ... • 10."); bare markers must count from 1 or a
        style = ("•" if m.group("bullet") else "") + (m.group("open") or "") + m.group("close")
        j = m.end()
        while j < len(para) and para[j].isspace():
            j += 1
        upper = j < len(para) and not para[j].islower()
        start = m.start()
        if val.isdigit():
            found.append(("d" + style, int(val), start, upper))
        else:
            if len(val) == 1:
                found.append(("a" + style if val.islower() else "A" + style,
                              ord(val.lower()) - 96, start, upper))
            if set(val.lower()) <= set("ivx"):
                found.append(("r" + style, _roman(val), start, upper))
    if len(found) < 2:
        return []
    cuts: set[int] = set()
    by_kind: dict[str, list[tuple[int, int, bool]]] = {}
    for kind, value, start, upper in found:
        by_kind.setdefault(kind, []).append((value, start, upper))
    for kind, items in by_kind.items():
        need = 2 if kind[0] in "dr" else 3
        # chains of consecutive values in text order
        chains: list[list[tuple[int, int, bool]]] = []
        waiting: dict[int, list[tuple[int, int, bool]]] = {}  # next value -> chain expecting it
        for item in items:
            chain = waiting.pop(item[0], None)
            if chain is None:
                chain = []
                chains.append(chain)
            chain.append(item)
            waiting[item[0] + 1] = chain
        for chain in chains:
            if len(chain) < need or (kind[0] == "d" and "•" not in kind and chain[0][0] != 1):
                continue
            if kind[0] == "d" and "." in kind and not all(u for _, _, u in chain):
                continue  # "for 1. above ... for 2. above" is prose, not a list
            cuts.update(start for _, start, _ in chain)
    return sorted(cuts)


# --- sentences: the boundary decision -----------------------------------------------------------


def _prev_token(para: str, s: int, lo: int) -> str:
    j = s
    stop = max(lo, s - _SCAN_LIMIT)
    while j > stop and not para[j - 1].isspace():
        j -= 1
    return para[j:s]


def _next_token(para: str, n: int) -> str:
    j = n
    stop = min(len(para), n + _SCAN_LIMIT)
    while j < stop and not para[j].isspace():
        j += 1
    return para[n:j]


def _bare(word: str) -> str:
    return word.strip(_OPENERS + _CLOSERS + ",;:").lower()


def _is_capital(c: str) -> bool:
    return c.isalpha() and not c.islower()


def _starts_like_sentence(c: str, nxt: str) -> bool:
    if _is_capital(c) or c in _OPENERS or c in "•$£€#¿¡*":
        return True
    if c == "-" and nxt == "-":
        return True  # "What do you see? - Posted like ..." (a dialogue dash)
    return False


def _period_boundary(word: str, c: str, nxt: str) -> bool:
    """Whether "word." followed by a word starting with ``c`` ends a sentence."""
    core = word.lstrip(_OPENERS + "-–—")
    if "-" in core[1:]:
        core = core.rsplit("-", 1)[1] or core  # "then-Sen.", "ex-Gov."
    low = core.lower()
    if c.isdigit():
        # "said. 25 people died" ends a sentence; "No. 5", "News Corp. 18 months", "1999. 2000" rarely do
        return not (low in _BEFORE_NUMBER or low in _TITLES or low in _SUFFIXES or core in _STATES
                    or _NUMBER.fullmatch(core) or len(core) < 2 or "." in core)
    if not _starts_like_sentence(c, nxt):
        return False
    starter = _bare(nxt) in _STARTERS
    if low in _TITLES:
        return False
    if low in _SUFFIXES or core in _STATES:
        return starter
    if len(core) == 1 and core.isalpha():
        return starter  # an initial ("George W. Bush") unless a sentence obviously starts
    if "." in core and not _URLISH.search(core):
        pieces = core.split(".")
        if all(1 <= len(p) <= 3 and p.isalpha() for p in pieces):
            if low in ("a.m", "p.m") and core in ("A.M", "P.M"):
                return _is_capital(c)
            return starter  # "U.S. Army" vs "the U.S. The"
    return True


def _boundary(para: str, m: re.Match[str], last_cut: int) -> int | None:
    """Offset where the sentence ends for terminator match ``m``, or None if it does not end."""
    s, e = m.start(), m.end()
    run, close = m.group("run"), m.group("close")
    # Only the start of a sentence matters here; long gaps are cut short to stay linear.
    so_far = para[last_cut:s].strip() if s - last_cut <= 64 else "..."
    if not so_far:
        return None  # ". . . The practice": an ellipsis that opens a sentence
    n = len(para)
    if e < n and not para[e].isspace():
        return _glued_boundary(para, m, last_cut)
    word = _prev_token(para, s, last_cut)
    if word and not word.strip(_OPENERS):
        if not (word.endswith("[") and close.startswith("]") and run[0] in ".…"):
            return None  # "[?]", "(!)": a comment, not the end of a sentence
        # "[...] However": an omission that ends the quoted sentence, but "[...] used" does not
        j = e
        while j < n and para[j].isspace():
            j += 1
        return e if j < n and close == "]" and _is_capital(para[j]) else None
    if _MARKER_WORD.fullmatch(so_far) and run[0] == ".":
        return None  # "1. The first item", "Q. What is ...", "a.) one"
    if e >= n:
        return e
    j = e
    while j < n and para[j].isspace():
        j += 1
    if j >= n:
        return e
    c = para[j]
    nxt = _next_token(para, j)
    if "!" in run or "?" in run or "‽" in run or run[0] in _CJK_TERMINAL:
        if c.isdigit():
            return None
        return e if _starts_like_sentence(c, nxt) else None
    dots = run.count(".") + run.count("…")
    if dots >= 2 or "…" in run:
        if " " in run and not close:
            attached = not para[s - 1].isspace()
            if attached and run.count(".") >= 4 and _starts_like_sentence(c, nxt):
                return s + 1  # "compounds. . . . The": a full stop, then an ellipsis
            if not attached and run.count(".") == 3:
                return None  # ". . ." between spaces marks an omission inside a sentence
        return e if _starts_like_sentence(c, nxt) else None
    return e if _period_boundary(word, c, nxt) else None


def _glued_boundary(para: str, m: re.Match[str], last_cut: int) -> int | None:
    """Terminators with no space after them: "world.Today", "one．Two", "(1987).1 According",
    but not "U.S.A", "3.5" or URLs."""
    s, e = m.start(), m.end()
    run, close = m.group("run"), m.group("close")
    if run[-1] in _CJK_TERMINAL:
        return e
    if run != "." or close or s == 0:
        return None
    after = para[e:e + 2]
    before = para[s - 1]
    if after[:1].isdigit():
        if before.islower() or before == ")":
            f = _FOOTNOTE.match(para, e)
            if f:
                return f.end()  # "... in a consultation.11 12 Take the example"
        return None
    if len(after) < 2 or not (after[0].isupper() and after[1].islower()):
        return None
    if not (before.islower() or before.isdigit()):
        return None
    word = _prev_token(para, s, last_cut)
    nxt = _next_token(para, e)
    if len(word) < 2 or len(nxt) < 3 or _URLISH.search(word + "." + nxt):
        return None
    return e  # "Hello world.Today is Tuesday."


def _sentence_spans(para: str, whole_quotes: bool) -> Iterator[tuple[int, int]]:
    protected = _protected_spans(para, whole_quotes)
    open_at = [o for o, _ in protected]
    cuts = _list_cuts(para)
    if ":" in para or "day," in para:
        cuts = sorted(set(cuts).union(_unpunctuated_cuts(para)))
    ci = 0
    last_cut = 0
    for m in _TERM.finditer(para):
        s = m.start()
        while ci < len(cuts) and cuts[ci] <= s:
            if cuts[ci] > last_cut:
                yield last_cut, cuts[ci]
                last_cut = cuts[ci]
            ci += 1
        # Inside a protected quotation, unless this punctuation run closes it ("… Monday.”").
        e = m.end()
        k = bisect_right(open_at, s) - 1
        if k >= 0 and s < protected[k][1] and e <= protected[k][1]:
            continue
        if k >= 1 and any(o < s and e <= c for o, c in protected[max(0, k - 3):k]):
            continue  # inside an enclosing quotation that began earlier
        end = _boundary(para, m, last_cut)
        if end is not None and end > last_cut:
            yield last_cut, end
            last_cut = end
    for cut in cuts[ci:]:
        if cut > last_cut:
            yield last_cut, cut
            last_cut = cut
    yield last_cut, len(para)


def split_sentences(text: str, *, whole_quotes: bool = False) -> list[Sentence]:
    """Sentences of ``text`` as trimmed character spans; ``text[s.start:s.end] == s.text``.

    A sentence never crosses a paragraph (see ``split_paragraphs``). Quotations followed by their
    attribution stay in one sentence; ``whole_quotes=True`` never splits inside any quotation.
    """
    out: list[Sentence] = []
    try:
        paragraphs = split_paragraphs(text)
    except Exception:  # pragma: no cover - defensive: segmentation must never stop a brief
        paragraphs = [(0, len(text))] if isinstance(text, str) else []
    for p_index, (ps, pe) in enumerate(paragraphs):
        para = text[ps:pe]
        try:
            spans = list(_sentence_spans(para, whole_quotes))
        except Exception:  # pragma: no cover - defensive, as above
            spans = [(0, len(para))]
        for s, e in spans:
            s, e = _trimmed(para, s, e)
            if s < e:
                out.append(Sentence(index=len(out), start=ps + s, end=ps + e,
                                    text=text[ps + s:ps + e], paragraph=p_index))
    return out


# --- words ----------------------------------------------------------------------------------------

_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"      # U.S., e.g., a.m.
    r"|[$£€¥]?\d+(?:[.,:/]\d+)*%?"         # 1,000  3.5  10:30  50%
    r"|[^\W_]+(?:[-'’][^\W_]+)*"           # words, hyphenated words, don't, Lee's
)


def tokenize_words(text: str) -> list[str]:
    """Word tokens of ``text``: words (hyphens and apostrophes kept), numbers and dotted acronyms.

    Punctuation-only tokens are dropped.
    """
    if not isinstance(text, str):
        return []
    return _WORD.findall(text)


class SumyTokenizer:
    """sumy's tokenizer interface on briefgen's own rules: works with no NLTK data installed.

    ``SumyTokenizer(whole_quotes=True)`` never splits inside a quotation (see ``split_sentences``).
    """

    language = "english"

    def __init__(self, whole_quotes: bool = False) -> None:
        self.whole_quotes = whole_quotes

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph, whole_quotes=self.whole_quotes))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize_words(sentence))
