"""Query-string filters of list endpoints, parsed by a serializer like any other input.

A filter the API cannot apply (an unknown slug, a malformed country code) answers 400 naming
the parameter, instead of an empty list that looks like "nothing matches".
"""

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request


def query_filters(
    request: Request, serializer_class: type[serializers.Serializer]
) -> dict[str, Any]:
    """The validated filters of this request (only those given); ValidationError otherwise."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
