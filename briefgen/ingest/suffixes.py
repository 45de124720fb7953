"""Which file suffixes are which kind of input (one list, read by the folder walk and the readers).

``.xml`` is read as a feed only when named explicitly: folders hold too many other kinds of XML.
"""

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
TEXT_SUFFIXES = ARTICLE_SUFFIXES
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
URL_LIST_SUFFIXES = frozenset({".urls"})
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | URL_LIST_SUFFIXES
FOLDER_SUFFIXES = ALL_SUFFIXES - {".xml"}
