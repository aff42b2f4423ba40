"""Entity extractors: pure functions over the text of one block (a paragraph, a list item).

Each module finds one kind of entity and says where it is, so a reviewer sees the words a
proposal came from: `countries` (ISO alpha-3 codes), `dates` (ISO partial dates and ranges),
`figures` (numbers with what they count), `mandates` (canonical OAS symbols) and `kinds`
(whether an entry reports work done, planned, a best practice, a proposal, a recommendation
or a finding). They read English and Spanish and need no database.
"""
