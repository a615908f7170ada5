"""Size limits shared by every command that reads articles (``audit``, ``check``, ``batch``).

Kept in the shared base so ingest, the audit stage and batch agree on one set of numbers.
"""

from __future__ import annotations

#: Largest article read by default, in characters (spaCy's own ``nlp.max_length``);
#: ``--max-chars`` changes it. Longer input is refused with one line, never read whole.
DEFAULT_MAX_CHARS = 1_000_000

#: Articles longer than this are analysed in pieces cut at paragraph breaks (spaCy's parser
#: needs roughly 1 GB of temporary memory per 100,000 characters, and refuses any text
#: longer than ``nlp.max_length``).
DEFAULT_PIECE_CHARS = 100_000

#: Most bytes one character takes in UTF-8: a file of ``n`` characters has at most
#: ``UTF8_MAX_BYTES * n`` bytes.
UTF8_MAX_BYTES = 4
