"""XML of DOCX and ODT parts, parsed by lxml without any of XML's dangerous features.

No entity is resolved (a "billion laughs" stays a few bytes), nothing is fetched from the
network, and the tree-size safety limits stay on. Word and OpenDocument never write a DTD, so
a part that declares one is refused outright.
"""

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from django.utils.translation import gettext as _
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from followup.ingest.blocks import UnreadableFile

_SAFE = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "remove_comments": True,
    "remove_pis": True,
}


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def iterparse(
    stream: Readable, tags: Iterable[str], events: tuple[str, ...] = ("start", "end")
) -> Iterator[tuple[str, Any]]:
    """(event, element) for the `tags`, read incrementally from `stream`."""
    context = etree.iterparse(stream, events=events, tag=list(tags), **_SAFE)
    checked = False
    try:
        for event, element in context:
            if not checked:
                _refuse_dtd(element.getroottree())
                checked = True
            yield event, element
    except etree.XMLSyntaxError:
        raise _damaged() from None


def parse(data: bytes) -> Any:
    """The root element of a small part (styles, numbering, relationships)."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(**_SAFE))
    except etree.XMLSyntaxError:
        raise _damaged() from None
    _refuse_dtd(root.getroottree())
    return root


def _refuse_dtd(tree: Any) -> None:
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise UnreadableFile(
            _("the document declares a DTD, which Word and OpenDocument files never do")
        )


def _damaged() -> UnreadableFile:
    return UnreadableFile(_("the document is damaged: its XML cannot be read"))
