// The privacy notice (/privacy) and the accessibility statement (/accessibility). Server-only:
// not in index.ts, so these long texts never weigh on the browser's catalog; the pages are built
// by their loaders (app/modules/legal). `[text](/path)` becomes a link. Figures are placeholders,
// filled from app/modules/retention/periods.ts: never write a number of days here.
const legal = {
  units: {
    days_one: "{{count}} dag",
    days_other: "{{count}} dagen",
    years_one: "{{count}} jaar",
    years_other: "{{count}} jaar",
    hours_one: "{{count}} uur",
    hours_other: "{{count}} uur",
  },
  notFilled: "nog in te vullen door {{organisation}}",
  privacy: {
    title: "Privacyverklaring",
    intro:
      "Digihelpers is het platform waarop digihelpers, coördinatoren en regionale medewerkers van de digibanken diensten, vormingen en bijeenkomsten plannen. Hier lees je welke gegevens over jou we bijhouden, waarom, hoe lang, wie ze verwerkt en welke rechten je hebt.",
    controller: {
      heading: "Wie is verantwoordelijk?",
      text: "De verwerkingsverantwoordelijke is {{organisation}}{{address}}. Vragen over je gegevens stel je aan [{{email}}](mailto:{{email}}).",
    },
    kept: {
      heading: "Welke gegevens, waarom en hoe lang",
      intro:
        "We houden alleen bij wat nodig is om het vrijwilligerswerk te organiseren. We verkopen niets en gebruiken geen advertenties of volgcookies.",
      why: "Waarom",
      legalBasis: "Rechtsgrond",
      howLong: "Hoe lang",
      account: {
        what: "Je account: naam, e-mailadres, telefoonnummer (als je het invult), taal, je rollen en digibanken, sinds wanneer je helpt, je e-mailvoorkeuren en wanneer je deze verklaring aanvaardde.",
        why: "Om je aan te melden, je te bereiken en het werk van je digibank te plannen.",
        basis:
          "Gerechtvaardigd belang van de digibank om haar vrijwilligerswerk te organiseren (art. 6.1.f AVG).",
        howLong:
          "Zolang je account bestaat. Meldt niemand zich {{inactive}} aan, dan krijg je een e-mail; blijft het daarna nog {{grace}} stil, dan wissen we je persoonsgegevens zoals bij het verwijderen van je account.",
      },
      work: {
        what: "Je werk: de diensten die je opneemt, de reservelijsten, vrijlatingen en aanwezigheden; je vormingen, aanwezigheden en vaardigheden; je uitnodigingen voor bijeenkomsten en je antwoorden; je verslagen na een dienst (aantallen en onderwerpen, nooit gegevens van de mensen die je hielp).",
        why: "Om diensten, vormingen en bijeenkomsten te plannen, je attest te maken en de digibank te laten rapporteren aan wie haar subsidieert (alleen als anonieme cijfers).",
        basis:
          "Gerechtvaardigd belang van de digibank om haar vrijwilligerswerk te organiseren en te verantwoorden (art. 6.1.f AVG).",
        howLong:
          "Zolang je account bestaat. Verwijder je je account, dan blijven alleen anonieme cijfers over.",
      },
      profile: {
        what: "Je profiel, als je het invult: je talen, wanneer en waar je kan helpen en een korte voorstelling, en wat je deelt op het prikbord van je regio.",
        why: "Om collega's van je regio te laten zien wie je bent, alleen voor de delen die je zelf aanduidt.",
        basis:
          "Je toestemming (art. 6.1.a AVG). Je trekt ze in door je [profiel](/account/profile) aan te passen of leeg te maken.",
        howLong: "Tot je het aanpast of je account verwijdert.",
      },
      joinRequests: {
        what: "Een vraag om mee te doen: naam, e-mailadres, taal en de digibank.",
        why: "Om je vraag te beantwoorden.",
        basis: "Stappen op jouw vraag voor je meedoet (art. 6.1.b AVG).",
        howLong: "Tot de coördinator beslist, en daarna nog {{decidedJoinRequest}}.",
      },
      guests: {
        what: "Gasten van een bijeenkomst zonder account: e-mailadres, naam, taal en antwoorden; en wie vroeg om geen uitnodigingen meer te krijgen.",
        why: "Om uit te nodigen en de bijeenkomst te organiseren; de afmelding bewaren we zodat er geen nieuwe uitnodiging volgt.",
        basis: "Gerechtvaardigd belang van de organisator (art. 6.1.f AVG).",
        howLong:
          "Tot {{guestAfterGathering}} na de bijeenkomst (de organisator kan je eerder verwijderen, of je vraagt het ons); dan gaan je naam, adres en antwoorden weg en blijft alleen, zonder naam, of je kwam. Een afmelding tot je vraagt om ze te wissen.",
      },
      mail: {
        what: "De e-mails die we je sturen: adres, soort, status en inhoud.",
        why: "Om mails één keer te versturen en te kunnen nagaan of ze vertrokken.",
        basis: "Gerechtvaardigd belang (art. 6.1.f AVG).",
        howLong: "De inhoud {{mailBody}}; adres, soort en status zolang je account bestaat.",
      },
      security: {
        what: "Beveiliging: je sessies (het apparaat waarop je aangemeld bent), aanmeld- en resetlinks, tellers van pogingen per IP-adres, en een logboek van wie wat deed (aanmelden, rollen, exports, verwijderingen) met het IP-adres.",
        why: "Om je account en de gegevens van iedereen te beschermen en misbruik te kunnen nagaan.",
        basis: "Gerechtvaardigd belang in de beveiliging (art. 6.1.f en art. 32 AVG).",
        howLong:
          "Een sessie stopt na {{sessionIdle}} zonder gebruik en na ten hoogste {{sessionAbsolute}}. Links bewaren we nog {{usedToken}} nadat ze gebruikt of verlopen zijn; tellers van pogingen {{rateLimit}}; het logboek {{audit}}.",
      },
      cookies:
        "Cookies: alleen wat de site nodig heeft (je sessie, een beveiligingstoken voor formulieren, je taal en een melding na een actie). Geen analyse- of advertentiecookies.",
    },
    recipients: {
      heading: "Wie ziet je gegevens?",
      items: [
        "De coördinatoren van je digibank zien je contactgegevens en je diensten; regionale medewerkers die van hun regio.",
        "Andere digihelpers zien alleen je voornaam op een dienst, en op het prikbord wat je zelf deelt.",
        "Wie de digibanken subsidieert, krijgt alleen anonieme cijfers.",
      ],
    },
    processors: {
      heading: "Verwerkers",
      text: "Deze partijen verwerken gegevens in opdracht van {{organisation}}, onder een verwerkersovereenkomst:",
      hosting: "Hosting van de site en de databank: {{provider}}.",
      mail: "Versturen van e-mails: {{provider}}.",
    },
    rights: {
      heading: "Je rechten en hoe je ze gebruikt",
      items: [
        "Inzage en overdraagbaarheid: [Mijn gegevens](/account/data) toont alles wat we over je bijhouden; daar download je het ook als JSON-bestand.",
        "Verbetering: pas je naam, telefoon, taal en e-mailadres aan in [Mijn account](/account), je profiel in [Mijn profiel](/account/profile) en je vaardigheden in [Mijn vaardigheden](/account/skills).",
        "Wissen: [verwijder je account](/account/delete). Je persoonsgegevens worden gewist; alleen anonieme cijfers blijven.",
        "Beperking en bezwaar: schrijf naar [{{email}}](mailto:{{email}}). We antwoorden binnen een maand.",
        "Klacht: ben je niet tevreden, dan kan je klacht indienen bij de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel, [www.gegevensbeschermingsautoriteit.be](https://www.gegevensbeschermingsautoriteit.be).",
      ],
      noAccount:
        "Heb je geen account (een gast of een vraag om mee te doen)? Schrijf dan naar [{{email}}](mailto:{{email}}).",
    },
  },
  accessibility: {
    title: "Toegankelijkheidsverklaring",
    intro:
      "{{organisation}} wil dat iedereen Digihelpers kan gebruiken, ook met een schermlezer, alleen het toetsenbord, vergroting of een kleine telefoon. Deze verklaring geldt voor deze website.",
    status: {
      heading: "Nalevingsstatus",
      text: "Ons doel is niveau AA van de Web Content Accessibility Guidelines (WCAG) 2.2. Deze website is gedeeltelijk in overeenstemming: de beperkingen hieronder zijn gekend.",
    },
    tested: {
      heading: "Hoe we dit nagingen",
      intro: "Dit is een eigen beoordeling, geen audit door een externe partij.",
      items: [
        "Automatische controle met axe-core (de regels voor WCAG 2.0, 2.1 en 2.2 niveau A en AA) in Chromium op elke pagina die onze browsertests bezoeken, in het Nederlands, Frans en Engels.",
        "Geldige HTML, gecontroleerd met de Nu HTML Checker.",
        "De belangrijkste taken met alleen het toetsenbord, en op een scherm van 390 pixels breed.",
        "Formulieren werken ook zonder JavaScript.",
        "De toegankelijkheidsboom (wat een schermlezer voorleest) van de startpagina, de diensten, Mijn account, Mijn ervaring, de planning en deze pagina nagelezen: pictogrammen naast een woord worden niet voorgelezen, en lege lijsten komen niet voor.",
        "Nog niet gedaan: een test met een schermlezer (NVDA, VoiceOver of TalkBack) en een test met gebruikers met een beperking.",
      ],
    },
    limitations: {
      heading: "Gekende beperkingen",
      items: [
        "De kalender van de diensten (maand- en weekweergave) is een raster dat moeilijk te volgen is met een schermlezer. Gebruik de [lijst van diensten](/shifts/list): die toont hetzelfde, week per week, en elke dienst heeft een eigen pagina met gewone knoppen.",
        "Het attest als PDF heeft een titel en een taal, maar geen getagde structuur. Dezelfde tekst staat als webpagina bij Mijn ervaring.",
        "De grafieken in de rapporten zijn afbeeldingen met een titel; onder elke grafiek staat een tabel met dezelfde cijfers.",
        "De intekenlijst van een vorming is bedoeld om af te drukken, niet om op een scherm te lezen.",
      ],
    },
    report: {
      heading: "Een probleem melden",
      text: "Stuit je op iets dat je niet kan gebruiken? Schrijf naar [{{email}}](mailto:{{email}}) en zeg op welke pagina en wat er misloopt. Je krijgt binnen {{ackDays}} werkdagen een bevestiging en binnen {{answerDays}} werkdagen een antwoord of een andere manier om te doen wat je wou.",
    },
    enforcement: {
      heading: "Handhaving",
      text: "Ben je niet tevreden met ons antwoord, dan kan je klacht indienen bij de Vlaamse Ombudsdienst, [www.vlaamseombudsdienst.be](https://www.vlaamseombudsdienst.be).",
    },
    date: {
      heading: "Datum",
      text: "Deze verklaring werd opgesteld op {{date}}.",
    },
  },
};

export default legal;
