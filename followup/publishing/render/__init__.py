"""Renderers of the annual report: each prints one AnnualReport in one format."""


class RenderError(Exception):
    """A format could not be rendered on this server; the message is for the user."""
