"""What each example förvaltning writes itself (fictional people): the signing förvaltningschef,
Förvaltningens bedömning and the konsekvenser (sheet Bedömning), one mapping per nämnd.

Each text speaks of that nämnd's own material in the examples; "bilaga 1" is the tool's
"Utvecklingsgruppens underlag och förslag till verksamhetsidé".
"""

from __future__ import annotations

INGA_DIREKTA = "Förslaget medför inga direkta ekonomiska konsekvenser."

KS = {
    "forvaltningschef": "Maria Lindfors, kommunchef",
    "bedomning": (
        "Förslaget beskriver kommunstyrelsens dubbla roll: att leda och samordna kommunens "
        "samlade verksamhet och att ge stöd till nämnderna, så att invånare och företag möter "
        "en sammanhållen kommun. Kommunledningsförvaltningen bedömer att formuleringen svarar "
        "på uppdragets frågor om vad, för vem och varför, och att den beskriver ett syfte och "
        "inte en vision."
        "\n\n"
        "Verksamhetsidén knyter an till visionen Timrå – en stark kommun i en växande region "
        "och till styrmodellens tanke om horisontell styrning. Utvecklingsgruppens underlag "
        "visar att många av kommunstyrelsens kunder är andra verksamheter. Förvaltningen delar "
        "gruppens slutsats att värdet i sista hand ska märkas hos invånarna och företagen."
        "\n\n"
        "När verksamhetsidén är antagen sammanställer förvaltningen nämndernas verksamhetsidéer "
        "och redovisar dem samlat. De synergier som gruppen har pekat ut, bland annat ett "
        "gemensamt företagslotsteam med miljö- och byggförvaltningen och en gemensam modell för "
        "uppföljning, tas om hand i arbetet med mål och budget för 2023."
    ),
    "ekonomi": (
        f"{INGA_DIREKTA} Sammanställningen av nämndernas verksamhetsidéer och arbetet med en "
        "gemensam modell för uppföljning ryms inom kommunledningsförvaltningens budget för 2022."
    ),
    "barnkonsekvenser": "",
}

SN = {
    "forvaltningschef": "Eva Marklund, socialchef",
    "bedomning": (
        "Förslaget utgår från de människor som socialtjänsten finns till för – barn, vuxna och "
        "äldre i en utsatt situation – och från det värde nämnden ska skapa för dem: ett tryggt, "
        "värdigt och så självständigt liv som möjligt. Socialförvaltningen bedömer att "
        "formuleringen rymmer hela nämndens uppdrag enligt socialtjänstlagen, LSS och hälso- "
        "och sjukvårdslagen utan att räkna upp verksamheterna, och att den är tydlig nog att "
        "vägleda prioriteringar."
        "\n\n"
        "Utvecklingsgruppens underlag visar att stödet i dag är uppdelat mellan många "
        "verksamheter och huvudmän och att uppföljningen främst mäter volymer och kostnader. "
        "Verksamhetsidén ger en grund för att i stället följa upp vilken skillnad insatserna gör "
        "för den enskilde, i linje med styrmodellen och målområdet Livskvalitet och attraktiva "
        "livsmiljöer. Flera av nämndens kunder är också kunder hos barn- och "
        "utbildningsnämnden och kommunstyrelsen. Den gemensamma modellen för tidig samverkan "
        "kring barn och unga är därför en viktig fortsättning."
        "\n\n"
        "Förvaltningen föreslår att verksamhetsidén blir utgångspunkt i verksamhetsplanen för "
        "2023 och att varje verksamhetsområde under 2022 beskriver hur det bidrar till den."
    ),
    "ekonomi": (
        f"{INGA_DIREKTA} En tydligare inriktning mot förebyggande och samordnade insatser kan på "
        "sikt minska behovet av kostsamma insatser i ett sent skede, till exempel placeringar "
        "utanför hemmet."
    ),
    "barnkonsekvenser": (
        "Barn och unga är en av socialnämndens kundgrupper, och verksamhetsidén nämner barn "
        "uttryckligen. Utvecklingsgruppen har utgått från barnets situation och behov av skydd, "
        "trygga vuxna och stöd som sätts in tidigt, i enlighet med barnkonventionen. "
        "Förvaltningen bedömer att beslutet stärker barnets rätt till skydd och stöd genom att "
        "lyfta samverkan med elevhälsan, fritidsverksamheten och Region Västernorrland. Barn "
        "har inte deltagit i arbetet med verksamhetsidén; deras erfarenheter bör tas till vara "
        "när insatserna följs upp."
    ),
}

BUN = {
    "forvaltningschef": "Christina Berglöf, förvaltningschef",
    "bedomning": (
        "Förslaget sätter barnens, elevernas och de vuxna studerandes lärande och utveckling i "
        "centrum och beskriver utbildningen som en sammanhållen kedja från förskola till "
        "vuxenutbildning. Barn- och utbildningsförvaltningen bedömer att formuleringen ligger i "
        "linje med skollagens krav på en likvärdig utbildning och att den bygger vidare på "
        "nämndens tidigare arbete med verksamhetens syfte, som nu kan förankras i hela "
        "förvaltningen."
        "\n\n"
        "Utvecklingsgruppens underlag pekar på låg behörighet till gymnasieskolan, ökad psykisk "
        "ohälsa och ökad frånvaro. Verksamhetsidén ger en riktning för att möta de "
        "utmaningarna och knyter an till målområdet Trygghet, delaktighet och livslångt lärande. "
        "Flera av utmaningarna kan nämnden inte lösa ensam. Samverkan med socialnämnden och "
        "kultur- och tekniknämnden kring tidiga insatser och läsfrämjande arbete, och med "
        "kommunstyrelsen kring kompetensförsörjning, är därför en del av förslaget."
        "\n\n"
        "Förvaltningen föreslår att verksamhetsidén förankras i rektorsgrupperna och på "
        "arbetsplatsträffar under våren 2022 och att det systematiska kvalitetsarbetet "
        "utvecklas så att det följer upp verksamhetsidén."
    ),
    "ekonomi": (
        f"{INGA_DIREKTA} Förankringen sker i ordinarie mötesforum och ryms i förvaltningens "
        "budget."
    ),
    "barnkonsekvenser": (
        "Beslutet berör alla barn och elever i kommunens förskolor och skolor. Verksamhetsidén "
        "utgår från barnets rätt till utbildning och utveckling och från att utbildningen ska "
        "vara trygg och likvärdig, i linje med barnkonventionens artiklar om barnets bästa och "
        "rätten till utbildning. Förvaltningen bedömer att förslaget stärker barnrättsperspektivet "
        "genom att lyfta elevhälsans samverkan med socialtjänsten och regionen kring barn med "
        "psykisk ohälsa. Barn och elever har inte deltagit direkt i arbetet; förvaltningen "
        "föreslår att elevråden får lämna synpunkter när verksamhetsidén förankras under våren "
        "2022."
    ),
}

KTN = {
    "forvaltningschef": "Patrik Sehlin, förvaltningschef",
    "bedomning": (
        "Kultur- och tekniknämndens verksamheter är många och skiftande. Förslaget samlar dem "
        "kring ett gemensamt syfte – trygga och tillgängliga miljöer och en meningsfull kultur "
        "och fritid för alla som bor i, verkar i och besöker Timrå – och flyttar fokus från vad "
        "nämnden ansvarar för till vilket värde verksamheterna skapar. Kultur- och "
        "teknikförvaltningen bedömer att formuleringen ger en gemensam grund för både kultur- "
        "och fritidsverksamheten och den tekniska verksamheten."
        "\n\n"
        "Verksamhetsidén bidrar till visionen om en stark kommun i en växande region genom att "
        "lyfta livsmiljöer och attraktivitet, i linje med målområdet Livskvalitet och attraktiva "
        "livsmiljöer. Underlaget visar att barn- och utbildningsnämnden och socialnämnden är "
        "beroende av nämndens lokaler och måltider. En samordnad lokalförsörjning är därför en "
        "viktig fortsättning, inte minst med tanke på det eftersatta underhållet och de stigande "
        "kostnaderna."
        "\n\n"
        "Förslaget färdigställdes i januari 2022, efter den slutliga avstämningen, och har "
        "stämts av med utvecklingsgruppen. Förvaltningen föreslår att uppföljningen av "
        "verksamhetsidén redovisas i verksamhetsplanen för 2023."
    ),
    "ekonomi": (
        f"{INGA_DIREKTA} En samordnad lokalförsörjning kan på sikt ge lägre lokalkostnader; "
        "förslag om det bereds som egna ärenden."
    ),
    "barnkonsekvenser": (
        "Barn och unga använder bibliotek, fritidsgårdar, lekplatser och skolmåltider. Beslutet "
        "påverkar dem inte direkt, men verksamhetsidén lyfter tillgänglighet och trygghet i de "
        "miljöer där barn vistas."
    ),
}

MBN = {
    "forvaltningschef": "Carina Edholm, förvaltningschef",
    "bedomning": (
        "Miljö- och byggnadsnämndens uppdrag är till stor del myndighetsutövning. Förslaget "
        "beskriver prövning och tillsyn utifrån dem som berörs – invånare, företag och "
        "byggherrar – och utifrån syftet att skydda människors hälsa och miljön och ge "
        "förutsättningar för en hållbar utveckling. Miljö- och byggförvaltningen bedömer att "
        "formuleringen förenar rättssäkerhet med service och vägledning och speglar "
        "utvecklingsgruppens insikt att vägledning är lika viktig som beslut."
        "\n\n"
        "Verksamhetsidén knyter an till visionen om en stark kommun i en växande region: tydlig "
        "vägledning och förutsägbara handläggningstider är en förutsättning för etableringar "
        "och bostadsbyggande. Underlaget visar att nämndens arbete är en förutsättning för flera "
        "andra nämnders uppdrag. Den samordnade vägen in för företag som planeras tillsammans "
        "med kommunstyrelsen är en konkret följd av det."
        "\n\n"
        "Förvaltningen föreslår att verksamhetsidén blir utgångspunkt när service och bemötande "
        "utvecklas, bland annat när information och e-tjänster ses över under 2022."
    ),
    "ekonomi": f"{INGA_DIREKTA} Översynen av information och e-tjänster görs inom befintlig budget.",
    "barnkonsekvenser": "",
}
