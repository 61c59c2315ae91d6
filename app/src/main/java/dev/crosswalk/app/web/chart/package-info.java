/**
 * Charts drawn on the server as SVG (a line chart for trends, a heat map for overlap matrices), so the
 * pages need no script and work offline under the content security policy.
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>Every label and title goes through {@code Svg.text}: population and partner names are user
 *     input, and an SVG inlined in the page runs whatever markup it is given.</li>
 * <li>No inline {@code style} attributes or scripts: the CSP refuses them; colours are presentation
 *     attributes ({@code fill}, from {@code Palette}).</li>
 * <li>A chart needs an accessible name and summary ({@code <title>}, {@code <desc>}); a heat map whose
 *     cells are links is a {@code group}, not an {@code img}, or screen readers hide the links.</li>
 * </ul>
 */
package dev.crosswalk.app.web.chart;
