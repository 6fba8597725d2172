"""Example nämnd: Kultur- och tekniknämnden (fictional people)."""

from __future__ import annotations

import datetime as dt

from pipeline.model import (
    Ansvar,
    Beroende,
    Beslutspunkt,
    Intention,
    Kund,
    Medlem,
    Namnd,
    Reflektion,
    Styrdokument,
    Synergi,
    Utmaning,
    Verksamhetside,
)

from . import forvaltningen
from .moten import INSIKTER, VAD_FOR_VEM, pass_moten

_PLATS = "Kommunhuset, sammanträdesrum Söråker"

NAMND = Namnd(
    kod="KTN",
    namn="Kultur- och tekniknämnden",
    forvaltning="Kultur- och teknikförvaltningen",
    datum=dt.date(2022, 1, 20),
    diarienummer="KTN 2021/98",
    handlaggare="Oskar Lidén, verksamhetsutvecklare",
    **forvaltningen.KTN,  # förvaltningschef, bedömning, konsekvenser
    processtod="Ida Morin",
    beslutsdatum=dt.date(2022, 3, 2),
    # the decision as the secretary recorded it from the minutes (sheet Nämndens beslut)
    beslutad=dt.date(2022, 3, 2),
    paragraf="§ 18",
    arende="Verksamhetsidé för kultur- och tekniknämnden",
    sammanfattning=(
        "Kommunfullmäktige har gett samtliga nämnder i uppdrag att formulera en "
        "verksamhetsidé som beskriver vad verksamheten gör, för vem och varför. Kultur- och "
        "tekniknämndens utvecklingsgrupp har arbetat fram ett förslag i tre arbetspass under "
        "hösten 2021 och vid de gemensamma avstämningarna, och förslaget har färdigställts i "
        "januari 2022."
        "\n\n"
        "Nämndens verksamheter är många och skiftande, från bibliotek och fritid till gator, "
        "parker och lokaler. Förslaget samlar dem kring ett gemensamt syfte: att skapa goda "
        "livsmiljöer och meningsfulla upplevelser för alla som bor i och besöker Timrå."
    ),
    expedieras="Kommunstyrelsen\nKultur- och teknikförvaltningens ledningsgrupp",
    medlemmar=(
        Medlem("Bengt Rosenlund", "Ordförande", "Socialdemokraterna"),
        Medlem("Elin Hammarström", "Vice ordförande", "Vänsterpartiet"),
        Medlem("Ove Lindkvist", "Opposition", "Sverigedemokraterna"),
        Medlem("Katarina Eklöf", "Opposition", "Kristdemokraterna"),
        Medlem("Patrik Sehlin", "Förvaltningens ledningsgrupp", "Förvaltningschef"),
        Medlem("Marie Öberg", "Förvaltningens ledningsgrupp", "Kultur- och fritidschef"),
        Medlem("Henrik Wallin", "Förvaltningens ledningsgrupp", "Teknisk chef"),
        Medlem("Jessica Strand", "Förvaltningens ledningsgrupp", "Bibliotekschef"),
        Medlem("Ida Morin", "Processtöd", "Utvecklingsstrateg"),
    ),
    ansvar=(
        Ansvar(
            "Bibliotek",
            "Folkbibliotek och stöd till skolbibliotek, med uppdrag att främja läsning, "
            "kunskap och fri åsiktsbildning.",
        ),
        Ansvar(
            "Kultur",
            "Kulturskola, kulturarrangemang och stöd till kulturarv och kulturliv.",
        ),
        Ansvar(
            "Fritid och idrott",
            "Idrottsanläggningar, fritidsgårdar och bidrag till föreningslivet.",
        ),
        Ansvar(
            "Gata och park",
            "Drift och underhåll av kommunala gator, gång- och cykelvägar, parker och "
            "lekplatser, inklusive vinterväghållning.",
        ),
        Ansvar(
            "Fastighet",
            "Förvaltning av kommunens verksamhetslokaler, bland annat förskolor, skolor och "
            "särskilda boenden.",
        ),
        Ansvar(
            "Kost och lokalvård",
            "Måltider i förskola, skola och äldreomsorg samt städning av kommunens lokaler.",
        ),
        Ansvar(
            "Vatten och avfall",
            "Samordning med MittSverige Vatten & Avfall i frågor om vatten, avlopp och avfall.",
        ),
    ),
    styrdokument=(
        Styrdokument(
            "Bibliotekslagen (2013:801)",
            "Lag",
            "Anger folkbibliotekens uppdrag att verka för det demokratiska samhällets "
            "utveckling och att främja läsning.",
        ),
        Styrdokument(
            "Väglagen (1971:948)",
            "Lag",
            "Reglerar byggande och drift av vägar där kommunen är väghållare.",
        ),
        Styrdokument(
            "Trafikförordningen (1998:1276)",
            "Förordning",
            "Ligger till grund för kommunens lokala trafikföreskrifter, till exempel om "
            "hastighet och parkering.",
        ),
        Styrdokument(
            "Lag (2006:412) om allmänna vattentjänster",
            "Lag",
            "Anger kommunens ansvar för att ordna vatten och avlopp där det behövs för "
            "människors hälsa och miljön.",
        ),
        Styrdokument(
            "Nationella kulturpolitiska mål",
            "Nationell styrning",
            "Ger riktning för en kultur som är en dynamisk, utmanande och obunden kraft med "
            "yttrandefriheten som grund.",
        ),
        Styrdokument(
            "Biblioteksplan för Timrå kommun",
            "Kommunalt styrdokument",
            "Beskriver hur biblioteksverksamheten ska utvecklas, enligt bibliotekslagens krav "
            "på en biblioteksplan.",
        ),
        Styrdokument(
            "Riktlinjer för föreningsbidrag",
            "Kommunalt styrdokument",
            "Anger villkoren för kommunens stöd till föreningslivet.",
        ),
    ),
    intentioner=(
        Intention(
            "Timrå ska ha attraktiva och trygga offentliga miljöer som inbjuder till möten och "
            "rörelse.",
            "Livskvalitet och attraktiva livsmiljöer",
        ),
        Intention(
            "Fler barn och unga ska ta del av kultur och fritid, oavsett bakgrund.",
            "Trygghet, delaktighet och livslångt lärande",
        ),
        Intention(
            "Kommunens lokaler och anläggningar ska förvaltas långsiktigt och energieffektivt.",
            "Mål och budget 2021–2023",
        ),
    ),
    kunder=(
        Kund(
            "Invånare",
            "Alla som bor i Timrå och dagligen använder gator, parker, bibliotek och anläggningar.",
            "Trygga, tillgängliga och välskötta miljöer och ett brett utbud av kultur och "
            "fritid nära hemmet.",
            "Invånarna trivs, känner sig trygga och vill bo kvar i Timrå.",
        ),
        Kund(
            "Barn och unga",
            "Barn och unga som söker en meningsfull fritid, kultur och platser att träffas på.",
            "Aktiviteter som är öppna för alla oavsett familjens ekonomi, trygga mötesplatser "
            "och vuxna som lyssnar.",
            "Barn och unga får en meningsfull fritid, utvecklar sina intressen och känner sig "
            "delaktiga.",
        ),
        Kund(
            "Äldre",
            "Äldre invånare som vill vara aktiva men kan ha svårt att ta sig fram eller "
            "riskerar att bli ensamma.",
            "Tillgängliga miljöer, halkfria gångvägar och mötesplatser som bibliotek och "
            "seniorverksamhet.",
            "Den äldre kan röra sig tryggt och delta i samhällslivet längre.",
        ),
        Kund(
            "Föreningar",
            "Idrotts-, kultur- och intresseföreningar som bygger på ideella krafter.",
            "Tillgång till lokaler och anläggningar, enkla bidragsregler och en tydlig "
            "kontaktväg in i kommunen.",
            "Föreningslivet är livskraftigt och kan erbjuda aktiviteter för fler.",
        ),
        Kund(
            "Kommunens verksamheter",
            "Förskolor, skolor, särskilda boenden och andra verksamheter som hyr lokaler och "
            "får måltider och lokalvård av nämnden.",
            "Ändamålsenliga lokaler, näringsriktiga måltider och snabb hjälp när något behöver "
            "åtgärdas.",
            "Verksamheterna kan lägga sin kraft på sitt eget uppdrag.",
        ),
        Kund(
            "Besökare",
            "Besökare som kommer till Timrå för kultur, idrott, evenemang och natur.",
            "Information, tydlig skyltning och attraktiva platser och arrangemang.",
            "Besökare får goda upplevelser och bidrar till att stärka Timrå som plats.",
        ),
    ),
    utmaningar=(
        Utmaning(
            "Utmaning",
            "Många lokaler och anläggningar är gamla och har ett stort eftersatt underhåll.",
        ),
        Utmaning(
            "Utmaning",
            "Nämndens verksamheter är många och skiftande, vilket gör det svårt att se och "
            "beskriva en gemensam helhet.",
        ),
        Utmaning(
            "Utmaning",
            "Kostnaderna för energi, material och entreprenader ökar snabbare än budgeten.",
        ),
        Utmaning(
            "Möjlighet",
            "Biblioteken kan utvecklas till öppna mötesplatser som också bidrar till digital "
            "delaktighet.",
        ),
        Utmaning(
            "Möjlighet",
            "Samordnad planering av lokaler med barn- och utbildningsnämnden och "
            "socialnämnden kan ge bättre lokaler till lägre kostnad.",
        ),
        Utmaning(
            "Möjlighet",
            "Ett starkt föreningsliv och närheten till natur och vatten är en tillgång för "
            "Timrås attraktivitet.",
        ),
    ),
    beroenden=(
        Beroende(
            "Intern",
            "De är beroende av oss",
            "Förskolor och skolor behöver nämndens lokaler, måltider och lokalvård för att "
            "kunna bedriva sin verksamhet.",
            namnd="BUN",
        ),
        Beroende(
            "Intern",
            "De är beroende av oss",
            "Särskilda boenden och andra verksamheter inom socialtjänsten behöver "
            "ändamålsenliga lokaler och måltider.",
            namnd="SN",
        ),
        Beroende(
            "Intern",
            "Vi är beroende av dem",
            "Detaljplaner, bygglov och tillsyn behövs när nämnden bygger om eller bygger nytt.",
            namnd="MBN",
        ),
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Kommunstyrelsens prioriteringar i investeringsbudgeten styr vad som kan byggas "
            "och underhållas, och nämnden bidrar med underlag till planeringen.",
            namnd="KS",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samordning av grävarbeten, dagvatten och avfallshantering i gator och på "
            "allmänna platser.",
            intressent="MittSverige Vatten & Avfall",
        ),
        Beroende(
            "Extern",
            "Vi är beroende av dem",
            "Trafikverket ansvarar för de statliga vägarna genom kommunen, vilket påverkar "
            "trafiksäkerheten och möjligheten att bygga ut gång- och cykelvägar.",
            intressent="Trafikverket",
        ),
    ),
    synergier=(
        Synergi(
            "SN, BUN",
            "Tidiga samordnade insatser för barn och unga",
            "Fritidsgårdar, bibliotek och föreningsliv kan vara en del av det förebyggande "
            "arbetet tillsammans med skola och socialtjänst.",
            "Delta i arbetet med en gemensam modell för tidig samverkan.",
        ),
        Synergi(
            "BUN",
            "Skolbibliotek och läsfrämjande arbete",
            "Ett närmare samarbete mellan folkbibliotek och skolbibliotek ger alla elever "
            "tillgång till litteratur och läsfrämjande aktiviteter.",
            "Ta fram en gemensam plan för läsfrämjande insatser.",
        ),
        Synergi(
            "BUN, SN",
            "Samordnad lokalförsörjning",
            "En gemensam plan för lokalförsörjning gör det lättare att använda lokalerna "
            "effektivt och att planera i god tid.",
            "Föreslå kommunstyrelsen en gemensam process för lokalförsörjning.",
        ),
    ),
    verksamhetsideer=(
        Verksamhetside(
            1,
            dt.date(2021, 10, 13),
            "Utkast",
            "Kultur- och tekniknämnden ansvarar för kultur, fritid, gator, parker och lokaler "
            "i Timrå kommun.",
        ),
        Verksamhetside(
            2,
            dt.date(2021, 12, 9),
            "Avstämd",
            "Kultur- och tekniknämnden skapar trygga och attraktiva miljöer och meningsfulla "
            "upplevelser för invånare, besökare och kommunens verksamheter, så att Timrå är "
            "en bra plats att leva i.",
        ),
        Verksamhetside(
            3,
            dt.date(2022, 1, 12),
            "Förslag till beslut",
            "Kultur- och tekniknämnden skapar trygga och tillgängliga miljöer och en "
            "meningsfull kultur och fritid för alla som bor i, verkar i och besöker Timrå, så "
            "att vardagen fungerar och livet i kommunen blir rikare.",
        ),
    ),
    reflektioner=(
        Reflektion(
            "Reflektion",
            "Det första utkastet beskrev mest vad nämnden ansvarar för. Först i dialogen om "
            "kunder och värde blev det tydligt varför verksamheterna finns.",
        ),
        Reflektion(
            "Reflektion",
            "Det har varit en styrka att kultur och teknik har arbetat tillsammans, eftersom "
            "båda bidrar till samma livsmiljöer.",
        ),
        Reflektion(
            "Nästa steg",
            "Förvaltningen slutför summeringen och underlaget för beslut i januari 2022 och "
            "stämmer av dem med utvecklingsgruppen.",
        ),
        Reflektion(
            "Nästa steg",
            "Varje verksamhetsområde beskriver under 2022 hur det bidrar till verksamhetsidén.",
        ),
        Reflektion(
            "Nästa steg",
            "Samarbetet med barn- och utbildningsnämnden och socialnämnden om lokaler och "
            "måltider utvecklas vidare.",
        ),
    ),
    beslutspunkter=(
        Beslutspunkt(1, "Kultur- och tekniknämnden antar verksamhetsidé enligt bilaga 1."),
        Beslutspunkt(
            2,
            "Kultur- och tekniknämnden uppdrar åt förvaltningen att redovisa hur "
            "verksamhetsidén ska följas upp i verksamhetsplanen för 2023.",
        ),
        Beslutspunkt(3, "Beslutet delges kommunstyrelsen."),
    ),
    moten=pass_moten(
        (dt.time(13, 0), dt.time(16, 30)), _PLATS,
        (dt.date(2021, 8, 25), (1, 2), VAD_FOR_VEM),
        (dt.date(2021, 10, 13), 3, INSIKTER),
        (dt.date(2021, 12, 1), 4, "färdigställande av verksamhetsidé inför slutlig avstämning"),
    ),
)
