package dev.crosswalk.app.record;

import dev.crosswalk.app.integration.SyncSettings;
import dev.crosswalk.app.org.MemberPrincipal;
import dev.crosswalk.app.system.CrosswalkException;
import dev.crosswalk.app.system.ErrorCode;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Browsing and searching the synced records of the signed-in member's organization. */
@Service
public class RecordService {
    static final int MAX_LIMIT = 200;
    private static final Pattern SF_ID = Pattern.compile("[a-zA-Z0-9]{18}");

    private final RecordRepository repository;

    RecordService(RecordRepository repository) {
        this.repository = repository;
    }

    public RecordPage search(MemberPrincipal me, UUID integrationId, String object, String q, int limit, int offset) {
        requireObject(object);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "limit must be 1.." + MAX_LIMIT + " and offset ≥ 0");
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        RecordRepository.Search s = new RecordRepository.Search(me.organizationId(), integrationId, object, query, limit, offset);
        return new RecordPage(repository.count(s), limit, offset, repository.page(s));
    }

    /** Stored (not deleted) records of one integration per object, for its overview. */
    public Map<String, Long> countsByObject(UUID organizationId, UUID integrationId) {
        return repository.countsByObject(organizationId, integrationId);
    }

    public StoredRecord get(MemberPrincipal me, String object, String sfId) {
        requireObject(object);
        if (!SF_ID.matcher(sfId).matches()) {
            throw CrosswalkException.notFound("Record");
        }
        return repository.find(me.organizationId(), object, sfId).orElseThrow(() -> CrosswalkException.notFound("Record"));
    }

    private static void requireObject(String object) {
        if (!SyncSettings.SYNCABLE_OBJECTS.contains(object)) {
            throw CrosswalkException.of(ErrorCode.VALIDATION_FAILED, "object must be one of " + SyncSettings.SYNCABLE_OBJECTS);
        }
    }
}
