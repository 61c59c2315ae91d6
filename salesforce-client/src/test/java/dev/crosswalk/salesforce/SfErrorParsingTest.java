package dev.crosswalk.salesforce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SfErrorParsingTest {

    @Test
    void ingest_failed_result_errors_are_split_into_code_message_and_fields() {
        ApiError e = DefaultBulkIngestApi.parseSfError("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
        assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(e.message()).isEqualTo("Required fields are missing: [Name]");
        assertThat(e.fields()).containsExactly("Name");
    }

    @Test
    void errors_without_fields_or_without_a_code_are_kept_whole() {
        ApiError noFields = DefaultBulkIngestApi.parseSfError("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
        assertThat(noFields.errorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(noFields.message()).isEqualTo("invalid cross reference id");
        assertThat(noFields.fields()).isEmpty();
        assertThat(DefaultBulkIngestApi.parseSfError("something odd").message()).isEqualTo("something odd");
    }
}
