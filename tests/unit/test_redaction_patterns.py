"""Each UK recogniser of the redactor on cases of its own: what it must find (exactly that span)
and what it must leave alone. Every value is synthetic (Ofcom drama numbers, the NHS 999 test
range, invented names and streets)."""
from __future__ import annotations

import pytest

from services.redactor import patterns
from services.redactor.redaction import Span

FINDS = [
    ("nhs_number", "Patient 943 476 5919 again", "943 476 5919"),
    ("nhs_number", "NHS no 9434765919.", "9434765919"),
    ("nhs_number", "a bad checksum is still a number: 943-476-5918", "943-476-5918"),
    ("nhs_number", "(999 123 4567)", "999 123 4567"),
    ("ni_number", "NI: QQ 12 34 56 C", "QQ 12 34 56 C"),
    ("ni_number", "my nino is ab123456c", "ab123456c"),
    ("ni_number", "AB-12-34-56-D", "AB-12-34-56-D"),
    ("ni_number", "it is TR 50 11 11 B.", "TR 50 11 11 B"),
    ("ni_number_in_context", "NI number AB 12 34 56", "AB 12 34 56"),
    ("ni_number_in_context", "national insurance: ZX123456", "ZX123456"),
    ("postcode", "at NR1 3SR today", "NR1 3SR"),
    ("postcode", "the job was pe304pn, a house", "pe304pn"),
    ("postcode", "IP1  2AB", "IP1  2AB"),
    ("postcode", "sw1a 1aa", "sw1a 1aa"),
    ("uk_phone", "ring 07700 900123", "07700 900123"),
    ("uk_phone", "+44 7700 900 982", "+44 7700 900 982"),
    ("uk_phone", "home (01632) 960 001", "(01632) 960 001"),
    ("uk_phone", "0044 20 7946 0000", "0044 20 7946 0000"),
    ("uk_phone", "+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ("uk_phone", "text 07700900123.", "07700900123"),
    ("international_phone", "my cousin on +353 87 123 4567", "+353 87 123 4567"),
    ("email", "mail a.b-c@nhs.net now", "a.b-c@nhs.net"),
    ("email", "x_y@gmail.co.uk.", "x_y@gmail.co.uk"),
    ("spelled_email", "write to jo dot bloggs at nhs dot net", "jo dot bloggs at nhs dot net"),
    ("spelled_email", "jo.bloggs(at)nhs.net", "jo.bloggs(at)nhs.net"),
    ("spelled_email", "jo [at] example [dot] com", "jo [at] example [dot] com"),
    ("spelled_email", "email jo.bloggs @ nhs.net today", "jo.bloggs @ nhs.net"),
    ("url", "see https://example.org/a?b=1.", "https://example.org/a?b=1"),
    ("url", "www.example.co.uk/x", "www.example.co.uk/x"),
    ("bare_url", "on facebook.com/jo.bloggs.rn.", "facebook.com/jo.bloggs.rn"),
    ("handle", "follow @jo_bloggs", "@jo_bloggs"),
    ("handle", "(@nurse.jo)", "@nurse.jo"),
    ("nmc_pin", "PIN 12A3456B", "12A3456B"),
    ("hcpc_number", "HCPC PA 12345", "PA 12345"),
    ("hcpc_number", "OT123456", "OT123456"),
    ("registration_in_context", "GMC 1234567", "1234567"),
    ("registration_in_context", "GMC number: 7654321", "7654321"),
    ("registration_in_context", "GPhC 2012345", "2012345"),
    ("staff_id", "Staff ID E123456", "E123456"),
    ("staff_id", "staff number 12345678", "12345678"),
    ("staff_id", "payroll no. 8765432", "8765432"),
    ("staff_id", "employee XYZ-123456", "XYZ-123456"),
    ("staff_id", "Assignment number 20123456", "20123456"),
    ("written_date", "on 27 September on the unit", "27 September"),
    ("written_date", "On Wednesday 10th January an agency", "Wednesday 10th January"),
    ("written_date", "on 3 October 2023 I was", "3 October 2023"),
    ("written_date", "the 4th of May", "4th of May"),
    ("written_date", "May 4th, 2022", "May 4th, 2022"),
    ("written_date", "on Tues 3rd it", "Tues 3rd"),
    ("numeric_date", "DOB 22/08/1990", "22/08/1990"),
    ("numeric_date", "on 14.02.24 someone", "14.02.24"),
    ("numeric_date", "2023-10-03", "2023-10-03"),
    ("short_date", "it happened on 03/10 at night", "03/10"),
    ("date_of_birth", "DOB: 1988, band 5", "1988"),
    ("date_of_birth", "my date of birth is 4 May 1990.", "4 May 1990"),
    ("vehicle", "car AB12 CDE", "AB12 CDE"),
    ("vehicle", "an old P123 ABC", "P123 ABC"),
    ("vehicle_in_context", "reg is ab12 cde", "ab12 cde"),
    ("street_address", "at 38 Acacia Avenue, today", "38 Acacia Avenue"),
    ("street_address", "Flat 2, 10 Mill Lane", "Flat 2, 10 Mill Lane"),
    ("street_address", "a visit off Regent Road", "Regent Road"),
    ("street_address", "27 High Street, Diss NR1 1AA", "27 High Street, Diss"),
    ("street_address", "Flat 3b, 21 Prince of Wales Road, Norwich NR1 1DX",
     "Flat 3b, 21 Prince of Wales Road, Norwich"),
    ("street_address", "At Benjamin Court", "Benjamin Court"),
]

LEAVES = [
    ("nhs_number", "07700 900123"),
    ("nhs_number", "12345678"),
    ("ni_number", "AB 12 34 56 E"),
    ("postcode", "the 3rd floor"),
    ("postcode", "COVID-19"),
    ("uk_phone", "dial 999"),
    ("written_date", "since last Tuesday"),
    ("written_date", "even a year in"),
    ("written_date", "on nights"),
    ("written_date", "every Tuesday since Easter"),
    ("written_date", "for 3 months"),
    ("written_date", "the 2 may not"),
    ("numeric_date", "care 24/7"),
    ("short_date", "on 24/7 call"),
    ("date_of_birth", "born in 1994"),
    ("vehicle", "NHS 111"),
    ("street_address", "The Road to recovery"),
    ("street_address", "on the Close"),
    ("staff_id", "the staff 2023 survey"),
    ("handle", "r.doyle@ecch.nhs.uk"),
    ("spelled_email", "I work at home"),
    ("spelled_email", "on insta as @nurse.life.uk"),
]


@pytest.mark.parametrize("name,text,want", FINDS)
def test_each_recogniser_finds_exactly_its_span(name, text, want):
    found = [text[s.start:s.end] for s in patterns.RECOGNISERS[name](text)]
    assert found == [want]


@pytest.mark.parametrize("name,text", LEAVES)
def test_each_recogniser_leaves_ordinary_text_alone(name, text):
    assert list(patterns.RECOGNISERS[name](text)) == []


def test_every_recogniser_has_cases_of_its_own():
    assert {name for name, _, _ in FINDS} == set(patterns.RECOGNISERS)


def test_find_all_types_each_span():
    text = "Ring 07700 900123 or write to jo@nhs.net from NR1 3SR."

    def at(part: str, kind: str) -> Span:
        return Span(text.index(part), text.index(part) + len(part), kind)
    assert sorted(patterns.find_all(text)) == [at("07700 900123", "PHONE"), at("jo@nhs.net", "EMAIL"),
                                               at("NR1 3SR", "POSTCODE")]
