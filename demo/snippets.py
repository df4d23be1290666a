"""Demo topics and media contacts. The contacts are fictional."""

from .spec import ContactSpec, TopicSpec
from .text import Text

TOPICS = [
    TopicSpec(
        "afghanistan",
        Text("Afghanistan", "Afghanistan", "Afghanistan"),
        Text("afghanistan", "afghanistan", "afghanistan"),
    ),
    TopicSpec("africa", Text("Africa", "Afrique", "Afrika"), Text("africa", "afrique", "afrika")),
    TopicSpec(
        "climate-change",
        Text("Climate change", "Changement climatique", "Klimaatverandering"),
        Text("climate-change", "changement-climatique", "klimaatverandering"),
    ),
    TopicSpec("covid-19", Text("COVID-19", "COVID-19", "COVID-19"), Text("covid-19", "covid-19", "covid-19")),
    TopicSpec(
        "eu-cooperation",
        Text("EU cooperation", "Coopération avec l'UE", "Samenwerking met de EU"),
        Text("eu-cooperation", "cooperation-ue", "samenwerking-eu"),
    ),
    TopicSpec(
        "return-reintegration",
        Text("Return and reintegration", "Retour et réintégration", "Terugkeer en re-integratie"),
        Text("return-and-reintegration", "retour-et-reintegration", "terugkeer-en-re-integratie"),
    ),
    TopicSpec(
        "migration-data",
        Text("Migration data", "Données migratoires", "Migratiedata"),
        Text("migration-data", "donnees-migratoires", "migratiedata"),
    ),
    TopicSpec(
        "integration",
        Text("Integration", "Intégration", "Integratie"),
        Text("integration", "integration", "integratie"),
    ),
    TopicSpec(
        "trafficking",
        Text("Counter-trafficking", "Lutte contre la traite", "Bestrijding van mensenhandel"),
        Text("counter-trafficking", "lutte-contre-la-traite", "bestrijding-mensenhandel"),
    ),
]

CONTACTS = [
    ContactSpec(
        "press-officer",
        name="Noor Vermaelen",
        role=Text("Communications officer", "Chargée de communication", "Communicatiemedewerker"),
        office=Text("Brussels", "Bruxelles", "Brussel"),
        phone="+32 2 000 00 01",
        email="press.brussels@example.org",
    ),
    ContactSpec(
        "spokesperson",
        name="Julien Marechal",
        role=Text("Spokesperson", "Porte-parole", "Woordvoerder"),
        office=Text("Brussels", "Bruxelles", "Brussel"),
        phone="+32 2 000 00 02",
        email="media.brussels@example.org",
    ),
]
