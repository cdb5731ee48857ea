// generate_org.cpp: the synthetic organisation: queues and their products, engineers, customers, CSAMs.
#include <algorithm>
#include <unordered_set>

#include "generate_parts.h"

namespace cb::gen {

// Loads above ~1.3 mark the overloaded queues, where SLA breaches and transfers cluster.
const QueueSpec kQueues[] = {
    {"Azure Infrastructure",
     18,
     1.9,
     {"Azure Virtual Machines", "Azure Kubernetes Service", "Azure Storage", "Azure Backup",
      "Azure Site Recovery"},
     {"VM fails to start after resize", "Intermittent disk latency spikes", "Node pool upgrade stuck",
      "Backup job fails with timeout", "Unexpected reboot during maintenance window"}},
    {"Microsoft 365",
     16,
     1.0,
     {"Exchange Online", "Microsoft Teams", "SharePoint Online", "OneDrive for Business",
      "Microsoft 365 Apps"},
     {"Mail flow delayed for external recipients", "Meetings drop after 60 minutes",
      "Sync errors for some users", "Sharing links stopped working", "Outlook crashes on start"}},
    {"Identity & Access",
     12,
     1.7,
     {"Microsoft Entra ID", "Conditional Access", "Entra Connect Sync", "Privileged Identity Management",
      "Entra External ID"},
     {"Users cannot sign in with MFA", "Conditional Access policy blocks admins", "Directory sync stopped",
      "Guest invitations fail", "Token lifetime issue after policy change"}},
    {"Dynamics 365",
     9,
     1.0,
     {"Dynamics 365 Sales", "Dynamics 365 Customer Service", "Dynamics 365 Finance",
      "Dynamics 365 Supply Chain Management", "Dataverse"},
     {"Plug-in throws timeout on save", "Batch job stuck in executing", "Dual-write mapping errors",
      "Slow form load after update", "Workflow no longer triggers"}},
    {"Networking",
     8,
     1.1,
     {"Azure Virtual Network", "ExpressRoute", "Azure Firewall", "Application Gateway", "VPN Gateway"},
     {"Packet loss over ExpressRoute circuit", "Firewall drops allowed traffic", "502 errors from gateway",
      "Site-to-site tunnel flapping", "DNS resolution fails in peered VNet"}},
    {"SQL & Data",
     9,
     0.9,
     {"Azure SQL Database", "SQL Server", "Azure Synapse Analytics", "Azure Data Factory", "Azure Cosmos DB"},
     {"Query performance regression", "Pipeline fails with copy activity error",
      "Failover group not failing over", "High DTU consumption", "Throttling (429) on writes"}},
    {"Security",
     8,
     1.2,
     {"Microsoft Defender for Endpoint", "Microsoft Sentinel", "Defender for Cloud", "Microsoft Purview",
      "Defender for Office 365"},
     {"Devices not onboarding", "Analytics rule stopped firing", "False positive quarantines",
      "Alerts missing", "Sensitivity labels not applied"}},
    {"DevOps",
     6,
     0.8,
     {"Azure DevOps Services", "Azure Pipelines", "GitHub Enterprise", "Azure Artifacts", "Azure Repos"},
     {"Pipeline agents queue indefinitely", "Service connection expired", "Feed returns 401",
      "Pull request policies not enforced", "Slow clone performance"}},
    {"Windows & Devices",
     7,
     1.0,
     {"Microsoft Intune", "Windows 11", "Windows Server", "Windows 365", "Azure Virtual Desktop"},
     {"Devices fail compliance after update", "Blue screen after cumulative update",
      "Autopilot enrolment fails", "Cloud PC provisioning error", "Session hosts unavailable"}},
    {"Power Platform",
     5,
     0.9,
     {"Power BI", "Power Apps", "Power Automate", "Power Pages", "Copilot Studio"},
     {"Dataset refresh fails", "Flow runs throttled", "App fails to load for some users",
      "Gateway connection errors", "Capacity overload warnings"}},
    {"App Services & Integration",
     5,
     1.0,
     {"Azure App Service", "Azure Functions", "Logic Apps", "API Management", "Service Bus"},
     {"Cold start latency", "Deployment slot swap fails", "Messages stuck in dead-letter queue",
      "APIM returns 500 for backend", "Certificate binding error"}},
    {"AI & Analytics",
     4,
     1.5,
     {"Azure OpenAI Service", "Azure AI Search", "Azure Machine Learning", "Azure AI Document Intelligence",
      "Microsoft Fabric"},
     {"Quota exceeded errors", "Indexer fails on large documents", "Training job stuck in queue",
      "Model deployment latency", "Capacity throttling"}},
};
const int kQueueCount = static_cast<int>(sizeof kQueues / sizeof kQueues[0]);

const char* const kLangCodes[kLangCount] = {"en", "de", "fr", "es", "el", "ru"};

// Engineers come from everywhere; first and last names are drawn within one culture.
struct Culture {
    const char* first[8];
    const char* last[8];
};
static const Culture kCultures[] = {
    {{"Lukas", "Anna", "Jonas", "Lea", "Felix", "Sophie", "Maximilian", "Katharina"},
     {"Schneider", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Krüger"}},
    {{"Priya", "Arjun", "Ananya", "Rahul", "Divya", "Vikram", "Sneha", "Karthik"},
     {"Sharma", "Nair", "Iyer", "Patel", "Reddy", "Menon", "Gupta", "Rao"}},
    {{"Mateo", "Lucía", "Javier", "Carmen", "Diego", "Elena", "Pablo", "Marta"},
     {"García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres"}},
    {{"Chloé", "Julien", "Camille", "Antoine", "Manon", "Nicolas", "Léa", "Thomas"},
     {"Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau"}},
    {{"Eleni", "Nikos", "Maria", "Giorgos", "Katerina", "Dimitris", "Sofia", "Yannis"},
     {"Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou", "Pappas", "Vlachos", "Dimitriou", "Kostas"}},
    {{"Dmitri", "Olga", "Alexei", "Natalia", "Sergei", "Irina", "Pavel", "Svetlana"},
     {"Volkov", "Ivanova", "Smirnov", "Petrova", "Kuznetsov", "Sokolova", "Morozov", "Orlova"}},
    {{"Aisha", "Omar", "Fatima", "Youssef", "Layla", "Karim", "Amira", "Hassan"},
     {"Khan", "El Amrani", "Haddad", "Mansour", "Rahman", "Aziz", "Farouk", "Saleh"}},
    {{"Kenji", "Yuki", "Hiroshi", "Sakura", "Wei", "Mei", "Jun", "Hana"},
     {"Tanaka", "Sato", "Nakamura", "Chen", "Wang", "Li", "Kim", "Park"}},
    {{"Olumide", "Chiamaka", "Kwame", "Amara", "Tunde", "Ngozi", "Kofi", "Zainab"},
     {"Adeyemi", "Okafor", "Mensah", "Abubakar", "Owusu", "Eze", "Balogun", "Boateng"}},
    {{"Jan", "Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Ewa", "Marek", "Zofia"},
     {"Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Dąbrowski"}},
    {{"Emma", "James", "Olivia", "Liam", "Charlotte", "Noah", "Grace", "Oliver"},
     {"Smith", "O'Brien", "Taylor", "Walsh", "Murphy", "Clarke", "Hughes", "Evans"}},
    {{"Ingrid", "Lars", "Astrid", "Mikael", "Sanna", "Erik", "Maja", "Henrik"},
     {"Johansson", "Andersen", "Lindqvist", "Nielsen", "Virtanen", "Berg", "Halvorsen", "Larsen"}},
    {{"Mehmet", "Elif", "Emre", "Zeynep", "Burak", "Ayşe", "Can", "Selin"},
     {"Yılmaz", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan"}},
};
constexpr uint32_t kCultureCount = sizeof kCultures / sizeof kCultures[0];

std::string person_name(Rng& rng) {
    // One draw per statement: the evaluation order of operands differs between compilers.
    const Culture& c = kCultures[rng.below(kCultureCount)];
    const char* first = c.first[rng.below(8)];
    return std::string(first) + " " + c.last[rng.below(8)];
}

// Names no other person in `taken` has (bounded retries; a numeric suffix as the last resort).
static std::string unique_person(Rng& rng, std::unordered_set<std::string>* taken) {
    std::string name;
    for (int attempt = 0; attempt < 64; ++attempt) {
        name = person_name(rng);
        if (taken->insert(name).second) return name;
    }
    name += " " + std::to_string(taken->size());
    taken->insert(name);
    return name;
}

// Microsoft's fictitious companies first, then names built from a root and a sector.
static const char* const kFamousCustomers[] = {"Contoso Ltd",
                                               "Fabrikam Inc.",
                                               "Northwind Traders",
                                               "Adventure Works Cycles",
                                               "Woodgrove Bank",
                                               "Tailspin Toys",
                                               "Wide World Importers",
                                               "Litware Inc.",
                                               "Proseware Inc.",
                                               "Fourth Coffee",
                                               "Alpine Ski House",
                                               "Coho Winery",
                                               "Lamna Healthcare",
                                               "Trey Research",
                                               "Blue Yonder Airlines",
                                               "Relecloud",
                                               "Humongous Insurance",
                                               "Margie's Travel",
                                               "VanArsdel Ltd",
                                               "Wingtip Toys",
                                               "Tailwind Traders",
                                               "Lucerne Publishing",
                                               "Graphic Design Institute",
                                               "Consolidated Messenger",
                                               "Southridge Video",
                                               "City Power & Light",
                                               "Datum Corporation",
                                               "Bellows College",
                                               "First Up Consultants",
                                               "Munson's Pickles and Preserves"};
static const char* const kRoots[] = {
    "Nordstern",  "Rheintal",  "Alpenglühen", "Hansa",      "Iberia",   "Aegean",      "Danubia",
    "Helvetia",   "Baltica",   "Lusitania",   "Bavaria",    "Provence", "Carpathia",   "Atlantis",
    "Meridian",   "Aurora",    "Borealis",    "Castell",    "Olympus",  "Elbe",        "Moselle",
    "Tejo",       "Volga",     "Adriatic",    "Silverline", "Kestrel",  "Harbourview", "Granite",
    "Lighthouse", "Evergreen", "Bluewater",   "Ironbridge", "Crescent", "Summit",      "Brightwater",
    "Oakridge",   "Redwood",   "Sterling",    "Falcon",     "Pioneer"};
static const char* const kSectors[] = {
    "Logistics", "Energy",    "Insurance", "Pharma",     "Retail",       "Automotive",  "Bank",
    "Telecom",   "Health",    "Chemicals", "Foods",      "Engineering",  "Airlines",    "Shipping",
    "Media",     "Utilities", "Steel",     "Textiles",   "Hotels",       "Capital",     "Semiconductors",
    "Robotics",  "Mobility",  "Agritech",  "Biotech",    "Construction", "Analytics",   "Water",
    "Rail",      "Packaging", "Software",  "Consulting", "Brewing",      "Aerospace",   "Solar",
    "Medical",   "Finance",   "Gaming",    "Publishing", "Security",     "Cosmetics",   "Furniture",
    "Optics",    "Paper",     "Marine",    "Glass",      "Tools",        "Electronics", "Dairy",
    "Cement"};
static const char* const kSuffixes[kLangCount][3] = {{"Ltd", "plc", "Group"},   {"GmbH", "AG", "SE"},
                                                     {"SA", "SAS", "Groupe"},   {"S.A.", "S.L.", "Grupo"},
                                                     {"A.E.", "S.A.", "Group"}, {"LLC", "JSC", "Group"}};
constexpr uint32_t kRootCount = sizeof kRoots / sizeof kRoots[0];
constexpr uint32_t kSectorCount = sizeof kSectors / sizeof kSectors[0];
constexpr uint32_t kFamousCount = sizeof kFamousCustomers / sizeof kFamousCustomers[0];

static Lang draw_lang(Rng& rng) {
    static const double cum[kLangCount] = {45, 67, 78, 86, 93, 100};  // en de fr es el ru
    return static_cast<Lang>(rng.pick(cum, kLangCount));
}

static Offering draw_offering(Rng& rng, bool top) {
    if (top) return rng.chance(0.75) ? kUnified : kPremier;  // the biggest accounts buy enterprise support
    static const double cum[kOfferingCount] = {55, 67, 79, 100};  // unified premier asfp broad_commercial
    return static_cast<Offering>(rng.pick(cum, kOfferingCount));
}

void build_org(uint64_t case_count, uint64_t seed, Org* org) {
    Rng rng(seed, 1);
    org->queue_count = case_count < 20000 ? 10 : kQueueCount;
    const int nq = org->queue_count;
    double total = 0;
    for (int q = 0; q < nq; ++q) org->queue_cum.push_back(total += kQueues[q].weight);

    // Engineers: 40 for a small org, up to 80; overloaded queues get fewer heads than their volume needs.
    const uint32_t owner_count = 40 + static_cast<uint32_t>(std::min<uint64_t>(40, case_count / 25000));
    double staffing = 0;
    for (int q = 0; q < nq; ++q) staffing += kQueues[q].weight / kQueues[q].load;
    std::unordered_set<std::string> taken;
    org->queue_owners.assign(static_cast<size_t>(nq), {});
    for (int q = 0; q < nq; ++q) {
        const double share = kQueues[q].weight / kQueues[q].load / staffing;
        const uint32_t heads = std::max<uint32_t>(2, static_cast<uint32_t>(owner_count * share + 0.5));
        for (uint32_t h = 0; h < heads; ++h) {
            org->queue_owners[q].push_back(static_cast<uint32_t>(org->owners.size()));
            org->owner_queue.push_back(static_cast<uint32_t>(q));
            org->owners.push_back(unique_person(rng, &taken));
        }
    }

    // Customers: about one per 25 cases, between 20 and 2000; case volume follows a harmonic (Zipf) curve.
    const uint64_t wanted = std::min<uint64_t>(2000, std::max<uint64_t>(20, case_count / 25));
    org->customers.reserve(wanted);
    double cum = 0;
    for (uint32_t i = 0; i < wanted; ++i) {
        Customer c;
        c.lang = i < kFamousCount && rng.chance(0.4) ? kEn : draw_lang(rng);
        if (i < kFamousCount) {
            c.name = kFamousCustomers[i];
        } else {
            const uint32_t k = i - kFamousCount;  // root and sector advance together: all pairs differ
            c.name = std::string(kRoots[k % kRootCount]) + " " +
                     kSectors[(k + k / kRootCount) % kSectorCount] + " " + kSuffixes[c.lang][rng.below(3)];
        }
        c.offering = draw_offering(rng, i < wanted / 20 + 3);
        org->customers.push_back(std::move(c));
        org->customer_cum.push_back(cum += 1.0 / (i + 4.0));
    }

    // Customer Success Account Managers: one per ~6 plans, at least 3.
    const uint64_t plans = std::min<uint64_t>(400, std::max<uint64_t>(5, case_count / 150));
    const uint64_t csams = std::min<uint64_t>(60, std::max<uint64_t>(3, plans / 6));
    for (uint64_t i = 0; i < csams; ++i) org->csams.push_back(unique_person(rng, &taken));
}

}  // namespace cb::gen
