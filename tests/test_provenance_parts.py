"""Provenance compares what the speaker said: a content's parts, not its whole extent."""

from __future__ import annotations

from auditor.model import Analysis, Attribution, Quote, Span, Speaker, SpeakerCluster
from auditor.provenance.record import article_record, record_from_result
from auditor.provenance.units import claim_units, said

TEXT = (
    '"The harbour tunnel will close for repairs," said Ingrid Solberg, the transport '
    'minister. "Engineers found cracks in the concrete lining."'
)
FIRST = '"The harbour tunnel will close for repairs,"'
SECOND = '"Engineers found cracks in the concrete lining."'


def _span(piece: str) -> dict:
    start = TEXT.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece}


def _result(with_parts: bool) -> dict:
    content = {"start": 0, "end": len(TEXT), "text": TEXT}
    if with_parts:
        content["parts"] = [_span(FIRST), _span(SECOND)]
    return {
        "schema": "auditor/2" if with_parts else "auditor/1",
        "attributions": [
            {
                "kind": "direct",
                "content": content,
                "source": _span("Ingrid Solberg, the transport minister"),
                "speaker": {"name": "Ingrid Solberg", "description": "the transport minister"},
                "source_type": "named_person",
            }
        ],
    }


def test_claim_units_leave_out_the_frame_between_parts():
    [unit] = claim_units(_result(with_parts=True))
    assert "transp" not in unit["stems"] and "minist" not in unit["stems"]
    assert {"harbou", "tunnel", "cracks", "concre"} <= set(unit["stems"])
    assert unit["text"] == f"{FIRST} \u2026 {SECOND}"
    # An auditor/1 result (no parts) is still read, whole.
    [old] = claim_units(_result(with_parts=False))
    assert "minist" in old["stems"]


def test_said_falls_back_to_the_content_text():
    assert said({"text": "  the  bridge is shut "}) == "the bridge is shut"


def test_record_from_result_takes_each_part_as_a_quote():
    quotes = record_from_result(_result(with_parts=True))["quotes"]
    assert [q["text"] for q in quotes] == [
        "The harbour tunnel will close for repairs",
        "Engineers found cracks in the concrete lining.",
    ]
    assert quotes[1]["at"] == [TEXT.index(SECOND), len(TEXT)]
    assert len(record_from_result(_result(with_parts=False))["quotes"]) == 1


def test_a_quotation_belongs_to_the_speaker_whose_parts_hold_it():
    text = (
        '"We start in May," said Ada Brenner. "Bring warm coats along," Tomas Weil added. '
        '"The work ends in June."'
    )

    def span(piece: str) -> Span:
        return Span.of(text, text.index(piece), text.index(piece) + len(piece))

    def quote(piece: str) -> Quote:
        s = span(piece)
        return Quote(s.start, s.end, '"', '"')

    # Ada's content runs over Tomas's quotation, which is not one of her parts.
    ada = Attribution(
        id="a1",
        kind="direct",
        content=Span.of(text, 0, len(text)),
        parts=[span('"We start in May,"'), span('"The work ends in June."')],
        speaker=Speaker("Ada Brenner", None, "c1"),
        source=span("Ada Brenner"),
        source_type="named_person",
    )
    tomas = Attribution(
        id="a2",
        kind="direct",
        content=span('"Bring warm coats along,"'),
        speaker=Speaker("Tomas Weil", None, "c2"),
        source=span("Tomas Weil"),
        source_type="named_person",
    )
    analysis = Analysis(
        text=text,
        sentences=[(0, len(text))],
        paragraphs=[(0, len(text))],
        quotes=[
            quote('"We start in May,"'),
            quote('"Bring warm coats along,"'),
            quote('"The work ends in June."'),
        ],
        attributions=[ada, tomas],
        speakers=[
            SpeakerCluster("c1", "Ada Brenner", "person", mentions=[span("Ada Brenner")]),
            SpeakerCluster("c2", "Tomas Weil", "person", mentions=[span("Tomas Weil")]),
        ],
    )
    quotes = {q["text"]: q["speakers"] for q in article_record(analysis)["quotes"]}
    assert quotes["We start in May"][0] == "Ada Brenner"
    assert quotes["The work ends in June."][0] == "Ada Brenner"
    # Tomas's quotation lies inside Ada's extent but in none of her parts: his first.
    assert quotes["Bring warm coats along"][0] == "Tomas Weil"
