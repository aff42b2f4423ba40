"""The bilingual recall set: a small world of Program records in English and Spanish, and the
queries people type about them in both languages, each with the records it should find.

The corpus is what focal points and the secretariat would record: report entries written in
the reporting actor's language and tagged with the registry's themes, population groups,
countries and partners; recommendations worded as bodies' reports word them; the CAM's work-plan
meetings (in English, as the work plans are). Texts are the project's own wording about
plausible Program activities. It is loaded through the reporting services, so what the index
holds is what real use would give it, and it sits beside the registry's mandates and activities.

Every pair names records in both languages: cross-language retrieval through the vocabularies is
what the set measures. Recall@20 of a query is the share of its expected records among its first
20 public results. `test_recall.py` asserts floors; `bench/search_recall.py` prints the table.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from followup.accounts.models import User
from followup.meetings.models import CalendarRow, WorkPlan
from followup.program.models import (
    Actor,
    Mandate,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)
from followup.recommendations.models import Recommendation, Source
from followup.reporting import services
from followup.reporting.tests.factories import focal_point_of
from followup.search.queries import SearchRequest, search

CUTOFF = 20
CYCLE_LABEL = "2019–2023"

# (search kind, object id): how a hit names its record.
Found = tuple[str, int]


@dataclass(frozen=True)
class Item:
    """One report entry; `actor` is the slug of the actor whose report holds it."""

    key: str
    actor: str
    language: str
    title: str
    text: str
    starts: str
    themes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    figures: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Quote:
    """One recommendation, as the recommendations app stores an imported one."""

    key: str
    language: str
    source: str
    number: int
    text: str
    group: str = ""


@dataclass(frozen=True)
class Meeting:
    """One row of the CAM's work-plan calendar."""

    key: str
    date: str
    activity: str
    notes: str = ""


@dataclass(frozen=True)
class Pair:
    en: str
    es: str
    # Keys of corpus items, or of registry records as "activity:<code>" / "mandate:<slug>".
    expected: tuple[str, ...]


T = "trafficking-smuggling"

# The tables below are laid out by hand, a record per block, to be read as data.
# fmt: off
ENTRIES: tuple[Item, ...] = (
    # --- IACHR -------------------------------------------------------------------------------
    Item(
        "e-iachr-hearing-detention", "iachr", "en",
        "Public hearing on immigration detention in the United States",
        "During its period of sessions the Commission heard civil society organizations describe "
        "the prolonged detention of families and asylum seekers in private facilities, with "
        "little access to lawyers or interpreters. The State answered with figures on "
        "alternatives to detention, and the Commission asked for information on the detention "
        "of children.",
        "2021-03-24", themes=("due-process", "human-rights"),
        groups=("irregular-migrants", "refugees-asylum-seekers"), countries=("USA",),
    ),
    Item(
        "e-iachr-audiencia-nna", "iachr", "es",
        "Audiencia pública sobre niñas, niños y adolescentes no acompañados en la frontera "
        "norte de México",
        "Organizaciones de la sociedad civil y autoridades mexicanas expusieron ante la "
        "Comisión la situación de niñas, niños y adolescentes no acompañados retenidos en "
        "estaciones migratorias. La Comisión recordó que la privación de libertad de niños por "
        "razones migratorias nunca responde a su interés superior.",
        "2021-10-27", themes=("human-rights", "due-process"),
        groups=("unaccompanied-children", "children-adolescents"), countries=("MEX",),
    ),
    Item(
        "e-iachr-report-trafficking", "iachr", "es",
        "Informe temático sobre trata de personas en el norte de Centroamérica",
        "El informe analiza la trata de personas con fines de explotación sexual y laboral en "
        "Guatemala, Honduras y El Salvador, y recomienda identificar a las víctimas en los "
        "puestos fronterizos, protegerlas sin criminalizarlas y sancionar a las redes que las "
        "captan.",
        "2022-06", themes=(T, "human-rights"), groups=("trafficking-victims", "women-girls"),
        countries=("GTM", "HND", "SLV"),
    ),
    Item(
        "e-iachr-precautionary", "iachr", "es",
        "Medidas cautelares a favor de familias venezolanas en tránsito",
        "La Comisión otorgó medidas cautelares a familias venezolanas varadas en la frontera "
        "entre Colombia y Perú, entre ellas varias con niñas y niños pequeños, y pidió a los "
        "Estados garantizar su acceso a la protección internacional.",
        "2019-08", themes=("human-rights",),
        groups=("refugees-asylum-seekers", "children-adolescents"),
        countries=("VEN", "COL", "PER"),
    ),
    Item(
        "e-iachr-lgbti", "iachr", "en",
        "Regional consultation on violence against LGBTI migrants",
        "The Rapporteurship on the Rights of LGBTI Persons met shelters along the migration "
        "route through Guatemala and Mexico. Trans women described assaults, extortion and "
        "refusals of medical care; the Commission will include their testimony in its next "
        "report on human mobility.",
        "2022-09", themes=("discrimination-xenophobia", "human-rights"), groups=("lgbti",),
        countries=("GTM", "MEX"),
    ),
    Item(
        "e-iachr-statelessness-dom", "iachr", "en",
        "Follow-up on the statelessness of Dominicans of Haitian descent",
        "The Commission reviewed how Law 169-14 has been applied and how many people born in "
        "the Dominican Republic to Haitian parents still have no nationality or identity "
        "documents. It urged the State to restore their nationality automatically and to "
        "register every birth.",
        "2020-02", themes=("human-rights", "legislation-policy"), groups=("stateless-persons",),
        countries=("DOM", "HTI"),
    ),
    Item(
        "e-iachr-principles", "iachr", "en",
        "Inter-American Principles on the Human Rights of All Migrants, Refugees, Stateless "
        "Persons and Victims of Human Trafficking",
        "Adopted by Resolution 04/19, the principles gather the inter-American standards on "
        "non-refoulement, due process, the exceptional use of detention and the protection of "
        "children, and guide laws and public policies in the region.",
        "2019-12-07", themes=("human-rights", "legislation-policy", T),
        groups=("refugees-asylum-seekers", "stateless-persons", "trafficking-victims"),
    ),
    Item(
        "e-iachr-warao", "iachr", "es",
        "Pueblos indígenas en movilidad: la situación del pueblo warao",
        "La Comisión documentó la situación de familias indígenas warao que migraron desde "
        "Venezuela hacia Brasil y Guyana, sus dificultades para acceder a refugio, salud y "
        "documentos, y la necesidad de respuestas culturalmente adecuadas.",
        "2021-05", themes=("human-rights",), groups=("indigenous-peoples",),
        countries=("VEN", "BRA", "GUY"),
    ),
    # --- CIM ---------------------------------------------------------------------------------
    Item(
        "e-cim-study-gbv", "cim", "es",
        "Estudio sobre la violencia de género contra mujeres migrantes en tránsito",
        "La CIM documentó la violencia sexual y de género que enfrentan las mujeres y niñas "
        "migrantes en la ruta por Guatemala y México, y la falta de refugios y de atención "
        "especializada en los puntos de tránsito.",
        "2021-11", themes=("gender", "information-research"), groups=("women-girls",),
        countries=("MEX", "GTM"),
    ),
    Item(
        "e-cim-domestic-workers", "cim", "en",
        "Guide on the rights of migrant domestic workers",
        "A plain-language guide for women who migrate to work in private homes: contracts, "
        "wages, social security, rest days and where to report abuse. It was launched with the "
        "labour ministries of Costa Rica and Chile.",
        "2020-09", themes=("labor-migration", "gender"), groups=("migrant-workers", "women-girls"),
        countries=("CRI", "CHL"),
    ),
    Item(
        "e-cim-trafficking-course", "cim", "en",
        "Online course on gender-sensitive care for trafficking survivors",
        "Two hundred officials from shelters, prosecutors' offices and labour inspectorates "
        "completed the course, which covers trauma-informed interviews, safe accommodation and "
        "the specific risks faced by women and girls.",
        "2022-03", themes=(T, "gender", "capacity-building"),
        groups=("trafficking-victims", "women-girls"), figures=(("200", "officials trained"),),
    ),
    Item(
        "e-cim-care-economy", "cim", "es",
        "Mujeres migrantes en la economía del cuidado",
        "Investigación sobre las trabajadoras migrantes que cuidan a personas mayores y a niños "
        "en hogares de Argentina y Chile: jornadas extensas, informalidad y escaso acceso a la "
        "seguridad social.",
        "2022-10", themes=("labor-migration", "gender"), groups=("migrant-workers", "women-girls"),
        countries=("ARG", "CHL"),
    ),
    Item(
        "e-cim-indigenous", "cim", "en",
        "Indigenous migrant women in seasonal agriculture",
        "Interviews with Mam and Q'anjob'al women who cross from Guatemala to work on coffee "
        "farms in Chiapas show how language barriers and piece-rate pay deepen their exposure "
        "to abuse.",
        "2023-04", themes=("gender", "labor-migration"),
        groups=("indigenous-peoples", "women-girls", "migrant-workers"), countries=("MEX", "GTM"),
    ),
    # --- IIN ---------------------------------------------------------------------------------
    Item(
        "e-iin-return-protocol", "iin", "es",
        "Protocolo regional para el retorno de niñas, niños y adolescentes",
        "El IIN acompañó a los sistemas de protección de la niñez de Guatemala, Honduras y El "
        "Salvador en un protocolo de recepción y reintegración de niños y niñas retornados, que "
        "exige evaluar el interés superior antes de cualquier retorno.",
        "2020-11", themes=("return-reintegration", "human-rights"),
        groups=("children-adolescents", "unaccompanied-children", "returning-migrants"),
        countries=("GTM", "HND", "SLV"),
    ),
    Item(
        "e-iin-course-children", "iin", "en",
        "Inter-American course on the rights of children in migration",
        "The sixth edition of the online course trained child protection officers, judges and "
        "consular staff from 18 countries on best interests assessments and alternatives to "
        "detention.",
        "2021-04", themes=("capacity-building", "human-rights"), groups=("children-adolescents",),
        figures=(("140", "officials trained"),),
    ),
    Item(
        "e-iin-unaccompanied-border", "iin", "en",
        "Technical assistance on unaccompanied minors at the southern border",
        "Child protection authorities in Tapachula and Tecún Umán agreed on a referral pathway "
        "for minors who arrive without their parents, so that they are placed in family-based "
        "care instead of migration stations.",
        "2022-02", themes=("human-rights", "migration-management"),
        groups=("unaccompanied-children",), countries=("MEX", "GTM"),
    ),
    Item(
        "e-iin-trata-nna", "iin", "es",
        "Prevención de la trata y la explotación sexual de niñas y niños en zonas de frontera",
        "Campaña con operadores de turismo y transporte en la frontera entre Perú y Bolivia para "
        "reconocer señales de trata de personas y explotación sexual de niñas, niños y "
        "adolescentes, y denunciar los casos.",
        "2021-07", themes=(T,), groups=("children-adolescents", "trafficking-victims"),
        countries=("PER", "BOL"),
    ),
    Item(
        "e-iin-education", "iin", "es",
        "Acceso a la escuela para niñas y niños migrantes venezolanos",
        "Mesa técnica con los ministerios de educación de Colombia, Ecuador y Perú para "
        "convalidar estudios y matricular a estudiantes migrantes aunque no tengan documentos "
        "de identidad.",
        "2022-08", themes=("education",), groups=("children-adolescents",),
        countries=("COL", "ECU", "PER"),
    ),
    # --- PAHO --------------------------------------------------------------------------------
    Item(
        "e-paho-darien-health", "paho", "en",
        "Health care for migrants crossing the Darién",
        "Mobile teams provided primary care, vaccination and mental health support to people who "
        "had walked through the Darién jungle, many of them families with small children.",
        "2022-11", themes=("health",), groups=("irregular-migrants", "children-adolescents"),
        countries=("PAN", "COL"),
    ),
    Item(
        "e-paho-covid", "paho", "es",
        "Vacunación contra la COVID-19 sin exigir documentos",
        "La OPS apoyó a los ministerios de salud para vacunar a las personas migrantes en "
        "situación irregular sin pedirles documentos de identidad ni comprobar su condición "
        "migratoria.",
        "2021-06", themes=("health",), groups=("irregular-migrants",),
        countries=("CHL", "PER", "COL"),
    ),
    Item(
        "e-paho-mental-health", "paho", "en",
        "Mental health support for returned migrants",
        "Psychologists at reception centres in San Pedro Sula and Guatemala City offered "
        "psychological first aid to people returned by air and land, and referred those who "
        "needed further care.",
        "2022-05", themes=("health", "return-reintegration"), groups=("returning-migrants",),
        countries=("HND", "GTM"),
    ),
    # --- OAS departments ---------------------------------------------------------------------
    Item(
        "e-dsde-rial-workshop", "dsde", "en",
        "RIAL workshop on labour migration for ministries of labour",
        "Labour ministries of twelve countries exchanged experience on temporary foreign worker "
        "programmes, recruitment fees and labour inspection in agriculture, with presentations "
        "by Canada, Mexico and Jamaica.",
        "2021-09", themes=("labor-migration", "capacity-building", "cooperation"),
        groups=("migrant-workers",), countries=("CAN", "MEX", "JAM"),
    ),
    Item(
        "e-dsde-taller", "dsde", "es",
        "Taller sobre contratación equitativa de trabajadores migrantes",
        "Funcionarios de los ministerios de trabajo de Guatemala y Costa Rica analizaron cómo "
        "evitar el cobro de comisiones de reclutamiento a los trabajadores temporales y cómo "
        "supervisar a las agencias privadas.",
        "2022-04", themes=("labor-migration", "capacity-building"), groups=("migrant-workers",),
        countries=("GTM", "CRI"),
    ),
    Item(
        "e-dps-trafficking-workshop", "dps", "en",
        "Workshop on identifying victims of human trafficking at ports of entry",
        "Immigration and customs officers from Trinidad and Tobago, Jamaica and Guyana learned "
        "to spot indicators of trafficking at airports and seaports and to refer presumed "
        "victims to shelters. Organized with IOM.",
        "2021-05", themes=(T, "capacity-building"), groups=("trafficking-victims",),
        countries=("TTO", "JAM", "GUY"), partners=("iom",),
    ),
    Item(
        "e-dps-smuggling", "dps", "es",
        "Curso sobre la investigación del tráfico ilícito de migrantes",
        "Fiscales y policías de Panamá, Costa Rica y Colombia estudiaron casos de redes que "
        "cobran por cruzar a personas migrantes por la selva del Darién y aprendieron a seguir "
        "el dinero de esos delitos.",
        "2022-07", themes=(T, "capacity-building"), groups=("irregular-migrants",),
        countries=("PAN", "CRI", "COL"),
    ),
    Item(
        "e-dps-trata-plan", "dps", "es",
        "Seguimiento del Plan de Trabajo Hemisférico contra la Trata de Personas",
        "La Secretaría preparó el informe de avance del plan de trabajo, con las medidas de "
        "prevención, protección de víctimas y persecución del delito adoptadas por los Estados "
        "Miembros.",
        "2020-03", themes=(T, "cooperation"), groups=("trafficking-victims",),
    ),
    Item(
        "e-dsi-sicremi", "dsi", "en",
        "SICREMI annual report on international migration in the Americas",
        "The Continuous Reporting System on International Migration in the Americas published "
        "figures on flows, residence permits, asylum applications and naturalizations for 2019 "
        "and 2020, with a chapter on the effects of the pandemic.",
        "2021-12", themes=("information-research",),
    ),
    Item(
        "e-dsi-estadisticas", "dsi", "es",
        "Estadísticas sobre la inserción laboral de las personas migrantes",
        "Publicación de estadísticas comparables sobre empleo, ingresos y afiliación a la "
        "seguridad social de las personas migrantes en ocho países, elaboradas con las "
        "encuestas de hogares.",
        "2022-12", themes=("information-research", "labor-migration"),
        groups=("migrant-workers",),
    ),
    Item(
        "e-dsi-xenophobia-campaign", "dsi", "en",
        "Campaign against xenophobia in host communities",
        "Radio spots, school activities and a social media campaign countered hate speech aimed "
        "at Venezuelan newcomers in Colombia, Peru, Ecuador and Chile, with stories of "
        "neighbours who work and study together.",
        "2021-08", themes=("discrimination-xenophobia", "integration"),
        countries=("COL", "PER", "ECU", "CHL"),
    ),
    Item(
        "e-dsi-forum-irregular", "dsi", "es",
        "Foro sobre flujos de migrantes en situación irregular",
        "Representantes de los Estados, de organismos internacionales y de la sociedad civil "
        "debatieron respuestas coordinadas a los flujos mixtos de migrantes en situación "
        "irregular y extracontinentales que cruzan la región.",
        "2019-04", themes=("migration-management", "cooperation"), groups=("irregular-migrants",),
    ),
    # --- IOM, UNHCR, ILO ---------------------------------------------------------------------
    Item(
        "e-iom-remittances-study", "iom", "en",
        "Study on remittances and household spending in Central America",
        "Households in Guatemala, Honduras and El Salvador that receive money from relatives in "
        "the United States spend most of it on food, schooling and health; few can save or "
        "invest it.",
        "2020-06", themes=("migration-development", "information-research"),
        groups=("families-left-behind",), countries=("GTM", "HND", "SLV", "USA"),
    ),
    Item(
        "e-iom-avrr", "iom", "en",
        "Assisted voluntary return and reintegration from Mexico",
        "Migrants stranded in Mexico who chose to go home received travel support, a "
        "reintegration grant and counselling on arrival in Honduras and Guatemala.",
        "2021-02", themes=("return-reintegration",), groups=("returning-migrants",),
        countries=("MEX", "HND", "GTM"),
    ),
    Item(
        "e-iom-desastres", "iom", "es",
        "Desplazamiento tras los huracanes Eta e Iota",
        "Evaluación de las necesidades de miles de familias desplazadas por las inundaciones en "
        "Honduras, Nicaragua y Guatemala, y apoyo a los albergues temporales.",
        "2020-12", themes=("climate-displacement",), groups=("disaster-displaced",),
        countries=("HND", "NIC", "GTM"),
    ),
    Item(
        "e-unhcr-asylum-registration", "unhcr", "en",
        "Support to asylum systems in Mexico and Costa Rica",
        "Registration of asylum seekers was decentralised and the backlog of pending claims fell "
        "by a third, with new offices in the south of Mexico and remote interviews in Costa Rica.",
        "2021-10", themes=("due-process", "migration-management"),
        groups=("refugees-asylum-seekers",), countries=("MEX", "CRI"),
    ),
    Item(
        "e-unhcr-apatridia", "unhcr", "es",
        "Registro civil y prevención de la apatridia",
        "Apoyo a los registros civiles para inscribir los nacimientos de hijos e hijas de "
        "personas migrantes y evitar nuevos casos de apatridia, con brigadas móviles en zonas "
        "fronterizas.",
        "2020-10", themes=("legislation-policy",), groups=("stateless-persons",),
        countries=("DOM", "PAN"),
    ),
    Item(
        "e-unhcr-lgbti", "unhcr", "es",
        "Albergues seguros para personas refugiadas LGBTI",
        "Una red de albergues en Guatemala, México y Costa Rica recibió a personas LGBTI que "
        "huyen de la persecución, con acompañamiento psicosocial y jurídico durante el trámite "
        "de asilo.",
        "2022-01", themes=("human-rights", "discrimination-xenophobia"),
        groups=("lgbti", "refugees-asylum-seekers"), countries=("GTM", "MEX", "CRI"),
    ),
    Item(
        "e-ilo-seasonal", "ilo", "en",
        "Fair recruitment of seasonal agricultural workers",
        "The pilot tracked recruitment costs paid by Guatemalan and Mexican workers hired for "
        "farm seasons in Canada and helped employers reimburse illegal fees.",
        "2021-07", themes=("labor-migration",), groups=("migrant-workers",),
        countries=("CAN", "GTM", "MEX"),
    ),
    Item(
        "e-ilo-inspeccion", "ilo", "es",
        "Inspección del trabajo en fincas con trabajadores migrantes",
        "Inspectores de trabajo de Costa Rica visitaron fincas de café y de piña donde trabajan "
        "personas nicaragüenses, verificaron salarios y condiciones de vivienda y orientaron a "
        "los empleadores.",
        "2022-09", themes=("labor-migration",), groups=("migrant-workers",),
        countries=("CRI", "NIC"),
    ),
    # --- Member states -----------------------------------------------------------------------
    Item(
        "e-mex-consular", "mex", "es",
        "Asistencia consular a personas mexicanas en Estados Unidos",
        "La red de cincuenta consulados brindó asistencia consular y jurídica a connacionales "
        "detenidos, acompañó casos de protección y mantuvo ventanillas de salud y de orientación "
        "financiera.",
        "2021-05", themes=("consular-protection",), groups=("migrant-workers",),
        countries=("USA",),
    ),
    Item(
        "e-mex-refugio", "mex", "es",
        "Fortalecimiento de la atención a solicitantes de la condición de refugiado",
        "La Comisión Mexicana de Ayuda a Refugiados abrió nuevas oficinas en Tapachula y Tijuana "
        "y redujo los tiempos de resolución de las solicitudes de asilo.",
        "2022-03", themes=("due-process", "migration-management"),
        groups=("refugees-asylum-seekers",), countries=("MEX",),
    ),
    Item(
        "e-mex-retorno", "mex", "es",
        "Programa de reintegración de personas mexicanas retornadas",
        "El programa recibe a las personas repatriadas desde Estados Unidos en los puntos de "
        "internación, les entrega documentos de identidad y las vincula con empleo y vivienda en "
        "sus comunidades.",
        "2020-08", themes=("return-reintegration",), groups=("returning-migrants",),
        countries=("MEX", "USA"),
    ),
    Item(
        "e-mex-remesas", "mex", "es",
        "Reducción del costo de envío de remesas",
        "Acuerdo con la banca de desarrollo para que las familias reciban remesas desde Estados "
        "Unidos con comisiones más bajas y abran cuentas de ahorro.",
        "2021-11", themes=("migration-development",), groups=("diaspora",),
        countries=("MEX", "USA"),
    ),
    Item(
        "e-mex-trata", "mex", "es",
        "Campaña Corazón Azul contra la trata de personas",
        "La campaña llegó a escuelas, terminales de autobuses y aeropuertos con mensajes para "
        "reconocer las formas de captación y con la línea nacional de denuncia.",
        "2020-07", themes=(T,), groups=("trafficking-victims",), countries=("MEX",),
    ),
    Item(
        "e-gtm-ninez-retornada", "gtm", "es",
        "Recepción de niñez y adolescencia migrante no acompañada retornada",
        "La Secretaría de Bienestar Social recibió en sus albergues a niñas, niños y "
        "adolescentes no acompañados retornados desde México y Estados Unidos, localizó a sus "
        "familias y dio seguimiento a su reintegración escolar.",
        "2021-09", themes=("return-reintegration",),
        groups=("unaccompanied-children", "returning-migrants"), countries=("GTM", "USA"),
    ),
    Item(
        "e-gtm-consular", "gtm", "es",
        "Consulados móviles para la comunidad guatemalteca en Estados Unidos",
        "Los consulados móviles emitieron pasaportes y documentos de identificación consular en "
        "ciudades sin oficina consular, y orientaron sobre protección consular ante detenciones.",
        "2022-06", themes=("consular-protection",), groups=("diaspora",), countries=("USA",),
    ),
    Item(
        "e-gtm-trabajadores-temporales", "gtm", "es",
        "Programa de trabajadores agrícolas temporales en Canadá",
        "El Ministerio de Trabajo seleccionó y preparó a trabajadores temporales para las "
        "temporadas agrícolas en Canadá, con charlas sobre sus derechos laborales antes de viajar.",
        "2022-02", themes=("labor-migration",), groups=("migrant-workers",), countries=("CAN",),
    ),
    Item(
        "e-hnd-centros-retornados", "hnd", "es",
        "Centros de atención al migrante retornado",
        "Los centros de San Pedro Sula y Omoa recibieron a personas deportadas por vía aérea "
        "desde Estados Unidos y por vía terrestre desde México, con atención médica, llamadas a "
        "familiares y transporte a sus comunidades.",
        "2021-03", themes=("return-reintegration",), groups=("returning-migrants",),
        countries=("HND", "USA"), partners=("iom",),
    ),
    Item(
        "e-hnd-remesas", "hnd", "es",
        "Encuesta sobre el uso de las remesas en los hogares",
        "La encuesta del banco central midió cuánto de las remesas se destina al consumo, la "
        "educación y la vivienda, y cuántos hogares dependen de ellas.",
        "2022-11", themes=("migration-development", "information-research"),
        groups=("families-left-behind",), countries=("HND",),
    ),
    Item(
        "e-slv-ley-especial", "slv", "es",
        "Aplicación de la Ley Especial para la Protección y Desarrollo de la Persona Migrante "
        "Salvadoreña",
        "El consejo nacional coordinó los programas para la diáspora salvadoreña y para las "
        "personas retornadas, y presentó su informe anual a la Asamblea Legislativa.",
        "2020-01", themes=("legislation-policy", "human-rights"),
        groups=("diaspora", "returning-migrants"), countries=("SLV",),
    ),
    Item(
        "e-slv-desaparecidos", "slv", "es",
        "Búsqueda de personas migrantes desaparecidas",
        "Con el mecanismo de búsqueda regional, las familias de personas migrantes desaparecidas "
        "en la ruta hacia el norte presentaron muestras genéticas y recibieron apoyo psicológico.",
        "2021-12", themes=("human-rights", "cooperation"), groups=("families-left-behind",),
        countries=("SLV",),
    ),
    Item(
        "e-col-ept", "col", "es",
        "Estatuto Temporal de Protección para Migrantes Venezolanos",
        "El estatuto permite a las personas venezolanas en situación irregular registrarse y "
        "obtener un permiso por protección temporal de diez años, con acceso a trabajo formal, "
        "salud y educación.",
        "2021-03", themes=("legislation-policy", "integration"), groups=("irregular-migrants",),
        countries=("COL", "VEN"),
    ),
    Item(
        "e-col-salud", "col", "es",
        "Afiliación de migrantes venezolanos al sistema de salud",
        "Las personas con permiso por protección temporal pueden afiliarse al régimen subsidiado "
        "de salud; se priorizó a gestantes, niñas y niños y personas con enfermedades crónicas.",
        "2022-05", themes=("health", "integration"), groups=("irregular-migrants",),
        countries=("COL", "VEN"),
    ),
    Item(
        "e-col-xenofobia", "col", "es",
        "Estrategia contra la xenofobia en ciudades de acogida",
        "Campaña en medios y en colegios de Bogotá, Cúcuta y Barranquilla para frenar la "
        "discriminación contra la población venezolana y promover la convivencia.",
        "2020-10", themes=("discrimination-xenophobia", "integration"), countries=("COL", "VEN"),
    ),
    Item(
        "e-ecu-visa", "ecu", "es",
        "Proceso de regularización y visa de residencia temporal de excepción",
        "El proceso de regularización permitió a personas venezolanas en situación irregular "
        "registrarse y solicitar una visa de residencia temporal de excepción.",
        "2022-09", themes=("migration-management", "legislation-policy"),
        groups=("irregular-migrants",), countries=("ECU", "VEN"),
    ),
    Item(
        "e-ecu-movilidad", "ecu", "es",
        "Reforma del reglamento de la Ley Orgánica de Movilidad Humana",
        "La reforma simplificó los trámites de residencia y reforzó las garantías del debido "
        "proceso en los procedimientos de deportación.",
        "2019-06", themes=("legislation-policy", "human-rights"), countries=("ECU",),
    ),
    Item(
        "e-per-ptp", "per", "es",
        "Carné de Permiso Temporal de Permanencia",
        "Más de 300 000 personas extranjeras en situación migratoria irregular solicitaron el "
        "permiso, que les permite trabajar formalmente y acceder a servicios durante un año.",
        "2021-10", themes=("migration-management",), groups=("irregular-migrants",),
        countries=("PER", "VEN"),
    ),
    Item(
        "e-per-trata", "per", "es",
        "Capacitación de inspectores sobre trata con fines de explotación laboral",
        "Inspectores de trabajo de Madre de Dios y Puno aprendieron a detectar casos de trata de "
        "personas y trabajo forzoso en la minería informal y a derivar a las víctimas.",
        "2022-04", themes=(T, "labor-migration", "capacity-building"),
        groups=("trafficking-victims",), countries=("PER",),
    ),
    Item(
        "e-chl-ley", "chl", "es",
        "Nueva Ley de Migración y Extranjería",
        "La Ley 21.325 creó el Servicio Nacional de Migraciones y estableció una política "
        "nacional migratoria con enfoque de derechos.",
        "2021-04", themes=("legislation-policy", "migration-management"), countries=("CHL",),
    ),
    Item(
        "e-chl-escuelas", "chl", "es",
        "Escuelas interculturales para niñas y niños migrantes",
        "Escuelas públicas de Santiago recibieron a estudiantes haitianos con clases de "
        "castellano, mediadores interculturales y apoyo a las familias.",
        "2022-03", themes=("education", "integration"), groups=("children-adolescents",),
        countries=("CHL", "HTI"),
    ),
    Item(
        "e-arg-apatridas", "arg", "es",
        "Ley de reconocimiento y protección de las personas apátridas",
        "La ley establece el procedimiento para reconocer la condición de persona apátrida, "
        "garantiza documentos de identidad y facilita la naturalización.",
        "2019-11", themes=("legislation-policy", "human-rights"), groups=("stateless-persons",),
        countries=("ARG",),
    ),
    Item(
        "e-arg-mercosur", "arg", "es",
        "Residencias por nacionalidad Mercosur",
        "Se otorgaron residencias temporarias a nacionales de Bolivia y Paraguay bajo el acuerdo "
        "de residencia del Mercosur, que evita que permanezcan en situación irregular.",
        "2020-05", themes=("migration-management",), groups=("irregular-migrants",),
        countries=("ARG", "BOL", "PRY"),
    ),
    Item(
        "e-bra-acolhida", "bra", "en",
        "Operation Welcome: voluntary relocation of Venezuelans",
        "The relocation strategy moved Venezuelan refugees and migrants from Roraima to other "
        "states where they had job offers or relatives, after registration and health checks at "
        "the border.",
        "2021-06", themes=("integration", "migration-management"),
        groups=("refugees-asylum-seekers",), countries=("BRA", "VEN"),
    ),
    Item(
        "e-cri-categoria-especial", "cri", "es",
        "Categoría especial temporal para solicitantes de refugio",
        "Las personas solicitantes de asilo cuya solicitud fue rechazada pueden obtener una "
        "categoría migratoria temporal que les permite trabajar legalmente mientras se resuelve "
        "su situación.",
        "2021-03", themes=("due-process", "migration-management"),
        groups=("refugees-asylum-seekers",), countries=("CRI", "NIC", "VEN"), partners=("unhcr",),
    ),
    Item(
        "e-cri-salud", "cri", "es",
        "Atención en salud para personas trabajadoras nicaragüenses",
        "La Caja Costarricense de Seguro Social amplió el aseguramiento a los trabajadores "
        "migrantes de la cosecha de café y organizó jornadas de salud en las fincas.",
        "2022-08", themes=("health",), groups=("migrant-workers",), countries=("CRI", "NIC"),
    ),
    Item(
        "e-pan-darien", "pan", "es",
        "Estaciones de recepción migratoria en Darién",
        "Las estaciones de Lajas Blancas y San Vicente atendieron a miles de personas migrantes "
        "que cruzaron la selva, con atención médica, alimentación y registro biométrico.",
        "2022-10", themes=("migration-management", "health", "human-rights"),
        groups=("irregular-migrants", "children-adolescents"), countries=("PAN", "COL"),
    ),
    Item(
        "e-dom-regularizacion", "dom", "es",
        "Plan Nacional de Regularización de Extranjeros",
        "Renovación de los carnés de las personas extranjeras regularizadas por el plan, en su "
        "mayoría trabajadores haitianos de la construcción y la agricultura.",
        "2020-07", themes=("migration-management", "legislation-policy"),
        groups=("irregular-migrants",), countries=("DOM", "HTI"),
    ),
    Item(
        "e-hti-returnees", "hti", "en",
        "Reception of deportees at Port-au-Prince airport",
        "The National Office for Migration received Haitian nationals deported by air from the "
        "United States and those returned overland from the Dominican Republic, with a small "
        "cash grant and medical screening.",
        "2022-01", themes=("return-reintegration",), groups=("returning-migrants",),
        countries=("HTI", "USA", "DOM"),
    ),
    Item(
        "e-hti-earthquake", "hti", "en",
        "Displacement after the August 2021 earthquake",
        "Civil protection teams and partners set up temporary shelters for families whose homes "
        "were destroyed in the southern departments and tracked onward movement to other regions.",
        "2021-09", themes=("climate-displacement",), groups=("disaster-displaced",),
        countries=("HTI",),
    ),
    Item(
        "e-usa-tvpa", "usa", "en",
        "Services and T visas for survivors of human trafficking",
        "Grants funded service providers that support survivors of sex and labor trafficking, "
        "and T nonimmigrant status allowed foreign victims to remain and work while cooperating "
        "with investigators.",
        "2021-01", themes=(T, "legislation-policy"), groups=("trafficking-victims",),
        countries=("USA",),
    ),
    Item(
        "e-usa-uac", "usa", "en",
        "Care of unaccompanied children referred by border authorities",
        "The Office of Refugee Resettlement placed unaccompanied children with vetted sponsors, "
        "most of them relatives, and expanded legal orientation before immigration court "
        "hearings.",
        "2021-06", themes=("human-rights",), groups=("unaccompanied-children",),
        countries=("USA", "GTM", "HND", "SLV"),
    ),
    Item(
        "e-usa-tps", "usa", "en",
        "Temporary Protected Status designations",
        "TPS was designated or extended for nationals of Haiti, Venezuela, Honduras and El "
        "Salvador who cannot return safely because of disasters or crises in their countries.",
        "2022-07", themes=("migration-management", "legislation-policy"),
        countries=("USA", "HTI", "VEN", "HND", "SLV"),
    ),
    Item(
        "e-can-sawp", "can", "en",
        "Seasonal Agricultural Worker Program: stronger protections",
        "New rules require employers to provide adequate housing and information on workers' "
        "rights, and inspections of farms employing workers from Mexico, Jamaica and the "
        "Caribbean increased.",
        "2021-10", themes=("labor-migration", "human-rights"), groups=("migrant-workers",),
        countries=("CAN", "MEX", "JAM"),
    ),
    Item(
        "e-can-lgbti-refugees", "can", "en",
        "Rainbow Refugee Assistance Partnership",
        "Private sponsors resettled LGBTI refugees fleeing persecution for their sexual "
        "orientation or gender identity, with settlement support in their first year.",
        "2022-06", themes=("integration",), groups=("lgbti", "refugees-asylum-seekers"),
        countries=("CAN",),
    ),
    Item(
        "e-can-antiracism", "can", "en",
        "Settlement services and the anti-racism strategy",
        "Newcomer organizations received funding to fight racism and discrimination in "
        "workplaces and schools, and to support immigrants who report hate incidents.",
        "2020-11", themes=("discrimination-xenophobia", "integration"), countries=("CAN",),
    ),
    Item(
        "e-jam-diaspora", "jam", "en",
        "Biennial Diaspora Conference",
        "The conference brought together Jamaicans abroad to discuss investment, diaspora bonds "
        "and lowering the cost of remittances sent home.",
        "2021-06-16", themes=("migration-development",), groups=("diaspora",), countries=("JAM",),
    ),
    Item(
        "e-jam-deportees", "jam", "en",
        "Reintegration support for involuntarily returned migrants",
        "Deported nationals received temporary accommodation, identity documents and job "
        "placement through the national reintegration programme.",
        "2022-03", themes=("return-reintegration",), groups=("returning-migrants",),
        countries=("JAM", "USA", "GBR"),
    ),
    Item(
        "e-tto-registration", "tto", "en",
        "Registration of Venezuelan migrants",
        "A two-week registration exercise gave Venezuelans in the country a permit to work for "
        "one year, renewable, and recorded their skills.",
        "2019-06", themes=("migration-management",),
        groups=("irregular-migrants", "refugees-asylum-seekers"), countries=("TTO", "VEN"),
    ),
    Item(
        "e-tto-schools", "tto", "en",
        "School places for migrant children",
        "Learning centres run with the Ministry of Education and civil society offered "
        "Venezuelan children classes in English and Spanish while enrolment in public schools "
        "is arranged.",
        "2022-09", themes=("education",), groups=("children-adolescents",),
        countries=("TTO", "VEN"),
    ),
    Item(
        "e-bol-indigenas", "bol", "es",
        "Migración de familias indígenas aymaras y quechuas",
        "Estudio sobre la migración circular de comunidades indígenas hacia las cosechas del "
        "norte de Chile y de Argentina, y sobre los niños y niñas que se quedan con sus abuelos.",
        "2021-08", themes=("information-research",),
        groups=("indigenous-peoples", "migrant-workers"), countries=("BOL", "CHL", "ARG"),
    ),
    Item(
        "e-ury-reasentamiento", "ury", "es",
        "Reasentamiento e integración de familias refugiadas",
        "Las familias refugiadas reasentadas recibieron vivienda, clases de español y apoyo para "
        "inscribir a sus hijos en la escuela.",
        "2020-09", themes=("integration",), groups=("refugees-asylum-seekers",),
        countries=("URY", "SYR"),
    ),
)

# Entries of reports that are not published: they must never reach public results.
DRAFT_ENTRIES: tuple[Item, ...] = (
    Item(
        "u-pry-trata", "pry", "es",
        "Mesa interinstitucional contra la trata de personas",
        "Borrador: la mesa coordinó la atención a víctimas de trata identificadas en la triple "
        "frontera.",
        "2022-05", themes=(T,), groups=("trafficking-victims",), countries=("PRY",),
    ),
)
RETURNED_ENTRIES: tuple[Item, ...] = (
    Item(
        "u-blz-trafficking", "blz", "en",
        "Trafficking awareness week",
        "Draft: schools and bus terminals in Belize City hosted talks on human trafficking.",
        "2022-05", themes=(T,), groups=("trafficking-victims",), countries=("BLZ",),
    ),
)

RECOMMENDATIONS: tuple[Quote, ...] = (
    Quote(
        "r-iachr-detention", "en", "IACHR, Report on immigration detention in the Americas", 3,
        "Adopt alternatives to immigration detention for families and end the detention of "
        "unaccompanied children in all circumstances.",
    ),
    Quote(
        "r-cidh-trata", "es", "CIDH, Informe sobre trata de personas en el norte de Centroamérica",
        5,
        "Adoptar protocolos de identificación temprana de víctimas de trata de personas en los "
        "puestos fronterizos y garantizar su acceso a salud, alojamiento y asistencia jurídica.",
    ),
    Quote(
        "r-cidh-apatridia", "es",
        "CIDH, Informe sobre la situación de derechos humanos en República Dominicana", 2,
        "Restablecer la nacionalidad de las personas dominicanas de ascendencia haitiana y "
        "prevenir nuevos casos de apatridia mediante la inscripción de todos los nacimientos.",
    ),
    Quote(
        "r-forum-remittances", "en", "High-level forum on flows of irregular migrants (2017)", 4,
        "Lower the cost of sending remittances and promote the financial inclusion of migrants "
        "and their families.",
        group="Panel 2: migration and development",
    ),
    Quote(
        "r-foro-remesas", "es",
        "Foro de alto nivel sobre flujos de migrantes en situación irregular (2017)", 5,
        "Promover el uso productivo de las remesas en las comunidades de origen mediante "
        "programas de ahorro y crédito.",
        group="Panel 2: migración y desarrollo",
    ),
    Quote(
        "r-cim-gbv", "en", "CIM, Hemispheric report on violence against migrant women", 1,
        "Guarantee access to shelters and justice for migrant women who survive gender-based "
        "violence, whatever their migration status.",
    ),
    Quote(
        "r-cim-trabajadoras", "es", "CIM, Informe sobre trabajadoras domésticas migrantes", 3,
        "Ratificar el Convenio 189 de la OIT y extender la seguridad social a las trabajadoras "
        "domésticas migrantes.",
    ),
    Quote(
        "r-iin-unaccompanied", "es", "IIN, Lineamientos sobre niñez y adolescencia migrante", 2,
        "Designar un tutor para cada niña, niño o adolescente no acompañado desde el momento de "
        "su identificación en la frontera.",
    ),
    Quote(
        "r-iin-return", "en", "IIN, Guidelines on the return of migrant children", 4,
        "Assess the best interests of each child before any return decision and coordinate with "
        "child protection services in the country of origin.",
    ),
    Quote(
        "r-iachr-lgbti", "en", "IACHR, Report on violence against LGBTI persons", 7,
        "Ensure that asylum systems recognise persecution based on sexual orientation or gender "
        "identity and provide safe shelters for LGBTI asylum seekers.",
    ),
    Quote(
        "r-cidh-xenofobia", "es",
        "CIDH, Resolución 2/18 sobre migración forzada de personas venezolanas", 8,
        "Implementar campañas contra la xenofobia y la discriminación hacia las personas "
        "venezolanas en los países de acogida.",
    ),
    Quote(
        "r-paho-health", "en", "PAHO, Policy on health and migration", 2,
        "Remove documentation requirements that keep migrants in an irregular situation from "
        "primary health care and vaccination.",
    ),
    Quote(
        "r-ops-salud", "es", "OPS, Plan de acción sobre salud y migración", 3,
        "Incluir a las personas migrantes en los programas nacionales de vacunación y de salud "
        "mental, sin importar su situación migratoria.",
    ),
    Quote(
        "r-crm-consular-es", "es",
        "Conferencia Regional sobre Migración, Lineamientos de protección consular", 1,
        "Fortalecer la asistencia consular a las personas migrantes detenidas y notificar sin "
        "demora a su consulado.",
    ),
    Quote(
        "r-crm-consular-en", "en",
        "Regional Conference on Migration, Guidelines on consular protection", 2,
        "Inform detained foreign nationals without delay of their right to contact their "
        "consulate and allow consular officers to visit them.",
    ),
)

WORK_PLAN = "Work plan of the Committee on Migration Issues 2021–2023"
MEETINGS: tuple[Meeting, ...] = (
    Meeting(
        "m-iachr-hearings", "2021-10",
        "Presentation by the IACHR on its hearings on the rights of migrants",
        "Commissioner and Rapporteur on the Rights of Migrants",
    ),
    Meeting(
        "m-trafficking-session", "2022-02-10",
        "Special meeting on trafficking in persons and migrant smuggling",
        "Guests: DPS, IOM and UNODC",
    ),
    Meeting(
        "m-remittances", "2022-04", "Dialogue on remittances and development",
        "Guest: Inter-American Development Bank",
    ),
    Meeting(
        "m-cim-gender", "2021-11-18", "CIM presentation of its studies on gender and migration",
    ),
    Meeting(
        "m-iin-children", "2022-03",
        "IIN report on unaccompanied children and adolescents in migration",
    ),
    Meeting("m-unhcr-statelessness", "2022-05", "UNHCR briefing on statelessness in the Americas"),
    Meeting(
        "m-paho-health", "2022-01-20", "PAHO presentation on the health of migrants in transit",
    ),
    Meeting(
        "m-labour", "2021-12", "Labour migration and fair recruitment",
        "Guests: ILO and the Inter-American Network for Labor Administration (RIAL)",
    ),
    Meeting("m-xenophobia", "2022-06", "Exchange of good practices against xenophobia"),
    Meeting("m-consular", "2022-09", "Consular protection of migrants in detention"),
    Meeting(
        "m-return", "2023-02", "Return and reintegration: experiences of Central American states",
    ),
    Meeting("m-climate", "2023-03", "Climate change, disasters and human mobility"),
)

PAIRS: tuple[Pair, ...] = (
    Pair("human trafficking", "trata de personas", (
        "e-iachr-report-trafficking", "e-iachr-principles", "e-cim-trafficking-course",
        "e-iin-trata-nna", "e-dps-trafficking-workshop", "e-dps-trata-plan", "e-mex-trata",
        "e-per-trata", "e-usa-tvpa", "r-cidh-trata", "m-trafficking-session",
        "activity:2016-iachr-b", "activity:2016-cim-c", "activity:2016-iin-b",
    )),
    Pair("trafficking victims", "víctimas de trata", (
        "e-iachr-report-trafficking", "e-iachr-principles", "e-cim-trafficking-course",
        "e-iin-trata-nna", "e-dps-trafficking-workshop", "e-dps-trata-plan", "e-mex-trata",
        "e-per-trata", "e-usa-tvpa", "r-cidh-trata",
        "activity:2016-iachr-b", "activity:2016-cim-c", "activity:2016-iin-b",
    )),
    Pair("migrant smuggling", "tráfico ilícito de migrantes", (
        "e-dps-smuggling", "m-trafficking-session", "activity:2016-iachr-b",
    )),
    Pair("remittances", "remesas", (
        "e-iom-remittances-study", "e-mex-remesas", "e-hnd-remesas", "e-jam-diaspora",
        "r-forum-remittances", "r-foro-remesas", "m-remittances",
    )),
    Pair("unaccompanied children", "niños no acompañados", (
        "e-iachr-audiencia-nna", "e-iin-unaccompanied-border", "e-iin-return-protocol",
        "e-gtm-ninez-retornada", "e-usa-uac", "r-iin-unaccompanied", "r-iachr-detention",
        "m-iin-children", "activity:2016-iin-a",
    )),
    Pair("consular assistance", "asistencia consular", (
        "e-mex-consular", "e-gtm-consular", "r-crm-consular-es", "r-crm-consular-en",
        "m-consular", "activity:2016-iachr-d",
    )),
    Pair("asylum seekers", "solicitantes de asilo", (
        "e-unhcr-asylum-registration", "e-mex-refugio", "e-cri-categoria-especial",
        "e-iachr-hearing-detention", "e-unhcr-lgbti", "r-iachr-lgbti",
    )),
    Pair("refugees", "refugiados", (
        "e-unhcr-asylum-registration", "e-mex-refugio", "e-cri-categoria-especial",
        "e-bra-acolhida", "e-can-lgbti-refugees", "e-unhcr-lgbti", "e-ury-reasentamiento",
        "e-iachr-principles", "e-iachr-precautionary", "e-tto-registration",
    )),
    Pair("statelessness", "apatridia", (
        "e-iachr-statelessness-dom", "e-unhcr-apatridia", "e-arg-apatridas", "e-iachr-principles",
        "r-cidh-apatridia", "m-unhcr-statelessness",
    )),
    Pair("stateless persons", "personas apátridas", (
        "e-iachr-statelessness-dom", "e-unhcr-apatridia", "e-arg-apatridas", "e-iachr-principles",
        "r-cidh-apatridia", "m-unhcr-statelessness",
    )),
    Pair("LGBTI migrants", "migrantes LGBTI", (
        "e-iachr-lgbti", "e-unhcr-lgbti", "e-can-lgbti-refugees", "r-iachr-lgbti",
        "activity:2016-gs-c",
    )),
    Pair("return and reintegration", "retorno y reintegración", (
        "e-iin-return-protocol", "e-iom-avrr", "e-mex-retorno", "e-hnd-centros-retornados",
        "e-jam-deportees", "e-hti-returnees", "e-paho-mental-health", "e-gtm-ninez-retornada",
        "r-iin-return", "m-return", "activity:2016-iin-b",
    )),
    Pair("deportees", "deportados", (
        "e-hnd-centros-retornados", "e-hti-returnees", "e-jam-deportees", "e-mex-retorno",
    )),
    Pair("xenophobia", "xenofobia", (
        "e-dsi-xenophobia-campaign", "e-col-xenofobia", "r-cidh-xenofobia", "m-xenophobia",
    )),
    Pair("campaign against xenophobia", "campaña contra la xenofobia", (
        "e-dsi-xenophobia-campaign", "e-col-xenofobia", "r-cidh-xenofobia",
    )),
    Pair("IACHR", "CIDH", (
        "e-iachr-hearing-detention", "e-iachr-audiencia-nna", "e-iachr-report-trafficking",
        "e-iachr-precautionary", "e-iachr-lgbti", "e-iachr-statelessness-dom",
        "e-iachr-principles", "e-iachr-warao", "r-iachr-detention", "r-cidh-trata",
        "r-cidh-apatridia", "r-iachr-lgbti", "r-cidh-xenofobia", "m-iachr-hearings",
    )),
    Pair("IACHR hearings", "audiencias de la CIDH", (
        "e-iachr-hearing-detention", "e-iachr-audiencia-nna", "m-iachr-hearings",
    )),
    Pair("Inter-American Commission of Women", "Comisión Interamericana de Mujeres", (
        "e-cim-study-gbv", "e-cim-domestic-workers", "e-cim-trafficking-course",
        "e-cim-care-economy", "e-cim-indigenous", "r-cim-gbv", "r-cim-trabajadoras",
        "m-cim-gender", "activity:2016-cim-a", "activity:2016-cim-b", "activity:2016-cim-c",
    )),
    Pair("PAHO", "OPS", (
        "e-paho-darien-health", "e-paho-covid", "e-paho-mental-health", "r-paho-health",
        "r-ops-salud", "m-paho-health", "activity:2016-paho-a", "activity:2016-paho-c",
    )),
    Pair("IOM", "OIM", (
        "e-iom-remittances-study", "e-iom-avrr", "e-iom-desastres", "e-hnd-centros-retornados",
        "e-dps-trafficking-workshop", "m-trafficking-session",
    )),
    Pair("UNHCR", "ACNUR", (
        "e-unhcr-asylum-registration", "e-unhcr-apatridia", "e-unhcr-lgbti",
        "e-cri-categoria-especial", "m-unhcr-statelessness",
    )),
    Pair("ILO", "OIT", ("e-ilo-seasonal", "e-ilo-inspeccion", "m-labour", "r-cim-trabajadoras")),
    Pair("Mexico", "México", (
        "e-mex-consular", "e-mex-refugio", "e-mex-retorno", "e-mex-remesas", "e-mex-trata",
        "e-iachr-audiencia-nna", "e-iachr-lgbti", "e-cim-study-gbv", "e-cim-indigenous",
        "e-iin-unaccompanied-border", "e-dsde-rial-workshop", "e-iom-avrr",
        "e-unhcr-asylum-registration", "e-unhcr-lgbti", "e-ilo-seasonal", "e-can-sawp",
    )),
    Pair("Haiti", "Haití", (
        "e-hti-returnees", "e-hti-earthquake", "e-iachr-statelessness-dom",
        "e-dom-regularizacion", "e-chl-escuelas", "e-usa-tps",
    )),
    Pair("United States", "Estados Unidos", (
        "e-iachr-hearing-detention", "e-usa-tvpa", "e-usa-uac", "e-usa-tps", "e-mex-consular",
        "e-gtm-consular", "e-mex-retorno", "e-mex-remesas", "e-iom-remittances-study",
        "e-hti-returnees", "e-jam-deportees", "e-gtm-ninez-retornada", "e-hnd-centros-retornados",
    )),
    Pair("Dominican Republic", "República Dominicana", (
        "e-dom-regularizacion", "e-iachr-statelessness-dom", "e-unhcr-apatridia",
        "e-hti-returnees", "r-cidh-apatridia",
    )),
    Pair("Brazil", "Brasil", ("e-bra-acolhida", "e-iachr-warao")),
    Pair("Canada", "Canadá", (
        "e-can-sawp", "e-can-lgbti-refugees", "e-can-antiracism", "e-gtm-trabajadores-temporales",
        "e-ilo-seasonal", "e-dsde-rial-workshop",
    )),
    Pair("Peru", "Perú", (
        "e-per-ptp", "e-per-trata", "e-iachr-precautionary", "e-iin-trata-nna", "e-iin-education",
        "e-paho-covid", "e-dsi-xenophobia-campaign",
    )),
    Pair("labour migration", "migración laboral", (
        "e-dsde-rial-workshop", "e-dsde-taller", "e-cim-domestic-workers", "e-cim-care-economy",
        "e-ilo-seasonal", "e-ilo-inspeccion", "e-gtm-trabajadores-temporales", "e-can-sawp",
        "e-cim-indigenous", "e-dsi-estadisticas", "m-labour", "activity:2005-dsde-b",
    )),
    Pair("migrant workers", "trabajadores migratorios", (
        "e-cim-domestic-workers", "e-cim-care-economy", "e-dsde-rial-workshop", "e-dsde-taller",
        "e-ilo-seasonal", "e-ilo-inspeccion", "e-gtm-trabajadores-temporales", "e-can-sawp",
        "e-cri-salud", "e-dsi-estadisticas", "r-cim-trabajadoras",
        "mandate:ag-res-2289-xxxvii-o-07",
    )),
    Pair("seasonal workers", "trabajadores temporales", (
        "e-ilo-seasonal", "e-gtm-trabajadores-temporales", "e-can-sawp", "e-dsde-taller",
        "e-cri-salud",
    )),
    Pair("health", "salud", (
        "e-paho-darien-health", "e-paho-covid", "e-paho-mental-health", "e-col-salud",
        "e-cri-salud", "e-pan-darien", "r-paho-health", "r-ops-salud", "m-paho-health",
        "activity:2016-paho-c",
    )),
    Pair("vaccination", "vacunación", ("e-paho-darien-health", "e-paho-covid", "r-paho-health",
                                       "r-ops-salud")),
    Pair("migrant women", "mujeres migrantes", (
        "e-cim-study-gbv", "e-cim-domestic-workers", "e-cim-trafficking-course",
        "e-cim-care-economy", "e-cim-indigenous", "r-cim-gbv", "r-cim-trabajadoras",
        "activity:2016-cim-b", "activity:2005-cim-a",
    )),
    Pair("gender-based violence", "violencia de género", (
        "e-cim-study-gbv", "r-cim-gbv", "activity:2016-cim-b",
    )),
    Pair("child protection", "protección de la niñez", (
        "e-iin-return-protocol", "e-iin-course-children", "e-iin-unaccompanied-border",
        "r-iin-return", "r-iin-unaccompanied",
    )),
    Pair("education", "educación", (
        "e-iin-education", "e-chl-escuelas", "e-tto-schools",
    )),
    Pair("indigenous migrants", "migrantes indígenas", (
        "e-cim-indigenous", "e-bol-indigenas", "e-iachr-warao",
    )),
    Pair("diaspora", "diáspora", (
        "e-jam-diaspora", "e-slv-ley-especial", "e-gtm-consular", "e-mex-remesas",
    )),
    Pair("natural disasters", "desastres naturales", (
        "e-iom-desastres", "e-hti-earthquake", "e-usa-tps", "m-climate",
    )),
    Pair("climate change displacement", "desplazamiento por cambio climático", (
        "e-iom-desastres", "e-hti-earthquake", "m-climate", "mandate:ag-dec-88-xlvi-o-16",
    )),
    Pair("irregular migrants", "migrantes irregulares", (
        "e-paho-covid", "e-col-ept", "e-ecu-visa", "e-per-ptp", "e-arg-mercosur",
        "e-dom-regularizacion", "e-tto-registration", "e-pan-darien", "e-dsi-forum-irregular",
        "e-paho-darien-health", "r-paho-health", "r-foro-remesas",
    )),
    Pair("regularization", "regularización", (
        "e-col-ept", "e-ecu-visa", "e-per-ptp", "e-dom-regularizacion", "e-arg-mercosur",
        "e-tto-registration",
    )),
    Pair("Venezuelan migrants", "migrantes venezolanos", (
        "e-iachr-precautionary", "e-iin-education", "e-col-ept", "e-col-salud", "e-col-xenofobia",
        "e-ecu-visa", "e-per-ptp", "e-bra-acolhida", "e-tto-registration", "e-tto-schools",
        "e-dsi-xenophobia-campaign", "r-cidh-xenofobia",
    )),
    Pair("due process", "debido proceso", (
        "e-iachr-hearing-detention", "e-iachr-audiencia-nna", "e-mex-refugio",
        "e-cri-categoria-especial", "e-unhcr-asylum-registration", "e-ecu-movilidad",
        "e-iachr-principles", "activity:2016-iachr-c",
    )),
    Pair("immigration detention", "detención migratoria", (
        "e-iachr-hearing-detention", "e-iachr-audiencia-nna", "r-iachr-detention",
        "m-consular",
    )),
    Pair("migration statistics", "estadísticas migratorias", (
        "e-dsi-sicremi", "e-dsi-estadisticas",
    )),
    Pair("workshop", "taller", (
        "e-dps-trafficking-workshop", "e-dsde-rial-workshop", "e-dsde-taller",
        "activity:2005-dsde-b",
    )),
    Pair("workshops", "talleres", (
        "e-dps-trafficking-workshop", "e-dsde-rial-workshop", "e-dsde-taller",
        "activity:2005-dsde-b",
    )),
)

# fmt: on


# --- Loading -----------------------------------------------------------------------------------


def _entry_values(item: Item, order: int) -> dict[str, object]:
    return {
        "kind": "carried_out",
        "title": item.title,
        "narrative": item.text,
        "language": item.language,
        "starts": item.starts,
        "order": order,
        "countries": list(item.countries),
        "themes": list(Theme.objects.filter(slug__in=item.themes)),
        "population_groups": list(PopulationGroup.objects.filter(slug__in=item.groups)),
        "partners": list(Actor.objects.filter(slug__in=item.partners)),
        "figures": [(Decimal(value), counts) for value, counts in item.figures],
    }


def load_corpus(*, by: User) -> dict[str, Found]:
    """Create the corpus as focal points and the secretariat would; key → how hits name it.

    `by` is a secretariat account: it runs the cycle, accepts and publishes. Each actor's
    entries are written and submitted by a focal point of that actor."""
    reports_of: dict[str, list[Item]] = {}
    for item in (*ENTRIES, *DRAFT_ENTRIES, *RETURNED_ENTRIES):
        reports_of.setdefault(item.actor, []).append(item)
    cycle = services.create_cycle(
        label=CYCLE_LABEL,
        version=ProgramVersion.objects.get(slug="2016"),
        opens_on=datetime.date(2019, 9, 1),
        deadline=datetime.date(2023, 12, 1),
        by=by,
        actors=list(Actor.objects.filter(slug__in=reports_of)),
    )
    found: dict[str, Found] = {}
    drafts = {item.actor for item in DRAFT_ENTRIES}
    returned = {item.actor for item in RETURNED_ENTRIES}
    for report in services.open_cycle(cycle, by=by):
        slug = report.actor.slug
        focal_point = focal_point_of(slug)
        for order, item in enumerate(reports_of[slug], start=1):
            entry = services.save_entry(report, _entry_values(item, order), by=focal_point)
            found[item.key] = ("entry", entry.pk)
        if slug in drafts:
            continue
        services.submit_report(report, by=focal_point)
        if slug in returned:
            services.return_report(report, by=by, comment="Add the figures, please.")
            continue
        services.accept_report(report, by=by)
        services.publish_report(report, by=by)
    for quote in RECOMMENDATIONS:
        recommendation = Recommendation.objects.create(
            source=Source.objects.get_or_create(title=quote.source)[0],
            group=quote.group,
            number=quote.number,
            text=quote.text,
            language=quote.language,
        )
        found[quote.key] = ("recommendation", recommendation.pk)
    plan = WorkPlan.objects.create(title=WORK_PLAN, period_start="2021", period_end="2023")
    for order, meeting in enumerate(MEETINGS, start=1):
        row = CalendarRow.objects.create(
            work_plan=plan,
            date=meeting.date,
            activity=meeting.activity,
            notes=meeting.notes,
            order=order,
        )
        found[meeting.key] = ("calendar", row.pk)
    found.update(registry_keys())
    return found


def registry_keys() -> dict[str, Found]:
    keys: dict[str, Found] = {}
    for code, pk in ProgramActivity.objects.values_list("code", "pk"):
        keys[f"activity:{code}"] = ("activity", pk)
    for slug, pk in Mandate.objects.values_list("slug", "pk"):
        keys[f"mandate:{slug}"] = ("mandate", pk)
    return keys


def languages_of(key: str) -> frozenset[str]:
    """The languages a record is written in: registry records are bilingual."""
    for item in (*ENTRIES, *DRAFT_ENTRIES, *RETURNED_ENTRIES, *RECOMMENDATIONS):
        if item.key == key:
            return frozenset({item.language})
    if key.startswith("m-"):
        return frozenset({"en"})
    return frozenset({"en", "es"})


def unpublished_keys() -> frozenset[str]:
    return frozenset(item.key for item in (*DRAFT_ENTRIES, *RETURNED_ENTRIES))


# --- Measuring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Direction:
    query: str
    recall: float
    missed: tuple[str, ...]
    # Keys of the first CUTOFF public results, in order (what the reader sees).
    top: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class PairRecall:
    pair: Pair
    en: Direction
    es: Direction


def top_keys(text: str, found: dict[str, Found]) -> tuple[str, ...]:
    """Keys of the first CUTOFF public results for `text` ("?" for records outside the set)."""
    names = {value: key for key, value in found.items()}
    results = search(SearchRequest(text=text, per_page=CUTOFF))
    return tuple(names.get((hit.kind, hit.object_id), "?") for hit in results.hits)


def _direction(text: str, expected: Iterable[str], found: dict[str, Found]) -> Direction:
    expected = tuple(expected)
    top = top_keys(text, found)
    missed = tuple(key for key in expected if key not in top)
    return Direction(text, 1 - len(missed) / len(expected), missed, top)


def measure(found: dict[str, Found], pairs: Iterable[Pair] = PAIRS) -> list[PairRecall]:
    return [
        PairRecall(
            pair,
            _direction(pair.en, pair.expected, found),
            _direction(pair.es, pair.expected, found),
        )
        for pair in pairs
    ]


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values)


def table(results: list[PairRecall]) -> list[str]:
    """A Markdown table of the figures: one row per pair, then the means."""
    lines = [
        "| query (EN / ES) | recall@20 EN→ | recall@20 ES→ | missed (EN→ / ES→) |",
        "|---|---:|---:|---|",
    ]
    for result in results:
        missed = " / ".join(", ".join(d.missed) or "—" for d in (result.en, result.es))
        lines.append(
            f"| {result.pair.en} / {result.pair.es} | {result.en.recall:.2f} "
            f"| {result.es.recall:.2f} | {missed} |"
        )
    below = sum(1 for r in results if min(r.en.recall, r.es.recall) < 1)
    lines.append(
        f"| **mean of {len(results)} pairs** | **{mean(r.en.recall for r in results):.3f}** "
        f"| **{mean(r.es.recall for r in results):.3f}** | {below} pairs below 1.0 |"
    )
    return lines
