"""Imported by the analysis pool's fork server only (``parallel._context``): one small analysis
loads every vocabulary, gazetteer and compiled pattern once in the server, so each worker
forked from it starts with them rather than loading its own (the name lists alone take a
few tenths of a second a worker). The text is invented."""

from briefgen.analysis import AnalysisOptions, analyze_article
from briefgen.model import Article

analyze_article(Article(path="warm-up", title="Elbury ferry runs again", source="Elbury Courier",
                        text="Ada Vale, the mayor of Elbury, said on Monday: \"The ferry runs again.\" "
                             "The Elbury Port Authority (EPA) agreed, officials in Kestrel said."),
                AnalysisOptions(summary=True))
