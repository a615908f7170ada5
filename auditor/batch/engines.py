"""Where chunks of documents are audited: in this process, in local worker processes, or
on a Dask cluster. Every engine runs the same function (:mod:`auditor.batch.worker`) and
yields its plain results as chunks complete.

Engines keep a bounded number of chunks in flight, so memory does not grow with the
corpus. When a worker dies (a crash in native code, the out-of-memory killer), the chunks
it may have held are retried one document at a time, alone, so the document that kills
a worker is found and reported and the others are audited. Local workers die with the
main process, even when it is killed (see :func:`die_with_parent`).
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from auditor.batch.inputs import Item
from auditor.batch.worker import WorkerSpec, failure, init_process, process_chunk, process_items
from auditor.errors import AuditorError

ENGINES = ("local", "dask")


class EngineError(AuditorError):
    """The engine cannot start (Dask missing, scheduler unreachable...)."""


class WorkerCrashed(AuditorError):
    """A worker died while auditing a document (reported as that document's failure)."""


Result = list[dict[str, Any]]

#: prctl(2) option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int, interval: float = 0.5) -> None:
    """Make this worker process end when ``parent_pid`` (the batch) ends.

    A killed batch cannot stop its workers, and a worker blocked writing a result to the
    dead parent's pipe would wait for ever. On Linux the kernel sends SIGKILL on the
    parent's death (``PR_SET_PDEATHSIG``); everywhere a watchdog thread sees the process
    re-parented and exits.
    """
    _ask_kernel_for_death_signal()
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)
    watchdog = threading.Thread(
        target=_watch_parent, args=(parent_pid, interval), name="auditor-parent", daemon=True
    )
    watchdog.start()


def _ask_kernel_for_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # an unusual libc: the watchdog thread still ends the worker


def _watch_parent(parent_pid: int, interval: float) -> None:
    while os.getppid() == parent_pid:
        time.sleep(interval)
    os._exit(1)  # no cleanup: anything a worker holds is the dead batch's


def init_local_worker(spec: WorkerSpec, auditor, parent_pid: int) -> None:
    """Initializer of a :class:`ProcessEngine` worker: dies with ``parent_pid``, then
    :func:`~auditor.batch.worker.init_process`."""
    # A forked worker inherits the batch's SIGTERM handler, which raises
    # KeyboardInterrupt wherever the worker is; SIGTERM must simply end it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent_pid)
    init_process(spec, auditor)


class InlineEngine:
    """Audits in this process with one Auditor (``--jobs 1``): no copying between processes."""

    def __init__(self, spec: WorkerSpec, auditor):
        self.spec = spec
        self.auditor = auditor

    def run(self, chunks: Iterable[list[Item]]) -> Iterator[Result]:
        """Audit each chunk; yield its results."""
        for chunk in chunks:
            yield process_items(self.auditor, self.spec, chunk)

    def close(self, abort: bool = False) -> None:
        """Nothing to release."""


class _Windowed:
    """Keeps up to ``window`` chunks in flight on some executor; retries after crashes."""

    window: int

    def _submit(self, chunk: list[Item]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _wait_first(self, pending: dict) -> Iterable[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _outcome(self, future: Any) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def _restart(self) -> None:
        """Called after a crash was seen, before more work is submitted."""

    def run(self, chunks: Iterable[list[Item]]) -> Iterator[Result]:
        """Audit each chunk; yield results as chunks complete (not in input order)."""
        source = iter(chunks)
        exhausted = False
        alone: collections.deque[list[Item]] = collections.deque()
        pending: dict[Any, tuple[list[Item], bool]] = {}
        while True:
            # Documents retried after a crash run one at a time with nothing else in
            # flight, so a second crash names its document for certain.
            while alone and not pending:
                chunk = alone.popleft()
                pending[self._submit(chunk)] = (chunk, True)
            while not alone and not exhausted and len(pending) < self.window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                pending[self._submit(chunk)] = (chunk, False)
            if not pending:
                if alone:
                    continue
                return
            crashed = False
            for future in self._wait_first(pending):
                chunk, isolated = pending.pop(future)
                try:
                    yield self._outcome(future)
                except WorkerCrashed as exc:
                    crashed = True
                    if isolated:
                        yield [failure(chunk[0].uid, exc)]
                    else:
                        alone.extend([item] for item in chunk)
            if crashed:
                # Every chunk in flight may have been on the dead worker.
                for chunk, _isolated in pending.values():
                    alone.extend([item] for item in chunk)
                pending.clear()
                self._restart()


class ProcessEngine(_Windowed):
    """``--jobs N`` local worker processes, each with its own pipeline.

    On Linux the workers are forked from this process after it loaded the model, so they
    start at once and share the model's memory pages; elsewhere each loads it.
    """

    def __init__(self, spec: WorkerSpec, jobs: int, auditor=None, window: int | None = None):
        self.spec = spec
        self.jobs = jobs
        self.window = window or 2 * jobs
        self._fork = sys.platform.startswith("linux")
        self._context = multiprocessing.get_context("fork" if self._fork else "spawn")
        self._auditor = auditor if self._fork else None
        self._executor = None
        self._start()

    def _start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self._executor = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=self._context,
            initializer=init_local_worker,
            initargs=(self.spec, self._auditor, os.getpid()),
        )

    def _submit(self, chunk: list[Item]):
        return self._executor.submit(process_chunk, self.spec, chunk)

    def _wait_first(self, pending: dict):
        from concurrent.futures import FIRST_COMPLETED, wait

        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        return done

    def _outcome(self, future) -> Result:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise WorkerCrashed("a worker process died while auditing this document") from exc

    def _restart(self) -> None:
        self.close(abort=True)
        self._start()

    def close(self, abort: bool = False) -> None:
        """Stop the workers; with ``abort`` at once (work in flight is lost)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if abort:
            # The executor has no public way to stop busy workers; they hold only
            # documents in flight, which the next run redoes.
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
            executor.shutdown(wait=False, cancel_futures=True)
        else:
            executor.shutdown(wait=True)


class DaskEngine(_Windowed):
    """The same work on a Dask cluster: ``scheduler`` is its address (``tcp://host:8786``);
    without one a LocalCluster of ``jobs`` single-threaded workers is started.

    Workers load the model once each (it must be installed on them) and return plain
    dicts. ``processes=False`` runs the LocalCluster's workers as threads of this process.
    """

    def __init__(
        self,
        spec: WorkerSpec,
        jobs: int,
        scheduler: str | None = None,
        *,
        processes: bool = True,
        window: int | None = None,
    ):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                "the Dask engine needs dask.distributed: pip install 'provenance-auditor[dask]'"
            ) from None
        self.spec = spec
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        workers = max(1, len(self._client.scheduler_info().get("workers", {})) or jobs)
        self.window = window or 2 * workers
        # One copy of the settings (with the rule pack) per worker, not one per task.
        self._spec = self._client.scatter(spec, broadcast=True)

    def _submit(self, chunk: list[Item]):
        return self._client.submit(process_chunk, self._spec, chunk, pure=False)

    def _wait_first(self, pending: dict):
        from distributed import wait

        done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
        return done

    def _outcome(self, future) -> Result:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            raise WorkerCrashed("Dask workers died while auditing this document") from exc

    def close(self, abort: bool = False) -> None:
        """Disconnect; a LocalCluster started here is shut down."""
        client, self._client = getattr(self, "_client", None), None
        if client is not None:
            client.close()
        cluster, self._cluster = self._cluster, None
        if cluster is not None:
            cluster.close()
