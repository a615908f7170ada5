"""Time of each audit stage on long articles dense with quotes and attributions.

Usage (from the repository root, with auditor installed):

    python bench/long_article.py [--sizes 100000,300000,1000000] [--profile PREFIX]
        [--stages nlp,sourcing,rules,record,markdown,html,json,sarif,github,text]

Builds articles of paragraphs, each of 20 repeats of one short sentence holding a direct
quote and two attributions (about 27 attributions per 1,000 characters, as in the
1,065,400-character article of issue 11), and prints, for each size, the seconds of:

- ``nlp``: the spaCy pipeline over the pieces and the joined analysis
  (:func:`auditor.pieces.audit_in_pieces` without its ``_finish``);
- ``sourcing``: :func:`auditor.sourcing.annotate`;
- ``rules``: the rule pack's ``evaluate`` (the provenance record is built inside it);
- ``record``: :func:`auditor.provenance.record.article_record` once more, uncached;
- one column per renderer;

and the time per 100,000 characters of everything after the model (roughly constant
when every stage after the NLP is near-linear). ``--profile PREFIX`` writes a cProfile
``PREFIX-<chars>.pstats`` of the stages after the model.

Not a test: figures depend on the machine. ``tests/test_scaling.py`` checks the scaling
by counting operations, so it cannot be flaky.
"""

from __future__ import annotations

import argparse
import cProfile
import time

#: One sentence with a direct quote, a reporting verb and a named speaker.
SENTENCE = 'Officials said "the bridge will close" soon, and Ana Ruiz said it was fine. '
REPEATS = 20
RENDERERS = ("markdown", "html", "json", "sarif", "github", "text")
STAGES = ("nlp", "sourcing", "rules", "record", *RENDERERS)


def dense_article(chars: int, sentence: str = SENTENCE, repeats: int = REPEATS) -> str:
    """Whole paragraphs of ``repeats`` copies of ``sentence`` (each ending in a blank
    line), as many as fit in about ``chars`` characters (at least one)."""
    paragraph = sentence * repeats + "\n\n"
    return paragraph * max(1, round(chars / len(paragraph)))


def _timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def analyse(auditor, article):
    """The joined analysis of ``article``, cut in pieces as the audit does."""
    from auditor.analysis import analysis_from_doc
    from auditor.pieces import join_analyses, piece_bounds, shift_analysis

    parts = []
    for number, (start, end) in enumerate(piece_bounds(article.view, auditor.piece_chars), 1):
        doc = auditor.nlp(article.view[start:end])
        part = analysis_from_doc(doc, article.source[start:end])
        parts.append(shift_analysis(part, start, f"p{number}-"))
    return join_analyses(article.source, article.view, parts)


def after_model(auditor, article, analysis, stages) -> dict[str, float]:
    """Seconds of each stage after the model, in order."""
    from auditor.audit import document_info
    from auditor.model import AuditResult
    from auditor.provenance.record import article_record
    from auditor.report import render
    from auditor.sourcing import annotate, summarize

    times = {}
    times["sourcing"], _ = _timed(annotate, analysis)
    times["rules"], findings = _timed(auditor.rule_pack.evaluate, analysis, article)
    if "record" in stages:
        times["record"], _ = _timed(article_record, analysis)
    result = AuditResult(
        document=document_info(article),
        text=article.source,
        attributions=analysis.attributions,
        claims=analysis.claims,
        findings=findings,
        summary=summarize(analysis, findings),
        analysis=analysis,
    )
    for fmt in RENDERERS:
        if fmt in stages:
            times[fmt], _ = _timed(render, result, fmt)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--profile", metavar="PREFIX")
    args = parser.parse_args()
    from auditor import Auditor, article_from_text

    stages = args.stages.split(",")
    auditor = Auditor()
    print("chars      attribs " + " ".join(f"{s:>8}" for s in STAGES) + "  after/100k")
    for chars in (int(s) for s in args.sizes.split(",")):
        article = article_from_text(dense_article(chars))
        nlp_time, analysis = _timed(analyse, auditor, article)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        times = after_model(auditor, article, analysis, stages)
        if profiler:
            profiler.disable()
            profiler.dump_stats(f"{args.profile}-{len(article.source)}.pstats")
        times["nlp"] = nlp_time
        after = sum(t for s, t in times.items() if s != "nlp")
        cells = " ".join(f"{times[s]:8.2f}" if s in times else f"{'-':>8}" for s in STAGES)
        size = len(article.source)
        print(f"{size:<10} {len(analysis.attributions):7} {cells}  {after / size * 1e5:8.2f}")


if __name__ == "__main__":
    main()
