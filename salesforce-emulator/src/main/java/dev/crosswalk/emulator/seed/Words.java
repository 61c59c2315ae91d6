package dev.crosswalk.emulator.seed;

import java.util.List;

/**
 * Hand-made word lists the generator draws from. Small on purpose: no dependency, fast, and every
 * string here is a shared constant, so millions of seeded records reuse the same instances.
 *
 * <p>Invariants {@link CompanyGenerator} relies on for unique domains (checked when it loads):
 * no word contains a hyphen, every first+second word concatenation is distinct, and no
 * {@link #DOMAIN_VARIANTS domain variant} equals a sector slug.
 */
final class Words {
    private Words() {
    }

    /** First part of a company's brand ("North" in "Northwind", "Blue" in "Blue Harbor"). */
    static final List<String> FIRST = List.of(
            "North", "South", "East", "West", "Blue", "Red", "Green", "Silver", "Golden", "Iron",
            "Oak", "Pine", "Cedar", "Maple", "Birch", "Willow", "River", "Lake", "Sun", "Star",
            "Moon", "Bright", "Clear", "Swift", "Rapid", "Summit", "Apex", "Alpine", "Coastal", "Atlas",
            "Nova", "Vertex", "Orbit", "Polar", "Crystal", "Granite", "Copper", "Eagle", "Falcon", "Hawk",
            "Wolf", "Fox", "Bear", "Lion", "Tiger", "Raven", "Crane", "Heron", "Otter", "Lynx",
            "Prime", "Bold", "True", "Open", "Quiet", "Grand", "Royal", "Noble", "Brave", "Keen",
            "High", "Deep", "Wide", "Far", "Old", "New", "Little", "Big", "Black", "White",
            "Amber", "Ivory", "Indigo", "Scarlet", "Azure", "Emerald", "Jade", "Onyx", "Cobalt", "Sable",
            "Harbor", "Meadow", "Canyon", "Prairie", "Tundra", "Delta", "Cape", "Island", "Glacier", "Forest",
            "Quantum", "Vector", "Pixel", "Cipher", "Signal", "Fusion", "Pulse", "Spark", "Beacon", "Compass",
            "Anchor", "Lantern", "Harvest", "Orchard", "Timber", "Hearth", "Ember", "Frost", "Storm", "Thunder",
            "Müller", "Grün", "Schön", "Löwen", "Bär", "Fjäll");

    /** Second part of a brand ("wind" in "Northwind", "Harbor" in "Blue Harbor"). */
    static final List<String> SECOND = List.of(
            "Wind", "Bridge", "Ridge", "Peak", "Field", "Gate", "Way", "Point", "Bay", "Brook",
            "Creek", "Valley", "Wood", "Stone", "Rock", "Hill", "Haven", "Port", "Crest", "Light",
            "Path", "Line", "Works", "Mark", "Shore", "Water", "Land", "Vale", "Dale", "Glen",
            "Ford", "Mill", "Tower", "Hall", "Yard", "Star", "Spring", "Fall", "Leaf", "Root",
            "Branch", "Grove", "Garden", "Sky", "Cloud", "Rain", "Snow", "Tide", "Wave", "Current",
            "Stream", "Flow", "Forge", "Craft", "Smith", "Wright", "Mason", "Field", "Stead", "Wick",
            "Ton", "Burg", "Castle", "Keep", "Watch", "Guard", "Shield", "Arrow", "Bow", "Blade",
            "Wing", "Feather", "Horn", "Claw", "Heart", "Mind", "Hand", "Eye", "Crown", "Throne",
            "Quest", "Trail", "Road", "Track", "Rail", "Dock", "Pier", "Harbor", "Bank", "Vault",
            "Gear", "Wheel", "Axis", "Core", "Grid", "Node", "Link", "Loop", "Scope", "Sphere",
            "Front", "Base", "Camp", "Lodge", "Barn", "Farm", "Acre", "Plain", "Moor", "Heath")
            .stream().distinct().toList();

    /** A sector word and the Salesforce industry it implies ("Logistics" → Transportation). */
    record Sector(String word, String industry) {
    }

    static final List<Sector> SECTORS = List.of(
            new Sector("Logistics", "Transportation"), new Sector("Freight", "Transportation"),
            new Sector("Logistik", "Transportation"), new Sector("Foods", "Food & Beverage"),
            new Sector("Brewing", "Food & Beverage"), new Sector("Coffee", "Food & Beverage"),
            new Sector("Systems", "Technology"), new Sector("Software", "Technology"),
            new Sector("Analytics", "Technology"), new Sector("Cloud", "Technology"),
            new Sector("Data", "Technology"), new Sector("Security", "Technology"),
            new Sector("Labs", "Biotechnology"), new Sector("Pharma", "Biotechnology"),
            new Sector("Consulting", "Consulting"), new Sector("Advisors", "Consulting"),
            new Sector("Energy", "Energy"), new Sector("Solar", "Energy"),
            new Sector("Health", "Healthcare"), new Sector("Medical", "Healthcare"),
            new Sector("Capital", "Finance"), new Sector("Ventures", "Finance"),
            new Sector("Bank", "Banking"), new Sector("Insurance", "Insurance"),
            new Sector("Media", "Media"), new Sector("Studios", "Entertainment"),
            new Sector("Games", "Entertainment"), new Sector("Farms", "Agriculture"),
            new Sector("Apparel", "Apparel"), new Sector("Textiles", "Apparel"),
            new Sector("Chemicals", "Chemicals"), new Sector("Construction", "Construction"),
            new Sector("Builders", "Construction"), new Sector("Bau", "Construction"),
            new Sector("Engineering", "Engineering"), new Sector("Technik", "Engineering"),
            new Sector("Electronics", "Electronics"), new Sector("Robotics", "Machinery"),
            new Sector("Machines", "Machinery"), new Sector("Motors", "Manufacturing"),
            new Sector("Manufacturing", "Manufacturing"), new Sector("Industries", "Manufacturing"),
            new Sector("Networks", "Telecommunications"), new Sector("Telecom", "Telecommunications"),
            new Sector("Mobile", "Communications"), new Sector("Hotels", "Hospitality"),
            new Sector("Travel", "Hospitality"), new Sector("Retail", "Retail"),
            new Sector("Outfitters", "Retail"), new Sector("Shipping", "Shipping"),
            new Sector("Utilities", "Utilities"), new Sector("Water", "Utilities"),
            new Sector("Recycling", "Environmental"), new Sector("Learning", "Education"),
            new Sector("Academy", "Education"), new Sector("Foundation", "Not For Profit"),
            new Sector("Sports", "Recreation"), new Sector("Outdoors", "Recreation"),
            new Sector("Telecommunications", "Telecommunications"), new Sector("Government Solutions", "Government"));

    /**
     * One slot per top-level domain choice. A slot is a public suffix plus a label variant, so
     * popular suffixes (.com) get several slots, each producing a different domain
     * ("northwind-logistics.com", "northwind-logistics-group.com") and uniqueness survives.
     */
    record TldSlot(String suffix, String variant) {
    }

    /** Label variants for extra slots; never equal to a sector slug (keeps domains unique). */
    static final List<String> DOMAIN_VARIANTS = List.of("", "group", "hq", "inc", "global", "usa", "corp", "uk", "gmbh");

    static final List<TldSlot> TLD_SLOTS = List.of(
            new TldSlot("com", ""), new TldSlot("com", "group"), new TldSlot("com", "hq"), new TldSlot("com", "inc"),
            new TldSlot("com", "global"), new TldSlot("com", "usa"), new TldSlot("com", "corp"),
            new TldSlot("io", ""), new TldSlot("net", ""), new TldSlot("co", ""),
            new TldSlot("co.uk", ""), new TldSlot("co.uk", "uk"), new TldSlot("de", ""), new TldSlot("de", "gmbh"),
            new TldSlot("fr", ""), new TldSlot("com.au", ""), new TldSlot("co.jp", ""), new TldSlot("nl", ""),
            new TldSlot("ca", ""), new TldSlot("ch", ""), new TldSlot("es", ""), new TldSlot("se", ""),
            new TldSlot("it", ""), new TldSlot("com.br", ""), new TldSlot("co.in", ""));

    /** The public suffixes the generator uses: tests and readers can strip them to find registrable domains. */
    static final List<String> PUBLIC_SUFFIXES = TLD_SLOTS.stream().map(TldSlot::suffix).distinct().toList();

    /** A country with its cities, states (parallel to cities, or null) and legal suffixes. */
    record Country(String name, String callingCode, List<String> cities, List<String> states, List<String> legalSuffixes) {
    }

    static final Country US = new Country("United States", "+1",
            List.of("New York", "San Francisco", "Austin", "Chicago", "Seattle", "Boston", "Denver", "Atlanta", "Miami", "Portland"),
            List.of("NY", "CA", "TX", "IL", "WA", "MA", "CO", "GA", "FL", "OR"),
            List.of("Inc.", "LLC", "Corp.", "Inc", ""));
    static final Country UK = new Country("United Kingdom", "+44",
            List.of("London", "Manchester", "Edinburgh", "Bristol", "Leeds", "Birmingham", "Glasgow", "Cambridge"), null,
            List.of("Ltd", "Limited", "plc", "Ltd."));
    static final Country DE = new Country("Germany", "+49",
            List.of("Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig"), null,
            List.of("GmbH", "AG", "GmbH & Co. KG", "SE"));
    static final Country FR = new Country("France", "+33",
            List.of("Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille"), null,
            List.of("SAS", "SA", "SARL"));
    static final Country AU = new Country("Australia", "+61",
            List.of("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"),
            List.of("NSW", "VIC", "QLD", "WA", "SA"), List.of("Pty Ltd", "Pty. Ltd."));
    static final Country JP = new Country("Japan", "+81",
            List.of("Tokyo", "Osaka", "Yokohama", "Nagoya", "Fukuoka"), null, List.of("K.K.", "Co., Ltd."));
    static final Country NL = new Country("Netherlands", "+31",
            List.of("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag"), null, List.of("B.V.", "N.V."));
    static final Country CA = new Country("Canada", "+1",
            List.of("Toronto", "Vancouver", "Montréal", "Calgary", "Ottawa"),
            List.of("ON", "BC", "QC", "AB", "ON"), List.of("Inc.", "Ltd.", "Corp."));
    static final Country CH = new Country("Switzerland", "+41",
            List.of("Zürich", "Genève", "Basel", "Bern", "Lausanne"), null, List.of("AG", "SA", "GmbH"));
    static final Country ES = new Country("Spain", "+34",
            List.of("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"), null, List.of("S.L.", "S.A."));
    static final Country SE = new Country("Sweden", "+46",
            List.of("Stockholm", "Göteborg", "Malmö", "Uppsala"), null, List.of("AB"));
    static final Country IT = new Country("Italy", "+39",
            List.of("Milano", "Roma", "Torino", "Bologna", "Firenze"), null, List.of("S.p.A.", "S.r.l."));
    static final Country BR = new Country("Brazil", "+55",
            List.of("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba"), null, List.of("Ltda.", "S.A."));
    static final Country IN = new Country("India", "+91",
            List.of("Bengaluru", "Mumbai", "Delhi", "Hyderabad", "Pune", "Chennai"), null, List.of("Pvt. Ltd.", "Ltd."));

    /** Countries for generic suffixes (.com, .io, .net, .co), most often the United States. */
    static final List<Country> GENERIC_COUNTRIES = List.of(US, US, US, US, US, US, US, US, US, US, US, US,
            UK, UK, CA, CA, DE, NL, AU, IN, FR, SE);

    static Country countryForSuffix(String suffix) {
        return switch (suffix) {
            case "co.uk" -> UK;
            case "de" -> DE;
            case "fr" -> FR;
            case "com.au" -> AU;
            case "co.jp" -> JP;
            case "nl" -> NL;
            case "ca" -> CA;
            case "ch" -> CH;
            case "es" -> ES;
            case "se" -> SE;
            case "it" -> IT;
            case "com.br" -> BR;
            case "co.in" -> IN;
            default -> null;
        };
    }

    static final List<String> FIRST_NAMES = List.of(
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley",
            "Steven", "Emily", "Andrew", "Donna", "Kevin", "Michelle", "Brian", "Carol", "George", "Amanda",
            "Oliver", "Amelia", "Harry", "Isla", "Jack", "Ava", "Noah", "Mia", "Leo", "Sophie",
            "Lukas", "Hannah", "Jonas", "Lea", "Felix", "Lena", "Jürgen", "Anja", "Stefan", "Katrin",
            "Louis", "Camille", "Hugo", "Chloé", "Jules", "Léa", "Mateo", "Lucía", "Hiroshi", "Yuki",
            "Kenji", "Sakura", "Arjun", "Priya", "Rahul", "Ananya", "Wei", "Mei", "Lars", "Ingrid");
    static final List<String> LAST_NAMES = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schröder", "Hoffmann",
            "Dubois", "Lefèvre", "Moreau", "Laurent", "Bernard", "Rossi", "Russo", "Ferrari", "Sato", "Suzuki",
            "Takahashi", "Tanaka", "Patel", "Sharma", "Singh", "Kumar", "Chen", "Wang", "Li", "Zhang",
            "O'Brien", "Murphy", "Kelly", "Andersson", "Johansson", "Nilsson", "de Vries", "Jansen", "Silva", "Santos");
    static final List<String> TITLES = List.of("CEO", "CTO", "CFO", "VP Sales", "VP Marketing", "Head of Partnerships",
            "Director of Operations", "IT Manager", "Procurement Manager", "Sales Manager", "Account Executive",
            "Marketing Manager", "Software Engineer", "Product Manager", "Office Manager", "Founder",
            "Chief Revenue Officer", "Head of IT", "Operations Analyst", "Business Development Representative");
    static final List<String> PERSONAL_EMAIL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com", "hotmail.com",
            "icloud.com");
    static final List<String> GARBAGE_WEBSITES = List.of("n/a", "-", "none", "N/A", "TBD", "unknown", "na", ".");
    static final List<String> SUBDOMAINS = List.of("shop", "en", "us", "store", "app", "go", "corporate", "info");
    static final List<String> PATHS = List.of("/en/home", "/about", "/index.html", "/de/", "/en-us/", "/products",
            "/contact-us", "/home.aspx");
    static final List<String> QUERIES = List.of("?utm_source=x", "?utm_source=linkedin&utm_medium=social",
            "?ref=partner", "?lang=en", "?gclid=abc123");
    static final List<String> PORTS = List.of(":8080", ":443", ":80", ":8443");
    static final List<String> EMAIL_SUBDOMAINS = List.of("uk", "eu", "mail", "us", "corp");
}
