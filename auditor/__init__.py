"""auditor: who said what in a news article, and how well each claim is sourced.

    >>> from auditor import Auditor, article_from_text
    >>> result = Auditor().audit(article_from_text('"We will rebuild," Mayor Ana Ruiz said.'))
    >>> result.attributions[0].speaker.name
    'Ana Ruiz'
"""

__version__ = "0.1.0"

from auditor.audit import Auditor  # noqa: E402
from auditor.ingest import Article, article_from_text, read_article  # noqa: E402

__all__ = ["Article", "Auditor", "__version__", "article_from_text", "read_article"]
