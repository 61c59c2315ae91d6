package dev.crosswalk.app.web.chart;

import java.util.List;

/**
 * Colours for series (distinguishable with the common colour-vision deficiencies: Okabe–Ito, darkened
 * where needed for 3:1 contrast against white) and the heat-map's light-to-dark scale.
 */
final class Palette {
    static final List<String> SERIES = List.of("#0b57a4", "#c25400", "#1a7f5a", "#a4237a", "#5b4bb7", "#8a6d00", "#0d7c8c",
            "#4b5058");
    private static final int[] LIGHT = {0xe8, 0xf0, 0xfa};
    private static final int[] DARK = {0x08, 0x3d, 0x77};

    private Palette() {
    }

    static String series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /** {@code t} in 0..1: 0 is the lightest blue, 1 the darkest. */
    static String scale(double t) {
        double c = Math.max(0, Math.min(1, t));
        StringBuilder out = new StringBuilder("#");
        for (int k = 0; k < 3; k++) {
            int v = (int) Math.round(LIGHT[k] + (DARK[k] - LIGHT[k]) * c);
            out.append(String.format("%02x", v));
        }
        return out.toString();
    }

    /** Text on a cell of scale {@code t}: white from where the background gets dark enough for 4.5:1. */
    static String textOn(double t) {
        return t >= 0.5 ? "#ffffff" : "#1b1f24";
    }
}
