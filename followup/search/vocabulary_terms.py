"""The words people search with for each registry vocabulary term, in English and Spanish.

A query that contains one of these phrases (or a term's own label) is about that term: it also
finds records tagged with it and records that use the other language's words for it. That is
how "trafficking" finds "trata de personas". Phrases are matched after analysis, so plurals and
accents need no listing; a term without an entry here is matched by its labels alone. Single
words that mean other things (Spanish "trata" is also "treats") are left out.
"""

KEYWORDS: dict[str, dict[str, list[str]]] = {
    # Themes
    "human-rights": {"en": ["human rights"], "es": ["derechos humanos"]},
    "trafficking-smuggling": {
        "en": ["trafficking", "human trafficking", "trafficking in persons", "smuggling"],
        "es": [
            "trata de personas",
            "trata de migrantes",
            "tráfico de migrantes",
            "tráfico ilícito",
        ],
    },
    "labor-migration": {
        "en": ["labor migration", "labour migration", "labor rights", "labour rights"],
        "es": ["migración laboral", "derechos laborales"],
    },
    "health": {"en": ["health", "vaccination"], "es": ["salud", "vacunación"]},
    "education": {"en": ["education", "school"], "es": ["educación", "escuela"]},
    "gender": {
        "en": ["gender", "gender-based violence", "violence against women"],
        "es": ["género", "violencia de género", "violencia contra las mujeres"],
    },
    "integration": {"en": ["integration"], "es": ["integración"]},
    "return-reintegration": {
        "en": ["return", "reintegration"],
        "es": ["retorno", "reintegración"],
    },
    "migration-development": {
        "en": ["remittances", "migration and development"],
        "es": ["remesas", "migración y desarrollo"],
    },
    "consular-protection": {
        "en": ["consular protection", "consular assistance", "consulate"],
        "es": ["protección consular", "asistencia consular", "consulado"],
    },
    "due-process": {
        "en": ["due process", "access to justice", "detention", "immigration detention"],
        "es": [
            "debido proceso",
            "acceso a la justicia",
            "detención",
            "detención migratoria",
            "privación de libertad",
        ],
    },
    "information-research": {
        "en": ["statistics", "research", "data", "migration statistics", "migration data"],
        "es": [
            "estadísticas",
            "investigación",
            "datos",
            "estadísticas migratorias",
            "datos migratorios",
        ],
    },
    "legislation-policy": {
        "en": ["legislation", "law", "public policy"],
        "es": ["legislación", "ley", "política pública"],
    },
    "migration-management": {
        "en": ["migration management", "migration governance", "border management"],
        "es": ["gestión migratoria", "gobernanza migratoria", "gestión de fronteras"],
    },
    "discrimination-xenophobia": {
        "en": ["discrimination", "xenophobia", "racism"],
        "es": ["discriminación", "xenofobia", "racismo"],
    },
    "climate-displacement": {
        "en": [
            "climate change",
            "disasters",
            "natural disasters",
            "displacement",
            "climate displacement",
        ],
        "es": [
            "cambio climático",
            "desastres",
            "desastres naturales",
            "desplazamiento",
            "desplazamiento climático",
        ],
    },
    "cooperation": {
        "en": ["cooperation", "best practices", "good practices"],
        "es": ["cooperación", "buenas prácticas", "mejores prácticas"],
    },
    "capacity-building": {
        "en": ["training", "capacity building", "course", "workshop"],
        # Snowball stems "taller" and "talleres" differently, so both are listed.
        "es": ["capacitación", "fortalecimiento de capacidades", "curso", "taller", "talleres"],
    },
    # Population groups
    "migrant-workers": {
        "en": ["migrant workers", "foreign workers", "seasonal workers"],
        "es": ["trabajadores migrantes", "trabajadores migratorios", "trabajadores temporales"],
    },
    "women-girls": {
        "en": ["migrant women", "women", "girls"],
        # Not "niñas" alone: its stem is that of "niños", which would widen to this group.
        "es": ["mujeres migrantes", "mujeres", "mujeres y niñas"],
    },
    "children-adolescents": {
        "en": ["children", "child", "adolescents", "minors", "child protection"],
        "es": ["niños", "niñez", "adolescentes", "menores", "protección de la niñez"],
    },
    "unaccompanied-children": {
        "en": ["unaccompanied", "separated children"],
        "es": ["no acompañados", "niños separados"],
    },
    "trafficking-victims": {
        "en": ["trafficking victims", "victims of trafficking"],
        "es": ["víctimas de trata"],
    },
    "refugees-asylum-seekers": {
        "en": ["refugees", "asylum", "asylum seekers", "refugee status"],
        "es": ["refugiados", "asilo", "solicitantes de asilo", "refugio"],
    },
    "returning-migrants": {
        "en": ["returnees", "returned migrants", "deportees"],
        "es": ["retornados", "migrantes retornados", "deportados"],
    },
    "irregular-migrants": {
        "en": [
            "irregular migrants",
            "undocumented",
            "irregular migration",
            "regularization",
            "regularisation",
        ],
        "es": [
            "migrantes irregulares",
            "indocumentados",
            "migración irregular",
            "regularización",
            "regularización migratoria",
        ],
    },
    "lgbti": {"en": ["lgbti", "lgbt"], "es": ["lgbti", "lgbt"]},
    "indigenous-peoples": {"en": ["indigenous"], "es": ["indígenas"]},
    "disaster-displaced": {
        "en": ["displaced by disasters", "environmental displacement"],
        "es": ["desplazados por desastres", "desplazamiento ambiental"],
    },
    "diaspora": {"en": ["diaspora"], "es": ["diáspora"]},
    "stateless-persons": {
        "en": ["stateless", "statelessness"],
        "es": ["apátridas", "apatridia"],
    },
    "families-left-behind": {
        "en": ["families left behind"],
        "es": ["familias que permanecen"],
    },
}


# What people call a country's nationals, which names the country as surely as its name does:
# "Venezuelan migrants" is about Venezuela. The countries of the Americas the Program's reports
# speak of most; names come from pycountry. Not "American": "Inter-American" is no country.
COUNTRY_KEYWORDS: dict[str, dict[str, list[str]]] = {
    "ARG": {"en": ["Argentine", "Argentinian"], "es": ["argentino", "argentinos", "argentinas"]},
    "BOL": {"en": ["Bolivian"], "es": ["boliviano", "bolivianos", "bolivianas"]},
    "BRA": {"en": ["Brazilian"], "es": ["brasileño", "brasileños", "brasileñas"]},
    "CAN": {"en": ["Canadian"], "es": ["canadiense", "canadienses"]},
    "CHL": {"en": ["Chilean"], "es": ["chileno", "chilenos", "chilenas"]},
    "COL": {"en": ["Colombian"], "es": ["colombiano", "colombianos", "colombianas"]},
    "CRI": {"en": ["Costa Rican"], "es": ["costarricense", "costarricenses"]},
    "CUB": {"en": ["Cuban"], "es": ["cubano", "cubanos", "cubanas"]},
    "DOM": {"en": [], "es": ["dominicano", "dominicanos", "dominicanas"]},
    "ECU": {"en": ["Ecuadorian"], "es": ["ecuatoriano", "ecuatorianos", "ecuatorianas"]},
    "GTM": {"en": ["Guatemalan"], "es": ["guatemalteco", "guatemaltecos", "guatemaltecas"]},
    "HND": {"en": ["Honduran"], "es": ["hondureño", "hondureños", "hondureñas"]},
    "HTI": {"en": ["Haitian"], "es": ["haitiano", "haitianos", "haitianas"]},
    "MEX": {"en": ["Mexican"], "es": ["mexicano", "mexicanos", "mexicanas"]},
    "NIC": {"en": ["Nicaraguan"], "es": ["nicaragüense", "nicaragüenses"]},
    "PAN": {"en": ["Panamanian"], "es": ["panameño", "panameños", "panameñas"]},
    "PER": {"en": ["Peruvian"], "es": ["peruano", "peruanos", "peruanas"]},
    "PRY": {"en": ["Paraguayan"], "es": ["paraguayo", "paraguayos", "paraguayas"]},
    "SLV": {"en": ["Salvadoran", "Salvadorean"], "es": ["salvadoreño", "salvadoreños"]},
    "URY": {"en": ["Uruguayan"], "es": ["uruguayo", "uruguayos", "uruguayas"]},
    "USA": {"en": ["United States"], "es": ["estadounidense", "estadounidenses"]},
    "VEN": {"en": ["Venezuelan"], "es": ["venezolano", "venezolanos", "venezolanas"]},
}
