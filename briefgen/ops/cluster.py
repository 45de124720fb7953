"""The per-article analysis on a Dask distributed cluster (``build --executor dask``).

Only the analysis leaves the driver: chunks of articles go to the workers, their digests
come back in input order; grouping, story memory and rendering stay here. The same chunk
function as the local pool (briefgen.analysis.analyze_chunk) runs there, so the output is
the same bytes as a local run.

Before any work is sent, every worker is asked for its briefgen version and code
fingerprint (briefgen.ops.cache.code_fingerprint, when the version is the same); a worker
that differs stops the run with one line naming it, because a mixed cluster would make a
brief that depends on which worker got which article. Dask is an optional extra
(``pip install 'briefgen[dask]'``); without it, or with a scheduler that does not answer,
the run stops with one line too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from briefgen.errors import BriefgenError
from briefgen.model import Article, Digest, Failure

log = logging.getLogger(__name__)

CONNECT_SECONDS = 10


class ClusterError(BriefgenError):
    """The cluster cannot be used: Dask missing, the scheduler unreachable, a worker mismatched."""


def worker_identity() -> tuple[str, str]:
    """(version, analysis-code fingerprint) of the briefgen this process imports; run on each worker."""
    from briefgen.ops.cache import code_fingerprint
    from briefgen.version import __version__

    return __version__, code_fingerprint()


def driver_identity() -> tuple[str, str]:
    """What every worker must match: this process's (version, fingerprint)."""
    return worker_identity()


def connect(scheduler: str | None) -> Any:
    """A dask.distributed Client for ``scheduler``, or ClusterError (one line)."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--executor dask needs Dask: pip install 'briefgen[dask]'") from None
    if not scheduler:
        raise ClusterError("--executor dask needs --scheduler tcp://HOST:8786")
    try:
        return Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} within {CONNECT_SECONDS} s: "
                           f"{_one_line(err)}") from None
    except ValueError as err:  # an address Dask cannot parse
        raise ClusterError(f"cannot use the Dask scheduler address {scheduler!r}: {_one_line(err)}") from None


def check_workers(client: Any, scheduler: str | None) -> int:
    """The number of workers, after checking each runs this briefgen; ClusterError otherwise."""
    mine = driver_identity()
    try:
        theirs = client.run(worker_identity)
    except Exception as err:  # a worker without briefgen answers with an import error
        raise ClusterError(f"the Dask workers at {scheduler} cannot run briefgen ({_one_line(err)}); "
                           f"install briefgen {mine[0]} on every worker") from None
    if not theirs:
        raise ClusterError(f"the Dask scheduler at {scheduler} has no workers")
    for address, (version, fingerprint) in sorted(theirs.items()):
        if version != mine[0]:
            raise ClusterError(f"Dask worker {address} runs briefgen {version}, this driver {mine[0]}; "
                               f"install the same version on every worker")
        if fingerprint != mine[1]:
            raise ClusterError(f"Dask worker {address} runs briefgen {version} with other analysis code or "
                               f"data than this driver; install the same build on every worker")
    return len(theirs)


def analyze_on_cluster(articles: Sequence[Article], options: Any, scheduler: str | None, *,
                       run_chunk: Callable[[Any], Any], make_task: Callable[[Sequence[Article], Any], Any],
                       progress: Callable[[int, int], None] | None = None) -> list[Digest | Failure]:
    """Each article's Digest or Failure, in input order, analysed by the cluster's workers:
    ``run_chunk(make_task(chunk, options))`` on each chunk (the local pool's own functions,
    passed in so this module needs nothing of the analysis)."""
    from briefgen.parallel import chunk_size, chunks, replay

    if not articles:
        return []
    client = connect(scheduler)
    try:
        workers = check_workers(client, scheduler)
        parts = chunks(articles, chunk_size(len(articles), workers))
        log.info("analysing %d article(s) on %d Dask worker(s) at %s", len(articles), workers, scheduler)
        futures = client.map(run_chunk, [make_task(p, options) for p in parts], pure=False)
        done = 0
        index = {f.key: k for k, f in enumerate(futures)}
        results: list[Any] = [None] * len(parts)
        from distributed import as_completed

        try:
            for future in as_completed(futures, loop=client.loop):
                k = index[future.key]
                results[k] = future.result()
                done += len(parts[k])
                if progress is not None:
                    progress(done, len(articles))
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"lost the Dask cluster at {scheduler}: {_one_line(err)}") from None
    finally:
        client.close()
    merged: list[Digest | Failure] = []
    for chunk_results, lines in results:
        replay(lines)
        merged.extend(chunk_results)
    return merged


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 200 else text[:197] + "..."
