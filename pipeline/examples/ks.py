"""Example nämnd: Kommunstyrelsen, in its own utvecklingsgrupp (fictional people)."""

from __future__ import annotations

import datetime as dt

from pipeline.model import (
    Ansvar,
    Beroende,
    Beslutspunkt,
    Intention,
    Kund,
    Medlem,
    Mote,
    Namnd,
    Reflektion,
    Styrdokument,
    Synergi,
    Utmaning,
    Verksamhetside,
)

from . import forvaltningen
from .moten import pass_moten

_PLATS = "Kommunhuset, sammanträdesrum Bergeforsen"
_SESSIONSSALEN = "Kommunhuset, sessionssalen"
_PASS_TID = (dt.time(13, 0), dt.time(16, 0))

NAMND = Namnd(
    kod="KS",
    namn="Kommunstyrelsen",
    forvaltning="Kommunledningsförvaltningen",
    datum=dt.date(2022, 1, 12),
    diarienummer="KS 2021/312",
    handlaggare="Lena Brandt, utvecklingsstrateg",
    **forvaltningen.KS,  # förvaltningschef, bedömning, konsekvenser
    processtod="Lena Brandt",
    beslutsdatum=dt.date(2022, 2, 8),
    # the decision as the secretary recorded it from the minutes (sheet Nämndens beslut)
    beslutad=dt.date(2022, 2, 8),
    paragraf="§ 23",
    arende="Verksamhetsidé för kommunstyrelsen",
    sammanfattning=(
        "Kommunfullmäktige har gett samtliga nämnder i uppdrag att formulera en "
        "verksamhetsidé som beskriver vad verksamheten gör, för vem och varför. "
        "Kommunstyrelsen har både samordnat uppdraget för hela kommunen och, genom en egen "
        "utvecklingsgrupp, arbetat fram ett förslag till verksamhetsidé för sin egen "
        "verksamhet."
        "\n\n"
        "Förslaget beskriver kommunstyrelsens roll att leda, samordna och ge stöd, så att "
        "kommunens samlade verksamhet skapar värde för invånare och företag. Förvaltningen "
        "bedömer att verksamhetsidén tydliggör kommunstyrelsens uppdrag i styrmodellen och "
        "stärker arbetet för ett Timrå."
    ),
    expedieras="Samtliga nämnder\nKommunledningsgruppen",
    medlemmar=(
        Medlem("Ingrid Halvarsson", "Ordförande", "Socialdemokraterna"),
        Medlem("Per-Erik Sandström", "Vice ordförande", "Centerpartiet"),
        Medlem("Helena Åkerlund", "Opposition", "Moderaterna"),
        Medlem("Tomas Nyborg", "Opposition", "Sverigedemokraterna"),
        Medlem("Maria Lindfors", "Förvaltningens ledningsgrupp", "Kommunchef"),
        Medlem("Erik Stenlund", "Förvaltningens ledningsgrupp", "Ekonomichef"),
        Medlem("Sofia Hedin", "Förvaltningens ledningsgrupp", "HR-chef"),
        Medlem("Niklas Forsgren", "Förvaltningens ledningsgrupp", "Näringslivschef"),
        Medlem("Annika Vallin", "Förvaltningens ledningsgrupp", "Kanslichef"),
        Medlem("Lena Brandt", "Processtöd", "Utvecklingsstrateg"),
    ),
    ansvar=(
        Ansvar(
            "Ledning och samordning",
            "Leda och samordna kommunens verksamheter och ha uppsikt över nämnder och bolag.",
        ),
        Ansvar(
            "Ekonomi och styrning",
            "Samordna budget, uppföljning och kommunens styrmodell samt förvalta kommunens medel.",
        ),
        Ansvar(
            "Arbetsgivarfrågor",
            "Ansvara för kommunens arbetsgivarpolitik, lönebildning och kompetensförsörjning.",
        ),
        Ansvar(
            "Samhällsplanering och näringsliv",
            "Översiktlig planering, mark- och exploateringsfrågor och ett gott klimat för "
            "företagande.",
        ),
        Ansvar(
            "Arbetsmarknad och integration",
            "Arbetsmarknadsinsatser för dem som står långt från arbete och samordning av "
            "mottagandet av nyanlända.",
        ),
        Ansvar(
            "Kommunikation och medborgarservice",
            "Kommunens övergripande kommunikation, kontaktcenter och digitala service till "
            "invånare och företag.",
        ),
        Ansvar(
            "Säkerhet och krisberedskap",
            "Planering för krisberedskap och civilt försvar samt trygghetsskapande arbete.",
        ),
    ),
    styrdokument=(
        Styrdokument(
            "Kommunallagen (2017:725)",
            "Lag",
            "Anger kommunstyrelsens ledande och samordnande roll och dess uppsikt över nämnderna.",
        ),
        Styrdokument(
            "Lag (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära "
            "händelser i fredstid och höjd beredskap",
            "Lag",
            "Reglerar kommunens ansvar för krisberedskap och krisledning.",
        ),
        Styrdokument(
            "Lag (2016:1145) om offentlig upphandling",
            "Lag",
            "Reglerar hur kommunen köper varor, tjänster och byggentreprenader.",
        ),
        Styrdokument(
            "Arbetsmiljölagen (1977:1160)",
            "Lag",
            "Anger arbetsgivarens ansvar för en god arbetsmiljö för kommunens medarbetare.",
        ),
        Styrdokument(
            "Dataskyddsförordningen (EU) 2016/679",
            "Förordning",
            "Reglerar hur kommunen får behandla personuppgifter.",
        ),
        Styrdokument(
            "Reglemente för kommunstyrelsen",
            "Kommunalt styrdokument",
            "Anger kommunstyrelsens uppgifter och ansvar enligt kommunfullmäktiges beslut.",
        ),
        Styrdokument(
            "Styrmodell för Timrå kommun",
            "Kommunalt styrdokument",
            "Beskriver hur kommunen styrs från vision och mål till verksamhetsidé och uppföljning.",
        ),
        Styrdokument(
            "Mål och budget 2021–2023",
            "Politiskt beslut",
            "Anger fullmäktiges mål, uppdrag och ekonomiska ramar för nämnderna.",
        ),
    ),
    intentioner=(
        Intention(
            "Kommunens verksamheter ska samverka över gränserna för invånarnas bästa – ett Timrå.",
            "Mål och budget 2021–2023",
        ),
        Intention(
            "Fler invånare ska försörja sig genom eget arbete.",
            "Tillväxt, sysselsättning och arbete",
        ),
        Intention(
            "Timrå ska växa med fler invånare och ett livskraftigt näringsliv.",
            "Livskvalitet och attraktiva livsmiljöer",
        ),
        Intention(
            "Invånarna ska ha förtroende för kommunen och möjlighet att vara delaktiga i den "
            "demokratiska processen.",
            "Trygghet, delaktighet och livslångt lärande",
        ),
    ),
    kunder=(
        Kund(
            "Invånare",
            "Alla som bor i Timrå och tar del av kommunens service och demokrati.",
            "Enkel kontakt med kommunen, tydlig information och möjlighet att påverka.",
            "Invånarna har förtroende för kommunen och upplever att den är lätt att nå.",
        ),
        Kund(
            "Företagare",
            "Företag som finns i eller vill etablera sig i Timrå.",
            "En väg in till kommunen, tillgång till mark och lokaler och tillgång till rätt "
            "kompetens.",
            "Företagen kan växa och skapa arbetstillfällen i kommunen.",
        ),
        Kund(
            "Nyanlända",
            "Personer som nyligen har fått uppehållstillstånd och bosatt sig i Timrå.",
            "Ett samordnat mottagande, kunskaper i svenska och en väg till arbete.",
            "Den nyanlände blir delaktig i samhället och når egen försörjning.",
        ),
        Kund(
            "Arbetssökande",
            "Invånare som står långt från arbetsmarknaden, till exempel efter lång "
            "arbetslöshet eller sjukdom.",
            "Individuellt anpassat stöd, praktik och utbildning som leder till arbete.",
            "Personen får ett arbete och egen försörjning.",
        ),
        Kund(
            "Kommunens verksamheter",
            "Nämnder och förvaltningar som behöver stöd inom ekonomi, personal, IT och "
            "kommunikation.",
            "Tillgängligt och kunnigt stöd, enkla system och tydliga gemensamma processer.",
            "Verksamheterna kan ägna sig åt sitt kärnuppdrag och samverka som en kommun.",
        ),
        Kund(
            "Medarbetare",
            "Kommunens medarbetare i många olika yrken och verksamheter.",
            "Goda arbetsvillkor, ett gott ledarskap och möjlighet att utvecklas.",
            "Medarbetarna trivs, utvecklas och vill stanna i kommunen.",
        ),
    ),
    utmaningar=(
        Utmaning(
            "Utmaning",
            "Nämnderna har hittills styrts och följts upp var för sig, vilket gör det svårt "
            "att se kommunens samlade värde för invånarna.",
        ),
        Utmaning(
            "Utmaning",
            "Kompetensförsörjningen är en av kommunens största utmaningar under de kommande åren.",
        ),
        Utmaning(
            "Utmaning",
            "Befolkningen blir äldre samtidigt som andelen i arbetsför ålder minskar, vilket "
            "sätter press på ekonomin.",
        ),
        Utmaning(
            "Möjlighet",
            "Det gemensamma arbetet med verksamhetsidéer ger en grund för horisontell styrning "
            "och samverkan över nämndgränserna.",
        ),
        Utmaning(
            "Möjlighet",
            "Timrås läge i en växande region, nära Sundsvall, flygplatsen och hamnen, gör "
            "kommunen attraktiv för etableringar.",
        ),
        Utmaning(
            "Möjlighet",
            "Digitalisering kan göra kommunens service mer tillgänglig och frigöra resurser.",
        ),
    ),
    beroenden=(
        Beroende(
            "Intern",
            "De är beroende av oss",
            "Socialnämnden behöver kommunstyrelsens arbetsmarknadsinsatser för att personer "
            "med ekonomiskt bistånd ska nå egen försörjning.",
            namnd="SN",
        ),
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Vuxenutbildningen och sfi är en förutsättning för arbetsmarknadsinsatserna, och "
            "befolkningsprognoserna styr barn- och utbildningsnämndens planering.",
            namnd="BUN",
        ),
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Detaljplaner och snabba bygglov är avgörande för näringsliv och bostadsbyggande, "
            "och nämnden utgår från kommunstyrelsens översiktsplanering.",
            namnd="MBN",
        ),
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Attraktiva miljöer, kultur och fritid bidrar till att Timrå lockar nya invånare "
            "och företag, och kommunstyrelsen prioriterar investeringarna.",
            namnd="KTN",
        ),
        Beroende(
            "Extern",
            "Vi är beroende av dem",
            "Regionens arbete med regional utveckling och kollektivtrafik påverkar kommunens "
            "möjligheter att växa.",
            intressent="Region Västernorrland",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samverkan kring arbetssökande och nyanlända, där kommunens insatser ska "
            "komplettera Arbetsförmedlingens uppdrag.",
            intressent="Arbetsförmedlingen",
        ),
        Beroende(
            "Extern",
            "Vi är beroende av dem",
            "Länsstyrelsen samordnar krisberedskapen i länet och granskar kommunens översiktsplan.",
            intressent="Länsstyrelsen Västernorrland",
        ),
    ),
    synergier=(
        Synergi(
            "MBN",
            "Etablering av nya företag",
            "En samordnad väg in för företag som vill etablera sig ger snabbare besked och ett "
            "bättre bemötande.",
            "Inrätta ett gemensamt företagslotsteam med miljö- och byggförvaltningen.",
        ),
        Synergi(
            "SN, BUN",
            "Från ekonomiskt bistånd till arbete",
            "Arbetsmarknadsenheten, socialtjänsten och vuxenutbildningen kan tillsammans "
            "erbjuda en sammanhållen väg till arbete eller studier.",
            "Inrätta ett gemensamt team för personer med långvarigt ekonomiskt bistånd.",
        ),
        Synergi(
            "SN, BUN, KTN, MBN",
            "Gemensam uppföljning utifrån verksamhetsidéerna",
            "En gemensam struktur för uppföljning gör det möjligt att se hur nämnderna "
            "tillsammans skapar värde för invånarna.",
            "Föreslå en gemensam modell för uppföljning i mål och budget för 2023.",
        ),
    ),
    verksamhetsideer=(
        Verksamhetside(
            1,
            dt.date(2021, 11, 9),
            "Utkast",
            "Kommunstyrelsen leder och samordnar kommunens verksamheter och ger stöd till "
            "nämnderna.",
        ),
        Verksamhetside(
            2,
            dt.date(2021, 12, 9),
            "Avstämd",
            "Kommunstyrelsen leder, samordnar och stödjer kommunens verksamheter, så att "
            "invånare och företag möter ett Timrå som hänger ihop.",
        ),
        Verksamhetside(
            3,
            dt.date(2022, 1, 11),
            "Förslag till beslut",
            "Kommunstyrelsen leder, samordnar och ger stöd till kommunens verksamheter, så att "
            "invånare och företag möter en sammanhållen kommun som bidrar till tillväxt, "
            "trygghet och en god livsmiljö i Timrå.",
        ),
    ),
    reflektioner=(
        Reflektion(
            "Reflektion",
            "Den dubbla rollen, att samordna uppdraget och samtidigt formulera en egen "
            "verksamhetsidé, har gett värdefull insikt i nämndernas arbete.",
        ),
        Reflektion(
            "Reflektion",
            "Många av kommunstyrelsens kunder är andra verksamheter, och därför är det viktigt "
            "att hålla fast vid det värde som till slut ska nå invånarna.",
        ),
        Reflektion(
            "Nästa steg",
            "Nämndernas verksamhetsidéer sammanställs och redovisas samlat för kommunfullmäktige.",
        ),
        Reflektion(
            "Nästa steg",
            "Styrmodellen kompletteras med en beskrivning av hur verksamhetsidéerna används i "
            "planering och uppföljning.",
        ),
    ),
    beslutspunkter=(
        Beslutspunkt(1, "Kommunstyrelsen antar verksamhetsidé enligt bilaga 1."),
        Beslutspunkt(
            2,
            "Kommunstyrelsen uppdrar åt kommunchefen att sammanställa nämndernas "
            "verksamhetsidéer och redovisa dem för kommunfullmäktige.",
        ),
        Beslutspunkt(3, "Beslutet delges samtliga nämnder."),
    ),
    moten=(
        *pass_moten(_PASS_TID, _PLATS, (dt.date(2021, 8, 31), (1, 2), "vad, för vem och varför")),
        Mote("Nämndsmöte", dt.date(2021, 10, 5), plats=_SESSIONSSALEN,
             beskrivning="Avstämning med kommunstyrelsen"),
        Mote("Avstämning", dt.date(2021, 10, 7), start=dt.time(9, 0), slut=dt.time(12, 0),
             plats=_SESSIONSSALEN, beskrivning="Gemensam avstämning"),
        *pass_moten(_PASS_TID, _PLATS,
                    (dt.date(2021, 11, 9), (3, 4), "formulering av verksamhetsidé")),
        Mote("Nämndsmöte", dt.date(2021, 12, 7), plats=_SESSIONSSALEN,
             beskrivning="Avstämning med kommunstyrelsen inför slutlig avstämning"),
        Mote("Avstämning", dt.date(2021, 12, 9), start=dt.time(9, 0), slut=dt.time(12, 0),
             plats=_SESSIONSSALEN, beskrivning="Slutlig avstämning"),
    ),
)
