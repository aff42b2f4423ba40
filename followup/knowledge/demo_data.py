"""The demo resources (see demo.py): public facts, summaries in the project's own words.

Links are given only where the official address is stable and well known; the others are
left empty rather than guessed.
"""

from dataclasses import dataclass, field

from followup.knowledge.models import Resource

Kind = Resource.Kind


@dataclass(frozen=True)
class DemoResource:
    kind: str
    title: str
    summary: str
    language: str
    owner: str = ""  # slug of the actor that keeps it; empty: the secretariat
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    # Other fields of the model by name: date, ends, url, publisher, instrument_type, …
    fields: dict[str, str] = field(default_factory=dict)


MESOAMERICA = ("CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN", "DOM")

DEMO_RESOURCES: tuple[DemoResource, ...] = (
    DemoResource(
        Kind.LEGISLATION,
        "Ley 25.871 de Migraciones",
        "Argentina's migration law replaced the 1981 law of the military government. It states "
        "that migrating is an essential and inalienable right of the person, and guarantees "
        "migrants access to health care and education whatever their migration status. It was "
        "regulated by Decree 616/2010.",
        "es",
        owner="arg",
        countries=("ARG",),
        themes=("legislation-policy", "human-rights", "integration"),
        groups=("irregular-migrants", "migrant-workers"),
        fields={
            "date": "2004-01",
            "publisher": "Congreso de la Nación Argentina",
            "instrument_type": "law",
            "legal_status": "in_force",
            "official_reference": "Ley 25.871",
            "url": "https://servicios.infoleg.gob.ar/infolegInternet/anexos/90000-94999/92016/"
            "texact.htm",
        },
    ),
    DemoResource(
        Kind.LEGISLATION,
        "Ley de Migración (México)",
        "Mexico's migration law, published in the Official Gazette on 25 May 2011, sets out "
        "the rights of migrants in the country and the migration categories, and governs the "
        "National Migration Institute. It states that an irregular migration status is never, "
        "by itself, a crime.",
        "es",
        owner="mex",
        countries=("MEX",),
        themes=("legislation-policy", "human-rights", "migration-management"),
        groups=("irregular-migrants",),
        fields={
            "date": "2011-05-25",
            "publisher": "Congreso de la Unión",
            "instrument_type": "law",
            "legal_status": "in_force",
            "official_reference": "DOF 25-05-2011",
            "url": "https://www.diputados.gob.mx/LeyesBiblio/pdf/LMigra.pdf",
        },
    ),
    DemoResource(
        Kind.LEGISLATION,
        "Lei nº 13.445, de 24 de maio de 2017 (Lei de Migração)",
        "Brazil's migration law replaced the 1980 Foreigners' Statute. It treats migration "
        "from the standpoint of human rights, rejects xenophobia and the criminalization of "
        "migration, and created a temporary visa for humanitarian reception.",
        "pt",
        owner="bra",
        countries=("BRA",),
        themes=("legislation-policy", "human-rights", "discrimination-xenophobia"),
        groups=("refugees-asylum-seekers", "irregular-migrants"),
        fields={
            "date": "2017-05-24",
            "publisher": "Presidência da República",
            "instrument_type": "law",
            "legal_status": "in_force",
            "official_reference": "Lei nº 13.445/2017",
            "url": "https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2017/lei/l13445.htm",
        },
    ),
    DemoResource(
        Kind.LEGISLATION,
        "Decreto 216 de 2021: Estatuto Temporal de Protección para Migrantes Venezolanos",
        "Colombia's decree adopted a temporary protection statute for Venezuelan migrants, "
        "valid for ten years. It created a single registry of Venezuelan migrants and the "
        "Temporary Protection Permit, which lets them live, work and use public services "
        "regularly.",
        "es",
        owner="col",
        countries=("COL", "VEN"),
        themes=("legislation-policy", "migration-management", "integration"),
        groups=("irregular-migrants", "refugees-asylum-seekers"),
        fields={
            "date": "2021-03-01",
            "publisher": "Presidencia de la República de Colombia",
            "instrument_type": "decree",
            "legal_status": "in_force",
            "official_reference": "Decreto 216 de 2021",
        },
    ),
    DemoResource(
        Kind.INSTRUMENT,
        "International Convention on the Protection of the Rights of All Migrant Workers and "
        "Members of Their Families",
        "The United Nations treaty that sets out the human rights of migrant workers and their "
        "families, documented or not, through every stage of migration. Adopted on 18 December "
        "1990, it entered into force on 1 July 2003.",
        "en",
        themes=("labor-migration", "human-rights", "legislation-policy"),
        groups=("migrant-workers", "families-left-behind"),
        actors=("ilo", "iom"),
        fields={
            "date": "1990-12-18",
            "publisher": "United Nations General Assembly",
            "instrument_type": "treaty",
            "legal_status": "in_force",
            "official_reference": "A/RES/45/158",
            "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
            "international-convention-protection-rights-all-migrant-workers",
        },
    ),
    DemoResource(
        Kind.INSTRUMENT,
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and "
        "Children (Palermo Protocol)",
        "The protocol to the UN Convention against Transnational Organized Crime that gave the "
        "first internationally agreed definition of trafficking in persons, and binds states to "
        "prevent it, prosecute it and protect its victims. Adopted on 15 November 2000, in "
        "force since 25 December 2003.",
        "en",
        owner="dps",
        themes=("trafficking-smuggling", "legislation-policy"),
        groups=("trafficking-victims", "women-girls", "children-adolescents"),
        fields={
            "date": "2000-11-15",
            "publisher": "United Nations General Assembly",
            "instrument_type": "treaty",
            "legal_status": "in_force",
            "official_reference": "A/RES/55/25, annex II",
            "url": "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
            "protocol-prevent-suppress-and-punish-trafficking-persons",
        },
    ),
    DemoResource(
        Kind.INSTRUMENT,
        "Resolución 2/18: Migración forzada de personas venezolanas",
        "The Inter-American Commission on Human Rights called on the states of the region to "
        "open regular pathways for Venezuelans leaving their country, respect non-refoulement, "
        "recognize them as refugees under the broader regional definition where it applies, "
        "and not criminalize their migration.",
        "es",
        owner="iachr",
        countries=("VEN", "COL", "PER", "ECU", "BRA"),
        themes=("human-rights", "due-process", "legislation-policy"),
        groups=("refugees-asylum-seekers", "irregular-migrants"),
        fields={
            "date": "2018-03-02",
            "publisher": "Comisión Interamericana de Derechos Humanos",
            "instrument_type": "resolution",
            "official_reference": "Resolución 2/18",
        },
    ),
    DemoResource(
        Kind.INSTRUMENT,
        "Inter-American Principles on the Human Rights of All Migrants, Refugees, Stateless "
        "Persons and Victims of Human Trafficking",
        "Principles adopted by the IACHR that gather the inter-American standards on the rights "
        "of people on the move, from non-discrimination and access to justice to protection "
        "against detention and collective expulsion, as guidance for states' laws and policies.",
        "en",
        owner="iachr",
        themes=("human-rights", "due-process", "trafficking-smuggling"),
        groups=("irregular-migrants", "refugees-asylum-seekers", "stateless-persons"),
        fields={
            "date": "2019-12-07",
            "publisher": "Inter-American Commission on Human Rights",
            "instrument_type": "resolution",
            "official_reference": "Resolution 04/19",
        },
    ),
    DemoResource(
        Kind.INSTRUMENT,
        "Opinión Consultiva OC-21/14: Derechos y garantías de niñas y niños en el contexto de "
        "la migración y/o en necesidad de protección internacional",
        "Asked by Argentina, Brazil, Paraguay and Uruguay, the Inter-American Court of Human "
        "Rights held that the protection of children comes before migration control, and that "
        "depriving a child of liberty for migration reasons alone is never necessary.",
        "es",
        countries=("ARG", "BRA", "PRY", "URY"),
        themes=("human-rights", "due-process"),
        groups=("children-adolescents", "unaccompanied-children"),
        actors=("iin",),
        fields={
            "date": "2014-08-19",
            "publisher": "Corte Interamericana de Derechos Humanos",
            "instrument_type": "other",
            "official_reference": "OC-21/14",
        },
    ),
    DemoResource(
        Kind.INSTITUTION,
        "Dirección Nacional de Migraciones (Argentina)",
        "Argentina's national migration authority: it applies the migration law, controls "
        "entry and exit at the country's border crossings and decides residence applications.",
        "es",
        owner="arg",
        countries=("ARG",),
        themes=("migration-management",),
        fields={
            "publisher": "Dirección Nacional de Migraciones",
            "services": "Residence applications; entry and exit control; migration "
            "certificates; information for migrants on their rights and procedures.",
            "service_languages": "Spanish",
            "contact": "Sede central: Av. Antártida Argentina 1355, Ciudad Autónoma de "
            "Buenos Aires.",
        },
    ),
    DemoResource(
        Kind.COURSE,
        "Curso en línea sobre aspectos civiles de la sustracción internacional de niños",
        "The IIN's online course for officials who handle cases of international child "
        "abduction. In the 2019–2020 period it reached its twelfth edition in Spanish and its "
        "sixth in English.",
        "es",
        owner="iin",
        themes=("capacity-building", "cooperation"),
        groups=("children-adolescents",),
        fields={"publisher": "Instituto Interamericano del Niño, la Niña y Adolescentes"},
    ),
    DemoResource(
        Kind.DATASET,
        "SICREMI: International Migration in the Americas (fourth report, 2017)",
        "The Continuous Reporting System on International Migration in the Americas gathers, "
        "through national correspondents, comparable data on migration flows to and from the "
        "countries of the region, and analyses them in periodic reports prepared by the OAS "
        "with the OECD.",
        "en",
        owner="sedi-migration",
        themes=("information-research", "labor-migration"),
        groups=("migrant-workers",),
        fields={"date": "2017", "publisher": "Organization of American States; OECD"},
    ),
    DemoResource(
        Kind.PRACTICE,
        "Action Routes handbook tailored to each municipality",
        "A handbook of Action Routes to identify, assist and protect trafficking victims, "
        "written for four Honduran municipalities with high migration and presented in March "
        "2020. Municipal committees that meet, train together and stay in touch keep it alive.",
        "en",
        owner="dps",
        countries=("HND",),
        themes=("trafficking-smuggling", "cooperation"),
        groups=("trafficking-victims",),
        fields={"date": "2020-03", "publisher": "OAS Department of Public Security"},
    ),
    DemoResource(
        Kind.PROJECT,
        "Program to Prevent Crimes Related to Irregular Migration in Mesoamerica",
        "An OAS program that helped the governments of eight Mesoamerican countries prevent "
        "and respond to the crimes that prey on migrants, and protect their victims.",
        "en",
        owner="dps",
        countries=MESOAMERICA,
        themes=("trafficking-smuggling", "migration-management", "capacity-building"),
        groups=("irregular-migrants", "trafficking-victims"),
        fields={"date": "2014", "ends": "2018", "publisher": "OAS Department of Public Security"},
    ),
    DemoResource(
        Kind.PUBLICATION,
        "Human Mobility: Inter-American Standards",
        "The IACHR's thematic report that brings together the standards of the inter-American "
        "system on the rights of migrants, asylum seekers, refugees, stateless persons, "
        "victims of trafficking and internally displaced persons.",
        "en",
        owner="iachr",
        themes=("human-rights", "due-process"),
        groups=("irregular-migrants", "refugees-asylum-seekers", "trafficking-victims"),
        fields={"date": "2015", "publisher": "Inter-American Commission on Human Rights"},
    ),
)
