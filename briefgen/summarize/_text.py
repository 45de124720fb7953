"""Sentence texts -> the words, stems and stop words every summarizer shares.

All engines see the same words: the tokens sumy's own ``Tokenizer.to_words``
would keep (letters, apostrophes and hyphens; no numbers, no ``U.S.``),
produced offline by ``briefgen.text.segment.SumyTokenizer``. Stems are the
ones sumy's English Snowball stemmer gives (nltk's), computed by the
``snowballstemmer`` package instead: reaching nltk's stemmer imports nltk and
scipy.stats, about a second per process. The stop words are sumy's English
list, read from sumy's data file (no download, no ``sumy.utils`` imports).
"""

from __future__ import annotations

import pkgutil
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefgen.text.segment import SumyTokenizer
from briefgen.text.segment.words import tokenize_words

# sumy's word filter: a token is a word when it starts with a letter and holds
# only letters, apostrophes and hyphens.
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class _SumyWords:
    """briefgen's tokenizer with sumy's word filter applied, as stock sumy would do."""

    def __init__(self, inner) -> None:
        self._inner = inner

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._inner.to_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(filter(_WORD.match, self._inner.to_words(sentence)))


@lru_cache(maxsize=1)
def sumy_tokenizer():
    """The offline tokenizer handed to sumy (``to_sentences``/``to_words``)."""
    return _SumyWords(SumyTokenizer())


# nltk maps these to "'" before stemming; Snowball itself knows only "'"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'"})


def _snowball_english() -> Callable[[str], str]:
    """Snowball 2.x English: PyStemmer (the same generated code in C, ~20x faster)
    where a 2.x release is installed, else snowballstemmer's pure-Python class.

    Named explicitly rather than through ``snowballstemmer.stemmer()``, which
    would hand back whatever PyStemmer is installed, whose Snowball release may
    differ. Snowball 2.x is the Porter2 revision nltk implements; 3.x revised
    English ("university", "international" stem differently).
    """
    from importlib.metadata import PackageNotFoundError, version  # once per process

    try:
        c_release = version("PyStemmer")
    except PackageNotFoundError:
        c_release = ""
    if c_release.startswith("2."):
        import Stemmer  # optional C twin: lazy, absent in most installs

        return Stemmer.Stemmer("english").stemWord
    # lazy: the package imports the classes of all its ~30 languages
    import snowballstemmer

    return snowballstemmer.EnglishStemmer().stemWord


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    """Lower-case word -> the stem nltk's ``EnglishStemmer`` (sumy's) gives it.

    nltk leaves words of two letters or fewer as they are, and maps curly
    apostrophes to "'" before stemming; Snowball knows only "'".
    """
    stem_word = _snowball_english()

    def nltk_stem(word: str) -> str:
        if len(word) <= 2:
            return word
        return stem_word(word.translate(_APOSTROPHES))

    return nltk_stem


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words, parsed as ``sumy.utils.parse_stop_words`` does."""
    data = pkgutil.get_data("sumy", "data/stopwords/english.txt") or b""
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """Lower-case then stem, memoised: sumy re-stems every word on every call."""
    s = _stem_cache.get(word)
    if s is None:
        s = stemmer()(word.lower())
        if len(_stem_cache) < 500_000:
            _stem_cache[word] = s
    return s


@dataclass(frozen=True)
class Words:
    """The words of each sentence in the forms the algorithms need."""

    words: tuple[tuple[str, ...], ...]  # sumy's to_words output, original case
    lower: tuple[tuple[str, ...], ...]
    stems: tuple[tuple[str, ...], ...]  # every word, stemmed
    content: tuple[tuple[str, ...], ...]  # stems of non-stop words

    def __len__(self) -> int:
        return len(self.words)


def analyse(texts: Sequence[str]) -> Words:
    # sumy_tokenizer().to_words, inlined: this runs on every sentence of every article
    match = _WORD.match
    return analyse_words([tuple(filter(match, tokenize_words(t))) for t in texts])


_word_cache: dict[str, tuple[str, str, bool]] = {}


def _word(w: str) -> tuple[str, str, bool]:
    """A word as it appears -> (lower case, stem, is a stop word), memoised."""
    low = w.lower()
    info = (low, stem(low), low in stop_words())
    if len(_word_cache) < 500_000:
        _word_cache[w] = info
    return info


def analyse_words(word_lists: Sequence[Sequence[str]]) -> Words:
    """``analyse`` for sentences already split into words."""
    get = _word_cache.get
    words, lower, stems, content = [], [], [], []
    # one memo lookup per word and the columns split by zip: this runs for every word of
    # every article, so a function call per word is most of its cost
    for ws in word_lists:
        infos = [get(w) or _word(w) for w in ws]
        if infos:
            low, st, stop = zip(*infos)
        else:
            low = st = stop = ()
        words.append(tuple(ws))
        lower.append(low)
        stems.append(st)
        content.append(tuple(s for s, x in zip(st, stop) if not x))
    return Words(tuple(words), tuple(lower), tuple(stems), tuple(content))
