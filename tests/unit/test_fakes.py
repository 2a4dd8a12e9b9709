"""The fakes of tests/fakes.py keep to the Protocols their real adapters implement: the same
methods with the same signatures, so a fast test of one is a test of a call the other accepts."""
from __future__ import annotations

import inspect
import io
import zipfile

import pytest

from services.common.kafka import KafkaUnavailable, Publisher, SyncProducer
from services.reporter.documents import PACKED, Documents, Renderer, filename
from tests.fakes import FakeDocuments, FakePublisher
from tests.support import releases


def _methods(protocol) -> list[str]:
    return [name for name, member in vars(protocol).items() if inspect.isfunction(member) and not name.startswith("_")]


@pytest.mark.parametrize("protocol, real, fake", [(Publisher, SyncProducer, FakePublisher),
                                                  (Renderer, Documents, FakeDocuments)])
def test_a_fake_and_its_real_adapter_implement_the_same_protocol(protocol, real, fake):
    assert _methods(protocol)
    for name in _methods(protocol):
        expected = inspect.signature(getattr(protocol, name))
        assert inspect.signature(getattr(real, name)) == expected, f"{real.__name__}.{name}"
        assert inspect.signature(getattr(fake, name)) == expected, f"{fake.__name__}.{name}"


def test_the_fake_publisher_keeps_records_in_order_and_refuses_as_a_broker_that_is_away():
    publisher = FakePublisher()
    assert isinstance(publisher, Publisher)
    publisher.send("t.audit.v1", b'{"action": "a"}', key=b"k")
    publisher.send("t.commands.v1", b'{"kind": "wipe"}')
    publisher.send("t.audit.v1", b'{"action": "b"}')
    assert publisher.sent[0] == ("t.audit.v1", b'{"action": "a"}', b"k")
    assert publisher.on("t.audit.v1") == [{"action": "a"}, {"action": "b"}]
    publisher.down = True
    with pytest.raises(KafkaUnavailable):
        publisher.send("t.audit.v1", b"{}")
    with pytest.raises(ValueError, match="boom"):
        FakePublisher(error=ValueError("boom")).send("t", b"{}")
    assert len(publisher.sent) == 3
    lossy = FakePublisher(lost_acks=1)
    with pytest.raises(KafkaUnavailable):
        lossy.send("t.raw.v1", b"{}")          # the broker has it; the caller is not told so
    lossy.send("t.raw.v1", b"{}")
    assert len(lossy.sent) == 2


def test_the_fake_documents_give_the_real_report_csv_and_pack_layout_with_placeholder_renderings():
    doc = releases.book().get(releases.RELEASE_ID)
    fake = FakeDocuments()
    assert isinstance(fake, Renderer) and isinstance(Documents(), Renderer)
    drawn = [f.id for f in fake.report(doc).figures() if not f.empty]
    assert drawn and fake.chart(doc, drawn[0]).startswith("<svg") and fake.chart(doc, "no-such-figure") is None
    assert fake.render(doc, "csv") == Documents().csv(doc)
    assert fake.render(doc, "pdf") == f"pdf of release {releases.RELEASE_ID}".encode()
    names = zipfile.ZipFile(io.BytesIO(fake.render(doc, "pack"))).namelist()
    assert names == [filename(releases.RELEASE_ID, k) for k in PACKED] + ["manifest.json"]


def test_every_app_made_in_a_test_shares_the_sessions_compiled_templates(keys_dir):
    """tests/conftest.py keeps compiled templates for the session; an app whose Jinja options
    dropped it would compile every page again in every test (the unit suite's time doubles)."""
    from flask import Flask

    from services.intake.app import create_app as intake_app
    from services.intake.settings import Settings as IntakeSettings
    from tests.unit.test_reporter_api import app_with

    shared = Flask.jinja_options["bytecode_cache"]
    intake = intake_app(IntakeSettings(keys_dir=keys_dir), FakePublisher())
    reporter = app_with(releases.book(), FakePublisher(), None)
    assert intake.jinja_env.bytecode_cache is shared and reporter.jinja_env.bytecode_cache is shared
