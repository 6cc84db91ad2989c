"""Test data for 全市通办: residents linked to the registry, small uploads of each accepted kind."""

from django.core.files.uploadedfile import SimpleUploadedFile

from minzheng.onestop.services import residents

RESIDENT_PASSWORD = "Lz#Portal2026"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "材料.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def resident_of(person, *, phone: str = "13800000001"):
    return residents.register(
        id_number=person.id_number, name=person.name, phone=phone, password=RESIDENT_PASSWORD
    )
