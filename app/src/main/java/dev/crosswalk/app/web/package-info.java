/**
 * The server-rendered UI (Thymeleaf, htmx, WebJars).
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>No inline scripts or styles (the CSP forbids them): JavaScript lives in static files.
 * <li>Forms carry CSRF tokens ({@code th:action} adds them); failures are shown on the page, never as JSON.
 * <li>Pages call the features' public services, never their repositories.
 * <li>The sharing preview ("what Globex will see", {@code SharingPreview}) asks the overlap reports
 *     <em>as the partner</em>; it never re-applies sharing rules itself, and shows only our side of
 *     what comes back (the partner's populations and records stay theirs).
 * <li>Charts are server-rendered SVG ({@code web.chart}): inserted with {@code th:utext}, so every
 *     label goes through {@code Svg.text}; presentation attributes only (the CSP forbids inline styles).
 * </ul>
 */
package dev.crosswalk.app.web;
