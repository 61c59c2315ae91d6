package dev.crosswalk.emulator.model;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One emulated Salesforce org: its schema, its records (setup objects such as User and
 * PermissionSet are records too, so SOQL serves them like any other object), its API
 * allocation and its lock. One read-write lock per org keeps every request consistent
 * without fine-grained locking; orgs never block each other.
 */
public final class Org {
    private final String id;
    private final String name;
    private final Clock clock;
    private final Map<String, SObjectType> typesByLowerName = new LinkedHashMap<>();
    private final Map<String, SObjectType> typesByPrefix = new LinkedHashMap<>();
    private final Map<String, RecordStore> stores = new LinkedHashMap<>();
    private final AtomicLong idSequence = new AtomicLong(1);
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ApiUsage apiUsage;
    private final AtomicLong lastModstamp = new AtomicLong();
    /** Modstamps handed out without naming the object written (seeding, org creation): any object may have changed. */
    private final AtomicLong untypedWrites = new AtomicLong();
    /** Bumped on every change to a setup object: caches of effective permissions key on it. */
    private final AtomicLong setupVersion = new AtomicLong();
    private volatile boolean apiEnabled = true;
    private int customPrefixCounter = 1;
    private final Map<Class<?>, Object> extensions = new java.util.concurrent.ConcurrentHashMap<>();

    public Org(String id, String name, Clock clock, long dailyApiMax) {
        this.id = id;
        this.name = name;
        this.clock = clock;
        this.apiUsage = new ApiUsage(dailyApiMax);
    }

    public String id() { return id; }
    /** The 15-character org id, the form used in access tokens and identity URLs. */
    public String id15() { return id.substring(0, 15); }
    public String name() { return name; }
    public Clock clock() { return clock; }
    public ApiUsage apiUsage() { return apiUsage; }
    public boolean apiEnabled() { return apiEnabled; }
    public void apiEnabled(boolean enabled) { apiEnabled = enabled; }
    public long setupVersion() { return setupVersion.get(); }
    public void setupChanged() { setupVersion.incrementAndGet(); }

    /**
     * Per-org state that is not records (e.g. secrets Salesforce never returns through the API),
     * created on first use by the feature that owns it.
     */
    public <T> T extension(Class<T> type, Supplier<T> create) {
        return type.cast(extensions.computeIfAbsent(type, k -> create.get()));
    }

    public synchronized SObjectType addType(SObjectType type) {
        typesByLowerName.put(type.name().toLowerCase(Locale.ROOT), type);
        typesByPrefix.put(type.keyPrefix(), type);
        stores.put(type.name().toLowerCase(Locale.ROOT), new RecordStore(type));
        return type;
    }

    public synchronized Optional<SObjectType> type(String name) {
        return Optional.ofNullable(typesByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    public synchronized Optional<SObjectType> typeForId(String id) {
        return id == null || id.length() < 3 ? Optional.empty() : Optional.ofNullable(typesByPrefix.get(id.substring(0, 3)));
    }

    public synchronized Collection<SObjectType> types() {
        return java.util.List.copyOf(typesByLowerName.values());
    }

    public synchronized RecordStore store(SObjectType type) {
        return stores.get(type.name().toLowerCase(Locale.ROOT));
    }

    public RecordStore store(String typeName) {
        return store(type(typeName).orElseThrow(() -> new IllegalArgumentException("No type " + typeName)));
    }

    /** Finds a record of any type by id (15 or 18 characters). */
    public Optional<Record> findRecord(String id) {
        return typeForId(id).map(this::store).map(s -> s.get(id));
    }

    /** A fresh 18-character id with the type's key prefix, unique across orgs (see {@link #pod()}). */
    public String newId(SObjectType type) {
        return Ids.to18(Ids.id15(type.keyPrefix(), pod(), idSequence.getAndIncrement()));
    }

    /**
     * The org's 2-character pod marker inside record ids: the last two characters of its
     * 15-character id, which differ between orgs of one emulator (their ids are sequential).
     */
    public String pod() {
        return id.substring(13, 15);
    }

    /** The next key prefix for a custom object: a01, a02… */
    public synchronized String nextCustomKeyPrefix() {
        String prefix;
        do {
            prefix = String.format("a%02d", customPrefixCounter++);
        } while (typesByPrefix.containsKey(prefix));
        return prefix;
    }

    public long idSequence() { return idSequence.get(); }
    public void idSequence(long next) { idSequence.set(next); }

    /**
     * A strictly increasing timestamp with millisecond precision, so incremental readers that
     * filter on {@code SystemModstamp > watermark} never miss a change made in the same ms.
     */
    public Instant nextModstamp() {
        untypedWrites.incrementAndGet();
        return stamp();
    }

    /**
     * {@link #nextModstamp()} for a write to records of {@code type} only: that object's store counts the write
     * ({@link RecordStore#version()}), the other objects' caches stay valid.
     */
    public Instant nextModstamp(SObjectType type) {
        store(type).changed();
        return stamp();
    }

    private Instant stamp() {
        long now = clock.millis();
        long stamp = lastModstamp.updateAndGet(prev -> Math.max(prev + 1, now));
        return Instant.ofEpochMilli(stamp);
    }

    /** How many modstamps were handed out without naming an object: a cache of any object is stale when this moves. */
    public long untypedWrites() {
        return untypedWrites.get();
    }

    /** The last modstamp handed out: changes whenever a record is written through {@link RecordLifecycle}. */
    public long lastModstamp() {
        return lastModstamp.get();
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void writeRun(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }
}
