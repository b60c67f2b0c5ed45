// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/members/memberdemopart.h"

#include "core/common/textfold.h"
#include "core/hub.h"
#include "core/members/listingservice.h"
#include "core/members/memberservice.h"
#include "core/members/skillservice.h"

#include <QSet>

#include <algorithm>
#include <span>
#include <vector>

namespace hub {

namespace {

// The word lists are compiled in as UTF-16 literals rather than read from a
// resource: hubctl links only hubcore, and a table keeps the generator free of
// any file that could go missing.
using Words = std::span<const char16_t *const>;

// ---- Names ------------------------------------------------------------------

constexpr const char16_t *EnglishGiven[] = {
    u"Oliver", u"Amelia", u"Harry",    u"Isla",   u"George", u"Poppy",  u"Jack",  u"Emily", u"Charlotte",
    u"Thomas", u"Zoë",    u"Chloë",    u"Noël",   u"Renée",  u"Sophie", u"James", u"Grace", u"William",
    u"Ruth",   u"Daniel", u"Margaret", u"Martin", u"Marcus", u"Susan",  u"Peter",
};
constexpr const char16_t *EnglishFamily[] = {
    u"Smith",    u"Jones",  u"Taylor", u"Brown", u"Wilson", u"Johnson", u"Walker", u"Wright", u"Robinson",
    u"Thompson", u"Hughes", u"Green",  u"Hall",  u"Wood",   u"Clarke",  u"Baker",  u"Marsh",  u"Cooper",
};
constexpr const char16_t *WelshGiven[] = {
    u"Siân",  u"Rhys",   u"Dafydd", u"Carys",  u"Gwenllïan", u"Iolo",   u"Angharad", u"Owain",
    u"Ffion", u"Llŷr",   u"Elin",   u"Gethin", u"Catrin",    u"Aled",   u"Nia",      u"Geraint",
    u"Tomos", u"Heledd", u"Mared",  u"Siôn",   u"Mererid",   u"Gwenno",
};
constexpr const char16_t *WelshFamily[] = {
    u"Jones",     u"Williams", u"Davies",    u"Evans",       u"Thomas",   u"Roberts", u"Lewis",  u"Morgan",
    u"Griffiths", u"Price",    u"Pritchard", u"ap Gruffydd", u"Llywelyn", u"Rees",    u"Powell", u"Vaughan",
};
constexpr const char16_t *IrishGiven[] = {
    u"Ciarán",  u"Aoife", u"Niamh",   u"Seán",  u"Siobhán", u"Pádraig", u"Róisín", u"Eoin",
    u"Saoirse", u"Oisín", u"Caoimhe", u"Tadhg", u"Méabh",   u"Cillian", u"Órla",   u"Máire",
};
constexpr const char16_t *IrishFamily[] = {
    u"Murphy", u"Ó Súilleabháin", u"O'Brien",  u"Kelly", u"Ní Bhriain",          u"Byrne",      u"Ryan", u"O'Connor",
    u"Walsh",  u"McCarthy",       u"Ó Briain", u"Doyle", u"Mac Giolla Phádraig", u"Fitzgerald",
};
constexpr const char16_t *ScottishGiven[] = {
    u"Eilidh",   u"Callum", u"Mhairi", u"Ruaridh", u"Catriona", u"Iain",    u"Morag",
    u"Alasdair", u"Isla",   u"Fraser", u"Kirsty",  u"Hamish",   u"Seònaid", u"Eòghann",
};
constexpr const char16_t *ScottishFamily[] = {
    u"MacDonald", u"Campbell", u"Stewart",   u"MacLeod",   u"Robertson", u"Fraser",
    u"Mackenzie", u"Sinclair", u"Henderson", u"MacIntyre", u"Buchanan",  u"Crawford",
};
constexpr const char16_t *PolishGiven[] = {
    u"Łucja",     u"Maria",  u"Zofia",     u"Wojciech", u"Małgorzata", u"Grzegorz", u"Agnieszka", u"Paweł", u"Józef",
    u"Katarzyna", u"Michał", u"Krzysztof", u"Żaneta",   u"Bartłomiej", u"Jędrzej",  u"Ewa",       u"Marta", u"Mariusz",
};
constexpr const char16_t *PolishFamily[] = {
    u"Wiśniewski", u"Kowalski",  u"Kowalczyk", u"Nowak",     u"Wójcik", u"Lewandowska", u"Zieliński",   u"Szymańska",
    u"Woźniak",    u"Dąbrowski", u"Kozłowska", u"Jankowski", u"Mazur",  u"Krawczyk",    u"Łukasiewicz", u"Kowalewska",
};
constexpr const char16_t *BengaliGiven[] = {
    u"Rahim",   u"Farhana", u"Tanvir",  u"Nusrat", u"Arif", u"Sharmin", u"Rafiq", u"Shirin",
    u"Sumaiya", u"Imran",   u"Taslima", u"Anwar",  u"Rupa", u"Sabbir",  u"Joya",  u"Mariam",
};
constexpr const char16_t *BengaliFamily[] = {
    u"Rahman", u"Hossain", u"Ahmed",  u"Chowdhury", u"Begum", u"Islam", u"Uddin",
    u"Miah",   u"Khatun",  u"Sarkar", u"Das",       u"Roy",   u"Akter",
};
constexpr const char16_t *SomaliGiven[] = {
    u"Abdi",  u"Hodan", u"Faadumo",    u"Mohamed", u"Ayaan", u"Warsame", u"Hibo",
    u"Liban", u"Sahra", u"Abdirahman", u"Nasra",   u"Cumar", u"Ifrah",   u"Hamza",
};
constexpr const char16_t *SomaliFamily[] = {
    u"Abdi", u"Warsame", u"Farah", u"Hassan", u"Jama", u"Osman",
    u"Ali",  u"Yusuf",   u"Egal",  u"Hirsi",  u"Nur",  u"Abdullahi",
};
constexpr const char16_t *TurkishGiven[] = {
    u"Şule",  u"Çağrı", u"Gökhan", u"Ayşe",     u"Mehmet", u"Özlem", u"Emre",  u"Gülşen",
    u"İlker", u"Burak", u"Elif",   u"Süleyman", u"Ebru",   u"Tuğba", u"Barış",
};
constexpr const char16_t *TurkishFamily[] = {
    u"Çelik",  u"Yılmaz", u"Kaya",  u"Demir", u"Şahin",  u"Öztürk", u"Aydın",
    u"Arslan", u"Doğan",  u"Kılıç", u"Koç",   u"Yıldız", u"Güneş",
};
constexpr const char16_t *YorubaGiven[] = {
    u"Adébáyọ̀", u"Olúwaṣeun", u"Títílayọ̀", u"Adéwálé", u"Fúnmiláyọ̀", u"Ọlámídé",
    u"Bọ́lá",    u"Yétúndé",   u"Ayọ̀dèjì",  u"Kẹ́hìndé", u"Táíwò",     u"Adérónkẹ́",
};
constexpr const char16_t *YorubaFamily[] = {
    u"Adébáyọ̀",   u"Ògúnlẹ́yẹ", u"Adéyẹmí", u"Ọládipọ̀", u"Akínwùmí",
    u"Babátúndé", u"Oyèlárán", u"Àjàyí",   u"Fáṣọlá",  u"Adéoyè",
};
constexpr const char16_t *IgboGiven[] = {
    u"Chidi",   u"Ngozi", u"Chukwuemeka", u"Adaeze", u"Obinna",   u"Chiamaka",
    u"Ifeanyi", u"Nneka", u"Ikenna",      u"Ụzọma",  u"Chinọnso", u"Amaka",
};
constexpr const char16_t *IgboFamily[] = {
    u"Okafor",    u"Nwosu", u"Eze",       u"Okonkwo", u"Obi",  u"Nwachukwu",
    u"Ụzọchukwu", u"Okeke", u"Onyekachi", u"Anyanwu", u"Igwe",
};
constexpr const char16_t *PortugueseGiven[] = {
    u"João", u"Inês",    u"Gonçalo", u"Leonor", u"Tomás", u"Beatriz", u"Sebastião", u"Conceição",
    u"Rui",  u"Mariana", u"Luís",    u"Joana",  u"Maria", u"Ana",     u"Simão",     u"Joaquim",
};
constexpr const char16_t *PortugueseFamily[] = {
    u"Conceição", u"Gonçalves", u"Magalhães", u"Fernandes", u"Simões", u"Pereira", u"Brandão",
    u"Assunção",  u"Guimarães", u"Rodrigues", u"Lourenço",  u"Araújo", u"Silva",   u"Marques",
};
constexpr const char16_t *ArabicGiven[] = {
    u"Yusuf",  u"Fatima", u"Omar",  u"Layla",  u"Karim", u"Nour", u"Hassan",  u"Amira",
    u"Khalid", u"Rania",  u"Tariq", u"Zainab", u"Samir", u"Hana", u"Mahmoud", u"Aïcha",
};
constexpr const char16_t *ArabicFamily[] = {
    u"Al-Masri", u"Haddad", u"Khoury",     u"Mansour", u"El-Sayed", u"Nasser",    u"Saleh",
    u"Abboud",   u"Hamdan", u"Al-Hashimi", u"Darwish", u"Aziz",     u"Ben Salah",
};
constexpr const char16_t *ChineseGiven[] = {
    u"Wei", u"Jing", u"Hao", u"Mei", u"Xiaoming", u"Yan", u"Lei", u"Fang", u"Jun", u"Ying", u"Zìháo", u"Lìlì",
};
constexpr const char16_t *ChineseFamily[] = {
    u"Zhang", u"Wang", u"Li", u"Liu", u"Chen",   u"Huang", u"Zhao", u"Wu",
    u"Zhou",  u"Lǚ",   u"Xu", u"Ng",  u"Cheung", u"Lam",   u"Wong",
};
constexpr const char16_t *RomanianGiven[] = {
    u"Ioana",     u"Ștefan", u"Andreea",  u"Mihai",  u"Mădălina", u"Răzvan", u"Irina", u"Bogdan",
    u"Alexandra", u"Ionuț",  u"Cătălina", u"Dragoș", u"Maria",    u"Oana",   u"Tudor",
};
constexpr const char16_t *RomanianFamily[] = {
    u"Popescu", u"Ionescu",   u"Ștefănescu", u"Rădulescu", u"Dumitru",    u"Munteanu", u"Constantinescu",
    u"Țurcanu", u"Georgescu", u"Stoica",     u"Lungu",     u"Mărgineanu", u"Moldovan",
};

struct Culture
{
    int weight; ///< out of the sum of weights: roughly a Cardiff inner-city mix
    Words given;
    Words family;
    const char16_t *language; ///< a language skill people of this background often offer
};

const Culture Cultures[] = {
    {20, EnglishGiven, EnglishFamily, nullptr},
    {14, WelshGiven, WelshFamily, u"Welsh"},
    {6, IrishGiven, IrishFamily, nullptr},
    {4, ScottishGiven, ScottishFamily, nullptr},
    {8, PolishGiven, PolishFamily, u"Polish"},
    {6, BengaliGiven, BengaliFamily, u"Bengali"},
    {6, SomaliGiven, SomaliFamily, u"Somali"},
    {4, TurkishGiven, TurkishFamily, u"Turkish"},
    {4, YorubaGiven, YorubaFamily, nullptr},
    {3, IgboGiven, IgboFamily, nullptr},
    {4, PortugueseGiven, PortugueseFamily, u"Portuguese"},
    {6, ArabicGiven, ArabicFamily, u"Arabic"},
    {4, ChineseGiven, ChineseFamily, nullptr},
    {4, RomanianGiven, RomanianFamily, u"Romanian"},
};

// ---- Places -----------------------------------------------------------------

// Real Cardiff postcode districts; the inward part is made up.
constexpr const char16_t *Districts[] = {u"CF10", u"CF11", u"CF14", u"CF15", u"CF23", u"CF24", u"CF3", u"CF5"};
// Inward codes never use C, I, K, M, O or V.
constexpr char16_t InwardLetters[] = u"ABDEFGHJLNPQRSTUWXYZ";

constexpr const char16_t *Streets[] = {
    u"Albany Road",      u"City Road",           u"Cowbridge Road East", u"Clifton Street",
    u"Tudor Street",     u"Heol y Gors",         u"Ffordd Pentre",       u"Wellfield Road",
    u"Crwys Road",       u"Whitchurch Road",     u"Cathedral Road",      u"Splott Road",
    u"Broadway",         u"Heol Llanishen Fach", u"Lôn y Dail",          u"Ninian Park Road",
    u"Corporation Road", u"Clive Street",        u"Plasnewydd Square",   u"Ffordd yr Eglwys",
};
constexpr const char16_t *Areas[] = {
    u"Roath",     u"Cathays",   u"Splott",   u"Grangetown", u"Canton",   u"Riverside",
    u"Adamsdown", u"Butetown",  u"Llandaff", u"Whitchurch", u"Ely",      u"Pontcanna",
    u"Heath",     u"Llanishen", u"Rhiwbina", u"Penylan",    u"Tremorfa", u"Gabalfa",
};

// ---- Skills -----------------------------------------------------------------

struct SkillSpec
{
    const char16_t *name;
    const char16_t *category;
    // What someone offers or needs, as the rest of "Happy to …" / "Looking for someone to …".
    // Languages leave these empty and use the shared language phrases.
    const char16_t *offers[2];
    const char16_t *needs[2];
};

const SkillSpec Skills[] = {
    {u"Cooking",
     u"Food",
     {u"teach simple family meals on a budget", u"cook for community lunches"},
     {u"show me how to cook for a big family", u"cook a hot meal for a neighbour after an operation"}},
    {u"Baking",
     u"Food",
     {u"bake bread and cakes for hub events", u"run a sourdough workshop"},
     {u"bake a birthday cake for our street party", u"teach my kids to bake bread"}},
    {u"Catering for groups",
     u"Food",
     {u"cater a buffet for up to fifty people", u"plan menus for a community café"},
     {u"help feed volunteers at the summer fair", u"organise food for a wake"}},
    {u"Food hygiene",
     u"Food",
     {u"explain food hygiene rules for stalls", u"check a kitchen before a pop-up café"},
     {u"get our café volunteers through a food hygiene course", u"check our kitchen is safe"}},
    {u"Carpentry",
     u"Making and mending",
     {u"build shelves and fix doors", u"teach basic woodwork with hand tools"},
     {u"fix a broken garden gate", u"build raised beds for the allotment"}},
    {u"Sewing",
     u"Making and mending",
     {u"take up trousers and mend zips", u"teach sewing machine basics"},
     {u"alter a wedding dress", u"make curtains for the hub hall"}},
    {u"Knitting",
     u"Making and mending",
     {u"teach knitting and crochet", u"knit hats for the winter appeal"},
     {u"finish a half-knitted jumper", u"show our group how to knit socks"}},
    {u"Bike repair",
     u"Making and mending",
     {u"fix punctures, brakes and gears", u"service children's bikes"},
     {u"fix the gears on my bike", u"check a second-hand bike before I buy it"}},
    {u"Electronics repair",
     u"Making and mending",
     {u"repair lamps, radios and toasters", u"solder loose wires in toys"},
     {u"mend a broken hi-fi", u"look at a kettle that trips the fuse"}},
    {u"Plumbing",
     u"Making and mending",
     {u"fix dripping taps and change washers", u"bleed radiators"},
     {u"fix a leaking sink trap", u"unblock a bathroom drain"}},
    {u"Painting and decorating",
     u"Making and mending",
     {u"paint rooms and hang wallpaper", u"prepare walls and fill cracks"},
     {u"paint the community hall", u"decorate a bedroom for a new baby"}},
    {u"Bookkeeping",
     u"Money and admin",
     {u"keep accounts for small groups and clubs", u"set up a simple cash book"},
     {u"sort out our club accounts before the AGM", u"reconcile a year of bank statements"}},
    {u"Tax returns",
     u"Money and admin",
     {u"help with self-assessment tax returns", u"explain allowable expenses"},
     {u"fill in my first self-assessment return", u"check my tax code"}},
    {u"Benefits advice",
     u"Money and admin",
     {u"explain Universal Credit claims", u"help with PIP forms"},
     {u"understand a Universal Credit letter", u"appeal a benefits decision"}},
    {u"Form filling",
     u"Money and admin",
     {u"fill in council and housing forms", u"help with passport renewals"},
     {u"fill in a housing application", u"complete a blue badge form"}},
    {u"CV writing",
     u"Money and admin",
     {u"write and polish CVs", u"practise job interviews"},
     {u"write my first CV in English", u"prepare for an interview"}},
    {u"Guitar",
     u"Music and arts",
     {u"teach guitar to beginners", u"play guitar at community events"},
     {u"teach me three chords", u"restring and tune an old guitar"}},
    {u"Piano",
     u"Music and arts",
     {u"give piano lessons", u"accompany a choir on piano"},
     {u"play piano at our carol concert", u"tune an old upright piano"}},
    {u"Singing",
     u"Music and arts",
     {u"lead a community choir", u"teach breathing and singing warm-ups"},
     {u"sing at a wedding", u"start a singing group for new parents"}},
    {u"Drawing",
     u"Music and arts",
     {u"run drawing classes for adults", u"draw posters for events"},
     {u"draw a map of the neighbourhood", u"teach my son to draw comics"}},
    {u"Event photography",
     u"Music and arts",
     {u"photograph community events", u"take portraits for volunteer profiles"},
     {u"photograph our summer fair", u"take pictures for our website"}},
    {u"Pottery",
     u"Music and arts",
     {u"teach hand-building with clay", u"fire pots in my kiln"},
     {u"show us how to throw pots", u"glaze mugs for a fundraiser"}},
    {u"Web design",
     u"Digital",
     {u"build simple websites for groups", u"fix WordPress sites"},
     {u"make a website for our residents' association", u"update our café's online menu"}},
    {u"Computer help",
     u"Digital",
     {u"sort out slow laptops and viruses", u"teach e-mail and online shopping"},
     {u"set up a second-hand laptop", u"recover photos from an old computer"}},
    {u"Smartphone help",
     u"Digital",
     {u"help older people with smartphones and video calls", u"set up WhatsApp"},
     {u"set up video calls with my grandchildren", u"move contacts to a new phone"}},
    {u"Spreadsheets",
     u"Digital",
     {u"build spreadsheets for rotas and budgets", u"teach spreadsheet formulas"},
     {u"make a volunteer rota in a spreadsheet", u"tidy a membership list"}},
    {u"Social media",
     u"Digital",
     {u"run social media for small groups", u"plan posts and take photos for them"},
     {u"promote our jumble sale online", u"set up an Instagram page for the garden"}},
    {u"Childcare",
     u"Care",
     {u"babysit in the evenings", u"help at the parent and toddler group"},
     {u"look after my children for an afternoon", u"cover the school run on Tuesdays"}},
    {u"Elderly befriending",
     u"Care",
     {u"visit and chat with older neighbours", u"accompany people to appointments"},
     {u"visit my father once a week", u"take my mother to the hospital"}},
    {u"Dog walking",
     u"Care",
     {u"walk dogs in Roath Park", u"look after pets while owners are away"},
     {u"walk my dog while I recover from surgery", u"feed the cat during the holidays"}},
    {u"First aid",
     u"Care",
     {u"give first aid cover at events", u"teach basic first aid and CPR"},
     {u"cover first aid at the fun run", u"teach our youth club first aid"}},
    {u"Mental health first aid",
     u"Care",
     {u"listen and signpost people to support", u"run wellbeing walks"},
     {u"train our volunteers in mental health first aid", u"talk through a hard time"}},
    {u"Gardening",
     u"Outdoors",
     {u"help with weeding, planting and lawns", u"share seedlings and advice"},
     {u"tidy an overgrown back garden", u"plan a vegetable patch"}},
    {u"Tree pruning",
     u"Outdoors",
     {u"prune fruit trees in winter", u"cut back hedges"},
     {u"prune an old apple tree", u"cut a hedge that blocks the pavement"}},
    {u"Composting",
     u"Outdoors",
     {u"set up compost bins and wormeries", u"explain what can go in compost"},
     {u"start composting in a small yard", u"fix a smelly compost heap"}},
    {u"Beekeeping",
     u"Outdoors",
     {u"show people round my hives", u"collect swarms"},
     {u"check a bees' nest in the shed", u"start a hive at the community garden"}},
    {u"Maths tutoring",
     u"Teaching",
     {u"tutor GCSE maths", u"help adults with everyday numbers"},
     {u"help my daughter with GCSE maths", u"refresh my maths for a college course"}},
    {u"Reading with children",
     u"Teaching",
     {u"read with children after school", u"run a story time at the library"},
     {u"read with my son who is struggling", u"run a bedtime story session"}},
    {u"English conversation",
     u"Languages",
     {u"practise English conversation with newcomers", u"help with English for work"},
     {u"practise English for my citizenship test", u"help my parents with everyday English"}},
    {u"British Sign Language",
     u"Languages",
     {u"teach basic British Sign Language", u"sign at community meetings"},
     {u"learn to sign with a deaf neighbour", u"interpret at our open day"}},
    {u"Driving (van)",
     u"Transport",
     {u"drive a van for house moves", u"collect donations with my van"},
     {u"move furniture across town", u"collect food donations on Saturdays"}},
    {u"Moving help",
     u"Transport",
     {u"carry boxes and furniture", u"pack and unpack for moves"},
     {u"help me move to a new flat", u"carry a sofa up two flights of stairs"}},
    {u"Polish", u"Languages", {}, {}},
    {u"Welsh", u"Languages", {}, {}},
    {u"Bengali", u"Languages", {}, {}},
    {u"Somali", u"Languages", {}, {}},
    {u"Arabic", u"Languages", {}, {}},
    {u"Portuguese", u"Languages", {}, {}},
    {u"Turkish", u"Languages", {}, {}},
    {u"Romanian", u"Languages", {}, {}},
};

constexpr const char16_t *LanguageOffers[] = {
    u"translate letters and forms from %1",
    u"practise %1 conversation with learners",
    u"interpret %1 at appointments",
    u"teach %1 to children on Saturdays",
};
constexpr const char16_t *LanguageNeeds[] = {
    u"interpret %1 at a GP appointment",
    u"help my children keep up their %1",
    u"translate a letter from %1",
    u"practise %1 before a trip home",
};

constexpr const char16_t *OfferLeads[] = {u"Can", u"Happy to", u"I can", u"Glad to", u"Offering to", u"Available to"};
constexpr const char16_t *NeedLeads[] = {u"Looking for someone to", u"Need help to", u"Would love someone to",
                                         u"Hoping to find someone to", u"Could anyone"};
constexpr const char16_t *Qualifiers[] = {
    u"",
    u"",
    u"",
    u" on weekday evenings",
    u" at weekends",
    u" for beginners",
    u" in Welsh or English",
    u" near %1",
    u" once a month",
    u" for small groups",
    u" at the hub on Saturdays",
    u" in %1 or nearby",
};

// ---- Other member details ---------------------------------------------------

constexpr const char16_t *Notes[] = {
    u"Prefers contact by text message.",
    u"Available weekday evenings.",
    u"Met at the spring fair.",
    u"Speaks several languages; happy to interpret.",
    u"Needs step-free access to venues.",
    u"Has a van and can help with moves.",
    u"Volunteered at the repair café.",
    u"Bilingual Welsh/English.",
    u"Happy to be a buddy for new members.",
    u"Joined after the litter pick in the park.",
    u"Works nights; best reached after 2 pm.",
    u"Brought a friend to the community lunch.",
};
constexpr const char16_t *Interests[] = {u"volunteer", u"facilitator", u"organiser", u"mentor", u"host", u"driver"};
constexpr const char16_t *MailDomains[] = {u"example.com", u"example.org", u"example.net", u"mail.example.com",
                                           u"post.example.org"};

// ---- Organisations ----------------------------------------------------------

struct OrganisationSpec
{
    const char16_t *type;
    const char16_t *offerSkill;
    const char16_t *offer;
    const char16_t *needSkill;
    const char16_t *need;
};

const OrganisationSpec Organisations[] = {
    {u"Café", u"Catering for groups", u"Free back room for community meetings on Tuesday mornings.", u"Social media",
     u"Help posting our weekly specials online."},
    {u"Bakery", u"Baking", u"Day-old bread and pastries for the food bank every Friday.", u"Bookkeeping",
     u"Someone to help with our end-of-year accounts."},
    {u"Repair Café", u"Electronics repair", u"Monthly repair sessions: bring broken lamps, toasters and radios.",
     u"Carpentry", u"Volunteers who can fix wobbly chairs and tables."},
    {u"Food Bank", u"Benefits advice", u"Signposting to benefits advice and energy grants.", u"Driving (van)",
     u"Drivers to collect donations from supermarkets on Saturdays."},
    {u"Community Garden", u"Gardening", u"Plots and tools to share: come and grow vegetables with us.", u"Carpentry",
     u"Help building raised beds and a compost bay."},
    {u"Credit Union", u"Bookkeeping", u"Free sessions on budgeting and saving.", u"Web design",
     u"Help refreshing our website."},
    {u"Bike Kitchen", u"Bike repair", u"Open workshop with stands and tools every Saturday.", u"Bike repair",
     u"Volunteer mechanics for Saturday sessions."},
    {u"Tool Library", u"Carpentry", u"Drills, ladders and saws to borrow for a small yearly fee.", u"Spreadsheets",
     u"Help keeping our lending records."},
    {u"Youth Club", u"Maths tutoring", u"Homework club for 11–16 year olds on Wednesdays.", u"Event photography",
     u"Photos of our summer showcase."},
    {u"Community Choir", u"Singing", u"Everyone welcome, no auditions: Thursday rehearsals.", u"Piano",
     u"An accompanist for Thursday rehearsals."},
    {u"Sewing Circle", u"Sewing", u"Mending afternoons: bring clothes that need a stitch.", u"Sewing",
     u"Donations of fabric and a second sewing machine."},
    {u"Refill Shop", u"Composting", u"We collect food scraps for our compost scheme.", u"Social media",
     u"Someone to run our Instagram page."},
    {u"Men's Shed", u"Carpentry", u"Woodwork and a cuppa for anyone who wants to make things.", u"Electronics repair",
     u"A volunteer who can fix old power tools."},
    {u"Language Café", u"English conversation", u"Friendly English conversation practice on Mondays.", u"Welsh",
     u"A Welsh speaker to run a beginners' table."},
    {u"Allotment Society", u"Gardening", u"Spare seedlings every spring.", u"Tree pruning",
     u"Help pruning the orchard in winter."},
};
constexpr const char16_t *OrganisationPrefixes[] = {
    u"Cwtch",      u"Open Door", u"Green Lane", u"Corner", u"Old Library",
    u"Blue Bench", u"Seren",     u"Hafan",      u"Croeso", u"Tŷ Pawb",
};

// ---- Helpers ----------------------------------------------------------------

QString text(const char16_t *s)
{
    return QString::fromUtf16(s);
}

/// A whole number in [low, high].
int between(QRandomGenerator &random, int low, int high)
{
    return low + int(random.bounded(high - low + 1));
}

bool chance(QRandomGenerator &random, int percent)
{
    return int(random.bounded(100)) < percent;
}

/// The ASCII letters and digits of a name, for e-mail addresses and web slugs:
/// "Adébáyọ̀" → "adebayo", "Ó Súilleabháin" → "osuilleabhain".
QString asciiSlug(const QString &name)
{
    QString out;
    for (QChar c : TextFold::fold(name))
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c;
    return out;
}

/// Weighted pick of a culture.
const Culture &pickCulture(QRandomGenerator &random)
{
    static const int total = [] {
        int sum = 0;
        for (const Culture &c : Cultures)
            sum += c.weight;
        return sum;
    }();
    int roll = int(random.bounded(total));
    for (const Culture &c : Cultures) {
        if (roll < c.weight)
            return c;
        roll -= c.weight;
    }
    return Cultures[0];
}

QString postcode(QRandomGenerator &random, const QString &district)
{
    const auto letter = [&random] {
        return QChar(InwardLetters[random.bounded(int(std::size(InwardLetters) - 1))]);
    };
    return district + u' ' + QString::number(random.bounded(10)) + letter() + letter();
}

QString phone(QRandomGenerator &random)
{
    // Ofcom's range for drama: 07700 900000 to 900999 never rings anyone.
    return QStringLiteral("07700 900%1").arg(random.bounded(1000), 3, 10, QLatin1Char('0'));
}

class Generator
{
public:
    Generator(Hub &hub, DemoContext &context)
        : m_hub(hub), m_context(context), m_random(context.random()), m_today(hub.members().today())
    {}

    Status run();

private:
    template<typename T, size_t N> const T &pick(const T (&items)[N]) { return m_context.pick(std::span(items)); }
    QString takeEmail(const QString &local, const QString &domain);
    Status ensureSkills();
    Status addPerson();
    Status addOrganisation();
    Status addListings(MemberId member, const QStringList &ownSkills, const QString &area);
    QString offerText(const SkillSpec &skill, const QString &area);
    QString needText(const SkillSpec &skill, const QString &area);
    QString qualifier(const QString &area);
    const SkillSpec &skillNamed(const QString &name) const;
    void setDates(MemberDraft &draft);
    Status reportProgress();

    Hub &m_hub;
    DemoContext &m_context;
    QRandomGenerator &m_random;
    QDate m_today;
    QSet<QString> m_emails; ///< case-folded addresses handed out so far
    std::vector<MemberId> m_people;
    int m_total = 0;
    int m_done = 0;
    int m_step = 1;
};

Status Generator::run()
{
    const DemoScale scale = m_context.options().scale;
    m_total = MemberDemoPart::memberCount(scale);
    const int organisations = MemberDemoPart::organisationCount(scale);
    // Progress about every 1%: often enough for a bar, rare enough to cost nothing.
    m_step = std::max(1, m_total / 100);
    m_people.reserve(size_t(m_total - organisations));
    if (auto ok = ensureSkills(); !ok)
        return ok;
    // People first, so every organisation can name some of them as contacts.
    for (int i = 0; i < m_total - organisations; ++i)
        if (auto ok = addPerson(); !ok)
            return ok;
    for (int i = 0; i < organisations; ++i)
        if (auto ok = addOrganisation(); !ok)
            return ok;
    return m_context.progress(m_total, m_total);
}

/// An address unique ignoring case: a number is added when the plain form is
/// taken, as in a real list of members.
QString Generator::takeEmail(const QString &local, const QString &domain)
{
    QString candidate = local + u'@' + domain;
    for (int n = 2; m_emails.contains(candidate.toCaseFolded()); ++n)
        candidate = local + QString::number(n) + u'@' + domain;
    m_emails.insert(candidate.toCaseFolded());
    return candidate;
}

Status Generator::reportProgress()
{
    ++m_done;
    if (m_done % m_step == 0 && m_done < m_total)
        return m_context.progress(m_done, m_total);
    return {};
}

Status Generator::ensureSkills()
{
    // The taxonomy with its categories comes first; members then refer to it by name.
    for (const SkillSpec &s : Skills)
        if (auto skill = m_hub.skills().ensure(text(s.name), text(s.category)); !skill)
            return fail(skill.error());
    return {};
}

const SkillSpec &Generator::skillNamed(const QString &name) const
{
    for (const SkillSpec &s : Skills)
        if (text(s.name) == name)
            return s;
    return Skills[0];
}

void Generator::setDates(MemberDraft &draft)
{
    // Joined over the past five years; most still active.
    draft.joinedOn = m_today.addDays(-qint64(m_random.bounded(5 * 365)));
    const int roll = int(m_random.bounded(100));
    const qint64 since = draft.joinedOn.daysTo(m_today);
    if (roll < 11) {
        draft.status = MemberStatus::Lapsed;
        draft.lapsedOn = draft.joinedOn.addDays(qint64(m_random.bounded(int(since) + 1)));
    } else if (roll < 18) {
        draft.status = MemberStatus::Left;
        draft.leftOn = draft.joinedOn.addDays(qint64(m_random.bounded(int(since) + 1)));
    }
}

Status Generator::addPerson()
{
    const Culture &culture = pickCulture(m_random);
    // Some families mix: about one in seven has a family name from another background.
    const Culture &familyCulture = chance(m_random, 15) ? pickCulture(m_random) : culture;
    MemberDraft d;
    d.kind = MemberKind::Person;
    d.givenName = text(m_context.pick(culture.given));
    d.familyName = text(m_context.pick(familyCulture.family));
    d.displayName = d.givenName + u' ' + d.familyName;

    if (chance(m_random, 85)) {
        const QString given = asciiSlug(d.givenName);
        const QString family = asciiSlug(d.familyName);
        QString local;
        switch (m_random.bounded(5)) {
        case 0:
            local = given + u'.' + family;
            break;
        case 1:
            local = given + family;
            break;
        case 2:
            local = given.left(1) + u'.' + family;
            break;
        case 3:
            local = given + u'_' + family;
            break;
        default:
            local = family + u'.' + given;
            break;
        }
        d.email = takeEmail(local, text(pick(MailDomains)));
    }
    if (chance(m_random, 70))
        d.phone = phone(m_random);
    const QString district = text(pick(Districts));
    const QString area = text(pick(Areas));
    if (chance(m_random, 95))
        d.postcode = postcode(m_random, district);
    if (chance(m_random, 60))
        d.address = (chance(m_random, 20) ? QStringLiteral("Flat %1, ").arg(between(m_random, 1, 12)) : QString()) +
                    QString::number(between(m_random, 1, 240)) + u' ' + text(pick(Streets)) +
                    QStringLiteral(", Cardiff");
    if (chance(m_random, 15))
        d.notes = text(pick(Notes));
    if (chance(m_random, 40)) {
        d.interests << text(pick(Interests));
        if (chance(m_random, 30))
            d.interests << text(pick(Interests)); // a repeat is dropped by the service
    }
    setDates(d);
    // Most agree to the shared directory; fewer show their phone than their e-mail.
    d.consent.directoryVisible = chance(m_random, 80);
    d.consent.showEmail = d.consent.directoryVisible && !d.email.isEmpty() && chance(m_random, 60);
    d.consent.showPhone = d.consent.directoryVisible && !d.phone.isEmpty() && chance(m_random, 35);

    auto member = m_hub.members().add(d);
    if (!member)
        return fail(member.error());
    m_people.push_back(member->id);

    // Skills: a quarter list none; a background language is often among them.
    QList<MemberSkill> skills;
    QStringList names;
    const int roll = int(m_random.bounded(100));
    const int wanted = roll < 25 ? 0 : roll < 55 ? 1 : roll < 80 ? 2 : roll < 93 ? 3 : 4;
    if (culture.language && wanted > 0 && chance(m_random, 50))
        names << text(culture.language);
    while (names.size() < wanted) {
        const QString name = text(pick(Skills).name);
        if (!names.contains(name))
            names << name;
    }
    for (const QString &name : std::as_const(names)) {
        const int level = int(m_random.bounded(100));
        skills << MemberSkill{SkillId(), name,
                              level < 20   ? SkillLevel::Unspecified
                              : level < 45 ? SkillLevel::Beginner
                              : level < 80 ? SkillLevel::Intermediate
                                           : SkillLevel::Expert};
    }
    if (!skills.isEmpty())
        if (auto ok = m_hub.skills().setMemberSkills(member->id, skills); !ok)
            return ok;
    if (auto ok = addListings(member->id, names, area); !ok)
        return ok;
    return reportProgress();
}

QString Generator::qualifier(const QString &area)
{
    const QString q = text(pick(Qualifiers));
    return q.contains(QStringLiteral("%1")) ? q.arg(area) : q;
}

QString Generator::offerText(const SkillSpec &skill, const QString &area)
{
    const QString what =
        skill.offers[0] ? text(skill.offers[m_random.bounded(2)]) : text(pick(LanguageOffers)).arg(text(skill.name));
    return text(pick(OfferLeads)) + u' ' + what + qualifier(area) + u'.';
}

QString Generator::needText(const SkillSpec &skill, const QString &area)
{
    const QString lead = text(pick(NeedLeads));
    const QString what =
        skill.needs[0] ? text(skill.needs[m_random.bounded(2)]) : text(pick(LanguageNeeds)).arg(text(skill.name));
    return lead + u' ' + what + qualifier(area) + (lead.startsWith(u'C') ? u'?' : u'.');
}

Status Generator::addListings(MemberId member, const QStringList &ownSkills, const QString &area)
{
    int roll = int(m_random.bounded(100));
    const int offers = roll < 55 ? 0 : roll < 88 ? 1 : 2;
    for (int i = 0; i < offers; ++i) {
        // Mostly something they listed as a skill; now and then an offer without one.
        const SkillSpec &skill =
            !ownSkills.isEmpty() && chance(m_random, 80) ? skillNamed(m_context.pick(ownSkills)) : pick(Skills);
        const QString description = offerText(skill, area);
        const QString skillName = chance(m_random, 5) ? QString() : text(skill.name);
        const std::optional<Amount> rate =
            chance(m_random, 60) ? std::optional(Amount::fromMinor(between(m_random, 2, 6) * 50)) : std::nullopt;
        auto offer = m_hub.listings().addOffer(member, skillName, description, rate);
        if (!offer)
            return fail(offer.error());
        if (chance(m_random, 8))
            if (auto ok = m_hub.listings().closeOffer(offer->id); !ok)
                return ok;
    }
    roll = int(m_random.bounded(100));
    const int needs = roll < 68 ? 0 : roll < 94 ? 1 : 2;
    for (int i = 0; i < needs; ++i) {
        const SkillSpec &skill = pick(Skills);
        const int u = int(m_random.bounded(100));
        const Urgency urgency = u < 25 ? Urgency::Low : u < 80 ? Urgency::Normal : Urgency::High;
        auto need = m_hub.listings().addNeed(member, text(skill.name), needText(skill, area), urgency);
        if (!need)
            return fail(need.error());
        if (chance(m_random, 8))
            if (auto ok = m_hub.listings().closeNeed(need->id); !ok)
                return ok;
    }
    return {};
}

Status Generator::addOrganisation()
{
    const OrganisationSpec &spec = pick(Organisations);
    const QString area = text(pick(Areas));
    const QString prefix = chance(m_random, 60) ? area : text(pick(OrganisationPrefixes));
    MemberDraft d;
    d.kind = MemberKind::Organisation;
    d.displayName = prefix + u' ' + text(spec.type);
    // One address per organisation, used for its e-mail and its website alike.
    const QString email = takeEmail(QStringLiteral("hello"), asciiSlug(d.displayName) + QStringLiteral(".example.org"));
    d.email = email;
    d.website = QStringLiteral("https://www.") + email.section(u'@', 1);
    d.phone = phone(m_random);
    d.postcode = postcode(m_random, text(pick(Districts)));
    d.address = QString::number(between(m_random, 1, 240)) + u' ' + text(pick(Streets)) + QStringLiteral(", Cardiff");
    d.interests << QStringLiteral("business");
    setDates(d);
    if (d.status == MemberStatus::Left) { // organisations rarely leave; keep them listed
        d.status = MemberStatus::Active;
        d.leftOn = QDate();
    }
    d.consent = {true, true, chance(m_random, 70)};

    auto org = m_hub.members().add(d);
    if (!org)
        return fail(org.error());
    if (auto ok = m_hub.skills().setMemberSkills(org->id,
                                                 {MemberSkill{SkillId(), text(spec.offerSkill), SkillLevel::Expert}});
        !ok)
        return ok;
    if (auto ok = m_hub.listings().addOffer(org->id, text(spec.offerSkill), text(spec.offer)); !ok)
        return fail(ok.error());
    if (auto ok = m_hub.listings().addNeed(org->id, text(spec.needSkill), text(spec.need)); !ok)
        return fail(ok.error());
    // One or two contact people from among the members.
    QList<MemberId> contacts;
    const int wanted = between(m_random, 1, 2);
    while (!m_people.empty() && contacts.size() < wanted) {
        const MemberId person = m_people[m_random.bounded(int(m_people.size()))];
        if (!contacts.contains(person))
            contacts << person;
        if (m_people.size() == 1)
            break;
    }
    if (auto ok = m_hub.members().setContacts(org->id, contacts); !ok)
        return ok;
    return reportProgress();
}

} // namespace

int MemberDemoPart::memberCount(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return 60;
    case DemoScale::Town:
        return 3'000;
    case DemoScale::City:
        return 100'000;
    }
    return 60;
}

int MemberDemoPart::organisationCount(DemoScale scale)
{
    // At least two, so even the small demo shows what an organisation looks like.
    return std::max(2, memberCount(scale) * 3 / 100);
}

Status MemberDemoPart::generate(Hub &hub, DemoContext &context)
{
    Generator generator(hub, context);
    return generator.run();
}

} // namespace hub
