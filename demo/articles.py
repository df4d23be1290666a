"""Demo news articles: the model press release and a few more on other office topics."""

import datetime

from news.models import NewsArticlePage

from .sections import COUNTRY_OFFICE, HEAD_OF_OFFICE, WORLD_MAP_ALT
from .spec import ImageRef, PageSpec, call_to_action, heading, image, key_figure, paragraph, quote
from .text import Text, rich, same

BRUSSELS = Text("Brussels", "Bruxelles", "Brussel")
PRESS_RELEASE = NewsArticlePage.ArticleType.PRESS_RELEASE
NEWS = NewsArticlePage.ArticleType.NEWS


def article(
    key, *, title, slug, date, article_type, dateline, lead, lead_image, lead_image_alt, body, **rows
):
    """An article page under the news index; ``rows`` are its topics, contacts and related articles."""
    return PageSpec(
        key,
        NewsArticlePage,
        parent="news",
        title=title,
        slug=slug,
        fields={
            "article_type": article_type,
            "publication_date": date,
            "dateline": dateline,
            "lead": lead,
            "lead_image": ImageRef(lead_image),
            "lead_image_alt": lead_image_alt,
            "body": body,
            "editors_note": rows.pop("editors_note", rich("", "", "")),
        },
        **rows,
    )


EU_MEETING = article(
    "eu-meeting",
    title=Text(
        "Global migration under the spotlight at an EU strategic cooperation meeting",
        "La migration mondiale au cœur d'une réunion de coopération stratégique avec l'UE",
        "Wereldwijde migratie centraal op strategisch overleg met de EU",
    ),
    slug=Text(
        "global-migration-eu-strategic-cooperation-meeting",
        "migration-mondiale-reunion-cooperation-strategique-ue",
        "wereldwijde-migratie-strategisch-overleg-eu",
    ),
    date=datetime.date(2021, 11, 24),
    article_type=PRESS_RELEASE,
    dateline=BRUSSELS,
    lead=Text(
        "Senior officials of the organisation and the European Union met in Brussels to discuss the most "
        "pressing migration issues of the moment within their strategic cooperation framework.",
        "De hauts responsables de l'organisation et de l'Union européenne se sont réunis à Bruxelles pour "
        "examiner les questions migratoires les plus urgentes dans le cadre de leur coopération stratégique.",
        "Hoge vertegenwoordigers van de organisatie en de Europese Unie kwamen in Brussel bijeen om binnen "
        "hun "
        "strategisch samenwerkingskader de meest dringende migratievraagstukken te bespreken.",
    ),
    lead_image="meeting",
    lead_image_alt=Text(
        "Abstract deep-blue picture with soft circles, standing in for a photo of the meeting",
        "Image abstraite bleu foncé aux cercles estompés, en lieu et place d'une photo de la réunion",
        "Abstracte donkerblauwe afbeelding met zachte cirkels, in plaats van een foto van de vergadering",
    ),
    body=[
        paragraph(
            rich(
                "<p>The eighth meeting under the strategic cooperation framework between the organisation "
                "and "
                "the European Union took place in Brussels. It was hosted by the European Commission's "
                "Directorate-General for International Partnerships, with the European External Action "
                "Service and the directorates-general responsible for humanitarian aid, for migration and "
                "home affairs and for neighbourhood policy taking part.</p>",
                "<p>La huitième réunion organisée dans le cadre de la coopération stratégique entre "
                "l'organisation et l'Union européenne s'est tenue à Bruxelles. Elle était accueillie par la "
                "direction générale des partenariats internationaux de la Commission européenne, en présence "
                "du Service européen pour l'action extérieure et des directions générales chargées de l'aide "
                "humanitaire, de la migration et des affaires intérieures, ainsi que de la politique de "
                "voisinage.</p>",
                "<p>De achtste bijeenkomst in het kader van de strategische samenwerking tussen de "
                "organisatie "
                "en de Europese Unie vond plaats in Brussel. Gastheer was het directoraat-generaal "
                "Internationale Partnerschappen van de Europese Commissie; ook de Europese Dienst voor "
                "extern "
                "optreden en de directoraten-generaal voor humanitaire hulp, voor migratie en binnenlandse "
                "zaken en voor nabuurschapsbeleid namen deel.</p>",
            )
        ),
        heading(
            Text(
                "Crises and long-term challenges on the table",
                "Crises et défis à long terme à l'ordre du jour",
                "Crises en uitdagingen op lange termijn op tafel",
            )
        ),
        paragraph(
            rich(
                "<p>Participants reviewed the humanitarian crisis in Afghanistan and its consequences for "
                "people on the move, the effects of climate change on migration, and the impact of COVID-19 "
                "on health and mobility. They also discussed joint engagement with Africa, the EU's New Pact "
                "on Migration and Asylum and the work of the EU-African Union-UN Task Force.</p>"
                "<p>The organisation's programmes in these areas are described on the page "
                '<a linktype="page" id="{our-work}">Our work</a>.</p>',
                "<p>Les participants ont fait le point sur la crise humanitaire en Afghanistan et ses "
                "conséquences pour les personnes en déplacement, sur les effets du changement climatique sur "
                "la migration et sur l'impact de la COVID-19 sur la santé et la mobilité. Ils ont également "
                "abordé l'engagement commun avec l'Afrique, le nouveau pacte de l'UE sur la migration et "
                "l'asile et les travaux du groupe de travail conjoint UE-Union africaine-ONU.</p>"
                "<p>Les programmes de l'organisation dans ces domaines sont présentés sur la page "
                '<a linktype="page" id="{our-work}">Notre action</a>.</p>',
                "<p>De deelnemers bespraken de humanitaire crisis in Afghanistan en de gevolgen ervan voor "
                "mensen op de vlucht, de effecten van klimaatverandering op migratie en de impact van "
                "COVID-19 op gezondheid en mobiliteit. Ook het gezamenlijke engagement met Afrika, het "
                "nieuwe "
                "EU-pact over migratie en asiel en de werkzaamheden van de gezamenlijke taskforce van de EU, "
                "de Afrikaanse Unie en de VN kwamen aan bod.</p>"
                "<p>De programma's van de organisatie op deze terreinen staan beschreven op de pagina "
                '<a linktype="page" id="{our-work}">Ons werk</a>.</p>',
            )
        ),
        quote(
            Text(
                "No country can manage migration alone. The challenges of the past two years have shown how "
                "much our cooperation with the European Union matters, and it will matter even more in the "
                "years ahead.",
                "Aucun pays ne peut gérer seul la migration. Les défis de ces deux dernières années ont "
                "montré "
                "toute l'importance de notre coopération avec l'Union européenne, et elle comptera plus "
                "encore dans les années à venir.",
                "Geen enkel land kan migratie alleen beheren. De uitdagingen van de afgelopen twee jaar "
                "hebben "
                "getoond hoe belangrijk onze samenwerking met de Europese Unie is, en die wordt de komende "
                "jaren alleen maar belangrijker.",
            ),
            Text("Director General", "Directeur général", "Directeur-generaal"),
            Text("The organisation", "L'organisation", "De organisatie"),
        ),
        heading(
            Text(
                "A partnership of almost ten years",
                "Un partenariat de près de dix ans",
                "Een partnerschap van bijna tien jaar",
            )
        ),
        paragraph(
            rich(
                "<p>Both sides agreed to keep working closely together on protecting migrants, on safe and "
                "dignified return and sustainable reintegration, and on making migration a driver of "
                "development. They will meet again next year to take stock.</p>",
                "<p>Les deux parties sont convenues de poursuivre leur étroite collaboration en matière de "
                "protection des migrants, de retour sûr et digne, de réintégration durable et de migration "
                "au "
                "service du développement. Elles se retrouveront l'année prochaine pour faire le bilan.</p>",
                "<p>Beide partijen spraken af nauw te blijven samenwerken rond de bescherming van migranten, "
                "een veilige en waardige terugkeer, duurzame re-integratie en migratie als motor voor "
                "ontwikkeling. Volgend jaar komen ze opnieuw samen om de balans op te maken.</p>",
            )
        ),
        image(
            "world",
            WORLD_MAP_ALT,
            Text(
                "The EU and its member states are the largest contributors to the organisation's budget.",
                "L'UE et ses États membres sont les principaux contributeurs au budget de l'organisation.",
                "De EU en haar lidstaten zijn de grootste bijdragers aan de begroting van de organisatie.",
            ),
        ),
    ],
    editors_note=rich(
        "<p>The strategic cooperation framework between the organisation and the European Union was set up "
        "in July 2012. The EU and its member states are together the largest contributors to the "
        "organisation's budget.</p>"
        "<ul><li>Between 2015 and 2020 the two partners ran nearly 650 joint projects worth about "
        "EUR 2.5 billion.</li>"
        "<li>In December 2016 they launched a joint initiative for migrant protection and reintegration "
        "with the EU Emergency Trust Fund for Africa.</li>"
        "<li>More than 70,000 migrants have been helped through search-and-rescue support in the desert in "
        "Niger and assistance at disembarkation in Libya.</li>"
        "<li>More than 100,000 migrants have been supported with assisted voluntary return and "
        "reintegration.</li></ul>",
        "<p>Le cadre de coopération stratégique entre l'organisation et l'Union européenne a été mis en "
        "place en juillet 2012. L'UE et ses États membres sont ensemble les principaux contributeurs au "
        "budget de l'organisation.</p>"
        "<ul><li>Entre 2015 et 2020, les deux partenaires ont mené près de 650 projets communs, pour un "
        "montant d'environ 2,5\u00a0milliards d'euros.</li>"
        "<li>En décembre 2016, ils ont lancé avec le fonds fiduciaire d'urgence de l'UE pour l'Afrique une "
        "initiative conjointe pour la protection et la réintégration des migrants.</li>"
        "<li>Plus de 70\u00a0000 migrants ont été aidés grâce au soutien aux opérations de recherche et de "
        "sauvetage dans le désert au Niger et à l'assistance au débarquement en Libye.</li>"
        "<li>Plus de 100\u00a0000 migrants ont bénéficié d'une aide au retour volontaire et à la "
        "réintégration.</li></ul>",
        "<p>Het strategische samenwerkingskader tussen de organisatie en de Europese Unie werd in juli 2012 "
        "opgezet. De EU en haar lidstaten zijn samen de grootste bijdragers aan de begroting van de "
        "organisatie.</p>"
        "<ul><li>Tussen 2015 en 2020 voerden beide partners bijna 650 gezamenlijke projecten uit, goed voor "
        "ongeveer 2,5 miljard euro.</li>"
        "<li>In december 2016 lanceerden ze met het EU-noodtrustfonds voor Afrika een gezamenlijk initiatief "
        "voor de bescherming en re-integratie van migranten.</li>"
        "<li>Meer dan 70.000 migranten kregen hulp dankzij steun aan opsporings- en reddingsacties in de "
        "woestijn in Niger en bijstand bij ontscheping in Libië.</li>"
        "<li>Meer dan 100.000 migranten werden ondersteund bij vrijwillige terugkeer en "
        "re-integratie.</li></ul>",
    ),
    topics=["afghanistan", "africa", "climate-change", "covid-19", "eu-cooperation"],
    contacts=["press-officer", "spokesperson"],
    related=["return-review", "climate-conference"],
)

RETURN_REVIEW = article(
    "return-review",
    title=Text(
        "A year of support for people who chose to return home",
        "Une année d'accompagnement pour les personnes qui ont choisi de rentrer",
        "Een jaar begeleiding voor mensen die ervoor kozen terug te keren",
    ),
    slug=Text(
        "year-of-support-voluntary-return",
        "annee-accompagnement-retour-volontaire",
        "jaar-begeleiding-vrijwillige-terugkeer",
    ),
    date=datetime.date(2022, 1, 20),
    article_type=PRESS_RELEASE,
    dateline=BRUSSELS,
    lead=Text(
        "Our office published its yearly review of assisted voluntary return and reintegration from Belgium "
        "and Luxembourg, with a focus on what happens after people arrive home.",
        "Notre bureau a publié son bilan annuel du retour volontaire assisté et de la réintégration depuis "
        "la "
        "Belgique et le Luxembourg, en s'intéressant à ce qui se passe après l'arrivée.",
        "Ons kantoor publiceerde zijn jaaroverzicht van begeleide vrijwillige terugkeer en re-integratie "
        "vanuit België en Luxemburg, met aandacht voor wat er gebeurt na de aankomst.",
    ),
    lead_image="return",
    lead_image_alt=Text(
        "Abstract plum and rose picture standing in for a photo of a returnee's workshop",
        "Image abstraite prune et rose, en lieu et place d'une photo de l'atelier d'une personne de retour",
        "Abstracte paars-roze afbeelding in plaats van een foto van de werkplaats van een terugkeerder",
    ),
    body=[
        paragraph(
            rich(
                "<p>Returning is rarely the end of a migration story. People who go back need housing, an "
                "income and, often, medical or psychological support. This is why reintegration assistance, "
                "planned together with each person before departure, is at the heart of the programme.</p>",
                "<p>Le retour est rarement la fin d'un parcours migratoire. Les personnes qui rentrent ont "
                "besoin d'un logement, d'un revenu et souvent d'un soutien médical ou psychologique. C'est "
                "pourquoi l'aide à la réintégration, préparée avec chaque personne avant son départ, est au "
                "cœur du programme.</p>",
                "<p>Terugkeer is zelden het einde van een migratieverhaal. Wie teruggaat, heeft nood aan "
                "huisvesting, een inkomen en vaak ook medische of psychologische steun. Daarom staat "
                "re-integratiesteun, die vóór het vertrek samen met elke persoon wordt uitgewerkt, centraal "
                "in "
                "het programma.</p>",
            )
        ),
        heading(
            Text(
                "Working with partners in countries of origin",
                "Travailler avec des partenaires dans les pays d'origine",
                "Samenwerken met partners in de landen van herkomst",
            )
        ),
        paragraph(
            rich(
                "<p>Much of this support is delivered by local partners, in particular in West and North "
                "Africa, who know the labour market and the services available. Small business grants, "
                "vocational training and referrals to health care were the most requested forms of help.</p>",
                "<p>Une grande partie de ce soutien est assurée par des partenaires locaux, notamment en "
                "Afrique de l'Ouest et du Nord, qui connaissent le marché du travail et les services "
                "disponibles. Les aides au lancement d'une petite entreprise, la formation professionnelle "
                "et "
                "l'orientation vers les soins de santé ont été les formes d'aide les plus demandées.</p>",
                "<p>Een groot deel van die steun wordt verleend door lokale partners, vooral in West- en "
                "Noord-Afrika, die de arbeidsmarkt en de beschikbare diensten kennen. Startsubsidies voor "
                "kleine ondernemingen, beroepsopleidingen en doorverwijzing naar de gezondheidszorg waren de "
                "meest gevraagde vormen van hulp.</p>",
            )
        ),
    ],
    editors_note=rich(
        "<p>Assisted voluntary return is open to any migrant who wishes to go back to their country of "
        "origin and cannot do so on their own. Taking part is always voluntary.</p>",
        "<p>Le retour volontaire assisté est accessible à toute personne migrante qui souhaite rentrer dans "
        "son pays d'origine et ne peut pas le faire par ses propres moyens. La participation est toujours "
        "volontaire.</p>",
        "<p>Begeleide vrijwillige terugkeer staat open voor elke migrant die naar het land van herkomst wil "
        "terugkeren en dat niet op eigen kracht kan. Deelname is altijd vrijwillig.</p>",
    ),
    topics=["return-reintegration", "africa", "eu-cooperation"],
    contacts=["press-officer"],
)

CLIMATE_CONFERENCE = article(
    "climate-conference",
    title=Text(
        "Climate and mobility: what the data tell us",
        "Climat et mobilité : ce que disent les données",
        "Klimaat en mobiliteit: wat de data ons vertellen",
    ),
    slug=Text("climate-and-mobility-data", "climat-et-mobilite-donnees", "klimaat-en-mobiliteit-data"),
    date=datetime.date(2022, 2, 10),
    article_type=NEWS,
    dateline=BRUSSELS,
    lead=Text(
        "At a conference in Brussels, researchers and policymakers compared what is known about how floods, "
        "droughts and heatwaves lead people to move.",
        "Lors d'une conférence à Bruxelles, chercheurs et décideurs ont confronté ce que l'on sait de la "
        "manière dont les inondations, les sécheresses et les vagues de chaleur poussent les gens à se "
        "déplacer.",
        "Op een conferentie in Brussel legden onderzoekers en beleidsmakers naast elkaar wat bekend is over "
        "hoe overstromingen, droogte en hittegolven mensen ertoe brengen te verhuizen.",
    ),
    lead_image="climate",
    lead_image_alt=Text(
        "Abstract teal and turquoise picture standing in for a photo of a flooded field",
        "Image abstraite bleu canard et turquoise, en lieu et place d'une photo d'un champ inondé",
        "Abstracte petrol- en turkooiskleurige afbeelding in plaats van een foto van een overstroomd veld",
    ),
    body=[
        paragraph(
            rich(
                "<p>Most people who move because of climate change stay within their own country. Speakers "
                "stressed that better data on these movements would help governments plan ahead instead of "
                "reacting to emergencies.</p>",
                "<p>La plupart des personnes qui se déplacent en raison du changement climatique restent "
                "dans "
                "leur propre pays. Les intervenants ont souligné que de meilleures données sur ces "
                "mouvements "
                "aideraient les gouvernements à anticiper plutôt qu'à réagir dans l'urgence.</p>",
                "<p>De meeste mensen die zich door klimaatverandering verplaatsen, blijven binnen hun eigen "
                "land. Sprekers benadrukten dat betere data over die bewegingen overheden zouden helpen "
                "vooruit te plannen in plaats van pas bij noodsituaties te reageren.</p>",
            )
        ),
        quote(
            Text(
                "Climate mobility is not a distant scenario; it is already part of our daily work.",
                "La mobilité climatique n'est pas un scénario lointain : elle fait déjà partie de notre "
                "travail quotidien.",
                "Klimaatmobiliteit is geen ver toekomstscenario; ze maakt nu al deel uit van ons dagelijks "
                "werk.",
            ),
            HEAD_OF_OFFICE,
            COUNTRY_OFFICE,
        ),
        paragraph(
            rich(
                '<p>Our <a linktype="page" id="{data-resources}">data and resources</a> page brings together '
                "the studies presented at the conference.</p>",
                '<p>Notre page <a linktype="page" id="{data-resources}">Données et ressources</a> rassemble '
                "les études présentées lors de la conférence.</p>",
                '<p>Op onze pagina <a linktype="page" id="{data-resources}">Data en bronnen</a> vindt u de '
                "studies die op de conferentie werden voorgesteld.</p>",
            )
        ),
    ],
    topics=["climate-change", "migration-data"],
    contacts=["spokesperson"],
)

TRAFFICKING_TRAINING = article(
    "trafficking-training",
    title=Text(
        "Frontline workers learn to recognise the signs of human trafficking",
        "Des professionnels de terrain formés à repérer les signes de la traite des êtres humains",
        "Eerstelijnswerkers leren signalen van mensenhandel herkennen",
    ),
    slug=Text(
        "frontline-workers-human-trafficking",
        "professionnels-terrain-traite-etres-humains",
        "eerstelijnswerkers-mensenhandel",
    ),
    date=datetime.date(2021, 12, 6),
    article_type=NEWS,
    dateline=Text("Antwerp", "Anvers", "Antwerpen"),
    lead=Text(
        "Social workers, labour inspectors and police officers from across Flanders took part in a two-day "
        "training on identifying and referring victims of trafficking.",
        "Des travailleurs sociaux, des inspecteurs du travail et des policiers de toute la Flandre ont suivi "
        "une formation de deux jours sur l'identification et l'orientation des victimes de la traite.",
        "Maatschappelijk werkers, arbeidsinspecteurs en politiemensen uit heel Vlaanderen volgden een "
        "tweedaagse opleiding over het herkennen en doorverwijzen van slachtoffers van mensenhandel.",
    ),
    lead_image="office",
    lead_image_alt=Text(
        "Abstract green and teal picture standing in for a photo of the training room",
        "Image abstraite vert et turquoise, en lieu et place d'une photo de la salle de formation",
        "Abstracte groen-turkooizen afbeelding in plaats van een foto van het opleidingslokaal",
    ),
    body=[
        paragraph(
            rich(
                "<p>Victims of trafficking rarely ask for help themselves. Often the first person to notice "
                "that something is wrong is a nurse, an inspector or a teacher. The training gave "
                "participants practical tools: which questions to ask, which signs to look for and whom to "
                "call.</p>",
                "<p>Les victimes de la traite demandent rarement de l'aide d'elles-mêmes. Souvent, la "
                "première "
                "personne à remarquer que quelque chose ne va pas est une infirmière, un inspecteur ou un "
                "enseignant. La formation a donné aux participants des outils concrets : quelles questions "
                "poser, quels signes observer et qui appeler.</p>",
                "<p>Slachtoffers van mensenhandel vragen zelden zelf om hulp. Vaak is een verpleegkundige, "
                "een "
                "inspecteur of een leerkracht de eerste die merkt dat er iets mis is. De opleiding gaf de "
                "deelnemers praktische handvatten: welke vragen ze kunnen stellen, op welke signalen ze "
                "moeten letten en wie ze moeten bellen.</p>",
            )
        ),
        key_figure(
            same("120"),
            Text("professionals trained", "professionnels formés", "opgeleide professionals"),
            Text(
                "Over five sessions in Antwerp and Ghent.",
                "Lors de cinq sessions à Anvers et à Gand.",
                "Verspreid over vijf sessies in Antwerpen en Gent.",
            ),
        ),
        call_to_action(
            Text("How you can help", "Comment vous pouvez aider", "Hoe u kunt helpen"),
            page="take-action",
        ),
    ],
    topics=["trafficking", "integration"],
    contacts=["press-officer"],
    related=["skills-study"],
)

SKILLS_STUDY = article(
    "skills-study",
    title=Text(
        "New study maps the skills of newcomers in Luxembourg",
        "Une nouvelle étude dresse la carte des compétences des nouveaux arrivants au Luxembourg",
        "Nieuwe studie brengt de vaardigheden van nieuwkomers in Luxemburg in kaart",
    ),
    slug=Text(
        "skills-of-newcomers-luxembourg",
        "competences-nouveaux-arrivants-luxembourg",
        "vaardigheden-nieuwkomers-luxemburg",
    ),
    date=datetime.date(2022, 3, 15),
    article_type=NEWS,
    dateline=Text("Luxembourg", "Luxembourg", "Luxemburg"),
    lead=Text(
        "Many recently arrived migrants in Luxembourg hold qualifications that go unused, according to a "
        "study presented by our office and its partners.",
        "De nombreux migrants récemment arrivés au Luxembourg possèdent des qualifications inexploitées, "
        "selon une étude présentée par notre bureau et ses partenaires.",
        "Veel migranten die pas in Luxemburg zijn aangekomen, hebben kwalificaties waar niets mee gebeurt, "
        "blijkt uit een studie die ons kantoor en zijn partners voorstelden.",
    ),
    lead_image="data",
    lead_image_alt=Text(
        "Abstract amber picture standing in for a chart of the study's results",
        "Image abstraite ambrée, en lieu et place d'un graphique des résultats de l'étude",
        "Abstracte amberkleurige afbeelding in plaats van een grafiek met de resultaten van de studie",
    ),
    body=[
        paragraph(
            rich(
                "<p>The study surveyed several hundred newcomers about their education, work experience and "
                "languages. Four in ten held a diploma that had not yet been recognised, and many were "
                "working in jobs below their level of qualification.</p>",
                "<p>L'étude a interrogé plusieurs centaines de nouveaux arrivants sur leur formation, leur "
                "expérience professionnelle et leurs langues. Quatre sur dix détenaient un diplôme qui "
                "n'avait pas encore été reconnu, et beaucoup occupaient un emploi en dessous de leur niveau "
                "de qualification.</p>",
                "<p>Voor de studie werden enkele honderden nieuwkomers bevraagd over hun opleiding, "
                "werkervaring en talenkennis. Vier op de tien hadden een diploma dat nog niet erkend was, en "
                "velen werkten onder hun kwalificatieniveau.</p>",
            )
        ),
        heading(Text("Recommendations", "Recommandations", "Aanbevelingen"), level="h3"),
        paragraph(
            rich(
                "<ul><li>Speed up the recognition of diplomas</li><li>Offer language courses linked to "
                "specific professions</li><li>Involve employers from the start</li></ul>",
                "<ul><li>Accélérer la reconnaissance des diplômes</li><li>Proposer des cours de langue liés "
                "à des métiers précis</li><li>Associer les employeurs dès le départ</li></ul>",
                "<ul><li>Diploma's sneller erkennen</li><li>Taallessen aanbieden die aansluiten bij "
                "specifieke beroepen</li><li>Werkgevers van bij het begin betrekken</li></ul>",
            )
        ),
    ],
    topics=["migration-data", "integration"],
    contacts=["spokesperson"],
)

# The model press release comes first, so it is the first article in the page tree.
ARTICLES = [EU_MEETING, RETURN_REVIEW, CLIMATE_CONFERENCE, TRAFFICKING_TRAINING, SKILLS_STUDY]
