package dev.crosswalk.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crosswalk.emulator.EmulatorOptions;
import dev.crosswalk.emulator.EmulatorState;
import dev.crosswalk.emulator.model.FieldDef;
import dev.crosswalk.emulator.model.Org;
import dev.crosswalk.emulator.model.Record;
import dev.crosswalk.emulator.model.RecordLifecycle;
import dev.crosswalk.emulator.model.SObjectType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgIndexCacheTest {
    private Org org;
    private SObjectType thing;
    private SObjectType account;
    private FieldDef ext;
    private ValueIndex cached;

    @BeforeEach
    void setUp() {
        org = new EmulatorState(EmulatorOptions.builder().build()).createOrg("Index Org");
        org.addType(TestObjects.thingType(org));
        thing = org.type("Thing__c").orElseThrow();
        account = org.type("Account").orElseThrow();
        ext = thing.require("Ext__c");
        org.writeRun(() -> {
            Record r = RecordLifecycle.create(org, thing, null);
            r.set(ext, "E-1");
            cached = new ValueIndex(org.store(thing), ext);
            OrgIndexCache.put(org, BatchIndexes.key(thing, ext), cached, org.store(thing));
        });
    }

    private ValueIndex lookup() {
        return org.read(() -> OrgIndexCache.get(org, BatchIndexes.key(thing, ext), org.store(thing)));
    }

    @Test
    void an_index_stays_valid_while_only_other_objects_are_written() {
        org.writeRun(() -> {
            Record a = RecordLifecycle.create(org, account, null);
            RecordLifecycle.touch(org, account, a, null);
        });
        assertThat(lookup()).as("a Bulk update of Accounts beside an upsert of Things must not rebuild the Things' index")
                .isSameAs(cached);
    }

    @Test
    void a_write_to_the_indexed_object_makes_it_stale() {
        org.writeRun(() -> RecordLifecycle.touch(org, thing, org.store(thing).all().iterator().next(), null));
        assertThat(lookup()).isNull();
    }

    @Test
    void a_record_added_to_the_indexed_object_makes_it_stale() {
        org.writeRun(() -> RecordLifecycle.create(org, thing, null));
        assertThat(lookup()).isNull();
    }

    @Test
    void a_modstamp_taken_without_naming_an_object_makes_every_index_stale() {
        org.writeRun(org::nextModstamp);
        assertThat(lookup()).as("seeding takes modstamps for whole batches and may have written any object").isNull();
    }
}
