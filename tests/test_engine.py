"""Answers → checklist, as pure functions. What a case must show, and as carefully what it must not.

Expected contents are written from the sources and ../shared/reference/process-facts.md, case by case.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

import pytest

from mhstod.answers import from_mapping
from mhstod.engine import NOW_LIMIT, Checklist, Item, build_checklist
from mhstod.model import Knowledge

BASE = {"acute_danger": "no", "age": "adult", "county": "Skåne", "origin": "sweden", "purpose": ["sexual"],
        "residence": "permit", "police": "yes", "return_home": "no", "needs": ["none"], "role": "socialtjanst"}
ROLES = ["socialtjanst", "polis", "aklagare", "migrationsverket", "arbetsmiljoverket", "halso_sjukvard", "civil",
         "other"]
# Roles that act on a suspicion themselves (001 7.2–7.4); for the others an adult decides about the police.
AUTHORITIES = {"polis", "aklagare", "migrationsverket"}
CONSENT_ROLES = [r for r in ROLES if r not in AUTHORITIES]


def make(knowledge: Knowledge, **changes: Any) -> Checklist:
    return build_checklist(knowledge, from_mapping(knowledge, {**BASE, **changes}))


def texts(items: Any) -> list[str]:
    return [i.text for i in items]


def mine(cl: Checklist) -> list[str]:
    """Everything the checklist tells the user to do or to check, in its own words."""
    return texts((*cl.now, *cl.your_tasks, *cl.to_verify))


def all_actions(cl: Checklist) -> list[str]:
    return [i.text for s in cl.steps for i in s.items]


def others(cl: Checklist) -> dict[str, list[Item]]:
    return {b.actor: list(b.items) for b in cl.others}


def contact_names(cl: Checklist) -> list[str]:
    return [c.name for c in cl.contacts]


def coordinators(cl: Checklist) -> list[str]:
    return [c.name for c in cl.contacts if c.actor == "regionkoordinatorerna" and (c.phones or c.emails)]


def said(cl: Checklist) -> str:
    """All the text of the checklist's items and contacts, to search for what must not be there."""
    parts = [*mine(cl), *(i.text for b in cl.others for i in b.items), *all_actions(cl)]
    parts += [f"{c.name} {c.why} {' '.join(h.text for h in c.how)}" for c in cl.contacts]
    return "\n".join(parts)


# --- acute danger -------------------------------------------------------------------------------

def test_acute_danger_puts_112_first(knowledge: Knowledge) -> None:
    cl = make(knowledge, acute_danger="yes")
    assert cl.now[0].number is not None and cl.now[0].number.number == "112"
    assert cl.now[0].text.startswith("Ring 112 nu") and cl.now[0].urgent and not cl.now[0].verify


def test_no_acute_danger_no_112_item(knowledge: Knowledge) -> None:
    cl = make(knowledge)
    assert not any(i.number is not None and i.number.number == "112" for i in (*cl.now, *cl.your_tasks))


def test_unknown_danger_asks_to_ring_112_at_the_least_doubt(knowledge: Knowledge) -> None:
    cl = make(knowledge, acute_danger="unknown")
    assert cl.now[0].text == "Ta reda på om personen är i akut fara: vid akut fara ringer du alltid 112."
    assert cl.now[0].urgent


def test_urgency_is_data_not_ids(knowledge: Knowledge) -> None:
    assert [n.id for n in knowledge.numbers if n.urgent] == ["nodnummer"]
    assert all(n.national for n in knowledge.numbers)


# --- "Nu": at most five, most urgent first, each saying where to turn outside office hours --------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("age", ["child", "adult", "unknown"])
def test_now_holds_at_most_five_in_order_of_urgency(knowledge: Knowledge, role: str, age: str) -> None:
    cl = make(knowledge, role=role, age=age, acute_danger="yes", needs=["shelter", "health", "interpreter"],
              police="no", origin="non_eu", residence="no_permit")
    assert 0 < len(cl.now) <= NOW_LIMIT
    urgency = {t.id: t.urgency for t in knowledge.tasks}
    ranks = [urgency[i.id] for i in cl.now]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert not set(texts(cl.now)) & set(texts(cl.your_tasks)), "nothing in Nu is repeated below"


@pytest.mark.parametrize("role", [r for r in ROLES if r != "socialtjanst"])
def test_a_child_first_gets_the_report_of_concern(knowledge: Knowledge, role: str) -> None:
    cl = make(knowledge, role=role, age="child")
    first = cl.now[0]
    assert "orosanmälan till socialtjänsten genast" in first.text
    assert "socialjour" in first.text, "where to turn outside office hours"
    assert first.due is not None and first.due.id == "genast"


def test_social_services_first_make_the_protection_assessment(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child")
    assert cl.now[0].text.startswith("Ta emot anmälan om oro för barnet och gör genast en skyddsbedömning")
    assert "socialjour" in cl.now[0].text
    adult = make(knowledge)
    assert adult.now[0].text == "Bedöm risken för fortsatt våld och personens behov av skydd."


def test_the_report_of_concern_binds_some_professions_and_says_which(knowledge: Knowledge) -> None:
    def concern(role: str) -> str:
        return next(t for t in texts(make(knowledge, role=role, age="child").now) if "orosanmälan" in t)

    assert "skyldiga att anmäla" in concern("halso_sjukvard")
    for role in ("civil", "other", "arbetsmiljoverket", "aklagare"):
        assert concern(role).startswith("Du bör göra en orosanmälan"), role
    for role in ("other", "arbetsmiljoverket", "aklagare"):  # the sources say nothing of these: the law's scope
        assert "myndighet" in concern(role) and "verksamhet berör barn och unga" in concern(role), role
    # "Another role" may work in a private activity: the duty binds independent schools and private HVB homes too.
    assert "enskild verksamhet" in concern("other") and "HVB-hem" in concern("other")
    for role in ("arbetsmiljoverket", "aklagare"):  # an authority: no schools or homes, and the 2026 change
        assert "HVB-hem" not in concern(role) and "kontrollera" in concern(role)
    civil = concern("civil")
    assert "skyldig" in civil and "avtal med kommunen" in civil, "a shelter run for the municipality must report"
    assert "orosanmälan" not in " ".join(mine(make(knowledge, role="socialtjanst", age="child")))


# --- an adult decides about the police ---------------------------------------------------------------

REPORT_ORDER = re.compile(r"\b(Gör|Upprätta|Ring)\b[^.]*(polisanmälan|anmälan om brott|114 14)|bör göras", re.I)


@pytest.mark.parametrize(("role", "police"), list(product(CONSENT_ROLES, ["no", "undecided"])))
def test_an_adult_who_has_not_said_yes_is_never_reported_on_our_say(knowledge: Knowledge, role: str,
                                                                   police: str) -> None:
    cl = make(knowledge, role=role, police=police, origin="non_eu", residence="no_permit")
    for text in mine(cl):
        assert not REPORT_ORDER.search(text), text
        assert "114 14" not in text, text
    consent = [t for t in texts(cl.now) if "bestämmer själv om polisanmälan" in t]
    assert len(consent) == 1, "the person's own decision is said once, under Nu"
    if role in ("socialtjanst", "halso_sjukvard"):
        assert "samtycke" in consent[0] and "sekretess" in consent[0] and "utan personuppgifter" in consent[0]


@pytest.mark.parametrize("role", CONSENT_ROLES)
def test_an_adult_who_wants_to_report_is_helped_to(knowledge: Knowledge, role: str) -> None:
    cl = make(knowledge, role=role, police="yes")
    report = [i for i in cl.now if i.number is not None and i.number.number == "114 14"]
    assert len(report) == 1 and "Personen vill göra en polisanmälan" in report[0].text


def test_social_services_can_report_but_the_wording_stays_can(knowledge: Knowledge) -> None:
    for police in ("yes", "no"):
        line = next(t for t in texts(make(knowledge, police=police).now) if "polisanmälan" in t)
        assert "du kan " in line.casefold()


@pytest.mark.parametrize("police", ["yes", "no", "undecided"])
def test_the_authorities_keep_their_own_duties_whatever_the_person_wants(knowledge: Knowledge,
                                                                         police: str) -> None:
    polis = texts(make(knowledge, role="polis", police=police).now)
    assert any(t.startswith("Upprätta en anmälan om brott och inled förundersökning") for t in polis)
    assert any("oavsett om personen själv har anmält" in t for t in polis)
    mv = make(knowledge, role="migrationsverket", police=police, origin="non_eu", residence="no_permit")
    assert any(t.startswith("Gör en anmälan till polisen om brott") for t in texts(mv.now))
    prosecutor = texts(make(knowledge, role="aklagare", police=police).now)
    assert any(t.startswith("Inled och led förundersökningen") and "RIO" in t for t in prosecutor)


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("socialtjanst", "polis", "migrationsverket")])
def test_a_child_is_not_reported_to_the_police_on_our_say(knowledge: Knowledge, role: str) -> None:
    """For a child the report of concern comes first; the police question is the social services' judgement."""
    for police in ("yes", "no", "undecided"):
        cl = make(knowledge, role=role, age="child", police=police)
        for text in mine(cl):
            assert not REPORT_ORDER.search(text) and "114 14" not in text, (role, police, text)


def test_for_a_child_social_services_judge_the_police_question(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child", police="no")
    assert "Bedöm om en polisanmälan ska göras: för ett barn är det socialtjänstens bedömning." in texts(cl.now)
    assert not any("vuxen bestämmer själv" in t for t in mine(cl))


# --- what applies only without a right to stay ---------------------------------------------------------

BETANKETID = re.compile("betänketid", re.I)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("age", ["child", "adult"])
def test_no_reflection_period_for_someone_swedish_or_with_a_permit(knowledge: Knowledge, role: str,
                                                                   age: str) -> None:
    for case in ({"origin": "sweden"}, {"origin": "eu", "residence": "permit"},
                 {"origin": "non_eu", "residence": "permit"}):
        cl = make(knowledge, role=role, age=age, police="undecided", **case)
        assert not BETANKETID.search(said(cl)), (role, age, case)


@pytest.mark.parametrize("role", ROLES)
def test_reflection_period_is_a_task_only_where_the_person_lacks_a_right_to_stay(knowledge: Knowledge,
                                                                                role: str) -> None:
    for origin in ("non_eu", "eu"):  # an EU/EES citizen without a permit or a right of residence: as firm
        sure = make(knowledge, role=role, origin=origin, residence="no_permit")
        assert any(BETANKETID.search(t) for t in texts((*sure.now, *sure.your_tasks))), (role, origin)
    for case in ({"origin": "eu", "residence": "unknown"}, {"origin": "unknown", "residence": "unknown"},
                 {"origin": "sweden", "residence": "no_permit"}):
        cl = make(knowledge, role=role, **case)
        assert not any(BETANKETID.search(t) for t in texts((*cl.now, *cl.your_tasks))), (role, case)
        assert any(BETANKETID.search(i.text) and i.verify for i in cl.to_verify), (role, case)


def test_betanketid_says_30_days_and_who_applies(knowledge: Knowledge) -> None:
    task = next(t for t in texts(make(knowledge, origin="non_eu", residence="no_permit").your_tasks)
                if "betänketid" in t)
    assert "30 dagar" in task and "Migrationsverket" in task and "utan förundersökning" in task
    assert "Kommunen kan återsöka kostnaderna" in task
    civil = make(knowledge, role="civil", origin="non_eu", residence="no_permit")
    assert any("ansöker socialtjänsten eller förundersökningsledaren" in t for t in texts(civil.your_tasks))


def test_eu_citizens_are_not_spoken_of_as_needing_a_permit(knowledge: Knowledge) -> None:
    for question in knowledge.questions:
        for text in (question.text, question.help, question.verify, *(c.label for c in question.choices)):
            assert "EU-medborgare utan uppehållstillstånd" not in text
    assert "uppehållsrätt" in knowledge.question("residence").text


def test_six_month_permit_needs_cooperation(knowledge: Knowledge) -> None:
    six = "Ansöker om tidsbegränsat uppehållstillstånd om minst sex månader."
    assert six in all_actions(make(knowledge, origin="non_eu", residence="no_permit", police="yes"))
    refused = make(knowledge, origin="non_eu", residence="no_permit", police="no")
    assert six not in all_actions(refused)
    assert any("vill samarbeta" in t for t in all_actions(refused))
    undecided = make(knowledge, origin="non_eu", residence="no_permit", police="undecided")
    assert [i.verify for s in undecided.steps for i in s.items if i.text == six] == [True]


def test_asylum_only_for_someone_from_outside_the_eu_without_a_permit(knowledge: Knowledge) -> None:
    assert "Handlägger ansökan om asyl." in all_actions(make(knowledge, origin="non_eu", residence="no_permit"))
    assert "Handlägger ansökan om asyl." not in all_actions(make(knowledge, origin="eu", residence="no_permit"))


def test_police_tell_a_swede_about_their_rights_without_betanketid(knowledge: Knowledge) -> None:
    cl = make(knowledge, role="polis", age="child")
    assert any("målsägandebiträde" in t for t in mine(cl))
    assert not BETANKETID.search(" ".join(mine(cl)))


# --- a child is never routed like an adult ----------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("age", ["child", "unknown"])
@pytest.mark.parametrize("return_home", ["yes", "undecided", "no"])
def test_a_child_never_gets_the_adult_return_programme(knowledge: Knowledge, role: str, age: str,
                                                      return_home: str) -> None:
    cl = make(knowledge, role=role, age=age, origin="eu", residence="no_permit", return_home=return_home)
    assert "återvändandeprogram" not in said(cl).casefold(), (role, age, return_home)
    assert "iom" not in {c.actor for c in cl.contacts}
    assert "iom" not in others(cl)


def test_a_child_returns_only_in_its_best_interest(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child", origin="non_eu", residence="permit", return_home="yes")
    assert any("båda länderna" in t and "barnets bästa" in t for t in texts(cl.your_tasks))
    undecided = make(knowledge, age="child", origin="non_eu", residence="permit", return_home="undecided")
    assert any("båda länderna" in i.text and i.verify for i in undecided.to_verify)
    assert not any("båda länderna" in t for t in mine(make(knowledge, origin="eu", residence="permit",
                                                             return_home="yes")))


def test_an_adult_returns_through_the_coordinator_and_iom(knowledge: Knowledge) -> None:
    cl = make(knowledge, origin="eu", residence="permit", return_home="yes")
    assert any(t.startswith("Kontakta regionkoordinatorn om ansökan till återvändandeprogrammet")
               for t in texts(cl.your_tasks))
    iom = next(c for c in cl.contacts if c.actor == "iom")
    assert not iom.numbers and any("regionkoordinatorn" in h.text for h in iom.how)
    assert 6 not in [s.number for s in make(knowledge, origin="eu", residence="permit", return_home="no").steps]


@pytest.mark.parametrize("role", ROLES)
def test_no_national_support_programme_for_a_child(knowledge: Knowledge, role: str) -> None:
    for origin, residence in (("non_eu", "no_permit"), ("sweden", "permit")):
        cl = make(knowledge, role=role, age="child", origin=origin, residence=residence)
        assert "stödprogram" not in said(cl).casefold(), role
    adult = make(knowledge, role="civil", origin="non_eu", residence="no_permit")
    assert any("Nationella stödprogrammet" in t for t in texts(adult.your_tasks))


def test_god_man_follows_the_residence_answer(knowledge: Knowledge) -> None:
    """A god man (lag 2005:429) is for the time before a residence permit; with a permit, a specially appointed
    guardian. The line once offered a god man to a child who had a permit."""
    waiting = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="seeking")
    assert any(t.startswith("Saknar barnet vårdnadshavare här: ansök hos överförmyndaren om en god man")
               for t in texts(waiting.your_tasks))
    assert not any("ansök hos tingsrätten" in t for t in texts(waiting.your_tasks))
    permit = make(knowledge, age="child", origin="non_eu", residence="permit", protection="granted")
    assert any(t.startswith("Saknar barnet vårdnadshavare här: ansök hos tingsrätten om en särskilt förordnad")
               for t in texts(permit.your_tasks))
    assert not any("ansök hos överförmyndaren" in t for t in texts(permit.your_tasks))
    # An EU citizen's "Ja" is a right of residence, not a permit: the guardian after a permit is not said of it.
    eu = make(knowledge, age="child", origin="eu", residence="permit", protection="no")
    assert not any("tingsrätten" in t or "överförmyndaren" in t for t in texts((*eu.now, *eu.your_tasks)))
    assert any("god man" in i.text for i in eu.to_verify)
    unsure = make(knowledge, age="child", origin="non_eu", residence="unknown", protection="unknown")
    check = next(i.text for i in unsure.to_verify if "god man" in i.text)
    assert "överförmyndaren" in check and "tingsrätten" in check, "one check that says both"
    swede = make(knowledge, age="child")
    assert not any("god man" in t for t in texts((*swede.now, *swede.your_tasks)))
    assert "god man" not in said(make(knowledge)).casefold()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("origin", "residence"), [("sweden", "permit"), ("eu", "unknown"), ("non_eu", "no_permit")])
def test_guardians_who_may_be_involved_and_a_special_representative_for_every_child(
        knowledge: Knowledge, role: str, origin: str, residence: str) -> None:
    """Parents who sold a child or send it begging: checked for every child, not only a Swedish one (001 7.3)."""
    cl = make(knowledge, role=role, age="child", origin=origin, residence=residence, protection="no")
    check = next(i for i in cl.to_verify if "vårdnadshavarna vara inblandade" in i.text)
    assert "särskild företrädare" in check.text and check.verify
    assert "vårdnadshavarna vara inblandade" not in said(make(knowledge, role=role, age="adult"))


def test_ud_only_for_a_child_who_neither_seeks_nor_has_protection(knowledge: Knowledge) -> None:
    """Contact with the home state can endanger a child who seeks or has protection, and the asylum case."""
    eu = make(knowledge, age="child", origin="eu", residence="unknown", protection="no")
    assert any("Bryssel II-förordningen" in t and "EU-land" in t for t in all_actions(eu))
    assert "Utrikesdepartementet (UD)" in contact_names(eu)
    assert any(t.startswith("Kontakta UD") for t in texts(eu.your_tasks))
    non_eu = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="no")
    assert any("utanför EU: 1996 års Haagkonvention" in t for t in all_actions(non_eu))
    for protection in ("seeking", "granted"):
        for role in ROLES:
            cl = make(knowledge, role=role, age="child", origin="non_eu", residence=residence_for(protection),
                      protection=protection)
            assert not any(t.startswith("Kontakta UD") for t in texts((*cl.now, *cl.your_tasks, *cl.to_verify)))
            assert "Utrikesdepartementet (UD)" not in contact_names(cl)
            warning = next(t for t in texts((*cl.now, *cl.your_tasks)) if t.startswith(("Barnet söker skydd här",
                                                                                       "Barnet har fått skydd här")))
            # A prohibition, not "after consulting": the sources permit no disclosure to the home state.
            assert "kontakta inte myndigheterna i barnets hemland och lämna inga uppgifter dit" in warning
            assert "utan att först" not in warning
            if role == "migrationsverket":  # not told to consult itself
                assert "Migrationsverket" not in warning and "asylsekretess" in warning
            if protection == "granted":  # no asylum case is open
                assert "asylärendet" not in warning
    unknown = make(knowledge, age="child", origin="non_eu", residence="no_permit", protection="unknown")
    assert not any("Kontakta UD" in t for t in texts((*unknown.now, *unknown.your_tasks)))
    assert "Utrikesdepartementet (UD)" not in contact_names(unknown), "no number to call before it is clear"
    check = next(i.text for i in unknown.to_verify if i.text.startswith("UD och hemlandet"))
    assert "inte söker eller har skydd" in check and "Migrationsverket" in check
    for case in ({"age": "child"}, {"origin": "non_eu", "residence": "no_permit"}):
        assert "UD" not in said(make(knowledge, **case)).split(), case


def residence_for(protection: str) -> str:
    return "permit" if protection == "granted" else "no_permit"


def test_unknown_age_is_treated_as_a_child_and_says_on_what_condition(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="unknown", county="Stockholm")
    assert cl.now[0].text.startswith("Ta emot anmälan om oro för barnet")
    age = next(i for i in cl.to_verify if i.id == "fraga-age")
    assert "skäl att anta att personen är ett barn" in age.text and "presumtion om minderårighet" in age.text
    assert age.source.elsewhere and "2011/36/EU" in age.source.elsewhere
    # Treated as a child, but may be an adult: both of Stockholm's coordinators, the children's first.
    assert coordinators(cl) == ["Jenny Selenius", "Elisabet Lundqvist"]


def test_stockholm_adult_gets_the_adult_coordinator(knowledge: Knowledge) -> None:
    assert coordinators(make(knowledge, county="Stockholm")) == ["Elisabet Lundqvist"]


# --- a user gets as own tasks only what the role does ------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_only_the_roles_own_tasks(knowledge: Knowledge, role: str) -> None:
    by_id = {t.id: t for t in knowledge.tasks}
    for case in ({"age": "child"}, {"age": "adult", "origin": "non_eu", "residence": "no_permit", "police": "no"}):
        cl = make(knowledge, role=role, needs=["shelter", "health", "interpreter"], **case)
        for item in (*cl.now, *cl.your_tasks, *cl.to_verify):
            if item.id in by_id:
                assert not by_id[item.id].roles or role in by_id[item.id].roles, (role, item.id)
        own = knowledge.role_actor(role)
        assert own not in others(cl), "the user's own actor is under Dina uppgifter, not Vem gör vad"


def test_damages_and_counsel_are_not_everyones_task(knowledge: Knowledge) -> None:
    for role in ROLES:
        assert not any("skadestånd" in t for t in mine(make(knowledge, role=role))), role


@pytest.mark.parametrize(("role", "expected"), [
    ("socialtjanst", "Besluta om placering och andra akuta insatser."),
    ("polis", "Gör en individuell skyddsbedömning; vid större skyddsbehov lämnas ärendet till BOPS. Polisen bör "
              "också göra en riskbedömning."),
    ("aklagare", "Inled och led förundersökningen: i ett människohandelsärende har alltid en specialiserad åklagare "
                 "vid RIO det operativa ansvaret, även om en åklagare vid en annan enhet kan leda den först under "
                 "jourtid."),
    ("migrationsverket", "Besluta om betänketid (tidsbegränsat uppehållstillstånd i 30 dagar) när socialnämnden "
                         "eller förundersökningsledaren ansöker."),
    ("halso_sjukvard", "Ge akut hälso- och sjukvård och den vård personen behöver: utsatta har alltid rätt till "
                       "akut vård, och i de flesta fall till ordinarie vård."),
    ("civil", "Plattformen Civila Sverige mot människohandel ger kompletterande stöd genom Nationella "
              "stödprogrammet (NSP) där myndigheterna inte kan erbjuda stöd och skydd, till exempel för vuxna utan "
              "rätt att vistas i landet; regionkoordinatorerna kan hjälpa till med kontakten."),
])
def test_each_role_gets_its_own_tasks_in_its_own_words(knowledge: Knowledge, role: str, expected: str) -> None:
    cl = make(knowledge, role=role, origin="non_eu", residence="no_permit", purpose=["labour"], needs=["health"])
    assert expected in mine(cl)


BACKGROUND = {  # own duties that are not tasks at the moment of the checklist: identification, and facts
    "Identifierar förmodade offer för människohandel i sin verksamhet.",
    "Identifierar förmodade offer för människohandel i spanings- och utredningsverksamhet.",
    "Identifierar förmodade offer för människohandel i samtliga processer på myndigheten.",
    "Identifierar förmodade offer för människohandel i inspektioner på arbetsplatser.",
    "Identifierar förmodade offer för människohandel i uppsökande verksamhet och på de boenden som drivs av "
    "aktörer inom plattformen",
    "Ger konsultativt stöd till yrkesverksamma utifrån stöd- och skyddsprocessen.",
    "Om personen inte vill delta i en brottsutredning, utan väljer att lämna landet, har den rätt att göra det.",
    "En förutsättning för det tidsbegränsade uppehållstillståndet är att personen vill samarbeta med de "
    "brottsutredande myndigheterna.",
}


@pytest.mark.parametrize("role", [r for r in ROLES if r != "other"])
def test_nothing_of_the_roles_own_is_lost(knowledge: Knowledge, role: str) -> None:
    """Every duty of the user's own actor that applies is said in the user's words, or is background."""
    own = knowledge.role_actor(role)
    for age, origin, residence, police, return_home in product(
            ["child", "adult"], ["sweden", "eu", "non_eu"], ["permit", "no_permit"], ["yes", "no"], ["yes", "no"]):
        cl = make(knowledge, role=role, age=age, origin=origin, residence=residence, police=police,
                  return_home=return_home, needs=["shelter", "health", "interpreter"])
        restated = {a.text for i in (*cl.now, *cl.your_tasks, *cl.to_verify) for a in i.restates}
        for item in (i for s in cl.steps for i in s.items if i.actor == own):
            assert item.text in restated | BACKGROUND, (role, age, origin, residence, police, item.text)


def test_rewording_never_strengthens(knowledge: Knowledge) -> None:
    for task in knowledge.tasks:
        for action in task.restates:
            words = action.text.casefold().split()
            if action.actor == knowledge.role_actor(task.roles[0] if task.roles else "") and "kan" in words[:2]:
                assert re.search(r"\bkan\b", task.text.casefold()), (task.id, action.text)
            if "bör" in words:
                assert "bör" in task.text.casefold(), (task.id, action.text)


# --- nothing twice -------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_now_tasks_and_others_never_repeat_one_another(knowledge: Knowledge, role: str) -> None:
    cl = make(knowledge, role=role, age="adult", origin="non_eu", residence="no_permit", police="no",
              return_home="yes", needs=["shelter", "health", "interpreter"])
    own_words = [i.text for i in (*cl.now, *cl.your_tasks)]
    assert len(own_words) == len(set(own_words))
    restated = {a for i in (*cl.now, *cl.your_tasks, *cl.to_verify) for a in i.restates}
    for block in cl.others:
        phrases = [i.text for i in block.items]
        assert len(phrases) == len(set(phrases)), block.actor
        for item in block.items:
            assert not set(item.restates) & restated, (block.actor, item.text)


# --- contacts are local ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("county", "clinics"), [
    ("Stockholm", ["Mikamottagningen (Stockholm)"]), ("Göteborg", ["Mikamottagningen (Göteborg, Borås)"]),
    ("Umeå", ["Mikamottagningen (Umeå)"]), ("Luleå", ["Mikamottagningen (Umeå)"]),
    ("Malmö", ["Evonhuset (Malmö)"]), ("Kalmar", ["Evonhuset (Malmö)"]),
    ("Örebro", []), ("Västerås", []), ("Linköping", []), ("Uppsala", []),
])
def test_clinics_only_where_the_region_has_one(knowledge: Knowledge, county: str, clinics: list[str]) -> None:
    names = contact_names(make(knowledge, county=county, purpose=["sexual"]))
    assert [n for n in names if n.startswith(("Mikamottagningen", "Evonhuset"))] == clinics


def test_clinics_for_an_unknown_place_are_to_check(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="unknown", purpose=["sexual"])
    mika = next(c for c in cl.contacts if c.actor == "mikamottagningen")
    assert mika.verify and "Stockholm, Göteborg, Borås, Umeå" in mika.name


@pytest.mark.parametrize("purpose", ["begging", "crime", "labour", "other"])
def test_no_clinics_for_other_purposes(knowledge: Knowledge, purpose: str) -> None:
    actors = {c.actor for c in make(knowledge, purpose=[purpose]).contacts}
    assert not actors & {"mikamottagningen", "evonhuset"}


def test_kast_is_never_a_victims_contact(knowledge: Knowledge) -> None:
    assert not any(r.actor == "kast" for r in knowledge.contact_rules)
    for county, role in product(["Stockholm", "Göteborg", "Luleå", "unknown"], ROLES):
        assert "KAST" not in said(make(knowledge, county=county, role=role, purpose=["sexual"]))


def test_no_actor_is_said_to_be_reached_through_the_support_line(knowledge: Knowledge) -> None:
    for actor in knowledge.actors:
        for how in actor.contact.how:
            assert not how.text.casefold().startswith("nås via"), actor.id


def test_vast_splits_coordinators_by_purpose(knowledge: Knowledge) -> None:
    assert coordinators(make(knowledge, county="Göteborg", purpose=["sexual"])) == ["Petra Malmström", "Åsa Ekman"]
    assert coordinators(make(knowledge, county="Borås", purpose=["labour"])) == ["Catrin Sandman", "Emilie Holmström"]
    assert len(coordinators(make(knowledge, county="Halland", purpose=["sexual", "begging"]))) == 4
    unknown = make(knowledge, county="Halland", purpose=["unknown"])
    assert len(coordinators(unknown)) == 4
    assert all(c.verify for c in unknown.contacts if c.actor == "regionkoordinatorerna" and c.phones)


@pytest.mark.parametrize(("county", "expected"), [
    ("Dalarna", ["Mia Schyberg"]), ("Gotland", ["Elisabet Lundqvist"]), ("Gävleborg", ["Anna Runesson"]),
    ("Uppsala", ["Anna Runesson"]), ("Norrbotten", ["Eva Norlin"]), ("Kalmar", ["Lisa Green", "Sara Olsson"]),
])
def test_each_region_coordinators(knowledge: Knowledge, county: str, expected: list[str]) -> None:
    assert coordinators(make(knowledge, county=county)) == expected


def test_coordinators_carry_their_age(knowledge: Knowledge) -> None:
    green = next(c for c in make(knowledge, county="Malmö").contacts if c.name == "Lisa Green")
    assert green.as_of == "2018" and green.stale and "äldre än 2 år" in green.age


def test_region_syd_has_its_shared_number_beside_the_brochures(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Malmö")
    shared = next(c for c in cl.contacts if c.numbers and c.numbers[0].number == "020-35 40 40")
    assert shared.source.elsewhere and "malmo.se" in shared.source.elsewhere
    assert "odaterad" in shared.age and "sedd 2026" in shared.age
    assert "020-35 40 40" not in said(make(knowledge, county="Göteborg"))


def test_region_ost_has_coordinators_reached_through_the_support_line(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Linköping")
    ost = next(c for c in cl.contacts if c.actor == "regionkoordinatorerna")
    assert ost.name == "Regionkoordinatorerna i Region Öst" and "sedan september 2018" in ost.why
    assert "stödtelefonen" in ost.why and not ost.phones and not ost.emails, "no person is named"
    assert ost.as_of == "2018-09" and ost.stale and ost.source.elsewhere
    assert "Tillsätts" not in ost.why
    assert "Stödtelefonen för yrkesverksamma (NMT)" in contact_names(cl)


def test_uppsala_is_placed_by_a_stated_fact_and_an_inference(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Håbo")
    assert cl.region is not None and cl.region.id == "mitt"
    assert any("Uppsala län" in n and "2020" in n and "7.7" in n for n in cl.notes)


@pytest.mark.parametrize("county", ["Gävleborg", "Gävle", "Västerås", "Sala"])
def test_the_note_on_uppsala_is_not_printed_for_the_counties_the_brochure_lists(knowledge: Knowledge,
                                                                                county: str) -> None:
    """A remark about a county belongs to that county: Västmanland and Gävleborg are in the brochure."""
    cl = make(knowledge, county=county)
    assert cl.region is not None and cl.region.id == "mitt"
    assert not any("Uppsala län" in n for n in cl.notes), cl.notes


def test_habo_warns_of_habo_in_another_region(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="Habo")
    assert cl.region is not None and cl.region.id == "ost"
    assert "Obs: inte att förväxla med Håbo (kommun i Uppsala län)." in cl.remarks


def test_unknown_county_gives_national_contacts_and_an_item_to_verify(knowledge: Knowledge) -> None:
    cl = make(knowledge, county="unknown")
    assert cl.region is None
    coordinator = next(c for c in cl.contacts if c.actor == "regionkoordinatorerna")
    assert coordinator.verify and "stödtelefonen" in coordinator.why
    assert any("var personen befinner sig" in i.text for i in cl.to_verify)


def test_social_services_of_the_place(knowledge: Knowledge) -> None:
    assert "Socialtjänsten (Malmö)" in contact_names(make(knowledge, county="Malmö", role="polis"))
    assert "Socialtjänsten (Gotland)" in contact_names(make(knowledge, county="Gotland", role="polis"))
    assert "Socialtjänsten där personen vistas" in contact_names(make(knowledge, county="Skåne", role="polis"))
    assert not any(n.startswith("Socialtjänsten") for n in contact_names(make(knowledge, county="Malmö")))


def test_labour_contacts_arbetsmiljoverket_for_the_authorities_that_work_with_it(knowledge: Knowledge) -> None:
    assert "arbetsmiljoverket" in {c.actor for c in make(knowledge, purpose=["labour"], role="polis").contacts}
    cl = make(knowledge, purpose=["labour"])
    assert "arbetsmiljoverket" not in {c.actor for c in cl.contacts}
    assert "arbetsmiljoverket" in others(cl), "said under Vem gör vad"


# --- deadlines -------------------------------------------------------------------------------------------

def test_a_childs_deadlines_with_their_law(knowledge: Knowledge) -> None:
    cl = make(knowledge, age="child")
    due = {i.due.id: i.due for i in cl.deadlines if i.due is not None}
    assert set(due) == {"genast", "forhandsbedomning", "utredning-barn", "lvu-7", "lvu-8"}
    assert due["forhandsbedomning"].period == ("days", 14)
    assert due["forhandsbedomning"].text == "inom 14 dagar från anmälan"
    assert due["lvu-7"].period == ("weeks", 1) and due["lvu-7"].law == "7 § LVU"
    assert due["lvu-8"].period == ("weeks", 4) and due["lvu-8"].law == "8 § LVU"
    assert due["utredning-barn"].period == ("months", 4)
    assert all(d.source.elsewhere for d in due.values())
    assert not make(knowledge).deadlines, "an adult's case has none of a child's deadlines"


def test_the_deadlines_are_not_for_other_roles(knowledge: Knowledge) -> None:
    due = {i.due.id for i in make(knowledge, age="child", role="halso_sjukvard").deadlines if i.due is not None}
    assert due == {"genast"}


# --- needs -----------------------------------------------------------------------------------------------

def test_sheltered_housing_goes_with_a_risk_assessment(knowledge: Knowledge) -> None:
    shelter = texts(make(knowledge, needs=["shelter"]).now)
    assert "Besluta om skyddat boende, med en riskbedömning av personens säkerhet." in shelter
    other = texts(make(knowledge, needs=["shelter"], role="halso_sjukvard").now)
    assert any(t.startswith("Om skyddat boende beslutar socialtjänsten") for t in other)
    migration = texts(make(knowledge, needs=["shelter"], role="migrationsverket").now)
    assert any("i vissa fall kan Migrationsverket besluta om boende" in t for t in migration)


def test_medical_examination_after_sexual_abuse_or_assault(knowledge: Knowledge) -> None:
    exam = "bör personen undersökas av läkare, oavsett polisanmälan"
    assert any(exam in t for t in mine(make(knowledge, purpose=["sexual"])))
    assert any(exam in t for t in mine(make(knowledge, purpose=["labour"], needs=["health"])))
    assert not any(exam in t for t in mine(make(knowledge, purpose=["labour"])))


def test_interpreter(knowledge: Knowledge) -> None:
    assert any("tolk" in t for t in mine(make(knowledge, needs=["interpreter"])))
    assert not any("tolk" in t for t in mine(make(knowledge)))


# --- every item names its source ----------------------------------------------------------------------------

def test_every_checklist_item_names_its_source(knowledge: Knowledge) -> None:
    for role in ROLES:
        cl = make(knowledge, role=role, age="unknown", origin="unknown", purpose=["unknown"], residence="unknown",
                  police="undecided", return_home="undecided", needs=["unknown"], acute_danger="unknown")
        items = [*cl.now, *cl.your_tasks, *cl.to_verify, *(i for s in cl.steps for i in s.items),
                 *(i for b in cl.others for i in b.items)]
        for item in items:
            assert item.sources and all(s.doc or s.elsewhere for s in item.sources), item
        for contact in cl.contacts:
            assert contact.source.doc or contact.source.elsewhere, contact


# --- which questions are asked ------------------------------------------------------------------------------


ONLY_IN_FULL = {  # duties left out of the short view on purpose: identification (the user is doing it), facts,
    # the return programme's sub-steps (said by the coordinator's and IOM's phrases) and UD's per-region lines
    *BACKGROUND,
    "Kan identifiera förmodade offer för människohandel genom samtal med offret.",
    "Ger konsultativt stöd till yrkesverksamma vid identifiering av förmodade offer för människohandel.",
    "Är barnets hemland ett EU-land utom Danmark sker samarbetet med landets myndigheter i regel enligt Bryssel "
    "II-förordningen; för Danmark, ett EES-land eller Schweiz kan 1996 års Haagkonvention gälla. UD svarar på vad "
    "som gäller i förhållande till landet.",
    "Barnets hemland ligger utanför EU: 1996 års Haagkonvention gäller om landet har anslutit sig till den. UD "
    "svarar på om den gäller i förhållande till landet.",
    "Har sakkunskap kring ansökan om att delta i Återvändandeprogrammet.",
    "I de fall regionkoordinator är behjälplig med ansökan om att delta i Återvändandeprogrammet fyller handläggare "
    "i tabell för riskbedömning och riskhantering som ska bifogas ansökan.",
}


def test_every_duty_shows_on_the_short_view_or_is_left_out_on_purpose(knowledge: Knowledge) -> None:
    """A duty reaches the short view as a task (restated) or a phrase under Vem gör vad (short), or is listed here."""
    restated = {a for t in knowledge.tasks for a in t.restates}
    for step in knowledge.steps:
        for action in step.actions:
            assert action.short or action in restated or action.text in ONLY_IN_FULL, action.text
