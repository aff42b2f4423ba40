"""Where the recommendations stand: the read side of the public progress pages, the map and
the downloads. Everything here is what the public sees, whoever is signed in.

Definitions, shared by every page, the map and the CSV files:

- The addressees of a recommendation are the actors named in it and, when it is addressed to
  all member states, every member state (`addressees.addressees_of`). Each (recommendation,
  addressee) pair is one thing that can be done or not.
- The standing of a pair is its latest PUBLISHED follow-up, latest by its cycle's opening
  date. A pair with none has "no answer". Drafts, submitted and returned follow-ups never
  count, and a published follow-up without a status level states no standing and is passed
  over.
- Share implemented of a set of pairs = pairs whose standing level is `implemented` ÷ pairs
  whose standing level is `applicable`; pairs at a not-applicable level and pairs with no
  answer are out of the denominator. None (no data) when the denominator is 0. The counts per
  level and the number of pairs with no answer go with it.
- An addressee has not answered a recommendation in a cycle when it has no follow-up of it
  SUBMITTED or PUBLISHED in that cycle (only that fact is public, never a draft's content). A
  recommendation dated after the cycle's deadline is not due in that cycle.

Each page reads what it shows in a fixed number of queries whatever the number of
recommendations, addressees and cycles: the published follow-ups of the whole set come in one
values() query and are reduced in Python (`ledger.Ledger`).

Modules: `ledger` (the figures), `lists` (lists and sources), `pages` (one recommendation,
an addressee, a theme, the overview), `answers` (who has not answered).
"""
