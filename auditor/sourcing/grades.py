"""Grades for attributions and the document's score, with the reasons behind them.

Attribution grade (docs/rules.md, "Grades"):

=====  =================================================================================
A      a named person, on the record
B      a named organization, a news outlet (second-hand), a named document; a named
       person whose words come through another outlet
C      an anonymous source with a reason for anonymity, a precise descriptor (role and
       organization) and a basis of knowledge, and no opinion
D      any other anonymous source, a vague source ("analysts say"), an unnamed document
       ("a report"), a source the auditor could not type
F      a checkable claim with no source at all (claims, not attributions)
=====  =================================================================================

A claim the text calls unverified lowers its attribution one grade (not below D).

Document score, 0-100: the mean of the points of every attribution and every unattributed
factual claim - figure, casualty count, percentage, allegation; predictions and
superlatives are reported but not graded (A 100, B 85, C 65, D 40, F 0; 100 when there is
neither), minus a penalty for the findings (error 5, warning 2, suggestion 0.5 for a
rule's first finding, half that for each repeat of the same rule; at most 40 in all),
rounded and kept in 0-100.
Grade bands: A >= 90, B >= 75, C >= 60, D >= 40, F below 40.
"""

from __future__ import annotations

from collections import Counter

from auditor.model import SOURCE_TYPES, Analysis, Attribution, Finding, Summary

GRADE_POINTS = {"A": 100, "B": 85, "C": 65, "D": 40, "F": 0}
GRADE_BANDS = ((90, "A"), (75, "B"), (60, "C"), (40, "D"), (0, "F"))
SEVERITY_PENALTY = {"error": 5.0, "warning": 2.0, "suggestion": 0.5}
MAX_PENALTY = 40.0
#: Unattributed claims that count as F items in the mix: facts a reader could check.
GRADED_CLAIM_KINDS = ("casualties", "percentage", "allegation", "number")
_ORDER = "ABCDF"


def _lower(grade: str) -> str:
    return _ORDER[min(_ORDER.index(grade) + 1, _ORDER.index("D"))] if grade != "F" else "F"


def grade_attribution(attribution: Attribution) -> tuple[str, str]:
    """The grade of one attribution and a short reason for it."""
    flags = set(attribution.flags)
    kind = attribution.source_type
    if kind == "named_person":
        if "secondhand" in flags:
            grade, why = "B", "named person, via another outlet"
        else:
            grade, why = "A", "named person on the record"
    elif kind == "named_organization":
        grade, why = "B", "named organization"
    elif kind == "media":
        grade, why = "B", "news outlet (second-hand)"
    elif kind == "document":
        if "unnamed_document" in flags:
            grade, why = "D", "unnamed document or data"
        else:
            grade, why = "B", "named document"
    elif kind == "anonymous":
        missing = [
            label
            for flag, label in (
                ("reason_given", "no reason for anonymity"),
                ("descriptor_precise", "no precise descriptor"),
                ("basis_given", "no basis of knowledge"),
            )
            if flag not in flags
        ]
        if "opinion" in flags:
            missing.append("opinion or attack")
        if missing:
            grade, why = "D", "anonymous: " + ", ".join(missing)
        else:
            grade, why = "C", "anonymous with reason, descriptor and basis"
    elif kind == "vague":
        grade, why = "D", "vague source"
    else:
        grade, why = "D", "source could not be identified"
    if "unverified" in flags and grade != "D":
        grade, why = _lower(grade), why + "; unverified"
    return grade, why


def grade_for_score(score: int) -> str:
    """The letter grade of a 0-100 score (bands: A 90, B 75, C 60, D 40)."""
    for floor, grade in GRADE_BANDS:
        if score >= floor:
            return grade
    return "F"


def finding_penalty(findings: list[Finding]) -> float:
    """Points the findings cost: a rule's first finding its full weight, repeats half."""
    seen: set[str] = set()
    cost = 0.0
    for finding in findings:
        weight = SEVERITY_PENALTY.get(finding.severity, 0.0)
        cost += weight if finding.rule not in seen else weight / 2
        seen.add(finding.rule)
    return cost


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summarize(analysis: Analysis, findings: list[Finding]) -> Summary:
    """Grade every attribution (sets ``Attribution.grade``) and score the document."""
    reasons: Counter[str] = Counter()
    points: list[int] = []
    letters: Counter[str] = Counter()
    for attribution in analysis.attributions:
        grade, why = grade_attribution(attribution)
        attribution.grade = grade
        reasons[f"{grade}: {why}"] += 1
        points.append(GRADE_POINTS[grade])
        letters[grade] += 1
    unattributed = [c for c in analysis.claims if c.status == "unattributed"]
    unverified = [c for c in analysis.claims if c.status == "unverified"]
    for claim in unattributed:
        if claim.why not in GRADED_CLAIM_KINDS:
            continue  # predictions and superlatives are reported, not graded as facts
        reasons[f"F: unattributed {claim.why}"] += 1
        points.append(GRADE_POINTS["F"])
        letters["F"] += 1

    why: list[str] = []
    if points:
        base = sum(points) / len(points)
        mix = ", ".join(f"{letters[g]} {g}" for g in _ORDER if letters[g])
        why.append(
            f"Sourcing mix {base:.0f}/100 from {_plural(len(analysis.attributions), 'attribution')}"
            f" and {_plural(letters['F'], 'unattributed factual claim')} ({mix}; "
            "A=100, B=85, C=65, D=40, F=0 points)."
        )
        costly = [(k, n) for k, n in reasons.items() if k[0] in "DF"]
        costly.sort(key=lambda kn: (GRADE_POINTS[kn[0][0]], -kn[1]))
        for key, n in costly[:4]:
            why.append(f"Costs most: {n} x {key}.")
    else:
        base = 100.0
        why.append("No attributions or checkable claims found: the mix starts at 100.")

    penalty = 0.0
    for severity in ("error", "warning", "suggestion"):
        hits = [f for f in findings if f.severity == severity]
        if not hits:
            continue
        cost = finding_penalty(hits)
        penalty += cost
        ids = Counter(f.rule for f in hits)
        listed = ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in sorted(ids.items()))
        why.append(f"-{cost:g} for {_plural(len(hits), severity)} ({listed}).")
    if penalty > MAX_PENALTY:
        why.append(f"Finding penalties capped at {MAX_PENALTY:g}.")
        penalty = MAX_PENALTY
    score = max(0, min(100, round(base - penalty)))
    grade = grade_for_score(score)
    why.append(f"Score {score} gives grade {grade} (A >= 90, B >= 75, C >= 60, D >= 40, F below).")
    if unverified:
        why.append(f"{_plural(len(unverified), 'claim')} the article itself calls unverified.")

    counts = {kind: 0 for kind in SOURCE_TYPES}
    for attribution in analysis.attributions:
        counts[attribution.source_type] = counts.get(attribution.source_type, 0) + 1
    counts["unattributed"] = len(unattributed)
    counts["unverified"] = len(unverified)
    return Summary(score=score, grade=grade, counts=counts, why=why)
