"""Example nämnd: Barn- och utbildningsnämnden (fictional people)."""

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

_PLATS = "Kommunhuset, sammanträdesrum Fagervik"

NAMND = Namnd(
    kod="BUN",
    namn="Barn- och utbildningsnämnden",
    forvaltning="Barn- och utbildningsförvaltningen",
    datum=dt.date(2022, 1, 19),
    diarienummer="BUN 2021/156",
    handlaggare="Johanna Sved, utvecklingsledare",
    **forvaltningen.BUN,  # förvaltningschef, bedömning, konsekvenser
    processtod="Therese Lundmark",
    beslutsdatum=dt.date(2022, 2, 23),
    # the decision as the secretary recorded it from the minutes (sheet Nämndens beslut)
    beslutad=dt.date(2022, 2, 23),
    paragraf="§ 9",
    arende="Verksamhetsidé för barn- och utbildningsnämnden",
    sammanfattning=(
        "Kommunfullmäktige har gett samtliga nämnder i uppdrag att formulera en "
        "verksamhetsidé som beskriver vad verksamheten gör, för vem och varför. Barn- och "
        "utbildningsnämnden hade sedan tidigare påbörjat ett arbete med verksamhetens syfte, "
        "och utvecklingsgruppen har under hösten 2021 byggt vidare på det i fyra arbetspass "
        "och vid de gemensamma avstämningarna."
        "\n\n"
        "Förslaget sätter barnens, elevernas och de vuxna studerandes lärande och utveckling "
        "i centrum, från förskola till vuxenutbildning. Förvaltningen bedömer att "
        "verksamhetsidén ger en gemensam riktning för alla skolformer och stärker samverkan "
        "med andra nämnder kring barn och unga."
    ),
    expedieras=(
        "Kommunstyrelsen\nBarn- och utbildningsförvaltningens ledningsgrupp\n"
        "Rektorer i förskola och skola"
    ),
    medlemmar=(
        Medlem("Anneli Sundqvist", "Ordförande", "Socialdemokraterna"),
        Medlem("Göran Ekman", "Vice ordförande", "Centerpartiet"),
        Medlem("Malin Rehnberg", "Opposition", "Liberalerna"),
        Medlem("Fredrik Ståhl", "Opposition", "Moderaterna"),
        Medlem("Christina Berglöf", "Förvaltningens ledningsgrupp", "Förvaltningschef"),
        Medlem("Martin Höglund", "Förvaltningens ledningsgrupp", "Verksamhetschef förskola"),
        Medlem("Linda Nygren", "Förvaltningens ledningsgrupp", "Verksamhetschef grundskola"),
        Medlem(
            "Stefan Wiklander",
            "Förvaltningens ledningsgrupp",
            "Verksamhetschef gymnasium och vuxenutbildning",
        ),
        Medlem("Emma Torsell", "Förvaltningens ledningsgrupp", "Verksamhetschef elevhälsa"),
        Medlem("Therese Lundmark", "Processtöd", "Kvalitetsstrateg"),
    ),
    ansvar=(
        Ansvar(
            "Förskola och pedagogisk omsorg",
            "Förskola för barn från ett års ålder och pedagogisk omsorg, med uppdrag att "
            "stimulera barns utveckling och lärande.",
        ),
        Ansvar(
            "Förskoleklass och grundskola",
            "Utbildning i förskoleklass, grundskolans årskurs 1–9 och grundsärskola.",
        ),
        Ansvar(
            "Fritidshem",
            "Fritidshem som kompletterar skolan och ger eleverna en meningsfull fritid.",
        ),
        Ansvar(
            "Gymnasieskola",
            "Gymnasieskola och gymnasiesärskola, inklusive introduktionsprogram, samt det "
            "kommunala aktivitetsansvaret för unga under 20 år.",
        ),
        Ansvar(
            "Vuxenutbildning",
            "Kommunal vuxenutbildning, inklusive svenska för invandrare (sfi), för vuxna som "
            "vill komplettera sin utbildning eller byta yrke.",
        ),
        Ansvar(
            "Elevhälsa",
            "Medicinska, psykologiska, psykosociala och specialpedagogiska insatser som "
            "stödjer elevernas utveckling mot utbildningens mål.",
        ),
    ),
    styrdokument=(
        Styrdokument(
            "Skollagen (2010:800)",
            "Lag",
            "Reglerar rätten till utbildning, huvudmannens ansvar och kraven på kvalitet i "
            "samtliga skolformer.",
        ),
        Styrdokument(
            "Läroplan för förskolan (Lpfö 18)",
            "Föreskrift",
            "Anger förskolans värdegrund, uppdrag, mål och riktlinjer.",
        ),
        Styrdokument(
            "Läroplan för grundskolan, förskoleklassen och fritidshemmet (Lgr 22)",
            "Föreskrift",
            "Anger värdegrund, uppdrag och kursplaner för förskoleklass, grundskola och "
            "fritidshem från och med hösten 2022.",
        ),
        Styrdokument(
            "Läroplan för gymnasieskolan (Gy 11)",
            "Föreskrift",
            "Anger gymnasieskolans värdegrund, mål och examensmål för de olika programmen.",
        ),
        Styrdokument(
            "Förordning (2011:1108) om vuxenutbildning",
            "Förordning",
            "Reglerar den kommunala vuxenutbildningen, inklusive sfi.",
        ),
        Styrdokument(
            "Lag (2018:1197) om Förenta nationernas konvention om barnets rättigheter",
            "Lag",
            "Ger barnets bästa och barnets rätt att komma till tals ställning som svensk lag.",
        ),
        Styrdokument(
            "Diskrimineringslagen (2008:567)",
            "Lag",
            "Kräver aktiva åtgärder för att motverka diskriminering och främja lika "
            "rättigheter för barn och elever.",
        ),
        Styrdokument(
            "Plan för systematiskt kvalitetsarbete i förskola och skola",
            "Kommunalt styrdokument",
            "Beskriver hur huvudmannen planerar, följer upp och utvecklar utbildningen.",
        ),
    ),
    intentioner=(
        Intention(
            "Fler elever ska nå målen i alla ämnen och vara behöriga till gymnasieskolans "
            "nationella program.",
            "Trygghet, delaktighet och livslångt lärande",
        ),
        Intention(
            "Alla barn och elever ska känna sig trygga och ha studiero i förskolan och skolan.",
            "Trygghet, delaktighet och livslångt lärande",
        ),
        Intention(
            "Utbildningen ska möta arbetslivets behov av kompetens, bland annat genom "
            "yrkesutbildning för vuxna.",
            "Tillväxt, sysselsättning och arbete",
        ),
        Intention(
            "Resurserna ska fördelas efter barnens och elevernas behov.",
            "Mål och budget 2021–2023",
        ),
    ),
    kunder=(
        Kund(
            "Barn och unga",
            "Barn i förskola, förskoleklass, grundskola och fritidshem som tillbringar en stor "
            "del av sin vardag i våra verksamheter.",
            "En trygg miljö, engagerade vuxna och undervisning som möter var och en utifrån "
            "sina förutsättningar.",
            "Barnet utvecklas, lär sig och får en stabil grund för fortsatt lärande och för livet.",
        ),
        Kund(
            "Gymnasieelever",
            "Ungdomar mellan 16 och 20 år som väljer utbildning inför vidare studier eller arbete.",
            "En utbildning av god kvalitet, stöd vid behov och vägledning inför framtida val.",
            "Eleven tar examen och är väl förberedd för högre studier eller arbetslivet.",
        ),
        Kund(
            "Barn och elever i behov av särskilt stöd",
            "Barn och elever med funktionsnedsättning, psykisk ohälsa eller andra svårigheter "
            "i lärandet.",
            "Tidiga och anpassade insatser och ett samordnat stöd från elevhälsa, socialtjänst "
            "och region.",
            "Eleven får likvärdiga möjligheter att nå målen och känner sig delaktig.",
        ),
        Kund(
            "Vårdnadshavare",
            "Föräldrar och andra vårdnadshavare med barn i förskola och skola.",
            "Tydlig information, insyn i barnets utveckling och en lättillgänglig kontakt med "
            "förskola och skola.",
            "Vårdnadshavare känner förtroende för verksamheten och kan stödja sitt barns lärande.",
        ),
        Kund(
            "Nyanlända",
            "Nyanlända barn, unga och vuxna som ska börja i svensk förskola, skola eller "
            "vuxenutbildning.",
            "Kartläggning av tidigare kunskaper, studiehandledning på modersmålet och "
            "undervisning i svenska.",
            "Den nyanlände kan snabbt delta i undervisningen och gå vidare till studier eller "
            "arbete.",
        ),
        Kund(
            "Vuxna studerande",
            "Vuxna som saknar grund- eller gymnasieutbildning eller vill byta yrke.",
            "Flexibel utbildning som går att kombinera med arbete och familj och som leder "
            "till jobb.",
            "Den studerande får den kompetens som behövs för arbete eller högre studier.",
        ),
    ),
    utmaningar=(
        Utmaning(
            "Utmaning",
            "Andelen elever som är behöriga till gymnasieskolans nationella program är lägre "
            "än i riket.",
        ),
        Utmaning(
            "Utmaning",
            "Det är svårt att rekrytera legitimerade lärare och förskollärare, särskilt i "
            "vissa ämnen.",
        ),
        Utmaning(
            "Utmaning",
            "Den psykiska ohälsan bland barn och unga ökar och ställer höga krav på elevhälsan.",
        ),
        Utmaning(
            "Utmaning",
            "Frånvaron har ökat under pandemin, och en del elever har svårt att komma tillbaka "
            "till skolan.",
        ),
        Utmaning(
            "Möjlighet",
            "Nämnden har redan påbörjat ett arbete med verksamhetens syfte, som nu kan "
            "förankras i hela förvaltningen.",
        ),
        Utmaning(
            "Möjlighet",
            "Att förskola, skola och vuxenutbildning finns i samma nämnd gör det möjligt att "
            "skapa en sammanhållen utbildningskedja.",
        ),
        Utmaning(
            "Möjlighet",
            "Samverkan med näringslivet i regionen kan ge fler praktikplatser och "
            "yrkesutbildningar som leder till arbete.",
        ),
    ),
    beroenden=(
        Beroende(
            "Intern",
            "Ömsesidigt",
            "Tidig upptäckt och samordnat stöd till barn och unga som far illa kräver nära "
            "samarbete mellan elevhälsan och socialtjänsten.",
            namnd="SN",
        ),
        Beroende(
            "Intern",
            "Vi är beroende av dem",
            "Kultur- och tekniknämnden ansvarar för förskolornas och skolornas lokaler, "
            "måltider och lokalvård.",
            namnd="KTN",
        ),
        Beroende(
            "Intern",
            "Vi är beroende av dem",
            "Befolkningsprognoser och kommunens arbetsgivarpolitik avgör var förskolor och "
            "skolor behövs och hur lärare kan rekryteras.",
            namnd="KS",
        ),
        Beroende(
            "Intern",
            "De är beroende av oss",
            "Kommunstyrelsens arbetsmarknads- och integrationsarbete bygger på att sfi och "
            "vuxenutbildningen erbjuder utbildning som leder till arbete.",
            namnd="KS",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Barn- och ungdomspsykiatrin och barnhälsovården behöver samverka med elevhälsan "
            "kring barn med psykisk ohälsa.",
            intressent="Region Västernorrland",
        ),
        Beroende(
            "Extern",
            "Ömsesidigt",
            "Samverkan om vuxenutbildning, sfi och yrkesutbildning för arbetssökande och "
            "nyanlända.",
            intressent="Arbetsförmedlingen",
        ),
    ),
    synergier=(
        Synergi(
            "SN, KTN",
            "Tidiga samordnade insatser för barn och unga",
            "En gemensam struktur för samverkan mellan elevhälsa, socialtjänst och "
            "fritidsverksamhet gör att barn och familjer får hjälp tidigare.",
            "Ta fram en gemensam modell för tidig samverkan under 2022.",
        ),
        Synergi(
            "KS",
            "Utbildning som leder till arbete",
            "Vuxenutbildningen och arbetsmarknadsenheten kan tillsammans planera utbildningar "
            "utifrån arbetsgivarnas behov av kompetens.",
            "Inrätta ett gemensamt forum för kompetensförsörjning tillsammans med näringslivet.",
        ),
        Synergi(
            "KTN",
            "Skolbibliotek och läsfrämjande arbete",
            "Ett närmare samarbete mellan folkbibliotek och skolbibliotek ger alla elever "
            "tillgång till litteratur och läsfrämjande aktiviteter.",
            "Ta fram en gemensam plan för läsfrämjande insatser.",
        ),
    ),
    verksamhetsideer=(
        Verksamhetside(
            1,
            dt.date(2021, 10, 27),
            "Utkast",
            "Barn- och utbildningsnämnden erbjuder förskola, skola och vuxenutbildning av god "
            "kvalitet så att alla barn, elever och vuxna studerande når målen.",
        ),
        Verksamhetside(
            2,
            dt.date(2021, 12, 9),
            "Avstämd",
            "Barn- och utbildningsnämnden ger barn, unga och vuxna i Timrå en trygg och "
            "stimulerande utbildning, så att var och en kan utvecklas och nå så långt som "
            "möjligt i sitt lärande.",
        ),
        Verksamhetside(
            3,
            dt.date(2021, 12, 15),
            "Förslag till beslut",
            "Barn- och utbildningsnämnden ger barn, unga och vuxna en trygg och likvärdig "
            "utbildning från förskola till vuxenutbildning, så att var och en utvecklas, når "
            "sina mål och är rustad för ett aktivt liv i samhället.",
        ),
    ),
    reflektioner=(
        Reflektion(
            "Reflektion",
            "Det tidigare arbetet med verksamhetens syfte gav en bra grund, och dialogen med "
            "övriga nämnder har breddat bilden av vilka vi finns till för.",
        ),
        Reflektion(
            "Reflektion",
            "Samma barn och familjer möter ofta flera nämnder samtidigt, och stödet behöver "
            "hänga ihop.",
        ),
        Reflektion(
            "Nästa steg",
            "Verksamhetsidén förankras i rektorsgrupperna och på arbetsplatsträffar under "
            "våren 2022.",
        ),
        Reflektion(
            "Nästa steg",
            "Det systematiska kvalitetsarbetet utvecklas så att det följer upp verksamhetsidén.",
        ),
    ),
    beslutspunkter=(
        Beslutspunkt(1, "Barn- och utbildningsnämnden antar verksamhetsidé enligt bilaga 1."),
        Beslutspunkt(
            2,
            "Barn- och utbildningsnämnden uppdrar åt förvaltningen att förankra "
            "verksamhetsidén i samtliga verksamheter under 2022.",
        ),
        Beslutspunkt(3, "Beslutet delges kommunstyrelsen."),
    ),
    moten=pass_moten(
        (dt.time(8, 30), dt.time(12, 0)), _PLATS,
        (dt.date(2021, 9, 15), (1, 2), VAD_FOR_VEM),
        (dt.date(2021, 10, 27), 3, INSIKTER),
        (dt.date(2021, 11, 24), 4, INFOR_SLUTLIG),
        (dt.date(2021, 12, 15), 5, REFLEKTION),
    ),
)
