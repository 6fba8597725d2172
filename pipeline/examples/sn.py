"""Example nämnd: Socialnämnden (fictional people)."""

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
from .moten import INFOR_SLUTLIG, INSIKTER, REFLEKTION, VAD_FOR_VEM, pass_moten

_PLATS = "Kommunhuset, sammanträdesrum Sörberge"

NAMND = Namnd(
    kod="SN",
    namn="Socialnämnden",
    forvaltning="Socialförvaltningen",
    datum=dt.date(2022, 1, 18),
    diarienummer="SN 2021/214",
    handlaggare="Sara Holmqvist, kvalitetsutvecklare",
    **forvaltningen.SN,  # förvaltningschef, bedömning, konsekvenser
    processtod="Mikael Dahlin",
    beslutsdatum=dt.date(2022, 2, 22),
    # the decision as the secretary recorded it from the minutes (sheet Nämndens beslut)
    beslutad=dt.date(2022, 2, 22),
    paragraf="§ 14",
    arende="Verksamhetsidé för socialnämnden",
    sammanfattning=(
        "Kommunfullmäktige har gett samtliga nämnder i uppdrag att formulera en "
        "verksamhetsidé som beskriver vad verksamheten gör, för vem och varför. "
        "Socialnämndens utvecklingsgrupp har under hösten 2021 arbetat fram ett förslag i "
        "fyra arbetspass och stämt av det med övriga nämnder vid de gemensamma "
        "avstämningarna i oktober och december."
        "\n\n"
        "Förslaget utgår från de människor som socialtjänsten finns till för och deras behov "
        "av stöd för att kunna leva ett tryggt och självständigt liv. Förvaltningen bedömer "
        "att verksamhetsidén ger en tydlig grund för fortsatt styrning, prioritering och "
        "uppföljning."
    ),
    expedieras="Kommunstyrelsen\nSocialförvaltningens ledningsgrupp",
    medlemmar=(
        Medlem("Monica Strömgren", "Ordförande", "Socialdemokraterna"),
        Medlem("Kjell Åström", "Vice ordförande", "Vänsterpartiet"),
        Medlem("Birgitta Fjällström", "Opposition", "Moderaterna"),
        Medlem("Roger Hägglund", "Opposition", "Sverigedemokraterna"),
        Medlem("Eva Marklund", "Förvaltningens ledningsgrupp", "Socialchef"),
        Medlem("Jonas Byström", "Förvaltningens ledningsgrupp",
               "Verksamhetschef individ- och familjeomsorg"),
        Medlem("Camilla Norberg", "Förvaltningens ledningsgrupp", "Verksamhetschef äldreomsorg"),
        Medlem("Leila Nasser", "Förvaltningens ledningsgrupp", "Verksamhetschef funktionsstöd"),
        Medlem("Ulrika Granlund", "Förvaltningens ledningsgrupp",
               "Medicinskt ansvarig sjuksköterska"),
        Medlem("Mikael Dahlin", "Processtöd", "Utvecklingsledare"),
    ),
    ansvar=(
        Ansvar(
            "Individ- och familjeomsorg",
            "Stöd och skydd till barn, unga och vuxna, ekonomiskt bistånd samt insatser vid "
            "missbruk och beroende.",
        ),
        Ansvar(
            "Äldreomsorg",
            "Hemtjänst, särskilt boende, dagverksamhet och stöd till anhöriga för äldre som "
            "behöver hjälp i vardagen.",
        ),
        Ansvar(
            "Funktionsstöd",
            "Insatser enligt LSS och socialtjänstlagen, bland annat bostad med särskild "
            "service, daglig verksamhet och personlig assistans.",
        ),
        Ansvar(
            "Kommunal hälso- och sjukvård",
            "Hälso- och sjukvård och rehabilitering i hemmet och i särskilt boende, upp till "
            "och med sjuksköterskenivå.",
        ),
        Ansvar(
            "Myndighetsutövning",
            "Utredning och beslut om insatser enligt socialtjänstlagen, LSS, LVU och LVM med "
            "rättssäkerhet och likabehandling.",
        ),
    ),
    styrdokument=(
        Styrdokument(
            "Socialtjänstlagen (2001:453)",
            "Lag",
            "Anger socialtjänstens mål och kommunens yttersta ansvar för att invånarna får "
            "det stöd och den hjälp de behöver.",
        ),
        Styrdokument(
            "Lag (1993:387) om stöd och service till vissa funktionshindrade (LSS)",
            "Lag",
            "Ger personer med omfattande funktionsnedsättning rätt till insatser så att de "
            "kan leva som andra.",
        ),
        Styrdokument(
            "Hälso- och sjukvårdslagen (2017:30)",
            "Lag",
            "Reglerar kommunens ansvar för hälso- och sjukvård i ordinärt och särskilt boende.",
        ),
        Styrdokument(
            "Lag (1990:52) med särskilda bestämmelser om vård av unga (LVU)",
            "Lag",
            "Ger möjlighet till vård utan samtycke när ett barn eller en ung person riskerar "
            "att skadas allvarligt.",
        ),
        Styrdokument(
            "Lag (1988:870) om vård av missbrukare i vissa fall (LVM)",
            "Lag",
            "Ger möjlighet till vård utan samtycke för vuxna med ett allvarligt missbruk.",
        ),
        Styrdokument(
            "Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård",
            "Lag",
            "Reglerar samverkan med regionen när en patient skrivs ut från sjukhus och behöver "
            "insatser från kommunen.",
        ),
        Styrdokument(
            "Ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9)",
            "Föreskrift",
            "Anger hur nämnden ska planera, leda, följa upp och utveckla verksamhetens kvalitet.",
        ),
        Styrdokument(
            "Reglemente för socialnämnden",
            "Kommunalt styrdokument",
            "Anger socialnämndens uppgifter och ansvar enligt kommunfullmäktiges beslut.",
        ),
    ),
    intentioner=(
        Intention(
            "Fler invånare ska kunna leva ett självständigt liv och bo kvar hemma så länge de "
            "önskar.",
            "Livskvalitet och attraktiva livsmiljöer",
        ),
        Intention(
            "Barn och unga som riskerar att fara illa ska få stöd tidigt och samordnat.",
            "Trygghet, delaktighet och livslångt lärande",
        ),
        Intention(
            "Fler personer med ekonomiskt bistånd ska gå vidare till arbete eller studier.",
            "Tillväxt, sysselsättning och arbete",
        ),
        Intention(
            "Verksamheten ska bedrivas inom given budgetram med större tyngd på förebyggande "
            "insatser.",
            "Mål och budget 2021–2023",
        ),
    ),
    kunder=(
        Kund(
            "Barn och unga",
            "Barn och unga som lever i utsatta miljöer, till exempel med missbruk, våld eller "
            "psykisk ohälsa i familjen.",
            "Skydd, trygga vuxna och stöd som sätts in tidigt och hänger ihop med skola och "
            "hälso- och sjukvård.",
            "Barnet är tryggt och får goda förutsättningar att växa upp och klara skolan.",
        ),
        Kund(
            "Äldre",
            "Äldre som på grund av ålder eller sjukdom behöver hjälp för att klara vardagen, "
            "i hemmet eller i särskilt boende.",
            "Trygg omsorg av personal de känner, inflytande över hur och när hjälpen ges och "
            "att inte vara ensamma.",
            "Den äldre kan leva ett värdigt liv med välbefinnande och så stor självständighet "
            "som möjligt.",
        ),
        Kund(
            "Personer med funktionsnedsättning",
            "Barn och vuxna med varaktiga funktionsnedsättningar som behöver stöd i boende, "
            "sysselsättning och fritid.",
            "Stöd som utgår från den enskildes egna mål, kontinuitet och möjlighet att delta "
            "i samhällslivet.",
            "Personen kan leva som andra och ha ett så självständigt liv som möjligt.",
        ),
        Kund(
            "Vuxna med missbruk eller psykisk ohälsa",
            "Vuxna med missbruk, beroende eller psykisk ohälsa, ofta i kombination med "
            "svårigheter med boende och försörjning.",
            "Samordnat stöd från socialtjänst och region, en trygg bostad och en väg in i "
            "sysselsättning.",
            "Personen återhämtar sig och får kontroll över sin egen situation.",
        ),
        Kund(
            "Personer som behöver ekonomiskt bistånd",
            "Hushåll som tillfälligt inte kan försörja sig själva genom arbete eller andra "
            "ersättningar.",
            "Ekonomisk trygghet under en övergångsperiod och stöd att komma vidare till arbete "
            "eller studier.",
            "Personen blir självförsörjande och får större makt över sitt eget liv.",
        ),
        Kund(
            "Nyanlända",
            "Nyanlända familjer och ensamkommande unga som är nya i kommunen och i det "
            "svenska samhällets system.",
            "Information på ett språk de förstår, en bostad, försörjning under etableringen "
            "och kontakt med skola och arbetsmarknad.",
            "Den nyanlände kommer snabbt in i samhället och kan på sikt försörja sig och sin "
            "familj.",
        ),
        Kund(
            "Anhöriga",
            "Anhöriga som vårdar eller stödjer en närstående som är långvarigt sjuk, äldre "
            "eller har en funktionsnedsättning.",
            "Avlastning, information och någon att prata med.",
            "Anhöriga orkar och kan kombinera omsorgen med arbete och egen hälsa.",
        ),
    ),
    utmaningar=(
        Utmaning(
            "Utmaning",
            "Andelen äldre ökar snabbt samtidigt som det blir svårare att rekrytera "
            "undersköterskor och sjuksköterskor.",
        ),
        Utmaning(
            "Utmaning",
            "Stödet är uppdelat mellan många verksamheter och huvudmän, så att den enskilde "
            "ofta måste berätta sin historia flera gånger.",
        ),
        Utmaning(
            "Utmaning",
            "Antalet orosanmälningar för barn och unga ökar, och behovet av placeringar "
            "utanför hemmet är högt.",
        ),
        Utmaning(
            "Utmaning",
            "Verksamheten följs i dag främst upp med volymer och kostnader, mindre med vilken "
            "skillnad insatserna gör för den enskilde.",
        ),
        Utmaning(
            "Möjlighet",
            "Välfärdsteknik, till exempel digital tillsyn och läkemedelsautomater, kan öka "
            "tryggheten och frigöra tid för mötet med brukaren.",
        ),
        Utmaning(
            "Möjlighet",
            "Omställningen till nära vård ger tillfälle att tillsammans med Region "
            "Västernorrland bygga sammanhållna insatser kring den enskilde.",
        ),
        Utmaning(
            "Möjlighet",
            "Ett gemensamt syfte gör det lättare att prioritera förebyggande insatser framför "
            "kostsamma insatser i ett sent skede.",
        ),
    ),
    beroenden=(
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Tidig upptäckt och samordnat stöd till barn och unga kräver nära samarbete mellan "
            "elevhälsan och socialtjänsten.",
            namnd="BUN",
        ),
        Beroende(
            "Intern",
            "Vi är beroende av dem",
            "Kommunstyrelsens arbetsmarknadsinsatser är avgörande för att personer med "
            "ekonomiskt bistånd ska komma i arbete.",
            namnd="KS",
        ),
        Beroende(
            "Intern",
            "Vi är beroende av dem",
            "Särskilda boenden behöver ändamålsenliga lokaler och måltider, och mötesplatser "
            "och fritidsaktiviteter bidrar till det förebyggande arbetet.",
            namnd="KTN",
        ),
        Beroende(
            "Intern",
            "De är beroende av oss",
            "Socialnämnden lämnar yttranden i ärenden om serveringstillstånd och bidrar med "
            "kunskap om missbruk i tillsynen enligt alkohollagen.",
            namnd="MBN",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samverkan om hälso- och sjukvård, psykiatri och utskrivning från sjukhus.",
            intressent="Region Västernorrland",
        ),
        Beroende(
            "Extern",
            "Vi är beroende av dem",
            "Beslut om sjukpenning, assistansersättning och andra ersättningar påverkar "
            "behovet av ekonomiskt bistånd och kommunala insatser.",
            intressent="Försäkringskassan",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samverkan kring barn och unga i riskmiljöer, våld i nära relationer och "
            "brottsförebyggande arbete.",
            intressent="Polisen",
        ),
    ),
    synergier=(
        Synergi(
            "BUN, KTN",
            "Tidiga samordnade insatser för barn och unga",
            "En gemensam bild av barn i riskzonen och en samordnad väg in för familjer minskar "
            "risken att barn faller mellan stolarna.",
            "Ta fram en gemensam modell för tidig samverkan under 2022.",
        ),
        Synergi(
            "KS",
            "Från ekonomiskt bistånd till arbete",
            "Gemensam planering med arbetsmarknadsenheten ger en snabbare väg till arbete "
            "eller studier.",
            "Inrätta ett gemensamt team för personer med långvarigt ekonomiskt bistånd.",
        ),
        Synergi(
            "Region Västernorrland",
            "Sammanhållen vård och omsorg för äldre",
            "Gemensam planering inför utskrivning och i den nära vården minskar "
            "återinläggningar och ger trygghet för den äldre.",
            "Följa upp samverkansrutinen för utskrivning tillsammans med regionen.",
        ),
    ),
    verksamhetsideer=(
        Verksamhetside(
            1,
            dt.date(2021, 10, 12),
            "Utkast",
            "Socialnämnden ger stöd, vård och omsorg till invånare som behöver det, så att de "
            "kan leva ett tryggt och självständigt liv.",
        ),
        Verksamhetside(
            2,
            dt.date(2021, 12, 9),
            "Avstämd",
            "Socialnämnden ger stöd, skydd, vård och omsorg till barn, vuxna och äldre som "
            "behöver samhällets hjälp, så att de kan leva ett tryggt, värdigt och "
            "självständigt liv.",
        ),
        Verksamhetside(
            3,
            dt.date(2021, 12, 14),
            "Förslag till beslut",
            "Socialnämnden ger stöd, skydd, vård och omsorg till barn, vuxna och äldre i en "
            "utsatt situation, så att de kan leva ett tryggt, värdigt och så självständigt liv "
            "som möjligt.",
        ),
    ),
    reflektioner=(
        Reflektion(
            "Reflektion",
            "Att utgå från den enskildes situation och behov, i stället för från våra egna "
            "verksamhetsgränser, gav nya insikter om hur stödet upplevs.",
        ),
        Reflektion(
            "Reflektion",
            "Dialogen mellan förtroendevalda och tjänstepersoner i samma grupp har gett en "
            "gemensam bild av uppdraget och dess utmaningar.",
        ),
        Reflektion(
            "Reflektion",
            "Avstämningarna visade att många av socialnämndens kunder också är kunder hos "
            "andra nämnder.",
        ),
        Reflektion(
            "Nästa steg",
            "Varje verksamhetsområde beskriver under 2022 hur det bidrar till verksamhetsidén.",
        ),
        Reflektion(
            "Nästa steg",
            "Uppföljningen utvecklas så att den visar vilken skillnad insatserna gör för den "
            "enskilde, inte bara volymer och kostnader.",
        ),
    ),
    beslutspunkter=(
        Beslutspunkt(1, "Socialnämnden antar verksamhetsidé enligt bilaga 1."),
        Beslutspunkt(
            2,
            "Socialnämnden uppdrar åt förvaltningen att utgå från verksamhetsidén i "
            "verksamhetsplanen för 2023.",
        ),
        Beslutspunkt(3, "Beslutet delges kommunstyrelsen."),
    ),
    moten=pass_moten(
        (dt.time(13, 0), dt.time(16, 0)), _PLATS,
        (dt.date(2021, 9, 14), (1, 2), VAD_FOR_VEM),
        (dt.date(2021, 10, 12), 3, INSIKTER),
        (dt.date(2021, 11, 16), 4, INFOR_SLUTLIG),
        (dt.date(2021, 12, 14), 5, REFLEKTION),
    ),
)
