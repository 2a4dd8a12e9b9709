"""ner_decode.Decoder takes spaCy's entity recogniser's own decisions in NumPy for a batch of
windows: its entities must be exactly those of spaCy's `nlp.pipe`, span for span and label for
label, with the real models (the fine-tuned one `make model` builds when present, and the stock
one), on the run-time windows of every labelled corpus and on arbitrary text. Invented texts
only; nothing is printed but counts."""
from __future__ import annotations

import pathlib

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.redactor import engine, lexicon
from services.redactor.evaluate import load_corpus
from services.redactor.ner_decode import Decoder

pytestmark = pytest.mark.slow

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "redaction"
PEER = pathlib.Path("/work/shared/data/redaction/peer/peer_tests.jsonl")


def _load(name: str):
    return spacy.load(name, exclude=list(engine.UNUSED_COMPONENTS))


MODELS = {"stock": lambda: _load(engine.SPACY_MODEL)}
if (engine.DEFAULT_NER_MODEL / "config.cfg").is_file():
    MODELS["fine-tuned"] = lambda: _load(str(engine.DEFAULT_NER_MODEL))


@pytest.fixture(scope="module", params=sorted(MODELS))
def nlp(request):
    return MODELS[request.param]()


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def spacy_ents(nlp, texts):
    return [[(e.start, e.end, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=engine.BATCH_SIZE)]


def decoded_ents(nlp, texts):
    decoder = Decoder(nlp.get_pipe("ner"))
    out = []
    for at in range(0, len(texts), engine.BATCH_SIZE):
        docs = [nlp.make_doc(t) for t in texts[at:at + engine.BATCH_SIZE]]
        assert all(map(Decoder.plain, docs))
        out += [[(e.start, e.end, e.label_) for e in ents] for ents in decoder(docs)]
    return out


def test_both_models_are_supported(nlp):
    assert nlp.pipe_names == ["ner"]
    assert Decoder.supports(nlp.get_pipe("ner"))


def test_the_same_entities_as_spacy_on_every_corpus_window(nlp, lex):
    paths = sorted(p for p in DATA.glob("*.jsonl") if not p.name.startswith("round15"))
    paths += [PEER] if PEER.exists() else []
    windows = [item.text[a:b] for p in paths for item in load_corpus(str(p))
               for a, b in engine.ner_windows(item.text, lex)]
    assert len(windows) > 5000
    expected = spacy_ents(nlp, windows)
    assert sum(map(len, expected)) > 1000   # the windows hold entities to get right
    got = decoded_ents(nlp, windows)
    assert sum(a != b for a, b in zip(expected, got)) == 0
    assert got == expected


def test_the_same_entities_on_whole_invented_narratives(nlp):
    texts = [
        "On Tuesday 4 June Dr Amara Osei-Bonsu told me at Riverside General that my accent was "
        "'a bit much' for the Trust. Her manager, Mr Callum Dunmore, laughed.",
        "",
        " ",
        "Kemi",
        "went  home\n\nthen  Nkechi Obi rang from Leeds about the 3 o'clock meeting with NHS Fife",
        "ST PIRAN'S WARD again!!! Sister MORWENNA TREGENZA said it in front of 40 people",
    ]
    assert decoded_ents(nlp, texts) == spacy_ents(nlp, texts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=200), min_size=1, max_size=6))
def test_the_same_entities_on_arbitrary_text(nlp, texts):
    assert decoded_ents(nlp, texts) == spacy_ents(nlp, texts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Ada", "Obi", "of", "NHS", "Leeds", "the", "  ", "\n", "June",
                                 "3rd", "Mr", "Trust", ".", ",", "ward", "Sister", "Patel"]),
                max_size=40).map(" ".join))
def test_the_same_entities_on_name_shaped_text(nlp, text):
    assert decoded_ents(nlp, [text]) == spacy_ents(nlp, [text])


def test_docs_with_preset_entities_or_sentence_starts_are_not_plain(nlp):
    doc = nlp.make_doc("Ada Obi went to Leeds")
    assert Decoder.plain(doc)
    doc.set_ents([doc.char_span(0, 7, label="PERSON")])
    assert not Decoder.plain(doc)
    doc = nlp.make_doc("Ada went. Obi stayed")
    doc[3].is_sent_start = True
    assert not Decoder.plain(doc)


def test_the_engine_decodes_and_gives_what_spacy_gives(monkeypatch):
    e = engine.Engine()
    nlp = e.nlp.nlp[engine.LANGUAGE]
    assert e._decoder_for(nlp) is not None
    texts = ["the night nurse Kemi Adeyemi from Ward 7 at St Aidan's said it again on Friday",
             "nothing to see here", "Then Mr Pryce from Wrexham Maelor rang Bronwen ap Rhys"]
    def found(artifacts):
        return [([(x.start, x.end, x.label) for x in a.entities],
                 [(t.idx, t.ent) for t in a.tokens]) for a in artifacts]

    decoded = found(e.artifacts_many(texts))
    monkeypatch.setattr(Decoder, "supports", staticmethod(lambda ner: False))
    assert e._decoder_for(nlp) is None
    plain = found(e.artifacts_many(texts))
    assert decoded == plain
    assert any(entities for entities, _ in decoded)
