"""Demo reporting data: a past cycle with published reports and an open cycle to report in.

The past cycle, 2019–2020, is built from the facts of the CAM's report for that period
(`../shared/corpus`): what the DPS, the IACHR, the CIM and the IIN reported, turned into
structured entries. Titles and narratives are the project's own wording; names, dates, places
and figures are the report's. Everything goes through the reporting services as the demo
secretariat, so the history pages show a real trail.

The open cycle, 2025–2026, gets the demo focal points of the IIN and the CIM, whose drafts
start with the entries they had planned in 2019–2020 as a checklist (the services' carry-over).

Loading is idempotent: a cycle is created only if no cycle has its label, an account only if
no user has its name. Only demo mode (`followup load-demo`) calls this.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from followup.accounts.models import Membership, User
from followup.accounts.roles import FOCAL_POINT, REVIEWER
from followup.accounts.services import sync_roles
from followup.program.models import Actor, PopulationGroup, ProgramActivity, ProgramVersion, Theme
from followup.reporting import services
from followup.reporting.models import Entry, ReportingCycle

PAST_CYCLE = "2019–2020"
OPEN_CYCLE = "2025–2026"
# The open cycle's deadline is at least this far ahead, so the demo never starts out late.
OPEN_CYCLE_MIN_DAYS = 60

CARRIED_OUT = Entry.Kind.CARRIED_OUT
PLANNED = Entry.Kind.PLANNED
BEST_PRACTICE = Entry.Kind.BEST_PRACTICE
PROPOSAL = Entry.Kind.PROPOSAL


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    actor: str = ""  # slug of the actor a focal point reports for


DEMO_ACCOUNTS = (
    DemoAccount("iin-focal", FOCAL_POINT, "iin"),
    DemoAccount("cim-focal", FOCAL_POINT, "cim"),
    # A state's focal point, to answer the follow-up of recommendations addressed to states.
    DemoAccount("cri-focal", FOCAL_POINT, "cri"),
    DemoAccount("reviewer", REVIEWER),
)


@dataclass(frozen=True)
class DemoEntry:
    kind: str
    title: str
    narrative: str
    starts: str = ""
    ends: str = ""
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    figures: tuple[tuple[int, str], ...] = ()


MESOAMERICA = ("CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN", "DOM")

DPS_ENTRIES = (
    DemoEntry(
        CARRIED_OUT,
        "Technical secretariat of the Meetings of National Authorities on Trafficking in Persons",
        "Jointly with the Department against Transnational Organized Crime (DTOC), the DPS "
        "acts as technical secretariat of the meetings where the hemisphere's highest national "
        "authorities on human trafficking compare trends, agree on priorities and make joint "
        "recommendations. Five meetings have taken place since 2006. Among their results are "
        "the First Work Plan against Trafficking in Persons (2010–2014), the Second Work Plan "
        "for the Western Hemisphere (2015–2020), the Declaration of Brasilia (2014) and the "
        "Declaration of Mexico (2018).",
        starts="2006",
        themes=("trafficking-smuggling", "cooperation", "legislation-policy"),
        groups=("trafficking-victims",),
        activities=("2016-gs-c",),
        figures=((5, "meetings of national authorities held since 2006"),),
    ),
    DemoEntry(
        PLANNED,
        "Human Trafficking Knowledge Portal",
        "A portal born of the same meetings is under construction. It will hold data on what "
        "each member state does to prevent trafficking, prosecute it and assist its victims; "
        "national and international legal frameworks; directories of national authorities; "
        "projects, practices, publications and courses; and a place where states can share "
        "knowledge and find partners.",
        starts="2020",
        themes=("trafficking-smuggling", "information-research", "cooperation"),
        groups=("trafficking-victims",),
        activities=("2016-gs-c",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Program to Prevent Crimes Related to Irregular Migration in Mesoamerica",
        "Organized around prevention, intervention and protection, the program helped the "
        "governments of eight Mesoamerican countries respond better to the main crimes that "
        "prey on migrants: Costa Rica, El Salvador, Guatemala, Honduras, Mexico, Nicaragua, "
        "Panama and the Dominican Republic.",
        starts="2014",
        ends="2018",
        countries=MESOAMERICA,
        themes=("trafficking-smuggling", "migration-management", "capacity-building"),
        groups=("irregular-migrants", "trafficking-victims"),
        activities=("2016-gs-c",),
        figures=((8, "countries taking part"),),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Better assistance for trafficking victims in four Honduran municipalities",
        "Since 2017 the DPS has worked in four municipalities of Honduras with high migration "
        "to widen victims' access to assistance and protection. Seventy professionals were "
        "trained and certified to help people at risk of being trafficked, and work began to "
        "link them in a network of cooperation across institutions and municipalities. The "
        "project also compiled a catalogue of the public and non-governmental services open to "
        "victims.",
        starts="2017",
        countries=("HND",),
        themes=("trafficking-smuggling", "capacity-building", "cooperation"),
        groups=("trafficking-victims",),
        activities=("2016-gs-c",),
        figures=((70, "professionals trained"), (4, "municipalities")),
    ),
    DemoEntry(
        BEST_PRACTICE,
        "Action Routes handbook tailored to each municipality",
        "The handbook of Action Routes for identifying, assisting and protecting trafficking "
        "victims was written for the four Honduran municipalities of the project and officially "
        "presented in March 2020. What makes it work is the local follow-through: municipal "
        "committees meet regularly, train together and stay in touch through an instant "
        "messaging group of municipal focal points.",
        starts="2020-03",
        countries=("HND",),
        themes=("trafficking-smuggling", "cooperation"),
        groups=("trafficking-victims",),
        activities=("2016-gs-c",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Handbook on care for adult LGBTIQ+ victims of trafficking in Guatemala",
        "Within a project that builds the skills of staff from government agencies, NGOs and "
        "civil society to give immediate, first-level help to trafficking victims, above all "
        "the most vulnerable, the DPS launched in January 2020 a handbook on comprehensive care "
        "for adult LGBTIQ+ victims.",
        starts="2020-01",
        countries=("GTM",),
        themes=("trafficking-smuggling", "discrimination-xenophobia", "capacity-building"),
        groups=("lgbti", "trafficking-victims"),
        activities=("2016-gs-c",),
    ),
    DemoEntry(
        PLANNED,
        "Online learning tool for first responders in Guatemala",
        "An online tool is being developed so that front-line professionals learn to identify, "
        "assist, protect and refer victims of trafficking. Its launch is expected within a few "
        "months.",
        starts="2020",
        countries=("GTM",),
        themes=("trafficking-smuggling", "capacity-building"),
        groups=("trafficking-victims",),
        activities=("2016-gs-c",),
    ),
    DemoEntry(
        PLANNED,
        "Project against human trafficking in Ecuador",
        "A project is about to start in Ecuador covering prevention, assistance and protection "
        "of victims (assisted return included) and the prosecution of traffickers, with "
        "attention to minorities and migrants. It foresees proposals to adapt laws and "
        "regulations, training for public servants and civil society, and support for applying "
        "policies locally.",
        countries=("ECU",),
        themes=(
            "trafficking-smuggling",
            "legislation-policy",
            "capacity-building",
            "return-reintegration",
        ),
        groups=("trafficking-victims", "returning-migrants"),
        activities=("2016-gs-c",),
    ),
)

IACHR_ENTRIES = (
    DemoEntry(
        CARRIED_OUT,
        "Inter-American Principles on the Human Rights of All Migrants, Refugees, Stateless "
        "Persons and Victims of Human Trafficking",
        "Resolution 4/19 of 7 December 2019 published these Principles, which bring together "
        "and develop guidance for designing, carrying out and evaluating public policies that "
        "protect and promote the rights of these persons. The Commission consulted civil "
        "society on the draft during 2019.",
        starts="2019-12-07",
        themes=("human-rights", "legislation-policy"),
        groups=(
            "refugees-asylum-seekers",
            "stateless-persons",
            "trafficking-victims",
            "irregular-migrants",
        ),
        activities=("2016-iachr-a", "2016-iachr-b"),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Working visit to Costa Rica",
        "The Commission went to see how Nicaraguans forced to flee their country were faring "
        "and to keep track of their situation. Its Rapporteurship on the Rights of Migrants "
        "also presented a report on the forced migration of Nicaraguans to Costa Rica.",
        starts="2019-05-19",
        ends="2019-05-24",
        countries=("CRI", "NIC"),
        themes=("human-rights",),
        groups=("refugees-asylum-seekers",),
        activities=("2016-iachr-e",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Working visit to Honduras",
        "A check on how far Honduras had acted on the recommendations in the preliminary "
        "observations of the Commission's 2018 visit.",
        starts="2019-05-22",
        ends="2019-05-24",
        countries=("HND",),
        themes=("human-rights",),
        activities=("2016-iachr-e",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Working visit to the United States",
        "The visit examined how people are received at the border and whether they can seek "
        "asylum and international protection; immigration detention, its conditions and "
        "practices; how migration and asylum cases are handled, with their safeguards and "
        "access to the courts; and, above all, respect for family unity and for children's "
        "best interests.",
        starts="2019-08-19",
        ends="2019-08-23",
        countries=("USA",),
        themes=("human-rights", "due-process"),
        groups=("refugees-asylum-seekers", "children-adolescents"),
        activities=("2016-iachr-e",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Working visit to Panama",
        "A two-day visit centred on Nicaraguans who had migrated to Panama or sought refuge there.",
        starts="2019-09-16",
        ends="2019-09-17",
        countries=("PAN", "NIC"),
        themes=("human-rights",),
        groups=("refugees-asylum-seekers",),
        activities=("2016-iachr-e",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Courses on migration and economic, social, cultural and environmental rights in "
        "Central America",
        "In Tegucigalpa, a workshop on inter-American standards on migration and internal "
        "displacement for judicial officers and a course on migration and ESCER for staff of "
        "the National Human Rights Commissioner; in Guatemala, a course for staff of the "
        "Ombudsman for Human Rights; in San Salvador, courses for judicial officers and for "
        "staff of the attorney general's office.",
        countries=("HND", "GTM", "SLV"),
        themes=("capacity-building", "human-rights"),
        activities=("2016-iachr-a", "2016-iachr-c"),
        figures=((5, "workshops and courses"),),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Outreach on migrants' rights in the United States, Colombia and Mexico",
        "Talks and training included a conference at the Migration Policy Institute, a training "
        "on the Commission's mechanisms and human mobility and a workshop on migration and "
        "asylum standards in Washington, D.C.; mock courts at the University of Baltimore; an "
        "event on statelessness at Howard University School of Law; and events on migrants' "
        "rights in Colombia and in Tijuana.",
        countries=("USA", "COL", "MEX"),
        themes=("human-rights", "capacity-building"),
        groups=("stateless-persons",),
        activities=("2016-iachr-e",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Briefing to the Committee on Migration Issues",
        "At an informal meeting of the CAM, the Commission's Executive Secretary, Paulo Abrão, "
        "briefed delegations on the situation of migrant populations in the region.",
        starts="2019-03-18",
        themes=("cooperation",),
        activities=("2016-iachr-e",),
        partners=("cam",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Monitoring of Venezuela through the MESEVE",
        "Through its Special Follow-Up Mechanism for Venezuela, the Commission followed the "
        "human rights crisis closely throughout 2019, with press releases on the country and "
        "thematic hearings, during its sessions, on Venezuela and on Venezuelan migrants in "
        "the region.",
        starts="2019",
        countries=("VEN",),
        themes=("human-rights",),
        groups=("refugees-asylum-seekers",),
        activities=("2016-iachr-a",),
        figures=((30, "press releases on Venezuela"), (13, "thematic hearings")),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Requests for information to states",
        "As part of its monitoring, the Commission asked Argentina about migration measures, "
        "Canada about changes to how refugee status is determined, Honduras about the deaths "
        "of Nicaraguans, and the United States about complaints of sexual abuse made by "
        "migrant children in detention.",
        countries=("ARG", "CAN", "HND", "USA"),
        themes=("human-rights", "due-process"),
        groups=("refugees-asylum-seekers", "children-adolescents"),
        activities=("2016-iachr-a",),
    ),
)

CIM_ENTRIES = (
    DemoEntry(
        CARRIED_OUT,
        "Migrant women in the MESECVI's Third Multilateral Evaluation Round",
        "The indicators that the Follow-up Mechanism to the Convention of Belém do Pará "
        "(MESECVI) sent to states for its third evaluation round dealt with migrant women in "
        "28 cases, and the states' answers went into the Third Hemispheric Report on the "
        "Implementation of the Convention (2017). In 2012 the Committee of Experts had already "
        "asked states parties to make trafficking in persons a crime as the Palermo Protocol "
        "requires.",
        starts="2017",
        themes=("gender", "information-research"),
        groups=("women-girls",),
        activities=("2016-cim-a", "2016-cim-b"),
        figures=((28, "evaluation indicators covering migrant women"),),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Round table on trafficking in women and girls",
        "The CIM brought together a round table on the region's challenges in trafficking of "
        "women and girls, seen from a human rights perspective. It showed how identification "
        "and assistance suffer when prosecution or immigration control comes before the "
        "victims' rights. Member states then committed to stronger institutions to prevent and "
        "prosecute trafficking, above all of women and children, and migrant smuggling.",
        starts="2017-05",
        themes=("trafficking-smuggling", "gender", "human-rights"),
        groups=("women-girls", "trafficking-victims"),
        activities=("2016-cim-c",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "General Recommendation No. 2 on missing women and girls",
        "The MESECVI Committee of Experts adopted a recommendation that treats trafficking and "
        "forced migration of women as causes of disappearance, places disappearances within "
        "the Convention and recalls the duty of states parties to prevent, investigate, punish "
        "and eradicate this form of violence.",
        starts="2018",
        themes=("gender", "trafficking-smuggling"),
        groups=("women-girls", "trafficking-victims"),
        activities=("2016-cim-c",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Amicus brief in a trafficking case before the CEDAW Committee",
        "The MESECVI Committee of Experts sent the UN Office of the High Commissioner for "
        "Human Rights an amicus brief for the petition in A.R.B.M. v. Spain, to protect a "
        "woman who had been trafficked and sexually exploited. It argued that countries of "
        "origin, transit and destination owe a heightened duty to treat trafficking as "
        "gender-based violence and discrimination against women, with a specialized response.",
        starts="2019-11-04",
        countries=("ESP",),
        themes=("gender", "trafficking-smuggling", "human-rights"),
        groups=("women-girls", "trafficking-victims"),
        activities=("2016-cim-c",),
    ),
    DemoEntry(
        BEST_PRACTICE,
        "Dialogue panel and art exhibition on the voices of migrant women",
        "With the Center for Victims of Torture, the CIM held a panel and an art exhibition "
        "that let women who suffered violence on their way north from Central America be "
        "heard. Panelists from the MESECVI, the Latin America Working Group (LAWG) and Together "
        "for Girls discussed why women leave, what current policies in the Americas do to "
        "them, and how to serve them better both on the move and at home.",
        starts="2019-09",
        themes=("gender", "human-rights"),
        groups=("women-girls",),
        activities=("2016-cim-b",),
    ),
    DemoEntry(
        PLANNED,
        "Missing women and trafficking under the MESECVI strategic plan 2018–2023",
        "The five-year strategic plan adopted at the Second Special Conference of States "
        "Parties in February 2018 makes disappeared women and trafficking in persons, with "
        "attention to women and girls and a gender perspective, one of the MESECVI's main "
        "lines of work until 2023.",
        starts="2020",
        ends="2023",
        themes=("gender", "trafficking-smuggling"),
        groups=("women-girls", "trafficking-victims"),
        activities=("2016-cim-c",),
    ),
    DemoEntry(
        PROPOSAL,
        "A standing exchange between the MESECVI and anti-trafficking authorities",
        "In February 2018 the states parties agreed to open a meeting point between the "
        "MESECVI, national authorities on trafficking and the regional integration mechanisms "
        "that fight it, so that information on women and the gender perspective flows "
        "permanently. In November 2017 they had asked the MESECVI Technical Secretariat to "
        "keep working on trafficking with the OAS Secretariat for Multidimensional Security.",
        starts="2018-02",
        themes=("trafficking-smuggling", "gender", "cooperation"),
        groups=("women-girls", "trafficking-victims"),
        activities=("2016-cim-c",),
        partners=("sms",),
    ),
)

IIN_ENTRIES = (
    DemoEntry(
        CARRIED_OUT,
        "Quito Process regional technical meeting on children in human mobility",
        "At a high-level technical meeting at the end of March 2019, bodies that protect "
        "refugees and national systems for children's rights agreed that a regional protocol "
        "for protecting children and adolescents on the move was urgently needed. An "
        "interagency group of IOM, UNHCR, IIN-OAS and IPPDH was formed and has drafted it.",
        starts="2019-03",
        themes=("cooperation", "human-rights"),
        groups=("children-adolescents", "refugees-asylum-seekers"),
        activities=("2016-iin-a",),
        partners=("iom", "unhcr"),
    ),
    DemoEntry(
        PROPOSAL,
        "Regional Cooperation Protocol for children and adolescents in human mobility",
        "A protocol for cooperation among countries in protecting migrant and refugee children, "
        "drafted by the Quito Process interagency group (IOM, UNHCR, IIN-OAS and IPPDH) after "
        "the March 2019 meeting found it urgent.",
        starts="2019",
        themes=("cooperation", "human-rights"),
        groups=("children-adolescents", "unaccompanied-children"),
        activities=("2016-iin-a",),
        partners=("iom", "unhcr"),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Study on migration and early childhood in Latin America and the Caribbean",
        "The study “Migration and Early Childhood in Latin America and the Caribbean: "
        "Crossroads between a New Regional Scenario, Legislation, and State Intervention” finds "
        "that young children remain largely unseen in responses to human mobility; that "
        "structural inequalities push families out of their countries; that national laws "
        "recognize migrant children's rights without yet guaranteeing them on a par with "
        "nationals; that child-protection systems should take part in every stage of policy; "
        "and that regional protection routes and their coordination need strengthening.",
        themes=("information-research", "human-rights"),
        groups=("children-adolescents",),
        activities=("2016-iin-a",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Network of Technical Liaisons on children in human mobility",
        "Since the second half of 2019 the IIN has been building a network of technical "
        "liaisons: a permanent online forum to exchange and discuss, take stock of the "
        "situation in the region and find good practices in caring for children and "
        "adolescents on the move.",
        starts="2019-07",
        themes=("cooperation", "information-research"),
        groups=("children-adolescents",),
        activities=("2016-iin-a",),
    ),
    DemoEntry(
        PLANNED,
        "Good practices and recommendations of the Network of Technical Liaisons",
        "A document gathering the good practices and recommendations identified by the network "
        "is due to be released during 2020.",
        starts="2020",
        themes=("information-research",),
        groups=("children-adolescents",),
        activities=("2016-iin-a",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Technical assistance to Paraguay on the international return of children",
        "The IIN helped Paraguay's Ministry of Children and Adolescents draft a bill on the "
        "international return of children and adolescents.",
        countries=("PRY",),
        themes=("legislation-policy", "return-reintegration"),
        groups=("children-adolescents",),
        activities=("2016-iin-a",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Fifth Subregional Meeting on the sexual exploitation of children",
        "Held in Quito, the meeting brought the IIN's technical liaisons on sexual exploitation "
        "of children from the southern states of the region together to compare experiences in "
        "prevention, protection and restoring rights, looking closely at exploitation online "
        "and in travel and tourism. The IIN also advises, on a standing basis, the Regional "
        "Action Group of the Americas (GARA) against the sexual exploitation of children by "
        "travelers and tourists.",
        starts="2019-08",
        countries=("ECU",),
        themes=("human-rights", "cooperation"),
        groups=("children-adolescents",),
        activities=("2016-iin-b",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Online courses on child abduction and sexual exploitation",
        "The online course on civil aspects of international child abduction ran its twelfth "
        "edition in Spanish and its sixth in English, and a blended course on sexual "
        "exploitation of children and adolescents was held.",
        themes=("capacity-building",),
        groups=("children-adolescents",),
        activities=("2016-iin-b",),
    ),
    DemoEntry(
        PLANNED,
        "Second edition of the specialized online course on migrant children in the Americas",
        "The course for staff of public institutions and non-governmental organizations "
        "working with migrant children is being prepared for its second edition.",
        starts="2020",
        themes=("capacity-building",),
        groups=("children-adolescents",),
        activities=("2016-iin-a",),
    ),
    DemoEntry(
        CARRIED_OUT,
        "Technical assistance on migrant children during the COVID-19 pandemic",
        "The IIN stayed in contact with child-protection agencies and took on several requests "
        "for technical assistance tied to the pandemic. Migrant children are hit hard by its "
        "health and economic effects: most cannot reach health services, lack of papers and "
        "fear of deportation hamper epidemiological monitoring, and crowded, precarious housing "
        "makes isolation hard. The IIN gave concrete guidance and put states and organizations "
        "in touch to share good practices.",
        starts="2020",
        themes=("health", "human-rights"),
        groups=("children-adolescents", "irregular-migrants"),
        activities=("2016-iin-a",),
    ),
    DemoEntry(
        PLANNED,
        "The early childhood study's recommendations, adapted to the pandemic",
        "Easy-to-use materials are being prepared that bring together the main recommendations "
        "of the study on migration and early childhood, adapted to the pandemic.",
        starts="2020",
        themes=("health", "information-research"),
        groups=("children-adolescents",),
        activities=("2016-iin-a",),
    ),
)

PAST_REPORTS = {
    "dps": DPS_ENTRIES,
    "iachr": IACHR_ENTRIES,
    "cim": CIM_ENTRIES,
    "iin": IIN_ENTRIES,
}


@dataclass
class DemoResult:
    cycles_created: list[str] = field(default_factory=list)
    entries_created: int = 0
    # Accounts created by this run with their passwords, to be shown once and never again.
    accounts: list[tuple[DemoAccount, str]] = field(default_factory=list)

    def summary(self) -> str:
        if not self.cycles_created:
            return "Demo reporting cycles already loaded."
        return (
            f"Demo reporting cycles created: {', '.join(self.cycles_created)} "
            f"({self.entries_created} entries)."
        )


def _create_accounts(result: DemoResult) -> None:
    groups = sync_roles()
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            account.username, email=f"{account.username}@example.org", password=password
        )
        user.groups.add(groups[account.role])
        if account.actor:
            Membership.objects.create(user=user, actor=Actor.objects.get(slug=account.actor))
        result.accounts.append((account, password))


class _Vocabulary:
    """The registry rows the entries refer to, looked up once by their natural keys."""

    def __init__(self) -> None:
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.groups = {group.slug: group for group in PopulationGroup.objects.all()}
        self.activities = {a.code: a for a in ProgramActivity.objects.all()}
        self.actors = {actor.slug: actor for actor in Actor.objects.all()}

    def values(self, entry: DemoEntry, order: int) -> dict[str, object]:
        return {
            "kind": entry.kind,
            "title": entry.title,
            "narrative": entry.narrative,
            "language": "en",
            "starts": entry.starts,
            "ends": entry.ends,
            "order": order,
            "countries": list(entry.countries),
            "themes": [self.themes[slug] for slug in entry.themes],
            "population_groups": [self.groups[slug] for slug in entry.groups],
            "activities": [self.activities[code] for code in entry.activities],
            "partners": [self.actors[slug] for slug in entry.partners],
            "figures": [(Decimal(value), counts) for value, counts in entry.figures],
        }


def _load_past_cycle(by: User, result: DemoResult) -> None:
    vocabulary = _Vocabulary()
    cycle = services.create_cycle(
        label=PAST_CYCLE,
        version=ProgramVersion.objects.get(slug="2016"),
        opens_on=date(2020, 1, 15),
        deadline=date(2020, 5, 15),
        by=by,
        actors=[vocabulary.actors[slug] for slug in PAST_REPORTS],
    )
    for report in services.open_cycle(cycle, by=by):
        for order, entry in enumerate(PAST_REPORTS[report.actor.slug], start=1):
            services.save_entry(report, vocabulary.values(entry, order), by=by)
            result.entries_created += 1
        services.submit_report(report, by=by)
        services.accept_report(report, by=by)
        services.publish_report(report, by=by)
    services.close_cycle(cycle, by=by)
    result.cycles_created.append(PAST_CYCLE)


def _open_current_cycle(by: User, today: date, result: DemoResult) -> None:
    """Every actor the Program asks is invited (the services' default); those that reported
    in 2019–2020 find their planned entries waiting to be answered."""
    cycle = services.create_cycle(
        label=OPEN_CYCLE,
        version=ProgramVersion.objects.get(slug="2016"),
        opens_on=date(2025, 9, 1),
        deadline=max(date(2026, 3, 31), today + timedelta(days=OPEN_CYCLE_MIN_DAYS)),
        by=by,
    )
    services.open_cycle(cycle, by=by)
    result.cycles_created.append(OPEN_CYCLE)


@transaction.atomic
def load_reporting_demo(*, by_secretariat: User, today: date | None = None) -> DemoResult:
    """Create what is missing of the demo reporting data; see the module docstring."""
    result = DemoResult()
    _create_accounts(result)
    existing = set(ReportingCycle.objects.values_list("label", flat=True))
    if PAST_CYCLE not in existing:
        _load_past_cycle(by_secretariat, result)
    if OPEN_CYCLE not in existing:
        _open_current_cycle(by_secretariat, today or timezone.localdate(), result)
    return result
