"""URLs -> Batch: each URL is fetched, then read as a feed or as a web page.

``parse_url_list`` reads a ``.urls`` file (one URL per line; blank lines and
``#`` comments ignored); ``read_urls`` fetches (hosts in parallel, see
briefgen.ingest.fetch) and sniffs each response: an RSS/Atom body becomes one
Article per entry, anything else goes through page extraction. A URL that
cannot be fetched or read is a Failure named by the URL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.errors import BriefgenError, InputError
from briefgen.ingest.batch import Batch, ReadOptions
from briefgen.ingest.decode import decode_bytes
from briefgen.ingest.fetch import is_url
from briefgen.model import Failure


def parse_url_list(data: bytes, *, path: str, options: ReadOptions) -> Batch:
    text, _ = decode_bytes(data, path=path)
    urls: list[str] = []
    bad = Batch()
    for number, line in enumerate(text.splitlines(), start=1):
        line = re.split(r"\s+#", line.strip(), maxsplit=1)[0]  # "URL  # note"; a URL's own #fragment stays
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            bad.failures.append(Failure(f"{path}:{number}", f"not an http(s) URL: {line[:80]!r}"))
    if not urls and not bad.failures:
        raise InputError("URL list is empty")
    batch = read_urls(urls, options)
    batch.failures[:0] = bad.failures
    return batch


def read_urls(urls: Sequence[str], options: ReadOptions) -> Batch:
    from briefgen.ingest.feed import looks_like_feed, parse_feed
    from briefgen.ingest.html import parse_html

    batch = Batch()
    if not urls:
        return batch
    fetched = options.fetcher.get_many(urls)
    for url in dict.fromkeys(urls):
        result = fetched[url]
        try:
            if isinstance(result, BriefgenError):
                raise result
            if looks_like_feed(result.body, result.content_type):
                batch.extend(parse_feed(result.body, path=url, options=options, base_url=result.final_url))
            else:
                batch.articles.append(parse_html(result.body, path=url, url=result.final_url,
                                                 charset=result.charset, tz=options.tz))
        except BriefgenError as err:
            batch.failures.append(Failure(url, str(err)))
    return batch
