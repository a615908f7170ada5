"""Get predicted attributions for the gold texts, one document's failure never stopping the rest.

A *predictor* is any callable that takes a list of texts and returns (or yields), in the
same order, one list of predicted attributions per text. An item of that list may be an
``auditor.model.Attribution``, an :class:`~auditor.evaluate.spans.AttributionSpans` or a
``(content, cue, source)`` tuple of ``(start, end)`` pairs; in place of the list a
predictor may also yield an exception instance for a text it could not handle, or a
ready :class:`Prediction`. :class:`PipelinePredictor` runs the
auditor's own pipeline; ``bench/evaluate_baseline_textacy.py`` plugs in another one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from auditor.evaluate.spans import AttributionSpans, as_attribution_spans

#: texts -> per text, a list of predicted attributions (or an exception instance)
Predictor = Callable[[Sequence[str]], Iterable[Any]]


@dataclass
class Prediction:
    """What the predictor returned for one document: attributions, or why it failed."""

    attributions: list[AttributionSpans]
    error: str | None = None


def run_predictions(
    predictor: Predictor, texts: Sequence[str], *, window: int = 1
) -> list[Prediction]:
    """Run ``predictor`` over ``texts``, catching failures per document.

    When the predictor raises after ``k`` results, documents ``k .. k+window-1`` are run one
    by one (so the culprit is found even when the predictor works in batches of
    ``window``), then the predictor resumes with the rest. A document that raises on its own
    is recorded as failed with the exception's one-line description.
    """
    results: list[Prediction] = []
    window = max(1, window)
    while len(results) < len(texts):
        start = len(results)
        try:
            for output in predictor(texts[start:]):
                results.append(_convert(output))
                if len(results) == len(texts):
                    break
        except Exception:  # noqa: BLE001 - any extraction bug must cost one document only
            for index in range(len(results), min(len(results) + window, len(texts))):
                results.append(_run_one(predictor, texts[index]))
            continue
        if len(results) == start:
            # The predictor stopped without returning anything: count the rest as failed
            # rather than looping forever.
            results.extend(
                Prediction([], "the predictor returned no result for this document")
                for _ in range(len(texts) - start)
            )
    return results


def _run_one(predictor: Predictor, text: str) -> Prediction:
    try:
        outputs = list(predictor([text]))
    except Exception as exc:  # noqa: BLE001
        return Prediction([], _describe(exc))
    if not outputs:
        return Prediction([], "the predictor returned no result for this document")
    return _convert(outputs[0])


def _convert(output: Any) -> Prediction:
    if isinstance(output, Prediction):
        return output
    if isinstance(output, BaseException):
        return Prediction([], _describe(output))
    try:
        spans = [as_attribution_spans(item, ref=f"p{i + 1}") for i, item in enumerate(output)]
    except (TypeError, ValueError, AttributeError) as exc:
        return Prediction([], f"unusable prediction: {_describe(exc)}")
    return Prediction(spans)


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[-1]}" if message else type(exc).__name__


class PipelinePredictor:
    """The auditor's own extraction: its pipeline, then its sourcing stage, over the texts.

    Each text goes through ``auditor.ingest.article_from_text(text).view`` first, as an
    audit would, so the pipeline sees what it sees in production; the view has the length
    of the text, so predicted offsets line up with the gold. Each analysis then goes
    through ``auditor.sourcing.annotate``, as in an audit, so every attribution carries
    the final ``source_type`` an audit reports, not the NLP component's first guess.
    ``analyze`` replaces both steps (tests pass a stand-in): it takes the pipeline and the
    views and yields one analysis each.

    With ``n_process`` > 1 the texts are split into batches of ``batch_size`` and run in
    that many forked worker processes, each calling ``analyze`` with ``n_process=1``; this
    is what ``nlp.pipe(n_process=...)`` does, except that a failing document costs only
    itself: spaCy's own multiprocessing pipe hangs (workers blocked on a full pipe) when
    its consumer stops early, which an exception in one document makes it do.

        >>> predictor = PipelinePredictor(load_pipeline(), n_process=2)  # doctest: +SKIP
        >>> [len(p) for p in predictor(["He said so.", "Nothing here."])]  # doctest: +SKIP
        [1, 0]
    """

    def __init__(
        self,
        nlp: Any,
        *,
        n_process: int = 1,
        batch_size: int = 8,
        analyze: Callable[..., Iterable[Any]] | None = None,
    ) -> None:
        self.nlp = nlp
        self.n_process = n_process
        self.batch_size = batch_size
        self._analyze = analyze

    def __call__(self, texts: Sequence[str]) -> Iterator[Any]:
        # Starting worker processes costs more than a handful of documents are worth, and
        # without fork the workers would have to pickle or reload the whole pipeline.
        if self.n_process > 1 and len(texts) > self.batch_size and _FORK is not None:
            yield from self._parallel(texts)
        else:
            yield from self._serial(texts)

    def _serial(self, texts: Sequence[str]) -> Iterator[Any]:
        analyze = self._analyze or _default_analyze()
        views: list[Any] = [_view(text) for text in texts]
        good = [view for view in views if isinstance(view, str)]
        analyses = iter(analyze(self.nlp, good, n_process=1, batch_size=self.batch_size))
        for view in views:
            if isinstance(view, BaseException):
                yield view
            else:
                yield next(analyses).attributions

    def _parallel(self, texts: Sequence[str]) -> Iterator[Any]:
        batches = [
            list(texts[i : i + self.batch_size]) for i in range(0, len(texts), self.batch_size)
        ]
        pool = ProcessPoolExecutor(
            max_workers=min(self.n_process, len(batches)),
            mp_context=_FORK,
            initializer=_start_worker,
            initargs=(self,),  # inherited through fork, never pickled
        )
        try:
            for predictions in pool.map(_work, batches):
                yield from predictions
        finally:
            # Also when the consumer stops early: drop the queued batches, end the workers.
            pool.shutdown(wait=True, cancel_futures=True)


#: The fork start method where the platform has it (workers then share the loaded model).
_FORK = (
    multiprocessing.get_context("fork")
    if "fork" in multiprocessing.get_all_start_methods()
    else None
)

#: The predictor a worker process runs (set by ``_start_worker`` in each worker).
_worker_predictor: PipelinePredictor | None = None


def _start_worker(predictor: PipelinePredictor) -> None:
    global _worker_predictor
    _worker_predictor = predictor


def _work(batch: list[str]) -> list[Prediction]:
    """Run one batch in a worker; plain results only, so they pickle cheaply."""
    assert _worker_predictor is not None
    return run_predictions(_worker_predictor._serial, batch, window=_worker_predictor.batch_size)


def _default_analyze() -> Callable[..., Iterable[Any]]:
    return analyze_and_source


def analyze_and_source(
    nlp: Any, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 8
) -> Iterator[Any]:
    """``analyze_texts``, then the sourcing stage's ``annotate`` on each analysis.

    ``annotate`` is what an audit runs before its rules; it settles each attribution's
    source type (the NLP component only gives a first guess), so the evaluation scores
    the type the audit reports.
    """
    from auditor.analysis import analyze_texts
    from auditor.sourcing import annotate

    for analysis in analyze_texts(nlp, texts, n_process=n_process, batch_size=batch_size):
        annotate(analysis)
        yield analysis


def _view(text: str) -> str | BaseException:
    """The text the pipeline should see, or the exception ingest raised on it."""
    try:
        from auditor.ingest import article_from_text
    except ImportError:  # ingest not there yet: the raw text lines up just as well
        return text
    try:
        view = article_from_text(text).view
    except Exception as exc:  # noqa: BLE001 - one bad document, not the whole run
        return exc
    # Offsets are only comparable if the view keeps every character in place.
    return view if len(view) == len(text) else text
