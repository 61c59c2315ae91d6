package dev.crosswalk.emulator.seed;

import java.util.AbstractList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic, index-addressable companies: {@code company(i)} depends only on the seed and
 * {@code i}, so a plan can place any company in several orgs and a million-record seed never
 * has to hold the company list in memory.
 *
 * <p>Domains are unique by construction, not by a "seen" set: a keyed Feistel permutation maps
 * the index onto a tuple (first word, second word, sector, suffix slot), and the domain spells
 * the whole tuple in a way that can be parsed back (see {@link Words} for the invariants,
 * checked when this class loads). The permutation also makes consecutive companies look
 * unrelated.
 */
public final class CompanyGenerator {
    private static final String[] FIRST = slugs(Words.FIRST);
    private static final String[] SECOND = slugs(Words.SECOND);
    /** Second words as they appear inside a compound brand ("wind" in "Northwind"). */
    private static final String[] SECOND_IN_COMPOUND = SECOND;
    private static final String[] SECTOR = Words.SECTORS.stream().map(s -> slug(s.word())).toArray(String[]::new);
    /** Sectors whose slug is a suffix of another's must be hyphenated, or "…works" could collide. */
    private static final boolean[] SECTOR_NEEDS_HYPHEN = new boolean[SECTOR.length];
    private static final Integer[] EMPLOYEES = boxInts(5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 100, 120,
            150, 180, 200, 250, 300, 350, 400, 500, 600, 750, 900, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000,
            7500, 10000, 12000, 15000, 20000, 25000, 40000, 60000, 100000);
    private static final double[] REVENUE_PER_EMPLOYEE = {80_000, 100_000, 120_000, 150_000, 200_000, 250_000, 300_000, 450_000};
    private static final Double[][] REVENUE = new Double[EMPLOYEES.length][REVENUE_PER_EMPLOYEE.length];
    private static final int SLOTS = Words.TLD_SLOTS.size();
    private static final int FEISTEL_ROUNDS = 4;

    static {
        Set<String> brands = new HashSet<>();
        for (String a : FIRST) {
            for (String b : SECOND) {
                if (!brands.add(a + b)) {
                    throw new IllegalStateException("ambiguous brand slug " + a + b);
                }
            }
        }
        Set<String> sectors = new HashSet<>(List.of(SECTOR));
        for (String v : Words.DOMAIN_VARIANTS) {
            if (sectors.contains(v)) {
                throw new IllegalStateException("domain variant equals a sector: " + v);
            }
        }
        for (int i = 0; i < SECTOR.length; i++) {
            if (sectors.size() != SECTOR.length || SECTOR[i].contains("-")) {
                throw new IllegalStateException("sector slugs must be distinct and hyphen-free");
            }
            for (int j = 0; j < SECTOR.length; j++) {
                if (i != j && (SECTOR[i].endsWith(SECTOR[j]) || SECTOR[j].endsWith(SECTOR[i]))) {
                    SECTOR_NEEDS_HYPHEN[i] = true;
                }
            }
        }
        for (int e = 0; e < EMPLOYEES.length; e++) {
            for (int m = 0; m < REVENUE_PER_EMPLOYEE.length; m++) {
                REVENUE[e][m] = (double) Math.round(EMPLOYEES[e] * REVENUE_PER_EMPLOYEE[m] / 10_000.0) * 10_000.0;
            }
        }
    }

    private final long seed;
    private final long capacity;
    private final int leftBits;
    private final int rightBits;
    private final long[] roundKeys = new long[FEISTEL_ROUNDS];

    public CompanyGenerator(long seed) {
        this.seed = seed;
        this.capacity = (long) FIRST.length * SECOND.length * SECTOR.length * SLOTS;
        // An unbalanced Feistel network over the smallest power of two ≥ capacity: cycle-walking
        // then needs fewer than two rounds on average.
        int bits = 64 - Long.numberOfLeadingZeros(capacity - 1);
        this.leftBits = bits / 2;
        this.rightBits = bits - leftBits;
        for (int r = 0; r < FEISTEL_ROUNDS; r++) {
            roundKeys[r] = Mix.key(seed, 0xFE15L, r, 0);
        }
    }

    public long seed() {
        return seed;
    }

    /** How many distinct companies (and domains) this generator can produce. */
    public long capacity() {
        return capacity;
    }

    /** The company at {@code index} (0 ≤ index < capacity); same seed and index, same company. */
    public Company company(long index) {
        long tuple = tuple(index);
        int slot = (int) (tuple % SLOTS);
        long rest = tuple / SLOTS;
        int sector = (int) (rest % SECTOR.length);
        rest /= SECTOR.length;
        int second = (int) (rest % SECOND.length);
        int first = (int) (rest / SECOND.length);

        SplittableRandom r = new SplittableRandom(Mix.key(seed, index, 0xC0, 0));
        Words.TldSlot tld = Words.TLD_SLOTS.get(slot);
        Words.Sector sectorDef = Words.SECTORS.get(sector);
        String firstWord = Words.FIRST.get(first);
        String secondWord = Words.SECOND.get(second);
        boolean compound = r.nextInt(10) < 4;
        String brandStem = compound ? firstWord + SECOND_IN_COMPOUND[second] : firstWord + " " + secondWord;
        String brand = brandStem + " " + sectorDef.word();

        Words.Country country = Words.countryForSuffix(tld.suffix());
        if (country == null) {
            country = pick(r, Words.GENERIC_COUNTRIES);
        }
        String legal = pick(r, country.legalSuffixes());
        String name = legal.isEmpty() ? brand : brand + " " + legal;
        int city = r.nextInt(country.cities().size());
        String state = country.states() == null ? null : country.states().get(city);

        // Small companies are far more common than large ones.
        int e = (int) (EMPLOYEES.length * Math.pow(r.nextDouble(), 1.8));
        Integer employees = r.nextInt(100) < 6 ? null : EMPLOYEES[e];
        Double revenue = r.nextInt(100) < 15 ? null : REVENUE[e][r.nextInt(REVENUE_PER_EMPLOYEE.length)];
        return new Company(index, name, brand, domain(first, second, sector, tld), sectorDef.industry(), employees,
                revenue, country.name(), country.cities().get(city), state, country.callingCode());
    }

    /**
     * The company's main phone number, e.g. {@code +44 207 946 0132}. Separate from
     * {@link #company(long)} because most records that mention a company never show it.
     */
    public String phone(Company company) {
        SplittableRandom r = new SplittableRandom(Mix.key(seed, company.index(), 0x9403E, 0));
        return company.callingCode() + " " + (100 + r.nextInt(900)) + " " + (100 + r.nextInt(900)) + " "
                + (1000 + r.nextInt(9000));
    }

    /** Only the canonical domain of the company at {@code index} (cheaper than {@link #company(long)}). */
    public String domain(long index) {
        long tuple = tuple(index);
        int slot = (int) (tuple % SLOTS);
        long rest = tuple / SLOTS;
        int sector = (int) (rest % SECTOR.length);
        rest /= SECTOR.length;
        int second = (int) (rest % SECOND.length);
        int first = (int) (rest / SECOND.length);
        return domain(first, second, sector, Words.TLD_SLOTS.get(slot));
    }

    /** The first {@code n} companies as a lazily computed list. */
    public List<Company> companies(int n) {
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("n must be between 0 and " + capacity);
        }
        return new AbstractList<>() {
            @Override
            public Company get(int i) {
                if (i < 0 || i >= n) {
                    throw new IndexOutOfBoundsException(i);
                }
                return company(i);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    private static String domain(int first, int second, int sector, Words.TldSlot tld) {
        // The hyphen choice is derived from the tuple (not drawn at random) so domain() stays cheap.
        boolean hyphen = SECTOR_NEEDS_HYPHEN[sector] || ((first * 31 + second * 17 + sector) & 1) == 0;
        StringBuilder label = new StringBuilder(48).append(FIRST[first]).append(SECOND[second]);
        if (hyphen) {
            label.append('-');
        }
        label.append(SECTOR[sector]);
        if (!tld.variant().isEmpty()) {
            label.append('-').append(tld.variant());
        }
        return label.append('.').append(tld.suffix()).toString();
    }

    private long tuple(long index) {
        if (index < 0 || index >= capacity) {
            throw new IllegalArgumentException("company index " + index + " outside 0.." + (capacity - 1));
        }
        // Cycle-walking keeps the Feistel permutation of [0, 2^bits) a permutation of [0, capacity).
        long x = encrypt(index);
        while (x >= capacity) {
            x = encrypt(x);
        }
        return x;
    }

    private long encrypt(long x) {
        int lw = leftBits;
        int rw = rightBits;
        long left = x >>> rw;
        long right = x & ((1L << rw) - 1);
        for (long key : roundKeys) {
            // (L, R) → (R, L xor F(R)): invertible whatever the widths; they swap every round and an
            // even number of rounds brings them back.
            long next = left ^ (Mix.mix64(right ^ key) & ((1L << lw) - 1));
            left = right;
            right = next;
            int w = lw;
            lw = rw;
            rw = w;
        }
        return (left << rw) | right;
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String slug(String word) {
        return word.toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
    }

    private static String[] slugs(List<String> words) {
        return words.stream().map(CompanyGenerator::slug).toArray(String[]::new);
    }

    private static Integer[] boxInts(int... values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
