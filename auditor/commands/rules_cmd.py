"""``auditor rules`` lists the rule pack; ``auditor rule ID`` explains one rule."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor.commands.options import CONTEXT_SETTINGS, config_option


def _pack(config_path: Path | None, keep_going: bool = False):
    from auditor.config import load_config
    from auditor.rules import load_rule_pack

    config = load_config(start=Path.cwd(), explicit=config_path)
    return load_rule_pack(config, keep_going=keep_going)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for people or JSON for tools.",
)
@config_option
def rules(fmt: str, config_path: Path | None) -> None:
    """List the rules: id, name, severity (as configured) and what each flags.

    Rules switched off by the configuration are marked "off". `auditor rule ID` explains
    one rule.
    """
    pack = _pack(config_path)
    enabled = {rule.id for rule in pack.enabled}
    if fmt == "json":
        data = [dict(rule.to_dict(), enabled=rule.id in enabled) for rule in pack.rules]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(rule.name) for rule in pack.rules) if pack.rules else 4
    click.echo(f"{'ID':<8} {'NAME':<{width}} {'SEVERITY':<10} SUMMARY")
    for rule in pack.rules:
        severity = rule.severity if rule.id in enabled else "off"
        click.echo(f"{rule.id:<8} {rule.name:<{width}} {severity:<10} {rule.line}")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("rule_id", metavar="ID")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="Plain text, JSON, or the docs/rules.md section.",
)
@config_option
def rule(rule_id: str, fmt: str, config_path: Path | None) -> None:
    """Explain rule ID (e.g. ANON001, or its name): what, why, fix, examples, references."""
    from auditor.rules.docs import explain, rule_section

    found = _pack(config_path).get(rule_id)
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(rule_section(found), nl=False)
    else:
        click.echo(explain(found), nl=False)
