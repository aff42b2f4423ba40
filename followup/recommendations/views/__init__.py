"""Pages of the recommendations: `public` (progress views), and in the workspace `answers`
(a focal point's answers and the follow-up page), `review` (the secretariat's review) and
`records` (sources and recommendations); `common` holds what the workspace pages share."""
