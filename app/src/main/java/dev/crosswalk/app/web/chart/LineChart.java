package dev.crosswalk.app.web.chart;

import java.util.List;

/**
 * A line chart of a few series over the same x labels (days, usually), rendered to SVG on the
 * server: no script, works offline, scales with its container. Accessible name and summary in
 * {@code <title>}/{@code <desc>}; each point has a {@code <title>} tooltip with its exact value.
 * Pages should still offer the numbers as a table for anyone who wants to read them exactly.
 */
public final class LineChart {
    private static final int WIDTH = 640;
    private static final int PLOT_HEIGHT = 200;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int AXIS = 28;
    private static final int LEGEND_ROW = 20;

    private LineChart() {
    }

    /** One line: its name (in the legend) and one value per x label ({@code null} = no data that day). */
    public record Series(String name, List<Long> values) {
        public Series {
            values = values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /**
     * @param id      a document-unique id prefix (for the title/desc references)
     * @param title   what the chart shows, e.g. "Overlapping accounts per partner, last 30 days"
     * @param xLabels the labels of the x axis, in order
     */
    public static Svg render(String id, String title, List<String> xLabels, List<Series> series) {
        long max = 0;
        for (Series s : series) {
            for (Long v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        long top = Ticks.niceTop(max);
        int legendRows = (series.size() + 1) / 2;
        int height = TOP + PLOT_HEIGHT + AXIS + legendRows * LEGEND_ROW + 4;
        double plotWidth = WIDTH - LEFT - RIGHT;
        int n = xLabels.size();
        StringBuilder svg = new StringBuilder();
        String tid = Svg.text(id) + "-title";
        String did = Svg.text(id) + "-desc";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" id=\"").append(Svg.text(id))
                .append("\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"").append(tid).append(' ')
                .append(did).append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.append("<title id=\"").append(tid).append("\">").append(Svg.text(title)).append("</title>");
        svg.append("<desc id=\"").append(did).append("\">").append(Svg.text(describe(xLabels, series))).append("</desc>");
        // Grid lines and y ticks.
        for (long tick : Ticks.of(top)) {
            double y = TOP + PLOT_HEIGHT - (top == 0 ? 0 : PLOT_HEIGHT * (double) tick / top);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(Svg.n(y))
                    .append("\" y2=\"").append(Svg.n(y)).append("\" stroke=\"#d9dce1\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(Svg.n(y + 4)).append("\" text-anchor=\"end\" fill=\"#4b5058\">")
                    .append(Ticks.label(tick)).append("</text>");
        }
        // X labels: first, last and a few between, so they never overlap.
        int step = Math.max(1, (int) Math.ceil(n / 6.0));
        for (int i = 0; i < n; i++) {
            if (i % step != 0 && i != n - 1) {
                continue;
            }
            if (i != n - 1 && n - 1 - i < step / 2.0 && i != 0) {
                continue;
            }
            double x = x(i, n, plotWidth);
            String anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";
            svg.append("<text x=\"").append(Svg.n(x)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18).append("\" text-anchor=\"")
                    .append(anchor).append("\" fill=\"#4b5058\">").append(Svg.text(Svg.shorten(xLabels.get(i), 12))).append("</text>");
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = Palette.series(s);
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < n && i < line.values().size(); i++) {
                Long v = line.values().get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = x(i, n, plotWidth);
                double y = TOP + PLOT_HEIGHT - (top == 0 ? 0 : PLOT_HEIGHT * (double) v / top);
                path.append(pen ? " L" : " M").append(Svg.n(x)).append(' ').append(Svg.n(y));
                pen = true;
                dots.append("<circle cx=\"").append(Svg.n(x)).append("\" cy=\"").append(Svg.n(y)).append("\" r=\"3\" fill=\"")
                        .append(colour).append("\"><title>").append(Svg.text(line.name() + ", " + xLabels.get(i) + ": " + v))
                        .append("</title></circle>");
            }
            if (!path.isEmpty()) {
                svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>");
            }
            svg.append(dots);
            int row = s / 2;
            int col = s % 2;
            double lx = LEFT + col * (plotWidth / 2);
            double ly = TOP + PLOT_HEIGHT + AXIS + row * LEGEND_ROW + 8;
            svg.append("<rect x=\"").append(Svg.n(lx)).append("\" y=\"").append(Svg.n(ly - 9)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour).append("\"/>");
            svg.append("<text x=\"").append(Svg.n(lx + 18)).append("\" y=\"").append(Svg.n(ly + 1)).append("\" fill=\"#1b1f24\">")
                    .append(Svg.text(Svg.shorten(line.name(), 36))).append("</text>");
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    private static double x(int i, int n, double plotWidth) {
        return n <= 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (n - 1);
    }

    /** The summary a screen reader reads: each series' latest value. */
    static String describe(List<String> xLabels, List<Series> series) {
        if (series.isEmpty() || xLabels.isEmpty()) {
            return "No data yet.";
        }
        StringBuilder out = new StringBuilder("From " + xLabels.get(0) + " to " + xLabels.get(xLabels.size() - 1) + ". Latest: ");
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            Long last = null;
            for (Long v : line.values()) {
                if (v != null) {
                    last = v;
                }
            }
            out.append(s == 0 ? "" : "; ").append(line.name()).append(' ').append(last == null ? "no data" : last);
        }
        return out.append('.').toString();
    }
}
