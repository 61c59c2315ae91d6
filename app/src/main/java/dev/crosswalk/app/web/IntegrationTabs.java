package dev.crosswalk.app.web;

import dev.crosswalk.app.system.Screens;
import java.util.List;
import java.util.UUID;

/**
 * The tabs of an integration's page, from {@link Screens}. Another kind of integration (the
 * Custom Objects one) builds its own list the same way and reuses the tabs fragment
 * ({@code fragments/integration :: tabs}).
 *
 * @param count a number shown on the tab (open errors), 0 for none
 */
public record IntegrationTabs(List<Tab> tabs) {
    public record Tab(String screen, String title, String url, int count) {
    }

    static IntegrationTabs of(UUID id, int openErrors) {
        return new IntegrationTabs(List.of(
                tab(Screens.INTEGRATION_OVERVIEW, id, 0),
                new Tab(Screens.INTEGRATION_GENERAL_SETTINGS.name(), "Settings", Screens.INTEGRATION_GENERAL_SETTINGS.url(id), 0),
                tab(Screens.INTEGRATION_ERRORS, id, openErrors),
                tab(Screens.INTEGRATION_HISTORY, id, 0)));
    }

    public static Tab tab(Screens screen, UUID id, int count) {
        return new Tab(screen.name(), screen.title(), screen.url(id), count);
    }

    /** Whether {@code tab} is the open tab (Settings covers both of its pages). */
    public boolean current(Tab tab, String openScreen) {
        return tab.screen().equals(openScreen)
                || tab.screen().equals(Screens.INTEGRATION_GENERAL_SETTINGS.name())
                        && openScreen.equals(Screens.INTEGRATION_ADVANCED_SETTINGS.name());
    }
}
