package dev.crosswalk.app.sync;

import java.util.UUID;

/** Starts a sync soon on whichever node picks it up (implemented by the scheduler). */
public interface SyncLauncher {
    /** Returns false if a run of this integration is already queued or running. */
    boolean launch(UUID integrationId, SyncTrigger trigger);
}
