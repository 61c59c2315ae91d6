package dev.crosswalk.app.push;

import dev.crosswalk.app.integration.CustomObjectsIntegration;
import org.springframework.stereotype.Component;

/**
 * What the Custom Objects integration's header shows of push on every one of its pages (as
 * {@code @pushTabs} in templates, like {@code @shell}): the number on the Rejected rows tab. The
 * header is shared by pages of two features, so the count comes from here rather than from each
 * page's controller.
 */
@Component("pushTabs")
public class PushTabs {
    private final PushStore store;

    PushTabs(PushStore store) {
        this.store = store;
    }

    /** Rows Salesforce refused and push keeps retrying, for an integration the page already checked belongs to the member. */
    public int rejected(CustomObjectsIntegration co) {
        return store.rejectionCounts(co.id()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
