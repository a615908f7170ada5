"""Hand-built audit results shared by the report tests (and checks that they are sound).

The report tests must not depend on extraction quality, so the results here are written by
hand: every span is found in the text by searching for its words, so offsets are right by
construction. Other report test modules import the builders from here.
"""

from __future__ import annotations

from auditor.model import (
    Analysis,
    Attribution,
    AuditResult,
    Claim,
    DocumentInfo,
    Finding,
    Span,
    Speaker,
    Summary,
    line_and_column,
)

ARTICLE = (
    "Harbour Bridge Repairs Will Take Two Years\n"
    "\n"
    '"The cables are older than anyone thought," said Mara Quell, the city\'s chief engineer. '
    "Quell estimated that repairs would cost 40 million.\n"
    "\n"
    "A council official, who spoke on condition of anonymity, said the budget was already spent.\n"
    "\n"
    "Experts say the bridge may have to close. Traffic fell 12% last year.\n"
)

HOSTILE = (
    "Markup Test\n"
    "\n"
    "\"Use <script>document.title='pwned'</script> and | pipes | here,\" said Ola Brant.\n"
    "\n"
    '"An <img src=x onerror=alert(1)> tag and `code` with *stars* and [link](http://evil.example)",'
    " a source said.\n"
    "\n"
    "The report claimed 3 | 4 of funds were lost.\n"
)


def span(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def finding(
    text: str,
    rule: str,
    severity: str,
    needle: str,
    message: str,
    name: str = "",
    fix: str = "",
) -> Finding:
    """A finding on the first occurrence of ``needle``."""
    s = span(text, needle)
    line, column = line_and_column(text, s.start)
    return Finding(rule, severity, message, s.start, s.end, line, column, name, fix)


def sentences_of(text: str) -> list[tuple[int, int]]:
    """Naive sentence bounds for the fixtures: split after '. ' and at line breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        end = None
        if ch == "\n":
            end = i
        elif ch in ".!?" and i + 1 < len(text) and text[i + 1] == " ":
            end = i + 1
        if end is not None:
            if text[start:end].strip():
                out.append((start, end))
            start = end + 1 if ch != "\n" else i + 1
        i += 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _analysis(text: str, attributions: list[Attribution], claims: list[Claim]) -> Analysis:
    paragraphs = []
    start = 0
    for block in text.split("\n\n"):
        paragraphs.append((start, start + len(block)))
        start += len(block) + 2
    return Analysis(text, sentences_of(text), paragraphs, [], attributions, [], claims)


def article_result(path: str = "examples/bridge.txt") -> AuditResult:
    """An ordinary article with one finding of each severity and one claim."""
    t = ARTICLE
    attributions = [
        Attribution(
            id="a1",
            kind="direct",
            content=span(t, '"The cables are older than anyone thought,"'),
            cue=span(t, "said"),
            source=span(t, "Mara Quell"),
            speaker=Speaker("Mara Quell", "the city's chief engineer", "c1"),
            source_type="named_person",
            grade="A",
        ),
        Attribution(
            id="a2",
            kind="indirect",
            content=span(t, "repairs would cost 40 million"),
            cue=span(t, "estimated"),
            source=span(t, "Quell", 1),
            speaker=Speaker("Mara Quell", "the city's chief engineer", "c1"),
            source_type="named_person",
            grade="A",
        ),
        Attribution(
            id="a3",
            kind="indirect",
            content=span(t, "the budget was already spent"),
            cue=span(t, "said", 1),
            source=span(t, "A council official"),
            speaker=Speaker("a council official", None, None),
            source_type="anonymous",
            grade="D",
            flags=["no_reason"],
            findings=["ANON001"],
        ),
        Attribution(
            id="a4",
            kind="indirect",
            content=span(t, "the bridge may have to close"),
            cue=span(t, "say"),
            source=span(t, "Experts"),
            speaker=None,
            source_type="vague",
            grade="D",
            findings=["ATTR003"],
        ),
    ]
    claims = [Claim(*_se(span(t, "Traffic fell 12% last year.")), why="percentage")]
    findings = [
        finding(
            t,
            "ANON001",
            "error",
            "A council official",
            "Anonymous source with no reason given for anonymity.",
            "anonymous-no-reason",
            "Say why the source was granted anonymity.",
        ),
        finding(
            t,
            "ATTR003",
            "warning",
            "Experts say",
            "Vague attribution: who are the experts?",
            "vague-attribution",
            "Name the experts or drop the claim.",
        ),
        finding(
            t,
            "ATTR001",
            "warning",
            "Traffic fell 12% last year.",
            "Checkable figure with no source.",
            "unattributed-claim",
            "Say who measured the fall.",
        ),
        finding(
            t,
            "VERB002",
            "suggestion",
            "estimated",
            "Consider a neutral verb.",
            "",
            "",
        ),
    ]
    summary = Summary(
        score=62,
        grade="C",
        counts={"named_person": 2, "anonymous": 1, "vague": 1},
        why=[
            "Two of four attributions name their source.",
            "One anonymous source gives no reason.",
        ],
    )
    doc = DocumentInfo(
        path, "bridge", len(t), "ab" * 32, "Harbour Bridge Repairs Will Take Two Years"
    )
    return AuditResult(
        doc, t, attributions, claims, findings, summary, _analysis(t, attributions, claims)
    )


def _se(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def hostile_result(path: str = "examples/hostile <a>|b`.md") -> AuditResult:
    """An article whose quotes and even path try to break every output format."""
    t = HOSTILE
    a1 = Attribution(
        id="a1",
        kind="direct",
        content=span(t, "\"Use <script>document.title='pwned'</script> and | pipes | here,\""),
        cue=span(t, "said"),
        source=span(t, "Ola Brant"),
        speaker=Speaker("Ola Brant", "a | pipe <b>bold</b>\nsecond line", "c1"),
        source_type="named_person",
        grade="A",
    )
    a2 = Attribution(
        id="a2",
        kind="direct",
        content=span(
            t,
            '"An <img src=x onerror=alert(1)> tag and `code` with *stars* and '
            '[link](http://evil.example)"',
        ),
        cue=span(t, "said", 1),
        source=span(t, "a source"),
        speaker=None,
        source_type="anonymous",
        grade="D",
    )
    claims = [Claim(*_se(span(t, "The report claimed 3 | 4 of funds were lost.")), why="number")]
    findings = [
        finding(
            t,
            "ANON007",
            "error",
            "a source",
            'Bare "a source" <script>alert(2)</script> | broken',
            "bare-source",
            "Describe the source: line one\nline two, 100% | `tick`",
        ),
        finding(t, "QUOT001", "warning", "<img src=x onerror=alert(1)>", "Odd markup, in quotes"),
        finding(t, "VERB001", "suggestion", "claimed", "Loaded verb: claimed,\r\nsee: MOS:SAID"),
    ]
    summary = Summary(
        score=40,
        grade="D",
        counts={"named_person": 1, "anonymous": 1},
        why=["<b>not bold</b> | and a pipe"],
    )
    doc = DocumentInfo(path, "hostile", len(t), "cd" * 32, "Markup <i>Test</i> | `x`")
    return AuditResult(doc, t, [a1, a2], claims, findings, summary, _analysis(t, [a1, a2], claims))


def empty_result() -> AuditResult:
    """The audit of an empty article."""
    doc = DocumentInfo("examples/empty.txt", "empty", 0, "e3b0c442" * 8, None)
    return AuditResult(doc, "", [], [], [], Summary(0, "F", {}, []), None)


def all_results() -> list[AuditResult]:
    return [article_result(), hostile_result(), empty_result()]


# -- the fixtures themselves are sound ------------------------------------------------------


def test_every_fixture_span_slices_its_text():
    for result in all_results():
        text = result.text
        for a in result.attributions:
            for s in (a.content, a.cue, a.source):
                if s is not None:
                    assert text[s.start : s.end] == s.text
        for c in result.claims:
            assert text[c.start : c.end] == c.text
        for f in result.findings:
            assert (f.line, f.column) == line_and_column(text, f.start)
            assert 0 <= f.start <= f.end <= len(text)


def test_fixture_sentences_cover_their_findings():
    result = article_result()
    assert result.analysis is not None
    sentences = result.analysis.sentences
    for f in result.findings:
        assert any(s <= f.start and f.end <= e for s, e in sentences), f.rule
