"""Example nämnd: Miljö- och byggnadsnämnden (fictional people)."""

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
from .moten import INFOR_SLUTLIG, INSIKTER, REFLEKTION, pass_moten

_PLATS = "Kommunhuset, sammanträdesrum Bergeforsen"

NAMND = Namnd(
    kod="MBN",
    namn="Miljö- och byggnadsnämnden",
    forvaltning="Miljö- och byggförvaltningen",
    datum=dt.date(2022, 1, 17),
    diarienummer="MBN 2021/301",
    handlaggare="Ali Karimi, utredare",
    **forvaltningen.MBN,  # förvaltningschef, bedömning, konsekvenser
    processtod="Tove Ringström",
    beslutsdatum=dt.date(2022, 2, 21),
    # the decision as the secretary recorded it from the minutes (sheet Nämndens beslut)
    beslutad=dt.date(2022, 2, 21),
    paragraf="§ 11",
    arende="Verksamhetsidé för miljö- och byggnadsnämnden",
    sammanfattning=(
        "Kommunfullmäktige har gett samtliga nämnder i uppdrag att formulera en "
        "verksamhetsidé som beskriver vad verksamheten gör, för vem och varför. Miljö- och "
        "byggnadsnämndens utvecklingsgrupp har under hösten 2021 arbetat fram ett förslag i "
        "fem arbetspass och stämt av det vid de gemensamma avstämningarna i oktober och "
        "december."
        "\n\n"
        "Nämndens uppdrag är till stor del myndighetsutövning. Förslaget lyfter fram att "
        "prövning och tillsyn finns till för att skydda människors hälsa och miljön och för "
        "att ge invånare och företag goda förutsättningar att bygga och verka i Timrå."
    ),
    expedieras="Kommunstyrelsen\nMiljö- och byggförvaltningens ledningsgrupp",
    medlemmar=(
        Medlem("Kent Nylander", "Ordförande", "Socialdemokraterna"),
        Medlem("Gunilla Backman", "Vice ordförande", "Centerpartiet"),
        Medlem("Rickard Åslund", "Opposition", "Moderaterna"),
        Medlem("Sanna Vikström", "Opposition", "Sverigedemokraterna"),
        Medlem("Carina Edholm", "Förvaltningens ledningsgrupp", "Förvaltningschef"),
        Medlem("Hanna Sjöberg", "Förvaltningens ledningsgrupp", "Miljöchef"),
        Medlem("Mattias Bergkvist", "Förvaltningens ledningsgrupp", "Bygglovschef"),
        Medlem("Daniel Rönnqvist", "Förvaltningens ledningsgrupp", "Enhetschef plan, kart och mät"),
        Medlem("Tove Ringström", "Processtöd", "Utvecklingsstrateg"),
    ),
    ansvar=(
        Ansvar(
            "Bygglov och byggtillsyn",
            "Prövning av bygglov, rivningslov och marklov samt tillsyn enligt plan- och bygglagen.",
        ),
        Ansvar(
            "Miljö- och hälsoskydd",
            "Tillsyn över miljöfarliga verksamheter, förorenade områden, enskilda avlopp och "
            "hälsoskydd i bostäder och lokaler.",
        ),
        Ansvar(
            "Livsmedelskontroll",
            "Offentlig kontroll av livsmedelsverksamheter, till exempel restauranger, butiker "
            "och storkök.",
        ),
        Ansvar(
            "Alkohol och tobak",
            "Prövning av serveringstillstånd och tillsyn över servering av alkohol och "
            "försäljning av tobak.",
        ),
        Ansvar(
            "Detaljplaner",
            "Framtagande av detaljplaner på uppdrag av kommunstyrelsen.",
        ),
        Ansvar(
            "Kart och mät",
            "Grundkartor, mätning och adressering som underlag för planering och byggande.",
        ),
    ),
    styrdokument=(
        Styrdokument(
            "Plan- och bygglagen (2010:900)",
            "Lag",
            "Reglerar planläggning av mark och vatten och prövningen av bygglov, rivningslov "
            "och marklov.",
        ),
        Styrdokument(
            "Miljöbalken (1998:808)",
            "Lag",
            "Ska främja en hållbar utveckling och ligger till grund för tillsynen över miljö- "
            "och hälsoskydd.",
        ),
        Styrdokument(
            "Förordning (1998:899) om miljöfarlig verksamhet och hälsoskydd",
            "Förordning",
            "Anger vilka verksamheter som ska anmälas och hur tillsynen över hälsoskyddet ska "
            "bedrivas.",
        ),
        Styrdokument(
            "Livsmedelslagen (2006:804)",
            "Lag",
            "Ska säkerställa en hög skyddsnivå för människors hälsa och för konsumenternas "
            "intressen när det gäller livsmedel.",
        ),
        Styrdokument(
            "Alkohollagen (2010:1622)",
            "Lag",
            "Reglerar serveringstillstånd och tillsynen över servering av alkoholdrycker.",
        ),
        Styrdokument(
            "Lag (2018:2088) om tobak och liknande produkter",
            "Lag",
            "Reglerar tillstånd och tillsyn för försäljning av tobak.",
        ),
        Styrdokument(
            "Strålskyddslagen (2018:396)",
            "Lag",
            "Ligger till grund för kommunens tillsyn över solarier och radon på arbetsplatser.",
        ),
        Styrdokument(
            "Översiktsplan för Timrå kommun",
            "Kommunalt styrdokument",
            "Anger den långsiktiga inriktningen för hur mark och vatten ska användas och bebyggas.",
        ),
    ),
    intentioner=(
        Intention(
            "Det ska vara enkelt att starta och driva företag i Timrå.",
            "Tillväxt, sysselsättning och arbete",
        ),
        Intention(
            "Timrå ska ha en god livsmiljö med rent vatten, frisk luft och en giftfri miljö.",
            "Livskvalitet och attraktiva livsmiljöer",
        ),
        Intention(
            "Handläggningen ska vara snabb och rättssäker och präglas av ett gott bemötande.",
            "Mål och budget 2021–2023",
        ),
    ),
    kunder=(
        Kund(
            "Företagare",
            "Företag som behöver tillstånd eller står under tillsyn, till exempel "
            "restauranger, industrier och lantbruk.",
            "Tydliga krav, snabba och förutsägbara besked och råd som gör det lätt att göra rätt.",
            "Företagaren kan utveckla sin verksamhet och vet vad som krävs.",
        ),
        Kund(
            "Byggherrar och fastighetsägare",
            "Privatpersoner och företag som vill bygga nytt, bygga om eller förvalta fastigheter.",
            "Vägledning tidigt i processen och ett beslut inom den tid som lagen anger.",
            "Byggnader blir säkra och hållbara och kan tas i bruk i tid.",
        ),
        Kund(
            "Invånare",
            "Alla som bor i Timrå och påverkas av miljön där de bor, äter och vistas.",
            "Säkra livsmedel, en god inomhusmiljö, rent vatten och att någon agerar vid klagomål.",
            "Invånarna kan lita på att deras hälsa och miljö skyddas.",
        ),
        Kund(
            "Grannar och sakägare",
            "Personer som berörs av en ansökan om bygglov eller av en verksamhet i närheten.",
            "Information, möjlighet att yttra sig och att deras synpunkter prövas.",
            "De berörda har insyn och förtroende för att besluten är rättssäkra.",
        ),
        Kund(
            "Kommunens verksamheter",
            "Kommunens egna verksamheter som bygger, driver storkök eller planerar ny bebyggelse.",
            "Tidig dialog och en samordnad handläggning.",
            "Kommunens egna projekt blir klara i tid och uppfyller gällande krav.",
        ),
        Kund(
            "Kommande generationer",
            "Framtida invånare som ärver den miljö och bebyggelse som skapas i dag.",
            "Att mark, vatten och natur används hållbart.",
            "Timrå är en hållbar och attraktiv kommun även i framtiden.",
        ),
    ),
    utmaningar=(
        Utmaning(
            "Utmaning",
            "Myndighetsrollen kan uppfattas som ett hinder, trots att syftet är att skydda "
            "hälsa och miljö.",
        ),
        Utmaning(
            "Utmaning",
            "Det är svårt att rekrytera och behålla erfarna inspektörer och bygglovshandläggare.",
        ),
        Utmaning(
            "Utmaning",
            "Antalet ärenden varierar mycket över året, vilket periodvis ger långa "
            "handläggningstider.",
        ),
        Utmaning(
            "Möjlighet",
            "E-tjänster för bygglov och anmälningar kan göra det enklare för den sökande och "
            "korta handläggningstiden.",
        ),
        Utmaning(
            "Möjlighet",
            "Tidig dialog med företag och byggherrar, till exempel genom förhandsmöten, kan "
            "förebygga fel och onödiga ärenden.",
        ),
        Utmaning(
            "Möjlighet",
            "Samarbete med grannkommunerna kan ge tillgång till specialistkompetens.",
        ),
    ),
    beroenden=(
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Kommunstyrelsen ansvarar för översiktsplanering, mark och näringslivsfrågor, och "
            "nämnden tar fram detaljplaner på kommunstyrelsens uppdrag.",
            namnd="KS",
        ),
        Beroende(
            "Intern",
            "De är beroende av oss",
            "Kultur- och tekniknämnden behöver bygglov och detaljplaner för att kunna utveckla "
            "lokaler, gator och parker.",
            namnd="KTN",
        ),
        Beroende(
            "Intern",
            "Vi är beroende av dem",
            "Socialnämndens yttranden och kunskap om missbruk behövs vid prövning av "
            "serveringstillstånd.",
            namnd="SN",
        ),
        Beroende(
            "Extern",
            "Vi är beroende av dem",
            "Länsstyrelsen granskar detaljplaner, prövar överklaganden och vägleder i "
            "tillsynen enligt miljöbalken.",
            intressent="Länsstyrelsen Västernorrland",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samråd om vatten, avlopp och dagvatten i detaljplaner och bygglov.",
            intressent="MittSverige Vatten & Avfall",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samverkan vid tillsyn över servering av alkohol och försäljning av tobak.",
            intressent="Polisen",
        ),
    ),
    synergier=(
        Synergi(
            "KS",
            "Etablering av nya företag",
            "En samordnad väg in för företag som vill etablera sig ger snabbare besked och ett "
            "bättre bemötande.",
            "Inrätta ett gemensamt företagslotsteam med näringslivsenheten.",
        ),
        Synergi(
            "KTN",
            "Planering och byggande av allmänna platser och lokaler",
            "Tidig samverkan när gator, parker och kommunala lokaler planeras minskar risken "
            "för omtag.",
            "Införa gemensamma planeringsmöten i tidiga skeden av kommunens byggprojekt.",
        ),
        Synergi(
            "SN",
            "Förebyggande arbete mot alkohol och tobak",
            "Samordnad tillsyn och förebyggande arbete minskar skadorna av alkohol och tobak, "
            "särskilt bland unga.",
            "Ta fram en gemensam plan för tillsyn och förebyggande insatser.",
        ),
    ),
    verksamhetsideer=(
        Verksamhetside(
            1,
            dt.date(2021, 10, 11),
            "Utkast",
            "Miljö- och byggnadsnämnden prövar ärenden och utövar tillsyn enligt miljö-, bygg- "
            "och livsmedelslagstiftningen på ett rättssäkert sätt.",
        ),
        Verksamhetside(
            2,
            dt.date(2021, 12, 9),
            "Avstämd",
            "Miljö- och byggnadsnämnden ger invånare och företag rättssäker prövning, tillsyn "
            "och vägledning, så att människors hälsa och miljön skyddas och Timrå kan växa "
            "hållbart.",
        ),
        Verksamhetside(
            3,
            dt.date(2021, 12, 13),
            "Förslag till beslut",
            "Miljö- och byggnadsnämnden ger invånare, företag och byggherrar tydlig "
            "vägledning och rättssäker prövning och tillsyn, så att Timrå utvecklas hållbart "
            "och människors hälsa och miljön skyddas, i dag och för kommande generationer.",
        ),
    ),
    reflektioner=(
        Reflektion(
            "Reflektion",
            "Att se sökande och berörda som kunder har gett en ny bild av "
            "myndighetsutövningen, där vägledning är lika viktig som beslut.",
        ),
        Reflektion(
            "Reflektion",
            "Avstämningarna visade att nämndens arbete är en förutsättning för många andra "
            "nämnders uppdrag.",
        ),
        Reflektion(
            "Nästa steg",
            "Förvaltningen ser under 2022 över information och e-tjänster utifrån verksamhetsidén.",
        ),
        Reflektion(
            "Nästa steg",
            "Verksamhetsidén presenteras för medarbetarna vid en gemensam arbetsplatsträff i "
            "mars 2022.",
        ),
    ),
    beslutspunkter=(
        Beslutspunkt(1, "Miljö- och byggnadsnämnden antar verksamhetsidé enligt bilaga 1."),
        Beslutspunkt(
            2,
            "Miljö- och byggnadsnämnden uppdrar åt förvaltningen att utgå från "
            "verksamhetsidén i arbetet med att utveckla service och bemötande.",
        ),
        Beslutspunkt(3, "Beslutet delges kommunstyrelsen."),
    ),
    moten=pass_moten(
        (dt.time(8, 30), dt.time(11, 30)), _PLATS,
        (dt.date(2021, 8, 16), 1,
         "vad – omfång, ansvarsområden, styrande lagar och politikens intentioner"),
        (dt.date(2021, 9, 13), 2, "för vem och varför, utmaningar och möjligheter samt beroenden"),
        (dt.date(2021, 10, 11), 3, INSIKTER),
        (dt.date(2021, 11, 15), 4, INFOR_SLUTLIG),
        (dt.date(2021, 12, 13), 5, REFLEKTION),
    ),
)
