"""``auditor batch`` from start to end: inputs -> resume check -> engine -> store -> index.

The audit itself is :class:`auditor.audit.Auditor`'s, as for ``auditor audit``; batch
adds reading many inputs, parallelism, resumption and the corpus report.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from auditor.batch.engines import ENGINES, DaskEngine, EngineError, InlineEngine, ProcessEngine
from auditor.batch.inputs import InputRef, Item, Problem, count_documents, expand_inputs, iter_items
from auditor.batch.progress import Progress, format_duration
from auditor.batch.resume import model_identity, resume_key, settings_fingerprint
from auditor.batch.store import ERRORS, RESULT_SCHEMA, ResultStore, hold_folder
from auditor.batch.worker import WorkerSpec, make_auditor
from auditor.errors import AuditorError
from auditor.limits import DEFAULT_MAX_CHARS, DEFAULT_PIECE_CHARS
from auditor.pipeline import DEFAULT_MODEL


@dataclass
class BatchOptions:
    """Settings of one batch run (the ``auditor batch`` options)."""

    out_dir: Path
    formats: tuple[str, ...] = ("markdown",)
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    model: str = DEFAULT_MODEL
    #: the model's entity recognizer over every word (``--full-parse``)
    full_parse: bool = False
    config_path: Path | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    piece_chars: int = DEFAULT_PIECE_CHARS
    #: documents per task sent to a worker, and per ``nlp.pipe`` batch in it
    chunk_size: int = 16
    batch_size: int = 16
    html_extractor: str = "auto"
    index: bool = True
    quiet: bool = False
    #: progress: None = a bar on a terminal, lines otherwise; seconds between lines
    progress_bar: bool | None = None
    progress_interval: float = 10.0
    #: Dask LocalCluster workers as processes (True) or threads of this process
    dask_processes: bool = True
    #: What a later stage adds, composed by the ``auditor batch`` command (see
    #: :func:`auditor.provenance.batch.with_provenance`): records each result keeps, made
    #: by the workers from the article's analysis (key, maker), and a step run over the
    #: folder once every document is audited, whose index section goes into index.md.
    article_records: tuple[tuple[str, Callable[[Any], Any]], ...] = ()
    folder_step: Callable[..., Any] | None = None


@dataclass
class BatchSummary:
    """What a batch run did; ``exit_code`` is 0 when every document was audited (and the
    provenance step, if any, ran), else 1."""

    out_dir: Path
    total: int = 0
    audited: int = 0
    skipped: int = 0
    failed: int = 0
    #: results kept from earlier runs over documents that are not among these inputs
    earlier: int = 0
    #: wall time of the whole run, and of the auditing alone (after the model loaded)
    seconds: float = 0.0
    work_seconds: float = 0.0
    interrupted: bool = False
    failures: list[str] = field(default_factory=list)
    #: why the provenance step was skipped (an unusable registry); None when it ran
    provenance_skipped: str | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.provenance_skipped else 0


class _Interrupted(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _on_sigterm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _Interrupted()


def run_batch(
    inputs: Sequence[str],
    options: BatchOptions,
    *,
    nlp=None,
    stream: IO[str] | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Audit every document of ``inputs`` into ``options.out_dir``; see docs/batch.md.

    ``nlp`` is a loaded auditor pipeline to use in this process (tests; the in-process
    engine). Usage problems raise :class:`~auditor.errors.AuditorError`; documents that
    fail are counted in the summary and listed in errors.jsonl. Ctrl-C (or SIGTERM)
    stops at once, keeping every finished document, and re-raises KeyboardInterrupt.
    One run at a time uses a folder: another raises :class:`~auditor.batch.store.FolderInUse`.
    """
    if options.engine not in ENGINES:
        raise EngineError(f"unknown engine {options.engine!r}; use {' or '.join(ENGINES)}")
    if options.jobs < 1:
        raise AuditorError("--jobs must be at least 1")
    started = time.monotonic()
    out_dir = Path(options.out_dir)
    refs = expand_inputs(inputs, exclude=out_dir)
    if not refs:
        raise AuditorError("nothing to audit: every input is inside the --out folder")
    # Held from before the model loads (a second run fails at once) to the index.
    with hold_folder(out_dir):
        stream = stream if stream is not None else sys.stderr
        return _run_locked(refs, options, nlp, stream, progress, started)


def _run_locked(
    refs: list[InputRef],
    options: BatchOptions,
    nlp,
    stream: IO[str],
    progress: Progress | None,
    started: float,
) -> BatchSummary:
    say = (lambda text: None) if options.quiet else (lambda text: print(text, file=stream))
    out_dir = Path(options.out_dir)
    spec, rule_pack = _worker_spec(refs, options)

    auditor = None
    if options.engine == "local":
        if nlp is None:
            say(f"auditor: loading model {options.model}...")
        auditor = make_auditor(spec, nlp)
    fingerprint = settings_fingerprint(
        model_identity(options.model, auditor.nlp if auditor else None), rule_pack, options
    )
    summary = BatchSummary(out_dir=out_dir, total=count_documents(refs))
    store = ResultStore(out_dir).open()
    if store.repaired:
        say(f"auditor: dropped an incomplete last line ({store.repaired} bytes) left by a kill")
    progress = progress or Progress(
        summary.total,
        stream=stream,
        bar=options.progress_bar,
        interval=options.progress_interval,
        quiet=options.quiet,
    )
    state = _RunState(store, progress, summary, fingerprint, spec.formats, options.max_chars)
    _audit_all(state, refs, options, spec, auditor, stream, started)
    progress.close()
    store.close()
    summary.earlier = store.compact(state.order, state.failed)
    _write_corpus_reports(out_dir, options, rule_pack, spec, summary, say)
    summary.seconds = time.monotonic() - started
    _closing_lines(summary, options, say, stream)
    return summary


def _worker_spec(refs: list[InputRef], options: BatchOptions) -> tuple[WorkerSpec, Any]:
    """What every worker needs to audit like ``auditor audit``, and the rule pack: the
    configuration is the one found from the first input's folder (or ``--config``)."""
    from auditor.config import load_config
    from auditor.rules import load_rule_pack

    first = refs[0].path
    config = load_config(
        start=Path(first).parent if first else Path.cwd(), explicit=options.config_path
    )
    rule_pack = load_rule_pack(config)
    spec = WorkerSpec(
        model=options.model,
        full_parse=options.full_parse,
        rule_pack=rule_pack,
        formats=tuple(options.formats),
        max_chars=options.max_chars,
        piece_chars=options.piece_chars,
        batch_size=options.batch_size,
        html_extractor=options.html_extractor,
        article_records=options.article_records,
    ).with_token()
    return spec, rule_pack


def _audit_all(
    state: _RunState,
    refs: list[InputRef],
    options: BatchOptions,
    spec: WorkerSpec,
    auditor,
    stream: IO[str],
    started: float,
) -> None:
    """Send the documents still to do through the engine and record what comes back.

    SIGTERM is handled like Ctrl-C: the engine stops at once, everything finished is kept
    and KeyboardInterrupt is re-raised.
    """
    summary, store, progress = state.summary, state.store, state.progress
    engine = None
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    work_started = time.monotonic()
    try:
        engine = _engine(options, spec, auditor)
        for results in engine.run(state.chunks(refs, options.chunk_size)):
            for result in results:
                state.record(result)
        engine.close()
        engine = None
        summary.work_seconds = time.monotonic() - work_started
    except KeyboardInterrupt:
        summary.interrupted = True
        if engine is not None:
            engine.close(abort=True)
        store.close()
        progress.close()
        summary.seconds = time.monotonic() - started
        print(
            f"auditor: interrupted; {summary.audited + summary.skipped} documents are done "
            f"and kept in {summary.out_dir}; run the same command again to resume",
            file=stream,
        )
        raise
    finally:
        if engine is not None:
            engine.close(abort=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _write_corpus_reports(
    out_dir: Path, options: BatchOptions, rule_pack, spec: WorkerSpec, summary: BatchSummary, say
) -> None:
    """The provenance step (with ``--registry``), then index.md and index.html."""
    sections: list[str] = []
    if options.folder_step is not None:
        outcome = options.folder_step(out_dir, rule_pack=rule_pack, say=say)
        sections, summary.provenance_skipped = outcome.section, outcome.skipped
    if options.index:
        from auditor.batch.index import write_index

        write_index(out_dir, rule_pack=rule_pack, formats=spec.formats, sections=sections)


def _engine(options: BatchOptions, spec: WorkerSpec, auditor):
    if options.engine == "dask":
        return DaskEngine(spec, options.jobs, options.scheduler, processes=options.dask_processes)
    if options.jobs == 1:
        return InlineEngine(spec, auditor)
    return ProcessEngine(spec, options.jobs, auditor)


def _closing_lines(summary: BatchSummary, options: BatchOptions, say, stream) -> None:
    rate = summary.audited / summary.work_seconds if summary.work_seconds else 0.0
    line = (
        f"auditor: {summary.audited} audited, {summary.failed} failed, "
        f"{summary.skipped} already done, in {format_duration(summary.seconds)} "
        f"({rate:.1f} docs/s); results in {summary.out_dir}"
    )
    say(line)
    if summary.earlier:
        say(
            f"auditor: results.jsonl also keeps {summary.earlier} documents from earlier runs "
            "that are not among these inputs"
        )
    if summary.failed:
        # Always shown, even with --quiet: it explains exit code 1.
        print(
            f"auditor: {summary.failed} document(s) failed; reasons in {summary.out_dir / ERRORS}",
            file=stream,
        )
        for reason in summary.failures[:5]:
            print(f"  {reason}", file=stream)


class _RunState:
    """Book-keeping of one run: what went out, what came back, what to write."""

    def __init__(
        self,
        store: ResultStore,
        progress: Progress,
        summary: BatchSummary,
        fingerprint: str,
        formats: tuple[str, ...],
        max_chars: int,
    ):
        self.store = store
        self.progress = progress
        self.summary = summary
        self.fingerprint = fingerprint
        self.formats = formats
        self.max_chars = max_chars
        self.order: list[str] = []
        self.failed: set[str] = set()
        self.in_flight: dict[str, tuple[Item, str]] = {}

    def chunks(self, refs: list[InputRef], size: int) -> Iterator[list[Item]]:
        """Chunks of documents still to audit; records skips and unreadable input."""
        chunk: list[Item] = []
        # A character takes at most 4 bytes in UTF-8: larger files cannot fit the limit.
        for item in iter_items(refs, max_bytes=4 * self.max_chars):
            self.order.append(item.uid)
            if isinstance(item, Problem):
                self._fail(
                    item.uid, item.id, item.input, item.line, None, item.reason, None, "InputError"
                )
                continue
            key = resume_key(self.fingerprint, item)
            if self.store.is_done(item.uid, key, self.formats):
                self.summary.skipped += 1
                self.progress.skip()
                continue
            self.in_flight[item.uid] = (item, key)
            chunk.append(item)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def record(self, result: dict[str, Any]) -> None:
        """Write one worker result (reports first, then the result line) or its error."""
        item, key = self.in_flight.pop(result["uid"])
        # The worker has the text no longer; drop the bytes here too.
        item.data = item.text = None
        if not result["ok"]:
            self._fail(
                item.uid,
                item.id,
                item.input,
                item.line,
                key,
                result["reason"],
                result.get("traceback"),
                result.get("error"),
            )
            return
        name = self.store.report_name(item.uid, item.report_base)
        reports = self.store.write_reports(name, result["reports"])
        record: dict[str, Any] = {"schema": RESULT_SCHEMA, "id": item.id, "input": item.input}
        if item.line is not None:
            record["line"] = item.line
        record.update(
            key=key,
            meta={**result.get("meta", {}), **item.meta},
            reports=reports,
            result=result["result"],
        )
        # what later stages asked the workers for (auditor.provenance reads "provenance")
        extra = result.get("stage_records", {})
        record.update((key, value) for key, value in extra.items() if value)
        self.store.add_result(item.uid, record)
        self.summary.audited += 1
        self.progress.advance(audited=1)

    def _fail(self, uid, id_, input_, line, key, reason, trace, error) -> None:
        record: dict[str, Any] = {"uid": uid, "id": id_, "input": input_}
        if line is not None:
            record["line"] = line
        record.update(key=key, error=error, reason=reason)
        if trace:
            record["traceback"] = trace
        self.store.add_error(record)
        self.failed.add(uid)
        self.summary.failed += 1
        if len(self.summary.failures) < 5:  # the first few are shown; all are in the file
            self.summary.failures.append(reason)
        self.progress.advance(failed=1)
