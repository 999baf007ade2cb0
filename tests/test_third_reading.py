"""The rules' third reading (issue 21): each principle a reviewer found broken, pinned on cases in several roles.

What the checklist must say is tested with what it must not: a line read in a hurry is followed.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

import pytest

from mhstod.render.outline import outline
from mhstod.render.plain import render as plain
from tests.test_engine import ROLES, contact_names, make, mine, said, texts

# The roles that apply for betänketid or tell the person about it, and in whose lines consent must show.
BETANKETID_ROLES = ["socialtjanst", "polis", "aklagare", "halso_sjukvard", "civil", "arbetsmiljoverket", "other"]


def betanketid_lines(cl: Any) -> list[str]:
    return [t for t in mine(cl) if "betänketid" in t.casefold() and "Svaren går isär" not in t]


@pytest.mark.parametrize(("role", "danger", "police"),
                         list(product(BETANKETID_ROLES, ["yes", "no"], ["no", "undecided", "yes"])))
def test_betanketid_is_applied_for_only_when_the_person_wants_it(knowledge: Any, role: str, danger: str,
                                                                 police: str) -> None:
    """004: "Om en utsatt person vill ha betänketid …". An application made without her wish can carry her case
    to the police against her refusal: every line that applies for it, or says who does, says so."""
    cl = make(knowledge, role=role, acute_danger=danger, police=police, origin="non_eu", residence="no_permit")
    lines = betanketid_lines(cl)
    assert lines, (role, danger, police)
    for line in lines:
        if "ansök" in line:
            assert "samtycke" in line and "vill" in line.casefold(), line
    for block in cl.others:  # "Vem gör vad": the other actors who apply say so too
        for item in block.items:
            if re.search(r"ansök(a|er) om betänketid", item.text):
                assert "när personen vill det" in item.text, item.text


@pytest.mark.parametrize("role", ["socialtjanst", "halso_sjukvard", "civil", "arbetsmiljoverket", "other"])
@pytest.mark.parametrize("danger", ["yes", "no"])
def test_after_a_no_to_the_police_the_betanketid_line_says_what_an_application_means(knowledge: Any, role: str,
                                                                                      danger: str) -> None:
    cl = make(knowledge, role=role, acute_danger=danger, police="no", origin="non_eu", residence="no_permit")
    line = next(t for t in betanketid_lines(cl) if "Migrationsverket" in t)
    assert line.startswith("Betänketid efter ett nej till polisen"), line
    assert "polisen" in line and "inget åtagande" in line and "samtycke" in line
    assert not any("också utan förundersökning" in t for t in betanketid_lines(cl)), "no plain application line"


@pytest.mark.parametrize("role", ROLES)
def test_a_contradiction_between_sweden_and_no_right_to_stay_is_a_warning(knowledge: Any, role: str) -> None:
    """The origin question asks for a country, not citizenship: only a Swedish citizen is outside betänketid."""
    cl = make(knowledge, role=role, origin="sweden", residence="no_permit", police="undecided")
    warning = next(i for i in cl.to_verify if i.text.startswith("Svaren går isär"))
    assert "medborgarskapet" in warning.text
    assert any("betänketid" in i.text.casefold() for i in cl.to_verify if "Svaren" not in i.text)
    assert not any("betänketid" in t.casefold() for t in texts((*cl.now, *cl.your_tasks))), "only to check"
    plain_swede = make(knowledge, role=role, origin="sweden", residence="permit")
    assert "Svaren går isär" not in said(plain_swede) and "betänketid" not in said(plain_swede).casefold()


def test_eea_switzerland_and_nordic_citizens_are_named_where_they_choose(knowledge: Any) -> None:
    origin = knowledge.question("origin")
    labels = {c.value: c.label for c in origin.choices}
    assert labels["eu"] == "Ett annat EU/EES-land eller Schweiz"
    assert labels["non_eu"] == "Ett land utanför EU/EES och Schweiz"
    helps = " ".join(h.text for h in origin.helps)
    assert "Norge, Island eller Liechtenstein" in helps and "nordiska länderna" in helps


@pytest.mark.parametrize(("role", "police"), list(product(["socialtjanst", "halso_sjukvard", "civil", "other"],
                                                          ["no", "undecided"])))
def test_112_is_called_in_acute_danger_whatever_the_person_thinks_of_a_report(knowledge: Any, role: str,
                                                                              police: str) -> None:
    cl = make(knowledge, role=role, acute_danger="yes", police=police, origin="non_eu", residence="no_permit")
    first = cl.now[0].text
    assert first.startswith("Ring 112 nu") and "vad personen än tycker om en polisanmälan" in first


def test_a_police_officer_is_not_told_to_ring_112_as_a_bystander(knowledge: Any) -> None:
    cl = make(knowledge, role="polis", acute_danger="yes")
    assert cl.now[0].text.startswith("Personen är i akut fara: skydda hen nu")
    assert not any(t.startswith("Ring 112") for t in mine(cl))


def test_leaving_the_country_is_not_said_to_someone_who_does_not_want_to_go_home(knowledge: Any) -> None:
    line = "Den som inte vill delta i en brottsutredning, utan väljer att lämna landet, har rätt att göra det."
    for home, shown in (("no", False), ("undecided", True), ("yes", True)):
        cl = make(knowledge, police="no", origin="non_eu", residence="no_permit", return_home=home)
        assert (line in mine(cl)) is shown, home


def test_health_care_is_told_to_act_not_advised_as_a_bystander(knowledge: Any) -> None:
    care = make(knowledge, role="halso_sjukvard", acute_danger="yes", needs=["health", "shelter"])
    assert not any("bör personen undersökas av läkare" in t for t in mine(care))
    assert any(t.startswith("Har sexuella övergrepp eller misshandel gett skador på kroppen: se till att en läkare")
               for t in mine(care))
    assert any(t.startswith("Ge akut hälso- och sjukvård") for t in texts(care.now)), "acute care is under Nu"
    social = make(knowledge, role="socialtjanst", needs=["health"])
    assert any("bör personen undersökas av läkare" in t for t in mine(social))


@pytest.mark.parametrize("age", ["child", "unknown"])
def test_the_clinics_age_limit_is_to_be_checked_for_a_child(knowledge: Any, age: str) -> None:
    for county, clinic in (("Malmö", "Evonhuset"), ("Stockholm", "Mikamottagningen")):
        cl = make(knowledge, age=age, county=county, purpose=["sexual"])
        contact = next(c for c in cl.contacts if c.name.startswith(clinic))
        assert "Kontrollera åldersgränsen" in contact.why and contact.source.elsewhere
        assert "andrahandsuppgift" in contact.source.elsewhere and "läst 2026-12-07" in contact.source.basis
    adult = make(knowledge, county="Malmö", purpose=["sexual"])
    assert "åldersgräns" not in next(c for c in adult.contacts if c.name.startswith("Evonhuset")).why


def test_identification_only_comes_last_under_who_does_what(knowledge: Any) -> None:
    cl = make(knowledge, purpose=["labour"], origin="non_eu", residence="no_permit")
    actors = [b.actor for b in cl.others]
    assert "arbetsmiljoverket" in actors and actors[-1] == "arbetsmiljoverket", actors


def test_the_short_view_cites_each_deadline_its_law_and_the_correction_of_114_14(knowledge: Any) -> None:
    cl = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="no")
    text = plain(outline(cl))
    lvu = next(line for line in text.splitlines() if "(8 § LVU)" in line)
    assert re.search(r"\bA\d+\)", lvu), "the LVU line cites the law, not only 001 7.1 which gives no deadline"
    wants = make(knowledge, police="yes", role="halso_sjukvard")
    short = plain(outline(wants))
    line = next(i for i in wants.now if "114 14" in i.text)
    assert any(s.elsewhere and "114 114" in s.elsewhere for s in line.sources), "the brochure's misprint is named"
    assert "114 14" in short


def test_web_addresses_cite_where_they_are_printed(knowledge: Any) -> None:
    """The addresses are printed in the brochure (004); 001 7.4 is the source of why Migrationsverket is listed."""
    cl = make(knowledge, origin="non_eu", residence="no_permit", police="no")
    lines = plain(outline(cl)).splitlines()
    title = next(n for n, line in enumerate(lines) if line.startswith("- Migrationsverket"))
    assert "beslutar om betänketid" in lines[title]
    assert "www.migrationsverket.se" in lines[title + 1] and "004" in lines[title + 1]
    platform = next(n for n, line in enumerate(lines) if line.startswith("- Plattformen Civila Sverige"))
    assert "www.manniskohandel.se" in lines[platform + 1] and "004" in lines[platform + 1]


def test_a_paraphrase_is_never_labelled_as_the_sources_wording(knowledge: Any) -> None:
    cl = make(knowledge, role="polis")
    full = plain(outline(cl, full=True))
    assert "Källans ordalydelse: ”Informerar offret om rättigheter, bland annat till målsägandebiträde.”" not in full
    assert "Återgivet efter källan: ”Informerar offret om rättigheter, bland annat till målsägandebiträde.”" in full
    assert "Källans ordalydelse: ”Polisen bör också göra en riskbedömning gällande offret.”" in full


def test_the_three_cases_of_the_closing_note_fit_one_screen_and_say_the_right_things(knowledge: Any) -> None:
    refuses = make(knowledge, acute_danger="yes", county="Göteborg", origin="non_eu", residence="no_permit",
                   police="no", return_home="undecided", needs=["shelter"])
    text = " ".join(plain(outline(refuses)).split())
    assert text.index("Ring 112 nu") < text.index("En vuxen bestämmer själv om polisanmälan")
    assert "Betänketid efter ett nej till polisen" in text and "Kontakta UD" not in text
    unaccompanied = make(knowledge, age="child", county="Stockholm", origin="non_eu", residence="no_permit",
                         protection="seeking", purpose=["labour"], police="undecided", return_home="no",
                         needs=["shelter"])
    text = " ".join(plain(outline(unaccompanied)).split())
    assert "Barnet söker skydd här: kontakta inte myndigheterna i barnets hemland" in text
    assert "Kontakta UD" not in text and "Utrikesdepartementet" not in text
    assert "ansök hos överförmyndaren om en god man" in text and "IOM" not in text
    parents = make(knowledge, age="child", county="Malmö", origin="eu", residence="permit", protection="no",
                   purpose=["begging"], police="undecided", return_home="undecided", needs=["shelter"],
                   guardians="yes")
    text = " ".join(plain(outline(parents)).split())
    now = text.split("Dina uppgifter")[0]
    assert "Vårdnadshavarna kan vara inblandade: ta med det i skyddsbedömningen" in now
    assert "särskild företrädare" in now
    # An EU citizen's right of residence is no permit: whom to ask for a guardian is a check, not a task.
    assert "Saknar barnet vårdnadshavare här? Ansök om god man hos överförmyndaren" in text
    assert "Utrikesdepartementet (UD)" in contact_names(parents)


@pytest.mark.parametrize("case", [
    {"age": "child", "origin": "non_eu", "residence": "no_permit", "protection": "seeking"},
    {"age": "child", "origin": "eu", "residence": "unknown", "protection": "no", "county": "Malmö"},
    {"acute_danger": "yes", "origin": "non_eu", "residence": "no_permit", "police": "no", "role": "halso_sjukvard"},
])
def test_an_a_number_on_the_short_view_is_the_one_full_lists(knowledge: Any, case: dict[str, str]) -> None:
    """The short view dropped a source the full view cites, and every A-number after it pointed one too low."""
    cl = make(knowledge, **case)
    full = plain(outline(cl, full=True))
    listed = dict(re.findall(r"^  (A\d+): annan källa än källdokumenten – (.*)$", full, re.M))
    short = plain(outline(cl))
    for item in (*cl.now, *cl.your_tasks, *cl.to_verify):
        line = next(x for x in short.splitlines() if item.text.rstrip(".") in x)
        sources = [*item.sources, *((item.due.source,) if item.due is not None else ())]
        bases = {s.basis for s in sources if s.elsewhere}
        for number in re.findall(r"\b(A\d+)\b", line.rsplit("(källa:", 1)[-1]):
            assert listed[number] in bases, (item.id, number)


# --- found by the independent reader ------------------------------------------------------------------

@pytest.mark.parametrize("protection", ["seeking", "granted", "unknown"])
def test_a_child_who_may_have_protection_and_wants_to_go_home_is_not_sent_to_ud(knowledge: Any,
                                                                                 protection: str) -> None:
    cl = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection=protection,
              return_home="yes")
    assert not any("UD hjälper" in t for t in mine(cl))
    line = next(t for t in mine(cl) if "båda länderna" in t)
    assert "tas ett återvändande upp med Migrationsverket och barnets gode man, inte med hemlandet" in line
    safe = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="no", return_home="yes")
    assert any(t.startswith("Kontakta UD") for t in mine(safe)), "said once, by its own task"
    assert sum("UD" in t.split() for t in mine(safe)) == 1


def test_the_prosecutor_names_rio_and_no_special_representative_for_an_adult(knowledge: Any) -> None:
    adult = make(knowledge, role="aklagare", origin="non_eu", residence="no_permit")
    assert any("RIO" in t for t in texts(adult.now))
    assert "särskild företrädare" not in " ".join(mine(adult))
    child = make(knowledge, role="aklagare", age="child", origin="non_eu", residence="no_permit", protection="no")
    assert any("särskild företrädare" in t for t in texts((*child.now, *child.your_tasks)))


def test_a_civil_society_user_gets_the_platform_that_runs_nsp(knowledge: Any) -> None:
    cl = make(knowledge, role="civil", origin="non_eu", residence="no_permit", police="no")
    assert "Plattformen Civila Sverige mot människohandel" in contact_names(cl)


def test_migrationsverket_applies_for_a_god_man_for_an_unaccompanied_child(knowledge: Any) -> None:
    cl = make(knowledge, role="migrationsverket", age="child", origin="non_eu", residence="no_permit",
              protection="seeking")
    assert any(t.startswith("Saknar barnet vårdnadshavare här: ansök hos överförmyndaren om en god man")
               for t in texts(cl.your_tasks))


def test_identification_only_is_not_on_the_short_view(knowledge: Any) -> None:
    cl = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="no", purpose=["labour"])
    short = plain(outline(cl))
    assert "kan upptäcka offer vid inspektioner" not in short.split("Vem gör vad")[-1]
    assert "kan upptäcka offer vid inspektioner" in plain(outline(cl, full=True))


def test_the_six_months_condition_cites_where_it_is_said(knowledge: Any) -> None:
    cl = make(knowledge, role="migrationsverket", origin="non_eu", residence="no_permit", police="undecided")
    check = next(i for i in cl.to_verify if "minst sex månader" in i.text)
    assert any(s.doc == "004" and "vill samarbeta" in s.note for s in check.sources)


@pytest.mark.parametrize("role", ROLES)
def test_guardians_who_may_be_involved_are_a_task_when_said_and_a_check_when_unknown(knowledge: Any,
                                                                                     role: str) -> None:
    """Parents who sold a child or send it begging: a question for every child, a task when they may be."""
    said_yes = make(knowledge, role=role, age="child", origin="eu", residence="unknown", protection="no",
                    guardians="yes")
    line = next(t for t in texts((*said_yes.now, *said_yes.your_tasks)) if t.startswith("Vårdnadshavarna kan"))
    assert "särskild företrädare" in line
    unknown = make(knowledge, role=role, age="child", guardians="unknown")
    assert any(i.text.startswith("Kan vårdnadshavarna vara inblandade?") for i in unknown.to_verify)
    said_no = make(knowledge, role=role, age="child", guardians="no")
    assert not any("inblandade" in t for t in mine(said_no))
    assert "inblandade" not in " ".join(mine(make(knowledge, role=role, age="adult")))


def test_the_guardians_are_asked_for_every_child_and_never_for_an_adult(knowledge: Any) -> None:
    from mhstod.answers import from_mapping
    from mhstod.rules import is_relevant

    def relevant(**answers: str) -> bool:
        given = from_mapping(knowledge, answers)
        return is_relevant(knowledge, knowledge.question("guardians"), given.for_rules(knowledge))

    assert relevant(age="child", origin="sweden") and relevant(age="child", origin="non_eu")
    assert relevant(age="unknown"), "an unknown age is presumed a child's"
    assert not relevant(age="adult")


@pytest.mark.parametrize("role", [r for r in ROLES if r != "socialtjanst"])
def test_every_role_is_told_to_wait_while_the_childs_protection_is_unknown(knowledge: Any, role: str) -> None:
    cl = make(knowledge, role=role, age="child", origin="non_eu", residence="no_permit", protection="unknown")
    assert any(t.startswith("Söker barnet skydd här? Tills det är klart: kontakta inte") for t in mine(cl))
    known = make(knowledge, role=role, age="child", origin="non_eu", residence="no_permit", protection="no")
    assert not any("Tills det är klart" in t for t in mine(known))


def test_protection_granted_with_no_right_to_stay_is_a_warning(knowledge: Any) -> None:
    cl = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="granted")
    assert any(i.text.startswith("Svaren går isär: den som har fått skydd här har uppehållstillstånd")
               for i in cl.to_verify)


def test_migrationsverkets_housing_route_is_said_to_every_role(knowledge: Any) -> None:
    for role in ("socialtjanst", "civil", "polis"):
        cl = make(knowledge, role=role, origin="non_eu", residence="no_permit", needs=["shelter"])
        assert any("kan i vissa fall Migrationsverket besluta om boende" in t for t in mine(cl)), role


# --- issue 22: the law as it stands ---------------------------------------------------------------------

@pytest.mark.parametrize(("case", "shown"), [
    ({"age": "child", "origin": "non_eu", "residence": "no_permit", "protection": "no"}, True),
    ({"age": "child", "origin": "eu", "residence": "unknown", "protection": "no"}, True),
    ({"age": "child", "origin": "sweden", "guardians": "yes"}, True),
    ({"age": "unknown", "origin": "unknown"}, True),
    ({"age": "child", "origin": "sweden", "guardians": "no"}, False),
    ({"age": "adult", "origin": "non_eu", "residence": "no_permit"}, False),
])
def test_the_lvu_travel_ban_is_something_to_consider_for_a_child_who_may_be_taken_abroad(
        knowledge: Any, case: dict[str, str], shown: bool) -> None:
    """Widened to harm abroad such as exploitation (prop. 2023/24:72, from 1 June 2024): never a firm task."""
    cl = make(knowledge, **case)
    said = [i for i in cl.to_verify if "utreseförbud" in i.text]
    assert bool(said) is shown, case
    assert not any("utreseförbud" in t for t in texts((*cl.now, *cl.your_tasks)))
    if said:
        assert any(s.elsewhere and "2023/24:72" in s.elsewhere and s.url == "https://lagen.nu/prop/2023/24:72"
                   and s.date == "2024-02-22" and s.seen == "2026-12-07" for s in said[0].sources)
    for role in ("polis", "halso_sjukvard"):  # social services' to consider
        assert "utreseförbud" not in " ".join(mine(make(knowledge, **{**case, "role": role})))


@pytest.mark.parametrize("age", ["adult", "unknown"])
def test_a_replaced_coordinator_is_never_offered_as_a_contact(knowledge: Any, age: str) -> None:
    cl = make(knowledge, age=age, county="Stockholm")
    assert "Johan Christiansson" not in contact_names(cl)
    assert "Elisabet Lundqvist" in contact_names(cl)
    lundqvist = next(c for c in cl.contacts if c.name == "Elisabet Lundqvist")
    assert lundqvist.as_of == "2022" and lundqvist.stale, "told how old the fact is, and to check it"


def test_the_betanketid_paperwork_is_in_the_full_view_only(knowledge: Any) -> None:
    """What to send, to whom and how (Migrationsverket's page), and when a decision comes; not on the short view."""
    cl = make(knowledge, origin="non_eu", residence="no_permit", police="undecided")
    full = " ".join(plain(outline(cl, full=True)).split())
    assert "blankett 195011" in full and "visa.app@migrationsverket.se" in full
    assert "inom ett par dagar" in full and "beslutet anger tillståndets sista dag" in full
    short = plain(outline(cl))
    assert "195011" not in short
    swede = make(knowledge, origin="sweden", residence="permit")
    assert "195011" not in plain(outline(swede, full=True)), "only where the person may lack a right to stay"


@pytest.mark.parametrize("name", ["barn-brott-stockholm", "romania-malmo", "okand-alder-stockholm"])
def test_scenario_show_numbers_its_sources_as_its_full_view(capsys: pytest.CaptureFixture[str], name: str) -> None:
    """The teaching case's short view cited A3 where its full view listed that source as A4 (found in review)."""
    from tests.helpers import run

    full = " ".join(run(capsys, "--plain", "scenario", "show", name, "--full")[1].split())
    listed = dict(re.findall(r"(A\d+): annan källa än källdokumenten – (.*?)(?= A\d+: annan källa|$)", full))
    short = " ".join(run(capsys, "--plain", "scenario", "show", name)[1].split())
    cited = re.search(r"Rådfråga en regionkoordinator[^(]*\(Kontakter\)[^(]*\(källa: ([^)]*)\)", short)
    assert cited is not None
    number = re.findall(r"\b(A\d+)\b", cited.group(1))[0]
    assert "Manual vid misstanke om människohandel, steg 2 Akut skydd" in listed[number]


def test_the_summary_for_a_call_numbers_its_sources_as_the_full_checklist(knowledge: Any) -> None:
    from mhstod.render.outline import consultation_outline

    cl = make(knowledge, county="Linköping", origin="non_eu", residence="no_permit", police="no")
    full = " ".join(plain(outline(cl, full=True)).split())
    listed = dict(re.findall(r"(A\d+): annan källa än källdokumenten – (.*?)(?= A\d+: annan källa|$)", full))
    summary = plain(consultation_outline(cl))
    line = next(x for x in summary.splitlines() if "020-39 00 00" in x)
    for number in re.findall(r"\b(A\d+)\b", line.rsplit("(källa:", 1)[-1]):
        assert "stödtelefonen" in listed[number].casefold() or "kontorstid" in listed[number], listed[number]
