"""Answers → checklist, as pure functions. Expected contents are written from the sources, case by case."""

from __future__ import annotations

from typing import Any

import pytest

from mhstod.answers import from_mapping, is_relevant
from mhstod.engine import Checklist, build_checklist
from mhstod.model import Knowledge

BASE = {"acute_danger": "no", "age": "adult", "county": "Skåne", "origin": "sweden", "purpose": ["sexual"],
        "residence": "permit", "police": "yes", "return_home": "no", "needs": ["none"], "role": "socialtjanst"}


def make(knowledge: Knowledge, **changes: Any) -> Checklist:
    return build_checklist(knowledge, from_mapping(knowledge, {**BASE, **changes}))


def texts(items: Any) -> list[str]:
    return [i.text for i in items]


def all_actions(cl: Checklist) -> list[str]:
    return [i.text for s in cl.steps for i in s.items]


def contact_names(cl: Checklist) -> list[str]:
    return [c.name for c in cl.contacts]


def coordinators(cl: Checklist) -> list[str]:
    return [c.name for c in cl.contacts if c.actor == "regionkoordinatorerna"]


# --- acute danger -------------------------------------------------------------------------------

def test_acute_danger_puts_112_first(knowledge: Knowledge) -> None:
    cl = make(knowledge, acute_danger="yes")
    assert cl.now[0].number is not None and cl.now[0].number.number == "112"
    assert cl.now[0].text.startswith("Ring 112")
    assert not cl.now[0].verify


def test_no_acute_danger_no_112_item(knowledge: Knowledge) -> None:
    cl = make(knowledge)
    assert all(i.number is None or i.number.number != "112" for i in cl.now)
    assert [i.number.number for i in cl.now if i.number] == ["114 14", "020-39 00 00"]


def test_unknown_danger_shows_112_to_verify(knowledge: Knowledge) -> None:
    cl = make(knowledge, acute_danger="unknown")
    assert cl.now[0].number is not None and cl.now[0].number.number == "112" and cl.now[0].verify
    assert any("akut fara" in v for v in cl.to_verify)


def test_support_line_hours(knowledge: Knowledge) -> None:
    cl = make(knowledge)
    assert cl.support_line.number == "020-39 00 00"
    assert cl.support_line.hours == "vardagar, kontorstid"
    assert cl.support_line.outside_hours


# --- children and adults ------------------------------------------------------------------------

CHILD_DUTY = ("Gör omedelbar skyddsbedömning efter anmälan om oro för barn, och fattar vid behov beslut om "
              "omedelbart omhändertagande.")
ADULT_DUTY = "Bedömer risk för fortsatt våld samt behov av skydd avseende vuxna."


def test_child_gets_protection_assessment_not_adult_risk(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child")
    assert CHILD_DUTY in texts(cl.your_tasks)
    assert ADULT_DUTY not in all_actions(cl)
    assert any("LVU" in t for t in all_actions(cl))
    assert "Gör anmälan om oro för barn till socialtjänst." in all_actions(cl)


def test_adult_gets_risk_assessment_not_child_steps(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="adult")
    assert ADULT_DUTY in texts(cl.your_tasks)
    assert CHILD_DUTY not in all_actions(cl)
    assert not any("LVU" in t for t in all_actions(cl))


def test_unknown_age_is_treated_as_a_child_and_says_so(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="unknown", county="Stockholm")
    assert CHILD_DUTY in all_actions(cl)
    assert any("presumtion om minderårighet" in n for n in cl.notes)
    assert coordinators(cl) == ["Jenny Selenius"]
    assert any("ålder" in v for v in cl.to_verify)


def test_stockholm_adult_gets_the_adult_coordinator(knowledge: Knowledge) -> None:
    assert coordinators(make(knowledge, county="Stockholm")) == ["Johan Christiansson"]


def test_other_professionals_must_report_concern_for_a_child(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child", role="other")
    assert any(t.startswith("Gör en orosanmälan till socialtjänsten") for t in texts(cl.your_tasks))
    assert make(knowledge, age="child", role="socialtjanst").your_tasks[0].text.startswith("Kontakta en region")


# --- origin: UD, Brussels II, Hague -------------------------------------------------------------

def test_child_from_eu_gets_ud_and_brussels(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child", origin="eu", residence="unknown")
    actions = all_actions(cl)
    assert "Kontaktar UD i ärenden som berör barn för att få kontakt med behöriga myndigheter i hemlandet." in actions
    assert any("Bryssel II-förordningen" in t and "EU-land" in t for t in actions)
    assert not any("Haagkonvention gäller om landet" in t for t in actions)
    assert "Utrikesdepartementet" in " ".join(contact_names(cl))


def test_child_from_outside_eu_gets_hague(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child", origin="non_eu", residence="no_permit")
    assert any("utanför EU: 1996 års Haagkonvention gäller om landet" in t for t in all_actions(cl))
    assert not any("EU-land" in t for t in all_actions(cl))


def test_swedish_child_no_ud(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child", origin="sweden")
    assert not any("UD" in t for t in all_actions(cl))
    assert not any(c.actor == "utrikesdepartementet" for c in cl.contacts)


def test_adult_from_abroad_no_ud(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="adult", origin="non_eu", residence="no_permit")
    assert not any(c.actor == "utrikesdepartementet" for c in cl.contacts)


# --- residence and police -----------------------------------------------------------------------

def test_no_permit_gets_reflection_period(knowledge: Knowledge) -> None:
    cl = make(knowledge, origin="non_eu", residence="no_permit")
    actions = all_actions(cl)
    assert "Kan ansöka om betänketid." in actions
    assert "Beslutar om tidsbegränsat uppehållstillstånd i form av betänketid." in actions
    assert any(c.actor == "migrationsverket" for c in cl.contacts)


def test_permit_no_reflection_period(knowledge: Knowledge) -> None:
    cl = make(knowledge, origin="eu", residence="permit")
    assert not any("betänketid" in t.casefold() and "ansöka" in t for t in all_actions(cl))


def test_six_month_permit_needs_cooperation(knowledge: Knowledge) -> None:
    six = "Ansöker om tidsbegränsat uppehållstillstånd om minst sex månader."
    assert six in all_actions(make(knowledge, origin="non_eu", residence="no_permit", police="yes"))
    refused = make(knowledge, origin="non_eu", residence="no_permit", police="no")
    assert six not in all_actions(refused)
    assert any("vill samarbeta" in t for t in all_actions(refused))
    undecided = make(knowledge, origin="non_eu", residence="no_permit", police="undecided")
    assert [i.verify for s in undecided.steps for i in s.items if i.text == six] == [True]


def test_police_investigate_whatever_the_person_wants(knowledge: Knowledge) -> None:
    cl = make(knowledge, police="no")
    assert "Inleder förundersökning." in all_actions(cl)
    assert any("oavsett om personen själv har anmält" in t for t in all_actions(cl))
    assert "Om polisen är förundersökningsledare, ansöker polisen om betänketid och målsägandebiträde." in \
        all_actions(cl)


def test_leaving_the_country_is_a_right_only_for_an_adult_from_abroad(knowledge: Knowledge) -> None:
    assert not any("lämna landet" in t for t in all_actions(make(knowledge, age="adult", police="no")))
    abroad = make(knowledge, age="adult", police="no", origin="eu", residence="permit")
    assert any("väljer att lämna landet, har den rätt att göra det" in t for t in all_actions(abroad))
    for age in ("child", "unknown"):  # a child returns only when both countries find it in the child's best interest
        child = make(knowledge, age=age, police="no", origin="eu", residence="permit")
        assert not any("lämna landet" in t for t in all_actions(child)), age


def test_the_police_are_not_told_to_report_to_the_police(knowledge: Knowledge) -> None:
    assert any(t.startswith("Polisanmälan bör göras") for t in texts(make(knowledge).now))
    for role in ("polis", "aklagare"):
        assert not any(t.startswith("Polisanmälan") for t in texts(make(knowledge, role=role).now))


def test_asylum_for_someone_from_outside_the_eu_without_a_permit(knowledge: Knowledge) -> None:
    assert "Handlägger ansökan om asyl." in all_actions(make(knowledge, origin="non_eu", residence="no_permit"))
    assert "Handlägger ansökan om asyl." not in all_actions(make(knowledge, origin="eu", residence="no_permit"))


# --- purposes -----------------------------------------------------------------------------------

def test_sexual_purposes_list_mika_and_evonhuset(knowledge: Knowledge) -> None:
    actors = [c.actor for c in make(knowledge, purpose=["sexual"]).contacts]
    assert "mikamottagningen" in actors and "evonhuset" in actors
    assert "arbetsmiljoverket" not in actors


def test_labour_lists_arbetsmiljoverket(knowledge: Knowledge) -> None:
    cl = make(knowledge, purpose=["labour"])
    actors = [c.actor for c in cl.contacts]
    assert "arbetsmiljoverket" in actors and "mikamottagningen" not in actors
    assert "Identifierar förmodade offer för människohandel i inspektioner på arbetsplatser." in all_actions(cl)


@pytest.mark.parametrize("purpose", ["begging", "crime", "organ_removal", "war_service", "other"])
def test_other_purposes_get_no_sexual_or_labour_contacts(knowledge: Knowledge, purpose: str) -> None:
    actors = [c.actor for c in make(knowledge, purpose=[purpose]).contacts]
    assert "mikamottagningen" not in actors and "arbetsmiljoverket" not in actors


def test_vast_splits_coordinators_by_purpose(knowledge: Knowledge) -> None:
    assert coordinators(make(knowledge, county="Göteborg", purpose=["sexual"])) == ["Petra Malmström", "Åsa Ekman"]
    assert coordinators(make(knowledge, county="Borås", purpose=["labour"])) == ["Catrin Sandman", "Emilie Holmström"]
    both = make(knowledge, county="Halland", purpose=["sexual", "begging"])
    assert len(coordinators(both)) == 4
    unknown = make(knowledge, county="Halland", purpose=["unknown"])
    assert len(coordinators(unknown)) == 4
    assert all(c.verify for c in unknown.contacts if c.actor == "regionkoordinatorerna")


# --- return -------------------------------------------------------------------------------------

def test_return_home_gets_the_return_programme_through_the_coordinator(knowledge: Knowledge) -> None:
    cl = make(knowledge, origin="eu", residence="permit", return_home="yes")
    assert [s.number for s in cl.steps][-1] == 6
    assert "Kontaktar regionkoordinator vid ansökan om deltagande i Återvändandeprogrammet." in all_actions(cl)
    iom = next(c for c in cl.contacts if c.actor == "iom")
    assert "IOM" in iom.why and not iom.numbers
    assert any("kontakta regionkoordinatorn" in h.text for h in iom.how)
    assert "regionkoordinatorn" not in iom.why, "the why says why; the how says how, once"


def test_no_return_no_step_6(knowledge: Knowledge) -> None:
    assert 6 not in [s.number for s in make(knowledge, origin="eu", residence="permit", return_home="no").steps]


def test_everyone_from_abroad_hears_about_a_safe_return(knowledge: Knowledge) -> None:
    info = "Ger information om rättigheter och möjlighet till stöd vid eventuellt återvändande till hemland."
    assert info in all_actions(make(knowledge, origin="non_eu", residence="permit", return_home="no"))
    assert info not in all_actions(make(knowledge))


def test_a_child_from_abroad_returns_only_in_its_best_interest(knowledge: Knowledge) -> None:
    best = "Säkerställer barnets bästa och har kontakt med myndigheter i barnets hemland."
    staying = make(knowledge, age="child", origin="eu", residence="permit", return_home="no")
    assert best in [i.text for s in staying.steps if s.number == 3 for i in s.items]
    assert 6 not in [s.number for s in staying.steps]
    undecided = make(knowledge, age="child", origin="eu", residence="permit", return_home="undecided")
    step6 = next(s for s in undecided.steps if s.number == 6)
    both = [i for i in step6.items if "båda länderna" in i.text]
    assert [i.verify for i in both] == [True]
    adult = make(knowledge, origin="eu", residence="permit", return_home="yes")
    assert not any("båda länderna" in t for t in all_actions(adult))


# --- needs --------------------------------------------------------------------------------------

def test_each_need(knowledge: Knowledge) -> None:
    shelter = make(knowledge, needs=["shelter"])
    assert "Beslutar om skyddat boende." in all_actions(shelter)
    health = make(knowledge, needs=["health"])
    assert "Tillhandahåller akut hälso- och sjukvård." in all_actions(health)
    assert any("kontakt med akutmottagning" in t for t in all_actions(health))
    assert any(c.actor == "halso-och-sjukvarden" for c in health.contacts)
    interpreter = make(knowledge, needs=["interpreter"])
    assert any("tolk" in t for t in all_actions(interpreter))
    none = make(knowledge, needs=["none"])
    assert not any(c.actor == "halso-och-sjukvarden" for c in none.contacts)


# --- roles --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("role", "expected"), [
    ("socialtjanst", "Fattar beslut om placering och andra akuta insatser."),
    ("polis", "Gör en individuell skyddsbedömning, och om större skyddsbehov föreligger överlämnas ärendet till BOPS."),
    ("aklagare", "Leder förundersökningen."),
    ("migrationsverket", "Beslutar om tidsbegränsat uppehållstillstånd i form av betänketid."),
    ("arbetsmiljoverket", "Identifierar förmodade offer för människohandel i inspektioner på arbetsplatser."),
    ("halso_sjukvard", "Tillhandahåller akut hälso- och sjukvård."),
    ("civil", "Kan genom Nationella stödprogrammet ge kompletterande stöd."),
])
def test_each_role_gets_its_own_tasks(knowledge: Knowledge, role: str, expected: str) -> None:
    cl = make(knowledge, role=role, origin="non_eu", residence="no_permit", purpose=["labour"], needs=["health"])
    assert expected in texts(cl.your_tasks)


@pytest.mark.parametrize(("role", "expected"), [
    ("migrationsverket", "Identifierar förmodade offer för människohandel i samtliga processer på myndigheten."),
    ("arbetsmiljoverket", "Identifierar förmodade offer för människohandel i inspektioner på arbetsplatser."),
])
def test_an_authority_identifies_in_its_own_work_whatever_the_case(knowledge: Knowledge, role: str,
                                                                    expected: str) -> None:
    assert expected in texts(make(knowledge, role=role).your_tasks)
    assert expected not in all_actions(make(knowledge))


def test_civil_society_should_report_concern_for_a_child(knowledge: Knowledge) -> None:
    tasks = texts(make(knowledge, age="child", role="civil").your_tasks)
    assert any("bör anmäla det" in t for t in tasks)
    assert not any("är skyldig att anmäla" in t for t in tasks)


def test_other_role_gets_what_any_professional_must_do(knowledge: Knowledge) -> None:
    cl = make(knowledge, role="other", age="child")
    tasks = texts(cl.your_tasks)
    assert any(t.startswith("Gör en orosanmälan") for t in tasks)
    assert any("regionkoordinator" in t for t in tasks)
    assert all(i.actor == "" for i in cl.your_tasks)


# --- regions ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("county", "expected"), [
    ("Dalarna", ["Mia Schyberg"]), ("Gotland", ["Johan Christiansson"]), ("Gävleborg", ["Anna Runesson"]),
    ("Uppsala", ["Anna Runesson"]), ("Norrbotten", ["Eva Norlin"]), ("Kalmar", ["Lisa Green", "Sara Olsson"]),
])
def test_each_region_coordinators(knowledge: Knowledge, county: str, expected: list[str]) -> None:
    assert coordinators(make(knowledge, county=county)) == expected


@pytest.mark.parametrize("county", ["Håbo", "Gävleborg"])
def test_uppsala_says_it_is_inferred(knowledge: Knowledge, county: str) -> None:
    """Wherever region Mitt is shown, also for its other counties, the inferred county says so."""
    cl = make(knowledge, county=county)
    assert cl.region is not None and cl.region.id == "mitt"
    assert any("Uppsala län" in n and "7.7" in n for n in cl.notes)


def test_habo_warns_of_habo_in_another_region(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Habo")
    assert cl.region is not None and cl.region.id == "ost"
    assert "Obs: inte att förväxla med Håbo (kommun i Uppsala län)." in cl.notes


def test_region_ost_gives_the_support_line(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Linköping")
    coordinator = next(c for c in cl.contacts if c.actor == "regionkoordinatorerna")
    assert [n.number for n in coordinator.numbers] == ["020-39 00 00"]
    assert "Tillsätts hösten 2018" in coordinator.why
    assert not any("Tillsätts" in n for n in cl.notes), "the contact says it; the notes do not repeat it"


def test_unknown_county_gives_national_contacts_and_an_item_to_verify(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="unknown")
    assert cl.region is None
    coordinator = next(c for c in cl.contacts if c.actor == "regionkoordinatorerna")
    assert coordinator.verify and [n.number for n in coordinator.numbers] == ["020-39 00 00"]
    assert any("var personen befinner sig" in v for v in cl.to_verify)


def test_social_services_of_the_place(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Malmö", role="polis")
    assert "Socialtjänsten i Malmö" in contact_names(cl)


# --- which questions are asked ------------------------------------------------------------------

def relevant(knowledge: Knowledge, question: str, **answers: Any) -> bool:
    given = from_mapping(knowledge, answers)
    return is_relevant(knowledge, knowledge.question(question), given.for_rules(knowledge))


def test_residence_and_return_are_not_asked_for_someone_from_sweden(knowledge: Knowledge) -> None:
    assert not relevant(knowledge, "residence", origin="sweden")
    assert not relevant(knowledge, "return_home", origin="sweden")
    assert relevant(knowledge, "residence", origin="eu")
    assert relevant(knowledge, "return_home", origin="unknown")


def test_every_question_is_relevant_at_the_start(knowledge: Knowledge) -> None:
    for question in knowledge.questions:
        assert is_relevant(knowledge, question, {}), question.id


def test_every_checklist_item_names_its_source(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="unknown", origin="unknown", purpose=["unknown"], residence="unknown",
              police="undecided", return_home="undecided", needs=["unknown"], acute_danger="unknown")
    for item in (*cl.now, *cl.your_tasks, *(i for s in cl.steps for i in s.items)):
        assert item.source.doc or item.source.elsewhere, item
    for contact in cl.contacts:
        assert contact.source.doc or contact.source.elsewhere, contact


def test_residence_information_only_for_someone_who_may_need_a_permit(knowledge: Knowledge) -> None:
    swede = texts(make(knowledge, origin="sweden").your_tasks)
    assert not any("uppehållstillstånd" in t for t in swede)
    assert any(t.startswith("Ge personen grundläggande information om skadestånd") for t in swede)
    foreign = texts(make(knowledge, origin="non_eu", residence="no_permit").your_tasks)
    assert any("tidsbegränsat uppehållstillstånd" in t for t in foreign)
