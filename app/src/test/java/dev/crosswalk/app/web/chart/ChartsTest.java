package dev.crosswalk.app.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {

    static Document parse(Svg svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.markup().getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class A_line_chart {
        @Test
        void is_well_formed_svg_with_an_accessible_name_and_summary() throws Exception {
            Svg svg = LineChart.render("trend", "Overlaps per partner", List.of("Dec 1", "Dec 2", "Dec 3"),
                    List.of(new LineChart.Series("Globex", List.of(1L, 5L, 9L)), new LineChart.Series("Initech", Arrays.asList(null, 2L, 3L))));
            Document d = parse(svg);
            Element root = d.getDocumentElement();
            assertThat(root.getAttribute("role")).isEqualTo("img");
            assertThat(root.getAttribute("aria-labelledby")).isEqualTo("trend-title trend-desc");
            assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Overlaps per partner");
            assertThat(d.getElementsByTagName("desc").item(0).getTextContent()).contains("Globex 9").contains("Initech 3");
            assertThat(d.getElementsByTagName("path").getLength()).isEqualTo(2);
            assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(5);
        }

        @Test
        void escapes_names_so_a_partner_cannot_inject_markup() throws Exception {
            Svg svg = LineChart.render("x", "t", List.of("d"), List.of(new LineChart.Series("<script>alert('x')</script> & Co\u0001", List.of(1L))));
            assertThat(svg.markup()).doesNotContain("<script>").contains("&lt;script&gt;");
            parse(svg);
        }

        @Test
        void without_data_says_so() throws Exception {
            Svg svg = LineChart.render("x", "t", List.of(), List.of());
            assertThat(parse(svg).getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("No data yet.");
        }

        @Test
        void uses_no_inline_style_the_csp_would_block() {
            Svg svg = LineChart.render("x", "t", List.of("a", "b"), List.of(new LineChart.Series("s", List.of(0L, 3L))));
            assertThat(svg.markup()).doesNotContain("style=").doesNotContain("<script");
        }
    }

    @Nested
    class A_heat_map {
        @Test
        void labels_every_cell_and_links_only_the_non_zero_ones() throws Exception {
            long[][] v = {{0, 4}, {12, 1}};
            Svg svg = HeatMap.render("m", "Overlaps with Globex", List.of("Customers", "Prospects"), List.of("Their customers", "Open <opps>"),
                    v, "overlapping accounts", (r, c) -> "/overlaps?r=" + r + "&c=" + c);
            Document d = parse(svg);
            assertThat(d.getDocumentElement().getAttribute("role")).isEqualTo("group");
            NodeList links = d.getElementsByTagName("a");
            assertThat(links.getLength()).isEqualTo(3);
            assertThat(((Element) links.item(0)).getAttribute("href")).isEqualTo("/overlaps?r=0&c=1");
            assertThat(((Element) links.item(0)).getAttribute("aria-label")).isEqualTo("Customers × Open <opps>: 4 overlapping accounts");
            assertThat(svg.markup()).contains(">12</text>").contains(">0</text>");
        }

        @Test
        void without_links_is_one_image() throws Exception {
            Svg svg = HeatMap.render("m", "t", List.of("a"), List.of("b"), new long[][] {{3}}, "x", null);
            assertThat(parse(svg).getDocumentElement().getAttribute("role")).isEqualTo("img");
        }

        @Test
        void darker_cells_get_light_text() {
            assertThat(Palette.textOn(1)).isEqualTo("#ffffff");
            assertThat(Palette.textOn(0.1)).isEqualTo("#1b1f24");
            assertThat(Palette.scale(0)).isEqualTo("#e8f0fa");
            assertThat(Palette.scale(1)).isEqualTo("#083d77");
        }
    }

    @Test
    void axis_tops_are_round_numbers() {
        assertThat(Ticks.niceTop(0)).isZero();
        assertThat(Ticks.niceTop(3)).isEqualTo(4);
        assertThat(Ticks.niceTop(7)).isEqualTo(10);
        assertThat(Ticks.niceTop(13)).isEqualTo(20);
        assertThat(Ticks.niceTop(23)).isEqualTo(25);
        assertThat(Ticks.niceTop(420)).isEqualTo(500);
        assertThat(Ticks.niceTop(1000)).isEqualTo(1000);
        assertThat(Ticks.of(20)).containsExactly(0L, 5L, 10L, 15L, 20L);
        assertThat(Ticks.label(25_000)).isEqualTo("25k");
    }
}
