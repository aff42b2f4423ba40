"""Non-state actors of the Program: OAS organs and units, specialized organizations, multilateral
organizations and other actors (civil society networks).

Sources: the CAM work plan 2016-2017 (actors and suggested activities of the updated Program, its
coordination and calendar), the 2009 annual report on the 2005 Program (one section per reporting
implementer), the CAM report for 2019-2020 (DPS within SMS, IACHR, CIM, IIN) and the 2017
high-level forum on flows of irregular migrants (Department of Social Inclusion, IOM, ILO, UNHCR,
RCM, SACM). Descriptions are the project's own wording.

Parents are listed before their children: the loader creates the rows in this order.
"""

from .schema import ActorData

ACTORS: list[ActorData] = [
    # --- A) Organs, agencies and entities of the OAS -------------------------------------------
    {
        "slug": "gs",
        "category": "oas_organ",
        "name_en": "General Secretariat of the Organization of American States",
        "name_es": "Secretaría General de la Organización de los Estados Americanos",
        "acronym_en": "GS/OAS",
        "acronym_es": "SG/OEA",
        "description_en": "Central, permanent organ of the OAS; under the updated Program it "
        "coordinates its Program-related work with the CAM, concludes cooperation agreements "
        "and designates the unit that supports the Committee.",
        "description_es": "Órgano central y permanente de la OEA; en el Programa actualizado "
        "coordina con la CAM sus actividades relacionadas con el Programa, suscribe acuerdos "
        "de cooperación y designa la unidad que presta apoyo a la Comisión.",
        "website": "https://www.oas.org/",
    },
    {
        "slug": "cp",
        "category": "oas_organ",
        "name_en": "Permanent Council of the Organization of American States",
        "name_es": "Consejo Permanente de la Organización de los Estados Americanos",
        "acronym_es": "CP",
        "description_en": "Political organ of the OAS whose Committee on Juridical and "
        "Political Affairs followed up on the 2005 Program.",
        "description_es": "Órgano político de la OEA cuya Comisión de Asuntos Jurídicos y "
        "Políticos dio seguimiento al Programa de 2005.",
    },
    {
        "slug": "cajp",
        "category": "oas_organ",
        "name_en": "Committee on Juridical and Political Affairs",
        "name_es": "Comisión de Asuntos Jurídicos y Políticos",
        "acronym_en": "CAJP",
        "acronym_es": "CAJP",
        "parent": "cp",
        "description_en": "Permanent Council committee that held the 2005 Program's annual "
        "special meetings, received the implementers' reports and was to convene a meeting of "
        "experts every two years ahead of the Summits of the Americas.",
        "description_es": "Comisión del Consejo Permanente que celebraba las reuniones "
        "especiales anuales del Programa de 2005, recibía los informes de sus ejecutores y "
        "debía convocar cada dos años una reunión de expertos previa a las Cumbres de las "
        "Américas.",
    },
    {
        "slug": "cidi",
        "category": "oas_organ",
        "name_en": "Inter-American Council for Integral Development",
        "name_es": "Consejo Interamericano para el Desarrollo Integral",
        "acronym_en": "CIDI",
        "acronym_es": "CIDI",
        "description_en": "OAS council for integral development to which the CAM belongs; it "
        "is to consider a yearly meeting with Program actors and, through the CAM, a meeting "
        "of experts before each Summit of the Americas.",
        "description_es": "Consejo de la OEA para el desarrollo integral del que depende la "
        "CAM; debe considerar la celebración de una reunión anual con los actores del "
        "Programa y, por conducto de la CAM, de una reunión de expertos antes de cada Cumbre "
        "de las Américas.",
    },
    {
        "slug": "cam",
        "category": "oas_organ",
        "name_en": "Committee on Migration Issues",
        "name_es": "Comisión de Asuntos Migratorios",
        "acronym_en": "CAM",
        "acronym_es": "CAM",
        "parent": "cidi",
        "description_en": "Permanent committee of CIDI set up in 2012 as the main OAS forum "
        "on migration; it is the political body that implements, follows up on and "
        "coordinates the updated Program.",
        "description_es": "Comisión permanente del CIDI creada en 2012 como principal foro de "
        "la OEA en materia migratoria; es el órgano político que ejecuta, coordina y da "
        "seguimiento al Programa actualizado.",
    },
    {
        "slug": "iachr",
        "category": "oas_organ",
        "name_en": "Inter-American Commission on Human Rights",
        "name_es": "Comisión Interamericana de Derechos Humanos",
        "acronym_en": "IACHR",
        "acronym_es": "CIDH",
        "description_en": "Principal OAS organ for human rights; through its rapporteurship "
        "on the rights of migrants it monitors their situation, trains officials and civil "
        "society and fosters dialogue on the subject.",
        "description_es": "Órgano principal de la OEA en materia de derechos humanos; por "
        "medio de su relatoría sobre los derechos de los migrantes vigila su situación, "
        "capacita a funcionarios y a la sociedad civil y promueve el diálogo sobre el tema.",
        "website": "https://www.oas.org/en/iachr/",
    },
    {
        "slug": "sms",
        "category": "oas_organ",
        "name_en": "Secretariat for Multidimensional Security",
        "name_es": "Secretaría de Seguridad Multidimensional",
        "acronym_en": "SMS",
        "acronym_es": "SSM",
        "parent": "gs",
        "description_en": "Secretariat of the General Secretariat for multidimensional "
        "security, whose Program-related work centres on crimes that affect migrants, above "
        "all trafficking in persons.",
        "description_es": "Secretaría de la Secretaría General a cargo de la seguridad "
        "multidimensional, cuya labor en el marco del Programa se centra en los delitos que "
        "afectan a los migrantes, sobre todo la trata de personas.",
    },
    {
        "slug": "dps",
        "category": "oas_organ",
        "name_en": "Department of Public Security",
        "name_es": "Departamento de Seguridad Pública",
        "acronym_en": "DPS",
        "acronym_es": "DSP",
        "parent": "sms",
        "description_en": "SMS department that helps member states prevent and respond to "
        "crimes against migrants, especially trafficking in persons, through training, "
        "technical secretariat work and projects in the field.",
        "description_es": "Departamento de la SSM que apoya a los Estados Miembros en la "
        "prevención y atención de los delitos que afectan a los migrantes, en especial la "
        "trata de personas, mediante capacitación, labores de secretaría técnica y proyectos "
        "sobre el terreno.",
    },
    {
        "slug": "sedi",
        "category": "oas_organ",
        "name_en": "Executive Secretariat for Integral Development",
        "name_es": "Secretaría Ejecutiva para el Desarrollo Integral",
        "acronym_en": "SEDI",
        "acronym_es": "SEDI",
        "parent": "gs",
        "description_en": "Secretariat of the General Secretariat for integral development; "
        "it housed the OAS migration program, supported the political bodies dealing with "
        "migration and was asked to report on SICREMI's sustainability.",
        "description_es": "Secretaría de la Secretaría General para el desarrollo integral; "
        "albergó el programa de migración de la OEA, apoyó a los órganos políticos que tratan "
        "el tema migratorio y se le pidió informar sobre la sostenibilidad del SICREMI.",
    },
    {
        "slug": "sedi-migration",
        "category": "oas_organ",
        "name_en": "Migration and Development Program, Office of the Executive Secretary "
        "for Integral Development",
        "name_es": "Programa de Migración y Desarrollo, Oficina del Secretario Ejecutivo para "
        "el Desarrollo Integral",
        "parent": "sedi",
        "description_en": "Area created in 2008 to coordinate the migration work of the OAS; "
        "it supported the CAJP and the special committee on migration, compiled the Program's "
        "annual report and launched SICREMI.",
        "description_es": "Área creada en 2008 para coordinar la labor de la OEA en materia "
        "migratoria; apoyó a la CAJP y a la comisión especial de asuntos migratorios, "
        "compiló el informe anual del Programa y puso en marcha el SICREMI.",
    },
    {
        "slug": "dec",
        "category": "oas_organ",
        "name_en": "Department of Education and Culture",
        "name_es": "Departamento de Educación y Cultura",
        "acronym_en": "DEC",
        "acronym_es": "DEC",
        "parent": "sedi",
        "description_en": "SEDI department that reported research and projects on education "
        "policies for migrant children and youth.",
        "description_es": "Departamento de la SEDI que informó sobre investigaciones y "
        "proyectos relativos a políticas educativas para niños, niñas y jóvenes migrantes.",
    },
    {
        "slug": "dsde",
        "category": "oas_organ",
        "name_en": "Department of Social Development and Employment",
        "name_es": "Departamento de Desarrollo Social y Empleo",
        "acronym_en": "DSDE",
        "acronym_es": "DDSE",
        "parent": "sedi",
        "description_en": "SEDI department and technical secretariat of the Inter-American "
        "Conference of Ministers of Labor, linking the Program with labor ministries through "
        "the Inter-American Network for Labor Administration (RIAL).",
        "description_es": "Departamento de la SEDI y secretaría técnica de la Conferencia "
        "Interamericana de Ministros de Trabajo, que vincula el Programa con los ministerios "
        "de trabajo mediante la Red Interamericana para la Administración Laboral (RIAL).",
    },
    {
        "slug": "summits",
        "category": "oas_organ",
        "name_en": "Summits of the Americas Secretariat",
        "name_es": "Secretaría de Cumbres de las Américas",
        "parent": "gs",
        "description_en": "General Secretariat unit that follows up on Summit mandates on "
        "migration and promotes migrants' human rights as a cross-cutting theme of the "
        "Summits process.",
        "description_es": "Unidad de la Secretaría General que da seguimiento a los mandatos "
        "de las Cumbres sobre migración y promueve los derechos humanos de los migrantes como "
        "tema transversal del proceso de Cumbres.",
        "website": "https://www.summit-americas.org/",
    },
    {
        "slug": "sla",
        "category": "oas_organ",
        "name_en": "Secretariat for Legal Affairs",
        "name_es": "Secretaría de Asuntos Jurídicos",
        "acronym_en": "SLA",
        "acronym_es": "SAJ",
        "parent": "gs",
        "description_en": "Secretariat of the General Secretariat for legal affairs, to which "
        "the Department of International Law belongs.",
        "description_es": "Secretaría de la Secretaría General a cargo de los asuntos "
        "jurídicos, de la que depende el Departamento de Derecho Internacional.",
    },
    {
        "slug": "dil",
        "category": "oas_organ",
        "name_en": "Department of International Law",
        "name_es": "Departamento de Derecho Internacional",
        "acronym_en": "DIL",
        "acronym_es": "DDI",
        "parent": "sla",
        "description_en": "SLA department that compiled and published member states' "
        "migration legislation and supported the CAJP and the Secretary General's work plan "
        "for the 2005 Program until it handed these tasks over to SEDI in 2008.",
        "description_es": "Departamento de la SAJ que recopiló y publicó la legislación "
        "migratoria de los Estados Miembros y apoyó a la CAJP y el plan de trabajo del "
        "Secretario General para el Programa de 2005 hasta que traspasó esas tareas a la SEDI "
        "en 2008.",
    },
    {
        "slug": "sare",
        "category": "oas_organ",
        "name_en": "Secretariat for Access to Rights and Equity",
        "name_es": "Secretaría de Acceso a Derechos y Equidad",
        "acronym_en": "SARE",
        "acronym_es": "SADyE",
        "parent": "gs",
        "description_en": "Secretariat of the General Secretariat for access to rights and "
        "equity, asked to keep the CAM informed about SICREMI's financial sustainability.",
        "description_es": "Secretaría de la Secretaría General a cargo del acceso a derechos "
        "y la equidad, a la que se pidió mantener informada a la CAM sobre la sostenibilidad "
        "financiera del SICREMI.",
    },
    {
        "slug": "dsi",
        "category": "oas_organ",
        "name_en": "Department of Social Inclusion",
        "name_es": "Departamento de Inclusión Social",
        "acronym_en": "DSI",
        "acronym_es": "DIS",
        "parent": "sare",
        "description_en": "SARE department that supports the OAS's work on migration, for "
        "instance by co-organizing the high-level forum on flows of irregular migrants in the "
        "Americas.",
        "description_es": "Departamento de la SADyE que apoya la labor de la OEA en materia "
        "migratoria, por ejemplo coorganizando el foro de alto nivel sobre flujos de "
        "migrantes en situación irregular en las Américas.",
    },
    # --- B) Specialized organizations -----------------------------------------------------------
    {
        "slug": "cim",
        "category": "specialized_organization",
        "name_en": "Inter-American Commission of Women",
        "name_es": "Comisión Interamericana de Mujeres",
        "acronym_en": "CIM",
        "acronym_es": "CIM",
        "description_en": "OAS specialized organization for women's rights and gender "
        "equality; under the Program it studies female migration and works to protect "
        "migrant women and girls, including victims of trafficking.",
        "description_es": "Organismo especializado de la OEA en derechos de las mujeres e "
        "igualdad de género; en el marco del Programa estudia la migración femenina y procura "
        "proteger a las mujeres y niñas migrantes, incluidas las víctimas de trata.",
        "website": "https://www.oas.org/en/cim/",
    },
    {
        "slug": "iin",
        "category": "specialized_organization",
        "name_en": "Inter-American Children's Institute",
        "name_es": "Instituto Interamericano del Niño, la Niña y Adolescentes",
        "acronym_en": "IIN",
        "acronym_es": "IIN",
        "description_en": "OAS specialized organization for children and adolescents that "
        "addresses the rights of migrant children, particularly those travelling unaccompanied "
        "and child victims of trafficking.",
        "description_es": "Organismo especializado de la OEA en materia de niñez y "
        "adolescencia que atiende los derechos de la niñez migrante, en particular de quienes "
        "viajan no acompañados y de las víctimas de trata.",
    },
    {
        "slug": "paho",
        "category": "specialized_organization",
        "name_en": "Pan American Health Organization",
        "name_es": "Organización Panamericana de la Salud",
        "acronym_en": "PAHO",
        "acronym_es": "OPS",
        "description_en": "Inter-American specialized health organization and WHO regional "
        "office that promotes the right to health of migrant workers and their families and "
        "gives technical cooperation to Program actors.",
        "description_es": "Organismo especializado interamericano en salud y oficina regional "
        "de la OMS que promueve el derecho a la salud de los trabajadores migratorios y sus "
        "familias y brinda cooperación técnica a los actores del Programa.",
        "website": "https://www.paho.org/",
    },
    # --- D) Multilateral organizations ----------------------------------------------------------
    {
        "slug": "iom",
        "category": "multilateral_organization",
        "name_en": "International Organization for Migration",
        "name_es": "Organización Internacional para las Migraciones",
        "acronym_en": "IOM",
        "acronym_es": "OIM",
        "description_en": "Intergovernmental migration agency that reports to the Program and "
        "cooperates with the OAS on migration management, counter-trafficking, return and "
        "reintegration and the regional consultative processes.",
        "description_es": "Organismo intergubernamental de las migraciones que informa al "
        "Programa y coopera con la OEA en gestión migratoria, lucha contra la trata, retorno "
        "y reintegración y en los procesos consultivos regionales.",
        "website": "https://www.iom.int/",
    },
    {
        "slug": "ilo",
        "category": "multilateral_organization",
        "name_en": "International Labour Organization",
        "name_es": "Organización Internacional del Trabajo",
        "acronym_en": "ILO",
        "acronym_es": "OIT",
        "description_en": "United Nations agency for the world of work that reported projects "
        "and studies on labor migration, including migrant domestic workers and social "
        "security for migrant workers.",
        "description_es": "Organismo de las Naciones Unidas para el mundo del trabajo que "
        "informó sobre proyectos y estudios de migración laboral, entre ellos sobre "
        "trabajadoras domésticas migrantes y seguridad social de los trabajadores migratorios.",
        "website": "https://www.ilo.org/",
    },
    {
        "slug": "unhcr",
        "category": "multilateral_organization",
        "name_en": "Office of the United Nations High Commissioner for Refugees",
        "name_es": "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados",
        "acronym_en": "UNHCR",
        "acronym_es": "ACNUR",
        "description_en": "United Nations refugee agency that supports refugee protection in "
        "the Regional Conference on Migration and takes part in OAS forums on irregular "
        "migration flows.",
        "description_es": "Organismo de las Naciones Unidas para los refugiados que apoya la "
        "protección de refugiados en la Conferencia Regional sobre Migración y participa en "
        "los foros de la OEA sobre flujos migratorios irregulares.",
        "website": "https://www.unhcr.org/",
    },
    {
        "slug": "rcm",
        "category": "multilateral_organization",
        "name_en": "Regional Conference on Migration (Puebla Process)",
        "name_es": "Conferencia Regional sobre Migración (Proceso Puebla)",
        "acronym_en": "RCM",
        "acronym_es": "CRM",
        "description_en": "Regional consultative forum on migration of North American, Central "
        "American and Caribbean countries that reported how its plan of action furthers the "
        "Program's objectives.",
        "description_es": "Foro consultivo regional sobre migración de países de América del "
        "Norte, Centroamérica y el Caribe que informó cómo su plan de acción contribuye a los "
        "objetivos del Programa.",
    },
    {
        "slug": "sacm",
        "category": "multilateral_organization",
        "name_en": "South American Conference on Migration",
        "name_es": "Conferencia Suramericana sobre Migraciones",
        "acronym_en": "SACM",
        "acronym_es": "CSM",
        "description_en": "Regional consultative process of the South American countries on "
        "migration, with which the CAM holds consultations.",
        "description_es": "Proceso consultivo regional de los países suramericanos sobre "
        "migración, con el que la CAM realiza consultas.",
    },
    # --- E) Other actors ------------------------------------------------------------------------
    {
        "slug": "rncom",
        "category": "other",
        "name_en": "Regional Network of Civil Organizations for Migration",
        "name_es": "Red Regional de Organizaciones Civiles para las Migraciones",
        "acronym_en": "RNCOM",
        "acronym_es": "RROCM",
        "description_en": "Network of civil society organizations from the RCM member "
        "countries that acts as the Puebla Process's civil society counterpart and drafted "
        "regional guidelines on migrants' rights.",
        "description_es": "Red de organizaciones de la sociedad civil de los países miembros "
        "de la CRM que actúa como interlocutora de la sociedad civil en el Proceso Puebla y "
        "elaboró lineamientos regionales sobre los derechos de los migrantes.",
    },
    {
        "slug": "simn",
        "category": "other",
        "name_en": "Scalabrini International Migration Network",
        "name_es": "Red Internacional de Migración Scalabrini",
        "acronym_en": "SIMN",
        "acronym_es": "SIMN",
        "description_en": "Civil society network serving migrants, proposed as a participant "
        "in the CAM's 2016 thematic meeting on migration and health.",
        "description_es": "Red de la sociedad civil al servicio de las personas migrantes, "
        "propuesta como participante en la reunión temática de la CAM de 2016 sobre "
        "migración y salud.",
    },
]
