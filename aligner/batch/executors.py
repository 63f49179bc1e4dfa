"""Where the sources are checked: local worker processes (the default) or a Dask cluster.

Both run :func:`aligner.batch.work.check_one` (or the ``work`` function given) on every task
and yield each source's summary record as it finishes, in completion order. Neither loses the
other sources when one fails: ``check_one`` turns a source's error into a ``failed`` record,
and a worker process that dies (a crash in native code, the kernel's OOM killer) costs only the
source it was checking.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from ..config import Config
from ..errors import ConfigError
from .plan import Task
from .work import failed_record

Work = Callable[[Task, Config], dict]

WORKER_DIED = "the worker process died while checking this source"
DASK_MISSING = "--executor dask needs Dask: pip install 'aligner[dask]'"


@dataclass(frozen=True)
class ExecutorParams:
    """Limits of the executors."""

    #: Pool restarts after which the local executor gives up on the rest (each restart that
    #: follows a death retries the suspected sources one by one, so this is only a backstop).
    max_restarts: int = 50
    #: Seconds to wait for a Dask scheduler named by --scheduler.
    connect_timeout_s: float = 30.0


PARAMS = ExecutorParams()


def run_local(tasks: Sequence[Task], config: Config, work: Work, jobs: int,
              params: ExecutorParams = PARAMS) -> Iterator[dict]:
    """Check ``tasks`` in ``jobs`` worker processes.

    A worker that dies breaks a :class:`ProcessPoolExecutor` and fails every unfinished
    future with it. The pool is then restarted: the sources that were being checked when it
    broke (their workers left a marker) are retried alone, each in a pool of its own, so the one
    that kills its worker is found and reported failed; the others are resubmitted.
    """
    context = _context()
    pending = list(tasks)
    suspects: list[Task] = []
    restarts = 0
    while pending or suspects:
        for task in suspects:
            yield from _run_pool([task], config, work, 1, context, on_break=lambda t: None)
        suspects = []
        if not pending:
            break
        broken: list[Task] = []
        yield from _run_pool(pending, config, work, jobs, context, on_break=broken.append)
        restarts += 1 if broken else 0
        if restarts > params.max_restarts:
            for task in broken:
                yield failed_record(task, WORKER_DIED)
            break
        suspects = [t for t in broken if t.marker_path.exists()]
        pending = [t for t in broken if not t.marker_path.exists()]
        if broken and not suspects:
            # Nothing was marked (the markers could not be written): retry each alone.
            suspects, pending = pending, []


def _context() -> multiprocessing.context.BaseContext:
    """Worker processes forked from a fork server that has already imported the pipeline: they
    start in milliseconds, and none is forked from a parent that holds threads (the Dask client,
    an encoder's thread pool). Where there is no fork server (Windows), they are spawned."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["aligner.batch.work"])
    return context


def _run_pool(tasks: Sequence[Task], config: Config, work: Work, jobs: int, context,
              on_break: Callable[[Task], None]) -> Iterator[dict]:
    """Run ``tasks`` in one pool; the tasks a broken pool did not finish go to ``on_break``
    (or, for a pool of one task, are reported as the failure that broke it)."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    futures: dict[Future, Task] = {}
    broke = False
    try:
        futures = {pool.submit(work, task, config): task for task in tasks}
        waiting = set(futures)
        while waiting:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                task = futures[future]
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broke = True
                    if len(tasks) == 1:
                        yield failed_record(task, WORKER_DIED)
                    else:
                        on_break(task)
                except Exception as exc:  # e.g. a result that cannot be pickled
                    yield failed_record(task, f"{type(exc).__name__}: {exc}")
    finally:
        if broke:
            _end_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the workers a broken pool has left. CPython terminates them itself, but a worker
    its terminate skipped (seen once on 3.11: an idle worker still waiting on the task queue)
    makes its clean-up, and with it ``shutdown``, wait forever."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.kill()


def run_dask(tasks: Sequence[Task], config: Config, work: Work, jobs: int,
             scheduler: str | None, params: ExecutorParams = PARAMS) -> Iterator[dict]:
    """Check ``tasks`` on a Dask cluster: the scheduler at ``scheduler``, else a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes.

    Dask reschedules the task of a worker that dies on another worker; a task that has killed
    ``distributed.scheduler.allowed-failures`` + 1 workers fails with ``KilledWorker``, which is
    reported as that source's failure.
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError(DASK_MISSING) from None
    import logging

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=params.connect_timeout_s)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} "
                              f"({' '.join(str(exc).split()) or type(exc).__name__})") from None
    else:
        import dask

        # One task at a time per worker: a worker that dies then takes only the source it was
        # checking with it, and Dask blames no innocent source for the death.
        with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    futures = []
    try:
        # The settings (with the glossary read) go to each worker once, not with every task.
        shared = client.scatter(config, broadcast=True, hash=False)
        futures = client.map(work, list(tasks), config=shared, pure=False)
        by_key = {f.key: t for f, t in zip(futures, tasks)}
        for future in as_completed(futures):
            task = by_key[future.key]
            try:
                yield future.result()
            except Exception as exc:  # KilledWorker, a lost connection...
                reason = (f"{WORKER_DIED} (Dask KilledWorker)"
                          if type(exc).__name__ == "KilledWorker"
                          else f"{type(exc).__name__}: {exc}")
                yield failed_record(task, reason)
            future.release()
    finally:
        client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()
