package dev.crosswalk.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crosswalk.emulator.http.ApiException;
import dev.crosswalk.emulator.model.Org;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestJobTest {
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final IngestJob job = new IngestJob("750Rx0000000001AAA", new Org("00DRx0000000001AAA", "O", Clock.systemUTC(), 10),
            "005Rx0000000001AAA", now, IngestJob.Operation.insert, "Account", null, "59.0", ColumnDelimiter.COMMA, LineEnding.LF);

    private static byte[] csv(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_job_accepts_uploads_only_while_open() {
        job.upload(csv("Name\nA\n"), now);
        job.upload(csv("Name\nB\n"), now);
        job.uploadComplete(now);
        assertThat(job.state()).isEqualTo(JobState.UploadComplete);
        assertThatThrownBy(() -> job.upload(csv("Name\nC\n"), now))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo("INVALIDJOBSTATE"));
        assertThatThrownBy(() -> job.uploadComplete(now)).isInstanceOf(ApiException.class);
    }

    @Test
    void starting_hands_over_every_upload_once_and_moves_to_in_progress() {
        job.upload(csv("Name\nA\n"), now);
        job.uploadComplete(now);
        List<byte[]> data = job.start(now);
        assertThat(data).hasSize(1);
        assertThat(job.state()).isEqualTo(JobState.InProgress);
        assertThat(job.start(now)).as("a second start gets nothing").isNull();
    }

    @Test
    void a_job_aborted_while_in_progress_stops_processing_and_stays_aborted() {
        job.uploadComplete(now);
        job.start(now);
        assertThat(job.running()).isTrue();
        job.abort(now);
        assertThat(job.running()).isFalse();
        assertThat(job.finished()).as("the processor completes it when it notices").isNotDone();
        job.complete(now, 5);
        assertThat(job.state()).isEqualTo(JobState.Aborted);
        assertThat(job.finished()).isCompletedWithValue(JobState.Aborted);
    }

    @Test
    void a_job_aborted_before_it_started_never_starts() {
        job.upload(csv("Name\nA\n"), now);
        job.uploadComplete(now);
        job.abort(now);
        assertThat(job.start(now)).isNull();
        assertThat(job.finished()).isCompletedWithValue(JobState.Aborted);
        assertThat(job.pendingUploads()).hasSize(1);
    }

    @Test
    void finished_jobs_cannot_be_aborted_and_open_ones_cannot_be_deleted() {
        assertThatThrownBy(job::checkDeletable).isInstanceOf(ApiException.class);
        job.uploadComplete(now);
        job.start(now);
        job.complete(now, 1);
        assertThat(job.state()).isEqualTo(JobState.JobComplete);
        assertThatThrownBy(() -> job.abort(now)).isInstanceOf(ApiException.class);
        job.checkDeletable();
    }

    @Test
    void counters_count_failed_rows_as_processed_too() {
        job.record(List.of(new IngestJob.RowResult(List.of("A"), "001Rx0000000001AAA", true, null),
                new IngestJob.RowResult(List.of(""), null, false, "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --")));
        assertThat(job.info().processed()).isEqualTo(2);
        assertThat(job.info().failed()).isEqualTo(1);
    }
}
