"""Progress of a batch: a bar with documents per second and ETA on a terminal, a plain
line every so often otherwise (logs, CI), and one closing line either way.

Skipped documents (already done in an earlier run) are taken out of the total, so the
rate and the ETA are about the documents actually audited.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import IO


def format_duration(seconds: float) -> str:
    """``75`` -> ``"1m15s"``, ``3725`` -> ``"1h02m"``."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """Counts audited, failed and skipped documents and shows how far the batch is.

    ``bar`` chooses a tqdm bar (default: when ``stream`` is a terminal); without it a
    line is printed every ``interval`` seconds.
    """

    def __init__(
        self,
        total: int,
        *,
        stream: IO[str] | None = None,
        bar: bool | None = None,
        interval: float = 10.0,
        quiet: bool = False,
        clock=time.monotonic,
    ):
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.audited = 0
        self.failed = 0
        self.skipped = 0
        self.quiet = quiet
        self.interval = interval
        self._clock = clock
        self._start = clock()
        self._last = self._start
        self._bar = None
        if bar is None:
            bar = bool(getattr(self.stream, "isatty", lambda: False)())
        if bar and not quiet:
            from tqdm import tqdm

            # A terminal that reports no size (some CI pseudo-terminals) gets 80 columns
            # instead of an empty bar.
            sized = shutil.get_terminal_size((0, 0)).columns > 0
            self._bar = tqdm(
                total=total,
                unit="doc",
                file=self.stream,
                dynamic_ncols=sized,
                ncols=None if sized else 80,
                smoothing=0.05,
            )

    @property
    def done(self) -> int:
        """Documents finished in this run (audited or failed)."""
        return self.audited + self.failed

    def rate(self) -> float:
        """Documents finished per second so far."""
        elapsed = self._clock() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds left at the current rate (None before the first document)."""
        rate = self.rate()
        left = self.total - self.skipped - self.done
        return left / rate if rate > 0 else None

    def skip(self, n: int = 1) -> None:
        """``n`` documents already done in an earlier run."""
        self.skipped += n
        if self._bar is not None:
            self._bar.total = max(0, self.total - self.skipped)
            self._bar.refresh()

    def advance(self, audited: int = 0, failed: int = 0) -> None:
        """``audited`` documents audited and ``failed`` failed since the last call."""
        self.audited += audited
        self.failed += failed
        if self._bar is not None:
            self._bar.update(audited + failed)
            if failed:
                self._bar.set_postfix(failed=self.failed, refresh=False)
            return
        now = self._clock()
        if not self.quiet and now - self._last >= self.interval:
            self._last = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        """One plain line on where the batch is."""
        todo = self.total - self.skipped
        parts = [f"auditor: {self.done}/{todo} documents"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        parts.append(f"{self.rate():.1f} docs/s")
        eta = self.eta()
        if eta is not None and self.done < todo:
            parts.append(f"ETA {format_duration(eta)}")
        return ", ".join(parts)

    def close(self) -> None:
        """Stop the bar (the runner prints the closing summary)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
