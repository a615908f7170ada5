"""The working database the checks write their findings to: its tables, and how values
go into its JSON columns."""

from __future__ import annotations

from typing import Any

from auditor.report.json_format import compact_json


def dumps(value: Any) -> str:
    """``value`` as compact JSON that provenance.jsonl can carry on one line."""
    return compact_json(value)


TABLES = (
    # one row per matched claim of a pair of articles sharing an origin (a < b)
    "CREATE TABLE evidence (a INTEGER, b INTEGER, seq INTEGER, speaker TEXT, named INTEGER, "
    "claim TEXT)",
    # articles linked by shared claims, with the root of their cluster
    "CREATE TABLE members (article_id INTEGER PRIMARY KEY, root INTEGER, focus INTEGER, "
    "doc TEXT, title TEXT, outlet TEXT, date TEXT)",
    "CREATE TABLE clusters (root INTEGER PRIMARY KEY, size INTEGER, first_doc TEXT, "
    "claims INTEGER, upstream TEXT, speakers TEXT, conflicts TEXT, n_conflicts INTEGER)",
    # the names of the cluster being described
    "CREATE TABLE names (name TEXT, article_id INTEGER, count INTEGER)",
    "CREATE INDEX names_name ON names (name, article_id)",
    # the articles using each name of a conflict
    "CREATE TABLE usage (root INTEGER, name TEXT, article_id INTEGER, count INTEGER)",
    "CREATE INDEX usage_name ON usage (root, name, article_id)",
    # the articles of each quote version
    "CREATE TABLE drift_articles (vid INTEGER, article_id INTEGER, quote INTEGER, doc TEXT, "
    "title TEXT, at TEXT, PRIMARY KEY (vid, article_id)) WITHOUT ROWID",
    "CREATE TABLE drifts (id INTEGER PRIMARY KEY, speaker TEXT, first_doc TEXT, change TEXT, "
    "versions TEXT, n_versions INTEGER, n_articles INTEGER)",
)
