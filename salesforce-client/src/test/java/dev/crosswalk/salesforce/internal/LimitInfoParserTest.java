package dev.crosswalk.salesforce.internal;

import dev.crosswalk.salesforce.LimitInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LimitInfoParserTest {

    @Test
    void org_usage_is_read_and_per_app_usage_is_not_mistaken_for_it() {
        assertThat(LimitInfoParser.parse("api-usage=18/5000")).contains(new LimitInfo(18, 5000));
        assertThat(LimitInfoParser.parse("per-app-api-usage=17/250(appName=x); api-usage=19/5000"))
                .contains(new LimitInfo(19, 5000));
        assertThat(LimitInfoParser.parse("api-usage=25/5000; per-app-api-usage=17/250(appName=sample)"))
                .contains(new LimitInfo(25, 5000));
    }

    @Test
    void garbage_or_absence_gives_nothing() {
        assertThat(LimitInfoParser.parse(null)).isEmpty();
        assertThat(LimitInfoParser.parse("api-usage=abc")).isEmpty();
        assertThat(LimitInfoParser.parse("per-app-api-usage=1/2(appName=x)")).isEmpty();
    }
}
