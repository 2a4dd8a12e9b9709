"""A learned last pass over the words the name rules left: "is this word a person's name here?"

Pure: a logistic regression over features of a word and the words around it (its shape, where it
stands in the sentence, the classes of its neighbours, the word lists, the spaCy model's entity
label for it), with weights read from `name_model.json`. That file is built, deterministically,
by `train_name_model.py` (`make model`) from the labelled corpora in tests/data/redaction (docs/redactor.md,
"The learned name pass"); nothing is downloaded. The word itself is never a feature, so the model
learns positions and kinds of word, not particular names.

Failing closed: a candidate scored at or above the threshold is redacted as a name; a weights
file that is missing or malformed stops the redactor from starting (`load` raises) rather than
letting it run without the pass.
"""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from . import vocabulary as v
from .lexicon import Lexicon
from .redaction import Span

WEIGHTS_ENV = "NAME_MODEL_PATH"
# Built by `make model` from the labelled corpora (model files are never committed).
DEFAULT_WEIGHTS = Path(__file__).resolve().parents[2] / ".cache" / "models" / "name-model" / "name_model.json"


def weights_path() -> Path:
    return Path(os.environ.get(WEIGHTS_ENV) or DEFAULT_WEIGHTS)

_DETERMINERS = frozenset({"the", "a", "an", "my", "your", "his", "her", "our", "their", "its",
                          "this", "that", "these", "those", "some", "any", "every", "each", "no",
                          "another", "which", "what"})
_PREPOSITIONS = frozenset({"to", "with", "from", "by", "at", "on", "in", "for", "of", "about",
                           "after", "before", "behind", "near", "into", "onto", "off", "via"})
_PRONOUNS = frozenset({"i", "me", "you", "he", "she", "him", "her", "they", "them", "we", "us",
                       "it", "someone", "everyone", "nobody", "anyone"})
_SPEECH = frozenset({"said", "says", "told", "tells", "asked", "asks", "laughed", "laughs",
                     "shouted", "yelled", "replied", "snapped", "muttered", "whispered", "sighed",
                     "texted", "messaged", "joked", "mocked", "mocks", "mimics", "mimicked",
                     "calls", "called", "keeps", "kept", "refused", "refuses", "thinks", "goes",
                     "went", "made", "makes", "wrote", "writes", "moved", "put", "puts", "sent",
                     "stood", "sat", "walked", "ignored", "corrected", "witnessed", "agrees",
                     "agreed", "noticed", "laughing", "just", "still", "always", "never"})
_ACTING_ON = frozenset({"told", "tell", "asked", "ask", "thanked", "warned", "reminded", "met",
                        "messaged", "texted", "emailed", "phoned", "rang", "called", "informed",
                        "helped", "saw", "heard", "sent", "paired", "swapped", "blame", "blamed",
                        "reported", "raised", "ignore", "ignored", "thanks", "cheers",
                        # a person as the first of two objects ("showed … the rota"), and company
                        "showed", "handed", "gave", "passed", "lent", "offered", "brought",
                        "forwarded", "crewed", "buddied", "partnered", "alongside"})
_AUX = frozenset({"is", "was", "were", "are", "has", "had", "have", "will", "would", "can",
                  "could", "did", "does", "do", "should", "won't", "didn't", "doesn't", "isn't",
                  "wasn't", "hasn't"})
_CONJ = frozenset({"and", "or", "but", "&", "nor", "so", "then", "because", "when", "if", "while",
                   "who", "that", "whether", "though", "although", "unless", "until", "whereas",
                   "whilst", "once", "since", "as", "than", "where", "why", "how", "whose",
                   "whom", "one"})
_CLASSES = (
    ("role", v.ROLES), ("title", v.TITLES), ("det", _DETERMINERS), ("prep", _PREPOSITIONS),
    ("pron", _PRONOUNS), ("speech", _SPEECH), ("acts", _ACTING_ON), ("aux", _AUX),
    ("conj", _CONJ), ("opener", v.TEXT_OPENERS), ("interj", v.INTERJECTIONS),
    ("place", v.PLACES | v.GENERIC_SERVICES), ("orgsuf", v.ORG_SUFFIXES),
    ("cal", v.CALENDAR), ("id", v.IDENTITY | v.NATIONALITIES),
)
# Candidates: never a word the analysis keeps, a function word, a title, role or term of address
_QUANTIFIERS = frozenset({"both", "all", "each", "most", "some", "many", "few", "several", "every",
                          "none", "either", "neither", "everyone", "everybody", "nobody"})
# text-speak without its apostrophe, and the labels of an e-mail's header
_CASUAL = frozenset({"im", "ive", "id", "ill", "dont", "cant", "wont", "didnt", "doesnt", "isnt",
                     "wasnt", "ur", "u", "ya", "yeah", "yep", "nope", "subject", "forwarded",
                     "fwd", "sent", "cc", "bcc", "date", "re"})
# Closed classes of English that are never a person's name in a narrative, though a few are
# surnames in the gazetteer ("Too", "Ever"): prepositions, adverbs of degree, frequency and time,
# and number words.
_CLOSED_CLASS = frozenset("""
between among amongst through throughout during without within against across around toward
towards upon under over above below beneath beside besides beyond despite except inside outside
past per till unto versus underneath along amid
very too quite rather really ever never always often sometimes again already almost nearly
barely hardly usually mostly mainly generally yet soon now ago enough maybe perhaps probably
definitely certainly literally actually seriously totally completely
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand first second third twice
""".split())
_NOT_CANDIDATES = (v.FUNCTION_WORDS | _PRONOUNS | _QUANTIFIERS | _AUX | _CASUAL | _CONJ |
                   _DETERMINERS | _PREPOSITIONS | _CLOSED_CLASS |
                   v.TEXT_OPENERS | v.INTERJECTIONS | v.TITLES | v.ROLES | v.TERMS_OF_ADDRESS | v.CALENDAR |
                   v.PLACES | v.GENERIC_SERVICES | v.ORG_SUFFIXES | v.IDENTITY | v.NATIONALITIES)
_SUFFIXES = ("ed", "ing", "ly", "s", "er", "y", "ie", "a", "o", "i")
# Verb forms (past, third person, of speech and of acting on someone): the rules' verb lists, one
# definition, less the adverbs and nouns those lists also hold. A lower-case one of these, or a
# lower-case English word in "-ed", that is followed in its clause by an object or a preposition
# ("gave buccal midazolam", "told her", "said to") is a verb by its grammar, never a name: the
# pass does not score it (round 11 of the learned parts, docs/redactor.md).
VERB_FORMS = (v.COMMON_VERBS | v.IRREGULAR_WORDS | _SPEECH | _ACTING_ON) - frozenset(
    {"never", "always", "just", "still", "also", "then", "will", "would", "could", "can",
     "should", "might", "must", "children", "women", "men", "people", "feet", "teeth", "mice",
     "thanks", "cheers", "alongside"}) - _AUX
# what a subject's verb, not an object, is: a name before one of these stays a candidate
_NOT_OBJECT = VERB_FORMS | _AUX | _CONJ | frozenset(v.COMMON_VERBS)


# An ordinary English word that is in no list of given names or surnames ("between", "shift",
# "Survey", "mg") is a person's name far more rarely in real narratives than in the corpora the
# pass is trained on, which give object words as names on purpose (train_names1, round9-11). On a
# batch in a new hand (round16, measured once before this) the pass's words of that kind were 6
# names against 87 ordinary words. Such a word is taken only at this surer score; given names
# that are words ("hazel", "Summer", "Will") and every other word keep the model's threshold.
DICTIONARY_WORD_THRESHOLD = 0.5


def dictionary_word(w, lex: Lexicon) -> bool:
    """An English word that is no given name, surname or name that is a word in the lists."""
    return w.key not in lex.given and w.key not in lex.family and w.key not in lex.word_names \
        and w.key not in v.GIVEN_WORDS and lex.is_english(w.text)


class ModelError(RuntimeError):
    """The weights file is missing or malformed: the redactor does not start without it."""


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: Sequence[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load(path: Path | None = None) -> Model:
    path = path or weights_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = Model({str(k): float(x) for k, x in data["weights"].items()},
                      float(data["bias"]), float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise ModelError(f"the name model's weights {path} cannot be read ({e.__class__.__name__}:"
                         f" {e}); build them with `make model` (or set {WEIGHTS_ENV})") from None
    if not 0.0 < model.threshold < 1.0:
        raise ModelError(f"the name model's threshold {model.threshold} is not between 0 and 1")
    return model


def _shape(text: str) -> str:
    if text.isupper():
        return "C" if len(text) > 1 else "I"
    if text.islower():
        return "l"
    if text[:1].isupper() and text[1:].islower():
        return "T"
    return "m"


# word -> its classes in _CLASSES' order, built once from the (frozen) class lists: a word in
# none has none. One dictionary look-up instead of fifteen set tests per neighbour.
_CLASS_OF: dict[str, tuple[str, ...]] = {}
for _name, _words in _CLASSES:
    for _word in _words:
        _CLASS_OF[_word] = _CLASS_OF.get(_word, ()) + (_name,)


def _classes(key: str) -> tuple[str, ...]:
    return _CLASS_OF.get(key, ())


def candidate(word, lex: Lexicon, text: str) -> bool:
    """A word the pass may take: two letters or more, not a word the analysis keeps, a pronoun, a conjunction,
    a quantifier or an auxiliary, nor the stem of a negative contraction ("wouldn't")."""
    return len(word.text) >= 2 and word.key not in _NOT_CANDIDATES and \
        text[word.end:word.end + 2] not in ("'t", "’t") and not lex.is_kept(word.text, word.key)


def _verb_form(w, lex: Lexicon) -> bool:
    return w.key in VERB_FORMS or (w.key.endswith("ed") and len(w.key) >= 5 and
                                   w.key not in lex.given and lex.is_english(w.text))


# A negated auxiliary or modal just before a word makes it a verb ("won't put", "didn't shift").
_NEGATED_BEFORE = re.compile(r"(?:\b(?:won|wouldn|can|couldn|shouldn|mustn|don|doesn|didn)['’]t|"
                             r"\bcannot) $", re.I)


def verb_by_grammar(text: str, words: Sequence, i: int, lex: Lexicon) -> bool:
    """Word i is a lower-case verb form (VERB_FORMS, or an English word in "-ed" that is no given
    name) with an object or a preposition after it in the same clause: the next word follows
    after a space alone and is no verb form, auxiliary or conjunction (a name before its own
    verb, "hung said", "reed told me", stays a candidate). Or such a verb form that is no given
    name straight after a negated auxiliary or modal ("he won't put calls through")."""
    w = words[i]
    if not w.text.islower() or not _verb_form(w, lex):
        return False
    if w.key not in lex.given and _NEGATED_BEFORE.search(text, max(0, w.start - 9), w.start):
        return True
    if i + 1 >= len(words):
        return False
    n = words[i + 1]
    return text[w.end:n.start] == " " and n.key not in _NOT_OBJECT and not (
        n.text.islower() and _verb_form(n, lex))


def features(text: str, words: Sequence, i: int, lex: Lexicon) -> list[str]:
    """The features of word i (names.Word: start, end, text, ent, initial, key)."""
    w = words[i]
    shape = _shape(w.text)
    english = lex.is_english(w.text)
    given = w.key in lex.given
    family = w.key in lex.family
    f = [f"s={shape}", f"ent={w.ent}", f"s={shape}&init={w.initial}",
         f"s={shape}&eng={english}", f"s={shape}&giv={given}", f"s={shape}&fam={family}",
         f"eng={english}&giv={given}&fam={family}", f"s={shape}&ent={w.ent}",
         f"len={min(len(w.text), 9)}", f"wordname={w.key in lex.word_names}"]
    f += [f"suf={s}&eng={english}" for s in _SUFFIXES if w.key.endswith(s)][:2]
    if any(c.isdigit() for c in w.text):
        f.append("digit")
    after = text[w.end:w.end + 3]
    if after[:2] in ("'s", "’s"):
        f.append("poss")
    elif after[:1] in ",.!?:;)":
        f.append(f"after={after[:1]}")
    before = text[max(0, w.start - 2):w.start]
    if before[-1:] in "\"'‘“(]-:":
        f.append(f"before={before[-1:]}")
    tags, kinds = {}, {}
    for d, name in ((-1, "p1"), (-2, "p2"), (1, "n1"), (2, "n2")):
        j = i + d
        if j < 0 or j >= len(words):
            f.append(f"{name}=none")
            tags[name] = kinds[name] = "none"
            continue
        o = words[j]
        gap = text[o.end:w.start] if d < 0 else text[w.end:o.start]
        if len(gap) > 3 or "\n" in gap or "." in gap:
            f.append(f"{name}=far")
            tags[name] = kinds[name] = "far"
            continue
        if abs(d) == 1:
            f.append(f"{name}gap={'sp' if gap == ' ' else 'punct'}")
            f.append(f"{name}s={_shape(o.text)}&s={shape}")
        cls = _classes(o.key)
        f += [f"{name}c={c}" for c in cls]
        if abs(d) == 1:
            # the neighbour's class with the word's own shape: a lower-case word after "asked" or
            # before "said" stands where a name does as a capitalised one would
            f += [f"{name}c={c}&s={shape}" for c in cls]
            if o.key.endswith("ed") and not cls:
                f.append(f"{name}=*ed&s={shape}")
        if o.key in v.FUNCTION_WORDS or cls:
            f.append(f"{name}={o.key}")
        elif o.key.endswith("ed"):
            f.append(f"{name}=*ed")
        elif o.key.endswith("s") and abs(d) == 1 and d > 0:
            f.append(f"{name}=*s")
        if abs(d) == 1 and (o.key in lex.given or o.key in lex.family):
            f.append(f"{name}=name")
        tags[name] = _tag(o, cls)
        kinds[name] = cls[0] if cls else tags[name]
    # the frame: the two words on either side together, with the word's shape ("crewed with …",
    # "showed … the", "spoke to … who"): a lower-case word is a name in some frames only
    f += [f"p2={tags['p2']}&p1={tags['p1']}&s={shape}", f"p1={tags['p1']}&n1={tags['n1']}&s={shape}",
          f"n1={tags['n1']}&n2={tags['n2']}&s={shape}",
          # the same frames by the neighbours' classes ("acts … det": any verb acting on a person)
          f"p2k={kinds['p2']}&p1k={kinds['p1']}&s={shape}",
          f"p1k={kinds['p1']}&n1k={kinds['n1']}&s={shape}",
          f"n1k={kinds['n1']}&n2k={kinds['n2']}&s={shape}"]
    return f


def _tag(o, cls: Sequence[str]) -> str:
    """A neighbour in a frame: a function word or a word of a class as itself, else its kind."""
    if o.key in v.FUNCTION_WORDS or cls:
        return o.key
    if o.key.endswith("ed"):
        return "*ed"
    if o.key.endswith("ing"):
        return "*ing"
    return "_" + _shape(o.text)


def spans(text: str, words: Sequence, taken: Sequence[Span], lex: Lexicon, model: Model,
          spared: Callable[[object], bool] = lambda w: False) -> list[Span]:
    """PERSON spans for the candidate words outside `taken` that the model scores at or above its
    threshold; never a word the rules spare on purpose (`spared`: a place someone comes from, a
    group, a time)."""
    covered: list[list[int]] = []
    for a, b in sorted((s.start, s.end) for s in taken):
        if covered and a <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], b)
        else:
            covered.append([a, b])
    out, k = [], 0
    for i, w in enumerate(words):
        while k < len(covered) and covered[k][1] <= w.start:
            k += 1
        if k < len(covered) and covered[k][0] < w.end:
            continue   # the rules took it (or part of it)
        if not candidate(w, lex, text) or spared(w) or verb_by_grammar(text, words, i, lex):
            continue
        bar = max(model.threshold, DICTIONARY_WORD_THRESHOLD) if dictionary_word(w, lex) \
            else model.threshold
        if model.score(features(text, words, i, lex)) >= bar:
            out.append(Span(w.start, w.end, "PERSON"))
    return out
