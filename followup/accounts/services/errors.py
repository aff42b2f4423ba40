"""The error of every refusal on accounts whose message is for the user."""


class AccountsError(Exception):
    """A rule on accounts refused the action; the message is for the user."""
