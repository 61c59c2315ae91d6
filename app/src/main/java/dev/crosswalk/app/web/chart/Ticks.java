package dev.crosswalk.app.web.chart;

import java.util.ArrayList;
import java.util.List;

/** Round axis values: the top of the axis is 1, 2, 2.5 or 5 × a power of ten, split in four or five. */
final class Ticks {
    private Ticks() {
    }

    static long niceTop(long max) {
        if (max <= 0) {
            return 0;
        }
        if (max <= 4) {
            return 4;
        }
        long pow = 1;
        while (pow * 10 <= max) {
            pow *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * pow >= max) {
                return m * pow;
            }
            if (m == 2 && pow >= 10 && (25 * pow / 10) >= max) {
                return 25 * pow / 10;
            }
        }
        return 10 * pow;
    }

    static List<Long> of(long top) {
        List<Long> out = new ArrayList<>();
        if (top <= 0) {
            out.add(0L);
            return out;
        }
        int parts = top % 4 == 0 ? 4 : 5;
        for (int i = 0; i <= parts; i++) {
            out.add(top * i / parts);
        }
        return out;
    }

    static String label(long v) {
        if (v >= 1_000_000 && v % 100_000 == 0) {
            return Svg.n(v / 1_000_000.0) + "M";
        }
        if (v >= 1_000 && v % 100 == 0) {
            return Svg.n(v / 1_000.0) + "k";
        }
        return Long.toString(v);
    }
}
