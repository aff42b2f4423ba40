"""Follow-up: the information system of the Inter-American Program on the rights of migrants."""
