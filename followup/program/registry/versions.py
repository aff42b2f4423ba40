"""The two versions of the Inter-American Program: the 2005 Program and its 2016 update.

Sources: the 2009 annual report on the 2005 Program (section III: objectives and structure;
section IV: the assignments of the CIM and of the DSDE) and the CAM work plan 2016-2017
(section V: actors and suggested specific activities of the updated Program; section VI:
coordination and follow-up). All texts are the project's own paraphrases.

NOTE: the corpus does not quote the objectives of the 2016 Program. The 2016 objectives below
are summaries of its aims as the corpus conveys them (the CAM's functions, the focus of the
mandates on protection, integration, inclusion of returning migrants and contributions of
migrants, exchange of information and best practices, cooperation among countries of origin,
transit, destination and return, the gender perspective, SICREMI data and the fight against
discrimination and xenophobia), not the Program's own wording. Likewise the 2005 specific
objectives are those the 2009 report lists as examples ("ranging from ... to ..."), so the list
may be incomplete.
"""

from .schema import VersionData

P2005 = "AG/RES. 2141 (XXXV-O/05)"
P2016 = "AG/RES. 2883 (XLVI-O/16)"
CAM_RES = "AG/RES. 2738 (XLII-O/12)"

DSDE_NOTE_EN = (
    "Assigned to the DSDE, on top of the activities assigned to SEDI, by the Secretary "
    "General's Work Plan for the Program (CP/CAJP-2456/07)."
)
DSDE_NOTE_ES = (
    "Asignada al DDSE, además de las actividades asignadas a la SEDI, por el Plan de Trabajo "
    "del Secretario General para el Programa (CP/CAJP-2456/07)."
)

VERSIONS: list[VersionData] = [
    {
        "slug": "2005",
        "title_en": "Inter-American Program for the Promotion and Protection of the Human "
        "Rights of Migrants, Including Migrant Workers and Their Families (2005)",
        "title_es": "Programa Interamericano para la Promoción y Protección de los Derechos "
        "Humanos de los Migrantes, incluyendo los Trabajadores Migratorios y sus Familias "
        "(2005)",
        "adopted_by": P2005,
        "adopted_on": "2005-06-07",
        "is_current": False,
        "summary_en": "The original Program, adopted by the General Assembly at its "
        "thirty-fifth regular session in Fort Lauderdale. It set out activities for the "
        "General Secretariat, the member states, multilateral and regional organizations and "
        "civil society, and was followed up by the Permanent Council's Committee on Juridical "
        "and Political Affairs until the CAM took over in 2012.",
        "summary_es": "El Programa original, aprobado por la Asamblea General en su "
        "trigésimo quinto período ordinario de sesiones, en Fort Lauderdale. Fijó actividades "
        "para la Secretaría General, los Estados Miembros, las organizaciones multilaterales "
        "y regionales y la sociedad civil, y su seguimiento estuvo a cargo de la Comisión de "
        "Asuntos Jurídicos y Políticos del Consejo Permanente hasta que la CAM asumió esa "
        "función en 2012.",
        "structure_en": "The Program gives 33 specific activities to various areas of the "
        "General Secretariat, from disseminating information on existing legislation to "
        "concrete action promoting migrants' human rights, and suggests more than 100 "
        "optional activities to three further groups of implementers: member states, "
        "multilateral and regional organizations, and civil society organizations. Follow-up "
        "rests on an annual special meeting of the CAJP, where General Secretariat areas and "
        "member states report on the year's actions and planned activities and exchange best "
        "practices, information and proposals for new activities. Every two years the CAJP "
        "also convenes a meeting of experts that draws on these contributions and the annual "
        "meetings' conclusions to make recommendations on migrants to the Summits of the "
        "Americas.",
        "structure_es": "El Programa asigna 33 actividades específicas a distintas áreas de "
        "la Secretaría General, desde la difusión de información sobre la legislación vigente "
        "hasta acciones concretas de promoción de los derechos humanos de los migrantes, y "
        "sugiere más de 100 actividades optativas a otros tres grupos de ejecutores: los "
        "Estados Miembros, las organizaciones multilaterales y regionales y las "
        "organizaciones de la sociedad civil. Su seguimiento descansa en una reunión especial "
        "anual de la CAJP, en la que las áreas de la Secretaría General y los Estados "
        "Miembros informan sobre las acciones del año y las actividades previstas e "
        "intercambian buenas prácticas, información y propuestas de nuevas actividades. Cada "
        "dos años, la CAJP convoca además una reunión de expertos que, con base en esos "
        "aportes y en las conclusiones de las reuniones anuales, formula recomendaciones "
        "sobre los migrantes a las Cumbres de las Américas.",
        "actors": [
            "gs",
            "cajp",
            "iachr",
            "cim",
            "paho",
            "summits",
            "sedi",
            "sedi-migration",
            "dec",
            "dsde",
            "dil",
            "iin",
            "sms",
            "dps",
            "iom",
            "ilo",
            "rcm",
        ],
        "objectives": [
            {
                "kind": "general",
                "label": "",
                "text_en": "Protect the human rights of migrants by promoting public policies "
                "and legislation, the exchange of best practices and cooperation among "
                "countries of origin, transit and destination.",
                "text_es": "Proteger los derechos humanos de los migrantes mediante la "
                "promoción de políticas públicas y legislación, el intercambio de buenas "
                "prácticas y la cooperación entre los países de origen, tránsito y destino.",
            },
            {
                "kind": "specific",
                "label": "a",
                "text_en": "Manage migration flows in an efficient and orderly way.",
                "text_es": "Gestionar los flujos migratorios de manera eficiente y ordenada.",
            },
            {
                "kind": "specific",
                "label": "b",
                "text_en": "Make the exchange of information on migration legislation and "
                "policy more effective.",
                "text_es": "Hacer más eficaz el intercambio de información sobre legislación "
                "y políticas migratorias.",
            },
            {
                "kind": "specific",
                "label": "c",
                "text_en": "Respond to the particular needs of vulnerable groups of migrants, "
                "such as children, women and indigenous persons.",
                "text_es": "Atender las necesidades particulares de los grupos de migrantes "
                "en situación de vulnerabilidad, como la niñez, las mujeres y las personas "
                "indígenas.",
            },
            {
                "kind": "specific",
                "label": "d",
                "text_en": "Make migrants' human rights a cross-cutting theme of all relevant "
                "OAS activities.",
                "text_es": "Hacer de los derechos humanos de los migrantes un tema "
                "transversal de todas las actividades pertinentes de la OEA.",
            },
        ],
        "activities": [
            {
                "code": "2005-cim-a",
                "label": "a",
                "actor": "cim",
                "text_en": "Design policies and programs that protect migrant women and their "
                "families, especially women heads of household, and that fight violence "
                "against women.",
                "text_es": "Elaborar políticas y programas que protejan a las mujeres "
                "migrantes y a sus familias, en especial a las jefas de hogar, y que combatan "
                "la violencia contra las mujeres.",
                "mandates": [P2005],
                "themes": ["gender", "human-rights", "legislation-policy"],
                "groups": ["women-girls", "migrant-workers"],
            },
            {
                "code": "2005-cim-b",
                "label": "b",
                "actor": "cim",
                "text_en": "Study female migration and its effects on, among other things, "
                "family structure, the labor market and migration control.",
                "text_es": "Estudiar la migración femenina y sus efectos, entre otros, en la "
                "estructura familiar, el mercado de trabajo y el control migratorio.",
                "mandates": [P2005],
                "themes": ["gender", "information-research", "labor-migration"],
                "groups": ["women-girls"],
            },
            {
                "code": "2005-dsde-a",
                "label": "a",
                "actor": "dsde",
                "text_en": "Set up the Inter-American Network for Labor Administration "
                "(RIAL) as a mechanism for sharing knowledge and experience to strengthen and "
                "modernize labor administrations in the face of globalization.",
                "text_es": "Crear la Red Interamericana para la Administración Laboral (RIAL) "
                "como mecanismo para compartir conocimientos y experiencias que fortalezcan y "
                "modernicen las administraciones laborales ante la globalización.",
                "note_en": DSDE_NOTE_EN,
                "note_es": DSDE_NOTE_ES,
                "mandates": [P2005],
                "themes": ["labor-migration", "cooperation", "capacity-building"],
                "groups": ["migrant-workers"],
            },
            {
                "code": "2005-dsde-b",
                "label": "b",
                "actor": "dsde",
                "text_en": "Hold workshops on the labor rights of migrant workers within the "
                "RIAL framework.",
                "text_es": "Realizar talleres sobre los derechos laborales de los trabajadores "
                "migratorios en el marco de la RIAL.",
                "note_en": DSDE_NOTE_EN,
                "note_es": DSDE_NOTE_ES,
                "mandates": [P2005],
                "themes": ["labor-migration", "human-rights", "capacity-building"],
                "groups": ["migrant-workers"],
            },
            {
                "code": "2005-dsde-c",
                "label": "c",
                "actor": "dsde",
                "text_en": "Act as the bridge between the Program and the ministries of labor "
                "of the Hemisphere that meet in the Inter-American Conference of Ministers of "
                "Labor (IACML), for which the DSDE is technical secretariat.",
                "text_es": "Servir de enlace entre el Programa y los ministerios de trabajo "
                "del Hemisferio reunidos en la Conferencia Interamericana de Ministros de "
                "Trabajo (CIMT), de la cual el DDSE es secretaría técnica.",
                "note_en": DSDE_NOTE_EN,
                "note_es": DSDE_NOTE_ES,
                "mandates": [P2005],
                "themes": ["labor-migration", "cooperation"],
                "groups": ["migrant-workers"],
            },
        ],
    },
    {
        "slug": "2016",
        "title_en": "Inter-American Program for the Promotion and Protection of the Human "
        "Rights of Migrants, Including Migrant Workers and Their Families (2016 update)",
        "title_es": "Programa Interamericano para la Promoción y Protección de los Derechos "
        "Humanos de los Migrantes, incluyendo los Trabajadores Migratorios y sus Familias "
        "(actualización de 2016)",
        "adopted_by": P2016,
        "adopted_on": "2016-06-14",
        "is_current": True,
        "summary_en": "The updated Program, prepared by the CAM on the basis of a diagnostic "
        "assessment of the 2005 Program and adopted at the forty-sixth regular session of the "
        "General Assembly in Santo Domingo. The CAM implements it and follows it up in "
        "consultation with the Program actors, and a specific fund of voluntary contributions "
        "finances the activities assigned to OAS bodies.",
        "summary_es": "El Programa actualizado, preparado por la CAM a partir de un "
        "diagnóstico del Programa de 2005 y aprobado en el cuadragésimo sexto período "
        "ordinario de sesiones de la Asamblea General, en Santo Domingo. La CAM lo ejecuta y "
        "le da seguimiento en consulta con los actores del Programa, y un fondo específico de "
        "contribuciones voluntarias financia las actividades asignadas a los órganos de la "
        "OEA.",
        "structure_en": "The Program groups its actors in five categories: organs, agencies "
        "and entities of the OAS and the inter-American system; specialized organizations; "
        "OAS member states; multilateral organizations; and other actors such as civil "
        "society, universities and diaspora and migrant networks. It suggests specific "
        "activities for the General Secretariat, the CAM, the IACHR, the CIM, the IIN and "
        "PAHO; member states may carry out optional activities alone or with others, and "
        "multilateral organizations and other actors are urged to take the Program's "
        "objectives into account. The CAM is the political body that coordinates execution, "
        "with the support of a designated General Secretariat unit. OAS bodies report on "
        "their measures in their annual reports to the General Assembly and member states are "
        "invited to do the same; CIDI is to consider a yearly meeting with Program actors to "
        "share best practices, information and proposals, and, through the CAM, a meeting of "
        "experts before each Summit of the Americas to assess progress and make "
        "recommendations.",
        "structure_es": "El Programa agrupa a sus actores en cinco categorías: órganos, "
        "organismos y entidades de la OEA y del sistema interamericano; organismos "
        "especializados; Estados Miembros de la OEA; organizaciones multilaterales; y otros "
        "actores, como la sociedad civil, las universidades y las redes de la diáspora y de "
        "migrantes. Sugiere actividades específicas para la Secretaría General, la CAM, la "
        "CIDH, la CIM, el IIN y la OPS; los Estados Miembros pueden realizar actividades "
        "optativas por sí solos o con otros, y se insta a las organizaciones multilaterales y "
        "a los demás actores a tener en cuenta los objetivos del Programa. La CAM es el órgano "
        "político que coordina su ejecución, con el apoyo de una unidad designada de la "
        "Secretaría General. Los órganos de la OEA informan sobre sus medidas en sus informes "
        "anuales a la Asamblea General y se invita a los Estados Miembros a hacer lo mismo; "
        "el CIDI debe considerar una reunión anual con los actores del Programa para "
        "intercambiar buenas prácticas, información y propuestas y, por conducto de la CAM, "
        "una reunión de expertos antes de cada Cumbre de las Américas para evaluar los "
        "avances y formular recomendaciones.",
        "actors": [
            "gs",
            "cidi",
            "cam",
            "iachr",
            "cim",
            "iin",
            "paho",
            "sms",
            "dps",
            "sare",
            "dsi",
        ],
        # Summaries of the Program's aims as the corpus conveys them; the corpus does not quote
        # the 2016 objectives (see the module docstring).
        "objectives": [
            {
                "kind": "general",
                "label": "",
                "text_en": "Promote and protect the human rights of all migrants and their "
                "families, including migrant workers, through cooperation among countries of "
                "origin, transit, destination and return and joint work by OAS bodies, member "
                "states and other actors.",
                "text_es": "Promover y proteger los derechos humanos de todas las personas "
                "migrantes y sus familias, incluidos los trabajadores migratorios, mediante la "
                "cooperación entre los países de origen, tránsito, destino y retorno y el "
                "trabajo conjunto de los órganos de la OEA, los Estados Miembros y otros "
                "actores.",
            },
            {
                "kind": "specific",
                "label": "a",
                "text_en": "Strengthen the protection of migrants' human rights, including "
                "against trafficking in persons and migrant smuggling, and their access to "
                "due process and consular assistance.",
                "text_es": "Fortalecer la protección de los derechos humanos de los "
                "migrantes, incluso frente a la trata de personas y el tráfico ilícito de "
                "migrantes, y su acceso al debido proceso y a la asistencia consular.",
            },
            {
                "kind": "specific",
                "label": "b",
                "text_en": "Support the integration of migrants in host countries and the "
                "inclusion of migrants who return to their countries of origin.",
                "text_es": "Apoyar la integración de los migrantes en los países de acogida y "
                "la inclusión de quienes regresan a sus países de origen.",
            },
            {
                "kind": "specific",
                "label": "c",
                "text_en": "Recognize the contributions of migrants to integral development "
                "and combat racism, discrimination and xenophobia against them.",
                "text_es": "Reconocer los aportes de los migrantes al desarrollo integral y "
                "combatir el racismo, la discriminación y la xenofobia en su contra.",
            },
            {
                "kind": "specific",
                "label": "d",
                "text_en": "Encourage the exchange of information, experience and best "
                "practices among states and Program actors, and improve data on migration "
                "flows and trends, notably through SICREMI.",
                "text_es": "Fomentar el intercambio de información, experiencias y buenas "
                "prácticas entre los Estados y los actores del Programa, y mejorar los datos "
                "sobre flujos y tendencias migratorias, en particular mediante el SICREMI.",
            },
            {
                "kind": "specific",
                "label": "e",
                "text_en": "Mainstream a gender perspective and give special attention to "
                "migrants in vulnerable situations, such as women, children and adolescents "
                "and victims of trafficking.",
                "text_es": "Incorporar la perspectiva de género y prestar especial atención a "
                "los migrantes en situación de vulnerabilidad, como las mujeres, los niños, "
                "niñas y adolescentes y las víctimas de trata.",
            },
            {
                "kind": "specific",
                "label": "f",
                "text_en": "Promote cooperation among states and with multilateral "
                "organizations, regional consultative processes and civil society on "
                "migration matters.",
                "text_es": "Promover la cooperación en materia migratoria entre los Estados y "
                "con las organizaciones multilaterales, los procesos consultivos regionales y "
                "la sociedad civil.",
            },
        ],
        "activities": [
            # --- A.1 General Secretariat ---
            {
                "code": "2016-gs-a",
                "label": "a",
                "actor": "gs",
                "text_en": "Coordinate with the Committee on Migration Issues the initiatives "
                "and activities it undertakes in connection with the Program.",
                "text_es": "Coordinar con la Comisión de Asuntos Migratorios las iniciativas y "
                "actividades que emprenda en relación con el Programa.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": [],
            },
            {
                "code": "2016-gs-b",
                "label": "b",
                "actor": "gs",
                "text_en": "Sign cooperation agreements that help achieve the Program's "
                "objectives and its optional specific activities.",
                "text_es": "Suscribir acuerdos de cooperación que contribuyan a alcanzar los "
                "objetivos del Programa y sus actividades específicas optativas.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": [],
            },
            {
                "code": "2016-gs-c",
                "label": "c",
                "actor": "gs",
                "text_en": "Take into account, in its technical assistance and cooperation, "
                "the vulnerability of migrants and their families, regardless of race, gender, "
                "sexual orientation, language or religion, and the international human rights "
                "law that applies.",
                "text_es": "Tener en cuenta, en sus actividades de asistencia y cooperación "
                "técnica, la vulnerabilidad de los migrantes y sus familias, sin distinción de "
                "raza, género, orientación sexual, idioma o credo, así como el derecho "
                "internacional de los derechos humanos aplicable.",
                "mandates": [P2016],
                "themes": ["human-rights", "discrimination-xenophobia", "cooperation"],
                "groups": ["migrant-workers", "lgbti"],
            },
            # --- A.2 Committee on Migration Issues ---
            {
                "code": "2016-cam-a",
                "label": "a",
                "actor": "cam",
                "text_en": "Carry out and follow up on the Inter-American Program so that its "
                "objectives are met as fully as possible, as mandated by resolution "
                "AG/RES. 2738 (XLII-O/12).",
                "text_es": "Ejecutar el Programa Interamericano y darle seguimiento para "
                "optimizar el logro de sus objetivos, conforme al mandato de la resolución "
                "AG/RES. 2738 (XLII-O/12).",
                "mandates": [P2016, CAM_RES],
                "themes": ["human-rights", "cooperation"],
                "groups": [],
            },
            {
                "code": "2016-cam-b",
                "label": "b",
                "actor": "cam",
                "text_en": "Encourage the Program actors to share their best practices with "
                "one another.",
                "text_es": "Fomentar el intercambio de buenas prácticas entre los distintos "
                "actores del Programa.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": [],
            },
            {
                "code": "2016-cam-c",
                "label": "c",
                "actor": "cam",
                "text_en": "Build activities set out in the Program into its annual work plan, "
                "consulting or coordinating with the Program actors.",
                "text_es": "Incorporar en su plan de trabajo anual actividades previstas en el "
                "Programa, en consulta o coordinación con los actores del Programa.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": [],
            },
            # --- A.3 Inter-American Commission on Human Rights ---
            {
                "code": "2016-iachr-a",
                "label": "a",
                "actor": "iachr",
                "text_en": "Exchange information and provide technical assistance on human "
                "rights and migration law to government bodies, OAS organs, agencies and "
                "entities, multilateral and civil society organizations and other social "
                "actors.",
                "text_es": "Intercambiar información y prestar asistencia técnica en materia "
                "de derechos humanos y derecho migratorio a órganos de gobierno, órganos, "
                "organismos y entidades de la OEA, organizaciones multilaterales y de la "
                "sociedad civil y otros actores sociales.",
                "mandates": [P2016],
                "themes": ["human-rights", "legislation-policy", "cooperation"],
                "groups": [],
            },
            {
                "code": "2016-iachr-b",
                "label": "b",
                "actor": "iachr",
                "text_en": "Devise and promote mechanisms against trafficking in persons and "
                "the smuggling of migrants, telling the two crimes apart and identifying "
                "their causes.",
                "text_es": "Diseñar y promover mecanismos para combatir la trata de personas y "
                "el tráfico ilícito de migrantes, distinguiendo entre ambos delitos e "
                "identificando sus causas.",
                "mandates": [P2016],
                "themes": ["trafficking-smuggling", "human-rights"],
                "groups": ["trafficking-victims", "irregular-migrants"],
            },
            {
                "code": "2016-iachr-c",
                "label": "c",
                "actor": "iachr",
                "text_en": "Train organizations that run free legal aid programs for migrants "
                "and their families on due process guarantees in migration proceedings and "
                "on using the inter-American human rights system.",
                "text_es": "Capacitar a las organizaciones que ofrecen programas de asistencia "
                "jurídica gratuita a migrantes y sus familias sobre las garantías del debido "
                "proceso en los procedimientos migratorios y el uso del sistema "
                "interamericano de derechos humanos.",
                "mandates": [P2016],
                "themes": ["due-process", "capacity-building", "human-rights"],
                "groups": ["migrant-workers", "irregular-migrants"],
            },
            {
                "code": "2016-iachr-d",
                "label": "d",
                "actor": "iachr",
                "text_en": "Train public officials of countries of origin, transit and "
                "destination on consular assistance to migrants under the 1963 Vienna "
                "Convention on Consular Relations, covering consular information, "
                "notification, communication and assistance.",
                "text_es": "Capacitar a funcionarios públicos de los países de origen, "
                "tránsito y destino en materia de asistencia consular a los migrantes "
                "conforme a la Convención de Viena sobre Relaciones Consulares de 1963, "
                "incluidas la información, la notificación, la comunicación y la asistencia "
                "consulares.",
                "mandates": [P2016],
                "themes": ["consular-protection", "capacity-building", "due-process"],
                "groups": ["migrant-workers"],
            },
            {
                "code": "2016-iachr-e",
                "label": "e",
                "actor": "iachr",
                "text_en": "Promote dialogue with governments, international organizations, "
                "the private sector and social leaders on promoting and protecting the human "
                "rights of migrants and their families.",
                "text_es": "Promover el diálogo con gobiernos, organizaciones internacionales, "
                "el sector privado y líderes sociales sobre la promoción y protección de los "
                "derechos humanos de los migrantes y sus familias.",
                "mandates": [P2016],
                "themes": ["human-rights", "cooperation"],
                "groups": ["migrant-workers"],
            },
            # --- B.1 Inter-American Commission of Women ---
            {
                "code": "2016-cim-a",
                "label": "a",
                "actor": "cim",
                "text_en": "Research female migration and how it affects, among other "
                "things, family structure, the labor market and migration control.",
                "text_es": "Investigar la migración femenina y sus efectos, entre otros, en la "
                "estructura familiar, el mercado de trabajo y el control migratorio.",
                "mandates": [P2016],
                "themes": ["gender", "information-research", "labor-migration"],
                "groups": ["women-girls"],
            },
            {
                "code": "2016-cim-b",
                "label": "b",
                "actor": "cim",
                "text_en": "Address migrant women, their protection and the prevention of "
                "gender-based violence in its programs and activities.",
                "text_es": "Incluir en sus programas y actividades la atención a las mujeres "
                "migrantes, su protección y la prevención de la violencia de género.",
                "mandates": [P2016],
                "themes": ["gender", "human-rights"],
                "groups": ["women-girls"],
            },
            {
                "code": "2016-cim-c",
                "label": "c",
                "actor": "cim",
                "text_en": "Step up research on women and girls who are victims of "
                "trafficking in persons and promote the sharing of best practices and "
                "expertise to fight that crime.",
                "text_es": "Profundizar el estudio de la situación de las mujeres y niñas "
                "víctimas de trata de personas y promover el intercambio de buenas prácticas "
                "y conocimientos especializados para combatir ese delito.",
                "mandates": [P2016],
                "themes": [
                    "trafficking-smuggling",
                    "gender",
                    "information-research",
                    "cooperation",
                ],
                "groups": ["women-girls", "trafficking-victims"],
            },
            # --- B.2 Inter-American Children's Institute ---
            {
                "code": "2016-iin-a",
                "label": "a",
                "actor": "iin",
                "text_en": "Take into account in its work the particular situation of migrant "
                "children and adolescents who travel without an accompanying adult.",
                "text_es": "Tener en cuenta en sus actividades la situación particular de los "
                "niños, niñas y adolescentes migrantes que viajan no acompañados.",
                "mandates": [P2016],
                "themes": ["human-rights"],
                "groups": ["unaccompanied-children", "children-adolescents"],
            },
            {
                "code": "2016-iin-b",
                "label": "b",
                "actor": "iin",
                "text_en": "Include in its programs and activities the protection and "
                "reintegration of children and adolescents who are victims of trafficking "
                "in persons.",
                "text_es": "Incluir en sus programas y actividades la protección y "
                "reintegración de los niños, niñas y adolescentes víctimas de trata de "
                "personas.",
                "mandates": [P2016],
                "themes": ["trafficking-smuggling", "return-reintegration"],
                "groups": ["children-adolescents", "trafficking-victims"],
            },
            # --- B.3 Pan American Health Organization ---
            {
                "code": "2016-paho-a",
                "label": "a",
                "actor": "paho",
                "text_en": "Develop tools to raise awareness of, teach and monitor general "
                "human rights standards and the regional and international standards that "
                "protect the right to health and other human rights of migrant workers and "
                "their families.",
                "text_es": "Elaborar herramientas de sensibilización, aprendizaje y "
                "seguimiento de las normas generales de derechos humanos y de las normas "
                "regionales e internacionales que protegen el derecho a la salud y otros "
                "derechos humanos de los trabajadores migratorios y sus familias.",
                "mandates": [P2016],
                "themes": ["health", "human-rights", "capacity-building"],
                "groups": ["migrant-workers"],
            },
            {
                "code": "2016-paho-b",
                "label": "b",
                "actor": "paho",
                "text_en": "Expand training for PAHO staff, ministries of health and other "
                "government actors that ask for it on regional and international human "
                "rights treaty obligations concerning the health of migrant workers and "
                "their families.",
                "text_es": "Ampliar la capacitación del personal de la OPS, los ministerios de "
                "salud y otros actores gubernamentales que lo soliciten sobre las "
                "obligaciones de los tratados regionales e internacionales de derechos "
                "humanos relativas a la salud de los trabajadores migratorios y sus familias.",
                "mandates": [P2016],
                "themes": ["health", "capacity-building", "human-rights"],
                "groups": ["migrant-workers"],
            },
            {
                "code": "2016-paho-c",
                "label": "c",
                "actor": "paho",
                "text_en": "On request, give technical assistance in reviewing and drafting "
                "national public health plans, policies and laws as they relate to migrants' "
                "health.",
                "text_es": "Prestar asistencia técnica, cuando se solicite, para revisar y "
                "formular planes, políticas y leyes nacionales de salud pública en lo que se "
                "refiere a la salud de los migrantes.",
                "mandates": [P2016],
                "themes": ["health", "legislation-policy"],
                "groups": [],
            },
            {
                "code": "2016-paho-d",
                "label": "d",
                "actor": "paho",
                "text_en": "Provide technical cooperation to the Program actors.",
                "text_es": "Brindar cooperación técnica a los actores del Programa.",
                "mandates": [P2016],
                "themes": ["health", "cooperation"],
                "groups": [],
            },
            # --- C, D, E: lines addressed to whole categories of actors ---
            {
                "code": "2016-member-states",
                "label": "",
                "category": "member_state",
                "text_en": "Member states may carry out activities on their own or "
                "bilaterally or multilaterally, and are encouraged to cooperate with "
                "intergovernmental, multilateral and regional organizations, civil society "
                "and other social actors, universities, migrants, specialized research "
                "centres and diaspora networks.",
                "text_es": "Los Estados Miembros pueden realizar actividades por sí solos o en "
                "forma bilateral o multilateral, y se les recomienda cooperar con "
                "organizaciones intergubernamentales, multilaterales y regionales, la "
                "sociedad civil y otros actores sociales, universidades, migrantes, centros "
                "de investigación especializados y redes de la diáspora.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": ["diaspora"],
            },
            {
                "code": "2016-multilateral",
                "label": "",
                "category": "multilateral_organization",
                "text_en": "Multilateral organizations are urged to consider the Program's "
                "objectives in their activities, within their mandates and budgets, with a "
                "view to cooperating with the CAM, member states and OAS organs, agencies "
                "and entities.",
                "text_es": "Se insta a las organizaciones multilaterales a tener en cuenta los "
                "objetivos del Programa en sus actividades, dentro de sus mandatos y "
                "presupuestos, con miras a cooperar con la CAM, los Estados Miembros y los "
                "órganos, organismos y entidades de la OEA.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": [],
            },
            {
                "code": "2016-other-actors",
                "label": "",
                "category": "other",
                "text_en": "Civil society organizations and other actors, universities and "
                "diaspora and migrant networks are urged to consider the Program's objectives "
                "in their activities, within their mandates and means, with a view to "
                "cooperating with the CAM, member states that so request and OAS organs, "
                "agencies and entities.",
                "text_es": "Se insta a las organizaciones de la sociedad civil y otros "
                "actores, las universidades y las redes de la diáspora y de migrantes a tener "
                "en cuenta los objetivos del Programa en sus actividades, dentro de sus "
                "mandatos y recursos, con miras a cooperar con la CAM, los Estados Miembros "
                "que lo soliciten y los órganos, organismos y entidades de la OEA.",
                "mandates": [P2016],
                "themes": ["cooperation"],
                "groups": ["diaspora"],
            },
        ],
    },
]
