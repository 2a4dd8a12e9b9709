"""The entity recogniser's training-data augmentation (services/redactor/augment.py): labels stay
exact, unlabelled words and keep spans unchanged, the same name the same new name, case as the
text's own, deterministic. Invented narratives; small pools so every draw is known."""
from services.redactor import augment as a
from services.redactor.evaluate import Item, Labelled

POOLS = a.Pools(given=(("Zofia",), ("Émile",)), family=(("Nowak",), ("Ødegård",)),
                word_given=("Hope",), places=("Thornbury",))
GIVEN = {"Zofia", "Émile", "Hope"}
FAMILY = {"Nowak", "Ødegård"}

TEXT = ("Dr Quillan told Marisol Fenwick at Kestrelmoor Community Mental Health Team to ring "
        "07700 900461. Grace in the face of it. Marisol cried.")


def _item(text=TEXT):
    def at(sub, start=0):
        i = text.index(sub, start)
        return i, i + len(sub)
    second = text.index("Marisol", text.index("Marisol") + 1)
    return Item("t1", text, (
        Labelled(*at("Dr Quillan"), "PERSON"),
        Labelled(*at("Marisol Fenwick"), "PERSON"),
        Labelled(*at("Kestrelmoor Community Mental Health Team"), "ORG"),
        Labelled(*at("07700 900461"), "PHONE"),
        Labelled(second, second + len("Marisol"), "PERSON")),
        keep=(at("Grace"),))


def _spans(item):
    return [(item.text[s.start:s.end], s.type) for s in item.pii]


def test_labels_keep_spans_and_unlabelled_text_stay_exact():
    item = _item()
    new = a.augment_item(item, 0, 0, POOLS)
    assert new.id == "t1~aug0"
    assert [s.type for s in new.pii] == ["PERSON", "PERSON", "ORG", "PHONE", "PERSON"]
    (doctor, _), (full, _), (org, _), (phone, _), (again, _) = _spans(new)
    assert doctor.startswith("Dr ") and doctor[3:].upper() in {f.upper() for f in FAMILY}
    assert org == "Thornbury Community Mental Health Team"
    assert phone == "07700 900461"
    assert [new.text[s:e] for s, e in new.keep] == ["Grace"]
    # every character outside the PERSON and ORG spans is the original's, in order
    def outside(it):
        out, last = "", 0
        for s in sorted((s for s in it.pii if s.type in ("PERSON", "ORG")),
                        key=lambda s: s.start):
            out, last = out + it.text[last:s.start] + "|", s.end
        return out + it.text[last:]
    assert outside(new) == outside(item)
    assert all(new.text[s.start:s.end] == new.text[s.start:s.end].strip() for s in new.pii)
    assert full != "Marisol Fenwick" and again != "Marisol"
    assert again.split()[0].lower() in {g.lower() for g in GIVEN}


def test_the_same_name_twice_becomes_the_same_new_name():
    text = "Odalys shouted at me. Later Odalys said sorry."
    item = Item("t2", text, (Labelled(0, 6, "PERSON"), Labelled(28, 34, "PERSON")))
    for copy in range(10):
        new = a.augment_item(item, copy, 0, POOLS)
        one, two = [new.text[s.start:s.end] for s in new.pii]
        assert one.split()[0] == two.split()[0]
        assert one.split()[0].lower() in {g.lower() for g in GIVEN}


def test_a_text_in_lower_case_gets_names_in_lower_case():
    text = "ngl odalys fenwick never lets me have a break n the manager backs her"
    item = Item("t3", text, (Labelled(4, 18, "PERSON"),))
    assert a.lower_case_text(text, item.pii)
    for copy in range(10):
        new = a.augment_item(item, copy, 0, POOLS)
        name = new.text[new.pii[0].start:new.pii[0].end]
        assert name == name.lower() and name != "odalys fenwick"
        assert new.text[new.pii[0].end:] == text[18:]


def test_hidden_names_and_texts_without_names_are_left_alone():
    spaced = Item("t4", "they called me G U R P R E E T", (Labelled(15, 30, "PERSON"),))
    zero_width = Item("t5", "Ta\u200bmsin again", (Labelled(0, 7, "PERSON"),))
    phone_only = Item("t6", "ring 07700 900461", (Labelled(5, 17, "PHONE"),))
    assert a.augment_item(spaced, 0, 0, POOLS) is None
    assert a.augment_item(zero_width, 0, 0, POOLS) is None
    assert a.augment_item(phone_only, 0, 0, POOLS) is None


def test_initials_become_other_initials_of_the_same_shape():
    item = Item("t7", "It was AK who said it.", (Labelled(7, 9, "PERSON"),))
    new = a.augment_item(item, 0, 0, POOLS)
    initials = new.text[7:9]
    assert new.pii == (Labelled(7, 9, "PERSON"),)
    assert len(initials) == 2 and initials.isupper() and initials.isalpha()
    assert new.text[:7] + new.text[9:] == "It was  who said it."


def test_deterministic_and_seeded():
    items = [_item()] * 3 + [Item("t8", "Bryn Tallis again", (Labelled(0, 11, "PERSON"),))]
    one = [(i.text, i.pii, i.keep) for i in a.augment(items, copies=2, seed=0)]
    two = [(i.text, i.pii, i.keep) for i in a.augment(items, copies=2, seed=0)]
    assert one == two
    assert len(one) == 8
    other = [(i.text, i.pii, i.keep) for i in a.augment(items, copies=2, seed=1)]
    assert other != one


def test_the_pools_are_of_many_origins_and_kinds():
    p = a.pools()
    assert len(p.given) >= 30 and len(p.family) >= 30          # locales
    assert any(not n.isascii() for names in p.given for n in names)   # diacritics kept
    assert {"hope", "may", "will", "rose"} <= set(p.word_given)
    assert all(n.isalpha() and n[0].isupper() for n in p.places)


def test_texts_with_nothing_to_change_are_copied_as_they_are_only_when_asked():
    phone_only = Item("t9", "ring 07700 900461", (Labelled(5, 17, "PHONE"),), keep=((0, 4),))
    assert a.augment([phone_only], copies=2, seed=0) == []
    same = a.augment([phone_only], copies=2, seed=0, unchanged=True)
    assert [(i.id, i.text, i.pii, i.keep) for i in same] == [
        ("t9~aug0", phone_only.text, phone_only.pii, phone_only.keep),
        ("t9~aug1", phone_only.text, phone_only.pii, phone_only.keep)]
