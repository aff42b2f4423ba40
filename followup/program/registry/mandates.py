"""Mandates behind the Program: OAS General Assembly resolutions and declarations and a CIM
Assembly of Delegates resolution, with summaries of the operative paragraphs the corpus gives.

Sources: the CAM work plan 2016-2017 (resolutions AG/RES. 2738, 2816, 2881 and 2883 with their
operative paragraphs, and AG/DEC. 88 in the calendar of activities) and the 2009 annual report
on the 2005 Program (AG/RES. 2141, AG/RES. 2289 and the CIM Assembly of Delegates resolution on
gender and migration). Titles are the official ones; summaries and paragraph texts are the
project's own paraphrases, not quotations.

AG/RES. 2816 is written with the "XLIV-OR/14" variant found in the corpus on purpose: the symbol
parser stores it in canonical form (XLIV-O/14).
"""

from .schema import MandateData

PROGRAM_TITLE_EN = (
    "Inter-American Program for the Promotion and Protection of the Human Rights of Migrants, "
    "Including Migrant Workers and Their Families"
)
PROGRAM_TITLE_ES = (
    "Programa Interamericano para la Promoción y Protección de los Derechos Humanos de los "
    "Migrantes, incluyendo los Trabajadores Migratorios y sus Familias"
)

MANDATES: list[MandateData] = [
    {
        "symbol": "AG/RES. 2141 (XXXV-O/05)",
        "title_en": PROGRAM_TITLE_EN,
        "title_es": PROGRAM_TITLE_ES,
        "adopted_on": "2005-06-07",
        "summary_en": "Adopted at the thirty-fifth regular session of the General Assembly "
        "in Fort Lauderdale, this resolution approves the Inter-American Program and starts "
        "its implementation. It convenes the first annual meeting of the CAJP to hear reports "
        "on activities, share best practices and gather new proposals, asks OAS organs, "
        "agencies and entities to cover their Program actions in their annual reports to the "
        "General Assembly, and provides for a specific fund of voluntary contributions.",
        "summary_es": "Aprobada en el trigésimo quinto período ordinario de sesiones de la "
        "Asamblea General, en Fort Lauderdale, esta resolución adopta el Programa "
        "Interamericano y pone en marcha su ejecución. Convoca la primera reunión anual de la "
        "CAJP para recibir informes de actividades, intercambiar buenas prácticas y recoger "
        "nuevas propuestas, pide a los órganos, organismos y entidades de la OEA que den "
        "cuenta de sus acciones en el marco del Programa en sus informes anuales a la "
        "Asamblea General y prevé un fondo específico de contribuciones voluntarias.",
    },
    {
        "symbol": "AG/RES. 2289 (XXXVII-O/07)",
        "title_en": "The Human Rights of All Migrant Workers and Their Families",
        "title_es": "Los derechos humanos de todos los trabajadores migratorios y de sus familias",
        "adopted_on": "2007-06-05",
        "summary_en": "Resolution of the thirty-seventh regular session (Panama) that keeps "
        "the follow-up of the 2005 Program going. It calls for continued work under the "
        "Secretary General's work plan for the Program and for support from the relevant OAS "
        "organs, and convenes the CAJP's annual meetings with experts, international "
        "organizations and civil society, including the 2009 meeting for which the annual "
        "report on Program activities was prepared.",
        "summary_es": "Resolución del trigésimo séptimo período ordinario de sesiones "
        "(Panamá) que mantiene en marcha el seguimiento del Programa de 2005. Pide que se "
        "continúe el plan de trabajo del Secretario General para el Programa, con el apoyo de "
        "los órganos pertinentes de la OEA, y convoca las reuniones anuales de la CAJP con "
        "expertos, organizaciones internacionales y sociedad civil, entre ellas la de 2009, "
        "para la cual se preparó el informe anual de actividades del Programa.",
    },
    {
        "symbol": "CIM/RES. 252 (XXXIV-O/08)",
        "title_en": "Gender and Migration",
        "title_es": "Género y migración",
        "adopted_on": "2008-11-12",
        "summary_en": "Adopted by the Thirty-fourth Assembly of Delegates of the CIM, it "
        "welcomes the OAS work under the Program and the attention paid there to gender. It "
        "calls for a gender perspective in the analysis of international migration, further "
        "study of female migration, particularly in border areas, and exchanges of information "
        "and best practices on remittances, security, trafficking and smuggling, human rights "
        "and labor, and urges member states to consider women's new roles, especially in "
        "labor migration.",
        "summary_es": "Aprobada por la Trigésima Cuarta Asamblea de Delegadas de la CIM, "
        "acoge con beneplácito la labor de la OEA en el marco del Programa y la atención que "
        "allí se presta al género. Pide incorporar la perspectiva de género en el análisis de "
        "la migración internacional, profundizar el estudio de la migración femenina, en "
        "particular en zonas fronterizas, e intercambiar información y buenas prácticas sobre "
        "remesas, seguridad, trata y tráfico de personas, derechos humanos y trabajo, e insta "
        "a los Estados Miembros a tener en cuenta los nuevos papeles de las mujeres, sobre "
        "todo en la migración laboral.",
    },
    {
        "symbol": "AG/RES. 2738 (XLII-O/12)",
        "title_en": "Strengthening the Topic of Migration in the OAS: Establishment of the "
        "Committee on Migration Issues",
        "title_es": "Fortalecimiento del tema migratorio en la OEA: Creación de la Comisión "
        "de Asuntos Migratorios",
        "adopted_on": "2012-06-04",
        "summary_en": "Creates the Committee on Migration Issues (CAM) as a permanent "
        "committee of CIDI and the main OAS forum on migration, and sets the guidelines for "
        "its work. It hands the CAM the review, implementation and monitoring of the "
        "Inter-American Program, with a report to the General Assembly.",
        "summary_es": "Crea la Comisión de Asuntos Migratorios (CAM) como comisión "
        "permanente del CIDI y principal foro de la OEA en materia migratoria, y fija las "
        "pautas de su trabajo. Encomienda a la CAM la revisión, ejecución y seguimiento del "
        "Programa Interamericano, con un informe a la Asamblea General.",
        "paragraphs": [
            {
                "number": "1",
                "text_en": "Creates, as a priority, the CAM as a permanent committee of CIDI "
                "and makes it the Organization's main forum for migration issues.",
                "text_es": "Crea, con carácter prioritario, la CAM como comisión permanente "
                "del CIDI y la constituye en el principal foro de la Organización para los "
                "asuntos migratorios.",
            },
            {
                "number": "2",
                "text_en": "Has the CAM work under CIDI's Statutes and Rules of Procedure and "
                "guidelines that include: a comprehensive, balanced and technical view of "
                "what migration brings to and demands of countries of origin, transit, "
                "destination and return; dialogue, sharing of good practices and cooperation "
                "at every level; attention to the global nature of migration and to "
                "South-South flows; actions that dignify the image of migrants; a gender "
                "perspective; building on the work of the Special Committee on Migration "
                "Issues (CEAM) and the Migration and Development Program; and acting as a "
                "forum for sharing experience on managing migration flows and finding areas "
                "for cooperation.",
                "text_es": "Dispone que la CAM funcione conforme al Estatuto y al Reglamento "
                "del CIDI y a pautas que incluyen: una visión integral, equilibrada y técnica "
                "de lo que la migración aporta y exige a los países de origen, tránsito, "
                "destino y retorno; el diálogo, el intercambio de buenas prácticas y la "
                "cooperación en todos los niveles; la atención al carácter global de la "
                "migración y a los flujos Sur-Sur; acciones que dignifiquen la imagen de los "
                "migrantes; la perspectiva de género; el aprovechamiento de la labor de la "
                "Comisión Especial de Asuntos Migratorios (CEAM) y del Programa de Migración y "
                "Desarrollo; y su función de foro para intercambiar experiencias sobre la "
                "gestión de los flujos migratorios e identificar áreas de cooperación.",
            },
            {
                "number": "3",
                "text_en": "Entrusts the CAM with reviewing, implementing and monitoring the "
                "Inter-American Program so as to make the most of its objectives, and asks it "
                "to report the results to the General Assembly.",
                "text_es": "Encarga a la CAM revisar, ejecutar y dar seguimiento al Programa "
                "Interamericano a fin de optimizar el logro de sus objetivos, y le pide que "
                "informe de los resultados a la Asamblea General.",
            },
        ],
    },
    {
        "symbol": "AG/RES. 2816 (XLIV-OR/14)",
        "title_en": "Advancing Hemispheric Initiatives on Integral Development",
        "title_es": "Impulsando iniciativas hemisféricas en materia de desarrollo integral",
        "adopted_on": "2014-06-04",
        "summary_en": "Omnibus resolution on integral development whose migration section "
        "tells the CAM to update the Inter-American Program and to focus its 2014-2015 "
        "cooperation on integration in host countries, inclusion of returning migrants and "
        "migrants' contributions. It also gives SEDI tasks on migration and development and "
        "on SICREMI, and invites voluntary contributions to the CAM.",
        "summary_es": "Resolución ómnibus sobre desarrollo integral cuya sección migratoria "
        "encarga a la CAM actualizar el Programa Interamericano y centrar su cooperación de "
        "2014-2015 en la integración en los países de acogida, la inclusión de los migrantes "
        "retornados y los aportes de los migrantes. Asigna además tareas a la SEDI en materia "
        "de migración y desarrollo y respecto del SICREMI, e invita a hacer contribuciones "
        "voluntarias a la CAM.",
        "paragraphs": [
            {
                "number": "18",
                "text_en": "Tells the CAM to update the Inter-American Program in light of "
                "the diagnostic assessment in document CIDI/CAM/doc.14/14 rev. 1 and to "
                "submit it to the General Assembly at its forty-fifth regular session.",
                "text_es": "Encomienda a la CAM actualizar el Programa Interamericano a la luz "
                "del diagnóstico contenido en el documento CIDI/CAM/doc.14/14 rev. 1 y "
                "presentarlo a la Asamblea General en su cuadragésimo quinto período "
                "ordinario de sesiones.",
            },
            {
                "number": "19",
                "text_en": 'Asks the CAM, following the "Future Framework of Action for the '
                'CAM" (CIDI/doc.97/14), to centre its 2014-2015 cooperation on comprehensive '
                "public policies in three areas: integrating migrants in host countries, "
                "including media campaigns that dignify migrants and prevent xenophobia; "
                "including migrants who return to their countries of origin, including "
                "programs to help them into the labor market; and migrants' contributions, "
                "by recognizing and measuring their economic and social input in countries of "
                "origin and host countries.",
                "text_es": "Pide a la CAM que, conforme al «Marco futuro de acción de la CAM» "
                "(CIDI/doc.97/14), centre su cooperación de 2014-2015 en políticas públicas "
                "integrales en tres ámbitos: la integración de los migrantes en los países de "
                "acogida, incluidas campañas en los medios que dignifiquen su imagen y "
                "prevengan la xenofobia; la inclusión de los migrantes que regresan a sus "
                "países de origen, incluidos programas de inserción laboral; y los aportes de "
                "los migrantes, mediante el reconocimiento y la medición de su contribución "
                "económica y social en los países de origen y de acogida.",
            },
            {
                "number": "20",
                "text_en": 'Asks SEDI to help CIDI include "migration and development" in '
                "its Strategic Plan for Partnership for Integral Development, drawing on the "
                'document "Migration and Development in the Americas" (CIDI/doc.96/14).',
                "text_es": "Pide a la SEDI que ayude al CIDI a incorporar el tema «migración "
                "y desarrollo» en su Plan Estratégico de Cooperación Solidaria para el "
                "Desarrollo Integral, con base en el documento «Migración y desarrollo en las "
                "Américas» (CIDI/doc.96/14).",
            },
            {
                "number": "21",
                "text_en": "Asks SEDI to keep the CAM up to date on the financial "
                "sustainability of the Continuous Reporting System on International Migration "
                "for the Americas (SICREMI).",
                "text_es": "Pide a la SEDI que mantenga informada a la CAM sobre la "
                "sostenibilidad financiera del Sistema Continuo de Reportes sobre Migración "
                "Internacional en las Américas (SICREMI).",
            },
            {
                "number": "22",
                "text_en": "Urges member states, permanent observers, regional, international "
                "and civil society organizations and other social actors to consider "
                "voluntary contributions in support of the CAM's work.",
                "text_es": "Insta a los Estados Miembros, los observadores permanentes, las "
                "organizaciones regionales, internacionales y de la sociedad civil y otros "
                "actores sociales a considerar hacer contribuciones voluntarias en apoyo de la "
                "labor de la CAM.",
            },
        ],
    },
    {
        "symbol": "AG/RES. 2881 (XLVI-O/16)",
        "title_en": "Advancing Hemispheric Initiatives on Integral Development",
        "title_es": "Impulsando iniciativas hemisféricas en materia de desarrollo integral",
        "adopted_on": "2016-06-14",
        "summary_en": "Omnibus resolution on integral development whose migration section "
        "sets the CAM's 2016-2017 priorities: protecting migrants' human rights, integration "
        "in host countries, inclusion of returning migrants and migrants' contributions. It "
        "also promotes information exchange and participation in SICREMI, condemns "
        "discrimination and xenophobia against migrants and supports work toward the "
        "migration-related Sustainable Development Goals.",
        "summary_es": "Resolución ómnibus sobre desarrollo integral cuya sección migratoria "
        "fija las prioridades de la CAM para 2016-2017: la protección de los derechos humanos "
        "de los migrantes, la integración en los países de acogida, la inclusión de los "
        "migrantes retornados y los aportes de los migrantes. Promueve además el intercambio "
        "de información y la participación en el SICREMI, condena la discriminación y la "
        "xenofobia contra los migrantes y respalda la labor hacia los Objetivos de Desarrollo "
        "Sostenible relativos a la migración.",
        "paragraphs": [
            {
                "number": "33",
                "text_en": 'Asks the CAM, in line with the "Future Framework of Action for '
                'the CAM" (CIDI/CAM/doc.11/14 rev. 4) and the activities foreseen in the '
                "Inter-American Program, to focus its 2016-2017 cooperation on, among other "
                "things, protecting migrants' human rights, integrating migrants in host "
                "countries, including migrants who return to their countries of origin, and "
                "migrants' contributions.",
                "text_es": "Pide a la CAM que, conforme al «Marco futuro de acción de la CAM» "
                "(CIDI/CAM/doc.11/14 rev. 4) y a las actividades previstas en el Programa "
                "Interamericano, centre su cooperación de 2016-2017 en, entre otros temas, la "
                "protección de los derechos humanos de los migrantes, su integración en los "
                "países de acogida, la inclusión de quienes regresan a sus países de origen y "
                "los aportes de los migrantes.",
            },
            {
                "number": "34",
                "text_en": "Promotes a steady exchange of information and best practices "
                "among member states on migration and on the public policies used to address "
                "and manage it.",
                "text_es": "Promueve un intercambio constante de información y buenas "
                "prácticas entre los Estados Miembros sobre la migración y las políticas "
                "públicas para atenderla y gestionarla.",
            },
            {
                "number": "35",
                "text_en": "Encourages member states to join SICREMI so as to improve "
                "information and knowledge about migration flows and trends in the Americas, "
                "and asks the Secretariat for Access to Rights and Equity to keep the CAM "
                "informed about the system's financial sustainability so that it can "
                "continue.",
                "text_es": "Alienta a los Estados Miembros a sumarse al SICREMI para mejorar "
                "la información y el conocimiento sobre los flujos y tendencias migratorias "
                "en las Américas, y pide a la Secretaría de Acceso a Derechos y Equidad que "
                "mantenga informada a la CAM sobre la sostenibilidad financiera del sistema "
                "para asegurar su continuidad.",
            },
            {
                "number": "36",
                "text_en": "Recognizes migrants' significant contribution to integral "
                "development and firmly condemns racism, discrimination, xenophobia and "
                "related intolerance against them, including in access to jobs, vocational "
                "training, housing, education, health care and social and public services.",
                "text_es": "Reconoce la importante contribución de los migrantes al "
                "desarrollo integral y condena con firmeza el racismo, la discriminación, la "
                "xenofobia y las formas conexas de intolerancia contra ellos, entre otros "
                "ámbitos en el acceso al empleo, la formación profesional, la vivienda, la "
                "educación, la atención de salud y los servicios sociales y públicos.",
            },
            {
                "number": "37",
                "text_en": "Backs the Organization's efforts to help states reach the "
                "Sustainable Development Goals concerning migration and human mobility.",
                "text_es": "Respalda los esfuerzos de la Organización por ayudar a los "
                "Estados a alcanzar los Objetivos de Desarrollo Sostenible relativos a la "
                "migración y la movilidad humana.",
            },
        ],
    },
    {
        "symbol": "AG/RES. 2883 (XLVI-O/16)",
        "title_en": PROGRAM_TITLE_EN,
        "title_es": PROGRAM_TITLE_ES,
        "adopted_on": "2016-06-14",
        "summary_en": "Adopts the updated Inter-American Program at the forty-sixth regular "
        "session (Santo Domingo) and makes the CAM responsible for implementing it and "
        "following it up together with the Program actors. It also asks the General "
        "Secretariat to set up a specific fund of voluntary contributions for the activities "
        "assigned to OAS bodies.",
        "summary_es": "Adopta el Programa Interamericano actualizado en el cuadragésimo sexto "
        "período ordinario de sesiones (Santo Domingo) y encarga a la CAM su ejecución y "
        "seguimiento junto con los actores del Programa. Pide además a la Secretaría General "
        "que cree un fondo específico de contribuciones voluntarias para las actividades "
        "asignadas a los órganos de la OEA.",
        "paragraphs": [
            {
                "number": "1",
                "text_en": "Approves the updated text of the Inter-American Program for the "
                "Promotion and Protection of the Human Rights of Migrants, Including Migrant "
                "Workers and Their Families.",
                "text_es": "Aprueba el texto actualizado del Programa Interamericano para la "
                "Promoción y Protección de los Derechos Humanos de los Migrantes, incluyendo "
                "los Trabajadores Migratorios y sus Familias.",
            },
            {
                "number": "2",
                "text_en": "Makes the CAM responsible for carrying out and following up on the "
                "Program, consulting and coordinating with the Program actors, so that its "
                "objectives are achieved.",
                "text_es": "Encomienda a la CAM la ejecución y el seguimiento del Programa, en "
                "consulta y coordinación con sus actores, para que se alcancen sus "
                "objetivos.",
            },
            {
                "number": "3",
                "text_en": "Asks the General Secretariat to create a Specific Fund for "
                "Voluntary Contributions, under Article 74 of the General Standards to Govern "
                "the Operations of the General Secretariat, to pay for the activities "
                "assigned to OAS organs, agencies and entities in support of the Program, and "
                "urges member states to contribute to it.",
                "text_es": "Pide a la Secretaría General que cree un Fondo Específico de "
                "Contribuciones Voluntarias, conforme al artículo 74 de las Normas Generales "
                "para el Funcionamiento de la Secretaría General, para financiar las "
                "actividades asignadas a los órganos, organismos y entidades de la OEA en "
                "apoyo del Programa, e insta a los Estados Miembros a contribuir a él.",
            },
        ],
    },
    {
        "symbol": "AG/DEC. 88 (XLVI-O/16)",
        "title_en": "Climate Change, Food Security, and Migration in the Americas",
        "title_es": "Cambio climático, seguridad alimentaria y migración en las Américas",
        "adopted_on": "2016-06-14",
        "summary_en": "Declaration of the forty-sixth regular session on how climate change, "
        "food security and migration are linked in the Americas. The CAM work plan for "
        "2016-2017 relies on it for an event on food security, migration and climate change.",
        "summary_es": "Declaración del cuadragésimo sexto período ordinario de sesiones sobre "
        "los vínculos entre el cambio climático, la seguridad alimentaria y la migración en "
        "las Américas. El plan de trabajo de la CAM para 2016-2017 se apoya en ella para un "
        "evento sobre seguridad alimentaria, migración y cambio climático.",
    },
]
