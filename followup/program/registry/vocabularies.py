"""Controlled vocabularies used to tag the Program's activities: themes and population groups.

The terms cover the subjects and the groups of migrants that the Inter-American Program for the
Promotion and Protection of the Human Rights of Migrants, Including Migrant Workers and Their
Families deals with, as they appear in the corpus documents (the 2009 annual report on the 2005
Program, the CAM work plan 2016-2017 with the updated Program's suggested activities, the CAM
report for 2019-2020 and the 2017 high-level forum on flows of irregular migrants). Labels and
descriptions are the project's own wording.
"""

from .schema import VocabularyTerm

THEMES: list[VocabularyTerm] = [
    {
        "slug": "human-rights",
        "label_en": "Protection of human rights",
        "label_es": "Protección de los derechos humanos",
        "description_en": "Respect for and protection of the human rights of all migrants, "
        "whatever their migration status.",
        "description_es": "Respeto y protección de los derechos humanos de todas las personas "
        "migrantes, independientemente de su condición migratoria.",
    },
    {
        "slug": "trafficking-smuggling",
        "label_en": "Trafficking in persons and migrant smuggling",
        "label_es": "Trata de personas y tráfico ilícito de migrantes",
        "description_en": "Prevention and prosecution of both crimes and assistance to and "
        "protection of their victims.",
        "description_es": "Prevención y persecución de ambos delitos, y asistencia y protección "
        "a sus víctimas.",
    },
    {
        "slug": "labor-migration",
        "label_en": "Labor migration and migrant workers' rights",
        "label_es": "Migración laboral y derechos de los trabajadores migratorios",
        "description_en": "Labor rights of migrant workers, labor market access and the "
        "management of labor mobility.",
        "description_es": "Derechos laborales de los trabajadores migratorios, acceso al "
        "mercado de trabajo y gestión de la movilidad laboral.",
    },
    {
        "slug": "health",
        "label_en": "Health",
        "label_es": "Salud",
        "description_en": "The right to health of migrants and access to health services "
        "without discrimination.",
        "description_es": "Derecho a la salud de las personas migrantes y acceso sin "
        "discriminación a los servicios de salud.",
    },
    {
        "slug": "education",
        "label_en": "Education",
        "label_es": "Educación",
        "description_en": "Access to quality education for migrant children and youth and "
        "intercultural approaches in schools.",
        "description_es": "Acceso a una educación de calidad para niños, niñas y jóvenes "
        "migrantes y enfoques interculturales en la escuela.",
    },
    {
        "slug": "gender",
        "label_en": "Gender perspective",
        "label_es": "Perspectiva de género",
        "description_en": "Gender-differentiated impacts of migration, protection of migrant "
        "women and prevention of gender-based violence.",
        "description_es": "Efectos diferenciados de la migración según el género, protección "
        "de las mujeres migrantes y prevención de la violencia de género.",
    },
    {
        "slug": "integration",
        "label_en": "Integration in host countries",
        "label_es": "Integración en los países de acogida",
        "description_en": "Social, economic and cultural integration of migrants in the "
        "countries that receive them.",
        "description_es": "Integración social, económica y cultural de las personas migrantes "
        "en los países que las reciben.",
    },
    {
        "slug": "return-reintegration",
        "label_en": "Return and reintegration",
        "label_es": "Retorno y reintegración",
        "description_en": "Safe and dignified return and the social and labor reintegration "
        "of migrants in their countries of origin.",
        "description_es": "Retorno digno y seguro y reintegración social y laboral de las "
        "personas migrantes en sus países de origen.",
    },
    {
        "slug": "migration-development",
        "label_en": "Contributions of migrants and migration and development",
        "label_es": "Aportes de los migrantes y migración y desarrollo",
        "description_en": "Recognition of the economic, social and cultural contributions of "
        "migrants, remittances and the links between migration and development.",
        "description_es": "Reconocimiento de los aportes económicos, sociales y culturales de "
        "los migrantes, las remesas y los vínculos entre migración y desarrollo.",
    },
    {
        "slug": "consular-protection",
        "label_en": "Consular protection and assistance",
        "label_es": "Protección y asistencia consular",
        "description_en": "Consular information, notification, communication and assistance "
        "for nationals abroad.",
        "description_es": "Información, notificación, comunicación y asistencia consular a "
        "los nacionales en el exterior.",
    },
    {
        "slug": "due-process",
        "label_en": "Due process and access to justice",
        "label_es": "Debido proceso y acceso a la justicia",
        "description_en": "Procedural guarantees in migration proceedings, detention "
        "conditions, legal aid and access to justice.",
        "description_es": "Garantías procesales en los procedimientos migratorios, condiciones "
        "de detención, asistencia jurídica y acceso a la justicia.",
    },
    {
        "slug": "information-research",
        "label_en": "Information, statistics and research",
        "label_es": "Información, estadísticas e investigación",
        "description_en": "Data, studies and information systems on migration flows and "
        "trends, such as SICREMI.",
        "description_es": "Datos, estudios y sistemas de información sobre flujos y "
        "tendencias migratorias, como el SICREMI.",
    },
    {
        "slug": "legislation-policy",
        "label_en": "Legislation and public policy",
        "label_es": "Legislación y políticas públicas",
        "description_en": "Design, review and dissemination of migration laws, policies and plans.",
        "description_es": "Elaboración, revisión y difusión de leyes, políticas y planes "
        "en materia migratoria.",
    },
    {
        "slug": "migration-management",
        "label_en": "Migration management and governance",
        "label_es": "Gestión y gobernanza migratoria",
        "description_en": "Orderly and efficient management of migration flows and the "
        "institutions in charge of it.",
        "description_es": "Gestión ordenada y eficiente de los flujos migratorios y de las "
        "instituciones responsables de ella.",
    },
    {
        "slug": "discrimination-xenophobia",
        "label_en": "Discrimination and xenophobia",
        "label_es": "Discriminación y xenofobia",
        "description_en": "Fight against racism, discrimination, xenophobia and related "
        "intolerance toward migrants.",
        "description_es": "Lucha contra el racismo, la discriminación, la xenofobia y las "
        "formas conexas de intolerancia hacia los migrantes.",
    },
    {
        "slug": "climate-displacement",
        "label_en": "Climate change, disasters and displacement",
        "label_es": "Cambio climático, desastres y desplazamiento",
        "description_en": "Human mobility linked to climate change, food insecurity and "
        "disasters, and protection of displaced persons.",
        "description_es": "Movilidad humana vinculada al cambio climático, la inseguridad "
        "alimentaria y los desastres, y protección de las personas desplazadas.",
    },
    {
        "slug": "cooperation",
        "label_en": "Cooperation and exchange of best practices",
        "label_es": "Cooperación e intercambio de buenas prácticas",
        "description_en": "Dialogue, coordination and sharing of experience among states, "
        "OAS bodies and other Program actors.",
        "description_es": "Diálogo, coordinación e intercambio de experiencias entre los "
        "Estados, los órganos de la OEA y los demás actores del Programa.",
    },
    {
        "slug": "capacity-building",
        "label_en": "Training and capacity building",
        "label_es": "Capacitación y fortalecimiento de capacidades",
        "description_en": "Training of officials, service providers and civil society, and "
        "technical assistance to institutions.",
        "description_es": "Capacitación de funcionarios, prestadores de servicios y sociedad "
        "civil, y asistencia técnica a las instituciones.",
    },
]

POPULATION_GROUPS: list[VocabularyTerm] = [
    {
        "slug": "migrant-workers",
        "label_en": "Migrant workers and their families",
        "label_es": "Trabajadores migratorios y sus familias",
    },
    {
        "slug": "women-girls",
        "label_en": "Migrant women and girls",
        "label_es": "Mujeres y niñas migrantes",
    },
    {
        "slug": "children-adolescents",
        "label_en": "Migrant children and adolescents",
        "label_es": "Niños, niñas y adolescentes migrantes",
    },
    {
        "slug": "unaccompanied-children",
        "label_en": "Unaccompanied children and adolescents",
        "label_es": "Niños, niñas y adolescentes no acompañados",
        "description_en": "Migrant children and adolescents travelling without their parents "
        "or another responsible adult.",
        "description_es": "Niños, niñas y adolescentes migrantes que viajan sin sus padres ni "
        "otro adulto responsable.",
    },
    {
        "slug": "trafficking-victims",
        "label_en": "Victims of trafficking in persons",
        "label_es": "Víctimas de trata de personas",
    },
    {
        "slug": "refugees-asylum-seekers",
        "label_en": "Refugees and asylum seekers",
        "label_es": "Personas refugiadas y solicitantes de asilo",
    },
    {
        "slug": "returning-migrants",
        "label_en": "Returning migrants",
        "label_es": "Migrantes retornados",
        "description_en": "Migrants who go back, voluntarily or not, to their country of origin.",
        "description_es": "Migrantes que regresan, de forma voluntaria o no, a su país de origen.",
    },
    {
        "slug": "irregular-migrants",
        "label_en": "Migrants in an irregular situation",
        "label_es": "Migrantes en situación irregular",
    },
    {
        "slug": "lgbti",
        "label_en": "LGBTI persons",
        "label_es": "Personas LGBTI",
    },
    {
        "slug": "indigenous-peoples",
        "label_en": "Indigenous peoples",
        "label_es": "Pueblos indígenas",
    },
    {
        "slug": "disaster-displaced",
        "label_en": "Persons displaced by disasters",
        "label_es": "Personas desplazadas por desastres",
        "description_en": "People forced to move, within or across borders, by disasters or "
        "the effects of climate change.",
        "description_es": "Personas obligadas a desplazarse, dentro o fuera de su país, por "
        "desastres o por los efectos del cambio climático.",
    },
    {
        "slug": "diaspora",
        "label_en": "Diaspora communities",
        "label_es": "Comunidades de la diáspora",
    },
    {
        "slug": "stateless-persons",
        "label_en": "Stateless persons",
        "label_es": "Personas apátridas",
    },
    {
        "slug": "families-left-behind",
        "label_en": "Families of migrants who stay behind",
        "label_es": "Familias de migrantes que permanecen en el país de origen",
        "description_en": "Children, spouses and other relatives who remain in the country of "
        "origin when a family member migrates.",
        "description_es": "Hijos, cónyuges y otros familiares que permanecen en el país de "
        "origen cuando un miembro de la familia migra.",
    },
]
