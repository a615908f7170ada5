"""Cross-document checks on hand-built registries: shared origin, quote drift,
conflicting details, and that the work grows with the articles, not with their pairs."""

from __future__ import annotations

import random

import pytest
from registry_articles import add_article

from auditor.provenance import crossdoc
from auditor.provenance.crossdoc import Settings, candidate_pairs, cross_documents
from auditor.provenance.registry import Registry


def add(registry, doc, claims=(), quotes=(), names=None, published=None):
    """Record an article: ``claims`` are (speaker, source type, text), ``quotes``
    (speaker, text)."""
    return add_article(registry, doc, claims, quotes, names, published=published)


@pytest.fixture
def registry(tmp_path):
    with Registry(tmp_path / "r.sqlite") as opened:
        yield opened


def _wire_pair(registry):
    a = add(
        registry,
        "gazette.txt",
        claims=[
            ("a Reuters report", "media", "the spillway had been closed for repairs since March"),
            (
                "Mira Solberg",
                "named_person",
                "the evacuation of the lower town was complete by noon",
            ),
            ("Engineers", "unknown", "the breach was caused by water running over the crest"),
            ("Jonas Weber", "named_person", "the harbor ferry will keep running all week"),
        ],
        names={"Dravsk": 3, "Solberg": 2, "Tuesday": 1},
    )
    b = add(
        registry,
        "courier.txt",
        claims=[
            ("Reuters", "media", "the spillway had been shut for repair work since March"),
            ("Mira Solberg", "named_person", "the lower town had been evacuated by midday"),
            ("engineers", "vague", "the breach was caused by water flowing over the crest"),
        ],
        names={"Dravinsk": 2, "Solberg": 1, "Tuesday": 1},
    )
    return a, b


def test_rewrites_of_one_report_form_a_cluster_naming_the_upstream(registry):
    a, b = _wire_pair(registry)
    other = add(
        registry,
        "budget.txt",
        claims=[
            ("Mira Solberg", "named_person", "the council budget for schools will grow next year")
        ],
    )
    found = cross_documents(registry, [a, b, other])
    (cluster,) = found.shared_origin
    assert [x.doc for x in cluster.articles] == ["gazette.txt", "courier.txt"]
    assert cluster.upstream == [("Reuters", 2)]
    assert cluster.speakers == [("Mira Solberg", 2)]
    assert {c["speaker"] for c in cluster.claims} == {"Reuters", "Mira Solberg", "Engineers"}
    (conflict,) = cluster.conflicts
    assert conflict["names"] == ["Dravsk", "Dravinsk"]
    assert conflict["usage"][0]["articles"] == [{"doc": "gazette.txt", "count": 3}]


def test_one_shared_claim_is_not_a_shared_origin(registry):
    a = add(
        registry,
        "one.txt",
        claims=[
            ("Mira Solberg", "named_person", "the lower town was evacuated by noon on Tuesday"),
            ("Jonas Weber", "named_person", "ferry tickets will cost more from April"),
        ],
    )
    b = add(
        registry,
        "two.txt",
        claims=[
            ("Mira Solberg", "named_person", "the lower town was evacuated by noon"),
            ("Petra Lind", "named_person", "the budget will balance within a decade"),
        ],
    )
    assert cross_documents(registry, [a, b]).shared_origin == []
    loose = Settings(shared_claims=1, shared_share=0.5)
    assert len(cross_documents(registry, [a, b], loose).shared_origin) == 1


def test_names_every_article_uses_are_not_conflicts(registry):
    a = add(
        registry,
        "a.txt",
        claims=[
            ("Reuters", "media", "the spillway had been closed for repairs since March"),
            ("Mira Solberg", "named_person", "the evacuation of the lower town was complete"),
        ],
        names={"Dravsk": 2, "Dravinsk": 1},
    )
    b = add(
        registry,
        "b.txt",
        claims=[
            ("Reuters", "media", "the spillway had been closed for repairs in March"),
            ("Mira Solberg", "named_person", "the evacuation of the lower town was completed"),
        ],
        names={"Dravsk": 1, "Dravinsk": 1},
    )
    (cluster,) = cross_documents(registry, [a, b]).shared_origin
    assert cluster.conflicts == []  # both write both: two places, not two spellings


def test_quote_versions_by_one_speaker_are_grouped_with_what_changed(registry):
    a = add(
        registry,
        "a.txt",
        quotes=[("Mira Solberg", "We will rebuild every house before the first snow.")],
    )
    b = add(registry, "b.txt", quotes=[("Solberg", "We will rebuild every house")])
    c = add(
        registry,
        "c.txt",
        quotes=[("Mira Solberg", "We will rebuild every house before the first frost")],
    )
    d = add(
        registry,
        "d.txt",
        quotes=[("Jonas Weber", "We will rebuild every house before the first snow")],
    )
    e = add(
        registry,
        "e.txt",
        quotes=[("Mira Solberg", "We will rebuild every house before the first snow!")],
    )
    (drift,) = cross_documents(registry, [a, b, c, d, e]).quote_drift
    assert drift.speaker == "Mira Solberg"
    assert drift.change == "3 versions: words changed, cut short"
    texts = {v["text"]: [x["doc"] for x in v["articles"]] for v in drift.versions}
    # e.txt says what a.txt says (punctuation aside); Weber's identical words are his own.
    assert texts == {
        "We will rebuild every house before the first frost": ["c.txt"],
        "We will rebuild every house before the first snow.": ["a.txt", "e.txt"],
        "We will rebuild every house": ["b.txt"],
    }
    differs = [v["differs"] for v in drift.versions]
    assert differs[0] is None
    assert "'snow' / 'frost'" in differs[1]
    assert differs[2].startswith("cut short")


def test_quotes_that_merely_share_words_do_not_drift(registry):
    a = add(
        registry,
        "a.txt",
        quotes=[("Mira Solberg", "We will rebuild every house before the first snow")],
    )
    b = add(
        registry, "b.txt", quotes=[("Mira Solberg", "We will reopen the school on Monday morning")]
    )
    assert cross_documents(registry, [a, b]).quote_drift == []


def test_only_groups_touching_the_focus_articles_are_reported(registry):
    a, b = _wire_pair(registry)
    c = add(
        registry,
        "c.txt",
        quotes=[("Mira Solberg", "We will rebuild every house before the first snow")],
    )
    d = add(registry, "d.txt", quotes=[("Mira Solberg", "We will rebuild every house")])
    found = cross_documents(registry, [c])
    assert found.shared_origin == [] and len(found.quote_drift) == 1
    found = cross_documents(registry, [a])
    assert len(found.shared_origin) == 1 and found.quote_drift == []
    del b, d


def _made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice("bdgklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _made_up_name(rng: random.Random) -> str:
    syllables = ["".join((rng.choice("bdgklmnprstvz"), rng.choice("aeiou"))) for _ in range(3)]
    return "Anna " + "".join(syllables).capitalize()


def test_candidates_grow_with_the_articles_not_with_their_pairs(registry):
    rng = random.Random(7)
    people = [_made_up_name(rng) for _ in range(50)]
    vocabulary = sorted({_made_up_word(rng) for _ in range(3000)})
    ids = []
    for i in range(300):
        # Fifty people quoted over and over, on different matters.
        claims = [
            (rng.choice(people), "named_person", " ".join(rng.sample(vocabulary, 8)))
            for _ in range(4)
        ]
        ids.append(add(registry, f"n{i}.txt", claims=claims))
    a, b = _wire_pair(registry)
    ids += [a, b]
    pairs = sum(1 for _ in candidate_pairs(registry, "unit_keys", set(ids)))
    assert pairs < len(ids)  # all pairs would be 45,451
    found = cross_documents(registry, ids)
    assert [[x.doc for x in c.articles] for c in found.shared_origin] == [
        ["gazette.txt", "courier.txt"]
    ]


def test_a_widely_syndicated_report_costs_a_line_per_copy(registry, monkeypatch):
    monkeypatch.setattr(crossdoc.pairs, "SMALL_BUCKET", 8)
    claims = [
        ("Reuters", "media", "the spillway had been closed for repairs since March"),
        ("Mira Solberg", "named_person", "the evacuation of the lower town was complete by noon"),
    ]
    ids = [
        add(
            registry,
            f"copy{i}.txt",
            claims=claims
            + [
                (
                    "Editor Number" + str(i),
                    "named_person",
                    f"local angle number {i} about the harbor ferry",
                )
            ],
        )
        for i in range(40)
    ]
    pairs = sum(1 for _ in candidate_pairs(registry, "unit_keys", set(ids)))
    assert pairs <= crossdoc.pairs.REPRESENTATIVES * len(ids)  # not 40 * 39 / 2 = 780
    (cluster,) = cross_documents(registry, ids).shared_origin
    assert len(cluster.articles) == 40
    assert cluster.upstream == [("Reuters", 40)]


def test_a_document_of_an_outlet_is_keyed_as_the_outlet_behind_it():
    # "According to a Reuters report, ..." is typed document (a report by anyone is a
    # document) with the secondhand flag; across articles the claim is Reuters's.
    from auditor.provenance.units import claim_units

    def attribution(name, source_type, flags):
        return {
            "speaker": {"name": name},
            "source": {"text": name},
            "source_type": source_type,
            "flags": flags,
            "content": {"start": 0, "end": 60,
                        "text": "the spillway had been closed for repairs since early March"},
        }

    report, outlet, plain = claim_units({"attributions": [
        attribution("a Reuters report", "document", ["secondhand"]),
        attribution("Reuters", "media", ["secondhand"]),
        attribution("a Reuters report", "document", []),
    ]})
    assert (report["who"], report["speaker"], report["type"]) == ("o:reuters", "Reuters", "media")
    assert report["who"] == outlet["who"]
    assert plain["type"] == "document"
