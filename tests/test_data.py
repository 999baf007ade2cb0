"""The shipped data against the sources: the brochure's contacts as printed, ISO 3166-2, the actors."""

from __future__ import annotations

import pycountry
import pytest

from mhstod.model import Knowledge
from tests.helpers import read_csv

# Typed by hand from the brochure (seed 004, KONTAKT), exactly as printed.
BROCHURE = {
    "bergslagen": [("Mia Schyberg", ["0550-885 67", "072-145 89 24"], ["maria.schyberg@kristinehamn.se"], "")],
    "vast": [
        ("Petra Malmström", ["072-202 67 13"], ["petra.malmstrom@socialresurs.goteborg.se"], "sexuella ändamål"),
        ("Åsa Ekman", ["031-367 93 31"], ["asa.ekman@socialresurs.goteborg.se"], "sexuella ändamål"),
        ("Catrin Sandman", ["031-367 99 09", "070-642 35 42"], ["catrin.sandman@socialresurs.goteborg.se"],
         "andra ändamål"),
        ("Emilie Holmström", ["031-367 99 16"], ["emilie.holmstrom@socialresurs.goteborg.se"], "andra ändamål"),
    ],
    "syd": [
        ("Lisa Green", ["040-34 93 54", "073-435 27 92"], ["lisa.green@malmö.se"], ""),
        ("Sara Olsson", ["040-34 93 55", "070-851 12 73"], ["sara.olsson@malmö.se"], ""),
    ],
    "nord": [("Eva Norlin", ["070-328 48 69"], ["eva.norlin@umea.se"], "")],
    "mitt": [("Anna Runesson", ["021-39 14 96", "072-142 01 60"], ["anna.runesson@vasteras.se"], "")],
    "stockholm": [
        ("Johan Christiansson", ["08-508 409 89", "076-124 09 89"], ["johan.christiansson@stockholm.se"], "vuxna"),
        ("Jenny Selenius", ["08-508 437 26", "076-124 37 26"], ["jenny.selenius@stockholm.se"], "barn & unga"),
    ],
    "ost": [],
}
FOCUS = {"": ("any", "any"), "sexuella ändamål": ("any", "sexual"), "andra ändamål": ("any", "other"),
         "vuxna": ("adult", "any"), "barn & unga": ("child", "any")}


def test_seven_regions_in_the_brochures_order(knowledge: Knowledge) -> None:
    assert [r.name for r in knowledge.regions] == [
        "Region Bergslagen", "Region Stockholm", "Region Mitt", "Region Nord", "Region Syd", "Region Väst",
        "Region Öst"]


@pytest.mark.parametrize("region_id", BROCHURE)
def test_every_coordinator_exactly_as_printed(knowledge: Knowledge, region_id: str) -> None:
    """The brochure's people, also those a newer page has replaced (said in the region's view, never a contact)."""
    region = knowledge.region(region_id)
    printed = sorted((c for c in (*region.coordinators, *region.superseded) if c.source.doc == "004"),
                     key=lambda c: [n for n, *_ in BROCHURE[region_id]].index(c.name))
    got = [(c.name, list(c.phones), list(c.emails), c.focus_printed) for c in printed]
    assert got == BROCHURE[region_id]
    for c in printed:
        assert (c.age, c.purpose) == FOCUS[c.focus_printed]
        assert c.as_of == "2018"
        assert (c.source.doc, c.source.section) == ("004", f"KONTAKT – {region.name}")


def test_region_ost_has_the_support_line_and_says_why(knowledge: Knowledge) -> None:
    ost = knowledge.region("ost")
    assert not ost.coordinators
    assert ost.contact_number == "stodtelefonen"
    note = ost.no_coordinator
    assert note is not None and "sedan september 2018" in note.text and note.as_of == "2018-09"
    assert note.source.elsewhere and note.source.date == "2018-09-24", "the newer page, with its date"
    assert note.source.url.startswith("https://www.nmtsverige.se/nyheter/2018/")
    assert note.source.note and "Tillsätts hösten 2018" in note.source.note, "the brochure's words kept"
    assert knowledge.number("stodtelefonen").number == "020-39 00 00"


def test_newer_contacts_are_from_elsewhere_with_their_page_and_date(knowledge: Knowledge) -> None:
    syd = knowledge.region("syd").numbers
    assert [(n.number, n.seen, n.as_of) for n in syd] == [("020-35 40 40", "2026", "")]
    assert syd[0].source.elsewhere and syd[0].source.url.startswith("https://malmo.se/")
    uppsala = knowledge.county("03").region_source
    assert uppsala.elsewhere and "29 september 2020" in uppsala.elsewhere and uppsala.inferred
    assert uppsala.url.startswith("https://regionuppsala.se/") and uppsala.seen == "2026-12-07"
    nmt = knowledge.actor("nmt")
    assert any("Tullverket" in f.text and f.source.elsewhere for f in nmt.about)


def test_uppsala_is_in_mitt_marked_as_inferred(knowledge: Knowledge) -> None:
    uppsala = knowledge.county("03")
    assert uppsala.region == "mitt"
    assert uppsala.region_source.elsewhere and "Polisregion Mitt" in uppsala.region_source.elsewhere
    assert "7.7" in uppsala.region_source.inferred
    others = [c for c in knowledge.counties if c.code != "03"]
    assert all(c.region_source.doc == "004" and not c.region_source.inferred for c in others)


def test_counties_equal_iso_3166_2_se(knowledge: Knowledge) -> None:
    iso = {s.code: s.name for s in pycountry.subdivisions.get(country_code="SE")}
    ours = {c.iso: c.name for c in knowledge.counties}
    assert set(ours) == set(iso)
    for code, name in ours.items():
        assert iso[code].split(" [")[0] == name, code


def test_counties_equal_the_reference_list(knowledge: Knowledge) -> None:
    expected = [(r["code"], r["name"], r["short_name"], r["iso_3166_2"]) for r in read_csv("counties.csv")]
    assert [(c.code, c.name, c.short_name, c.iso) for c in knowledge.counties] == expected


def test_municipalities_equal_the_reference_list(knowledge: Knowledge) -> None:
    expected = [(r["code"], r["name"], r["county_code"]) for r in read_csv("municipalities.csv")]
    assert [(m.code, m.name, m.county) for m in knowledge.municipalities] == expected
    assert len(knowledge.municipalities) == 290


def test_the_national_numbers(knowledge: Knowledge) -> None:
    numbers = {n.id: n for n in knowledge.numbers}
    assert [n.number for n in knowledge.numbers] == ["112", "114 14", "020-39 00 00"]
    assert numbers["stodtelefonen"].also_written == ("020-390 000",)
    assert numbers["stodtelefonen"].hours == "vardagar, kontorstid"
    assert numbers["polisen"].source.elsewhere, "114 14 corrects the brochure's misprint, from elsewhere"
    assert "114 114" in numbers["polisen"].source.note


REQUIRED_ACTORS = [
    "socialtjansten", "polismyndigheten", "aklagarmyndigheten", "migrationsverket", "arbetsmiljoverket",
    "halso-och-sjukvarden", "regionkoordinatorerna", "plattformen-civila-sverige", "utrikesdepartementet",
    "lansstyrelserna", "brottsoffermyndigheten", "jamstalldhetsmyndigheten", "nmt", "iom", "mikamottagningen",
    "kast", "evonhuset", "skatteverket",
]


def test_every_actor_the_issue_names(knowledge: Knowledge) -> None:
    ids = {a.id for a in knowledge.actors}
    assert set(REQUIRED_ACTORS) <= ids


def test_skatteverket_has_no_duties_and_says_so(knowledge: Knowledge) -> None:
    skatteverket = knowledge.actor("skatteverket")
    assert skatteverket.responsibilities == ()
    assert skatteverket.no_duties is not None


def test_the_iom_bullets_belong_to_iom(knowledge: Knowledge) -> None:
    iom = [r.text for r in knowledge.actor("iom").responsibilities]
    assert "Tar emot ansökningshandlingar om deltagande i Återvändandeprogrammet." in iom
    assert "Beslutar i samråd med regionkoordinator om deltagande i Återvändandeprogrammet." in iom
    nspm = [r.text for r in knowledge.actor("jamstalldhetsmyndigheten").responsibilities]
    assert not any("Återvändandeprogrammet" in t for t in nspm)


def test_duplicated_bullets_appear_once(knowledge: Knowledge) -> None:
    texts = [r.text for a in knowledge.actors for r in a.responsibilities]
    assert texts.count("Kan genom Nationella stödprogrammet ge kompletterande stöd.") == 1
    assert texts.count("Koordinerar stödinsatser mellan olika aktörer.") == 1


def test_the_manuals_duties_for_social_services(knowledge: Knowledge) -> None:
    duties = {r.text: r for r in knowledge.actor("socialtjansten").responsibilities}
    assert duties["Kan ansöka om betänketid."].source.doc == "001"
    child = duties["Gör omedelbar skyddsbedömning efter anmälan om oro för barn, och fattar vid behov beslut om "
                   "omedelbart omhändertagande."]
    assert child.for_whom == "child"
    assert duties["Bedömer risk för fortsatt våld samt behov av skydd avseende vuxna."].for_whom == "adult"


def test_ud_is_reached_through_uc_kc(knowledge: Knowledge) -> None:
    ud = knowledge.actor("utrikesdepartementet")
    assert any("UC-KC" in h.text for h in ud.contact.how)
    assert all(r.for_whom == "child" for r in ud.responsibilities)


def test_phone_numbers_only_where_the_sources_give_them(knowledge: Knowledge) -> None:
    with_numbers = {a.id: a.contact.numbers for a in knowledge.actors if a.contact.numbers}
    assert set(with_numbers) <= {"polismyndigheten", "jamstalldhetsmyndigheten", "nmt", "regionkoordinatorerna"}


def test_every_fact_names_its_source(knowledge: Knowledge) -> None:
    for actor in knowledge.actors:
        for fact in (*actor.responsibilities, *actor.about, *actor.contact.how, *actor.contact.web):
            assert fact.source.doc or fact.source.elsewhere, (actor.id, fact)
    for region in knowledge.regions:
        for c in (*region.coordinators, *region.superseded):  # the brochure's, or a newer page read on a day
            assert c.source.doc == "004" or (c.source.url and c.source.seen), c


def test_stockholms_adult_coordinator_is_the_newer_pages(knowledge: Knowledge) -> None:
    """The brochure's adult coordinator (2018) is replaced by the one a page of 2022 or later names."""
    stockholm = knowledge.region("stockholm")
    assert [c.name for c in stockholm.coordinators] == ["Elisabet Lundqvist", "Jenny Selenius"]
    new = stockholm.coordinators[0]
    assert new.phones == ("08-508 256 69", "076-122 56 69") and new.as_of == "2022" and new.age == "adult"
    assert new.source.url.startswith("https://www.operationkvinnofrid.se/") and new.source.seen == "2026-12-07"
    assert new.source.date == "odaterad" and "Kontrollera" in new.source.elsewhere
    assert [(c.name, c.superseded_by) for c in stockholm.superseded] == [("Johan Christiansson",
                                                                          "elisabet-lundqvist")]


def test_six_steps(knowledge: Knowledge) -> None:
    assert [s.name for s in knowledge.steps] == [
        "Identifiering", "Akut skydd", "Inledande stöd", "Långsiktigt stöd", "Straffrättsligt förfarande",
        "Ett tryggt återvändande"]
    assert all(s.source.elsewhere for s in knowledge.steps)


# Duties shown in the process in other words, with the reason; every other duty must be placed in a step.
def test_every_duty_reaches_the_process(knowledge: Knowledge) -> None:
    placed = {(a.actor, a.text) for step in knowledge.steps for a in step.actions}
    unplaced = {(actor.id, r.text) for actor in knowledge.actors for r in actor.responsibilities} - placed
    assert unplaced == set()
