package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncInputTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void xmlRecordsBecomeOneTableWithNilAsNullAndParentKeysAsRelationshipColumns() {
        AsyncInput.Rows rows = AsyncInput.rows(bytes("<sObjects xmlns=\"" + AsyncOutput.NS + "\" xmlns:xsi=\""
                + AsyncInput.XSI + "\"><sObject><Name>A</Name><Note__c xsi:nil=\"true\"/></sObject>"
                + "<sObject><name>B</name><Parent__r><Ext__c>K</Ext__c></Parent__r></sObject></sObjects>"),
                AsyncJob.ContentType.XML);
        assertThat(rows.header()).containsExactly("Name", "Note__c", "Parent__r.Ext__c");
        assertThat(rows.rows()).containsExactly(List.of("A", "#N/A", ""), List.of("B", "", "K"));
    }

    @Test
    void jsonRecordsSkipAttributesAndKeepNullsAsNull() {
        AsyncInput.Rows rows = AsyncInput.rows(bytes("[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\","
                + "\"NumberOfEmployees\":5,\"Site\":null}]"), AsyncJob.ContentType.JSON);
        assertThat(rows.header()).containsExactly("Name", "NumberOfEmployees", "Site");
        assertThat(rows.rows()).containsExactly(List.of("A", "5", "#N/A"));
    }

    @Test
    void csvTakesEitherLineEnding() {
        assertThat(AsyncInput.rows(bytes("Name\r\nA\r\n"), AsyncJob.ContentType.CSV).rows()).containsExactly(List.of("A"));
        assertThat(AsyncInput.rows(bytes("Name\nA\n"), AsyncJob.ContentType.CSV).rows()).containsExactly(List.of("A"));
    }

    @Test
    void aJobInfoWithAnotherRootIsRefusedAsInvalidJob() {
        assertThatThrownBy(() -> AsyncInput.jobInfo(bytes("<batchInfo/>"), false))
                .isInstanceOfSatisfying(AsyncError.class, e -> assertThat(e.exceptionCode()).isEqualTo("InvalidJob"));
        assertThat(AsyncInput.jobInfo(bytes(" \n<?xml version=\"1.0\"?><jobInfo xmlns=\"" + AsyncOutput.NS
                + "\"><state>Closed</state></jobInfo>"), false)).containsEntry("state", "Closed");
    }

    @Test
    void pkChunkingHeaderReadsTrueFalseAndChunkSize() {
        assertThat(AsyncEndpoints.pkChunkSize("TRUE")).isEqualTo(100_000);
        assertThat(AsyncEndpoints.pkChunkSize("false")).isZero();
        assertThat(AsyncEndpoints.pkChunkSize("chunkSize=1000; startRow=00130000000xEftMGH")).isEqualTo(1000);
        assertThatThrownBy(() -> AsyncEndpoints.pkChunkSize("chunkSize=0")).isInstanceOf(AsyncError.class);
    }

    @Test
    void aChunkQueryShowsItsIdRangeInTheWhereClause() {
        assertThat(AsyncJobs.withIdRange("SELECT Name FROM Account", "001A", "001B"))
                .isEqualTo("SELECT Name FROM Account WHERE Id >= '001A' AND Id < '001B'");
        assertThat(AsyncJobs.withIdRange("SELECT Name FROM Account WHERE Name = 'x' ORDER BY Name", "001A", null))
                .isEqualTo("SELECT Name FROM Account WHERE Id >= '001A' AND Name = 'x' ORDER BY Name");
        assertThat(AsyncJobs.withIdRange("SELECT Name FROM Account LIMIT 5", "001A", null))
                .isEqualTo("SELECT Name FROM Account WHERE Id >= '001A' LIMIT 5");
    }
}
