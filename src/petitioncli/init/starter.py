"""What a new project prints before its authors write their own: in the letter's language.

`petition init --language es` starts a Spanish letter: its title, place,
salutation, text, note and first signatory are Spanish, so that the first
build shows what the edition will look like. Languages without a starter
here get the English one; the comments that explain each file stay English,
as the README does.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language import matching


@dataclass(frozen=True, slots=True)
class Starter:
    title: str
    place: str
    addressee: str
    salutation: str
    closing: str
    # The first paragraph, which calls the note `source` at its end.
    opening: str
    ask: str
    first_step: str
    second_step: str
    note: str
    organisation: str


_STARTERS = {
    "en": Starter(
        title="Open letter",
        place="Your town",
        addressee="The addressee",
        salutation="Dear Sir or Madam,",
        closing="Yours faithfully,",
        opening="Write the letter here. The first paragraph says who writes, to whom and\nwhy",
        ask="We urge you to:",
        first_step="take the first step we ask for;",
        second_step="take the second.",
        note="Where the first paragraph's claim comes from: the title of the report,\n"
        "its publisher and its address, e.g. <https://example.org/report>.",
        organisation="Your organisation",
    ),
    "es": Starter(
        title="Carta abierta",
        place="Su ciudad",
        addressee="El destinatario",
        salutation="Estimados señores:",
        closing="Atentamente,",
        opening="Escriba aquí la carta. El primer párrafo dice quién escribe, a quién y\npor qué",
        ask="Les instamos a:",
        first_step="dar el primer paso que pedimos;",
        second_step="dar el segundo.",
        note="De dónde viene lo que afirma el primer párrafo: el título del informe,\n"
        "quién lo publica y su dirección, p. ej. <https://example.org/report>.",
        organisation="Su organización",
    ),
    "fr": Starter(
        title="Lettre ouverte",
        place="Votre ville",
        addressee="Le destinataire",
        salutation="Madame, Monsieur,",
        closing="Veuillez agréer l'expression de nos salutations distinguées.",
        opening="Écrivez la lettre ici. Le premier paragraphe dit qui écrit, à qui et\npourquoi",
        ask="Nous vous demandons instamment de :",
        first_step="faire le premier pas que nous demandons ;",
        second_step="faire le second.",
        note="D'où vient ce qu'affirme le premier paragraphe : le titre du rapport,\n"
        "son éditeur et son adresse, par exemple <https://example.org/report>.",
        organisation="Votre organisation",
    ),
    "de": Starter(
        title="Offener Brief",
        place="Ihre Stadt",
        addressee="Der Empfänger",
        salutation="Sehr geehrte Damen und Herren,",
        closing="Mit freundlichen Grüßen",
        opening="Schreiben Sie hier den Brief. Der erste Absatz sagt, wer an wen und\nwarum schreibt",
        ask="Wir fordern Sie auf:",
        first_step="den ersten Schritt zu tun, um den wir bitten;",
        second_step="den zweiten.",
        note="Woher die Aussage des ersten Absatzes stammt: der Titel des Berichts,\n"
        "wer ihn herausgibt und seine Adresse, z. B. <https://example.org/report>.",
        organisation="Ihre Organisation",
    ),
}


def starter(language: str) -> Starter:
    """The starter texts in `language`'s own, else English."""
    found = matching(_STARTERS, language)
    return _STARTERS[found] if found is not None else _STARTERS["en"]
