package dev.crosswalk.app.web.chart;

import java.util.List;

/**
 * A heat-map of counts: rows × columns, each cell shaded by its value and labelled with it, rendered
 * to SVG on the server. Cells may link somewhere (a drill-down): they become SVG links with an
 * accessible name ("row × column: n"), reachable by keyboard. Zero cells are plain, unlinked.
 */
public final class HeatMap {
    private static final int CELL_W = 72;
    private static final int CELL_H = 40;
    private static final int PAD = 8;
    private static final int CHAR_W = 7;
    private static final int MAX_LABEL = 28;

    private HeatMap() {
    }

    /** Where a cell links to, or null for none. */
    @FunctionalInterface
    public interface Links {
        String href(int row, int column);
    }

    /**
     * @param id        a document-unique id prefix
     * @param title     what the chart shows (its accessible name)
     * @param rowLabels the rows' names (e.g. my populations)
     * @param colLabels the columns' names (e.g. the partner's populations)
     * @param values    {@code values[row][column]}
     * @param unit      what a value counts, for the cells' names ("overlapping accounts")
     * @param links     a cell's link, or null for none; may itself be null
     */
    public static Svg render(String id, String title, List<String> rowLabels, List<String> colLabels, long[][] values, String unit,
            Links links) {
        int rows = rowLabels.size();
        int cols = colLabels.size();
        long max = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, values[r][c]);
            }
        }
        int longestRow = rowLabels.stream().mapToInt(s -> Svg.shorten(s, MAX_LABEL).length()).max().orElse(4);
        int longestCol = colLabels.stream().mapToInt(s -> Svg.shorten(s, MAX_LABEL).length()).max().orElse(4);
        int left = PAD + longestRow * CHAR_W + PAD;
        // Column labels stand at 45°, so their height is about their length × sin(45°).
        int top = PAD + (int) Math.ceil(longestCol * CHAR_W * 0.72) + 12;
        int width = left + cols * CELL_W + PAD + CELL_W / 2;
        int height = top + rows * CELL_H + PAD;
        boolean linked = false;
        StringBuilder body = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            double cx = left + c * CELL_W + CELL_W / 2.0;
            String label = colLabels.get(c);
            body.append("<text x=\"").append(Svg.n(cx)).append("\" y=\"").append(top - 6)
                    .append("\" transform=\"rotate(-45 ").append(Svg.n(cx)).append(' ').append(top - 6)
                    .append(")\" fill=\"#1b1f24\"><title>").append(Svg.text(label)).append("</title>")
                    .append(Svg.text(Svg.shorten(label, MAX_LABEL))).append("</text>");
        }
        for (int r = 0; r < rows; r++) {
            double y = top + r * CELL_H;
            String label = rowLabels.get(r);
            body.append("<text x=\"").append(left - PAD).append("\" y=\"").append(Svg.n(y + CELL_H / 2.0 + 4))
                    .append("\" text-anchor=\"end\" fill=\"#1b1f24\"><title>").append(Svg.text(label)).append("</title>")
                    .append(Svg.text(Svg.shorten(label, MAX_LABEL))).append("</text>");
            for (int c = 0; c < cols; c++) {
                long v = values[r][c];
                double t = max == 0 ? 0 : (double) v / max;
                double x = left + c * CELL_W;
                String name = label + " × " + colLabels.get(c) + ": " + v + " " + unit;
                String href = links == null || v == 0 ? null : links.href(r, c);
                StringBuilder cell = new StringBuilder();
                cell.append("<rect x=\"").append(Svg.n(x + 1)).append("\" y=\"").append(Svg.n(y + 1)).append("\" width=\"")
                        .append(CELL_W - 2).append("\" height=\"").append(CELL_H - 2).append("\" rx=\"3\" fill=\"")
                        .append(v == 0 ? "#f4f5f7" : Palette.scale(0.15 + 0.85 * t)).append("\" stroke=\"#d9dce1\"/>");
                cell.append("<text x=\"").append(Svg.n(x + CELL_W / 2.0)).append("\" y=\"").append(Svg.n(y + CELL_H / 2.0 + 4))
                        .append("\" text-anchor=\"middle\" font-weight=\"600\" fill=\"")
                        .append(v == 0 ? "#4b5058" : Palette.textOn(0.15 + 0.85 * t)).append("\">").append(v).append("</text>");
                if (href != null) {
                    linked = true;
                    body.append("<a href=\"").append(Svg.text(href)).append("\" class=\"heat-cell\" aria-label=\"")
                            .append(Svg.text(name)).append("\"><title>").append(Svg.text(name)).append("</title>").append(cell)
                            .append("</a>");
                } else {
                    body.append("<g class=\"heat-cell\"><title>").append(Svg.text(name)).append("</title>").append(cell)
                            .append("</g>");
                }
            }
        }
        String tid = Svg.text(id) + "-title";
        String did = Svg.text(id) + "-desc";
        StringBuilder svg = new StringBuilder();
        // With links inside, the chart is a group (role=img would hide the links from assistive technology).
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heat-map\" id=\"").append(Svg.text(id))
                .append("\" role=\"").append(linked ? "group" : "img").append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"").append(tid).append(' ').append(did)
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        svg.append("<title id=\"").append(tid).append("\">").append(Svg.text(title)).append("</title>");
        svg.append("<desc id=\"").append(did).append("\">").append(Svg.text(rows + " rows × " + cols + " columns; the highest cell is "
                + max + " " + unit + ".")).append("</desc>");
        svg.append(body).append("</svg>");
        return new Svg(svg.toString());
    }
}
