"""Pages of the knowledge base: `public` (browsing, detail, file downloads), `workspace`
(the focal points' and secretariat's list, the form, attached files) and `review` (the POST
actions that move a resource through its review)."""
