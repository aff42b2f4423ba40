"""The import and review pages: who may use them, the upload, the review of each proposal, the
bulk acceptance, the source text with its highlight, and the provenance other pages show."""

import hashlib
from collections import Counter

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from followup.ingest import review, services
from followup.ingest.blocks import UnreadableFile
from followup.ingest.models import Proposal, SourceDocument
from followup.ingest.views import provenance_url
from followup.recommendations.models import Recommendation, Source
from followup.reporting.models import Entry
from followup.reporting.tests.factories import focal_point_of, reviewer_user, secretariat_user

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Invented text in the shape of an activity report: a title, an actor's section, its items.
BLOCKS = [
    {"kind": "heading", "text": "Report on the Program 2019–2020", "level": 1},
    {"kind": "heading", "text": "Inter-American Children's Institute (IIN)", "level": 2},
    {
        "kind": "paragraph",
        "text": "The IIN trained 70 officials of GTM and HND in 2020.",
        "level": 0,
    },
    {"kind": "list_item", "text": "a. A course on child migrants.", "level": 0},
    {"kind": "list_item", "text": "b. A guide for consulates.", "level": 0},
    {"kind": "heading", "text": "Annex", "level": 4},
    {"kind": "table_row", "text": "2020-03 | Regional meeting", "level": 0},
]
ENTRY_DATA = {
    "actor": "iin",
    "actor_name": "Inter-American Children's Institute",
    "period": "2019–2020",
    "kind": "carried_out",
    "title": "The IIN trained 70 officials of GTM and HND in 2020",
    "narrative": "The IIN trained 70 officials of GTM and HND in 2020.",
    "language": "en",
    "countries": ["GTM", "HND"],
    "starts": "2020",
    "ends": "",
    "figures": [[70, "officials"]],
}


def make_document(name: str = "report.docx", **fields) -> SourceDocument:
    values = {
        "sha256": hashlib.sha256(name.encode()).hexdigest(),
        "filename": name,
        "media_type": DOCX,
        "language": "en",
        "size": 11,
        "kind": SourceDocument.Kind.ACTIVITY_REPORT,
        "title": "Report on the Program 2019–2020",
        "period_start": "2019",
        "period_end": "2020",
        "blocks": BLOCKS,
        **fields,
    }
    document = SourceDocument(**values)
    document.file.save(name, ContentFile(b"PK original"), save=False)
    document.save()
    return document


def propose(document: SourceDocument, kind: str = "entry", data=None, **fields) -> Proposal:
    values = {
        "position": document.proposals.count(),
        "first_block": 2,
        "last_block": 2,
        "start": 0,
        "end": len(BLOCKS[2]["text"]),
        **fields,
    }
    if data is None:
        data = dict(ENTRY_DATA) if kind == "entry" else {"group": "Panel 1", "text": "Act."}
    return Proposal.objects.create(document=document, kind=kind, data=data, **values)


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def secretariat(client: Client):
    user = secretariat_user()
    client.force_login(user)
    return user


# Who may use the pages ----------------------------------------------------------------------

PERSONAS = {
    "anonymous": None,
    "focal point": lambda: focal_point_of("iin"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}

# (method, url name, object) → status per persona, in PERSONAS order. A signed-in user without
# the permission gets 403; a method the page does not take is 405 once signed in.
CASES = [
    ("get", "ingest:list", None, [302, 403, 403, 200]),
    ("post", "ingest:list", None, [302, 405, 405, 405]),
    ("get", "ingest:upload", None, [302, 405, 405, 405]),
    ("post", "ingest:upload", None, [302, 403, 403, 302]),
    ("get", "ingest:document", "document", [302, 403, 403, 200]),
    ("post", "ingest:document", "document", [302, 405, 405, 405]),
    ("get", "ingest:source", "document", [302, 403, 403, 200]),
    ("post", "ingest:source", "document", [302, 405, 405, 405]),
    ("get", "ingest:original", "document", [302, 403, 403, 200]),
    ("post", "ingest:original", "document", [302, 405, 405, 405]),
    ("get", "ingest:accept_clean", "document", [302, 405, 405, 405]),
    ("post", "ingest:accept_clean", "document", [302, 403, 403, 302]),
    ("get", "ingest:proposal", "proposal", [302, 403, 403, 200]),
    # An empty form: refused with its messages, and nothing accepted.
    ("post", "ingest:proposal", "proposal", [302, 403, 403, 400]),
    ("get", "ingest:proposal_accept", "proposal", [302, 405, 405, 405]),
    ("post", "ingest:proposal_accept", "proposal", [302, 403, 403, 302]),
    ("get", "ingest:proposal_reject", "proposal", [302, 405, 405, 405]),
    ("post", "ingest:proposal_reject", "proposal", [302, 403, 403, 302]),
]


@pytest.mark.parametrize(
    ("method", "name", "target", "statuses"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES]
)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_pages_permission_matrix(client, persona, method, name, target, statuses):
    document = make_document(title="Confidential draft of the IIN")
    proposal = propose(document, "recommendation")
    if PERSONAS[persona] is not None:
        client.force_login(PERSONAS[persona]())
    args = {"document": [document.pk], "proposal": [proposal.pk], None: []}[target]

    response = getattr(client, method)(reverse(name, args=args))

    expected = statuses[list(PERSONAS).index(persona)]
    assert response.status_code == expected
    if expected == 302 and persona == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
    if expected in (403, 405):
        assert "Confidential draft" not in response.content.decode()
    if persona != "secretariat":
        proposal.refresh_from_db()
        assert proposal.status == Proposal.Status.PENDING
    response.close()  # the original file's download is streamed from an open file


# The list and the upload --------------------------------------------------------------------


def test_list_shows_each_document_with_its_counts(client, secretariat):
    document = make_document()
    propose(document)
    propose(document, status=Proposal.Status.ACCEPTED)
    propose(document, status=Proposal.Status.ACCEPTED)
    propose(document, status=Proposal.Status.REJECTED)

    response = client.get(reverse("ingest:list"))

    html = response.content.decode()
    row = html[html.index(reverse("ingest:document", args=[document.pk])) :]
    row = row[: row.index("</tr>")]
    assert [cell.split("<")[0] for cell in row.split('<td class="number">')[1:]] == ["1", "2", "1"]
    assert "activity report" in row
    assert '<th scope="col" class="number">Waiting for review</th>' in html
    assert "2019–2020" in row


@pytest.mark.parametrize("documents", [1, 5])
def test_list_query_count_does_not_grow_with_documents(
    client, secretariat, django_assert_num_queries, documents
):
    for number in range(documents):
        document = make_document(f"report-{number}.docx", imported_by=secretariat)
        propose(document)
        propose(document, status=Proposal.Status.ACCEPTED)

    # Session, user, the user's permissions (own and groups'), the count, the page, and the
    # session saved on every request (a savepoint, the update, its release).
    with django_assert_num_queries(9):
        response = client.get(reverse("ingest:list"))

    assert response.content.decode().count('<td class="number">') == 3 * documents


@pytest.fixture
def fake_ingest(monkeypatch, secretariat):
    """The importer as the upload sees it; what the file says decides what it returns."""
    calls = []

    def ingest_bytes(data: bytes, filename: str, *, dry_run: bool = False, by=None):
        calls.append((data, filename, dry_run, by))
        if data.startswith(b"garbage"):
            raise UnreadableFile("it is not a DOCX, ODT, PDF, HTML or text file.")
        existing = SourceDocument.objects.filter(filename=filename).first()
        document = existing or make_document(filename)
        proposed = Counter({"entry": 3, "mandate": 1})
        return services.Outcome({"kind": "activity_report"}, document, existing is None, proposed)

    monkeypatch.setattr(services, "ingest_bytes", ingest_bytes)
    return calls


def test_upload_imports_each_file_and_says_what_became_of_it(client, secretariat, fake_ingest):
    good = SimpleUploadedFile("report.docx", b"PK a report", content_type=DOCX)
    bad = SimpleUploadedFile("x.pdf", b"garbage", content_type="application/pdf")

    response = client.post(reverse("ingest:upload"), {"documents": [good, bad]})

    assert response.status_code == 302
    assert response["Location"] == reverse("ingest:list")
    assert shown_messages(response) == [
        "report.docx: activity report, 4 records proposed (waiting for review)",
        "x.pdf: it is not a DOCX, ODT, PDF, HTML or text file.",
    ]
    assert [(data, name, by) for data, name, _dry, by in fake_ingest] == [
        (b"PK a report", "report.docx", secretariat),
        (b"garbage", "x.pdf", secretariat),
    ]
    assert list(SourceDocument.objects.values_list("filename", flat=True)) == ["report.docx"]


def test_upload_of_a_bad_file_shows_the_reason_and_stores_nothing(client, secretariat, fake_ingest):
    bad = SimpleUploadedFile("x.pdf", b"garbage bytes", content_type="application/pdf")

    response = client.post(reverse("ingest:upload"), {"documents": bad}, follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="message message-error"' in html
    assert "x.pdf: it is not a DOCX, ODT, PDF, HTML or text file." in html
    assert SourceDocument.objects.count() == 0


def test_upload_again_says_it_was_already_imported(client, secretariat, fake_ingest):
    client.post(
        reverse("ingest:upload"), {"documents": SimpleUploadedFile("r.docx", b"PK 1")}, follow=True
    )

    response = client.post(
        reverse("ingest:upload"), {"documents": SimpleUploadedFile("r.docx", b"PK 1")}
    )

    assert shown_messages(response) == [
        "r.docx: activity report, 4 records proposed (already imported, nothing new)"
    ]
    assert SourceDocument.objects.count() == 1


# An invented plain-text report: what the real importer reads in the next tests.
TEXT_REPORT = (
    "Report on the Program 2019–2020\n\n"
    "Inter-American Children's Institute (IIN)\n\n"
    "The IIN trained 70 officials of Guatemala and Honduras in March 2020.\n"
).encode()


def test_upload_of_the_same_content_again_duplicates_nothing(client, secretariat):
    upload = reverse("ingest:upload")
    client.post(upload, {"documents": SimpleUploadedFile("report.txt", TEXT_REPORT)}, follow=True)
    proposals = Proposal.objects.count()

    response = client.post(upload, {"documents": SimpleUploadedFile("copy.txt", TEXT_REPORT)})

    [message] = shown_messages(response)
    assert message.startswith("copy.txt: ")
    assert message.endswith("(already imported, nothing new)")
    assert SourceDocument.objects.get().filename == "report.txt"
    assert Proposal.objects.count() == proposals


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("x.pdf", b"%PDF-1.7 broken"),
        ("x.docx", b"PK\x03\x04 not a zip"),
        ("x.bin", bytes(range(256)) * 4),
    ],
)
def test_upload_of_unreadable_bytes_says_why_and_stores_nothing(client, secretariat, name, content):
    response = client.post(
        reverse("ingest:upload"), {"documents": SimpleUploadedFile(name, content)}, follow=True
    )

    assert response.status_code == 200
    [message] = response.context["messages"]
    assert message.level_tag == "error"
    assert str(message).startswith(f"{name}: ")
    assert len(str(message)) > len(name) + 2
    assert SourceDocument.objects.count() == 0


def test_upload_over_the_limit_is_refused_before_reading(
    client, secretariat, fake_ingest, settings
):
    settings.UPLOAD_MAX_BYTES = 1024
    large = SimpleUploadedFile("big.docx", b"PK" + b"x" * 2000, content_type=DOCX)

    response = client.post(reverse("ingest:upload"), {"documents": large})

    assert shown_messages(response) == ["big.docx: the file is 2.0 KB; the limit is 1.0 KB."]
    assert fake_ingest == []


def test_upload_of_an_empty_file_names_it(client, secretariat, fake_ingest):
    response = client.post(
        reverse("ingest:upload"), {"documents": SimpleUploadedFile("empty.txt", b"")}
    )

    assert shown_messages(response) == ["empty.txt: the file is empty."]
    assert fake_ingest == []


def test_upload_without_a_file_asks_for_one(client, secretariat, fake_ingest):
    response = client.post(reverse("ingest:upload"), {})

    assert shown_messages(response) == ["This field is required."]
    assert fake_ingest == []


def test_list_offers_a_multiple_file_input(client, secretariat):
    html = client.get(reverse("ingest:list")).content.decode()

    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_documents">Documents to import</label>' in html
    assert 'type="file" name="documents" multiple' in html
    assert "csrfmiddlewaretoken" in html


# The review page ----------------------------------------------------------------------------


def test_document_page_shows_each_proposal_beside_its_source(client, secretariat):
    document = make_document()
    proposal = propose(document, "recommendation", start=4, end=7, warnings=["Check the group."])

    response = client.get(reverse("ingest:document", args=[document.pk]))

    html = response.content.decode()
    assert document.sha256 in html
    assert f'href="{reverse("ingest:source", args=[document.pk])}"' in html
    assert f'href="{reverse("ingest:original", args=[document.pk])}"' in html
    assert '<p class="source-paragraph">The <mark>IIN</mark> trained 70 officials' in html
    assert "<dt>Group or panel</dt><dd>Panel 1</dd>" in html
    assert "<li>Check the group.</li>" in html
    assert f'action="{reverse("ingest:proposal_accept", args=[proposal.pk])}"' in html
    assert f'action="{reverse("ingest:proposal_reject", args=[proposal.pk])}"' in html
    assert f'href="{reverse("ingest:proposal", args=[proposal.pk])}"' in html
    assert f'href="{provenance_url(proposal).replace("&", "&amp;")}"' in html


@pytest.mark.parametrize("proposals", [1, 5])
def test_document_page_query_count_does_not_grow_with_proposals(
    client, secretariat, django_assert_num_queries, proposals
):
    document = make_document()
    for number in range(proposals):
        review.accept(propose(document), by=secretariat)
        propose(document, "recommendation", data={"text": f"Recommendation {number}."})

    # Session, user, permissions ×2, the document, the count, the page, the records (entries),
    # the clean ones by kind, and the session saved (3).
    with django_assert_num_queries(12):
        response = client.get(reverse("ingest:document", args=[document.pk]))

    assert len(response.context["items"]) == 2 * proposals
    assert response.content.decode().count("See the record") == proposals


def test_document_page_filters_by_kind_and_status(client, secretariat):
    document = make_document()
    propose(document, "recommendation", data={"group": "", "text": "Keep records."})
    propose(document, "recommendation", data={"group": "", "text": "Share data."})
    propose(document, "mandate", data={"symbol": "AG/RES. 9999 (LXX-O/40)", "kind": "resolution"})
    Proposal.objects.filter(data__text="Share data.").update(status=Proposal.Status.REJECTED)

    response = client.get(
        reverse("ingest:document", args=[document.pk]),
        {"kind": "recommendation", "status": "pending"},
    )

    items = [item.proposal.data.get("text") for item in response.context["items"]]
    assert items == ["Keep records."]


def test_document_page_refuses_an_unknown_filter(client, secretariat):
    document = make_document()
    propose(document)

    response = client.get(reverse("ingest:document", args=[document.pk]), {"kind": "poem"})

    assert response.status_code == 400
    assert response.context["items"] == []
    assert "Select a valid choice. poem is not one of the available choices." in (
        response.content.decode()
    )


def test_document_page_shows_fifty_proposals_a_page(client, secretariat):
    document = make_document()
    Proposal.objects.bulk_create(
        Proposal(
            document=document,
            position=position,
            kind="recommendation",
            data={"text": f"Recommendation {position}"},
            first_block=2,
            last_block=2,
        )
        for position in range(51)
    )

    first = client.get(reverse("ingest:document", args=[document.pk]))
    second = client.get(reverse("ingest:document", args=[document.pk]), {"page": 2})

    assert len(first.context["items"]) == 50
    assert [item.proposal.position for item in second.context["items"]] == [50]


def test_accept_creates_the_entry_with_its_countries(client, secretariat):
    document = make_document()
    proposal = propose(document)

    response = client.post(
        reverse("ingest:proposal_accept", args=[proposal.pk]), {"query": "status=pending"}
    )

    entry = Entry.objects.get(title=ENTRY_DATA["title"])
    assert entry.report.actor.slug == "iin"
    assert entry.report.cycle.label == "2019–2020"
    assert sorted(entry.countries.values_list("code", flat=True)) == ["GTM", "HND"]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.record, proposal.reviewed_by) == (
        Proposal.Status.ACCEPTED,
        entry,
        secretariat,
    )
    assert response["Location"] == (
        reverse("ingest:document", args=[document.pk]) + f"?status=pending#p-{proposal.pk}"
    )
    assert shown_messages(response) == [f"Proposal 1 accepted: {entry.title}."]


def test_accepted_proposal_links_to_its_entry(client, secretariat):
    document = make_document()
    proposal = propose(document)
    client.post(reverse("ingest:proposal_accept", args=[proposal.pk]))
    entry = Entry.objects.get()

    html = client.get(reverse("ingest:document", args=[document.pk])).content.decode()

    url = reverse("reporting:report_page", args=[entry.report_id]) + f"#entry-{entry.pk}"
    assert f'<a href="{url}">See the record</a>' in html
    assert f'action="{reverse("ingest:proposal_accept", args=[proposal.pk])}"' not in html


def test_accept_refused_by_the_review_says_why(client, secretariat):
    document = make_document()
    proposal = propose(document, data={**ENTRY_DATA, "actor": ""})

    response = client.post(reverse("ingest:proposal_accept", args=[proposal.pk]))

    assert shown_messages(response) == [
        "Proposal 1: Choose the Program actor this entry belongs to."
    ]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    assert not Entry.objects.exists()


def test_reject_twice_says_it_was_already_reviewed(client, secretariat):
    document = make_document()
    proposal = propose(document)
    first = client.post(reverse("ingest:proposal_reject", args=[proposal.pk]), follow=True)

    second = client.post(reverse("ingest:proposal_reject", args=[proposal.pk]))

    assert "Proposal 1 rejected." in first.content.decode()
    assert shown_messages(second) == ["Proposal 1: This proposal was already reviewed."]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED
    assert not Entry.objects.exists()


def test_accept_clean_accepts_those_without_warnings(client, secretariat):
    document = make_document()
    propose(document, "recommendation", data={"group": "A", "text": "One."})
    propose(document, "recommendation", data={"group": "A", "text": "Two."})
    propose(document)
    propose(document, warnings=["The document gives no period: choose the cycle."])
    propose(document, "recommendation", data={"group": "A", "text": ""})  # refused: no text

    page = client.get(reverse("ingest:document", args=[document.pk])).content.decode()
    response = client.post(reverse("ingest:accept_clean", args=[document.pk]), {"kind": ""})

    assert "Accept the 4 proposals without warnings" in page
    assert shown_messages(response) == ["3 accepted, 2 left for review."]
    assert Recommendation.objects.count() == 2
    assert Entry.objects.count() == 1


def test_accept_clean_of_one_kind(client, secretariat):
    document = make_document()
    propose(document, "recommendation", data={"group": "A", "text": "One."})
    propose(document)

    response = client.post(
        reverse("ingest:accept_clean", args=[document.pk]), {"kind": "recommendation"}
    )

    assert shown_messages(response) == ["1 accepted, 0 left for review."]
    assert list(document.proposals.values_list("kind", "status")) == [
        ("recommendation", "accepted"),
        ("entry", "pending"),
    ]


# Editing one proposal -----------------------------------------------------------------------


def test_edit_form_starts_from_the_proposal_beside_its_source(client, secretariat):
    document = make_document()
    proposal = propose(document)

    response = client.get(reverse("ingest:proposal", args=[proposal.pk]))

    form = response.context["form"]
    assert form["actor"].value() == "iin"
    assert form["countries"].value() == "GTM, HND"
    assert form["period"].value() == "2019–2020"
    html = response.content.decode()
    assert '<option value="iin" selected>' in html
    assert "<mark>The IIN trained 70 officials of GTM and HND in 2020.</mark>" in html


def entry_post(**changes) -> dict[str, str]:
    values = {
        "actor": "iin",
        "period": "2019–2020",
        "kind": "planned",
        "title": "Training of consular officials",
        "narrative": "Seventy officials, typed by the reviewer.",
        "language": "en",
        "countries": "gtm, slv",
        "starts": "2020-03",
        "ends": "",
    }
    return {**values, **changes}


def test_edit_accepts_the_edited_values(client, secretariat):
    document = make_document()
    proposal = propose(document)

    response = client.post(reverse("ingest:proposal", args=[proposal.pk]), entry_post())

    assert response.status_code == 302
    entry = Entry.objects.get()
    assert (entry.title, entry.kind, entry.starts) == (
        "Training of consular officials",
        "planned",
        "2020-03",
    )
    assert sorted(entry.countries.values_list("code", flat=True)) == ["GTM", "SLV"]
    proposal.refresh_from_db()
    assert proposal.data["countries"] == ["GTM", "SLV"]
    assert proposal.data["figures"] == [[70, "officials"]]  # not in the form: kept as proposed


def test_edit_with_a_bad_date_keeps_what_was_typed(client, secretariat):
    document = make_document()
    proposal = propose(document)

    response = client.post(
        reverse("ingest:proposal", args=[proposal.pk]), entry_post(starts="2020-13")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no month 13; months go from 01 to 12." in html
    assert 'value="2020-13"' in html
    assert 'value="Training of consular officials"' in html
    assert "Seventy officials, typed by the reviewer.</textarea>" in html
    assert 'value="gtm, slv"' in html
    assert not Entry.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_edit_refused_by_the_review_keeps_what_was_typed(client, secretariat):
    document = make_document()
    proposal = propose(document)

    response = client.post(
        reverse("ingest:proposal", args=[proposal.pk]), entry_post(period="2021–2019")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert (
        '<div class="error-summary" role="alert"><p>The period ends before it starts.</p>' in html
    )
    assert 'value="2021–2019"' in html
    assert 'value="Training of consular officials"' in html
    assert not Entry.objects.exists()


def test_edit_a_mandate_needs_a_title(client, secretariat):
    document = make_document()
    proposal = propose(
        document, "mandate", data={"symbol": "AG/RES. 2883 (XLVI-O/16)", "kind": "resolution"}
    )

    response = client.post(
        reverse("ingest:proposal", args=[proposal.pk]),
        {"symbol": "ag/res 2883 (xlvi-o/16)", "title_en": "", "title_es": ""},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "title_en": ["Give the mandate's title in English or Spanish."]
    }


def test_edit_of_a_decided_proposal_says_it_was_already_reviewed(client, secretariat):
    document = make_document()
    proposal = propose(document, status=Proposal.Status.REJECTED)

    response = client.post(reverse("ingest:proposal", args=[proposal.pk]), entry_post())
    page = client.get(reverse("ingest:proposal", args=[proposal.pk]))

    assert response["Location"] == reverse("ingest:proposal", args=[proposal.pk])
    assert shown_messages(response) == ["This proposal was already reviewed."]
    assert not Entry.objects.exists()
    assert '<form method="post" class="stacked"' not in page.content.decode()


@pytest.mark.parametrize(
    ("kind", "data", "fields"),
    [
        ("recommendation", {"group": "Panel 2", "text": "Act."}, ["group", "text"]),
        (
            "calendar_row",
            {"date": "2016-10", "mandates": ["AG/RES. 2883 (XLVI-O/16)"], "activity": "Meeting"},
            ["date", "date_text", "mandates", "activity", "notes"],
        ),
        ("mandate", {"symbol": "AG/RES. 2883 (XLVI-O/16)"}, ["symbol", "title_en", "title_es"]),
    ],
)
def test_edit_form_is_built_from_the_kind(client, secretariat, kind, data, fields):
    proposal = propose(make_document(), kind, data=data)

    response = client.get(reverse("ingest:proposal", args=[proposal.pk]))

    assert list(response.context["form"].fields) == fields


def test_edit_a_calendar_row_reads_one_mandate_per_line(client, secretariat):
    proposal = propose(make_document(), "calendar_row", data={"activity": "Meeting"})

    response = client.post(
        reverse("ingest:proposal", args=[proposal.pk]),
        {
            "date": "2016-10",
            "mandates": "ag/res. 2883 (xlvi-o/16)\n\nnot a symbol",
            "activity": "M",
        },
    )

    assert response.status_code == 400
    errors = response.context["form"].errors["mandates"]
    assert len(errors) == 1
    assert "not a symbol" in errors[0]


# The source text and the original -----------------------------------------------------------


def test_source_page_highlights_the_passage(client, secretariat):
    document = make_document()

    response = client.get(reverse("ingest:source", args=[document.pk]), {"from": 2, "to": 3})

    html = response.content.decode()
    assert '<p><a href="#b-2">Go to the highlighted passage</a></p>' in html
    assert (
        '<p id="b-2" class="source-paragraph highlighted"><span class="block-number" '
        'aria-hidden="true">3</span> <mark>The IIN trained' in html
    )
    assert '<li id="b-3" class="highlighted">' in html
    assert '<li id="b-4">' in html
    assert '<h3 id="b-1">' in html  # level 2 of the document under the page's h1
    assert '<h4 id="b-5">' in html  # a level 4 straight after it, without skipping one
    assert html.count("<ul>") == 1 + html.count("<ul>", 0, html.index('class="source-text"'))


@pytest.mark.parametrize("query", [{"from": "x"}, {"from": "-1"}, {"from": "99"}, {}])
def test_source_page_ignores_a_bad_range(client, secretariat, query):
    document = make_document()

    response = client.get(reverse("ingest:source", args=[document.pk]), query)

    assert response.status_code == 200
    assert "<mark>" not in response.content.decode()


def test_original_is_downloaded_with_its_type(client, secretariat):
    document = make_document("informe.docx")

    response = client.get(reverse("ingest:original", args=[document.pk]))

    assert b"".join(response.streaming_content) == b"PK original"
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="informe.docx"'


def test_unknown_document_is_not_found(client, secretariat):
    for name in ("ingest:document", "ingest:source", "ingest:original"):
        assert client.get(reverse(name, args=[999999])).status_code == 404


# Provenance ---------------------------------------------------------------------------------


def test_provenance_url_points_at_the_passage():
    document = make_document()
    proposal = propose(document, first_block=3, last_block=4)

    assert provenance_url(proposal) == (
        reverse("ingest:source", args=[document.pk]) + "?from=3&to=4#b-3"
    )


def test_provenance_tag_links_an_imported_record(django_assert_num_queries):
    document = make_document()
    proposal = propose(document, "recommendation")
    user = secretariat_user()
    record = review.accept(proposal, by=user)
    template = Template("{% load provenance %}{% provenance record %}")

    with django_assert_num_queries(1):
        public = template.render(Context({"record": record}))
    staff = template.render(Context({"record": record, "user": user}))

    assert public.strip() == (
        '<p class="provenance">Imported from Report on the Program 2019–2020, paragraph 3</p>'
    )
    assert staff.strip() == (
        '<p class="provenance">Imported from <a href="'
        + provenance_url(proposal).replace("&", "&amp;")
        + '">Report on the Program 2019–2020</a>, paragraph 3</p>'
    )


def test_provenance_tag_says_nothing_of_a_record_typed_by_hand():
    record = Recommendation.objects.create(
        source=Source.objects.create(title="A forum"), text="Typed by hand."
    )

    html = Template("{% load provenance %}{% provenance record %}").render(
        Context({"record": record})
    )

    assert html.strip() == ""
