"""Example kommun: Timrå kommun, the shared assignment, milestones and nämnd register."""

from __future__ import annotations

import datetime as dt

from pipeline.model import Kommun, Milstolpe, NamndRef

KOMMUN = Kommun(
    namn="Timrå kommun",
    vision="Timrå – en stark kommun i en växande region",
    samordning=(
        "Uppdraget samordnas av kommunstyrelsen (KS/KLK), och kommunledningsgruppen (KLG) "
        "säkrar att arbetet synkroniseras mellan nämnder och förvaltningar."
    ),
    uppdrag=(
        "Kommunfullmäktige har gett samtliga nämnder i uppdrag att formulera en "
        "verksamhetsidé i linje med kommunens styrmodell. Verksamhetsidén ska beskriva vad "
        "nämndens verksamheter gör, för vem de finns och varför – det värde som ska skapas "
        "för kommunens invånare."
        "\n\n"
        "Arbetet leds av en utvecklingsgrupp i varje nämnd, med nämndens ordförande och vice "
        "ordförande, två representanter för oppositionen och förvaltningens ledningsgrupp, "
        "med stöd av ett processtöd. Gemensamma avstämningar under hösten 2021 säkrar att "
        "verksamhetsidéerna hänger ihop och bildar en helhet – ett Timrå."
        "\n\n"
        "Varje nämnd beslutar om sin verksamhetsidé under första kvartalet 2022."
    ),
    milstolpar=(
        Milstolpe(
            "Gemensam uppstart",
            dt.date(2021, 6, 17),
            typ="Uppstart",
            start=dt.time(8, 30),
            slut=dt.time(12, 0),
            plats="Kommunhuset, sessionssalen",
            beskrivning=(
                "Styrmodellens intentioner, systemsyn och vikten av ett känt syfte samt "
                "fullmäktiges förväntan på uppdraget. Dialog i utvecklingsgrupperna: var "
                "står vi i dag?"
            ),
        ),
        Milstolpe(
            "Gemensam avstämning",
            dt.date(2021, 10, 7),
            typ="Avstämning",
            start=dt.time(9, 0),
            slut=dt.time(12, 0),
            plats="Kommunhuset, sessionssalen",
            beskrivning=(
                "Gruppdialoger om vad, för vem och varför utifrån utvecklingsgruppernas "
                "underlag samt dialogövningar om samband och synergier, internt och externt."
            ),
        ),
        Milstolpe(
            "Slutlig avstämning",
            dt.date(2021, 12, 9),
            typ="Avstämning",
            start=dt.time(9, 0),
            slut=dt.time(12, 0),
            plats="Kommunhuset, sessionssalen",
            beskrivning="Dialog om och kvittens av nämndernas formulerade verksamhetsidéer.",
        ),
    ),
    namnder=(
        NamndRef("KS", "Kommunstyrelsen", "Kommunledningsförvaltningen", 1),
        NamndRef("SN", "Socialnämnden", "Socialförvaltningen", 2),
        NamndRef("BUN", "Barn- och utbildningsnämnden", "Barn- och utbildningsförvaltningen", 3),
        NamndRef("KTN", "Kultur- och tekniknämnden", "Kultur- och teknikförvaltningen", 4),
        NamndRef("MBN", "Miljö- och byggnadsnämnden", "Miljö- och byggförvaltningen", 5),
    ),
)
