"""The home page, the sections and the news index, in the order they are built."""

from home.models import HomePage, SectionPage
from news.models import NewsIndexPage

from .spec import PageRef, PageSpec, call_to_action, heading, image, key_figure, paragraph, quote
from .text import Text, rich, same

HOME_KEY = "home"

MEMBER_STATES = key_figure(
    same("175"),
    Text("member states", "États membres", "lidstaten"),
    Text(
        "States that have joined the organisation.",
        "Les États qui ont rejoint l'organisation.",
        "Staten die lid zijn van de organisatie.",
    ),
)
COUNTRIES = key_figure(
    same("100+"),
    Text("countries with an office", "pays où nous sommes présents", "landen met een kantoor"),
    Text(
        "Offices in more than 100 countries worldwide.",
        "Des bureaux dans plus de 100 pays à travers le monde.",
        "Kantoren in meer dan 100 landen wereldwijd.",
    ),
)
IN_BELGIUM = key_figure(
    same("1973"),
    Text("in Belgium since", "présents en Belgique depuis", "actief in België sinds"),
    Text(
        "Half a century of work with Belgian partners.",
        "Un demi-siècle de collaboration avec nos partenaires belges.",
        "Een halve eeuw samenwerking met Belgische partners.",
    ),
)
FOUNDED = key_figure(
    same("1951"),
    Text("founded in", "année de création", "opgericht in"),
    Text(
        "Promoting humane and orderly migration for the benefit of all.",
        "Au service d'une migration humaine et ordonnée, au bénéfice de tous.",
        "Inzet voor humane en ordelijke migratie, in het belang van iedereen.",
    ),
)
GOALS = key_figure(
    same("17"),
    Text(
        "Sustainable Development Goals", "objectifs de développement durable", "duurzameontwikkelingsdoelen"
    ),
    Text(
        "The goals of the 2030 Agenda, many of which concern migration.",
        "Les objectifs du Programme 2030, dont beaucoup concernent la migration.",
        "De doelen van de Agenda 2030, waarvan er veel met migratie te maken hebben.",
    ),
)
HEAD_OF_OFFICE = Text("Head of office", "Chef de bureau", "Kantoorhoofd")
# The "world" image stands in for a world map wherever it is used.
WORLD_MAP_ALT = Text(
    "Abstract blue and violet picture standing in for a world map",
    "Image abstraite bleu et violet, en lieu et place d'une carte du monde",
    "Abstracte blauw-paarse afbeelding in plaats van een wereldkaart",
)
COUNTRY_OFFICE = Text(
    "Country office for Belgium and Luxembourg",
    "Bureau de pays pour la Belgique et le Luxembourg",
    "Landenkantoor voor België en Luxemburg",
)

HOME = PageSpec(
    HOME_KEY,
    HomePage,
    parent=None,
    title=Text("Home", "Accueil", "Home"),
    slug=Text("home", "accueil", "startpagina"),
    fields={
        "intro": Text(
            "From Brussels, our country office works with governments, partners and communities in Belgium "
            "and Luxembourg so that migration is safe, orderly and humane, for migrants and for the "
            "societies they live in.",
            "Depuis Bruxelles, notre bureau de pays travaille avec les autorités, ses partenaires et les "
            "communautés en Belgique et au Luxembourg pour une migration sûre, ordonnée et humaine, au "
            "bénéfice des personnes migrantes comme des sociétés qui les accueillent.",
            "Vanuit Brussel werkt ons landenkantoor samen met overheden, partners en gemeenschappen in "
            "België en Luxemburg aan veilige, ordelijke en humane migratie, in het belang van migranten en "
            "van de samenlevingen waarin zij leven.",
        ),
        "key_figures": [MEMBER_STATES, COUNTRIES, IN_BELGIUM, FOUNDED],
        "featured_sections": [
            {"type": "section", "value": PageRef("who-we-are")},
            {"type": "section", "value": PageRef("our-work")},
        ],
    },
)

WHO_WE_ARE = PageSpec(
    "who-we-are",
    SectionPage,
    parent=HOME_KEY,
    title=Text("Who we are", "Qui sommes-nous", "Wie we zijn"),
    slug=Text("who-we-are", "qui-sommes-nous", "wie-we-zijn"),
    fields={
        "intro": Text(
            "Part of the United Nations system, the organisation has worked since 1951 for humane and "
            "orderly migration that benefits everyone.",
            "Membre du système des Nations Unies, l'organisation œuvre depuis 1951 pour une migration "
            "humaine et ordonnée, qui profite à tous.",
            "De organisatie maakt deel uit van het VN-systeem en zet zich sinds 1951 in voor humane en "
            "ordelijke migratie waar iedereen baat bij heeft.",
        ),
        "body": [
            heading(
                Text(
                    "An organisation of the United Nations system",
                    "Une organisation du système des Nations Unies",
                    "Een organisatie van het VN-systeem",
                )
            ),
            paragraph(
                rich(
                    "<p>Founded in 1951, the organisation is the leading intergovernmental body in the field "
                    "of migration. It works with governments, civil society and migrants themselves, in the "
                    "conviction that migration managed humanely and in an orderly way benefits migrants and "
                    "societies alike.</p>"
                    "<p>Its 175 member states share that conviction, and its staff work in more than 100 "
                    'countries. Read more <a linktype="page" id="{about}">about our office in '
                    "Brussels</a>.</p>",
                    "<p>Fondée en 1951, l'organisation est le principal organisme intergouvernemental dans "
                    "le domaine de la migration. Elle travaille avec les gouvernements, la société civile et "
                    "les personnes migrantes elles-mêmes, convaincue qu'une migration gérée de manière "
                    "humaine et ordonnée profite autant aux migrants qu'aux sociétés.</p>"
                    "<p>Ses 175 États membres partagent cette conviction, et son personnel est présent dans "
                    'plus de 100 pays. Découvrez <a linktype="page" id="{about}">notre bureau de '
                    "Bruxelles</a>.</p>",
                    "<p>De organisatie werd opgericht in 1951 en is de belangrijkste intergouvernementele "
                    "organisatie op het gebied van migratie. Ze werkt samen met overheden, het "
                    "maatschappelijk middenveld en migranten zelf, vanuit de overtuiging dat humaan en "
                    "ordelijk beheerde migratie zowel migranten als samenlevingen ten goede komt.</p>"
                    "<p>Haar 175 lidstaten delen die overtuiging en haar medewerkers zijn actief in meer dan "
                    '100 landen. Lees meer <a linktype="page" id="{about}">over ons kantoor in '
                    "Brussel</a>.</p>",
                )
            ),
            MEMBER_STATES,
            IN_BELGIUM,
            image(
                "office",
                Text(
                    "Abstract green and teal picture standing in for a photo of the office",
                    "Image abstraite vert et turquoise, en lieu et place d'une photo du bureau",
                    "Abstracte groen-turkooizen afbeelding in plaats van een foto van het kantoor",
                ),
                Text(
                    "Our office covers two countries from Brussels.",
                    "Depuis Bruxelles, notre bureau couvre deux pays.",
                    "Vanuit Brussel bestrijkt ons kantoor twee landen.",
                ),
            ),
            call_to_action(
                Text(
                    "Discover the organisation worldwide",
                    "Découvrir l'organisation dans le monde",
                    "Ontdek de organisatie wereldwijd",
                ),
                page="worldwide",
            ),
        ],
    },
)

ABOUT = PageSpec(
    "about",
    SectionPage,
    parent="who-we-are",
    title=Text("About", "À propos", "Over ons"),
    slug=Text("about", "a-propos", "over-ons"),
    fields={
        "intro": Text(
            "The country office for Belgium and Luxembourg, based in Brussels.",
            "Le bureau de pays pour la Belgique et le Luxembourg, établi à Bruxelles.",
            "Het landenkantoor voor België en Luxemburg, gevestigd in Brussel.",
        ),
        "body": [
            heading(Text("Our office in Brussels", "Notre bureau à Bruxelles", "Ons kantoor in Brussel")),
            paragraph(
                rich(
                    "<p>The organisation has worked in Belgium since 1973. Today the Brussels office covers "
                    "both Belgium and Luxembourg and works closely with federal, regional and local "
                    "authorities, with civil society and with the European institutions based in the "
                    "city.</p>",
                    "<p>L'organisation est présente en Belgique depuis 1973. Aujourd'hui, le bureau de "
                    "Bruxelles couvre la Belgique et le Luxembourg et travaille en étroite collaboration "
                    "avec "
                    "les autorités fédérales, régionales et locales, avec la société civile et avec les "
                    "institutions européennes installées dans la ville.</p>",
                    "<p>De organisatie is sinds 1973 actief in België. Vandaag bestrijkt het kantoor in "
                    "Brussel zowel België als Luxemburg en werkt het nauw samen met de federale, regionale "
                    "en "
                    "lokale overheden, met het maatschappelijk middenveld en met de Europese instellingen in "
                    "de stad.</p>",
                )
            ),
            heading(Text("What we do", "Ce que nous faisons", "Wat we doen"), level="h3"),
            paragraph(
                rich(
                    "<ul><li>Assisted voluntary return and reintegration for people who choose to go "
                    "home</li><li>Resettlement and family reunification</li><li>Prevention of trafficking "
                    "in human beings and support for victims</li><li>Research and data on migration in both "
                    "countries</li></ul>",
                    "<ul><li>Retour volontaire assisté et réintégration pour les personnes qui choisissent "
                    "de rentrer chez elles</li><li>Réinstallation et regroupement "
                    "familial</li><li>Prévention "
                    "de la traite des êtres humains et soutien aux victimes</li><li>Recherche et données sur "
                    "la migration dans les deux pays</li></ul>",
                    "<ul><li>Begeleide vrijwillige terugkeer en re-integratie voor wie ervoor kiest naar "
                    "huis terug te keren</li><li>Hervestiging en gezinshereniging</li><li>Preventie van "
                    "mensenhandel en steun aan slachtoffers</li><li>Onderzoek en data over migratie in beide "
                    "landen</li></ul>",
                )
            ),
            quote(
                Text(
                    "Good migration policy starts with listening to the people it concerns.",
                    "Une bonne politique migratoire commence par l'écoute des personnes concernées.",
                    "Goed migratiebeleid begint met luisteren naar de mensen over wie het gaat.",
                ),
                HEAD_OF_OFFICE,
                COUNTRY_OFFICE,
            ),
            call_to_action(
                Text("Read our latest news", "Lire nos dernières actualités", "Lees ons laatste nieuws"),
                page="news",
            ),
        ],
    },
)

WORLDWIDE = PageSpec(
    "worldwide",
    SectionPage,
    parent="who-we-are",
    title=Text("The organisation worldwide", "L'organisation dans le monde", "De organisatie wereldwijd"),
    slug=Text("the-organisation-worldwide", "organisation-dans-le-monde", "de-organisatie-wereldwijd"),
    fields={
        "intro": Text(
            "A global organisation with 175 member states and offices in more than 100 countries.",
            "Une organisation mondiale qui compte 175 États membres et des bureaux dans plus de 100 pays.",
            "Een wereldwijde organisatie met 175 lidstaten en kantoren in meer dan 100 landen.",
        ),
        "body": [
            image(
                "world",
                WORLD_MAP_ALT,
                Text(
                    "One organisation, present on every continent.",
                    "Une seule organisation, présente sur tous les continents.",
                    "Eén organisatie, aanwezig op elk continent.",
                ),
            ),
            paragraph(
                rich(
                    "<p>What began in 1951 as a body helping people displaced in post-war Europe to move on "
                    "has become a global agency within the United Nations system. It helps states meet the "
                    "practical challenges of migration, deepens understanding of migration issues and "
                    "defends the dignity and well-being of migrants.</p>",
                    "<p>Créée en 1951 pour aider les personnes déplacées de l'Europe d'après-guerre à "
                    "reprendre la route, l'organisation est devenue une agence mondiale au sein du système "
                    "des Nations Unies. Elle aide les États à relever les défis concrets de la migration, "
                    "approfondit la compréhension des questions migratoires et défend la dignité et le "
                    "bien-être des migrants.</p>",
                    "<p>Wat in 1951 begon als een organisatie die ontheemden in het naoorlogse Europa hielp "
                    "verder te trekken, is uitgegroeid tot een wereldwijd agentschap binnen het VN-systeem. "
                    "Het helpt staten de praktische uitdagingen van migratie aan te gaan, vergroot het "
                    "inzicht in migratievraagstukken en komt op voor de waardigheid en het welzijn van "
                    "migranten.</p>",
                )
            ),
            COUNTRIES,
            FOUNDED,
            call_to_action(
                Text("Read the annual report", "Lire le rapport annuel", "Lees het jaarverslag"),
                url="https://example.org/annual-report",
            ),
        ],
    },
)

OUR_WORK = PageSpec(
    "our-work",
    SectionPage,
    parent=HOME_KEY,
    title=Text("Our work", "Notre action", "Ons werk"),
    slug=Text("our-work", "notre-action", "ons-werk"),
    fields={
        "intro": Text(
            "We support the 2030 Agenda through work that connects humanitarian assistance with sustainable "
            "development.",
            "Nous contribuons au Programme 2030 par une action qui relie l'aide humanitaire et le "
            "développement durable.",
            "We dragen bij aan de Agenda 2030 met werk dat humanitaire hulp en duurzame ontwikkeling met "
            "elkaar verbindt.",
        ),
        "body": [
            heading(
                Text(
                    "Where humanitarian aid meets development",
                    "Là où l'humanitaire rejoint le développement",
                    "Waar humanitaire hulp en ontwikkeling samenkomen",
                )
            ),
            paragraph(
                rich(
                    "<p>Our areas of intervention are designed to bridge emergency assistance and long-term "
                    "development. We respond to the needs of migrants, of people returning to their country "
                    "of origin and of the communities that host them, and we work so that each of them can "
                    "build a secure future.</p>"
                    "<p>The themes that run across all of this work are brought together under "
                    '<a linktype="page" id="{cross-cutting}">Cross-cutting (global)</a>.</p>',
                    "<p>Nos domaines d'intervention sont conçus pour faire le lien entre l'aide d'urgence et "
                    "le développement à long terme. Nous répondons aux besoins des migrants, des personnes "
                    "qui retournent dans leur pays d'origine et des communautés qui les accueillent, et nous "
                    "agissons pour que chacun puisse construire un avenir sûr.</p>"
                    "<p>Les thèmes communs à l'ensemble de ce travail sont rassemblés sous "
                    '<a linktype="page" id="{cross-cutting}">Thèmes transversaux (monde)</a>.</p>',
                    "<p>Onze interventiegebieden slaan een brug tussen noodhulp en ontwikkeling op lange "
                    "termijn. We komen tegemoet aan de noden van migranten, van mensen die naar hun land van "
                    "herkomst terugkeren en van de gemeenschappen die hen opvangen, en we werken eraan dat "
                    "elk van hen een veilige toekomst kan opbouwen.</p>"
                    "<p>De thema's die door al dit werk heen lopen, vindt u onder "
                    '<a linktype="page" id="{cross-cutting}">Transversaal (wereldwijd)</a>.</p>',
                )
            ),
            image(
                "community",
                Text(
                    "Abstract green picture standing in for a photo of a neighbourhood",
                    "Image abstraite verte, en lieu et place d'une photo d'un quartier",
                    "Abstracte groene afbeelding in plaats van een foto van een buurt",
                ),
                Text(
                    "Host communities are partners in everything we do.",
                    "Les communautés d'accueil sont partenaires de tout ce que nous faisons.",
                    "Gastgemeenschappen zijn partner in alles wat we doen.",
                ),
            ),
            GOALS,
            quote(
                Text(
                    "Migrants, returnees and host communities are not separate audiences: our work succeeds "
                    "when it serves all three.",
                    "Migrants, personnes de retour et communautés d'accueil ne sont pas des publics séparés "
                    ": "
                    "notre travail réussit lorsqu'il les sert tous les trois.",
                    "Migranten, terugkeerders en gastgemeenschappen zijn geen afzonderlijke doelgroepen: ons "
                    "werk slaagt pas als het alle drie ten goede komt.",
                ),
                HEAD_OF_OFFICE,
                COUNTRY_OFFICE,
            ),
            call_to_action(
                Text("See how you can help", "Découvrez comment agir", "Ontdek hoe u kunt helpen"),
                page="take-action",
            ),
        ],
    },
)

CROSS_CUTTING = PageSpec(
    "cross-cutting",
    SectionPage,
    parent="our-work",
    title=Text("Cross-cutting (global)", "Thèmes transversaux (monde)", "Transversaal (wereldwijd)"),
    slug=Text("cross-cutting-global", "themes-transversaux", "transversaal"),
    fields={
        "intro": Text(
            "Themes that run across all of our work, in every country.",
            "Les thèmes qui traversent l'ensemble de notre action, dans tous les pays.",
            "Thema's die in al ons werk terugkomen, in elk land.",
        ),
        "body": [
            paragraph(
                rich(
                    "<p>Some questions matter for every project: reliable data, the involvement of the "
                    "public and the link with the global goals for sustainable development. The pages in "
                    "this section explain how we approach them.</p>",
                    "<p>Certaines questions comptent pour chaque projet : des données fiables, l'engagement "
                    "du public et le lien avec les objectifs mondiaux de développement durable. Les pages de "
                    "cette rubrique expliquent notre approche.</p>",
                    "<p>Sommige vragen spelen bij elk project: betrouwbare data, de betrokkenheid van het "
                    "publiek en de band met de wereldwijde doelen voor duurzame ontwikkeling. De pagina's in "
                    "deze rubriek leggen uit hoe we daarmee omgaan.</p>",
                )
            ),
            call_to_action(
                Text(
                    "Explore data and resources",
                    "Explorer les données et ressources",
                    "Bekijk data en bronnen",
                ),
                page="data-resources",
            ),
            call_to_action(
                Text(
                    "Our contribution to the 2030 Agenda",
                    "Notre contribution au Programme 2030",
                    "Onze bijdrage aan de Agenda 2030",
                ),
                page="agenda-2030",
            ),
        ],
    },
)

DATA_RESOURCES = PageSpec(
    "data-resources",
    SectionPage,
    parent="cross-cutting",
    title=Text("Data and resources", "Données et ressources", "Data en bronnen"),
    slug=Text("data-and-resources", "donnees-et-ressources", "data-en-bronnen"),
    fields={
        "intro": Text(
            "Figures, studies and publications on migration in Belgium, Luxembourg and beyond.",
            "Chiffres, études et publications sur la migration en Belgique, au Luxembourg et au-delà.",
            "Cijfers, studies en publicaties over migratie in België, Luxemburg en daarbuiten.",
        ),
        "body": [
            image(
                "data",
                Text(
                    "Abstract amber picture standing in for a chart",
                    "Image abstraite ambrée, en lieu et place d'un graphique",
                    "Abstracte amberkleurige afbeelding in plaats van een grafiek",
                ),
                Text(
                    "Open data supports better decisions.",
                    "Des données ouvertes pour de meilleures décisions.",
                    "Open data voor betere beslissingen.",
                ),
            ),
            heading(
                Text("Evidence for better decisions", "Des données pour mieux décider", "Onderbouwde keuzes")
            ),
            paragraph(
                rich(
                    "<p>Good policy needs good evidence. We collect and analyse data on migration flows, on "
                    "the situation of migrants and on the results of our own programmes, and we share it "
                    "openly with authorities, researchers and journalists.</p>",
                    "<p>Une bonne politique repose sur des données solides. Nous collectons et analysons des "
                    "données sur les flux migratoires, sur la situation des migrants et sur les résultats de "
                    "nos propres programmes, et nous les partageons ouvertement avec les autorités, les "
                    "chercheurs et les journalistes.</p>",
                    "<p>Goed beleid vraagt om degelijke gegevens. We verzamelen en analyseren data over "
                    "migratiestromen, over de situatie van migranten en over de resultaten van onze eigen "
                    "programma's, en we delen die openlijk met overheden, onderzoekers en journalisten.</p>",
                )
            ),
            key_figure(
                same("650"),
                Text(
                    "joint EU projects, 2015-2020",
                    "projets conjoints avec l'UE, 2015-2020",
                    "gezamenlijke EU-projecten, 2015-2020",
                ),
                Text(
                    "Nearly 650 projects carried out with the European Union in six years.",
                    "Près de 650 projets menés avec l'Union européenne en six ans.",
                    "Bijna 650 projecten, in zes jaar samen met de Europese Unie uitgevoerd.",
                ),
            ),
            call_to_action(
                Text("Browse publications", "Parcourir les publications", "Blader door publicaties"),
                url="https://example.org/publications",
            ),
        ],
    },
)

TAKE_ACTION = PageSpec(
    "take-action",
    SectionPage,
    parent="cross-cutting",
    title=Text("Take action", "Agir", "Kom in actie"),
    slug=Text("take-action", "agir", "kom-in-actie"),
    fields={
        "intro": Text(
            "Volunteer, partner with us or simply help change the conversation about migration.",
            "Devenez bénévole, nouez un partenariat avec nous ou contribuez simplement à changer le regard "
            "sur la migration.",
            "Word vrijwilliger, werk met ons samen of help gewoon om het gesprek over migratie te "
            "veranderen.",
        ),
        "body": [
            heading(
                Text(
                    "Three ways to get involved",
                    "Trois façons de vous engager",
                    "Drie manieren om mee te doen",
                )
            ),
            paragraph(
                rich(
                    "<ol><li><b>Partner with us.</b> Local authorities, companies and associations can join "
                    "our projects.</li><li><b>Share facts.</b> Use our data to counter misinformation about "
                    "migration.</li><li><b>Volunteer.</b> Welcome newcomers in your own "
                    "municipality.</li></ol>",
                    "<ol><li><b>Devenez partenaire.</b> Les pouvoirs locaux, les entreprises et les "
                    "associations peuvent rejoindre nos projets.</li><li><b>Partagez les faits.</b> Utilisez "
                    "nos données pour contrer la désinformation sur la migration.</li><li><b>Engagez-vous "
                    "bénévolement.</b> Accueillez les nouveaux arrivants dans votre commune.</li></ol>",
                    "<ol><li><b>Word partner.</b> Lokale besturen, bedrijven en verenigingen kunnen "
                    "aansluiten bij onze projecten.</li><li><b>Deel de feiten.</b> Gebruik onze data om "
                    "desinformatie over migratie tegen te gaan.</li><li><b>Word vrijwilliger.</b> Verwelkom "
                    "nieuwkomers in uw eigen gemeente.</li></ol>",
                )
            ),
            quote(
                Text(
                    "Every welcome starts with one person who decides to help.",
                    "Tout accueil commence par une personne qui décide d'aider.",
                    "Elk welkom begint bij één persoon die besluit te helpen.",
                ),
                Text("Volunteer in Liège", "Bénévole à Liège", "Vrijwilliger in Luik"),
                Text("Volunteer programme", "Programme de bénévolat", "Vrijwilligersprogramma"),
            ),
            call_to_action(
                Text(
                    "Sign up as a volunteer", "Inscrivez-vous comme bénévole", "Meld u aan als vrijwilliger"
                ),
                url="https://example.org/volunteer",
            ),
        ],
    },
)

AGENDA_2030 = PageSpec(
    "agenda-2030",
    SectionPage,
    parent="cross-cutting",
    title=Text("2030 Agenda", "Programme 2030", "Agenda 2030"),
    slug=Text("2030-agenda", "programme-2030", "agenda-2030"),
    fields={
        "intro": Text(
            "How our work contributes to the Sustainable Development Goals.",
            "Comment notre action contribue aux objectifs de développement durable.",
            "Hoe ons werk bijdraagt aan de duurzameontwikkelingsdoelen.",
        ),
        "body": [
            paragraph(
                rich(
                    "<p>The 2030 Agenda recognises, for the first time, the positive contribution of "
                    "migrants to inclusive growth and sustainable development. Target 10.7 calls on "
                    "countries to facilitate orderly, safe, regular and responsible migration, including "
                    "through well-managed migration policies.</p>",
                    "<p>Le Programme 2030 reconnaît, pour la première fois, la contribution positive des "
                    "migrants à une croissance inclusive et au développement durable. La cible 10.7 appelle "
                    "les pays à faciliter une migration ordonnée, sûre, régulière et responsable, notamment "
                    "grâce à des politiques migratoires bien gérées.</p>",
                    "<p>De Agenda 2030 erkent voor het eerst de positieve bijdrage van migranten aan "
                    "inclusieve groei en duurzame ontwikkeling. Subdoel 10.7 roept landen op om ordelijke, "
                    "veilige, reguliere en verantwoorde migratie mogelijk te maken, onder meer met goed "
                    "beheerd migratiebeleid.</p>",
                )
            ),
            GOALS,
            heading(
                Text("Migration in the goals", "La migration dans les objectifs", "Migratie in de doelen"),
                level="h3",
            ),
            paragraph(
                rich(
                    "<p>Migration touches goals on poverty, health, education, decent work and climate "
                    "action. Our projects in Belgium and Luxembourg report on the targets they serve, so "
                    "that progress can be measured.</p>",
                    "<p>La migration concerne les objectifs relatifs à la pauvreté, à la santé, à "
                    "l'éducation, au travail décent et à la lutte contre le changement climatique. Nos "
                    "projets en Belgique et au Luxembourg rendent compte des cibles qu'ils servent, afin que "
                    "les progrès puissent être mesurés.</p>",
                    "<p>Migratie raakt aan de doelen over armoede, gezondheid, onderwijs, waardig werk en "
                    "klimaatactie. Onze projecten in België en Luxemburg rapporteren over de subdoelen "
                    "waaraan ze bijdragen, zodat de vooruitgang meetbaar is.</p>",
                )
            ),
            call_to_action(
                Text(
                    "The Sustainable Development Goals",
                    "Les objectifs de développement durable",
                    "De duurzameontwikkelingsdoelen",
                ),
                url="https://example.org/sustainable-development-goals",
            ),
        ],
    },
)

NEWS = PageSpec(
    "news",
    NewsIndexPage,
    parent=HOME_KEY,
    title=Text("News", "Actualités", "Nieuws"),
    slug=Text("news", "actualites", "nieuws"),
    fields={
        # In every language's menu, so a frontend built from navigation/ links to the news.
        "show_in_menus": True,
        "intro": Text(
            "Press releases and news from our office in Brussels.",
            "Communiqués de presse et actualités de notre bureau de Bruxelles.",
            "Persberichten en nieuws van ons kantoor in Brussel.",
        ),
    },
)

# Parents come before their children: pages are created, and translated, in this order.
SECTION_PAGES = [
    HOME,
    WHO_WE_ARE,
    ABOUT,
    WORLDWIDE,
    OUR_WORK,
    CROSS_CUTTING,
    DATA_RESOURCES,
    TAKE_ACTION,
    AGENDA_2030,
    NEWS,
]
