"""Progress lines: documents per second and ETA, skips left out of the rate."""

from __future__ import annotations

import io

from auditor.batch.progress import Progress, format_duration


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_plain_lines_every_interval_with_rate_and_eta():
    clock, stream = _Clock(), io.StringIO()
    progress = Progress(100, stream=stream, bar=False, interval=10, clock=clock)
    progress.skip(20)
    clock.now = 5
    progress.advance(audited=10)
    assert stream.getvalue() == ""  # not yet 10 s
    clock.now = 10
    progress.advance(audited=9, failed=1)
    assert stream.getvalue() == (
        "auditor: 20/80 documents, 1 failed, 20 already done, 2.0 docs/s, ETA 30s\n"
    )
    assert progress.eta() == 30


def test_quiet_prints_nothing_and_a_terminal_gets_a_bar():
    stream = io.StringIO()
    quiet = Progress(5, stream=stream, bar=False, interval=0, quiet=True)
    quiet.advance(audited=5)
    assert stream.getvalue() == ""
    bar = Progress(5, stream=stream, bar=True)
    bar.advance(audited=2)
    bar.close()
    assert "doc" in stream.getvalue() and "2/5" in stream.getvalue()


def test_format_duration():
    assert format_duration(0) == "0s"
    assert format_duration(75) == "1m15s"
    assert format_duration(3725) == "1h02m"
