"""Example kommun: Timrå kommun, the shared assignment, milestones, nämnd register, the
avstämningar's discussion questions and Kommunstyrelsen's avrapportering after the decisions."""

from __future__ import annotations

import datetime as dt

from pipeline.model import Beslutspunkt, Dialogfraga, Kommun, Milstolpe, NamndRef, Programpunkt

UPPSTART = dt.date(2021, 6, 17)
OKTOBER, DECEMBER = dt.date(2021, 10, 7), dt.date(2021, 12, 9)

KOMMUN = Kommun(
    namn="Timrå kommun",
    vision="Timrå – en stark kommun i en växande region",
    samordning=(
        "Uppdraget samordnas av kommunstyrelsen genom kommunledningsförvaltningen, och "
        "kommunledningsgruppen säkrar att arbetet synkroniseras mellan nämnder och "
        "förvaltningar."
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
    styrmodell=(
        "Timrå kommuns styrmodell utgår från visionen Timrå – en stark kommun i en växande "
        "region och från de tre målområdena Trygghet, delaktighet och livslångt lärande; "
        "Tillväxt, sysselsättning och arbete; samt Livskvalitet och attraktiva livsmiljöer. "
        "Visionen anger vart kommunen är på väg, och målområdena anger vad som ska prioriteras."
        "\n\n"
        "Nämndernas verksamhetsidéer beskriver varför verksamheterna finns: vad de gör, för vem "
        "och vilket värde de ska skapa. De är syften, inte visioner, och tillsammans bildar de "
        "den kommunövergripande verksamhetsidén – ett Timrå, där nämnderna skapar värde för "
        "samma invånare. I styrmodellen är verksamhetsidén utgångspunkten för nämndens "
        "planering, prioritering och uppföljning, och den horisontella styrningen bygger på de "
        "samband och synergier som nämnderna har hittat tillsammans."
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
            OKTOBER,
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
            DECEMBER,
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
    dialogfragor=(
        Dialogfraga(
            UPPSTART,
            "Var står vi idag?",
            "Samtal per utvecklingsgrupp: vad vet vi redan om vad nämnden gör, för vem och "
            "varför, och vad behöver vi ta reda på under passen?",
        ),
        Dialogfraga(
            OKTOBER,
            "Vad gör vi, för vem och varför?",
            "Utgå från utvecklingsgruppernas underlag. Vad känner ni igen i varandras "
            "ansvarsområden, kunder och behov? Vilket värde ska levereras, och vad förvånar er?",
        ),
        Dialogfraga(
            OKTOBER,
            "Var finns samband och synergier, internt och externt?",
            "Vilka kunder delar vi? Vilka processer går över nämndgränserna? Vem är beroende av "
            "vem, och vad kan vi göra tillsammans som ingen av oss kan göra ensam?",
        ),
        Dialogfraga(
            OKTOBER,
            "Vilken form ska nämndernas verksamhetsidéer ha?",
            "Vad ska en verksamhetsidé innehålla, hur lång är den och hur förhåller den sig till "
            "visionen? Vilken gemensam kravbild behöver vi för att säkra en kommun, tillsammans?",
        ),
        Dialogfraga(
            DECEMBER,
            "Känner vi igen nämndernas verksamhetsidéer?",
            "Svarar varje formulering på vad, för vem och varför? Känner vi igen de "
            "verksamheter och kunder som vi har mött under hösten?",
        ),
        Dialogfraga(
            DECEMBER,
            "Hänger verksamhetsidéerna ihop till ett Timrå?",
            "Syns sambanden och synergierna från avstämningen i oktober? Bidrar "
            "verksamhetsidéerna tillsammans till visionen?",
        ),
        Dialogfraga(
            DECEMBER,
            "Vad behöver justeras innan beslut?",
            "Vad tar varje utvecklingsgrupp med sig till pass 5? Kan vi ge kvittens på "
            "formuleringarna, så att de kan gå till beslut i nämnderna under första kvartalet "
            "2022?",
        ),
    ),
    # the programmes as the planning document gives them: no times per item, so the decks'
    # agenda is "Innehåll"
    program=(
        Programpunkt(UPPSTART, "Styrmodellens intentioner"),
        Programpunkt(UPPSTART, "Föreläsning: Systemsyn och vikten av ett känt syfte",
                     "Lennart Wittberg"),
        Programpunkt(UPPSTART, "Vad är en verksamhetsidé? Fullmäktiges förväntan – uppdraget"),
        Programpunkt(UPPSTART, "Gemensamt arbetssätt: vad, för vem och varför?"),
        Programpunkt(UPPSTART, "Dialog: Var står vi idag? Samtal per utvecklingsgrupp"),
        Programpunkt(OKTOBER, "Gruppdialoger: vad, för vem och varför, utifrån "
                     "utvecklingsgruppernas underlag"),
        Programpunkt(OKTOBER, "Dialogövningar: samband och synergier, internt och externt"),
        Programpunkt(OKTOBER, "Kunskapspåfyllnad och reflektioner", "Lennart Wittberg"),
        Programpunkt(OKTOBER, "Gemensamt arbetssätt för fortsatt arbete"),
    ),
    # Kommunstyrelsen's avrapportering, after the nämnders' decisions in the first quarter of 2022
    diarienummer="KS 2022/87",
    datum=dt.date(2022, 4, 12),
    handlaggare="Lena Brandt, utvecklingsstrateg",
    forvaltningschef="Maria Lindfors, kommunchef",
    sammanfattning=(
        "Kommunfullmäktige gav 2021 samtliga nämnder i uppdrag att formulera en verksamhetsidé "
        "i linje med kommunens styrmodell, och kommunstyrelsen har samordnat uppdraget. Varje "
        "nämnd har arbetat fram sitt förslag i en utvecklingsgrupp, stämt av det med de andra "
        "nämnderna vid de gemensamma avstämningarna 7 oktober och 9 december 2021 och beslutat "
        "om sin verksamhetsidé under första kvartalet 2022."
        "\n\n"
        "Avrapporteringen redovisar nämndernas verksamhetsidéer, hur de förhåller sig till "
        "visionen och styrmodellen, vad nämnderna har gemensamt och nämndernas idéer om nästa "
        "steg."
    ),
    bedomning=(
        "Kommunledningsförvaltningen bedömer att uppdraget är genomfört. Samtliga nämnder har "
        "formulerat en verksamhetsidé som svarar på vad verksamheten gör, för vem och varför, "
        "och formuleringarna har stämts av mot varandra så att de tillsammans bildar en helhet "
        "– ett Timrå."
        "\n\n"
        "Arbetet har också gett insikter som går utöver formuleringarna. Nämnderna delar många "
        "kunder, till exempel barn och unga, och de har pekat ut flera gränsöverskridande "
        "processer: tidiga samordnade insatser för barn och unga, vägen från ekonomiskt bistånd "
        "till arbete, etablering av nya företag och en samordnad lokalförsörjning. Förvaltningen "
        "bedömer att de processerna är den viktigaste grunden för den horisontella styrning som "
        "styrmodellen syftar till."
        "\n\n"
        "Förvaltningen föreslår att verksamhetsidéerna blir utgångspunkten för nämndernas "
        "planering i mål och budget för 2023 och att en gemensam modell för uppföljning tas "
        "fram, så att det går att följa vilket värde nämnderna tillsammans skapar för "
        "invånarna."
    ),
    expedieras="Kommunfullmäktige\nSamtliga nämnder\nKommunledningsgruppen",
    beslutspunkter=(
        Beslutspunkt(1, "Kommunstyrelsen tar emot avrapporteringen av uppdraget verksamhetsidé "
                        "och lägger den till handlingarna."),
        Beslutspunkt(2, "Kommunstyrelsen uppdrar åt kommunchefen att ta fram ett förslag på hur "
                        "verksamhetsidéerna ska användas i planering och uppföljning från och "
                        "med mål och budget för 2023."),
        Beslutspunkt(3, "Kommunstyrelsen överlämnar avrapporteringen till kommunfullmäktige för "
                        "kännedom."),
    ),
    # the intranet text at the avstämning in October, written by the kommun's communicator
    intranat_rubrik="Varför finns vi? Nämnderna mitt i arbetet med sina verksamhetsidéer",
    intranat_ingress=(
        "I höst svarar alla nämnder i Timrå kommun på samma frågor: vad gör vi, för vem och "
        "varför? Den 7 oktober träffas nämndernas utvecklingsgrupper för att stämma av hur "
        "långt de har kommit och vad de har gemensamt."
    ),
    intranat_citat=(
        "Vi gör det här för invånarna. När varje nämnd vet varför den finns blir det lättare "
        "att se var vi behöver varandra, och då kan vi göra mer tillsammans."
    ),
    intranat_citat_av="Maria Lindfors, kommunchef",
)
