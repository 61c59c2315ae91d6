/**
 * The server-rendered UI (Thymeleaf, htmx, WebJars).
 *
 * <h2>Easy to get wrong</h2>
 * <ul>
 * <li>No inline scripts or styles (the CSP forbids them): JavaScript lives in static files.
 * <li>Forms carry CSRF tokens ({@code th:action} adds them); failures are shown on the page, never as JSON.
 * <li>Pages call the features' public services, never their repositories.
 * </ul>
 */
package dev.crosswalk.app.web;
