"""Pagination of every list endpoint: `?limit=` and `?offset=`, 50 by default, 200 at most."""

from rest_framework.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    # A ceiling keeps one request's work bounded, and keeps a huge `limit` from reaching the
    # database as a number it cannot store.
    max_limit = 200
