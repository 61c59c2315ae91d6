package dev.crosswalk.emulator.seed;

/** Stateless 64-bit mixing (SplitMix64's finalizer): derives independent per-record seeds from one seed. */
final class Mix {
    private Mix() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed for one purpose (e.g. "org 1, account 17, website") derived from the plan's seed. */
    static long key(long seed, long a, long b, long c) {
        long h = mix64(seed + 0x9e3779b97f4a7c15L);
        h = mix64(h ^ (a * 0xc2b2ae3d27d4eb4fL));
        h = mix64(h ^ (b * 0x165667b19e3779f9L));
        return mix64(h ^ (c * 0x27d4eb2f165667c5L));
    }
}
